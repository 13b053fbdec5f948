// Renderer benchmarks (DESIGN, Budgets): the bundle's gzip size, and the time from navigation to
// a painted overview with 50 services and 90 days of history, in Debian's Chromium.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MINUTE } from '../shared/durations';
import type { ServiceStatus, Snapshot } from '../shared/types';
import { defaultConfig } from '../main/engine/catalog';
import { openHistory } from '../main/history/store';
import { createHandlers } from '../main/shell/handlers';
import { defaultSettings } from '../shared/settings-schema';
import { buildRenderer, launchChromium, openPage } from '../test/e2e/harness';
import type { Bench, Report } from './bench';
import { END, historyFixture } from './history.bench';

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
  report('renderer.bundle_gzip_kb', Math.round(gzip / 102.4) / 10, 'kB');

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
  const stub = { snapshot: () => snapshot, checkNow: async () => snapshot } as never;
  const handlers = createHandlers({
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
  });
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let run = 0; run < 5; run++) {
      const { page: tab } = await openPage(browser, page, handlers);

      // Painted: the banner and the 50 rows, each with its 90 days.
      await tab.waitForFunction(
        () =>
          (
            globalThis as unknown as {
              document: { querySelectorAll(s: string): { length: number } };
            }
          ).document.querySelectorAll('.strip .cell').length ===
          50 * 90,
      );
      // The page's own clock starts at navigation: context creation and the harness are not counted.
      times.push(await tab.evaluate(() => performance.now()));
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
      await tab.context().close();
    }
  } finally {
    await browser.close();
    history.close();
  }
  times.sort((a, b) => a - b);
  report(
    'renderer.first_paint_ms',
    Math.round(times[2] ?? NaN),
    'ms (navigation start to 50 services painted with 90 daily cells each, median of 5; IPC over the DevTools bridge)',
  );
}

/** The renderer's benchmarks. */
export const rendererBenches: readonly Bench[] = [{ name: 'renderer', run: renderer }];
