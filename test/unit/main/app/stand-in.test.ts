// The stand-in Electron is as strict as Electron where the app depends on it: code that would
// fail on a real desktop fails here too.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeElectron, resetRecorder } from '../../../helpers/fake-electron';

const realPlatform = process.platform;
afterEach(() => Object.defineProperty(process, 'platform', { value: realPlatform }));

describe('the stand-in Electron', () => {
  it('has platform-only APIs on their platform only, as electron.d.ts marks them', () => {
    const electron = fakeElectron();
    Object.defineProperty(process, 'platform', { value: 'linux' });
    expect(electron.app.setAppUserModelId).toBeUndefined();
    expect(electron.app.getLoginItemSettings).toBeUndefined();
    expect(electron.app.dock).toBeUndefined();
    Object.defineProperty(process, 'platform', { value: 'win32' });
    expect(electron.app.setAppUserModelId).toBeTypeOf('function');
    expect(electron.app.dock).toBeUndefined();
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    expect(electron.app.dock).toBeDefined();
    expect(electron.app.setAppUserModelId).toBeUndefined();
  });

  it('refuses windows and trays before ready, and a second handler on one channel', async () => {
    const recorder = resetRecorder();
    const electron = fakeElectron();
    expect(() => new electron.Tray({ path: '/icon.png' })).toThrow('before app is ready');
    const ready = electron.app.whenReady();
    recorder.ready();
    await ready;
    expect(() => new electron.Tray({ path: '/icon.png' })).not.toThrow();
    electron.ipcMain.handle('snapshot:get', async () => ({ ok: true }));
    expect(() => electron.ipcMain.handle('snapshot:get', async () => ({ ok: true }))).toThrow(
      "second handler for 'snapshot:get'",
    );
  });

  it('carries IPC payloads and replies by structured clone, as Electron does', async () => {
    resetRecorder();
    const electron = fakeElectron();
    const recorder = resetRecorder();
    electron.ipcMain.handle('x', async () => ({ run: () => 1 }));
    await expect(recorder.handlers.get('x')!({}, undefined)).rejects.toThrow(/could not be cloned/);
  });
});
