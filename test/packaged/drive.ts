// Runs the packed main process (out/main/index.js from the asar) under the stand-in Electron, as
// a packaged Linux app, and prints what it did as one JSON line: the IPC handlers, the tray image,
// the window and its page and preload, a second launch, and the quit.
// Usage: node drive.mjs <unpacked app.asar> <user data folder>
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
// Resolved from where the bundled driver lies: the stand-in package next to the unpacked app.
import * as standIn from 'electron';
import type { Recorder } from '../helpers/fake-electron';

const { recorder } = standIn as unknown as { recorder: Recorder };

const [appDir = '', userData = ''] = process.argv.slice(2);
const errors: string[] = [];
process.on('uncaughtException', (error) => errors.push(String(error.stack ?? error)));
process.on('unhandledRejection', (error) => errors.push(String(error)));

/** Waits (bounded) for what the app does once ready. */
async function until(done: () => boolean): Promise<boolean> {
  for (let turn = 0; turn < 2000 && !done(); turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  return done();
}

recorder.packaged = true;
recorder.appPath = appDir;
recorder.userData = userData;
// Electron's resources folder, where electron-updater looks for package-type (deb, rpm).
(process as { resourcesPath?: string }).resourcesPath = dirname(appDir);

await import(pathToFileURL(join(appDir, 'out', 'main', 'index.js')).href);
recorder.ready();
const started = await until(() => recorder.trays.length === 1 && recorder.windows.length === 1);
const tray = recorder.trays[0];
const window = recorder.windows[0];
const report = {
  started,
  handlers: [...recorder.handlers.keys()].sort(),
  tray: { image: tray?.image ?? null, empty: tray?.imageEmpty ?? null },
  window: {
    loaded: window?.loaded ?? null,
    pageExists: window?.loadedExists ?? false,
    preloadExists: window?.preloadExists ?? false,
    sandbox: window?.options.webPreferences['sandbox'] ?? null,
  },
  applicationMenu: recorder.applicationMenu,
  secondInstance: { windows: 0, focused: false },
  quit: { trayDestroyed: false, lockLeft: true },
  errors,
};
// As Electron sends it: the event, the second launch's arguments, its working directory. A throw
// is reported, not left to hang the driver until the test's timeout.
try {
  recorder.appEvents.emit('second-instance', {}, [process.execPath, appDir], process.cwd());
} catch (error) {
  errors.push(`second-instance: ${String(error)}`);
}
report.secondInstance = {
  windows: recorder.windows.length,
  focused: recorder.windows[0]?.focused ?? false,
};
recorder.appEvents.emit('before-quit');
recorder.appEvents.emit('will-quit');
await until(() => !existsSync(join(userData, 'history', 'writer.lock')));
report.quit = {
  trayDestroyed: tray?.destroyed ?? false,
  lockLeft: existsSync(join(userData, 'history', 'writer.lock')),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
// No process.exit: a clean quit leaves nothing running, and the process ends by itself.
