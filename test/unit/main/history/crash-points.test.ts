// A history writer, and a checklist, killed at any step of their writes, 200 times each in one
// go, in this process: the file system stops answering at a chosen call, and the call it stops in
// may have written only part of its data (as a SIGKILL in the middle of a write can). The next
// writer must find everything the killed one acknowledged. The lab's history-crash and
// runs-crash tests kill real processes; these reach 200 kill points in a few seconds.
import { mkdtempSync } from 'node:fs';
import type * as NodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openHistory } from '../../../../main/history/store';
import { Checklist, RunStore } from '../../../../main/playbooks';
import { MINUTE } from '../../../../shared/durations';
import { incidentOf } from '../../../helpers/incidents';
import { snapshotAt } from '../../../helpers/snapshots';

/** The kill: after `countdown` more writing calls, every call fails for good. */
const kill = vi.hoisted(() => ({
  countdown: Infinity,
  dead: false,
  /** How much of the write it dies in reaches the disk (0 to 1). */
  cut: 0,
  /** File descriptors open, closed for the killed writer as its exit would. */
  open: new Set<number>(),
}));

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof NodeFs>();
  const killed = () => Object.assign(new Error('killed'), { code: 'EKILLED' });
  const part = (data: unknown): Buffer => {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(String(data));
    return bytes.subarray(0, Math.floor(bytes.length * kill.cut));
  };
  /** What the call it dies in leaves on the disk. */
  const dying: Partial<Record<string, (...args: never[]) => void>> = {
    writeSync: (fd: number, data: unknown, a?: unknown, b?: unknown, c?: unknown) => {
      if (Buffer.isBuffer(data) || ArrayBuffer.isView(data)) {
        const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        const offset = typeof a === 'number' ? a : 0;
        const length = typeof b === 'number' ? b : buffer.length - offset;
        const position = typeof c === 'number' ? c : null;
        fs.writeSync(fd, part(buffer.subarray(offset, offset + length)), 0, undefined, position);
      } else fs.writeSync(fd, part(data), typeof a === 'number' ? a : null);
    },
    writeFileSync: (path: string, data: unknown) => fs.writeFileSync(path, part(data)),
    appendFileSync: (path: string, data: unknown) => fs.appendFileSync(path, part(data)),
  };
  const writing = new Set([
    'writeSync',
    'writeFileSync',
    'appendFileSync',
    'fsyncSync',
    'fdatasyncSync',
    'renameSync',
    'unlinkSync',
    'ftruncateSync',
    'truncateSync',
    'openSync',
    'mkdirSync',
    'linkSync',
    'utimesSync',
    'rmSync',
  ]);
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fs)) {
    if (!name.endsWith('Sync') || typeof value !== 'function') continue;
    const call = value as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      if (kill.dead) throw killed();
      if (writing.has(name) && --kill.countdown <= 0) {
        kill.dead = true;
        (dying[name] as ((...a: unknown[]) => void) | undefined)?.(...args);
        throw killed();
      }
      const result = call(...args);
      if (name === 'openSync') kill.open.add(result as number);
      if (name === 'closeSync') kill.open.delete(args[0] as number);
      return result;
    };
  }
  return { ...fs, ...wrapped, default: { ...fs, ...wrapped } };
});

const real = await vi.importActual<typeof NodeFs>('node:fs');
const dir = mkdtempSync(join(tmpdir(), 'vigie-crash-points-'));
afterAll(() => real.rmSync(dir, { recursive: true, force: true }));

const TRIALS = 200;
const BASE = Date.parse('2021-10-04T00:00:00Z');
/** Ten minutes a cycle: the writers cross a day (new files, rollups closed) every 144 cycles. */
const CYCLE = 10 * MINUTE;
const services = Object.fromEntries(
  Array.from({ length: 8 }, (_, i) => [`svc-${i}`, { state: 'up' as const }]),
);
/** The same spread of kill points every run. */
const spread = (i: number, from: number, to: number) => from + ((i * 7919) % (to - from + 1));

/** The process is gone: its files closed, its lock left for the next writer to take over. */
function bury(history = join(dir, 'history')): void {
  kill.dead = false;
  kill.countdown = Infinity;
  for (const fd of kill.open) real.closeSync(fd);
  kill.open.clear();
  if (!real.existsSync(history)) return;
  for (const name of real.readdirSync(history))
    if (name.startsWith('writer.lock')) real.rmSync(join(history, name), { force: true });
}

