// Settings → Alerts in Chromium for the kinds the other tests leave to the handlers: an e-mail
// channel made from the Gmail preset and sent through the real `smtp-server`, a Telegram channel
// paired by "/start <code>" in the form, and the services each channel goes through shown beside
// it. Then a confirmed outage reaches both; nothing secret ever reaches the page.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { defaultConfig } from '../../main/engine/catalog';
import { OUTAGE_START, wentDown } from '../helpers/alerts';
import { snapshotOf } from '../helpers/snapshots';
import { LAB_SMTP, LAB_TELEGRAM, startAlertLab, type AlertLab } from '../lab/alert-lab';
import { allWell, openWindow, seriousViolations, startWorld, type World } from './world';

const SEND = `/bot${LAB_TELEGRAM.token}/sendMessage`;

let world: World;
let lab: AlertLab;

beforeAll(async () => {
  // The catalog listed (switched off) so the window names the services a channel goes through.
  world = await startWorld({
    catalog: defaultConfig().services.map((s) => ({ ...s, enabled: false })),
  });
  lab = await startAlertLab();
}, 60_000);

afterAll(async () => {
  await lab?.close();
  await world?.close();
});

beforeEach(async () => {
  allWell(world);
  world.settings.update((s) => ({ ...s, language: 'en', alerts: { ...s.alerts, channels: [] } }));
  await world.alerts.reload();
});

