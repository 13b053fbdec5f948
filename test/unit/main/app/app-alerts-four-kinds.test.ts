// The four channel kinds end to end from the app's settings: the app's wiring (main/app/index.ts
// against the fake electron module and a scripted engine, on the fake clock) takes an ntfy, a
// Telegram (paired by "/start <code>"), an e-mail and a webhook channel through the calls the
// window makes, sends a test through each, then delivers one confirmed change through all four:
// to a loopback ntfy-compatible server, a Telegram-compatible Bot API, the real `smtp-server` and
// a webhook receiver. No secret is in any file the app wrote or anything it sent the window.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MINUTE } from '../../../../shared/durations';
import { recorder } from '../../../helpers/fake-electron';
import { world } from '../../../helpers/scripted-engine';
import { LAB_SMTP, LAB_TELEGRAM, startAlertLab, type AlertLab } from '../../../lab/alert-lab';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron')).fakeElectron());
vi.mock('electron-updater', async () =>
  (await import('../../../helpers/fake-updater')).fakeElectronUpdater(),
);
vi.mock('../../../../main/engine', async () =>
  (await import('../../../helpers/scripted-engine')).scriptedEngine(),
);

const NTFY_TOKEN = 'tk_four-kinds-ntfy-secret';
const HOOK_SECRET = 'T0FOUR/B0FOUR/four-kinds-hook-secret';
const SECRETS = [NTFY_TOKEN, HOOK_SECRET, LAB_TELEGRAM.token, LAB_SMTP.password];
const TOPIC = '/ntfy/vigie-four-kinds';
const SEND = `/bot${LAB_TELEGRAM.token}/sendMessage`;

let lab: AlertLab;

/** Every file under `dir`, with its text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : [{ path, text: readFileSync(path, 'latin1') }];
  });
}

/** A call from the window, with the method's arguments as the preload sends them. */
async function call<T>(channel: string, ...args: unknown[]): Promise<T> {
  const window = recorder.windows.at(-1)!;
  const ours = { sender: window.webContents, senderFrame: { url: window.loaded, parent: null } };
  const reply = (await recorder.handlers.get(channel)!(ours, args)) as {
    ok: boolean;
    value: T;
    error?: { message: string };
  };
  if (!reply.ok) throw new Error(`${channel} refused: ${reply.error?.message}`);
  return reply.value;
}

/**
 * `work`, with the fake clock moving as real time passes until it settles: the SMTP server (in
 * this process, so on the fake clock too) waits 100 ms before it greets a client.
 */
async function ticking<T>(work: Promise<T>): Promise<T> {
  let done = false;
  work.then(
    () => (done = true),
    () => (done = true),
  );
  await vi.waitFor(() => expect(done).toBe(true), { timeout: 20_000 });
  return work;
}

