// Renderer benchmarks (docs/design.md#budgets): the bundle's gzip size, and the time from navigation to
// a painted overview with 50 services and 90 days of history, in Debian's Chromium.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MINUTE } from '../shared/durations';
import type { ServiceStatus, Snapshot } from '../shared/types';
import { defaultConfig } from '../main/engine/catalog';
import { openHistory } from '../main/history/store';
import { createHandlers } from '../main/shell/handlers';
import { createTranslator } from '../shared/i18n';
import { defaultSettings } from '../shared/settings-schema';
import { buildRenderer, launchChromium, openPage } from '../test/e2e/harness';
import type { Bench, Report } from './bench';
import { END, historyFixture, median } from './history.bench';
import { blankPage, paintedAt, traced } from './renderer-baseline';
import type { PageWork } from './trace-work';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

async function renderer(report: Report): Promise<void> {
  const page = await buildRenderer();
  const gzip = files(dirname(page))
    .filter((f) => /\.(js|css|html)$/.test(f))
    .reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
  report('renderer.bundle_gzip_kb', Math.round(gzip / 102.4) / 10, 'kB (all chunks)');
  const first = files(dirname(page))
    .filter((f) => /index-[^/]*\.(js|css)$/.test(f) || f.endsWith('.html'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
  report(
    'renderer.first_paint_gzip_kb',
    Math.round(first / 102.4) / 10,
    "kB (what the overview loads; the other views' code is fetched after it, when the window is idle)",
  );

  // 50 services with 90 days of history behind them, answered by the real handlers.
  const { dir } = historyFixture();
  const now = END + 200 * MINUTE;
  const history = openHistory({ dir, readOnly: true, now: () => now });
  const services: ServiceStatus[] = history.services().map((id, i) => ({
    id,
    name: `Service ${i}`,
    critical: i < 5,
    checkedAt: now,
    state: i === 3 ? 'down' : 'up',
    cause: i === 3 ? 'provider' : null,
    summary: '',
    probes: [],
  }));
  const snapshot: Snapshot = {
    checkedAt: now,
    overall: 'outage',
    connectivity: { state: 'online', detail: '', references: [] },
    services,
    bytes: 0,
  };
  const handlersFor = (shown: Snapshot) => {
    const stub = { snapshot: () => shown, checkNow: async () => shown } as never;
    return createHandlers({
      scheduler: () => stub,
      history,
      settings: defaultSettings,
      updateSettings: () => defaultSettings(),
      openExternal: async () => undefined,
      catalog: defaultConfig,
      tryService: () => Promise.reject(new Error('not in the benchmark')),
      saveFile: async () => null,
      dataDir: dir,
      version: 'bench',
      checklist: null,
      translator: () => createTranslator('en'),
      copy: () => undefined,
    });
  };
  const handlers = handlersFor(snapshot);
  // The same overview with its first service only: the yardstick the 50 are judged against.
  const oneService = handlersFor({ ...snapshot, overall: 'ok', services: services.slice(0, 1) });
  const blank = blankPage();
  const blankTimes: number[] = [];
  const oneTimes: number[] = [];
  const browser = await launchChromium();
  const times: number[] = [];
  const serviceTimes: number[] = [];
  const withoutBridge: number[] = [];
  const work50: PageWork[] = [];
  const work1: PageWork[] = [];
  const serviceWithoutBridge: number[] = [];
  try {
    for (let run = 0; run < 5; run++) {
      // The yardsticks in the same run, interleaved, so the machine's load weighs on all alike.
      blankTimes.push(await paintedAt(browser, blank, handlers, '#blank', 1));
      oneTimes.push(await paintedAt(browser, page, oneService, '.strip path', 1));
      const { page: tab } = await openPage(browser, page, handlers);

      // Painted: the banner and the 50 rows, each with its 90 days (a path per state present).
      await tab.waitForFunction(
        () =>
          (
            globalThis as unknown as {
              document: { querySelectorAll(s: string): { length: number } };
            }
          ).document.querySelectorAll('.strip path').length >= 50,
      );
      // The page's own clock starts at navigation: context creation and the harness are not counted.
      const painted = Number(await tab.evaluate('performance.now()'));
      times.push(painted);
      // The bridge on the critical path: the first requests (snapshot, settings), then the days.
      const log = (await tab.evaluate('window.__vigieBridgeLog')) as {
        channel: string;
        start: number;
        end: number;
      }[];
      const first = log.filter((e) => e.channel === 'snapshot:get' || e.channel === 'settings:get');
      const days = log.find((e) => e.channel === 'history:daysMany');
      const waited =
        Math.max(...first.map((e) => e.end)) -
        Math.min(...first.map((e) => e.start)) +
        (days ? days.end - days.start : 0);
      withoutBridge.push(painted - waited);
      if (run === 0) {
        // How much of it is the test bridge: one round trip of the same request, timed in the page.
        const ids = services.map((s) => s.id);
        const bridge = await tab.evaluate(async (list) => {
          const started = performance.now();
          await (
            globalThis as unknown as {
              vigie: { daysMany(ids: string[], days: number): Promise<unknown> };
            }
          ).vigie.daysMany(list, 90);
          return performance.now() - started;
        }, ids);
        report(
          'renderer.bridge_days_round_trip_ms',
          Math.round(bridge),
          'ms (the DevTools bridge carrying 50 × 90 daily cells; Electron IPC has no such hop)',
        );
      }
      // A service with 90 days: from the click to uptime, days, chart and evidence painted.
      // Timed in the page: from the click to the moment the last part appears in the DOM.
      await tab.evaluate(`
        window.__benchStart = performance.now();
        window.__benchDone = null;
        // From the click itself, not from when the test asked for it.
        document.addEventListener('click', () => (window.__benchStart = performance.now()), {
          capture: true,
          once: true,
        });
        const parts = ['.chart canvas', '.uptime dd', '.daybar-cells button:nth-child(90)'];
        const seen = new MutationObserver(() => {
          if (parts.every((p) => document.querySelector(p))) {
            window.__benchDone = performance.now();
            seen.disconnect();
          }
        });
        seen.observe(document.body, { subtree: true, childList: true });
      `);
      await tab.getByRole('button', { name: 'Details of Service 7' }).click();
      await tab.locator('.chart canvas').waitFor();
      await tab.locator('.daybar-cells button').nth(89).waitFor();
      const opened = Number(await tab.evaluate('window.__benchDone - window.__benchStart'));
      serviceTimes.push(opened);
      // The service's requests run side by side: the bridge's share is from the first to the last.
      const asked = (await tab.evaluate(
        'window.__vigieBridgeLog.filter((e) => e.start >= window.__benchStart)',
      )) as { start: number; end: number }[];
      const span =
        asked.length > 0
          ? Math.max(...asked.map((e) => e.end)) - Math.min(...asked.map((e) => e.start))
          : 0;
      serviceWithoutBridge.push(opened - span);
      await tab.context().close();
    }
    for (let run = 0; run < 3; run++) {
      work50.push(
        await traced(browser, () => paintedAt(browser, page, handlers, '.strip path', 50)),
      );
      work1.push(
        await traced(browser, () => paintedAt(browser, page, oneService, '.strip path', 1)),
      );
    }
  } finally {
    await browser.close();
    history.close();
  }
  report(
    'renderer.first_paint_ms',
    Math.round(median(times)),
    'ms (navigation start to 50 services painted with 90 daily cells each, median of 5; IPC over the DevTools bridge)',
  );
  report(
    'renderer.blank_paint_ms',
    Math.round(median(blankTimes)),
    'ms (a blank page with one paragraph, through the same harness: this machine and harness alone)',
  );
  report(
    'renderer.first_paint_one_service_ms',
    Math.round(median(oneTimes)),
    'ms (the overview with one service and its 90 days, median of 5)',
  );
  report(
    'renderer.first_paint_ratio',
    Math.round((median(times) / median(oneTimes)) * 100) / 100,
    '× (50 services over one, same run: what the 50 rows cost, whatever the machine)',
  );
  for (const [label, work] of [
    ['50', work50],
    ['one_service', work1],
  ] as const) {
    for (const kind of ['scripting', 'layout', 'paint'] as const) {
      report(
        `renderer.first_paint_${label}_${kind}_ms`,
        Math.round(median(work.map((w) => w[kind]))),
        `ms (main-thread ${kind} from navigation to painted, from Chromium's trace; median of 3)`,
      );
    }
  }
  const total = (work: readonly PageWork[]) =>
    median(work.map((w) => w.scripting + w.layout + w.paint));
  report(
    'renderer.first_paint_work_ratio',
    Math.round((total(work50) / total(work1)) * 100) / 100,
    "× (the page's own main-thread work, 50 services over one: the bridge and the machine's load left out)",
  );
  report(
    'renderer.first_paint_without_bridge_ms',
    Math.round(median(withoutBridge)),
    'ms (the same, minus the time the page waited on the test bridge: the estimate for Electron IPC)',
  );
  report(
    'renderer.service_view_ms',
    Math.round(median(serviceTimes)),
    'ms (click to a service painted: uptime, 90 days, 7-day latency chart, timed in the page; its code was fetched while the overview was idle; median of 5)',
  );
  report(
    'renderer.service_view_without_bridge_ms',
    Math.round(median(serviceWithoutBridge)),
    'ms (the same, minus the time its requests spent on the test bridge)',
  );
}

/** The renderer's benchmarks. */
export const rendererBenches: readonly Bench[] = [{ name: 'renderer', run: renderer }];
