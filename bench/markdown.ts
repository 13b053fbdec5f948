// `npm run bench -- --markdown`: the rows of runs, as a Markdown page. Each section (one command's
// benchmarks) has a header naming the machine, its load and the date of each run (A, B, …), one
// table of every figure with its budget and verdict, and, when their rows are in the runs, the
// tables the figures are read in: detection per fault kind beside its bound, the node flags side
// by side, the renderer's first paint beside its same-run yardsticks. docs/benchmarks.md links to it.
import { cpus, loadavg } from 'node:os';
import { basename } from 'node:path';
import {
  figure,
  cell,
  tableLine,
  runLabel,
  detectionLayout,
  flagsLayout,
  rendererLayout,
} from './markdown-tables';
import type { BenchRow, Machine, Results, Run, Section } from './results';

export type { BenchRow, Machine } from './results';

/** An upper bound a row must stay within (every budget of docs/design.md#budgets is one). */
export interface Budget {
  readonly value: number;
  readonly unit: string;
}

/**
 * Budgets of docs/design.md#budgets for rows whose benchmark prints no `_budget_` row of its own.
 * A row that prints one (`engine.cycle_200_wall_budget_ms` for `engine.cycle_200_wall_ms`) is
 * judged by it instead.
 */
export const KNOWN_BUDGETS: Readonly<Record<string, Budget>> = {
  'engine.rss_with_90d_history_mb': { value: 80, unit: 'MB' },
  'engine.watch_rss_with_90d_history_mb': { value: 80, unit: 'MB' },
  'engine.rss_150_catalog_mb': { value: 80, unit: 'MB' },
  'alerts.watch_rss_four_channels_mb': { value: 80, unit: 'MB' },
  'engine.default_catalog_bytes_per_hour': { value: 1_000_000, unit: 'bytes' },
  'engine.default_catalog_bytes_per_hour_with_ip_framing': { value: 1_000_000, unit: 'bytes' },
  'history.load_90d_50svc_ms': { value: 300, unit: 'ms' },
  'history.query_90d_one_service_ms': { value: 20, unit: 'ms' },
  'renderer.bundle_gzip_kb': { value: 300, unit: 'kB' },
  'renderer.first_paint_ms': { value: 500, unit: 'ms' },
  'renderer.first_paint_without_bridge_ms': { value: 500, unit: 'ms' },
};

const BUDGET_MARK = '_budget_';

/** The row a `_budget_` row bounds: `x_budget_ms` bounds `x_ms`; null for any other row. */
export function boundedBy(budgetName: string): string | null {
  return budgetName.includes(BUDGET_MARK) ? budgetName.replace(BUDGET_MARK, '_') : null;
}

/** One line of the table: a measured row, its budget if it has one, and the verdict. */
export interface JudgedRow extends BenchRow {
  readonly budget: Budget | null;
  readonly verdict: 'within budget' | 'over budget' | null;
}

/**
 * Pairs each row with its budget: a `_budget_` row of the same run, else a known budget. A budget
 * row whose measured row was printed is folded into it; one whose row was not stays a row of its
 * own. Order is the run's.
 */
export function judge(
  rows: readonly BenchRow[],
  known: Readonly<Record<string, Budget>> = KNOWN_BUDGETS,
): JudgedRow[] {
  const names = new Set(rows.map((r) => r.name));
  const printed = new Map<string, Budget>();
  for (const row of rows) {
    const bounded = boundedBy(row.name);
    if (bounded !== null && names.has(bounded))
      printed.set(bounded, { value: row.value, unit: row.unit });
  }
  return rows
    .filter((row) => {
      const bounded = boundedBy(row.name);
      return bounded === null || !names.has(bounded);
    })
    .map((row) => {
      const budget = printed.get(row.name) ?? known[row.name] ?? null;
      if (budget === null || Number.isNaN(row.value)) return { ...row, budget, verdict: null };
      return {
        ...row,
        budget,
        verdict: row.value <= budget.value ? 'within budget' : 'over budget',
      };
    });
}

/** The machine this process runs on. */
export function thisMachine(): Machine {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  const all = cpus();
  return {
    cpu: all[0]?.model.trim() ?? 'unknown CPU',
    cores: all.length,
    load: [one, five, fifteen],
    node: process.version,
  };
}

/** The main table's lines, the figures it shows, and how many have a budget and are over it. */
interface MainTable {
  readonly lines: readonly string[];
  readonly figures: number;
  readonly budgeted: number;
  /** Per run, how many of its figures are over their budget. */
  readonly over: readonly number[];
}

