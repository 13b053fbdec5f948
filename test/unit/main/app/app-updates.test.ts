// Updates as the packaged app runs them, against a fake electron-updater: a first look shortly
// after start, a tray line once a version is downloaded and verified, installed on click; off in
// the settings means no look and no install on quit; an app that is not packaged never looks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetRecorder, type Recorder as FakeRecorder } from '../../../helpers/fake-electron';
import { resetUpdater, type UpdaterRecorder } from '../../../helpers/fake-updater';
import { FIRST_CHECK_DELAY_MS } from '../../../../main/shell/updates';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron')).fakeElectron());
vi.mock('electron-updater', async () =>
  (await import('../../../helpers/fake-updater')).fakeElectronUpdater(),
);
vi.mock('../../../../main/engine', async () =>
  (await import('../../../helpers/silent-engine')).silentEngineModule(),
);

let started: FakeRecorder | null = null;

async function launch(
  setup: (electron: FakeRecorder, updater: UpdaterRecorder) => void,
): Promise<{ electron: FakeRecorder; updater: UpdaterRecorder }> {
  vi.resetModules();
  const electron = resetRecorder();
  const updater = resetUpdater();
  electron.userData = mkdtempSync(join(tmpdir(), 'vigie-updates-'));
  setup(electron, updater);
  await import('../../../../main/app/index');
  electron.ready();
  await vi.waitFor(() => expect(electron.trays).toHaveLength(1));
  started = electron;
  return { electron, updater };
}

function menuLabels(electron: FakeRecorder): string[] {
  return electron.trays[0]!.menu.map((item) => item.label ?? '');
}

afterEach(() => {
  started?.appEvents.emit('before-quit');
  if (started) rmSync(started.userData, { recursive: true, force: true });
  started = null;
  vi.useRealTimers();
});

describe('updates in the packaged app', () => {
  it('looks shortly after start, then offers the restart once 1.2.3 is downloaded', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { electron, updater } = await launch((e, u) => {
      e.packaged = true;
      u.answer = () =>
        Promise.resolve({
          isUpdateAvailable: true,
          updateInfo: { version: '1.2.3' },
          downloadPromise: Promise.resolve(['/cache/Vigie-1.2.3.AppImage']),
        });
    });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(updater.checks).toBe(1);
    await vi.waitFor(() => expect(menuLabels(electron)).toContain('Restart to update to 1.2.3'));
    electron.trays[0]!.menu.find((i) => i.label === 'Restart to update to 1.2.3')!.click!();
    expect(updater.installs).toBe(1);
  });

  it('turned off in the settings: no look, and nothing installed on quit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { electron, updater } = await launch((e) => {
      e.packaged = true;
      writeFileSync(join(e.userData, 'settings.json'), JSON.stringify({ updates: false }));
    });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS * 2);
    expect(updater.checks).toBe(0);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(menuLabels(electron).some((l) => l.startsWith('Restart'))).toBe(false);
  });

  it('an app run from the sources never touches the updater', async () => {
    const { updater } = await launch(() => undefined);
    expect(updater.taken).toBe(0);
  });
});
