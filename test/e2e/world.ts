// The world the window's end-to-end tests run in: lab servers on loopback, a real engine checking
// them, a real history seeded with 90 days, real settings, the renderer built by Vite and
// Chromium. Exports land in a temporary folder instead of a save dialog.
import { LogSink } from '../../main/log/logger';
import { logsAccess } from '../../main/log/diagnostics';
import { logScheduler } from '../../main/log/observe';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseConfig, type ServiceConfig, type VigieConfig } from '../../shared/config-schema';
import { DAY, HOUR, MINUTE } from '../../shared/durations';
import type { VigieApi, VigieEvent } from '../../shared/ipc';
import { createEngine, type Engine } from '../../main/engine';
import { openHistory, type HistoryStore } from '../../main/history/store';
import { Checklist } from '../../main/playbooks';
import { SettingsStore } from '../../main/settings/settings-store';
import { createTranslator } from '../../shared/i18n';
import { createHandlers, type Handlers } from '../../main/shell/handlers';
import { AppAlerts } from '../../main/alerts/app-alerts';
import { createHttpClient } from '../../main/engine/net/http-client';
import { chatConfig, fixture, healthyReferences, startLab, type Lab } from '../lab/lab';
import { snapshotAt, type ServiceSpec } from '../helpers/snapshots';
import { buildRenderer, launchChromium, openPage, screenshotPath } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface World {
  readonly lab: Lab;
  readonly browser: Browser;
  readonly engine: Engine;
  readonly history: HistoryStore;
  readonly settings: SettingsStore;
  readonly config: VigieConfig;
  readonly dir: string;
  readonly pageFile: string;
  /** Where the next export is saved (null: the person cancels), and what was saved. */
  save: { answer: string | null; saved: { name: string; content: string }[] };
  /** What the page put on the clipboard. */
  readonly copied: string[];
  readonly checklist: Checklist;
  /** Links the page asked to open in the browser. */
  readonly opened: string[];
  /** The app's log, as the app keeps it (in the data folder's logs/). */
  readonly logs: LogSink;
  /** Folders the page asked to open in the file manager. */
  readonly openedFolders: string[];
  /** Alerts as the app keeps them (secrets through a stand-in for the OS keychain). */
  alerts: AppAlerts;
  /** Stops the alerts and starts them again over the same data folder, as an app restart does. */
  restartAlerts(): Promise<void>;
  handlers(): Handlers;
  close(): Promise<void>;
}

/**
 * 90 days of Chat checked every 20 minutes, ending an hour ago: a two-hour provider outage ten
 * days ago and three degraded hours forty days ago (both from 10:00), latency around 120 ms.
 */
export function seedHistory(dir: string, end: number): void {
  let now = end - 90 * DAY;
  const store = openHistory({ dir, now: () => now });
  // Both start at 10:00 local time, so each falls within one day whatever the hour of the run.
  const tenOClock = (at: number) => new Date(at).setHours(10, 0, 0, 0);
  const outage = { from: tenOClock(end - 10 * DAY), to: tenOClock(end - 10 * DAY) + 2 * HOUR };
  const slow = { from: tenOClock(end - 40 * DAY), to: tenOClock(end - 40 * DAY) + 3 * HOUR };
  let state = '';
  let since = now;
  for (; now < end; now += 20 * MINUTE) {
    const base: ServiceSpec =
      now >= outage.from && now < outage.to
        ? { state: 'down', official: { title: 'Chat is unavailable' } }
        : now >= slow.from && now < slow.to
          ? { state: 'degraded', cause: 'provider', latencyMs: 900 }
          : { state: 'up', latencyMs: 100 + ((now / MINUTE) % 7) * 10 };
    if (base.state !== state) [state, since] = [base.state, now];
    const spec: ServiceSpec = { ...base, since };
    const snapshot = snapshotAt(now, { chat: spec });
    store.recordSnapshot({
      ...snapshot,
      services: snapshot.services.map((s) => ({ ...s, name: 'Chat', provider: 'ChatCo' })),
    });
  }
  store.close();
}