/** Every figure of the runs with its budget and verdict (the laid-out rows without a budget left out). */
function mainTable(runs: readonly Run[], laidOut: ReadonlySet<string>): MainTable {
  const judged = runs.map((run) => new Map(judge(run.rows).map((r) => [r.name, r])));
  const names: string[] = [];
  for (const m of judged) {
    for (const name of m.keys()) {
      if (names.includes(name)) continue;
      if (!laidOut.has(name) || judged.some((j) => j.get(name)?.budget)) names.push(name);
    }
  }
  const over = judged.map((m) => names.filter((n) => m.get(n)?.verdict === 'over budget').length);
  const budgeted = names.filter((n) => judged.some((m) => m.get(n)?.budget)).length;
  if (names.length === 0) return { lines: [], figures: 0, budgeted, over };
  const several = runs.length > 1;
  const valueHeads = several ? runs.map((_, i) => runLabel(i)) : ['value'];
  const lines = [
    tableLine(['benchmark', ...valueHeads, 'unit', 'budget', 'verdict']),
    tableLine(['---', ...valueHeads.map(() => '--:'), '---', '--:', '---']),
    ...names.map((name) => {
      const rows = judged.map((m) => m.get(name));
      const first = rows.find((r) => r !== undefined);
      const budgets = [
        ...new Set(
          rows.flatMap((r) =>
            r?.budget ? [`≤ ${figure(r.budget.value)} ${cell(r.budget.unit)}`] : [],
          ),
        ),
      ];
      const overIn = rows.flatMap((r, i) => (r?.verdict === 'over budget' ? [runLabel(i)] : []));
      const verdict =
        overIn.length > 0
          ? `**over budget**${several ? ` (${overIn.join(', ')})` : ''}`
          : rows.some((r) => r?.verdict)
            ? 'within budget'
            : '—';
      return tableLine([
        `\`${name}\``,
        ...rows.map((r) => (r === undefined ? '—' : figure(r.value))),
        cell(first?.unit ?? ''),
        budgets.length > 0 ? budgets.join(' / ') : '—',
        verdict,
      ]);
    }),
    '',
  ];
  return { lines, figures: names.length, budgeted, over };
}

/** A header line: the one value all runs share, or each run's. */
function shared(runs: readonly Run[], of: (run: Run) => string): string {
  const values = runs.map(of);
  if (new Set(values).size === 1) return values[0] ?? '';
  return values.map((v, i) => `${runLabel(i)}: ${v}`).join('; ');
}

function dateText(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function loadText(machine: Machine): string {
  return machine.load.map((l) => l.toFixed(2)).join(' / ');
}

/** The title of a section: its prefixes. */
export function sectionTitle(section: Section): string {
  if (section.benchmarks.every((p) => p === '')) return 'Every benchmark';
  return section.benchmarks.map((p) => `\`${p}\``).join(', ');
}

/** A section: its header (command, machine, runs, knobs, budgets), then its tables. */
export function sectionMarkdown(section: Section): string[] {
  const { runs } = section;
  const detection = detectionLayout(runs);
  const flags = flagsLayout(runs);
  const renderer = rendererLayout(runs);
  const laidOut = new Set([...detection.shown, ...flags.shown, ...renderer.shown]);
  const table = mainTable(runs, laidOut);
  const overText =
    runs.length > 1
      ? `over it: ${table.over.map((o, i) => `${o} in ${runLabel(i)}`).join(', ')}`
      : `${table.over[0] ?? 0} over it`;
  const knobs = runs.some((r) => Object.keys(r.knobs).length > 0)
    ? [
        `- **Knobs** (set in the environment; a knob that shortens a benchmark is for checking its plumbing, not for figures): ${shared(
          runs,
          (r) =>
            Object.entries(r.knobs)
              .map(([k, v]) => `\`${k}=${v}\``)
              .join(', ') || 'none',
        )}`,
      ]
    : [];
  const when =
    runs.length > 1
      ? [
          `- **Runs** (each one's end, and the load average over 1 / 5 / 15 min then): ${runs
            .map((r, i) => `${runLabel(i)} ${dateText(r.date)}, ${loadText(r.machine)}`)
            .join('; ')}`,
        ]
      : [
          `- **Date:** ${dateText(runs[0]?.date ?? '')}`,
          `- **Load average** (1 / 5 / 15 min, at the end of the run): ${loadText(runs[0]?.machine ?? { cpu: '', cores: 0, load: [0, 0, 0], node: '' })}`,
        ];
  return [
    `## ${sectionTitle(section)}`,
    '',
    `- **Command:** ${shared(runs, (r) => `\`${r.command}\``)}`,
    `- **Machine:** ${shared(runs, (r) => `${r.machine.cpu}, ${r.machine.cores} cores`)}`,
    ...when,
    `- **Node:** ${shared(runs, (r) => r.machine.node)}`,
    ...knobs,
    ...(table.figures > 0
      ? [`- **Budgets:** ${table.budgeted} of ${table.figures} figures have one; ${overText}`]
      : []),
    '',
    ...table.lines,
    ...detection.lines,
    ...flags.lines,
    ...renderer.lines,
  ];
}

/**
 * The page of some results: a short preamble, then each section. `dataFile`, when given, is the
 * file the page is generated from (linked from the preamble).
 */
export function resultsMarkdown(results: Results, dataFile: string | null): string {
  const source =
    dataFile === null
      ? 'by the benchmark runner'
      : `by the benchmark runner from the rows kept in [${basename(dataFile)}](${basename(dataFile)})`;
  const lines = [
    '# Benchmark results',
    '',
    `Generated ${source};`,
    'do not edit by hand. How each figure is measured, and what the budgets are:',
    '[benchmarks.md](benchmarks.md) and [development.md](development.md#benchmarks). Each section',
    'holds the benchmarks of one command, with the machine, the load average and the date of each',
    'of its runs (A, B, …); running that command again replaces its section and leaves the others.',
    '',
    ...results.sections.flatMap(sectionMarkdown),
  ];
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
