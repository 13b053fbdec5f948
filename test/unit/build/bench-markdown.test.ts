// `npm run bench -- --markdown`: rows in, a page with budgets, verdicts and the tables the figures
// are read in out; several runs side by side; a results file that takes one section at a time. No
// timing here: the rows are written as the benchmarks print them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boundedBy, judge, resultsMarkdown, type Machine } from '../../../bench/markdown';
import {
  dataFileOf,
  mergeSection,
  parseResults,
  readResults,
  resultsJson,
  type BenchRow,
  type Run,
  type Section,
} from '../../../bench/results';

const MACHINE: Machine = {
  cpu: 'Intel(R) Xeon(R) CPU @ 2.20GHz',
  cores: 2,
  load: [3.5, 2.25, 1],
  node: 'v20.19.0',
};
const DATE = new Date(Date.UTC(2026, 11, 7, 9, 30)).toISOString();
const LATER = new Date(Date.UTC(2026, 11, 7, 9, 41)).toISOString();

function row(name: string, value: number, unit = 'ms'): BenchRow {
  return { name, value, unit };
}

/** `bench <name> <value> <unit>` lines, as `npm run bench` prints them, as rows. */
function printed(text: string): BenchRow[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [, name = '', value = '', unit = ''] =
        /^bench (\S+) (\S+) (.*)$/.exec(line.trim()) ?? [];
      return row(name, Number(value), unit);
    });
}

function run(rows: readonly BenchRow[], over: Partial<Run> = {}): Run {
  return {
    date: DATE,
    machine: MACHINE,
    command: 'npm run bench -- x --markdown',
    knobs: {},
    rows,
    ...over,
  };
}

function section(benchmarks: string[], ...runs: Run[]): Section {
  return { benchmarks, runs };
}

/** The page of one section of one run. */
function page(rows: readonly BenchRow[], command = 'npm run bench -- x --markdown'): string {
  return resultsMarkdown({ sections: [section(['x'], run(rows, { command }))] }, null);
}

