// A fake `electron-updater` module (vi.mock) that records what the app asked of the updater and
// answers each look with what the test set: nothing new, or a version whose download settles.
import type { UpdateCheck } from '../../main/shell/updates';

/** What the app did with the updater. */
export class UpdaterRecorder {
  /** How many times the app took the platform's updater. */
  taken = 0;
  checks = 0;
  installs = 0;
  autoDownload: boolean | undefined;
  autoInstallOnAppQuit: boolean | undefined;
  /** The answer to the next look. */
  answer: () => Promise<UpdateCheck | null> = () =>
    Promise.resolve({ isUpdateAvailable: false, updateInfo: { version: '0.1.0' } });
}

const shared = globalThis as { vigieFakeUpdater?: UpdaterRecorder };
export const updaterRecorder: UpdaterRecorder = (shared.vigieFakeUpdater ??= new UpdaterRecorder());

/** A fresh state for a new launch. */
export function resetUpdater(): UpdaterRecorder {
  Object.assign(updaterRecorder, new UpdaterRecorder());
  return updaterRecorder;
}

/** The module object for vi.mock('electron-updater', ...): CommonJS, so one default export. */
export function fakeElectronUpdater() {
  const autoUpdater = {
    set autoDownload(value: boolean) {
      updaterRecorder.autoDownload = value;
    },
    set autoInstallOnAppQuit(value: boolean) {
      updaterRecorder.autoInstallOnAppQuit = value;
    },
    checkForUpdates: () => {
      updaterRecorder.checks++;
      return updaterRecorder.answer();
    },
    quitAndInstall: () => updaterRecorder.installs++,
  };
  return {
    default: {
      get autoUpdater() {
        updaterRecorder.taken++;
        return autoUpdater;
      },
    },
  };
}
