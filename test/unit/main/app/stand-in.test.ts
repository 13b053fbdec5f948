// The stand-in Electron is as strict as Electron where the app depends on it: code that would
// fail on a real desktop fails here too.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
    expect(() => new electron.Tray(electron.nativeImage.createFromPath('/icon.png'))).toThrow(
      'before app is ready',
    );
    const ready = electron.app.whenReady();
    recorder.ready();
    await ready;
    expect(() => new electron.Tray(electron.nativeImage.createFromPath('/icon.png'))).not.toThrow();
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

  it('draws nothing for a missing image file and notes a missing preload, as Electron', async () => {
    const recorder = resetRecorder();
    const electron = fakeElectron();
    const ready = electron.app.whenReady();
    recorder.ready();
    await ready;
    const tray = new electron.Tray(electron.nativeImage.createFromPath('/no/such/tray.png'));
    expect(tray.imageEmpty).toBe(true);
    const real = new electron.Tray(electron.nativeImage.createFromPath(import.meta.filename));
    expect(real.imageEmpty).toBe(false);
    const window = new electron.BrowserWindow({ webPreferences: { preload: '/no/preload.cjs' } });
    expect(window.preloadExists).toBe(false);
    await window.loadURL('file:///no/such/index.html');
    expect(window.loadedExists).toBe(false);
  });

  it('notices a notification dropped before it was clicked or closed (its click is lost)', async () => {
    const recorder = resetRecorder();
    const electron = fakeElectron();
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const kept = new electron.Notification({ title: 'kept', body: '' });
    kept.show();
    const clicked = new electron.Notification({ title: 'clicked', body: '' });
    clicked.show();
    clicked.emit('click');
    (() => new electron.Notification({ title: 'dropped', body: '' }).show())();
    recorder.notifications.length = 0; // the recorder must not hold them either
    await vi.waitFor(() => {
      gc();
      expect(recorder.droppedNotifications).toBe(1);
    });
    expect(kept.shown).toBe(true);
  });
});
