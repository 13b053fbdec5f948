// The tables a section lays out besides its main one, when their rows are in the runs: detection
// per fault kind beside its bound, the node flags side by side, the renderer's first paint beside
// its same-run yardsticks; and the cells every table of bench/markdown.ts is written with.
import { FAULT_KINDS } from './detect-faults';
import type { BenchRow, Run } from './results';

/** A figure as the tables show it: grouped thousands, at most two decimals. */
export function figure(value: number): string {
  if (Number.isNaN(value)) return 'not measured';
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Milliseconds as seconds with one decimal. */
export function seconds(ms: number): string {
  if (Number.isNaN(ms)) return 'not measured';
  return (ms / 1000).toLocaleString('en-US', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

/** Escapes what would end a table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A table line from its cells. */
export function tableLine(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The name of the `i`-th run of a section: A, B, … */
export function runLabel(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : String(i + 1);
}

/** `A / B` when a section has several runs, nothing when it has one. */
export function runsNote(runs: readonly Run[]): string {
  return runs.length > 1 ? ` (${runs.map((_, i) => runLabel(i)).join(' / ')})` : '';
}

/** The rows of a run by name. */
export function byName(run: Run): Map<string, BenchRow> {
  return new Map(run.rows.map((r) => [r.name, r]));
}

/** One value per run, `—` where a run has no such row, joined as `A / B`. */
export function perRun(
  runs: readonly Map<string, BenchRow>[],
  name: string,
  show: (value: number) => string = figure,
): string {
  return runs
    .map((rows) => (rows.has(name) ? show(rows.get(name)?.value ?? NaN) : '—'))
    .join(' / ');
}

/** A table laid out from some rows, and the rows it shows. */
export interface Layout {
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
export function detectionLayout(runs: readonly Run[]): Layout {
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
export function flagsLayout(runs: readonly Run[]): Layout {
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

export function rendererLayout(runs: readonly Run[]): Layout {
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
