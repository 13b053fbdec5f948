// Invite links opened from another app, against the fake Electron: the scheme registered with the
// OS; a link on the launch's command line (Windows), handed over by a second launch (Linux,
// Windows) or sent by macOS (open-url) shows the window and tells the page, which takes the link
// once, with a damaged link's problem in the words the join form uses for a pasted invite. Nothing
// is joined by the link itself.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  resetRecorder,
  type FakeWindow,
  type Recorder as FakeRecorder,
} from '../../../helpers/fake-electron';
import { base64url } from '../../../../main/team/keys';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron')).fakeElectron());
vi.mock('electron-updater', async () =>
  (await import('../../../helpers/fake-updater')).fakeElectronUpdater(),
);
vi.mock('../../../../main/engine', async () =>
  (await import('../../../helpers/silent-engine')).silentEngineModule(),
);

const SECRET = base64url(new Uint8Array(32).fill(7));
const LINK = `vigie-team:1:${SECRET}:https://ntfy.example.org`;
const DAMAGED = `vigie-team:1:${SECRET.slice(0, 30)}:https://ntfy.example.org`;
const DAMAGED_WORDS =
  'The invite’s secret is damaged: it must be 43 characters (32 bytes). Copy the whole invite again.';

const realPlatform = process.platform;
const realArgv = process.argv;
let started: FakeRecorder | null = null;

/** Starts a fresh app as `platform` would, launched with `argv` after the executable. */
async function launch(
  platform: NodeJS.Platform,
  argv: string[] = [],
  setup: (recorder: FakeRecorder) => void = () => undefined,
  /** What happens once the app's code ran, before Electron is ready. */
  beforeReady: (recorder: FakeRecorder) => void = () => undefined,
): Promise<FakeRecorder> {
  vi.resetModules();
  Object.defineProperty(process, 'platform', { value: platform });
  process.argv = [realArgv[0]!, ...argv];
  const recorder = resetRecorder();
  recorder.userData = mkdtempSync(join(tmpdir(), `vigie-link-${platform}-`));
  process.env['XDG_CONFIG_HOME'] = join(recorder.userData, 'xdg');
  setup(recorder);
  await import('../../../../main/app/index');
  beforeReady(recorder);
  recorder.ready();
  await vi.waitFor(() => expect(recorder.trays).toHaveLength(1));
  started = recorder;
  return recorder;
}

afterEach(() => {
  started?.appEvents.emit('before-quit');
  if (started) rmSync(started.userData, { recursive: true, force: true });
  started = null;
  Object.defineProperty(process, 'platform', { value: realPlatform });
  Reflect.deleteProperty(process, 'defaultApp');
  process.argv = realArgv;
});

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** Calls a handler as the app's own page in `window` does. */
async function call(
  recorder: FakeRecorder,
  window: FakeWindow,
  channel: string,
  ...args: unknown[]
): Promise<Reply> {
  const ours = { sender: window.webContents, senderFrame: { url: window.loaded, parent: null } };
  return (await recorder.handlers.get(channel)!(ours, args)) as Reply;
}

