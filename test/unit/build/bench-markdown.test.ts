// `npm run bench -- --markdown`: rows in, a table with budgets and verdicts out. No timing here:
// the rows are written by hand.
import { describe, expect, it } from 'vitest';
import {
  benchMarkdown,
  boundedBy,
  judge,
  type BenchRow,
  type Machine,
} from '../../../bench/markdown';

const MACHINE: Machine = {
  cpu: 'Intel(R) Xeon(R) CPU @ 2.20GHz',
  cores: 2,
  load: [3.5, 2.25, 1],
  node: 'v20.19.0',
};
const DATE = new Date(Date.UTC(2026, 11, 7, 9, 30));

function row(name: string, value: number, unit = 'ms'): BenchRow {
  return { name, value, unit };
}

/** The table's lines, each split into its trimmed cells. */
function cells(page: string): string[][] {
  return page
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

describe('the benchmark table', () => {
  it('pairs a row with the `_budget_` row of the same run and folds that row into it', () => {
    const page = benchMarkdown(
      [row('team.merge_10k_ms', 42.5), row('team.merge_10k_budget_ms', 100)],
      MACHINE,
      DATE,
      'npm run bench -- team --markdown',
    );
    expect(cells(page)).toEqual([
      ['`team.merge_10k_ms`', '42.5', 'ms', '≤ 100 ms', 'within budget'],
    ]);
  });

  it('says "over budget" when the figure exceeds its budget, and counts it in the header', () => {
    const page = benchMarkdown(
      [
        row('engine.cycle_200_wall_ms', 6500),
        row('engine.cycle_200_wall_budget_ms', 6000),
        row('engine.detect_50_fail_ms', 16900),
        row('engine.detect_50_budget_fail_ms', 17000),
      ],
      MACHINE,
      DATE,
      'npm run bench -- engine --markdown',
    );
    expect(cells(page)).toEqual([
      ['`engine.cycle_200_wall_ms`', '6,500', 'ms', '≤ 6,000 ms', '**over budget**'],
      ['`engine.detect_50_fail_ms`', '16,900', 'ms', '≤ 17,000 ms', 'within budget'],
    ]);
    expect(page).toContain('2 of 2 figures have one; 1 over it');
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
    const page = benchMarkdown(
      [row('history.disk_mb_90d_50svc', 20.6, 'MB'), row('alerts.delay_budget_ms', 5000)],
      MACHINE,
      DATE,
      'npm run bench -- --markdown',
    );
    expect(cells(page)).toEqual([
      ['`history.disk_mb_90d_50svc`', '20.6', 'MB', '—', '—'],
      ['`alerts.delay_budget_ms`', '5,000', 'ms', '—', '—'],
    ]);
  });

  it('keeps the run order and says when a figure came out as not a number', () => {
    const page = benchMarkdown(
      [row('b.second', 2), row('a.first', Number.NaN)],
      MACHINE,
      DATE,
      'npm run bench -- --markdown',
    );
    expect(cells(page).map((c) => [c[0], c[1], c[4]])).toEqual([
      ['`b.second`', '2', '—'],
      ['`a.first`', 'not measured', '—'],
    ]);
  });

  it('escapes a unit that holds a table separator', () => {
    const page = benchMarkdown([row('x.y', 1, 'a | b')], MACHINE, DATE, 'npm run bench');
    expect(cells(page)).toEqual([['`x.y`', '1', 'a \\| b', '—', '—']]);
  });

  it('names the machine, its load, Node, the date and the command in the header', () => {
    const page = benchMarkdown([row('x.y', 1)], MACHINE, DATE, 'npm run bench -- x --markdown');
    expect(page).toContain('Intel(R) Xeon(R) CPU @ 2.20GHz, 2 cores');
    expect(page).toContain('3.50 / 2.25 / 1.00');
    expect(page).toContain('v20.19.0');
    expect(page).toContain('2026-12-07 09:30 UTC');
    expect(page).toContain('`npm run bench -- x --markdown`');
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
