// History benchmarks (docs/design.md#budgets): append, load 90 days × 50 services, a 90-day query,
// disk use and memory, on synthetic history written through the real store.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DAY, MINUTE } from '../shared/durations';
import { openHistory } from '../main/history/store';
import type { Bench, Report } from './bench';
import { bundleForNode, HEADLESS_NODE_ENV, HEADLESS_NODE_FLAGS } from '../scripts/bundle-node';
import { writeHistory } from './history-data';

const run = promisify(execFile);
// Ends now (to the minute), so that an engine recording into a copy of it keeps all 90 days.
export const END = Math.floor(Date.now() / MINUTE) * MINUTE - 300 * MINUTE;

/** The middle value (runs are noisy on a shared machine). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function du(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? du(path) : statSync(path).size;
  }
  return total;
}

/** The 90-day, 50-service history, written once per benchmark run. */
let shared: { dir: string; writeMs: number; samples: number } | undefined;
export function historyFixture(): { dir: string; writeMs: number; samples: number } {
  if (!shared) {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-history-bench-'));
    const { ms, samples } = writeHistory(dir, 50, 90, END);
    shared = { dir, writeMs: ms, samples };
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return shared;
}

async function history(report: Report): Promise<void> {
  const { dir, writeMs, samples } = historyFixture();
  report('history.write_90d_50svc_s', Math.round(writeMs / 100) / 10, 's');
  // Append: one cycle of 50 services, in a store that already holds 90 days.
  const store = openHistory({ dir, now: () => END });
  const appendTimes: number[] = [];
  const { snapshotAt } = await import('../test/helpers/snapshots');
  const services = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [`svc-${i}`, { state: 'up' as const, latencyMs: 120 }]),
  );
  for (let i = 0; i < 200; i++) {
    const snapshot = snapshotAt(END + i * MINUTE, services);
    const t = performance.now();
    store.recordSnapshot(snapshot);
    appendTimes.push(performance.now() - t);
  }
  store.close();
  report(
    'history.append_us',
    Math.round(median(appendTimes) * 1000),
    'us per cycle of 50 services',
  );
  report(
    'history.append_sample_us',
    Math.round((median(appendTimes) * 1000) / 51),
    'us per sample',
  );

  // Opening reads what recording needs (6 hours of samples, the last day's rollups); the 90 days
  // are read by the first query that needs them. A load is both.
  const opens: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const loaded = openHistory({ dir, readOnly: true, now: () => END + 200 * MINUTE });
    opens.push(performance.now() - t);
    loaded.uptime('svc-7', END + 200 * MINUTE);
    loads.push(performance.now() - t);
    loaded.close();
  }
  report('history.open_ms', Math.round(median(opens)), 'ms (what a start reads)');
  report(
    'history.load_90d_50svc_ms',
    Math.round(median(loads)),
    'ms (open, then the first 90-day query reads the rest)',
  );

  const reader = openHistory({ dir, readOnly: true, now: () => END + 200 * MINUTE });
  const queries: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const now = END + 200 * MINUTE;
    reader.uptime('svc-7', now);
    reader.dailyCells('svc-7', 90, now);
    reader.latencySeries('svc-7', now - 90 * DAY, now, now);
    reader.incidents({ serviceId: 'svc-7' });
    queries.push(performance.now() - t);
  }
  reader.close();
  report(
    'history.query_90d_one_service_ms',
    Math.round(median(queries) * 10) / 10,
    'ms (uptime 4 windows + 90 daily cells + 90-day latency + incidents)',
  );
  report('history.disk_mb_90d_50svc', Math.round((du(dir) / 1024 / 1024) * 10) / 10, 'MB');
  report('history.samples_written', samples, 'samples');

  // Memory of a plain node process (the store bundled and run as the command line is) holding the
  // 90 days.
  const out = mkdtempSync(join(tmpdir(), 'vigie-history-rss-'));
  try {
    const bundle = await bundleForNode(
      new URL('./history-rss-child.ts', import.meta.url),
      join(out, 'history-rss-child.mjs'),
    );
    const { stdout } = await run(
      process.execPath,
      [...HEADLESS_NODE_FLAGS, bundle, dir, String(END + 200 * MINUTE)],
      { env: { ...process.env, ...HEADLESS_NODE_ENV } },
    );
    const result = JSON.parse(stdout) as { rssMb: number; baselineMb: number };
    report('history.rss_mb', Math.round(result.rssMb * 10) / 10, 'MB');
    report(
      'history.rss_added_mb',
      Math.round((result.rssMb - result.baselineMb) * 10) / 10,
      'MB over the process before loading',
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The history's benchmarks. */
export const historyBenches: readonly Bench[] = [{ name: 'history', run: history }];
