// Where the packaged app finds its page, its preload and its tray images, on each platform.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app } from 'electron';
import { unpacked } from './desktop';

/** out/main, where the built main process runs from (ES module: no __dirname). */
const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * The page: the dev server's in development (electron-vite sets ELECTRON_RENDERER_URL), the packed
 * file otherwise. A packaged app never obeys that variable: any URL set there would get the bridge.
 */
export function pageUrl(): string {
  const dev = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  if (dev) return new URL('index.html', dev.endsWith('/') ? dev : `${dev}/`).href;
  return pathToFileURL(join(HERE, '../renderer/index.html')).href;
}

/** The window's preload (CommonJS, as sandboxed preloads must be). */
export function preloadPath(): string {
  return join(HERE, '../preload/index.cjs');
}

/** The tray image for a state on this platform. */
export function iconPath(key: string): string {
  const base = join(app.getAppPath(), 'build', 'icons');
  // macOS draws "…Template" images in the menu bar's colour; Windows wants .ico; Linux gets 32 px.
  if (process.platform === 'darwin') return join(base, `tray-${key}Template.png`);
  if (process.platform === 'win32') return unpacked(join(base, `tray-${key}.ico`));
  return join(base, `tray-${key}-32.png`);
}
