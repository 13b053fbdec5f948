// The update adapter: electron-updater's platform updater (AppImage or deb on Linux, NSIS on
// Windows, Squirrel.Mac on macOS), configured to download in the background and install on quit.
// Where to look comes from `app-update.yml`, which electron-builder writes from the `publish`
// settings of electron-builder.yml. An app that is not packaged has no such file: nothing runs.
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { Settings } from '../../shared/settings-schema';
import { Updater, type UpdateSource } from '../shell/updates';
import type { Logger } from '../log/logger';

/** What the app asks of the updater beyond looking. */
export interface AppUpdates extends UpdateSource {
  quitAndInstall(): void;
  /** Whether a downloaded update is installed when Vigie quits (the user's setting). */
  installOnQuit(enabled: boolean): void;
}

/** The platform's updater, or null when the app is not packaged. */
export function updateSource(): AppUpdates | null {
  if (!app.isPackaged) return null;
  // electron-updater is CommonJS: its `autoUpdater` is a getter on the default export.
  const updater = electronUpdater.autoUpdater;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  return {
    checkForUpdates: () => updater.checkForUpdates(),
    quitAndInstall: () => updater.quitAndInstall(),
    installOnQuit: (enabled) => {
      // Read by electron-updater when the app quits.
      updater.autoInstallOnAppQuit = enabled;
    },
  };
}

/** What the updates read from the app. */
export interface UpdatesContext {
  readonly settings: () => Settings;
  /** The checks' latest word: no look while this machine is offline. */
  readonly offline: () => boolean;
  /** Something changed that the tray shows. */
  readonly changed: () => void;
  /** Where a failed look for updates is written down. */
  readonly log: Logger;
}

/** Starts looking for updates (a packaged app only): daily, in the background, never offline. */
export function startUpdates(
  ctx: UpdatesContext,
): { readonly source: AppUpdates; readonly updater: Updater } | null {
  const source = updateSource();
  if (!source) return null;
  source.installOnQuit(ctx.settings().updates);
  const updater = new Updater({
    source,
    enabled: () => ctx.settings().updates,
    offline: ctx.offline,
    now: Date.now,
    onState: (state) => {
      if (state.kind === 'failed') ctx.log.warn(`update check failed: ${state.message}`);
      ctx.changed();
    },
  });
  updater.start();
  return { source, updater };
}
