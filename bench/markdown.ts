// `npm run bench -- --markdown`: the rows of runs, as a Markdown page. Each section (one command's
// benchmarks) has a header naming the machine, its load and the date of each run (A, B, …), one
// table of every figure with its budget and verdict, and, when their rows are in the runs, the
// tables the figures are read in: detection per fault kind beside its bound, the node flags side
// by side, the renderer's first paint beside its same-run yardsticks. docs/benchmarks.md links to it.
import { cpus, loadavg } from 'node:os';
import { basename } from 'node:path';
import { FAULT_KINDS } from './detect-faults';
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

/** A figure as the tables show it: grouped thousands, at most two decimals. */
function figure(value: number): string {
  if (Number.isNaN(value)) return 'not measured';
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Milliseconds as seconds with one decimal. */
function seconds(ms: number): string {
  if (Number.isNaN(ms)) return 'not measured';
  return (ms / 1000).toLocaleString('en-US', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

/** Escapes what would end a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A table line from its cells. */
function tableLine(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The name of the `i`-th run of a section: A, B, … */
export function runLabel(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : String(i + 1);
}

/** `A / B` when a section has several runs, nothing when it has one. */
function runsNote(runs: readonly Run[]): string {
  return runs.length > 1 ? ` (${runs.map((_, i) => runLabel(i)).join(' / ')})` : '';
}

/** The rows of a run by name. */
function byName(run: Run): Map<string, BenchRow> {
  return new Map(run.rows.map((r) => [r.name, r]));
}

/** One value per run, `—` where a run has no such row, joined as `A / B`. */
function perRun(
  runs: readonly Map<string, BenchRow>[],
  name: string,
  show: (value: number) => string = figure,
): string {
  return runs
    .map((rows) => (rows.has(name) ? show(rows.get(name)?.value ?? NaN) : '—'))
    .join(' / ');
}

/** A table laid out from some rows, and the rows it shows. */
interface Layout {
  readonly lines: readonly string[];
  readonly shown: ReadonlySet<string>;
}

const DETECT_FIELDS = ['faults', 'median_ms', 'p95_ms', 'bound_ms', 'missed'] as const;
const DETECT_ROW = new RegExp(
  `^engine\\.detect_(\\d+)_(${FAULT_KINDS.map((k) => k.id).join('|')})_(${DETECT_FIELDS.join('|')})$`,
);

/**
 * Detection per fault kind (bench/detect.bench.ts), one table per number of services: faults
 * staged, median and p95 from the fault to the confirmed change, the bound for the settings,
 * outages missed.
 */
function detectionLayout(runs: readonly Run[]): Layout {
  const maps = runs.map(byName);
  const shown = new Set<string>();
  const sizes: string[] = [];
  for (const run of runs) {
    for (const row of run.rows) {
      const match = DETECT_ROW.exec(row.name);
      if (!match?.[1]) continue;
      shown.add(row.name);
      if (!sizes.includes(match[1])) sizes.push(match[1]);
    }
  }
  const note = runsNote(runs);
  const lines = sizes.flatMap((size) => {
    const prefix = `engine.detect_${size}`;
    const kinds = FAULT_KINDS.filter((k) =>
      DETECT_FIELDS.some((f) => shown.has(`${prefix}_${k.id}_${f}`)),
    );
    const at = (kind: string, field: string, show?: (v: number) => string) =>
      perRun(maps, `${prefix}_${kind}_${field}`, show);
    return [
      `### Detection at ${size} services, per fault kind`,
      '',
      `Seconds from the fault to the confirmed change${note ? `, runs${note}` : ''}. The bound is the`,
      'fastest these settings allow: half an interval, then two failing checks, each needing the time',
      `the fault takes to show. Pooled figures and their budgets: \`${prefix}_fail_ms\`,`,
      `\`${prefix}_hang_ms\`, \`${prefix}_missed\` and \`${prefix}_false_alarms\` above.`,
      '',
      tableLine([
        'fault',
        `faults${note}`,
        `median, s${note}`,
        `p95, s${note}`,
        'bound, s',
        `missed${note}`,
      ]),
      tableLine(['---', '--:', '--:', '--:', '--:', '--:']),
      ...kinds.map((k) => {
        const bounds = [...new Set(maps.map((m) => m.get(`${prefix}_${k.id}_bound_ms`)?.value))];
        return tableLine([
          cell(k.label),
          at(k.id, 'faults'),
          at(k.id, 'median_ms', seconds),
          at(k.id, 'p95_ms', seconds),
          bounds.map((b) => (b === undefined ? '—' : seconds(b))).join(' / '),
          at(k.id, 'missed'),
        ]);
      }),
      '',
    ];
  });
  return { lines, shown };
}

const FLAG_FIELDS = [
  'rss_mb',
  'cpu_ms_per_check',
  'hwm_mb',
  'spike_at_ms',
  'above_budget_ms',
  'hwm_after_load_mb',
  'hwm_after_first_cycle_mb',
] as const;
const FLAG_ROW = new RegExp(`^engine\\.flags_(.+)_run(\\d+)_(${FLAG_FIELDS.join('|')})$`);
/** The row naming a set's flags: its value is how many, its unit lists them. */
const FLAG_SET_ROW = /^engine\.flags_(.+)_flags$/;

/**
 * The node flags side by side (bench/flags.bench.ts): each set's steady resident memory, CPU per
 * check and highest resident memory, every run of it in order (runs 1, 2 of run A, then of B…).
 */
function flagsLayout(runs: readonly Run[]): Layout {
  const shown = new Set<string>();
  const sets: string[] = [];
  const flagsOf = new Map<string, string>();
  /** Per set, the child runs in order, each with its fields. */
  const children = new Map<string, Map<string, number>[]>();
  for (const run of runs) {
    const mine = new Map<string, Map<string, Map<string, number>>>();
    for (const row of run.rows) {
      const set = FLAG_SET_ROW.exec(row.name)?.[1];
      if (set !== undefined) {
        shown.add(row.name);
        flagsOf.set(set, row.unit);
        if (!sets.includes(set)) sets.push(set);
        continue;
      }
      const match = FLAG_ROW.exec(row.name);
      if (!match?.[1] || !match[2] || !match[3]) continue;
      shown.add(row.name);
      const [, name, child, field] = match;
      if (!sets.includes(name)) sets.push(name);
      const ofSet = mine.get(name) ?? new Map<string, Map<string, number>>();
      mine.set(name, ofSet);
      const fields = ofSet.get(child) ?? new Map<string, number>();
      ofSet.set(child, fields);
      fields.set(field, row.value);
    }
    for (const [name, ofSet] of mine) {
      const ordered = [...ofSet.entries()].sort(([a], [b]) => Number(a) - Number(b));
      children.set(name, [...(children.get(name) ?? []), ...ordered.map(([, f]) => f)]);
    }
  }
  if (shown.size === 0) return { lines: [], shown };
  /** A child's field, `—` when that child printed none. */
  const of = (f: Map<string, number>, field: string) => {
    const value = f.get(field);
    return value === undefined ? '—' : figure(value);
  };
  const each = (name: string, field: string) =>
    (children.get(name) ?? []).map((f) => of(f, field)).join(' / ');
  return {
    shown,
    lines: [
      '### The node flags side by side',
      '',
      "Each cell lists the set's runs in order" +
        (runs.length > 1 ? ` (those of run A, then of run ${runLabel(runs.length - 1)}).` : '.'),
      "Steady: the highest resident memory over a run's second half; highest: the kernel's mark for",
      'the whole run, and when it was reached; then the mark after loading (bundle and history) and',
      "after the first cycle's checks.",
      '',
      tableLine([
        'flags',
        'steady RSS, MB',
        'CPU per check, ms',
        'highest RSS, MB',
        'highest at, ms after start',
        'time over the budget, ms',
        'after loading / after the first cycle, MB',
      ]),
      tableLine(['---', '--:', '--:', '--:', '--:', '--:', '--:']),
      ...sets.map((name) => {
        const flags = flagsOf.get(name);
        const label = flags === undefined ? `\`${name}\`` : `\`${name}\`: ${flagsText(flags)}`;
        return tableLine([
          cell(label),
          each(name, 'rss_mb'),
          each(name, 'cpu_ms_per_check'),
          each(name, 'hwm_mb'),
          each(name, 'spike_at_ms'),
          each(name, 'above_budget_ms'),
          (children.get(name) ?? [])
            .map((f) => `${of(f, 'hwm_after_load_mb')} / ${of(f, 'hwm_after_first_cycle_mb')}`)
            .join(', '),
        ]);
      }),
      '',
    ],
  };
}

/** `flags: --a --b` (the unit of a set's row) as `` `--a --b` ``, or "no flags". */
function flagsText(unit: string): string {
  const flags = unit.replace(/^flags:?\s*/, '').trim();
  return flags === '' || flags === '(none)' ? 'no flags' : `\`${flags}\``;
}

/** The renderer's first paint beside its same-run yardsticks (bench/renderer.bench.ts). */
const RENDERER_LAYOUT: readonly { readonly label: string; readonly names: readonly string[] }[] = [
  { label: 'blank page painted', names: ['renderer.blank_paint_ms'] },
  { label: 'overview, one service', names: ['renderer.first_paint_one_service_ms'] },
  {
    label: 'overview, 50 services (`renderer.first_paint_ms`)',
    names: ['renderer.first_paint_ms'],
  },
  {
    label: '**`renderer.first_paint_ratio`** (50 over one)',
    names: ['renderer.first_paint_ratio'],
  },
  ...(['50', 'one_service'] as const).map((who) => ({
    label: `${who === '50' ? '50 services' : 'one service'}: scripting / layout / paint`,
    names: ['scripting', 'layout', 'paint'].map((k) => `renderer.first_paint_${who}_${k}_ms`),
  })),
  {
    label: "`renderer.first_paint_work_ratio` (the page's own work)",
    names: ['renderer.first_paint_work_ratio'],
  },
  {
    label: "50 services without the bridge's waits",
    names: ['renderer.first_paint_without_bridge_ms'],
  },
];

function rendererLayout(runs: readonly Run[]): Layout {
  const maps = runs.map(byName);
  const present = RENDERER_LAYOUT.filter((l) => l.names.some((n) => maps.some((m) => m.has(n))));
  const shown = new Set(present.flatMap((l) => l.names));
  if (present.length === 0) return { lines: [], shown };
  /** `281 ms`, `432 / 73 / 43 ms`, `2.3×`: the unit is the first word of the row's. */
  const value = (rows: Map<string, BenchRow>, names: readonly string[]) => {
    const found = names.map((n) => rows.get(n));
    if (found.every((r) => r === undefined)) return '—';
    const unit = found.find((r) => r !== undefined)?.unit.split(' ')[0] ?? '';
    const values = found.map((r) => (r === undefined ? '—' : figure(r.value))).join(' / ');
    return unit === '×' ? `${values}×` : `${values} ${cell(unit)}`;
  };
  const labels = runs.length > 1 ? runs.map((_, i) => `run ${runLabel(i)}`) : ['value'];
  return {
    shown,
    lines: [
      '### First paint beside its yardsticks',
      '',
      'Medians; the blank page and the one-service overview are painted in the same run, interleaved',
      'with the 50 services, so a ratio holds whatever the machine and its load.',
      '',
      tableLine(['figure', ...labels]),
      tableLine(['---', ...labels.map(() => '--:')]),
      ...present.map((l) => tableLine([l.label, ...maps.map((m) => value(m, l.names))])),
      '',
    ],
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
