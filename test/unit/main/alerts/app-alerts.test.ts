// Alerts in the app, in plain Node: channels saved from the window (secrets to the encrypted
// store, never into the settings), a test sent with its result, the scheduler's changes delivered
// through a loopback ntfy-compatible server, and no secret in any file of the data folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppAlerts } from '../../../../main/alerts/app-alerts';
import { createHandlers, type HandlerDeps } from '../../../../main/shell/handlers';
import { api } from '../../../../shared/ipc';
import type { SecretCipher } from '../../../../main/alerts/secret-store';
import { createHttpClient, type HttpClient } from '../../../../main/engine/net/http-client';
import {
  appAlertsSchema,
  type AppAlerts as AlertSettings,
} from '../../../../shared/alerts/app-settings';
import { createTranslator } from '../../../../shared/i18n';
import { defaultSettings } from '../../../../shared/settings-schema';
import { defaultConfig } from '../../../../main/engine/catalog';
import { cameBack, OUTAGE_START, wentDown } from '../../../helpers/alerts';
import { snapshotOf } from '../../../helpers/snapshots';
import { LAB_TELEGRAM, startAlertLab, type AlertLab } from '../../../lab/alert-lab';

const NTFY_TOKEN = 'tk_app-ntfy-secret-token';
const HOOK_SECRET = 'T0APP/B0APP/app-hook-secret';

