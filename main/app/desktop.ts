// What a native tray app does on each desktop: its Windows app id (toasts show and route their
// clicks), no Dock icon on macOS, no default menu (Reload, DevTools) in a packaged app, launch at
// login as each OS does it, and notifications kept alive until they are clicked or closed.
import { app, Menu, Notification } from 'electron';
import { autostartPath, hasAutostart, HIDDEN_FLAG, setAutostart } from '../shell/autostart';

/** electron-builder's appId (electron-builder.yml): Windows matches toasts to the installed app by it. */
export const APP_ID = 'app.vigie.desktop';

/** Before `ready`: what each platform needs from the start. */
export function prepareDesktop(): void {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  // Reload and Toggle DevTools stay a developer's tools.
  if (app.isPackaged) Menu.setApplicationMenu(null);
}

/** After `ready`: a tray app has no Dock icon (LSUIElement does it in the package; this in dev). */
export function hideFromDock(): void {
  if (process.platform === 'darwin') app.dock?.hide();
}

/** Whether this launch was the one at login (start quietly in the tray) rather than the user's. */
export function launchedAtLogin(argv: readonly string[] = process.argv): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}

/** The program a login starts: an AppImage's own file when run from one, else this executable. */
function executable(): string {
  return process.env['APPIMAGE'] ?? process.execPath;
}

/** Whether Vigie starts at login, as the OS says now (the user may have changed it there). */
export function launchAtLogin(): boolean {
  if (process.platform === 'linux') return hasAutostart(autostartPath());
  return app.getLoginItemSettings({ args: [HIDDEN_FLAG] }).openAtLogin;
}

/** Turns launch at login on or off, the way this OS does it. */
export function setLaunchAtLogin(enabled: boolean): void {
  if (process.platform === 'linux') {
    setAutostart(autostartPath(), enabled, executable());
    return;
  }
  // Windows starts the executable with these args; macOS records the app itself.
  app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] });
}

/** Icons Windows reads from a real file: asarUnpack puts them next to the asar. */
export function unpacked(path: string): string {
  return app.isPackaged ? path.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked') : path;
}

/** Shown notifications, held until they are clicked, closed or fail (else garbage may take them). */
const alive = new Set<Notification>();
const MAX_HELD = 20;

/** Shows a notification whose click reaches `onClick` however long it stays in the OS's centre. */
export function showNotification(title: string, body: string, onClick: () => void): void {
  const shown = new Notification({ title, body });
  alive.add(shown);
  // Windows does not always say when a toast is closed: keep the newest few, not every one.
  if (alive.size > MAX_HELD)
    for (const old of [...alive].slice(0, alive.size - MAX_HELD)) alive.delete(old);
  const forget = () => alive.delete(shown);
  shown.on('click', () => {
    forget();
    onClick();
  });
  shown.on('close', forget);
  shown.on('failed', forget);
  shown.show();
}

/** How many notifications are held (for tests). */
export function heldNotifications(): number {
  return alive.size;
}
