// Crash safety: a writer killed with SIGKILL mid-write loses at most its last sample, the next
// writer takes over its lock, and everything else loads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../shared/durations';
import { openHistory } from '../../main/history/store';
import { crashTrials, killAfter, stopPoint } from '../helpers/kill-after';

const dir = mkdtempSync(join(tmpdir(), 'vigie-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a writer at cycle `first`, kills it once it has acknowledged `stopAfter` cycles. */
const killWriterAfter = (first: number, stopAfter: number) =>
  killAfter('test/lab/history-writer-child.ts', [dir, String(first)], first + stopAfter, first);

describe('a writer killed with SIGKILL', () => {
  const trials = crashTrials(5);
  it(
    `loses at most its last sample, ${trials} times over, and the next writer carries on`,
    async () => {
      let next = 0;
      for (let trial = 0; trial < trials; trial++) {
        const stopAfter = stopPoint(trial, 15, 260);
        const acknowledged = await killWriterAfter(next, stopAfter);
        const end = acknowledged + 1;
        const store = openHistory({
          dir,
          now: () => Date.parse('2021-10-04T00:00:00Z') + end * MINUTE,
        });
        try {
          for (const warning of store.warnings)
            expect(warning).toMatch(/torn record|corrupt record/);
          for (const id of ['svc-0', 'svc-19']) {
            // The 90-day window: many trials write more than a day of one-minute cycles.
            const counted = store.uptime(id)[3]!.up;
            // Every acknowledged cycle is there; the one being written when killed may be too.
            expect(counted).toBeGreaterThanOrEqual(acknowledged);
            expect(counted).toBeLessThanOrEqual(acknowledged + 2);
          }
          next = store.uptime('svc-0')[3]!.up;
        } finally {
          store.close();
        }
      }
    },
    30_000 + trials * 2_000,
  );
});
