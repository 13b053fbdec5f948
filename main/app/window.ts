// The window: created on demand, destroyed when closed (its memory goes back), remembers its size
// and place. Locked down as docs/design.md#security says: isolated, sandboxed, no Node, no navigation, no pop-ups,
// external links only for https, in the browser.
import { BrowserWindow, screen, shell } from 'electron';

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

/** How long after the last resize or move the bounds are saved. */
export const BOUNDS_SAVE_DELAY_MS = 500;

/** Whether `url` is the page itself (its hash aside), compared as parsed URLs. */
export function samePage(url: string, page: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(page);
    a.hash = '';
    b.hash = '';
    return a.href === b.href;
  } catch {
    return false;
  }
}

/** Whether a URL may be opened outside Vigie. */
export function isExternalAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

interface Area {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The saved bounds if their title bar is on one of today's screens (a monitor unplugged since
 * would leave the window out of sight), else the same size placed by the OS.
 */
export function onScreen(bounds: Bounds, screens: readonly Area[]): Bounds {
  const { x, y } = bounds;
  if (x === undefined || y === undefined) return bounds;
  const visible = screens.some(
    (a) => x + 100 > a.x && x < a.x + a.width - 100 && y >= a.y && y < a.y + a.height - 40,
  );
  return visible ? bounds : { width: bounds.width, height: bounds.height };
}

/** Creates and shows the window. */
export function createWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...onScreen(
      options.bounds,
      screen.getAllDisplays().map((d) => d.workArea),
    ),
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
  // Compared as URLs (the page's own #hash is not a navigation away; a look-alike path is).
  web.on('will-navigate', (event, url) => {
    if (!samePage(url, options.pageUrl)) event.preventDefault();
  });
  web.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  // Size and place are saved a moment after they stop changing, and when the window closes.
  // `resize`/`move` fire on every platform (`resized`/`moved` never do on Linux).
  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(timer);
    if (!window.isDestroyed() && !window.isMinimized() && !window.isMaximized())
      options.onBounds(window.getBounds());
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(remember, BOUNDS_SAVE_DELAY_MS);
  };
  window.on('resize', soon);
  window.on('move', soon);
  window.on('close', remember);
  window.on('closed', () => {
    clearTimeout(timer);
    options.onClosed();
  });
  void window.loadURL(options.pageUrl);
  return window;
}
