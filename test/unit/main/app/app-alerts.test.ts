// Alerts in the app against the fake electron module: a channel saved from the window keeps its
// secret through safeStorage (sealed, never in the settings file), a test goes out through a
// loopback server, a broken channel gets a tray line, and no file in userData holds a secret.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { recorder, type FakeWindow } from '../../../helpers/fake-electron';
import { startAlertLab, type AlertLab } from '../../../lab/alert-lab';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron')).fakeElectron());
vi.mock('electron-updater', async () =>
  (await import('../../../helpers/fake-updater')).fakeElectronUpdater(),
);
vi.mock('../../../../main/engine', async () =>
  (await import('../../../helpers/silent-engine')).silentEngineModule(),
);

const NTFY_TOKEN = 'tk_app-wired-ntfy-secret';
const HOOK_SECRET = 'T0WIRED/B0WIRED/wired-hook-secret';

let lab: AlertLab;
let window: FakeWindow;

function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : [{ path, text: readFileSync(path, 'latin1') }];
  });
}

/** Calls a handler as the app's own page does. */
async function call(channel: string, ...args: unknown[]): Promise<unknown> {
  const ours = { sender: window.webContents, senderFrame: { url: window.loaded, parent: null } };
  return recorder.handlers.get(channel)!(ours, args);
}

beforeAll(async () => {
  lab = await startAlertLab();
  recorder.userData = mkdtempSync(join(tmpdir(), 'vigie-app-alerts-'));
  await import('../../../../main/app/index');
  recorder.ready();
  await vi.waitFor(() => expect(recorder.windows).toHaveLength(1));
  window = recorder.windows[0]!;
});

afterAll(async () => {
  recorder.appEvents.emit('before-quit');
  await lab.close();
  rmSync(recorder.userData, { recursive: true, force: true });
});

it('saves channels with their secrets sealed by safeStorage and sends a test through one', async () => {
  await call('alerts:save', {
    id: 'phone',
    kind: 'ntfy',
    url: `${lab.base}/ntfy/vigie-wired-topic`,
    token: NTFY_TOKEN,
  });
  const saved = await call('alerts:save', {
    id: 'team',
    kind: 'webhook',
    url: `${lab.base}/hook/${HOOK_SECRET}`,
    format: 'slack',
  });
  expect(JSON.stringify(saved)).not.toContain(HOOK_SECRET);
  expect(JSON.stringify(saved)).not.toContain(NTFY_TOKEN);
  expect(saved).toMatchObject({
    ok: true,
    value: [
      { channel: { id: 'phone', kind: 'ntfy' }, secrets: { token: true }, broken: null },
      { channel: { id: 'team', kind: 'webhook', format: 'slack' }, secrets: { url: true } },
    ],
  });
  expect(recorder.encrypted).toBe(2);
  expect(await call('alerts:test', 'team')).toEqual({ ok: true, value: { ok: true } });
  expect(lab.accepted(`/hook/${HOOK_SECRET}`)).toHaveLength(1);
  expect(await call('alerts:test', 'phone')).toEqual({ ok: true, value: { ok: true } });
  expect(lab.accepted('/ntfy/vigie-wired-topic')[0]?.headers['authorization']).toBe(
    `Bearer ${NTFY_TOKEN}`,
  );

  const files = filesUnder(recorder.userData);
  expect(files.map((f) => f.path)).toContain(join(recorder.userData, 'settings.json'));
  const sealed = files.find((f) => f.path.endsWith('alert-secrets.json'));
  expect(sealed?.text).toContain('ZmFrZS1zZWFsZWQ6'); // "fake-sealed:" in base64
  for (const file of files) {
    expect(file.text, file.path).not.toContain(NTFY_TOKEN);
    expect(file.text, file.path).not.toContain(HOOK_SECRET);
  }
});

it('says in the tray when a channel is broken', async () => {
  await call('alerts:save', { id: 'bot', kind: 'telegram', chatId: '424242', apiUrl: lab.base });
  await vi.waitFor(() =>
    expect(recorder.trays[0]!.menu.map((i) => i.label)).toContain(
      '⚠ Alert channel bot is broken: a secret of this channel is not set, or the system keychain cannot read it',
    ),
  );
  const listed = (await call('alerts:list')) as { value: { channel: { id: string } }[] };
  expect(listed.value.map((c) => c.channel.id)).toEqual(['phone', 'team', 'bot']);
  await call('alerts:remove', 'bot');
  expect(recorder.trays[0]!.menu.map((i) => i.label ?? '').join('\n')).not.toContain(
    'Alert channel',
  );
});

it('refuses to keep a secret without the system keychain, and says so', async () => {
  recorder.encryptionAvailable = false;
  const reply = await call('alerts:save', {
    id: 'later',
    kind: 'webhook',
    url: `${lab.base}/hook/${HOOK_SECRET}`,
  });
  recorder.encryptionAvailable = true;
  expect(reply).toMatchObject({
    ok: false,
    error: {
      message:
        'The system keychain is not available: Vigie cannot keep this secret encrypted, so it was not saved.',
    },
  });
  const settings = readFileSync(join(recorder.userData, 'settings.json'), 'utf8');
  expect(settings).not.toContain(HOOK_SECRET);
  expect(settings).not.toContain('"later"');
});
