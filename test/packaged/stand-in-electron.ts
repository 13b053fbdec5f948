// The `electron` module for the packaged smoke test: the same strict stand-in the app tests use,
// bundled as a CommonJS package and put where Node finds it from inside the unpacked app (as
// Electron provides `electron` to everything it runs), with its recorder for the driver.
import { fakeElectron, recorder } from '../helpers/fake-electron';

const electron = fakeElectron();
export const {
  app,
  clipboard,
  dialog,
  Menu,
  nativeImage,
  Tray,
  Notification,
  BrowserWindow,
  powerMonitor,
  screen,
  shell,
  ipcMain,
  safeStorage,
} = electron;
export { recorder };
