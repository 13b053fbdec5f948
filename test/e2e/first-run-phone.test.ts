// The first run's "alert my phone" step in Chromium, over the handlers the app runs: a topic made
// for the person, shown as the QR code the ntfy app opens and as text; "Send a test" saves the
// channel as Settings → Alerts does and its test reaches a loopback ntfy-compatible server, the
// result said inline. In English by keyboard, in Arabic right to left, where the step is skipped
// and the channel its test saved goes again. Screenshots go to docs/ (the README's).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startAlertLab, type AlertLab } from '../lab/alert-lab';
import { openPage, screenshotPath } from './harness';
import { allWell, inBothThemes, startWorld, type World } from './world';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
let world: World;
let lab: AlertLab;

beforeAll(async () => {
  world = await startWorld();
  lab = await startAlertLab();
}, 90_000);

afterAll(async () => {
  await lab?.close();
  await world?.close();
});

beforeEach(async () => {
  allWell(world);
  world.settings.update((s) => ({
    ...s,
    firstRun: 'pending',
    alerts: { ...s.alerts, channels: [] },
  }));
  await world.alerts.reload();
});

/** Opens the first run as a person on a system in `locale`, and goes to its phone step. */
async function phoneStep(locale: string, next: string, title: string) {
  const opened = await openPage(world.browser, world.pageFile, world.handlers(), locale);
  const { page } = opened;
  await page.locator('.first-run h2').waitFor();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: next }).press('Enter');
  await page.getByRole('heading', { name: title }).waitFor();
  return opened;
}

/** Saves a screenshot under docs/ as well, for the README. */
async function toDocs(page: Page, name: string): Promise<void> {
  const path = screenshotPath(name);
  await page.screenshot({ path, fullPage: true });
  copyFileSync(path, join(DOCS, `${name}.png`));
}

it('sets up the phone in English by keyboard: a generated topic, its QR code, a test that reaches ntfy', async () => {
  world.settings.update((s) => ({ ...s, language: 'en' }));
  const { page, errors } = await phoneStep('en-CI', 'Next', 'Alerts on your phone');
  // The step's heading has the focus, as every step's.
  expect(await page.evaluate('document.activeElement?.textContent')).toBe('Alerts on your phone');
  expect(await page.locator('.first-run .field-hint').first().textContent()).toBe('Step 4 of 4');
  const topic = page.getByLabel('Server and topic');
  await expect.poll(() => topic.inputValue()).toMatch(/^https:\/\/ntfy\.sh\/vigie-[a-z2-9]{16}$/);
  const generated = await topic.inputValue();
  // The QR code the Android app opens, and the same address as text for the iPhone.
  await page.getByRole('img', { name: generated.replace('https://', 'ntfy://') }).waitFor();
  expect(await page.locator('.first-run code').textContent()).toBe(generated);
  const themes = await inBothThemes(page, 'first-run-phone');
  expect(themes).toEqual({ light: [], dark: [] });
  await toDocs(page, 'first-run-phone');

  // The test goes to the loopback server instead of ntfy.sh.
  await topic.fill(`${lab.base}/ntfy/vigie-first-run`);
  await page
    .getByRole('img', { name: /^ntfy:\/\/127\.0\.0\.1:\d+\/ntfy\/vigie-first-run$/ })
    .waitFor();
  await page.getByRole('button', { name: 'Send a test' }).press('Enter');
  await expect
    .poll(() => page.locator('.first-run [role="status"]').textContent())
    .toBe('Test accepted: check that it arrived.');
  expect(lab.accepted('/ntfy/vigie-first-run').map((r) => r.headers['title'])).toEqual([
    'Vigie test alert',
  ]);
  await page.getByRole('button', { name: 'Start watching' }).press('Enter');
  await page.locator('#view-heading').waitFor();

  // The same channel as one made in Settings → Alerts, its last delivery known.
  expect(world.settings.get().alerts.channels).toEqual([
    expect.objectContaining({ id: 'phone', kind: 'ntfy', url: `${lab.base}/ntfy/vigie-first-run` }),
  ]);
  expect(world.settings.get().firstRun).toBe('done');
  const [channel] = world.alerts.list();
  expect(channel?.state.lastDelivery).not.toBeNull();
  // Only one test went out: saving on Finish sent nothing more.
  expect(lab.accepted('/ntfy/vigie-first-run')).toHaveLength(1);
  expect(errors).toEqual([]);
  await page.close();
});

it('reads right to left in Arabic; a test result is said there, and skipping removes the channel it saved', async () => {
  world.settings.update((s) => ({ ...s, language: 'ar' }));
  const { page, errors } = await phoneStep('ar-MA', 'التالي', 'التنبيهات على هاتفك');
  expect(await page.evaluate('document.documentElement.dir')).toBe('rtl');
  const topic = page.getByLabel('الخادم والموضوع');
  await expect.poll(() => topic.inputValue()).toMatch(/^https:\/\/ntfy\.sh\/vigie-/);
  // The address reads left to right inside the Arabic page.
  expect(await topic.getAttribute('dir')).toBe('ltr');
  expect(await page.locator('.first-run code').getAttribute('dir')).toBe('ltr');
  const themes = await inBothThemes(page, 'first-run-phone-ar');
  expect(themes).toEqual({ light: [], dark: [] });
  await toDocs(page, 'first-run-phone-ar');

  await topic.fill(`${lab.base}/ntfy/vigie-first-run-ar`);
  await page.getByRole('button', { name: 'إرسال اختبار' }).click();
  await expect
    .poll(() => page.locator('.first-run [role="status"]').textContent())
    .toBe('قُبل الاختبار: تحقّق من وصوله.');
  expect(lab.accepted('/ntfy/vigie-first-run-ar')).toHaveLength(1);
  expect(world.settings.get().alerts.channels.map((c) => c.id)).toEqual(['phone']);

  // Skipped: the channel the test saved goes, the first run ends.
  await page.getByRole('button', { name: 'تخطي هذه الخطوة' }).click();
  await page.locator('#view-heading').waitFor();
  expect(world.settings.get().alerts.channels).toEqual([]);
  expect(world.settings.get().firstRun).toBe('done');
  expect(errors).toEqual([]);
  await page.close();
});
