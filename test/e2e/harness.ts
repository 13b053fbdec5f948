// End-to-end harness: the renderer built by Vite, loaded from disk with its real CSP in Debian's
// Chromium (playwright-core), and `window.vigie` bridged (exposeBinding) to real handlers over a
// real engine, history and settings in this process. Nothing but loopback is ever contacted.
import { existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { bridgeTable, parseCall, type Channel, type VigieEvent } from '../../shared/ipc';
import { messageOf } from '../../shared/errors';
import type { Handlers } from '../../main/shell/handlers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

/** Builds the renderer into a temporary folder, as the app's build does (relative base). */
export async function buildRenderer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'vigie-renderer-'));
  await build({
    root: join(ROOT, 'renderer'),
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return join(outDir, 'index.html');
}

/** Starts Chromium the way this machine allows (no sandbox as root, no background traffic). */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env['VIGIE_CHROMIUM'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `The end-to-end tests need Chromium at ${executablePath} (Debian: apt-get install chromium), ` +
        'or set VIGIE_CHROMIUM to the path of a Chromium or Chrome binary.',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Vite's module scripts load from file:// as they do in Electron.
      '--allow-file-access-from-files',
    ],
  });
}

/** Opens the page with window.vigie bridged to `handlers`; returns a function to push events. */
export async function openPage(
  browser: Browser,
  pageUrl: string,
  handlers: Handlers,
  locale = 'en-US',
  /** The page's clock, fixed (a replay of a past day); the real one when absent. */
  fixedTime?: number,
): Promise<{ page: Page; push: (event: VigieEvent) => Promise<void>; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 900, height: 640 } });
  const page = await context.newPage();
  // Date is fixed; timers keep running, so the page behaves as it would on that day.
  if (fixedTime !== undefined) await page.clock.setFixedTime(fixedTime);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.exposeBinding('__vigieInvoke', async (_source, channel: string, args: unknown) => {
    // The same packing and validation as the app's IPC layer (shared/ipc.ts's parseCall).
    const parsed = parseCall(channel, args);
    if (!parsed.ok) return parsed;
    try {
      const handler = handlers[channel as Channel] as (request: unknown) => unknown;
      return { ok: true, value: await handler(parsed.request) };
    } catch (error) {
      return { ok: false, error: { code: 'FAILED', message: messageOf(error) } };
    }
  });
  await page.addInitScript(BRIDGE);
  await page.goto(`file://${pageUrl}`);
  const push = async (event: VigieEvent) => {
    await page.evaluate(
      (e) =>
        (globalThis as unknown as { __vigieDispatch: (event: unknown) => void }).__vigieDispatch(e),
      event,
    );
  };
  return { page, push, errors };
}

/**
 * The page side of the bridge: window.vigie over the exposed binding, made from the contract's
 * table like the preload (one method per call, arguments sent as they are). A plain string, so no
 * transpiler helper (esbuild's __name) leaks into the page.
 */
export const BRIDGE = `
(() => {
  const table = ${JSON.stringify(bridgeTable())};
  // Each call's span in page time, so benchmarks can tell the bridge's share from the page's own.
  window.__vigieBridgeLog = [];
  const invoke = async (channel, args) => {
    const start = performance.now();
    try {
      return await window.__vigieInvoke(channel, args);
    } finally {
      window.__vigieBridgeLog.push({ channel, start, end: performance.now() });
    }
  };
  const listeners = new Set();
  window.__vigieDispatch = (event) => { for (const listener of listeners) listener(event); };
  const vigie = {
    onEvent: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
  };
  for (const [name, channel] of Object.entries(table.calls))
    vigie[name] = (...args) => invoke(channel, args);
  window.vigie = vigie;
})();
`;

/** Where screenshots go (git-ignored). */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
