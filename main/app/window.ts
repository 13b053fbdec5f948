// The window: created on demand, destroyed when closed (its memory goes back), remembers its size
// and place. Locked down as DESIGN says: isolated, sandboxed, no Node, no navigation, no pop-ups,
// external links only for https, in the browser.
import { BrowserWindow, shell } from 'electron';

export interface Bounds {
  readonly width: number;
  readonly height: number;
  readonly x?: number;
  readonly y?: number;
}

export interface WindowOptions {
  readonly pageUrl: string;
  readonly preload: string;
  readonly bounds: Bounds;
  readonly rtl: boolean;
  readonly onBounds: (bounds: Bounds) => void;
  readonly onClosed: () => void;
}

/** Whether a URL may be opened outside Vigie. */
export function isExternalAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Creates and shows the window. */
export function createWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.bounds,
    minWidth: 480,
    minHeight: 360,
    show: false,
    title: 'Vigie',
    autoHideMenuBar: true,
    // Written out here, in the constructor call, so that audits (electronegativity) can see them.
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  const web = window.webContents;
  // The page asks for no permission (camera, notifications, …): refuse them all.
  web.session.setPermissionRequestHandler((_, __, callback) => callback(false));
  web.session.setPermissionCheckHandler(() => false);
  // Nothing but our page, ever: links open in the browser (https only), never in here.
  web.setWindowOpenHandler(({ url }) => {
    if (isExternalAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  web.on('will-navigate', (event, url) => {
    if (url !== options.pageUrl) event.preventDefault();
  });
  web.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  const remember = () => {
    if (!window.isDestroyed() && !window.isMinimized() && !window.isMaximized())
      options.onBounds(window.getBounds());
  };
  window.on('resized', remember);
  window.on('moved', remember);
  window.on('closed', options.onClosed);
  void window.loadURL(options.pageUrl);
  return window;
}