/** The text of a mail's body, decoded from quoted-printable when it is. */
function mailText(data: string): string {
  return data
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

beforeAll(async () => {
  lab = await startAlertLab();
  vi.useFakeTimers({
    now: new Date(2021, 9, 4, 15, 30).getTime(),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  recorder.userData = mkdtempSync(join(tmpdir(), 'vigie-four-kinds-'));
  process.env['XDG_CONFIG_HOME'] = join(recorder.userData, 'xdg');
  await import('../../../../main/app/index');
  recorder.ready();
  await vi.waitFor(() => expect(recorder.windows.length).toBeGreaterThan(0));
  // The first checks: every service up.
  await vi.advanceTimersByTimeAsync(0);
});

afterAll(async () => {
  recorder.appEvents.emit('before-quit');
  vi.useRealTimers();
  await lab.close();
  rmSync(recorder.userData, { recursive: true, force: true });
});

describe('the four channel kinds from the app’s settings', () => {
  it('saves an ntfy, a paired Telegram, an e-mail and a webhook channel, and a test reaches each', async () => {
    await call('alerts:save', {
      id: 'phone',
      kind: 'ntfy',
      url: `${lab.base}${TOPIC}`,
      token: NTFY_TOKEN,
    });

    // Telegram: the form asks for a code, the person sends "/start <code>" to the bot.
    const { code } = await call<{ code: string }>('alerts:pairingCode');
    expect(
      await call('alerts:checkPairing', { code, token: LAB_TELEGRAM.token, apiUrl: lab.base }),
    ).toEqual({ chatId: null });
    lab.telegramMessage(Number(LAB_TELEGRAM.chatId), `/start ${code}`);
    const { chatId } = await call<{ chatId: string }>('alerts:checkPairing', {
      code,
      token: LAB_TELEGRAM.token,
      apiUrl: lab.base,
    });
    expect(chatId).toBe(LAB_TELEGRAM.chatId);
    await call('alerts:save', {
      id: 'bot',
      kind: 'telegram',
      token: LAB_TELEGRAM.token,
      chatId,
      apiUrl: lab.base,
    });

    // E-mail as the form sends it: port a number, "to" split at commas, no TLS on the loopback.
    await call('alerts:save', {
      id: 'mail',
      kind: 'email',
      host: '127.0.0.1',
      port: lab.smtpPort,
      secure: false,
      user: LAB_SMTP.user,
      password: LAB_SMTP.password,
      from: LAB_SMTP.user,
      to: ['owner@example.com', 'partner@example.com'],
    });
    const saved = await call<{ channel: { id: string; kind: string }; secrets: object }[]>(
      'alerts:save',
      { id: 'team', kind: 'webhook', url: `${lab.base}/hook/${HOOK_SECRET}`, format: 'slack' },
    );
    expect(saved.map((v) => [v.channel.id, v.channel.kind, v.secrets])).toEqual([
      ['phone', 'ntfy', { token: true }],
      ['bot', 'telegram', { token: true }],
      ['mail', 'email', { password: true }],
      ['team', 'webhook', { url: true }],
    ]);

    for (const id of ['phone', 'bot', 'mail', 'team'])
      expect(await ticking(call('alerts:test', id)), id).toEqual({ ok: true });
    expect(lab.accepted(TOPIC)).toHaveLength(1);
    expect(lab.accepted(TOPIC)[0]?.headers['authorization']).toBe(`Bearer ${NTFY_TOKEN}`);
    expect(lab.accepted(SEND)).toHaveLength(1);
    expect(JSON.parse(lab.accepted(SEND)[0]!.body)).toMatchObject({
      chat_id: LAB_TELEGRAM.chatId,
      disable_web_page_preview: true,
    });
    expect(lab.mails).toHaveLength(1);
    expect(lab.mails[0]).toMatchObject({
      from: LAB_SMTP.user,
      to: ['owner@example.com', 'partner@example.com'],
    });
    expect(mailText(lab.mails[0]!.data)).toContain('Vigie test alert');
    expect(lab.accepted(`/hook/${HOOK_SECRET}`)).toHaveLength(1);

    const listed =
      await call<{ channel: { id: string }; lastDelivery: number | null }[]>('alerts:list');
    expect(listed.map((v) => [v.channel.id, v.lastDelivery !== null])).toEqual([
      ['phone', true],
      ['bot', true],
      ['mail', true],
      ['team', true],
    ]);
  });

  it('delivers a confirmed change of a critical service through all four, once each', async () => {
    world.states['whatsapp'] = { state: 'down', cause: 'provider' };
    // Seen down, re-checked, confirmed: within the minute and a quarter the checks take.
    await vi.advanceTimersByTimeAsync(MINUTE + 15_000);
    await vi.waitFor(() => {
      expect(lab.accepted(TOPIC)).toHaveLength(2);
      expect(lab.accepted(SEND)).toHaveLength(2);
      expect(lab.mails).toHaveLength(2);
      expect(lab.accepted(`/hook/${HOOK_SECRET}`)).toHaveLength(2);
    });
    const down = /WhatsApp is down/;
    expect(lab.accepted(TOPIC)[1]?.body).toMatch(/Vigie on /);
    expect(String(lab.accepted(TOPIC)[1]?.headers['title'])).toMatch(down);
    expect(JSON.parse(lab.accepted(SEND)[1]!.body).text).toMatch(down);
    expect(mailText(lab.mails[1]!.data)).toMatch(down);
    expect(JSON.parse(lab.accepted(`/hook/${HOOK_SECRET}`)[1]!.body).text).toMatch(down);

    // More checks of the same outage send nothing more.
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(lab.accepted(TOPIC)).toHaveLength(2);
    expect(lab.accepted(SEND)).toHaveLength(2);
    expect(lab.mails).toHaveLength(2);
    expect(lab.accepted(`/hook/${HOOK_SECRET}`)).toHaveLength(2);
  });

  it('sends nothing for a watched service that is not critical', async () => {
    const changes = () =>
      recorder.windows
        .flatMap((w) => w.webContents.sent)
        .filter((s) => JSON.stringify(s.payload).includes('"serviceId":"tiktok"'));
    world.states['tiktok'] = { state: 'down', cause: 'provider' };
    await vi.advanceTimersByTimeAsync(MINUTE + 15_000);
    // The window was told TikTok went down: the change was confirmed.
    expect(changes()).not.toEqual([]);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(lab.accepted(TOPIC)).toHaveLength(2);
    expect(lab.accepted(SEND)).toHaveLength(2);
    expect(lab.mails).toHaveLength(2);
    expect(lab.accepted(`/hook/${HOOK_SECRET}`)).toHaveLength(2);
  });

  it('says in the tray which channel its server refused and why; the others carry the recovery', async () => {
    const trayLines = () => recorder.trays[0]!.menu.map((i) => i.label ?? '');
    lab.script(`/hook/${HOOK_SECRET}`, { status: 403, body: 'action_prohibited' });
    world.states['whatsapp'] = { state: 'up', cause: null };
    await vi.advanceTimersByTimeAsync(MINUTE + 15_000);
    await vi.waitFor(() => {
      expect(lab.accepted(TOPIC)).toHaveLength(3);
      expect(lab.accepted(SEND)).toHaveLength(3);
      expect(lab.mails).toHaveLength(3);
    });
    expect(JSON.parse(lab.accepted(SEND)[2]!.body).text).toMatch(/WhatsApp is back/i);
    await vi.waitFor(() =>
      expect(trayLines()).toContain(
        `⚠ Alert channel team is broken: ${new URL(lab.base).host} refused the token or password (error 403)`,
      ),
    );
    expect(trayLines().join('\n')).not.toContain(HOOK_SECRET);
    // Clicking the line opens the window, where Settings → Alerts says the same.
    const listed = await call<{ channel: { id: string }; broken: string | null }[]>('alerts:list');
    expect(listed.find((v) => v.channel.id === 'team')?.broken).toContain('(error 403)');
    expect(listed.filter((v) => v.broken !== null).map((v) => v.channel.id)).toEqual(['team']);
  });

  it('leaves no secret in any file the app wrote, nor in anything it sent the window', () => {
    const files = filesUnder(recorder.userData);
    expect(files.map((f) => f.path)).toContain(join(recorder.userData, 'alerts-outbox.jsonl'));
    const sent = JSON.stringify(recorder.windows.flatMap((w) => w.webContents.sent));
    for (const secret of SECRETS) {
      for (const file of files) expect(file.text, file.path).not.toContain(secret);
      expect(sent).not.toContain(secret);
    }
  });
});