function fakeCipher(): SecretCipher {
  return {
    available: () => true,
    encrypt: (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
    decrypt: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

/** Every file under `dir`, with its text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : [{ path, text: readFileSync(path, 'latin1') }];
  });
}

let dir: string;
let lab: AlertLab;
let http: HttpClient;
let settings: AlertSettings;
let alerts: AppAlerts;
let changed: () => void;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-app-alerts-'));
  lab = await startAlertLab();
  http = createHttpClient();
  settings = appAlertsSchema.parse({});
  changed = () => undefined;
  alerts = new AppAlerts({
    dir,
    cipher: fakeCipher(),
    http,
    host: 'shop-pc',
    alerts: () => settings,
    saveAlerts: (next) => (settings = next),
    translator: () => createTranslator('fr'),
    changed: () => changed(),
  });
  await alerts.reload();
});

afterEach(async () => {
  await alerts.close();
  await http.close();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('alerts in the app', () => {
  it('keeps a saved channel in the settings without its secret and shows only "set"', async () => {
    const list = await alerts.save({
      id: 'phone',
      kind: 'ntfy',
      url: `${lab.base}/ntfy/vigie-app-topic`,
      token: NTFY_TOKEN,
    });
    expect(JSON.stringify(settings)).not.toContain(NTFY_TOKEN);
    expect(settings.channels).toEqual([
      expect.objectContaining({ id: 'phone', url: `${lab.base}/ntfy/vigie-app-topic` }),
    ]);
    expect(list[0]).toMatchObject({ id: 'phone', secrets: { token: true } });
    expect(JSON.stringify(list)).not.toContain(NTFY_TOKEN);
  });

  it('sends a test with its result, and a failed one says why in the alert language', async () => {
    await alerts.save({ id: 'phone', kind: 'ntfy', url: `${lab.base}/ntfy/vigie-app-topic` });
    await alerts.save({
      id: 'team',
      kind: 'webhook',
      url: `${lab.base}/hook/gone`,
      format: 'slack',
    });
    lab.script('/hook/gone', { status: 403, body: 'action_prohibited' });
    expect(await alerts.test('phone')).toEqual({ ok: true });
    expect(lab.accepted('/ntfy/vigie-app-topic')[0]?.headers['title']).toBe(
      'Alerte de test de Vigie',
    );
    const failed = await alerts.test('team');
    expect(failed).toMatchObject({ ok: false, reason: { key: 'alerts.reasonUnauthorized' } });
    expect(alerts.list().find((c) => c.id === 'phone')?.state.lastDelivery).not.toBeNull();
  });

  it('an edit that leaves the secret empty keeps the one already set', async () => {
    await alerts.save({ id: 'team', kind: 'webhook', url: `${lab.base}/hook/${HOOK_SECRET}` });
    await alerts.save({ id: 'team', kind: 'webhook', url: '', format: 'discord' }, 'team');
    expect(settings.channels[0]).toMatchObject({ format: 'discord' });
    expect(await alerts.test('team')).toEqual({ ok: true });
    expect(lab.accepted(`/hook/${HOOK_SECRET}`)).toHaveLength(1);
  });

  it('a channel with no secret set is broken, said in the tray list', async () => {
    await alerts.save({ id: 'bot', kind: 'telegram', chatId: '424242', apiUrl: lab.base });
    expect(alerts.broken()).toEqual([
      { channel: 'bot', reason: { key: 'alerts.reasonSecretMissing' } },
    ]);
    await alerts.save(
      {
        id: 'bot',
        kind: 'telegram',
        chatId: '424242',
        apiUrl: lab.base,
        token: LAB_TELEGRAM.token,
      },
      'bot',
    );
    expect(alerts.broken()).toEqual([]);
  });

  it('refuses a second channel with the same name, and removes one with its secrets', async () => {
    await alerts.save({ id: 'team', kind: 'webhook', url: `${lab.base}/hook/${HOOK_SECRET}` });
    await expect(
      alerts.save({ id: 'team', kind: 'webhook', url: `${lab.base}/hook/other` }),
    ).rejects.toThrow('a channel named "team" already exists');
    await alerts.remove('team');
    expect(settings.channels).toEqual([]);
    expect(alerts.secrets.has('team', 'url')).toBe(false);
  });

  it('delivers a confirmed change through the channel, and no file of the data folder holds a secret', async () => {
    await alerts.save({
      id: 'phone',
      kind: 'ntfy',
      url: `${lab.base}/ntfy/vigie-app-topic`,
      token: NTFY_TOKEN,
    });
    await alerts.save({ id: 'team', kind: 'webhook', url: `${lab.base}/hook/${HOOK_SECRET}` });
    const delivered = new Promise<void>((resolve) => {
      changed = () => {
        if (alerts.list().every((c) => c.state.lastDelivery !== null)) resolve();
      };
    });
    const change = wentDown('whatsapp', OUTAGE_START);
    alerts.change(change);
    alerts.snapshot(snapshotOf(OUTAGE_START, [change.current]));
    await delivered;
    const ntfy = lab.accepted('/ntfy/vigie-app-topic');
    expect(ntfy).toHaveLength(1);
    expect(ntfy[0]?.headers['authorization']).toBe(`Bearer ${NTFY_TOKEN}`);
    expect(lab.accepted(`/hook/${HOOK_SECRET}`)).toHaveLength(1);
    const files = filesUnder(dir);
    expect(files.map((f) => f.path.slice(dir.length + 1)).sort()).toEqual([
      'alert-secrets.json',
      'alerts-outbox.jsonl',
      'alerts-state.json',
    ]);
    for (const file of files) {
      expect(file.text).not.toContain(NTFY_TOKEN);
      expect(file.text).not.toContain(HOOK_SECRET);
    }
  });

  it('skips a Slack webhook while Slack is down, the alert going through the phone', async () => {
    await alerts.save({ id: 'phone', kind: 'ntfy', url: `${lab.base}/ntfy/vigie-app-topic` });
    await alerts.save({
      id: 'team',
      kind: 'webhook',
      url: `${lab.base}/hook/${HOOK_SECRET}`,
      format: 'slack',
    });
    const skipped = new Promise<void>((resolve) => {
      changed = () => {
        if (alerts.list().find((c) => c.id === 'team')?.state.skipped.length) resolve();
      };
    });
    const change = wentDown('slack', OUTAGE_START);
    alerts.change(change);
    alerts.snapshot(snapshotOf(OUTAGE_START, [change.current]));
    await skipped;
    expect(alerts.list().find((c) => c.id === 'team')).toMatchObject({
      dependsOn: ['slack'],
      state: { skipped: ['Slack'], lastDelivery: null },
    });
    expect(lab.received(`/hook/${HOOK_SECRET}`)).toEqual([]);
  });

  it('keeps each channel’s last delivery and why it is broken across a restart, without a secret', async () => {
    await alerts.save({
      id: 'phone',
      kind: 'ntfy',
      url: `${lab.base}/ntfy/vigie-app-topic`,
      token: NTFY_TOKEN,
    });
    await alerts.save({ id: 'team', kind: 'webhook', url: `${lab.base}/hook/${HOOK_SECRET}` });
    lab.script(`/hook/${HOOK_SECRET}`, { status: 403, body: 'action_prohibited' });
    const settled = new Promise<void>((resolve) => {
      changed = () => {
        const [phone, team] = alerts.list();
        if (phone?.state.lastDelivery !== null && team?.state.broken) resolve();
      };
    });
    const change = wentDown('whatsapp', OUTAGE_START);
    alerts.change(change);
    alerts.snapshot(snapshotOf(OUTAGE_START, [change.current]));
    await settled;
    const before = alerts.list().map((c) => ({ id: c.id, state: c.state }));
    expect(before[1]?.state.broken).toMatchObject({ key: 'alerts.reasonUnauthorized' });
    await alerts.close();

    // The app starts again over the same data folder.
    alerts = new AppAlerts({
      dir,
      cipher: fakeCipher(),
      http,
      host: 'shop-pc',
      alerts: () => settings,
      saveAlerts: (next) => (settings = next),
      translator: () => createTranslator('fr'),
    });
    await alerts.reload();
    expect(alerts.list().map((c) => ({ id: c.id, state: c.state }))).toEqual(before);
    expect(alerts.broken()).toEqual([
      { channel: 'team', reason: expect.objectContaining({ key: 'alerts.reasonUnauthorized' }) },
    ]);
    // What the window is told, in its language.
    const views = await createHandlers({
      alerts,
      translator: () => createTranslator('fr'),
      catalog: defaultConfig,
      settings: defaultSettings,
    } as unknown as HandlerDeps)['alerts:list'](undefined);
    expect(views.map((v) => [v.channel.id, v.lastDelivery, v.broken !== null])).toEqual([
      ['phone', before[0]?.state.lastDelivery, false],
      ['team', null, true],
    ]);
    expect(views[1]?.broken).toContain('403');
    // Still broken after the restart: the next alert does not try it, the phone gets it.
    const again = cameBack('whatsapp', OUTAGE_START + 600_000, OUTAGE_START);
    alerts.change(again);
    alerts.snapshot(snapshotOf(OUTAGE_START + 600_000, [again.current]));
    await expect.poll(() => lab.accepted('/ntfy/vigie-app-topic').length).toBe(2);
    expect(lab.received(`/hook/${HOOK_SECRET}`)).toHaveLength(1);
    const state = readFileSync(join(dir, 'alerts-state.json'), 'utf8');
    expect(state).not.toContain(NTFY_TOKEN);
    expect(state).not.toContain(HOOK_SECRET);
    expect(state).not.toContain(lab.base);
  });

  it('a broken channel that takes a test, or is saved again, goes out again', async () => {
    await alerts.save({ id: 'team', kind: 'webhook', url: `${lab.base}/hook/${HOOK_SECRET}` });
    lab.script(`/hook/${HOOK_SECRET}`, { status: 410, body: 'gone' });
    const broken = new Promise<void>((resolve) => {
      changed = () => {
        if (alerts.broken().length > 0) resolve();
      };
    });
    const change = wentDown('whatsapp', OUTAGE_START);
    alerts.change(change);
    alerts.snapshot(snapshotOf(OUTAGE_START, [change.current]));
    await broken;
    expect(await alerts.test('team')).toEqual({ ok: true });
    expect(alerts.broken()).toEqual([]);
    const again = cameBack('whatsapp', OUTAGE_START + 600_000, OUTAGE_START);
    alerts.change(again);
    alerts.snapshot(snapshotOf(OUTAGE_START + 600_000, [again.current]));
    await expect.poll(() => lab.accepted(`/hook/${HOOK_SECRET}`).length).toBe(2);
  });

  it('pairs a Telegram chat from "/start <code>" and makes ntfy topics with their QR link', async () => {
    const code = alerts.pairingCode();
    expect(code).toMatch(/^[A-Z2-9]{12}$/);
    expect(await alerts.pairedChat(code, { value: LAB_TELEGRAM.token }, lab.base)).toBeNull();
    lab.telegramMessage(424242, `/start ${code}`);
    expect(await alerts.pairedChat(code, { value: LAB_TELEGRAM.token }, lab.base)).toBe('424242');
    const topic = alerts.newTopic('https://ntfy.sh/');
    expect(topic.url).toMatch(/^https:\/\/ntfy\.sh\/vigie-[a-z2-9]{16}$/);
    expect(topic.link).toBe(topic.url.replace('https://', 'ntfy://'));
  });
});

describe('the alert calls of the window', () => {
  /** The handlers with only what alerts use (the rest is never called here). */
  const handlers = () =>
    createHandlers({
      alerts,
      translator: () => createTranslator('fr'),
      catalog: defaultConfig,
      settings: defaultSettings,
    } as unknown as HandlerDeps);

  it('never send a secret back, and say why a test failed in the window language', async () => {
    const h = handlers();
    const list = await h['alerts:save']({
      channel: { id: 'team', kind: 'webhook', url: `${lab.base}/hook/${HOOK_SECRET}` },
    });
    expect(JSON.stringify(list)).not.toContain(HOOK_SECRET);
    expect(list).toEqual([
      {
        channel: { id: 'team', kind: 'webhook', format: 'json' },
        secrets: { url: true },
        dependsOn: [],
        lastDelivery: null,
        broken: null,
        skipped: [],
      },
    ]);
    const slack = await h['alerts:save']({
      channel: { id: 'chat', kind: 'webhook', url: `${lab.base}/hook/chat`, format: 'googlechat' },
    });
    // The services a channel goes through, by the names the window shows.
    expect(slack.find((v) => v.channel.id === 'chat')?.dependsOn).toEqual([
      'Gmail / Google Workspace',
    ]);
    lab.script(`/hook/${HOOK_SECRET}`, { status: 404, body: 'no_service' });
    expect(await h['alerts:test']({ id: 'team' })).toEqual({
      ok: false,
      reason: `cette adresse n’existe plus sur ${new URL(lab.base).host} (erreur 404)`,
    });
  });

  it('refuse a channel without a valid id or kind, naming the field', () => {
    const bad = api.saveAlertChannel.request.safeParse({
      channel: { id: 'Team One', kind: 'sms' },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['channel.id', 'channel.kind']);
    expect(api.checkTelegramPairing.request.safeParse({ code: 'short', token: 'x' }).success).toBe(
      false,
    );
  });

  it('refuse a field filled in wrong, or a name already taken, in the window language', async () => {
    const mail = {
      id: 'mail',
      kind: 'email',
      host: 'smtp.shop.example',
      from: 'shop@shop.example',
      to: ['owner@shop.example'],
    };
    // The field as the form labels it, the problem in the window's language.
    await expect(alerts.save({ ...mail, port: 70_000 })).rejects.toThrow(
      'Port\u00a0: valeur trop grande (maximum\u00a0: 65535)',
    );
    await expect(alerts.save({ ...mail, to: ['not an address'] })).rejects.toThrow(
      'Destinataires (adresses séparées par des virgules)\u00a0: une adresse e-mail est attendue',
    );
    expect(settings.channels).toEqual([]);
    await alerts.save(mail);
    const taken = alerts.save({ ...mail, host: 'smtp.other.example' });
    await expect(taken).rejects.toMatchObject({
      key: 'refusals.channelTaken',
      values: { id: 'mail' },
      message: 'a channel named "mail" already exists',
    });
  });
});
