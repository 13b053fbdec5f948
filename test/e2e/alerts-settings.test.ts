// Settings → Alerts end to end in Chromium, over the handlers the app runs: a phone channel with
// its generated ntfy topic, shown as text and as a QR code, saved and tested against a loopback
// ntfy-compatible server (the result inline); then a webhook in Arabic, right to left, with the
// Teams note. The secrets never reach the page.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { OUTAGE_START, wentDown } from '../helpers/alerts';
import { snapshotOf } from '../helpers/snapshots';
import { startAlertLab, type AlertLab } from '../lab/alert-lab';
import { allWell, openWindow, seriousViolations, startWorld, type World } from './world';

const HOOK_SECRET = 'T0E2E/B0E2E/e2e-hook-secret';

let world: World;
let lab: AlertLab;

beforeAll(async () => {
  world = await startWorld();
  lab = await startAlertLab();
}, 60_000);

afterAll(async () => {
  await lab?.close();
  await world?.close();
});

beforeEach(() => {
  allWell(world);
});

it('adds the phone channel with a generated topic and its QR code, then a test reaches ntfy', async () => {
  world.settings.update((s) => ({ ...s, language: 'en' }));
  const { page, errors } = await openWindow(world);
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.locator('.alerts-settings');
  await section.getByText('No channel yet', { exact: false }).waitFor();
  await section.getByRole('button', { name: 'Add a channel' }).click();
  const topic = section.getByLabel('Server and topic');
  await expect.poll(() => topic.inputValue()).toMatch(/^https:\/\/ntfy\.sh\/vigie-[a-z2-9]{16}$/);
  const generated = await topic.inputValue();
  const qr = section.getByRole('img', { name: generated.replace('https://', 'ntfy://') });
  await qr.waitFor();
  expect(await section.locator('code').textContent()).toBe(generated);

  // The test goes to the loopback server instead of ntfy.sh.
  await topic.fill(`${lab.base}/ntfy/vigie-e2e-topic`);
  await section.getByRole('button', { name: 'Save the channel' }).click();
  const item = section.locator('li[data-channel="phone"]');
  await item.waitFor();
  expect(await item.textContent()).toContain('No alert delivered yet');
  await section.getByText('Add a second channel', { exact: false }).waitFor();
  await item.getByRole('button', { name: 'Send a test' }).click();
  await expect
    .poll(() => item.getByRole('status').textContent())
    .toBe('Test accepted: check that it arrived.');
  await expect.poll(() => item.textContent()).toContain('Last alert delivered');
  expect(lab.accepted('/ntfy/vigie-e2e-topic').map((r) => r.headers['title'])).toEqual([
    'Vigie test alert',
  ]);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

it('adds a webhook in Arabic, right to left, and a refused test says why inline', async () => {
  world.settings.update((s) => ({ ...s, language: 'ar' }));
  const { page, errors } = await openWindow(world);
  expect(await page.evaluate('document.documentElement.dir')).toBe('rtl');
  await page.getByRole('button', { name: 'الإعدادات' }).click();
  const section = page.locator('.alerts-settings');
  await section.getByText('تنبيهات على هاتفك وإلى فريقك').waitFor();
  await section.getByLabel('نوع القناة').selectOption('presetJson');
  await section.getByRole('button', { name: 'إضافة قناة' }).click();
  await section
    .getByText('تردّ Workflows في Microsoft Teams بالرمز 202', { exact: false })
    .waitFor();
  await section.getByLabel('الاسم', { exact: false }).fill('team');
  await section.getByLabel('عنوان الـ webhook').fill(`${lab.base}/hook/${HOOK_SECRET}`);
  await section.getByRole('button', { name: 'حفظ القناة' }).click();
  const item = section.locator('li[data-channel="team"]');
  await item.waitFor();
  // Two channels: no more advice to add a second one.
  expect(await section.textContent()).not.toContain('أضف قناة ثانية');
  lab.script(`/hook/${HOOK_SECRET}`, { status: 410, body: 'gone' });
  await item.getByRole('button', { name: 'إرسال اختبار' }).click();
  await expect.poll(() => item.getByRole('status').textContent()).toMatch(/^لم يُقبل الاختبار: /);
  expect(await page.content()).not.toContain(HOOK_SECRET);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

it('shows each channel’s last delivery and why it is broken after the app restarts', async () => {
  world.settings.update((s) => ({ ...s, language: 'en', alerts: { ...s.alerts, channels: [] } }));
  await world.alerts.reload();
  await world.alerts.save({ id: 'phone', kind: 'ntfy', url: `${lab.base}/ntfy/vigie-restart` });
  await world.alerts.save({ id: 'team', kind: 'webhook', url: `${lab.base}/hook/restart` });
  lab.script('/hook/restart', { status: 403, body: 'action_prohibited' });
  // A confirmed outage goes out: the phone takes it, the webhook refuses it for good.
  const change = wentDown('whatsapp', OUTAGE_START);
  world.alerts.change(change);
  world.alerts.snapshot(snapshotOf(OUTAGE_START, [change.current]));
  await expect
    .poll(() => world.alerts.list().map((c) => [c.state.lastDelivery !== null, c.state.broken]))
    .toEqual([
      [true, null],
      [false, expect.objectContaining({ key: 'alerts.reasonUnauthorized' })],
    ]);

  await world.restartAlerts();
  const { page, errors } = await openWindow(world);
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.locator('.alerts-settings');
  const phone = section.locator('li[data-channel="phone"]');
  const team = section.locator('li[data-channel="team"]');
  await phone.waitFor();
  expect(await phone.textContent()).toContain('Last alert delivered');
  expect(await team.locator('.notice-error').textContent()).toMatch(/^Broken: .*403/);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
