// The second opinion in the window: when Chat cannot be reached from here, other networks (a
// Globalping-compatible server on loopback) say whether it is this connection, the country, or
// everyone — in the banner and in the service's evidence, in English and in Arabic.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerFrom, startGlobalpingLab, type GlobalpingLab } from '../lab/globalping-lab';
import { screenshotPath } from './harness';
import { allWell, openWindow, startWorld, type World } from './world';

let world: World;
let globalping: GlobalpingLab;

beforeAll(async () => {
  globalping = await startGlobalpingLab();
  world = await startWorld({ secondOpinion: { url: globalping.url, country: 'CI' } });
}, 60_000);

afterAll(async () => {
  await world?.close();
  await globalping?.close();
});

beforeEach(async () => {
  allWell(world);
  world.settings.update((s) => ({ ...s, language: 'en', theme: 'system' }));
  // Chat reachable again: the last trouble is over.
  await world.engine.scheduler.checkNow();
});

/** Chat blocked from here (its name no longer resolves, a block page answers on the connection
 * still open), while its status page says all is well. */
function blocked(): void {
  world.lab.dns.set('chat.lab.test', { rcode: 'NXDOMAIN' });
  world.lab.http.route('/', { status: 403, body: 'Blocked by your provider' });
}

/** Globalping answers: so many of 3 probes in Côte d'Ivoire and of 3 elsewhere reach the service. */
const answer = (inCountry: number, elsewhere: number) =>
  answerFrom(globalping, inCountry, elsewhere);

describe('is it me, my network, or them? — asked of other networks', () => {
  it('other networks in the country reach it: your connection, with the counts as evidence', async () => {
    blocked();
    answer(3, 3);
    await world.engine.scheduler.checkNow();
    const { page, errors } = await openWindow(world);
    expect(await page.locator('.banner-text').textContent()).toBe(
      'Your connection cannot reach Chat, while other networks in your country can',
    );
    await page.getByRole('button', { name: 'Details of Chat' }).click();
    await page.getByRole('heading', { level: 2, name: 'Chat' }).waitFor();
    expect(await page.locator('.second-opinion').textContent()).toMatch(
      /^Checked from other networks \(Globalping\) at .+: reached from 3 of 3 networks in Côte d’Ivoire, from 3 of 3 networks elsewhere$/,
    );
    await page.screenshot({ path: screenshotPath('second-opinion-network'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('unreachable in the country, reachable elsewhere: your country — in Arabic too', async () => {
    blocked();
    answer(0, 3);
    // A new trouble (Chat was reachable in between): asked again, not the last answer reused.
    const snapshot = await world.engine.scheduler.checkNow();
    expect(snapshot.services.find((s) => s.id === 'chat')?.secondOpinion?.outcome).toBe('country');
    world.settings.update((s) => ({ ...s, language: 'ar' }));
    const { page, errors } = await openWindow(world);
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.banner-text').textContent()).toMatch(
      /^تعذّر الوصول إلى خدمة Chat من بلدك منذ .+؛ تصل إليها شبكات في أماكن أخرى$/,
    );
    await page.screenshot({ path: screenshotPath('second-opinion-country-ar'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
