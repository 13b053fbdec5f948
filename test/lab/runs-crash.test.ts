// Checklist runs have the history's guarantees: a process killed with SIGKILL mid-write loses at
// most the entry it was writing; the next start reads everything else and carries on.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../main/playbooks';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vigie-runs-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a ticking checklist, kills it once it has acknowledged `stopAfter` entries. */
function killAfter(stopAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/lab/runs-writer-child.ts', dir],
      {
        cwd: ROOT,
      },
    );
    let acknowledged = 0;
    let buffered = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) acknowledged = Math.max(acknowledged, Number(line));
      if (!killed && acknowledged >= stopAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_, signal) =>
      signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`writer exited: ${stderr}`)),
    );
  });
}

describe('a checklist killed with SIGKILL', () => {
  it('keeps every acknowledged tick, three times over', async () => {
    for (const stopAfter of [30, 120, 60]) {
      const acknowledged = await killAfter(stopAfter);
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
    }
  });
});
