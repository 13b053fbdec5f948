// The window: created on demand, destroyed when closed (its memory goes back), remembers its size
// and place. Locked down as DESIGN says: isolated, sandboxed, no Node, no navigation, no pop-ups,
// external links only for https, in the browser.
import { BrowserWindow, shell, type WebPreferences } from 'electron';

/** The web preferences of every Vigie window. */
export function securePreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

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
    webPreferences: securePreferences(options.preload),
  });
  const contents = window.webContents;
  // Nothing but our page, ever: links open in the browser (https only), never in here.
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (url !== options.pageUrl) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
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
