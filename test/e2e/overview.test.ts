// The window's overview end to end: a real engine checks loopback servers, a real history
// records, and the page built by Vite answers "is it me, my network, or them?" in Chromium —
// in light and dark, in English and in Arabic right to left, with no serious accessibility issue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, healthyReferences } from '../lab/lab';
import { openPage, screenshotPath } from './harness';
import { call, seriousViolations, startWorld, type World } from './world';

let world: World;

beforeAll(async () => {
  world = await startWorld();
}, 60_000);

afterAll(() => world?.close());

describe('the overview', () => {
  it('all well, then a provider outage pushed live, then Arabic; accessible in light and dark', async () => {
    const { lab, engine, history, settings } = world;
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'ok' });
    lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-operational.json'),
    });
    await engine.scheduler.checkNow();
    const { page, push, errors } = await openPage(world.browser, world.pageFile, world.handlers());
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toBe('All services are up');
    await page.locator('.service h3', { hasText: 'Chat' }).waitFor();
    expect(await page.locator('.service .badge').first().textContent()).toBe('✓ up');
    // One path per state present: 88 days up, 1 degraded, 1 down, drawn as 90 rectangles.
    const paths = page.locator('.strip').first().locator('path');
    expect(await paths.evaluateAll((all) => all.map((p) => p.getAttribute('class')))).toEqual([
      'cell cell-up',
      'cell cell-degraded',
      'cell cell-down',
    ]);
    expect(
      await paths.evaluateAll((all) =>
        all.map((p) => (p.getAttribute('d')?.match(/M/g) ?? []).length),
      ),
    ).toEqual([88, 1, 1]);
    expect(await page.locator('.strip').first().getAttribute('aria-label')).toBe(
      'Chat — Last 90 days (Days up: 88; with problems: 1; with an outage: 1; without data: 0)',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('overview-ok-light') });

    // "Check now" shows its progress, then comes back.
    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByRole('button', { name: 'Check now' }).waitFor();

    lab.http.route('/', { status: 503 });
    lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-major.json'),
    });
    const outage = await engine.scheduler.checkNow();
    expect(outage.overall).toBe('outage');
    await push({ type: 'snapshot', snapshot: outage });
    await expect
      .poll(() => status.textContent())
      .toMatch(/^Chat has been down for everyone since .+ — ChatCo’s status page confirms it$/);
    expect(await page.locator('.evidence').first().textContent()).toBe(
      'chat.lab.test answered with error 503; status page: Major System Outage',
    );
    expect(await page.locator('.service .badge').first().textContent()).toBe('✗ down');
    await page.screenshot({ path: screenshotPath('overview-outage-light') });

    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('overview-outage-dark') });
    await page.emulateMedia({ colorScheme: 'light' });

    expect(await call(page, (v) => v.updateSettings({ language: 'ar' }))).toMatchObject({
      ok: true,
    });
    await push({ type: 'settings', settings: settings.get() });
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await status.textContent()).toMatch(
      /^خدمة Chat متوقفة لدى الجميع منذ .+ — صفحة حالة ChatCo تؤكد ذلك$/,
    );
    expect(await page.locator('.strip').first().getAttribute('direction')).toBe('ltr');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('overview-outage-ar') });

    expect(errors).toEqual([]);
    expect(history.incidents().filter((i) => i.end === null)).toEqual([
      expect.objectContaining({ serviceId: 'chat', worstState: 'down' }),
    ]);
    await call(page, (v) => v.updateSettings({ language: 'en' }));
  });
});