/** A world whose engine asks other networks (a Globalping-compatible server at `url`) when Chat is unreachable. */
export interface WorldOptions {
  readonly secondOpinion?: { readonly url: string; readonly country: string };
  /** More services the window lists (catalog entries left off: the engine never checks them). */
  readonly catalog?: readonly ServiceConfig[];
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const [lab, browser, pageFile] = await Promise.all([
    startLab(),
    launchChromium(),
    buildRenderer(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  seedHistory(dir, Date.now() - HOUR);
  const opinion = options.secondOpinion;
  const parsed = parseConfig({
    ...chatConfig(lab),
    failureThreshold: 1,
    ...(opinion ? { secondOpinion: { enabled: true, ...opinion, timeoutMs: 2000 } } : {}),
  });
  if (!parsed.ok) throw new Error('bad lab config');
  const config: VigieConfig = {
    ...parsed.config,
    services: parsed.config.services.map((s) => ({
      ...s,
      statusPageUrl: 'https://status.chat.example/',
    })),
  };
  const engine = createEngine(config, {
    extraCa: [lab.certs.ca],
    retryDelayMs: 20,
    opinionPollMs: 5,
  });
  const history = openHistory({ dir });
  const settings = SettingsStore.open(dir).store;
  // A user already set up (the first run has its own tests: test/e2e/catalog.test.ts).
  settings.update((s) => ({ ...s, firstRun: 'done' }));
  const checklist = new Checklist(dir);
  // As the app does: record, then let the runs follow the incidents.
  engine.scheduler.on('snapshot', (s) => {
    history.recordSnapshot(s);
    checklist.observe(
      s,
      history.incidents().filter((i) => i.end === null),
    );
  });
  const logs = new LogSink({ dir: join(dir, 'logs') });
  const alertHttp = createHttpClient();
  const translator = () =>
    createTranslator(
      settings.get().language === 'system' ? 'en' : (settings.get().language as 'en'),
    );
  const openAlerts = () =>
    new AppAlerts({
      dir,
      // The keychain's stand-in: reversible, nothing like the clear text.
      cipher: {
        available: () => true,
        encrypt: (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
        decrypt: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
      },
      http: alertHttp,
      host: 'e2e-pc',
      alerts: () => settings.get().alerts,
      saveAlerts: (next) => settings.update((s) => ({ ...s, alerts: next })),
      translator,
    });
  const alerts = openAlerts();
  engine.scheduler.on('change', (change) => world.alerts.change(change));
  engine.scheduler.on('snapshot', (snapshot) => world.alerts.snapshot(snapshot));
  logScheduler(engine.scheduler, logs.logger('engine'));
  const world: World = {
    logs,
    openedFolders: [],
    lab,
    browser,
    engine,
    history,
    settings,
    config,
    dir,
    pageFile,
    save: { answer: null, saved: [] },
    opened: [],
    copied: [],
    checklist,
    alerts,
    async restartAlerts() {
      await world.alerts.close();
      world.alerts = openAlerts();
      await world.alerts.reload();
    },
    handlers: () =>
      createHandlers({
        scheduler: () => engine.scheduler,
        history,
        settings: () => settings.get(),
        updateSettings: (patch) => settings.update((s) => ({ ...s, ...patch })),
        openExternal: async (url) => {
          world.opened.push(url);
        },
        catalog: () =>
          options.catalog
            ? { ...config, services: [...config.services, ...options.catalog] }
            : config,
        tryService: (service) => engine.tryService(service),
        saveFile: async (name, content) => {
          if (world.save.answer === null) return null;
          world.save.saved.push({ name, content });
          return join(world.save.answer, name);
        },
        dataDir: dir,
        version: '0.1.0-e2e',
        checklist,
        translator,
        alerts: world.alerts,
        copy: (text) => {
          world.copied.push(text);
        },
        logs: logsAccess(
          logs,
          { version: '0.1.0-e2e', system: 'linux e2e x64', settings: () => settings.get() },
          async (folder) => {
            world.openedFolders.push(folder);
          },
        ),
      }),
    async close() {
      await browser.close();
      await engine.close();
      await world.alerts.close();
      await alertHttp.close();
      history.close();
      checklist.close();
      await lab.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** The lab as a clean network: Chat healthy, its name resolving, its status page saying so. */
export function allWell(world: World): void {
  healthyReferences(world.lab);
  world.lab.dns.set('chat.lab.test', { a: '127.0.0.1' });
  world.lab.http.route('/', { status: 200, body: 'ok' });
  world.lab.http.route('/chat/api/v2/summary.json', {
    status: 200,
    body: fixture('statuspage-summary-operational.json'),
  });
}

/** Opens the window on the world's handlers, once its first view is painted. */
export async function openWindow(world: World): Promise<{
  page: Page;
  push: (event: VigieEvent) => Promise<void>;
  errors: string[];
}> {
  const opened = await openPage(world.browser, world.pageFile, world.handlers());
  await opened.page.locator('#view-heading').waitFor();
  return opened;
}

/** axe-core in the page (evaluated through DevTools, so the page's CSP stays as it is). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/**
 * Checks the page with axe in light and then dark, taking `<name>-light` and `<name>-dark`
 * screenshots, and leaves it light; returns the serious violations of each.
 */
export async function inBothThemes(
  page: Page,
  name: string,
): Promise<{ light: string[]; dark: string[] }> {
  const light = await seriousViolations(page);
  await page.screenshot({ path: screenshotPath(`${name}-light`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await seriousViolations(page);
  await page.screenshot({ path: screenshotPath(`${name}-dark`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  return { light, dark };
}

/** Calls window.vigie in the page, as the renderer would. */
export const call = (page: Page, fn: (vigie: VigieApi) => Promise<unknown>) =>
  page.evaluate(`(${fn.toString()})(globalThis.vigie)`);