/** The lines of the table under `heading` (the first table when null), each split into cells. */
function table(text: string, heading: string | null = null): string[][] {
  const lines = text.split('\n');
  const start = heading === null ? 0 : lines.findIndex((l) => l === heading);
  if (start === -1) throw new Error(`no heading ${heading}`);
  const from = lines.findIndex((l, i) => i > start && l.startsWith('| '));
  const rows: string[][] = [];
  for (let i = from + 2; i < lines.length && lines[i]?.startsWith('| '); i++) {
    rows.push(
      (lines[i] ?? '')
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

describe('the benchmark table', () => {
  it('pairs a row with the `_budget_` row of the same run and folds that row into it', () => {
    const text = page([row('team.merge_10k_ms', 42.5), row('team.merge_10k_budget_ms', 100)]);
    expect(table(text)).toEqual([
      ['`team.merge_10k_ms`', '42.5', 'ms', '≤ 100 ms', 'within budget'],
    ]);
  });

  it('says "over budget" when the figure exceeds its budget, and counts it in the header', () => {
    const text = page([
      row('engine.cycle_200_wall_ms', 6500),
      row('engine.cycle_200_wall_budget_ms', 6000),
      row('engine.detect_50_fail_ms', 16900),
      row('engine.detect_50_budget_fail_ms', 17000),
    ]);
    expect(table(text)).toEqual([
      ['`engine.cycle_200_wall_ms`', '6,500', 'ms', '≤ 6,000 ms', '**over budget**'],
      ['`engine.detect_50_fail_ms`', '16,900', 'ms', '≤ 17,000 ms', 'within budget'],
    ]);
    expect(text).toContain('2 of 2 figures have one; 1 over it');
  });

  it('judges a figure equal to its budget within it (a budget is an upper bound)', () => {
    const judged = judge([
      row('engine.detect_50_missed', 0, 'outages'),
      row('engine.detect_50_budget_missed', 0, 'outages'),
    ]);
    expect(judged.map((r) => r.verdict)).toEqual(['within budget']);
  });

  it('uses the known budgets of the design for rows that print none', () => {
    const judged = judge([
      row('history.load_90d_50svc_ms', 310),
      row('history.query_90d_one_service_ms', 6.4),
      row('engine.rss_with_90d_history_mb', 77.9, 'MB'),
    ]);
    expect(judged.map((r) => [r.name, r.budget?.value, r.verdict])).toEqual([
      ['history.load_90d_50svc_ms', 300, 'over budget'],
      ['history.query_90d_one_service_ms', 20, 'within budget'],
      ['engine.rss_with_90d_history_mb', 80, 'within budget'],
    ]);
  });

  it('leaves a row without a budget unjudged, and keeps a budget row whose figure was not run', () => {
    const text = page([
      row('history.disk_mb_90d_50svc', 20.6, 'MB'),
      row('alerts.delay_budget_ms', 5000),
    ]);
    expect(table(text)).toEqual([
      ['`history.disk_mb_90d_50svc`', '20.6', 'MB', '—', '—'],
      ['`alerts.delay_budget_ms`', '5,000', 'ms', '—', '—'],
    ]);
  });

  it('keeps the run order and says when a figure came out as not a number', () => {
    const text = page([row('b.second', 2), row('a.first', Number.NaN)]);
    expect(table(text).map((c) => [c[0], c[1], c[4]])).toEqual([
      ['`b.second`', '2', '—'],
      ['`a.first`', 'not measured', '—'],
    ]);
  });

  it('escapes a unit that holds a table separator', () => {
    expect(table(page([row('x.y', 1, 'a | b')]))).toEqual([['`x.y`', '1', 'a \\| b', '—', '—']]);
  });

  it('names the machine, its load, Node, the date and the command in the header', () => {
    const text = page([row('x.y', 1)], 'npm run bench -- x --markdown');
    expect(text).toContain('## `x`');
    expect(text).toContain('Intel(R) Xeon(R) CPU @ 2.20GHz, 2 cores');
    expect(text).toContain('3.50 / 2.25 / 1.00');
    expect(text).toContain('v20.19.0');
    expect(text).toContain('2026-12-07 09:30 UTC');
    expect(text).toContain('`npm run bench -- x --markdown`');
    expect(text).not.toContain('Knobs');
  });

  it('names the knobs a run was shortened by', () => {
    const text = resultsMarkdown(
      {
        sections: [
          section(
            ['engine.detect_50'],
            run([row('engine.detect_50_fail_ms', 16_000)], {
              knobs: { VIGIE_DETECT_STAGING_S: '20' },
            }),
          ),
        ],
      },
      null,
    );
    expect(text).toMatch(/\*\*Knobs\*\* .*not for figures.*`VIGIE_DETECT_STAGING_S=20`/);
  });
});

// Two runs of `engine.detect_50` as the benchmark prints them (two of the seven kinds, for brevity).
const DETECT_A = printed(`
bench engine.detect_50_http500_faults 48 faults
bench engine.detect_50_http500_median_ms 16812 ms
bench engine.detect_50_http500_p95_ms 25480 ms
bench engine.detect_50_http500_bound_ms 15000 ms
bench engine.detect_50_http500_missed 0 outages
bench engine.detect_50_hang_faults 45 faults
bench engine.detect_50_hang_median_ms 29700 ms
bench engine.detect_50_hang_p95_ms 38900 ms
bench engine.detect_50_hang_bound_ms 26000 ms
bench engine.detect_50_hang_missed 0 outages
bench engine.detect_50_fail_ms 16900 ms
bench engine.detect_50_budget_fail_ms 17000 ms
bench engine.detect_50_hang_ms 31400 ms
bench engine.detect_50_budget_hang_ms 33000 ms
bench engine.detect_50_missed 0 outages
bench engine.detect_50_budget_missed 0 outages
bench engine.detect_50_false_alarms 0 changes
bench engine.detect_50_budget_false_alarms 0 changes
bench engine.detect_50_wall_s 614 s
`);
const DETECT_B = printed(`
bench engine.detect_50_http500_faults 48 faults
bench engine.detect_50_http500_median_ms 17530 ms
bench engine.detect_50_http500_p95_ms 25100 ms
bench engine.detect_50_http500_bound_ms 15000 ms
bench engine.detect_50_http500_missed 0 outages
bench engine.detect_50_hang_faults 43 faults
bench engine.detect_50_hang_median_ms 30600 ms
bench engine.detect_50_hang_p95_ms 39400 ms
bench engine.detect_50_hang_bound_ms 26000 ms
bench engine.detect_50_hang_missed 1 outages
bench engine.detect_50_fail_ms 17100 ms
bench engine.detect_50_budget_fail_ms 17000 ms
bench engine.detect_50_hang_ms 31300 ms
bench engine.detect_50_budget_hang_ms 33000 ms
bench engine.detect_50_missed 1 outages
bench engine.detect_50_budget_missed 0 outages
bench engine.detect_50_false_alarms 0 changes
bench engine.detect_50_budget_false_alarms 0 changes
bench engine.detect_50_wall_s 608 s
`);

describe('two runs of one benchmark', () => {
  const text = resultsMarkdown(
    {
      sections: [
        section(
          ['engine.detect_50'],
          run(DETECT_A, { machine: { ...MACHINE, load: [1.5, 1, 0.5] } }),
          run(DETECT_B, { date: LATER }),
        ),
      ],
    },
    null,
  );

  it('shows each figure of runs A and B side by side, over budget in the run that was', () => {
    expect(table(text)).toEqual([
      [
        '`engine.detect_50_fail_ms`',
        '16,900',
        '17,100',
        'ms',
        '≤ 17,000 ms',
        '**over budget** (B)',
      ],
      ['`engine.detect_50_hang_ms`', '31,400', '31,300', 'ms', '≤ 33,000 ms', 'within budget'],
      ['`engine.detect_50_missed`', '0', '1', 'outages', '≤ 0 outages', '**over budget** (B)'],
      ['`engine.detect_50_false_alarms`', '0', '0', 'changes', '≤ 0 changes', 'within budget'],
      ['`engine.detect_50_wall_s`', '614', '608', 's', '—', '—'],
    ]);
    expect(text).toContain('4 of 5 figures have one; over it: 0 in A, 2 in B');
  });

  it("gives each run's date and load, and what the runs share once", () => {
    expect(text).toContain(
      'A 2026-12-07 09:30 UTC, 1.50 / 1.00 / 0.50; B 2026-12-07 09:41 UTC, 3.50 / 2.25 / 1.00',
    );
    expect(text).toContain('- **Machine:** Intel(R) Xeon(R) CPU @ 2.20GHz, 2 cores\n');
    expect(text).toContain('- **Command:** `npm run bench -- x --markdown`\n');
  });

  it('lays out detection per fault kind beside its bound, in seconds, and not in the main table', () => {
    expect(table(text, '### Detection at 50 services, per fault kind')).toEqual([
      ['HTTP 500', '48 / 48', '16.8 / 17.5', '25.5 / 25.1', '15.0', '0 / 0'],
      ['no answer (hang)', '45 / 43', '29.7 / 30.6', '38.9 / 39.4', '26.0', '0 / 1'],
    ]);
    expect(text).toContain('| fault | faults (A / B) | median, s (A / B) |');
    expect(text).not.toContain('`engine.detect_50_hang_median_ms`');
  });
});

describe('a detection run at two sizes', () => {
  it('gives one per-kind table for each number of services, kinds in their own order', () => {
    const rows = printed(`
bench engine.detect_200_dns_median_ms 16500 ms
bench engine.detect_200_reset_median_ms 16600 ms
bench engine.detect_50_outage90_median_ms 31900 ms
`);
    const text = page(rows);
    expect(table(text, '### Detection at 200 services, per fault kind').map((r) => r[0])).toEqual([
      'connection reset',
      'DNS failure (SERVFAIL)',
    ]);
    expect(table(text, '### Detection at 50 services, per fault kind')).toEqual([
      ['90 s outage (hang)', '—', '31.9', '—', '—', '—'],
    ]);
  });
});

describe('the flags table', () => {
  const child = (set: string, n: number, figures: readonly number[]) =>
    [
      'rss_mb',
      'cpu_ms_per_check',
      'hwm_mb',
      'spike_at_ms',
      'above_budget_ms',
      'hwm_after_load_mb',
      'hwm_after_first_cycle_mb',
    ].map((field, i) => row(`engine.flags_${set}_run${n}_${field}`, figures[i] ?? NaN, 'MB'));
  const rows = [
    row('engine.flags_shipped_flags', 3, 'flags: --optimize-for-size --no-opt --v8-pool-size=1'),
    ...child('shipped', 1, [77.9, 2.26, 106.1, 420, 310, 63, 106]),
    row('engine.flags_none_flags', 0, 'flags: (none)'),
    ...child('none', 1, [154.3, 2.04, 157.7, 380, 170_000, 80, 115]),
    ...child('shipped', 2, [85.7, 2.97, 104.3, 400, 290, 63, 104]),
    ...child('none', 2, [154.3, 2.29, 156.8, 390, 171_000, 80, 116]),
  ];

  it('gives each set of flags its runs in order: steady RSS, CPU per check, the peak and when', () => {
    const text = page(rows);
    expect(table(text, '### The node flags side by side')).toEqual([
      [
        '`shipped`: `--optimize-for-size --no-opt --v8-pool-size=1`',
        '77.9 / 85.7',
        '2.26 / 2.97',
        '106.1 / 104.3',
        '420 / 400',
        '310 / 290',
        '63 / 106, 63 / 104',
      ],
      [
        '`none`: no flags',
        '154.3 / 154.3',
        '2.04 / 2.29',
        '157.7 / 156.8',
        '380 / 390',
        '170,000 / 171,000',
        '80 / 115, 80 / 116',
      ],
    ]);
    expect(text).not.toContain('| `engine.flags_');
    // No figure left for the main table: no table, and no budget count of nothing.
    expect(text).not.toContain('| benchmark |');
    expect(text).not.toContain('**Budgets:**');
  });

  it("follows run A's children with run B's", () => {
    const text = resultsMarkdown(
      { sections: [section(['engine.flags'], run(rows), run(rows.slice(0, 8)))] },
      null,
    );
    expect(table(text, '### The node flags side by side')[0]?.[1]).toBe('77.9 / 85.7 / 77.9');
  });
});

describe('the renderer table', () => {
  const rows = printed(`
bench renderer.bundle_gzip_kb 170.2 kB (all chunks)
bench renderer.first_paint_ms 1804 ms (navigation start to 50 services painted)
bench renderer.blank_paint_ms 191 ms (a blank page with one paragraph)
bench renderer.first_paint_one_service_ms 784 ms (the overview with one service)
bench renderer.first_paint_ratio 2.3 × (50 services over one, same run)
bench renderer.first_paint_50_scripting_ms 271 ms (main-thread scripting)
bench renderer.first_paint_50_layout_ms 47 ms (main-thread layout)
bench renderer.first_paint_50_paint_ms 26 ms (main-thread paint)
bench renderer.first_paint_one_service_scripting_ms 180 ms (main-thread scripting)
bench renderer.first_paint_one_service_layout_ms 24 ms (main-thread layout)
bench renderer.first_paint_one_service_paint_ms 17 ms (main-thread paint)
bench renderer.first_paint_work_ratio 1.58 × (the page's own work)
bench renderer.first_paint_without_bridge_ms 461 ms (minus the bridge)
`);

  it('lays the first paint beside its same-run yardsticks, one column per run', () => {
    const text = resultsMarkdown(
      { sections: [section(['renderer'], run(rows), run(rows.slice(0, 3), { date: LATER }))] },
      null,
    );
    expect(table(text, '### First paint beside its yardsticks')).toEqual([
      ['blank page painted', '191 ms', '191 ms'],
      ['overview, one service', '784 ms', '—'],
      ['overview, 50 services (`renderer.first_paint_ms`)', '1,804 ms', '1,804 ms'],
      ['**`renderer.first_paint_ratio`** (50 over one)', '2.3×', '—'],
      ['50 services: scripting / layout / paint', '271 / 47 / 26 ms', '—'],
      ['one service: scripting / layout / paint', '180 / 24 / 17 ms', '—'],
      ["`renderer.first_paint_work_ratio` (the page's own work)", '1.58×', '—'],
      ["50 services without the bridge's waits", '461 ms', '—'],
    ]);
  });

  it('keeps the figures with a budget in the main table, for their verdict', () => {
    expect(table(page(rows)).map((r) => [r[0], r[4]])).toEqual([
      ['`renderer.bundle_gzip_kb`', 'within budget'],
      ['`renderer.first_paint_ms`', '**over budget**'],
      ['`renderer.first_paint_without_bridge_ms`', 'within budget'],
    ]);
  });
});

describe('a budget row', () => {
  it('bounds the row named without its `budget_` part', () => {
    expect(boundedBy('engine.cycle_200_wall_budget_ms')).toBe('engine.cycle_200_wall_ms');
    expect(boundedBy('engine.low_data_budget_mb_per_month')).toBe('engine.low_data_mb_per_month');
    expect(boundedBy('engine.detect_200_budget_hang_ms')).toBe('engine.detect_200_hang_ms');
    expect(boundedBy('engine.cycle_200_wall_ms')).toBeNull();
  });
});

describe('the results file', () => {
  const quick = section(['team', 'checklist'], run([row('team.merge_10k_ms', 19.6)]));
  const detect = section(['engine.detect_50'], run(DETECT_A));

  it('replaces the section of the same benchmarks where it was and keeps the others', () => {
    const both = mergeSection(mergeSection({ sections: [] }, quick), detect);
    const again = section(['checklist', 'team', 'team'], run([row('team.merge_10k_ms', 21)]));
    const merged = mergeSection(both, again);
    expect(merged.sections.map((s) => s.benchmarks)).toEqual([
      ['checklist', 'team'],
      ['engine.detect_50'],
    ]);
    expect(merged.sections[0]?.runs.map((r) => r.rows[0]?.value)).toEqual([21]);
    expect(merged.sections[1]).toEqual({ ...detect, benchmarks: ['engine.detect_50'] });
    const text = resultsMarkdown(merged, 'docs/benchmarks-results.json');
    expect(text.indexOf('## `checklist`, `team`')).toBeLessThan(
      text.indexOf('## `engine.detect_50`'),
    );
    expect(text).toContain('[benchmarks-results.json](benchmarks-results.json)');
  });

  it('with `--add`, follows the earlier runs of a section with the new ones', () => {
    const later = section(['engine.detect_50'], run(DETECT_B, { date: LATER }));
    const merged = mergeSection(mergeSection({ sections: [quick, detect] }, later, true), quick);
    expect(merged.sections[1]?.runs.map((r) => r.date)).toEqual([DATE, LATER]);
    expect(resultsMarkdown(merged, null)).toContain('**over budget** (B)');
  });

  it('keeps every figure through its data file, a figure that was not a number included', () => {
    const results = { sections: [quick, section(['x'], run([row('a.first', Number.NaN)]))] };
    const back = parseResults(resultsJson(results), 'r.json');
    expect(back).toEqual({
      sections: [
        { ...quick, benchmarks: ['team', 'checklist'] },
        section(['x'], run([row('a.first', Number.NaN)])),
      ],
    });
    expect(resultsMarkdown(back, null)).toBe(resultsMarkdown(results, null));
  });

  it('refuses a data file that is not one, naming the file and the problem', () => {
    expect(() => parseResults('{', 'docs/r.json')).toThrow(/^docs\/r\.json is not JSON/);
    const noDate = JSON.stringify({
      version: 1,
      sections: [{ benchmarks: ['x'], runs: [{ ...run([]), date: 'yesterday' }] }],
    });
    expect(() => parseResults(noDate, 'docs/r.json')).toThrow(
      /docs\/r\.json is not a benchmark results file: sections\.0\.runs\.0\.date/,
    );
  });

  describe('on disk', () => {
    let dir = '';
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps the rows beside the page, and refuses a page whose rows are not there', () => {
      dir = mkdtempSync(join(tmpdir(), 'vigie-bench-md-'));
      const pageFile = join(dir, 'results.md');
      expect(dataFileOf(pageFile)).toBe(join(dir, 'results.json'));
      expect(readResults(pageFile)).toEqual({ sections: [] });
      writeFileSync(pageFile, '# Benchmark results\n');
      expect(() => readResults(pageFile)).toThrow(/results\.json, the rows it is generated from/);
      writeFileSync(dataFileOf(pageFile), resultsJson({ sections: [quick] }));
      expect(readResults(pageFile).sections).toHaveLength(1);
    });
  });
});
