// End-to-end harness: the renderer built by Vite, loaded from disk with its real CSP in Debian's
// Chromium (playwright-core), and `window.vigie` bridged (exposeBinding) to real handlers over a
// real engine, history and settings in this process. Nothing but loopback is ever contacted.
import { existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { requests, type Channel, type VigieEvent } from '../../shared/ipc';
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
  await page.exposeBinding('__vigieInvoke', async (_source, channel: string, payload: unknown) => {
    // The same validation as the app's IPC layer: the payload is parsed against the contract.
    if (!(channel in requests))
      return { ok: false, error: { code: 'BAD_REQUEST', message: `unknown channel ${channel}` } };
    const parsed = requests[channel as Channel].safeParse(payload);
    if (!parsed.success)
      return {
        ok: false,
        error: { code: 'BAD_REQUEST', message: parsed.error.issues[0]?.message ?? 'invalid' },
      };
    try {
      const handler = handlers[channel as Channel] as (request: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return {
        ok: false,
        error: { code: 'FAILED', message: error instanceof Error ? error.message : String(error) },
      };
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
 * The page side of the bridge: window.vigie over the exposed binding, with the same methods as
 * the preload. A plain string, so no transpiler helper (esbuild's __name) leaks into the page.
 */
export const BRIDGE = `
(() => {
  // Each call's span in page time, so benchmarks can tell the bridge's share from the page's own.
  window.__vigieBridgeLog = [];
  const invoke = async (channel, payload) => {
    const start = performance.now();
    try {
      return await window.__vigieInvoke(channel, payload);
    } finally {
      window.__vigieBridgeLog.push({ channel, start, end: performance.now() });
    }
  };
  const listeners = new Set();
  window.__vigieDispatch = (event) => { for (const listener of listeners) listener(event); };
  window.vigie = {
    snapshot: () => invoke('snapshot:get'),
    checkNow: () => invoke('engine:checkNow'),
    pause: (until) => invoke('engine:pause', { until }),
    resume: () => invoke('engine:resume'),
    uptime: (serviceId) => invoke('history:uptime', { serviceId }),
    days: (serviceId, days) => invoke('history:days', { serviceId, days }),
    daysMany: (serviceIds, days) => invoke('history:daysMany', { serviceIds: [...serviceIds], days }),
    latency: (serviceId, from, to) => invoke('history:latency', { serviceId, from, to }),
    incidents: (filter) => invoke('history:incidents', filter),
    exportIncidents: (format, serviceId) =>
      invoke('history:export', serviceId ? { format, serviceId } : { format }),
    catalog: () => invoke('catalog:get'),
    tryService: (form) => invoke('services:try', form),
    info: () => invoke('app:info'),
    settings: () => invoke('settings:get'),
    updateSettings: (patch) => invoke('settings:set', patch),
    openExternal: (url) => invoke('shell:openExternal', { url }),
    checklist: () => invoke('checklist:get'),
    tick: (runId, key, done, note) =>
      invoke('checklist:tick', note === undefined ? { runId, key, done } : { runId, key, done, note }),
    addNote: (runId, text) => invoke('checklist:note', { runId, text }),
    exportReport: (runId, format) => invoke('checklist:report', { runId, format }),
    setReady: (stepId, ready) => invoke('checklist:ready', { stepId, ready }),
    setProfile: (profile) => invoke('checklist:profile', profile),
    saveMessage: (template) => invoke('messages:save', { template }),
    restoreMessage: (id) => invoke('messages:restore', { id }),
    playbooks: () => invoke('playbooks:get'),
    savePlaybook: (playbook) => invoke('playbooks:save', { playbook }),
    restorePlaybook: (id) => invoke('playbooks:restore', { id }),
    assignPlaybook: (serviceId, playbookId) => invoke('playbooks:assign', { serviceId, playbookId }),
    copy: (text) => invoke('clipboard:write', { text }),
    onEvent: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
  };
})();
`;

/** Where screenshots go (git-ignored). */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
