// What each node flag of the headless engine costs in CPU and saves in memory: the memory
// benchmark's engine (50 services, 120 cycles back to back, recording into 90 days of history),
// bundled, run under each set of flags, twice. CPU is the child's own usage (user + system), so
// other processes on the machine do not change it; resident memory is sampled from /proc.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { HEADLESS_NODE_ENV, HEADLESS_NODE_FLAGS, bundleForNode } from '../scripts/bundle-node';
import type { Bench, Report } from './bench';
import { labConfig, memoryLab } from './engine.bench';
import { historyFixture } from './history.bench';

/** The sets of flags compared, by the name their rows carry. */
export const FLAG_SETS: Readonly<Record<string, readonly string[]>> = {
  shipped: HEADLESS_NODE_FLAGS,
  none: [],
  size: ['--optimize-for-size'],
  size_pool1: ['--optimize-for-size', '--v8-pool-size=1'],
  size_noopt: ['--optimize-for-size', '--no-opt'],
  size_single: ['--optimize-for-size', '--single-threaded'],
  size_pool1_noconc: ['--optimize-for-size', '--v8-pool-size=1', '--no-concurrent-recompilation'],
  size_pool1_noopt_maglev: ['--optimize-for-size', '--v8-pool-size=1', '--no-opt', '--maglev'],
};

const RUNS = 2;
/** The headless engine's memory budget (50 services, 90 days of history). */
const BUDGET_MB = 80;
const CYCLES = 120;
/**
 * Fewer cycles per child, to check the benchmark's plumbing in a minute: the steady memory of a
 * few cycles is not the engine's. The generated results name it when it was set.
 */
const CYCLES_KNOB = 'VIGIE_FLAGS_CYCLES';
/** Which sets to run, by name, comma-separated (every set when unset). */
const SETS_KNOB = 'VIGIE_FLAG_SETS';
/** How often the child's resident memory is read from outside (the start's spike is this short). */
const SAMPLE_MS = 5;

interface ChildResult {
  readonly peakMb: number;
  readonly hwmMb: number;
  readonly loadedHwmMb: number;
  readonly firstCycleHwmMb: number;
  readonly up: number;
  readonly cpuMs: number;
  readonly checks: number;
}

/** Runs the child once; its result, and how long its memory stayed above its steady peak. */
function runChild(
  flags: readonly string[],
  args: readonly string[],
): Promise<{ result: ChildResult; aboveBudgetMs: number; spikeAtMs: number }> {
  return new Promise((resolve, reject) => {
    const samples: { at: number; kb: number }[] = [];
    const started = performance.now();
    // Every set under the allocator settings `npx vigie` ships with: the flags are what varies.
    const env = { ...process.env, ...HEADLESS_NODE_ENV };
    const child = execFile(process.execPath, [...flags, ...args], { env }, (error, stdout) => {
      clearInterval(sampler);
      if (error) return reject(error);
      const result = JSON.parse(stdout) as ChildResult;
      // Time above the budget: each sample stands until the next one.
      let aboveBudgetMs = 0;
      samples.forEach((s, i) => {
        const next = samples[i + 1];
        if (next && s.kb > BUDGET_MB * 1024) aboveBudgetMs += next.at - s.at;
      });
      const top = samples.reduce((a, b) => (b.kb > a.kb ? b : a), { at: 0, kb: 0 });
      resolve({ result, aboveBudgetMs: Math.round(aboveBudgetMs), spikeAtMs: Math.round(top.at) });
    });
    const sampler = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        samples.push({ at: performance.now() - started, kb });
      } catch {
        // The child has ended between two samples.
      }
    }, SAMPLE_MS);
  });
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function cycles(): number {
  const knob = process.env[CYCLES_KNOB];
  if (knob === undefined) return CYCLES;
  if (!/^\d+$/.test(knob) || Number(knob) < 2) {
    throw new Error(`${CYCLES_KNOB} must be a whole number of cycles (2 or more), not "${knob}"`);
  }
  return Number(knob);
}

async function flags(report: Report, only?: readonly string[]): Promise<void> {
  const unknown = only?.filter((name) => !(name in FLAG_SETS)) ?? [];
  if (unknown.length > 0) {
    throw new Error(
      `${SETS_KNOB}: no set of flags named ${unknown.join(', ')}; known: ${Object.keys(FLAG_SETS).join(', ')}`,
    );
  }
  const cycleCount = cycles();
  const { lab, services } = await memoryLab();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-flags-'));
  try {
    const configFile = join(dir, 'config.json');
    const caFile = join(dir, 'ca.pem');
    writeFileSync(configFile, JSON.stringify(labConfig(lab, services)));
    writeFileSync(caFile, lab.ca);
    const bundle = await bundleForNode(
      new URL('./rss-child.ts', import.meta.url),
      join(dir, 'rss-child.mjs'),
    );
    // Run by run, every set in turn: a change in the machine's load weighs on all of them alike.
    for (let run = 1; run <= RUNS; run++) {
      for (const [name, set] of Object.entries(FLAG_SETS)) {
        if (only && !only.includes(name)) continue;
        const historyDir = join(dir, `data-${name}-${run}`);
        cpSync(historyFixture().dir, historyDir, { recursive: true });
        const { result, aboveBudgetMs, spikeAtMs } = await runChild(set, [
          bundle,
          configFile,
          caFile,
          String(cycleCount),
          historyDir,
        ]);
        rmSync(historyDir, { recursive: true, force: true });
        if (result.up !== 50) throw new Error(`flags bench: only ${result.up}/50 services up`);
        if (run === 1) {
          // Names the set's flags for the generated table: how many, and which (in the unit).
          const unit = set.length > 0 ? `flags: ${set.join(' ')}` : 'flags: (none)';
          report(`engine.flags_${name}_flags`, set.length, unit);
        }
        const row = `engine.flags_${name}_run${run}`;
        report(`${row}_rss_mb`, round(result.peakMb), 'MB');
        report(`${row}_cpu_ms_per_check`, round(result.cpuMs / result.checks, 2), 'ms');
        report(`${row}_hwm_mb`, round(result.hwmMb), 'MB');
        report(`${row}_spike_at_ms`, spikeAtMs, 'ms after start');
        report(`${row}_above_budget_ms`, aboveBudgetMs, `ms (over ${BUDGET_MB} MB)`);
        report(`${row}_hwm_after_load_mb`, round(result.loadedHwmMb), 'MB');
        report(`${row}_hwm_after_first_cycle_mb`, round(result.firstCycleHwmMb), 'MB');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await lab.stop();
  }
}

/** `npm run bench -- engine.flags` (every set, twice: about half an hour on 2 busy cores). */
export const flagsBenches: readonly Bench[] = [
  {
    name: 'engine.flags',
    run: (report) => flags(report, process.env[SETS_KNOB]?.split(',')),
    knobs: [SETS_KNOB, CYCLES_KNOB],
  },
];