it('makes an e-mail channel from the Gmail preset and a paired Telegram one; tests and an outage reach both', async () => {
  // The form has no field for Telegram's API server (api.telegram.org): the channel is first
  // saved pointing at the loopback one, then set up in the form as a person would.
  await world.alerts.save({ id: 'bot', kind: 'telegram', chatId: '1', apiUrl: lab.base });
  const { page, errors } = await openWindow(world);
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.locator('.alerts-settings');

  // E-mail: the Gmail preset fills its server and port (STARTTLS on 587).
  await section.getByLabel('Kind of channel').selectOption('presetGmail');
  await section.getByRole('button', { name: 'Add a channel' }).click();
  expect(await section.getByLabel('Mail server').inputValue()).toBe('smtp.gmail.com');
  expect(await section.getByLabel('Port').inputValue()).toBe('587');
  // The test goes to the loopback SMTP server instead.
  await section.getByLabel('Mail server').fill('127.0.0.1');
  await section.getByLabel('Port').fill(String(lab.smtpPort));
  await section.getByLabel('User name').fill(LAB_SMTP.user);
  await section.getByLabel('Password', { exact: false }).fill(LAB_SMTP.password);
  await section.getByLabel('From').fill(LAB_SMTP.user);
  await section.getByLabel('To', { exact: false }).fill('owner@example.com, partner@example.com');
  await section.getByRole('button', { name: 'Save the channel' }).click();
  const mail = section.locator('li[data-channel="gmail"]');
  await mail.waitFor();
  await mail.getByRole('button', { name: 'Send a test' }).click();
  await expect
    .poll(() => mail.getByRole('status').textContent())
    .toBe('Test accepted: check that it arrived.');
  expect(lab.mails.map((m) => m.to)).toEqual([['owner@example.com', 'partner@example.com']]);
  expect(lab.mails[0]?.data).toContain('Vigie test alert');

  // Telegram: the token typed, a pairing code asked for, "/start <code>" sent to the bot.
  const bot = section.locator('li[data-channel="bot"]');
  await bot.getByRole('button', { name: 'Edit' }).click();
  await section.getByLabel('Bot token', { exact: false }).fill(LAB_TELEGRAM.token);
  await section.getByRole('button', { name: 'Get a pairing code' }).click();
  const said = section.locator('form [role="status"]');
  const code = /\/start ([A-Z2-9]{12})/.exec((await said.textContent()) ?? '')?.[1] ?? '';
  expect(code).toMatch(/^[A-Z2-9]{12}$/);
  await section.getByRole('button', { name: 'Check the pairing' }).click();
  await expect.poll(() => said.textContent()).toContain('has not received');
  lab.telegramMessage(Number(LAB_TELEGRAM.chatId), `/start ${code}`);
  await section.getByRole('button', { name: 'Check the pairing' }).click();
  await expect.poll(() => said.textContent()).toContain(`Paired with chat ${LAB_TELEGRAM.chatId}.`);
  expect(await section.getByLabel('Chat id').inputValue()).toBe(LAB_TELEGRAM.chatId);
  await section.getByRole('button', { name: 'Save the channel' }).click();
  await bot.getByRole('button', { name: 'Send a test' }).click();
  await expect
    .poll(() => bot.getByRole('status').textContent())
    .toBe('Test accepted: check that it arrived.');
  expect(lab.accepted(SEND)).toHaveLength(1);
  // The services each channel goes through are said beside it: Telegram for the bot.
  expect(await bot.textContent()).toContain('Goes through: Telegram');
  expect(await mail.textContent()).not.toContain('Goes through');

  // A confirmed outage reaches both.
  const change = wentDown('whatsapp', OUTAGE_START);
  world.alerts.change(change);
  world.alerts.snapshot(snapshotOf(OUTAGE_START, [change.current]));
  await expect.poll(() => lab.mails.length).toBe(2);
  await expect.poll(() => lab.accepted(SEND).length).toBe(2);
  expect(JSON.parse(lab.accepted(SEND)[1]!.body).text).toMatch(/WhatsApp is down/);

  const html = await page.content();
  for (const secret of [LAB_SMTP.password, LAB_TELEGRAM.token]) expect(html).not.toContain(secret);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

it('shows beside a Slack or Gmail channel the service it goes through, and a skip while Slack is down', async () => {
  await world.alerts.save({ id: 'phone', kind: 'ntfy', url: `${lab.base}/ntfy/vigie-kinds` });
  const { page, errors } = await openWindow(world);
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.locator('.alerts-settings');
  await section.getByLabel('Kind of channel').selectOption('presetSlack');
  await section.getByRole('button', { name: 'Add a channel' }).click();
  await section.getByLabel('Webhook address').fill(`${lab.base}/hook/T0/B0/slack-secret`);
  await section.getByRole('button', { name: 'Save the channel' }).click();
  const slack = section.locator('li[data-channel="slack"]');
  await slack.waitFor();
  expect(await slack.textContent()).toContain('Goes through: Slack');

  // Slack goes down: the alert goes to the phone, and the Slack channel says why it was skipped.
  const change = wentDown('slack', OUTAGE_START);
  world.alerts.change(change);
  world.alerts.snapshot(snapshotOf(OUTAGE_START, [change.current]));
  await expect.poll(() => lab.accepted('/ntfy/vigie-kinds').length).toBe(1);
  expect(lab.received('/hook/T0/B0/slack-secret')).toEqual([]);
  await page.getByRole('button', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect
    .poll(() => slack.textContent())
    .toContain('skipped: it goes through a service that is down (Slack)');

  await section.getByLabel('Kind of channel').selectOption('presetGmail');
  await section.getByRole('button', { name: 'Add a channel' }).click();
  await section.getByLabel('From').fill('shop@example.com');
  await section.getByLabel('To', { exact: false }).fill('owner@example.com');
  await section.getByRole('button', { name: 'Save the channel' }).click();
  const gmail = section.locator('li[data-channel="gmail"]');
  await gmail.waitFor();
  expect(await gmail.textContent()).toContain('Goes through: Gmail / Google Workspace');
  expect(await page.content()).not.toContain('slack-secret');
  expect(errors).toEqual([]);
  await page.close();
});

it('says under the banner, on every view, which channel is broken and why', async () => {
  world.settings.update((s) => ({ ...s, language: 'fr' }));
  await world.alerts.save({ id: 'team', kind: 'webhook', url: `${lab.base}/hook/refused` });
  lab.script('/hook/refused', { status: 403, body: 'action_prohibited' });
  const change = wentDown('whatsapp', OUTAGE_START);
  world.alerts.change(change);
  world.alerts.snapshot(snapshotOf(OUTAGE_START, [change.current]));
  await expect.poll(() => world.alerts.broken().length).toBe(1);
  const { page, errors } = await openWindow(world);
  const notice = page.locator('.notice-warn');
  await expect
    .poll(() => notice.textContent())
    .toBe(
      `Le canal d’alerte team ne fonctionne plus\u00a0: ${new URL(lab.base).host} a refusé le jeton ou le mot de passe (erreur 403)`,
    );
  await page.getByRole('button', { name: 'Incidents' }).click();
  expect(await notice.count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
