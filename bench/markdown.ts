// `npm run bench -- --markdown`: the rows a run printed, as a Markdown table with each row's budget
// and verdict, under a header naming the machine and the date (docs/benchmarks.md links to it).
import { cpus, loadavg } from 'node:os';

/** One `bench <name> <value> <unit>` line. */
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

/** What the figures were measured on. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  /** The 1, 5 and 15-minute load averages when the run ended. */
  readonly load: readonly [number, number, number];
  readonly node: string;
}

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

/** A figure as the table shows it: grouped thousands, at most two decimals. */
function figure(value: number): string {
  if (Number.isNaN(value)) return 'not measured';
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Escapes what would end a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/**
 * The Markdown page of a run: the header (date, machine, the command) and one table row per
 * measured figure with its budget and verdict.
 */
export function benchMarkdown(
  rows: readonly BenchRow[],
  machine: Machine,
  date: Date,
  command: string,
): string {
  const judged = judge(rows);
  const over = judged.filter((r) => r.verdict === 'over budget').length;
  const bounded = judged.filter((r) => r.verdict !== null).length;
  const load = machine.load.map((l) => l.toFixed(2)).join(' / ');
  const lines = [
    '# Benchmark results',
    '',
    `Generated on ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC by the benchmark runner;`,
    'do not edit by hand. How each figure is measured, and what the budgets are:',
    '[benchmarks.md](benchmarks.md) and [development.md](development.md#benchmarks).',
    '',
    `- **Command:** \`${command}\``,
    `- **Machine:** ${machine.cpu}, ${machine.cores} cores`,
    `- **Load average** (1 / 5 / 15 min, at the end of the run): ${load}`,
    `- **Node:** ${machine.node}`,
    `- **Budgets:** ${bounded} of ${judged.length} figures have one; ${over} over it`,
    '',
    '| benchmark | value | unit | budget | verdict |',
    '| --- | --: | --- | --: | --- |',
    ...judged.map((r) =>
      [
        '',
        ` \`${r.name}\` `,
        ` ${figure(r.value)} `,
        ` ${cell(r.unit)} `,
        ` ${r.budget ? `≤ ${figure(r.budget.value)} ${cell(r.budget.unit)}` : '—'} `,
        ` ${r.verdict === 'over budget' ? '**over budget**' : (r.verdict ?? '—')} `,
        '',
      ].join('|'),
    ),
    '',
  ];
  return lines.join('\n');
}
