// Checklist runs have the history's guarantees: a process killed with SIGKILL mid-write loses at
// most the entry it was writing; the next start reads everything else and carries on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../main/playbooks';
import { crashTrials, killAfter, stopPoint } from '../helpers/kill-after';

const dir = mkdtempSync(join(tmpdir(), 'vigie-runs-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a checklist killed with SIGKILL', () => {
  const trials = crashTrials(3);
  it(
    `keeps every acknowledged tick, ${trials} times over`,
    async () => {
      let before = 0;
      for (let trial = 0; trial < trials; trial++) {
        // Each writer goes on from the entries already there: kill it some ticks further.
        const stopAfter = before + stopPoint(trial, 30, 120);
        const acknowledged = await killAfter(
          'test/lab/runs-writer-child.ts',
          [dir],
          stopAfter,
          before,
        );
        const store = new RunStore(dir, { readOnly: true });
        const run = store.book.list()[0]!;
        for (const warning of store.warnings)
          expect(warning).toMatch(/^runs\.journal: \d+ damaged line/);
        // Every acknowledged entry is there; the one being written when killed may be too.
        expect(run.events.length).toBeGreaterThanOrEqual(acknowledged);
        expect(run.events.length).toBeLessThanOrEqual(acknowledged + 1);
        const last = run.events.at(-1)!;
        expect(run.steps.find((s) => s.key === 'd-tell-team')!.done !== null).toBe(
          last.type === 'tick',
        );
        before = run.events.length;
      }
    },
    30_000 + trials * 2_000,
  );
});