/** What the page gets when it takes the opened link. */
async function take(recorder: FakeRecorder, window: FakeWindow): Promise<unknown> {
  const reply = await call(recorder, window, 'team:takeLink');
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

/** How many times the page was told an invite link waits. */
function told(window: FakeWindow): number {
  return window.webContents.sent.filter((s) => (s.payload as { type?: string }).type === 'teamLink')
    .length;
}

describe('the vigie-team: scheme', () => {
  it('is registered with the OS: the packaged executable alone, or unpackaged Electron with the app’s folder', async () => {
    const packaged = await launch('win32', ['--allow-file-access-from-files']);
    expect(packaged.protocols).toEqual([{ protocol: 'vigie-team' }]);
    packaged.appEvents.emit('before-quit');
    started = null;

    Object.defineProperty(process, 'defaultApp', { value: true, configurable: true });
    const dev = await launch('linux', ['out/main/index.js']);
    expect(dev.protocols).toEqual([
      {
        protocol: 'vigie-team',
        path: process.execPath,
        args: [resolve('out/main/index.js')],
      },
    ]);
  });
});

describe('a link that launched Vigie', () => {
  it('on Windows, the link last on the command line: the window opens and the page takes it once, not joined', async () => {
    const recorder = await launch('win32', ['--allow-file-access-from-files', LINK]);
    expect(recorder.windows).toHaveLength(1);
    const window = recorder.windows[0]!;
    expect(await take(recorder, window)).toEqual({
      invite: LINK,
      server: 'https://ntfy.example.org',
      problem: null,
    });
    expect(await take(recorder, window)).toBeNull();
    // Joining takes the person's name and click: nothing of a team was written.
    expect(existsSync(join(recorder.userData, 'team'))).toBe(false);
    expect(await call(recorder, window, 'team:get')).toEqual({ ok: true, value: null });
  });

  it('at login with a link (a click while Vigie was not running yet), the window opens all the same', async () => {
    const recorder = await launch('linux', ['--hidden', LINK]);
    expect(recorder.windows).toHaveLength(1);
  });

  it('on macOS, the link comes as open-url before Electron is ready: the window opens on it', async () => {
    const recorder = await launch(
      'darwin',
      [],
      // As a launch at login would start: quietly, unless a link waits.
      (r) => (r.loginItemNow = { openAtLogin: true, wasOpenedAtLogin: true }),
      (r) => r.appEvents.emit('open-url', {}, LINK),
    );
    expect(recorder.windows).toHaveLength(1);
    expect(await take(recorder, recorder.windows[0]!)).toEqual({
      invite: LINK,
      server: 'https://ntfy.example.org',
      problem: null,
    });
  });

  it('with no link, nothing waits for the page', async () => {
    const recorder = await launch('linux');
    expect(await take(recorder, recorder.windows[0]!)).toBeNull();
  });
});

describe('a link opened while Vigie runs', () => {
  it('on Linux, a second launch hands its link over: the window opens and is told to take it', async () => {
    const recorder = await launch('linux', ['--hidden']);
    expect(recorder.windows).toHaveLength(0);
    recorder.appEvents.emit('second-instance', {}, ['/opt/Vigie/vigie', LINK], '/home/awa', null);
    expect(recorder.windows).toHaveLength(1);
    const window = recorder.windows[0]!;
    expect(told(window)).toBe(1);
    expect(await take(recorder, window)).toEqual({
      invite: LINK,
      server: 'https://ntfy.example.org',
      problem: null,
    });
  });

  it('on Windows, with the window open: shown, focused, told; a damaged link comes with the join form’s words', async () => {
    const recorder = await launch('win32');
    const window = recorder.windows[0]!;
    window.visible = false;
    recorder.appEvents.emit(
      'second-instance',
      {},
      ['C:\\Program Files\\Vigie\\Vigie.exe', '--allow-file-access-from-files', DAMAGED],
      'C:\\Users\\awa',
      null,
    );
    expect(recorder.windows).toHaveLength(1);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
    expect(told(window)).toBe(1);
    expect(await take(recorder, window)).toEqual({
      invite: DAMAGED,
      server: null,
      problem: DAMAGED_WORDS,
    });
    // The same words as the join form gives for the same invite pasted.
    const pasted = await call(recorder, window, 'team:join', DAMAGED, 'Awa');
    expect(pasted).toMatchObject({ ok: false, error: { message: DAMAGED_WORDS } });
  });

  it('a second launch with no link only shows the window', async () => {
    const recorder = await launch('linux');
    const window = recorder.windows[0]!;
    recorder.appEvents.emit('second-instance', {}, ['/opt/Vigie/vigie'], '/home/awa', null);
    expect(window.focused).toBe(true);
    expect(told(window)).toBe(0);
    expect(await take(recorder, window)).toBeNull();
  });

  it('on macOS, open-url hands the link over; another URL is not taken for an invite', async () => {
    const recorder = await launch('darwin');
    const window = recorder.windows[0]!;
    recorder.appEvents.emit('open-url', {}, 'https://ntfy.example.org/vg_abc');
    expect(told(window)).toBe(0);
    recorder.appEvents.emit('open-url', {}, LINK);
    expect(told(window)).toBe(1);
    expect(window.focused).toBe(true);
    expect(await take(recorder, window)).toEqual({
      invite: LINK,
      server: 'https://ntfy.example.org',
      problem: null,
    });
  });
});
