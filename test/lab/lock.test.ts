// One writer per history folder, under races, reused pids and folders shared between computers.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { acquireLock, HEARTBEAT_MS, HistoryLockedError, STALE_MS } from '../../main/history/lock';
import { openHistory } from '../../main/history/store';
import { MINUTE } from '../../shared/durations';
import { Writers, type Answer } from './lock-writers';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-lock-'));
  dirs.push(dir);
  return dir;
};
const TRIALS = 200;
// pid_max is at most 2^22 on Linux: this pid never exists.
const DEAD_PID = 2 ** 22 + 12345;
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A lock file as another writer would have left it, touched `agoMs` ago. */
function plant(dir: string, holder: object | string, agoMs = 0): void {
  const path = join(dir, 'writer.lock');
  writeFileSync(path, typeof holder === 'string' ? holder : JSON.stringify(holder));
  const at = new Date(Date.now() - agoMs);
  utimesSync(path, at, at);
}

describe('the writer lock', () => {
  it('a pid reused by another program: taken over once its heartbeat has stopped, and said', () => {
    const dir = fresh();
    // This test's own parent is alive, and is not a Vigie writer of this folder.
    plant(dir, { pid: process.ppid, host: hostname() }, 0);
    expect(() => acquireLock(dir)).toThrow(HistoryLockedError);
    plant(dir, { pid: process.ppid, host: hostname() }, STALE_MS + 60_000);
    const lock = acquireLock(dir);
    expect(lock.takeover).toMatch(
      /^took over the history lock from a lock of pid \d+, now another program's$/,
    );
    lock.release();
  });

  it('a lock from another computer sharing the folder: refused while it beats, taken over and said when silent', () => {
    const dir = fresh();
    plant(dir, { pid: 4242, host: 'shop-laptop' }, 0);
    expect(() => acquireLock(dir)).toThrow(/pid 4242 on shop-laptop/);
    plant(dir, { pid: 4242, host: 'shop-laptop' }, 20 * 60_000);
    const lock = acquireLock(dir);
    expect(lock.takeover).toMatch(/on shop-laptop, silent for 2\d minutes$/);
    lock.release();
  });

  it("a lock naming this process's pid but another start (a container started again): taken over, and said", () => {
    const dir = fresh();
    plant(dir, { pid: process.pid, host: hostname(), start: 'another-start', token: 'c0ffee' });
    const lock = acquireLock(dir);
    expect(lock.takeover).toMatch(
      /^took over the history lock from a lock of pid \d+ \(this process's number\)/,
    );
    // While it is held, this same process opening the history again is refused, naming itself.
    expect(() => acquireLock(dir)).toThrow(new RegExp(`pid ${process.pid}\\)`));
    lock.release();
  });

  it('an empty lock older than a few seconds (a crash between creating and writing it): taken over, and said', () => {
    const dir = fresh();
    plant(dir, '', 10_000);
    const lock = acquireLock(dir);
    expect(lock.takeover).toMatch(/^took over the history lock from an empty lock file/);
    lock.release();
  });

  it('a live writer touches its lock each minute: on disk it never looks older than its heartbeat', () => {
    vi.useFakeTimers({
      now: Date.UTC(2021, 9, 4, 15, 0),
      toFake: ['setInterval', 'clearInterval', 'Date'],
    });
    try {
      const dir = fresh();
      const lock = acquireLock(dir);
      vi.advanceTimersByTime(10 * HEARTBEAT_MS);
      const { mtimeMs } = statSync(join(dir, 'writer.lock'));
      expect(Math.abs(mtimeMs - Date.now())).toBeLessThan(HEARTBEAT_MS);
      lock.release();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a takeover is among the history\'s warnings, which `watch` prints on stderr as "history: …"', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'history'));
    plant(join(dir, 'history'), '{"pid":', 2 * MINUTE);
    const store = openHistory({ dir });
    try {
      expect(store.warnings).toEqual([
        'took over the history lock from an unreadable lock file, untouched for 2 minutes',
      ]);
    } finally {
      store.close();
    }
  });

  it('releasing removes only our own lock, and leaves no file aside', () => {
    const dir = fresh();
    const lock = acquireLock(dir);
    plant(dir, { pid: 4242, host: 'shop-laptop', token: 'theirs' });
    lock.release();
    expect(readdirSync(dir)).toEqual(['writer.lock']);
  });
});

/** The lock each trial starts from. */
const STARTS = {
  none: () => undefined,
  // Its writer crashed: no such process.
  stale: (dir: string) =>
    plant(dir, { pid: DEAD_PID, host: hostname(), token: 'c0ffee00c0ffee00' }),
  // A crash between creating the lock and writing it, a minute ago.
  empty: (dir: string) => plant(dir, '', MINUTE),
  garbage: (dir: string) => plant(dir, '{"pid":12\u0000\u0000', MINUTE),
  // Its pid now belongs to another program (this test's process), started at another time.
  reused: (dir: string) =>
    plant(dir, { pid: process.pid, host: hostname(), start: 'another-start', token: 'beef' }),
} as const;

/** What went wrong in one trial, or null when exactly one writer got it and the others were told. */
function fault(dir: string, answers: readonly Answer[]): string | null {
  const winners = answers.filter((a) => a.got);
  const errors = answers.filter((a) => a.error);
  if (errors.length > 0) return `error: ${errors[0]?.error}`;
  if (winners.length === 0) return `nobody (told pid ${answers[0]?.holder?.pid})`;
  if (winners.length > 1) return `${winners.length} writers`;
  const winner = winners[0]!.pid;
  const told = answers.filter((a) => !a.got && (a.holder?.pid !== winner || a.holder.elsewhere));
  if (told.length > 0) return `a loser told pid ${told[0]?.holder?.pid}, not ${winner}`;
  const onDisk = (JSON.parse(readFileSync(join(dir, 'writer.lock'), 'utf8')) as { pid: number })
    .pid;
  return onDisk === winner ? null : `the lock names pid ${onDisk}, not ${winner}`;
}

describe.each([4, 8])('%i writers starting at one instant', (count) => {
  let writers: Writers;
  beforeAll(() => {
    writers = new Writers(count);
  });
  afterAll(() => writers.end());

  it.each(Object.keys(STARTS) as (keyof typeof STARTS)[])(
    `on %s lock, ${TRIALS} trials: exactly one writes every time, every other names it`,
    async (start) => {
      const root = fresh();
      const faults: Record<string, number> = {};
      for (let trial = 0; trial < TRIALS; trial++) {
        const dir = join(root, String(trial));
        mkdirSync(dir);
        STARTS[start](dir);
        const found = fault(dir, await writers.trial(trial, dir));
        if (found) faults[found] = (faults[found] ?? 0) + 1;
      }
      expect(faults).toEqual({});
    },
    120_000,
  );
});