describe('a history writer killed at any step of a write', () => {
  it(`loses nothing it acknowledged, ${TRIALS} kill points in one go`, async () => {
    // Each writer starts a cycle after the one its predecessor died in.
    let cycle = 0;
    let acknowledged = 0;
    // Cycles a writer died in: each may or may not have left its sample, per service.
    let cut = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      kill.countdown = spread(trial, 1, 150);
      kill.cut = spread(trial, 0, 10) / 10;
      try {
        const store = openHistory({ dir, now: () => BASE + cycle * CYCLE });
        for (;;) {
          store.recordSnapshot(snapshotAt(BASE + cycle * CYCLE, services));
          cycle++;
          if (kill.dead) break; // killed inside the call: it never returned
          acknowledged++;
          // Between cycles, as the app's writer does (a queued compaction runs here).
          await new Promise(setImmediate);
          if (kill.dead) break;
        }
        cut++;
      } catch (error) {
        if (!kill.dead) throw error; // what it said as it died is nobody's
        cut++;
        cycle++;
      }
      // Anything the dead writer had queued fails too, before the next writer starts.
      kill.dead = true;
      await new Promise(setImmediate);
      bury();

      const next = openHistory({ dir, now: () => BASE + cycle * CYCLE });
      try {
        for (const warning of next.warnings) expect(warning).toMatch(/torn record|corrupt record/);
        for (const id of ['svc-0', 'svc-7']) {
          const counted = next.uptime(id)[3]!.up;
          expect(counted, `trial ${trial}, ${id}`).toBeGreaterThanOrEqual(acknowledged);
          expect(counted, `trial ${trial}, ${id}`).toBeLessThanOrEqual(acknowledged + cut);
        }
      } finally {
        next.close();
      }
    }
    // No day file was taken for someone else's and set aside.
    const history = join(dir, 'history');
    const aside = real
      .readdirSync(history, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.includes('unreadable'));
    expect(aside).toEqual([]);
  }, 60_000);
});

describe('a checklist killed at any step of a write', () => {
  it(`keeps every acknowledged tick, ${TRIALS} kill points in one go`, async () => {
    const runs = real.mkdtempSync(join(tmpdir(), 'vigie-crash-points-runs-'));
    const start = Date.parse('2021-10-04T15:42:00Z');
    let now = start;
    let acknowledged = 0;
    try {
      for (let trial = 0; trial < TRIALS; trial++) {
        kill.countdown = spread(trial, 1, 60);
        kill.cut = spread(trial, 0, 10) / 10;
        try {
          const checklist = new Checklist(runs, () => now);
          checklist.observe(snapshotAt(start, { chat: { state: 'down' } }), [
            incidentOf({ start, serviceName: 'CHAT' }),
          ]);
          const run = checklist.runs.book.list()[0];
          if (!run) throw new Error('no run started');
          if (kill.dead) throw Object.assign(new Error('killed'), { code: 'EKILLED' });
          for (;;) {
            now += 1000;
            // Ticks and unticks, with a note long enough to make torn writes likely.
            const done = acknowledged % 2 === 0;
            checklist.tick(run.id, 'd-tell-team', done, `note ${acknowledged} ${'x'.repeat(200)}`);
            if (kill.dead) break;
            acknowledged++;
          }
        } catch (error) {
          if (!kill.dead) throw error; // what it said as it died is nobody's
        }
        kill.dead = true;
        await new Promise(setImmediate);
        bury(runs);

        const store = new RunStore(runs, { readOnly: true });
        const run = store.book.list()[0];
        for (const warning of store.warnings)
          expect(warning).toMatch(/^runs\.journal: \d+ damaged line/);
        if (!run) {
          expect(acknowledged, `trial ${trial}`).toBe(0);
          continue;
        }
        expect(run.events.length, `trial ${trial}`).toBeGreaterThanOrEqual(acknowledged);
        expect(run.events.length, `trial ${trial}`).toBeLessThanOrEqual(acknowledged + 1);
        const last = run.events.at(-1);
        if (last)
          expect(run.steps.find((step) => step.key === 'd-tell-team')!.done !== null).toBe(
            last.type === 'tick',
          );
        acknowledged = run.events.length;
      }
    } finally {
      real.rmSync(runs, { recursive: true, force: true });
    }
  }, 60_000);
});
