// What each desktop gets: run as Linux, macOS and Windows against the fake Electron. The window
// opens on the user's own launch and not on a launch at login; macOS has no Dock icon and a Dock
// click opens the window; Windows gets the installer's app id and the unpacked .ico; a packaged
// app has no default menu and never obeys ELECTRON_RENDERER_URL; notifications stay held.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetRecorder, type Recorder as FakeRecorder } from '../../../helpers/fake-electron';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron')).fakeElectron());
vi.mock('electron-updater', async () =>
  (await import('../../../helpers/fake-updater')).fakeElectronUpdater(),
);
vi.mock('../../../../main/engine', async () =>
  (await import('../../../helpers/silent-engine')).silentEngineModule(),
);

const realPlatform = process.platform;
const realArgv = process.argv;
let started: FakeRecorder | null = null;

/** Starts a fresh app as `platform` would, with `argv` and the fake Electron's state set first. */
async function launch(
  platform: NodeJS.Platform,
  setup: (recorder: FakeRecorder) => void = () => undefined,
  argv: string[] = [],
): Promise<FakeRecorder> {
  vi.resetModules();
  Object.defineProperty(process, 'platform', { value: platform });
  process.argv = [realArgv[0]!, 'vigie', ...argv];
  const recorder = resetRecorder();
  recorder.userData = mkdtempSync(join(tmpdir(), `vigie-${platform}-`));
  process.env['XDG_CONFIG_HOME'] = join(recorder.userData, 'xdg');
  setup(recorder);
  await import('../../../../main/app/index');
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
  process.argv = realArgv;
  delete process.env['ELECTRON_RENDERER_URL'];
});

describe('on Linux', () => {
  it("the user's launch opens the window on the packed page, as a file URL", async () => {
    const recorder = await launch('linux');
    expect(recorder.windows).toHaveLength(1);
    expect(recorder.windows[0]!.loaded).toMatch(/^file:\/\/\/.*\/renderer\/index\.html$/);
    expect(recorder.windows[0]!.loaded).toBe(
      pathToFileURL(join(recorder.windows[0]!.loaded.replace(/^file:\/\//, ''))).href,
    );
    expect(recorder.trays[0]!.image).toBe('/app/build/icons/tray-checking-32.png');
  });

  it('a launch at login (--hidden) starts quietly in the tray', async () => {
    const recorder = await launch('linux', () => undefined, ['--hidden']);
    expect(recorder.windows).toHaveLength(0);
    recorder.appEvents.emit('second-instance', {}, ['/opt/Vigie/vigie'], '/home/awa', null);
    expect(recorder.windows).toHaveLength(1);
  });

  it('in development the dev server is used; a packaged app ignores ELECTRON_RENDERER_URL', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    const dev = await launch('linux');
    expect(dev.windows[0]!.loaded).toBe('http://localhost:5173/index.html');
    expect(dev.applicationMenu).toBe('default');
    dev.appEvents.emit('before-quit');
    const packaged = await launch('linux', (r) => (r.packaged = true));
    expect(packaged.windows[0]!.loaded).toMatch(/^file:\/\//);
    // No Reload / Toggle DevTools menu in what users run.
    expect(packaged.applicationMenu).toBeNull();
  });
});

describe('on macOS', () => {
  it('no Dock icon; a launch at login stays in the tray; a Dock click opens the window', async () => {
    const recorder = await launch('darwin', (r) => {
      r.loginItemNow = { openAtLogin: true, wasOpenedAtLogin: true };
    });
    expect(recorder.dockHidden).toBe(true);
    expect(recorder.windows).toHaveLength(0);
    expect(recorder.trays[0]!.image).toBe('/app/build/icons/tray-checkingTemplate.png');
    recorder.appEvents.emit('activate');
    expect(recorder.windows).toHaveLength(1);
  });

  it('launch at login follows what the OS says, and is set with the login item', async () => {
    const recorder = await launch('darwin', (r) => {
      r.loginItemNow = { openAtLogin: true, wasOpenedAtLogin: false };
    });
    const login = recorder.trays[0]!.menu.find((i) => i.label === 'Launch at login')!;
    expect(login.checked).toBe(true);
    login.click!();
    expect(recorder.loginItem).toEqual({ openAtLogin: false, args: ['--hidden'] });
  });
});

describe('on Windows', () => {
  it("sets the installer's app id, reads the tray's .ico unpacked, and holds notifications until clicked", async () => {
    const recorder = await launch('win32', (r) => (r.packaged = true));
    expect(recorder.appUserModelId).toBe('app.vigie.desktop');
    // Packaged, the app path is inside the asar: the icon comes from next to it.
    expect(recorder.trays[0]!.image).toBe(
      '/opt/Vigie/resources/app.asar.unpacked/build/icons/tray-checking.ico',
    );
    const { heldNotifications, showNotification } = await import('../../../../main/app/desktop');
    let clicked = 0;
    showNotification('Vigie', 'WhatsApp is down', () => clicked++);
    expect(heldNotifications()).toBe(1);
    recorder.notifications.at(-1)!.emit('click');
    expect(clicked).toBe(1);
    expect(heldNotifications()).toBe(0);
  });
});

describe('the window on today’s screens', () => {
  it('comes back where it was when that place is on a screen, else the OS places it', async () => {
    const { onScreen } = await import('../../../../main/app/window');
    const screens = [
      { x: 0, y: 0, width: 1920, height: 1040 },
      { x: 1920, y: 0, width: 1280, height: 1024 },
    ];
    expect(onScreen({ width: 960, height: 680, x: 2000, y: 100 }, screens)).toEqual({
      width: 960,
      height: 680,
      x: 2000,
      y: 100,
    });
    // The second monitor was unplugged: same size, placed by the OS.
    expect(onScreen({ width: 960, height: 680, x: 2000, y: 100 }, screens.slice(0, 1))).toEqual({
      width: 960,
      height: 680,
    });
    expect(onScreen({ width: 960, height: 680, x: 10, y: -500 }, screens)).toEqual({
      width: 960,
      height: 680,
    });
  });
});
