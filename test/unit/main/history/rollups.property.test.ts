// Rollups agree with the raw samples they replace, for any sequence of verdicts and latencies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, SECOND } from '../../../../shared/durations';
import type { VerdictState } from '../../../../shared/types';
import { STATES } from '../../../../main/history/format';
import { percentile } from '../../../../main/history/rollup';
import { openHistory, type HistoryStore } from '../../../../main/history/store';
import { snapshotAt } from '../../../helpers/snapshots';

const sample = fc.record({
  gapMs: fc.integer({ min: 10 * SECOND, max: 20 * MINUTE }),
  state: fc.constantFrom<VerdictState>('up', 'degraded', 'down', 'maintenance', 'unknown'),
  latencyMs: fc.integer({ min: 1, max: 5000 }),
});

function expected(
  samples: { at: number; state: VerdictState; latencyMs: number }[],
  start: number,
  length: number,
) {
  const inside = samples.filter((s) => s.at >= start && s.at < start + length);
  // A down verdict in these snapshots has no passing probe, hence no latency.
  const latencies = inside
    .filter((s) => s.state !== 'down')
    .map((s) => s.latencyMs)
    .sort((a, b) => a - b);
  return {
    counts: STATES.map((state) => inside.filter((s) => s.state === state).length),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.length ? latencies[latencies.length - 1] : -1,
  };
}

function check(
  store: HistoryStore,
  samples: { at: number; state: VerdictState; latencyMs: number }[],
) {
  const first = samples[0]!.at;
  const last = samples.at(-1)!.at;
  for (const [level, length] of [
    ['5m', 5 * MINUTE],
    ['1h', HOUR],
  ] as const) {
    const rollups = store.rollups('chat', level, first - length, last + length);
    const total = rollups.reduce((sum, r) => sum + r.counts.reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(samples.length);
    for (const rollup of rollups) {
      const want = expected(samples, rollup.start, length);
      expect([...rollup.counts]).toEqual(want.counts);
      expect(rollup.p50).toBe(Math.fround(want.p50));
      expect(rollup.p95).toBe(Math.fround(want.p95));
      expect(rollup.max).toBe(Math.fround(want.max ?? -1));
    }
  }
}

describe('rollups', () => {
  it('count every state and compute p50/p95/max exactly as the raw samples say, before and after a restart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.array(sample, { minLength: 1, maxLength: 120 }),
        (offsetMinutes, steps) => {
          const dir = mkdtempSync(join(tmpdir(), 'vigie-prop-'));
          try {
            let at = Date.parse('2021-10-04T00:00:00Z') + offsetMinutes * MINUTE;
            const samples = steps.map((step) => {
              at += step.gapMs;
              return { at, state: step.state, latencyMs: step.latencyMs };
            });
            const store = openHistory({ dir, now: () => at });
            for (const s of samples)
              store.recordSnapshot(
                snapshotAt(s.at, { chat: { state: s.state, latencyMs: s.latencyMs } }),
              );
            check(store, samples);
            store.close();
            const reopened = openHistory({ dir, now: () => at });
            check(reopened, samples);
            reopened.close();
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
