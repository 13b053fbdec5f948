// What each node flag of the headless engine costs in CPU and saves in memory: the memory
// benchmark's engine (50 services, 120 cycles back to back, recording into 90 days of history),
// bundled, run under each set of flags, twice. CPU is the child's own usage (user + system), so
// other processes on the machine do not change it; resident memory is sampled from /proc.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HEADLESS_NODE_ENV, HEADLESS_NODE_FLAGS, bundleForNode } from '../scripts/bundle-node';
import type { Bench, Report } from './bench';
import type * as BundleNodeModule from '../scripts/bundle-node';

type BundleNode = typeof BundleNodeModule;
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
/**
 * A git commit whose engine runs beside the sets, as the set `baseline`, under that commit's own
 * flags and allocator settings: a change of the engine's CPU or memory measured in one run, the
 * load weighing on both alike.
 */
const BASELINE_KNOB = 'VIGIE_FLAGS_BASELINE';

/** A set to run: its flags, its allocator settings, the child bundle it runs, what its row says. */
interface Contender {
  readonly flags: readonly string[];
  readonly allocator: Readonly<Record<string, string>>;
  readonly bundle: string;
  readonly unit: string;
}

/** The engine of `ref`, bundled from a worktree of it, with the flags and settings it shipped. */
async function baselineOf(ref: string, dir: string): Promise<Contender> {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const tree = join(dir, 'baseline');
  execFileSync('git', ['-C', repo, 'worktree', 'add', '--detach', '--quiet', tree, ref]);
  symlinkSync(join(repo, 'node_modules'), join(tree, 'node_modules'));
  const shipped = (await import(
    pathToFileURL(join(tree, 'scripts', 'bundle-node.ts')).href
  )) as BundleNode;
  const bundle = await shipped.bundleForNode(
    pathToFileURL(join(tree, 'bench', 'rss-child.ts')),
    join(dir, 'baseline-child.mjs'),
  );
  const commit = execFileSync('git', ['-C', tree, 'rev-parse', '--short', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
  const flags = shipped.HEADLESS_NODE_FLAGS;
  // A commit from before the allocator settings had none.
  const allocator = shipped.HEADLESS_NODE_ENV ?? {};
  return { flags, allocator, bundle, unit: `flags: ${flags.join(' ')} (the engine of ${commit})` };
}

function dropBaseline(dir: string): void {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('git', ['-C', repo, 'worktree', 'remove', '--force', join(dir, 'baseline')], {
    stdio: 'ignore',
  });
}
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
  allocator: Readonly<Record<string, string>> = HEADLESS_NODE_ENV,
): Promise<{ result: ChildResult; aboveBudgetMs: number; spikeAtMs: number }> {
  return new Promise((resolve, reject) => {
    const samples: { at: number; kb: number }[] = [];
    const started = performance.now();
    // Every set under the allocator settings `npx vigie` ships with: the flags are what varies.
    const env = { ...process.env, ...allocator };
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
    const contenders = new Map<string, Contender>();
    for (const [name, set] of Object.entries(FLAG_SETS)) {
      if (only && !only.includes(name)) continue;
      const unit = set.length > 0 ? `flags: ${set.join(' ')}` : 'flags: (none)';
      contenders.set(name, { flags: set, allocator: HEADLESS_NODE_ENV, bundle, unit });
    }
    const baseline = process.env[BASELINE_KNOB];
    if (baseline) contenders.set('baseline', await baselineOf(baseline, dir));
    // Run by run, every set in turn: a change in the machine's load weighs on all of them alike.
    for (let run = 1; run <= RUNS; run++) {
      for (const [name, contender] of contenders) {
        const historyDir = join(dir, `data-${name}-${run}`);
        cpSync(historyFixture().dir, historyDir, { recursive: true });
        const { result, aboveBudgetMs, spikeAtMs } = await runChild(
          contender.flags,
          [contender.bundle, configFile, caFile, String(cycleCount), historyDir],
          contender.allocator,
        );
        rmSync(historyDir, { recursive: true, force: true });
        if (result.up !== 50) throw new Error(`flags bench: only ${result.up}/50 services up`);
        // Names the set's flags for the generated table: how many, and which (in the unit).
        if (run === 1) report(`engine.flags_${name}_flags`, contender.flags.length, contender.unit);
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
    if (process.env[BASELINE_KNOB]) dropBaseline(dir);
    rmSync(dir, { recursive: true, force: true });
    await lab.stop();
  }
}

/** `npm run bench -- engine.flags` (every set, twice: about half an hour on 2 busy cores). */
export const flagsBenches: readonly Bench[] = [
  {
    name: 'engine.flags',
    run: (report) => flags(report, process.env[SETS_KNOB]?.split(',')),
    knobs: [SETS_KNOB, CYCLES_KNOB, BASELINE_KNOB],
  },
];
