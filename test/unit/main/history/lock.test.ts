// The writer lock's judgement, one fault at a time, on a folder in memory with a clock of its own:
// locks nobody holds (empty, damaged, a reused pid, this process's pid from an earlier process),
// the heartbeat, file systems without hard links, and writers interleaved at the worst moment.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostname } from 'node:os';
import {
  acquireLock,
  HEARTBEAT_MS,
  HistoryLockedError,
  STALE_MS,
  UNREADABLE_MS,
  WAIT_MS,
  realSystem,
  type HeldLock,
  type LockSystem,
} from '../../../../main/history/lock';
import { find, type LockFs } from '../../../../main/history/lock-file';
import { processStart, startTicks } from '../../../../main/history/process-start';
import { MINUTE, SECOND } from '../../../../shared/durations';
import { MemoryLockFs } from '../../../helpers/memory-lock-fs';

const T0 = Date.UTC(2021, 9, 4, 15, 0);
const DIR = '/data/history';
const LOCK = `${DIR}/writer.lock`;

let clock: { now: number };
let fs: MemoryLockFs;
/** The processes alive on this computer, with their start as the system tells it. */
let processes: Map<number, string>;
beforeEach(() => {
  clock = { now: T0 };
  fs = new MemoryLockFs(clock);
  processes = new Map([[4000, 'boot-1/7000']]);
});

/** A Vigie process `pid` (started now unless already running), on this computer ("till") or another. */
function vigie(pid: number, options: { host?: string; fs?: LockFs } = {}): Partial<LockSystem> {
  if (!processes.has(pid)) processes.set(pid, `boot-1/${pid}00`);
  return {
    fs: options.fs ?? fs,
    pid,
    host: options.host ?? 'till',
    now: () => clock.now,
    alive: (other) => processes.has(other),
    start: (other) => processes.get(other) ?? null,
    sleep: (ms) => {
      clock.now += ms;
    },
  };
}
const acquire = (pid: number, options?: { host?: string; fs?: LockFs }) =>
  acquireLock(DIR, () => clock.now, vigie(pid, options));
/** A lock as Vigie writes it, for the process `pid` started at `start`. */
const lockText = (pid: number, start: string | undefined, host = 'till') =>
  JSON.stringify({ pid, host, start, since: new Date(T0).toISOString(), token: `t${pid}` });
const holderPid = () => (JSON.parse(fs.text(LOCK) ?? '{}') as { pid?: number }).pid;
const refusal = (run: () => unknown): HistoryLockedError => {
  try {
    run();
  } catch (error) {
    if (error instanceof HistoryLockedError) return error;
    throw error;
  }
  throw new Error('the lock was taken');
};

describe('a lock nobody holds is taken over, and said', () => {
  it('an empty lock (a crash between creating it and writing it) older than a few seconds', () => {
    fs.plant(LOCK, '', UNREADABLE_MS + SECOND);
    const lock = acquire(101);
    expect(lock.takeover).toBe(
      'took over the history lock from an empty lock file, untouched for 6 s',
    );
    expect(holderPid()).toBe(101);
  });

  it('a damaged lock, an hour old', () => {
    fs.plant(LOCK, '{"pid":12\u0000\u0000', 60 * MINUTE);
    expect(acquire(101).takeover).toBe(
      'took over the history lock from an unreadable lock file, untouched for 60 minutes',
    );
  });

  it('a lock naming no real pid (0, negative, text) is unreadable, never a process group', () => {
    for (const pid of [0, -1, '12']) {
      fs.files.clear();
      fs.plant(LOCK, JSON.stringify({ pid, host: 'till' }), MINUTE);
      expect(acquire(101).takeover).toMatch(/unreadable lock file/);
    }
  });

  it('an empty lock being written right now is waited for: its writer, once done, is named', () => {
    fs.plant(LOCK, '');
    let looks = 0;
    fs.afterRead = (path) => {
      if (path === LOCK && ++looks === 3) fs.plant(LOCK, lockText(4000, 'boot-1/7000'));
    };
    expect(refusal(() => acquire(101)).pid).toBe(4000);
  });

  it('an empty lock touched in the future (a clock set back) is not being written either', () => {
    fs.plant(LOCK, '', -10 * MINUTE);
    expect(acquire(101).takeover).toBe(
      'took over the history lock from an empty lock file, dated 10 minutes ahead of this clock',
    );
    expect(clock.now).toBe(T0);
  });

  it('an empty lock nobody finishes is taken once it is a few seconds old', () => {
    fs.plant(LOCK, '');
    const lock = acquire(101);
    expect(clock.now - T0).toBeGreaterThan(UNREADABLE_MS);
    expect(clock.now - T0).toBeLessThan(UNREADABLE_MS + SECOND);
    expect(lock.takeover).toMatch(/^took over the history lock from an empty lock file/);
  });

  it('a lock whose pid now belongs to another program (another start time), at once', () => {
    fs.plant(LOCK, lockText(4000, 'boot-0/123'));
    expect(acquire(101).takeover).toBe(
      "took over the history lock from a lock of pid 4000, now another program's",
    );
  });

  it("a lock naming this process's pid with another start (a container started again)", () => {
    processes.set(101, 'boot-1/900');
    fs.plant(LOCK, lockText(101, 'boot-1/100'));
    expect(acquire(101).takeover).toBe(
      "took over the history lock from a lock of pid 101 (this process's number) left by an earlier process",
    );
  });

  it('a lock whose process is gone, silently (a crash is no news)', () => {
    fs.plant(LOCK, lockText(4321, 'boot-1/1'));
    const lock = acquire(101);
    expect(lock.takeover).toBeNull();
    expect(holderPid()).toBe(101);
  });
});

describe('a live writer keeps its lock, and is named', () => {
  it('its pid with its start time: refused even when its lock has not been touched for an hour', () => {
    fs.plant(LOCK, lockText(4000, 'boot-1/7000'), 60 * MINUTE);
    const error = refusal(() => acquire(101));
    expect(error.pid).toBe(4000);
    expect(error.elsewhere).toBeNull();
    expect(error.message).toMatch(/^another Vigie process \(pid 4000\) is already recording/);
  });

  it('this very process (another history opened in it) is refused', () => {
    acquire(101);
    expect(refusal(() => acquire(101)).pid).toBe(101);
  });

  it('where the start cannot be told (an older lock, no /proc or ps), its heartbeat decides', () => {
    fs.plant(LOCK, lockText(4000, undefined), STALE_MS - SECOND);
    expect(refusal(() => acquire(101)).pid).toBe(4000);
    fs.plant(LOCK, lockText(4000, undefined), STALE_MS + SECOND);
    expect(acquire(101).takeover).toMatch(/pid 4000, now another program's$/);
  });

  it('on another computer: refused while it beats, taken over when silent, and said', () => {
    fs.plant(LOCK, lockText(4000, 'boot-9/1', 'shop-laptop'), STALE_MS - SECOND);
    const error = refusal(() => acquire(101));
    expect([error.pid, error.elsewhere]).toEqual([4000, 'shop-laptop']);
    expect(error.message).toMatch(/\(pid 4000 on shop-laptop\)/);
    fs.plant(LOCK, lockText(4000, 'boot-9/1', 'shop-laptop'), 20 * MINUTE);
    expect(acquire(101).takeover).toBe(
      'took over the history lock from a lock of pid 4000 on shop-laptop, silent for 20 minutes',
    );
  });
});

describe('the heartbeat', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a live writer’s lock fresh: another computer is still refused after 10 minutes', () => {
    const lock = acquire(101);
    for (let minute = 0; minute < 10; minute++) {
      clock.now += MINUTE;
      vi.advanceTimersByTime(HEARTBEAT_MS);
    }
    expect(fs.mtime(LOCK)).toBe(clock.now);
    expect(refusal(() => acquire(202, { host: 'back-office' })).pid).toBe(101);
    lock.release();
  });

  it('stops with the release, and never touches a lock that is no longer ours', () => {
    const lock = acquire(101);
    fs.plant(LOCK, lockText(4000, 'boot-1/7000'));
    clock.now += 10 * MINUTE;
    vi.advanceTimersByTime(10 * MINUTE);
    expect(fs.mtime(LOCK)).toBe(T0);
    lock.release();
    expect(holderPid()).toBe(4000);
  });
});

describe('a file system without hard links (exFAT, some network shares)', () => {
  it.each(['EPERM', 'ENOTSUP', 'EXDEV'])(
    'link fails with %s: the lock is made whole all the same',
    (code) => {
      fs.noLinks = code;
      const lock = acquire(101);
      expect(JSON.parse(fs.text(LOCK) ?? '')).toMatchObject({ pid: 101, host: 'till' });
      expect(refusal(() => acquire(202)).pid).toBe(101);
      lock.release();
      expect([...fs.files.keys()]).toEqual([]);
    },
  );

  it('a gone writer’s lock is taken over there too, with its claim', () => {
    fs.noLinks = 'EPERM';
    fs.plant(LOCK, '', MINUTE);
    expect(acquire(101).takeover).toMatch(/empty lock file/);
    expect([...fs.files.keys()]).toEqual([LOCK]);
  });
});

describe('writers interleaved at the worst moment', () => {
  it('one has judged a stale lock when another takes it over: it never removes the new lock', () => {
    fs.plant(LOCK, lockText(4321, 'boot-1/1'));
    let paused = true;
    // The slow writer (the first to look) reads the stale lock; the others run to the end before
    // it goes on.
    fs.afterRead = (path) => {
      if (!paused || path !== LOCK) return;
      paused = false;
      acquire(101);
      expect(refusal(() => acquire(103)).pid).toBe(101);
    };
    expect(refusal(() => acquire(102)).pid).toBe(101);
    expect(holderPid()).toBe(101);
  });

  it('a claim left by a writer that died mid-takeover is itself taken over', () => {
    fs.plant(LOCK, lockText(4321, 'boot-1/1'));
    const stale = find(fs, LOCK);
    fs.plant(
      `${LOCK}.${stale?.key}.claim`,
      JSON.stringify({ pid: 4322, host: 'till', start: 'x' }),
    );
    acquire(101);
    expect(holderPid()).toBe(101);
    expect([...fs.files.keys()]).toEqual([LOCK]);
  });

  it.each([
    ['unreadable, a minute old', '{"pid":', MINUTE, 0],
    [
      'by a pid now another program’s',
      JSON.stringify({ pid: 4000, host: 'till', start: 'x' }),
      0,
      0,
    ],
    [
      'by this process, left by an attempt that failed',
      JSON.stringify({ pid: 101, host: 'till' }),
      0,
      0,
    ],
    [
      'by another computer, fresh: waited for 5 s',
      JSON.stringify({ pid: 9, host: 'laptop' }),
      0,
      UNREADABLE_MS,
    ],
  ])('a claim %s is taken over', (_, claim, agoMs, waited) => {
    fs.plant(LOCK, lockText(4321, 'boot-1/1'));
    fs.plant(`${LOCK}.${find(fs, LOCK)?.key}.claim`, claim, agoMs);
    acquire(101);
    expect(holderPid()).toBe(101);
    expect(clock.now - T0).toBeGreaterThanOrEqual(waited);
    expect(clock.now - T0).toBeLessThan(waited + SECOND);
  });

  it('a claim held by a live writer is waited for, then said as a problem, not as a holder', () => {
    fs.plant(LOCK, lockText(4321, 'boot-1/1'));
    const stale = find(fs, LOCK);
    const claim = { pid: 4000, host: 'till', start: 'boot-1/7000' };
    fs.plant(`${LOCK}.${stale?.key}.claim`, JSON.stringify(claim));
    expect(() => acquire(101)).toThrow(
      /^could not take the history lock in \/data\/history: another writer is still taking it$/,
    );
    expect(clock.now - T0).toBeGreaterThan(WAIT_MS);
  });

  it('files left aside by earlier writers are tidied once the lock is ours', () => {
    fs.plant(`${LOCK}.4321.0a1b2c3d`, 'aside', 2 * MINUTE);
    fs.plant(`${LOCK}.stale-0a1b2c3d`, 'moved', 2 * MINUTE);
    fs.plant(`${DIR}/raw`, 'not ours', 2 * MINUTE);
    acquire(101).release();
    expect([...fs.files.keys()]).toEqual([`${DIR}/raw`]);
  });
});

describe('when a process started', () => {
  it('reads field 22 of /proc/<pid>/stat, whatever the command name holds', () => {
    // The start of a real line from this Linux machine (`cat /proc/self/stat`), field 22 = 93471.
    const fields = (name: string) =>
      `24710 (${name}) R 24699 24699 6876 0 -1 4194304 123 0 0 0 0 0 0 0 20 0 1 0 93471 3133440 415`;
    expect(startTicks(fields('vigie'))).toBe('93471');
    expect(startTicks(fields('a) (b c) S 9'))).toBe('93471');
    expect(startTicks('garbage')).toBeNull();
  });

  it('tells this process from its parent, and says nothing for no such pid', () => {
    const own = processStart(process.pid);
    expect(own).toMatch(/^[0-9a-f-]*\/\d+$/);
    expect(processStart(process.pid)).toBe(own);
    expect(processStart(process.ppid)).not.toBe(own);
    expect(processStart(2 ** 22 + 12345)).toBeNull();
    expect(processStart(0)).toBeNull();
  });
});

describe('the lock at its bounds, as the user reads it', () => {
  it('a lock from another computer is its writer’s for 5 minutes of silence, then no longer', () => {
    fs.plant(LOCK, lockText(4000, 'boot-9/1', 'shop-laptop'), 5 * MINUTE);
    expect(refusal(() => acquire(101)).elsewhere).toBe('shop-laptop');
    fs.plant(LOCK, lockText(4000, 'boot-9/1', 'shop-laptop'), 5 * MINUTE + SECOND);
    expect(acquire(101).takeover).toBe(
      'took over the history lock from a lock of pid 4000 on shop-laptop, silent for 5 minutes',
    );
  });

  it('where a live writer’s start cannot be told, exactly 5 minutes of silence is still its lock', () => {
    fs.plant(LOCK, lockText(4000, undefined), STALE_MS);
    expect(refusal(() => acquire(101)).pid).toBe(4000);
  });

  it('a lock being written for exactly 5 s is still waited for', () => {
    fs.plant(LOCK, '', UNREADABLE_MS);
    expect(acquire(101).takeover).toMatch(/^took over the history lock from an empty lock file/);
    expect(clock.now).toBeGreaterThan(T0);
  });

  it('says an age of 2 minutes in minutes, and under that in seconds', () => {
    fs.plant(LOCK, '', 2 * MINUTE);
    expect(acquire(101).takeover).toBe(
      'took over the history lock from an empty lock file, untouched for 2 minutes',
    );
    fs.files.clear();
    fs.plant(LOCK, '', 2 * MINUTE - SECOND);
    expect(acquire(102).takeover).toBe(
      'took over the history lock from an empty lock file, untouched for 119 s',
    );
  });

  it('a lock of blank lines is an empty lock; JSON that is not an object is unreadable', () => {
    fs.plant(LOCK, '\n \n', MINUTE);
    expect(acquire(101).takeover).toMatch(/from an empty lock file, untouched for 60 s$/);
    for (const text of ['null', '42', '"4000"', '[4000]']) {
      fs.files.clear();
      fs.plant(LOCK, text, MINUTE);
      expect(acquire(101).takeover).toMatch(/from an unreadable lock file/);
    }
  });

  it('a writer’s lock names its start, so it stays refused even when its heartbeat was held up', () => {
    // A laptop asleep for an hour: no heartbeat, the writer still alive.
    acquire(101);
    expect(JSON.parse(fs.text(LOCK) ?? '{}')).toMatchObject({ pid: 101, start: 'boot-1/10100' });
    clock.now += 60 * MINUTE;
    expect(refusal(() => acquire(202)).pid).toBe(101);
  });

  it('where this process cannot tell its own start, a lock with its pid goes by its heartbeat', () => {
    const noStart = { ...vigie(101), start: () => null };
    fs.plant(LOCK, lockText(101, 'boot-1/100'), STALE_MS);
    expect(refusal(() => acquireLock(DIR, () => clock.now, noStart)).pid).toBe(101);
    fs.plant(LOCK, lockText(101, 'boot-1/100'), STALE_MS + SECOND);
    expect(acquireLock(DIR, () => clock.now, noStart).takeover).toMatch(
      /pid 101 \(this process's number\) left by an earlier process$/,
    );
    expect(JSON.parse(fs.text(LOCK) ?? '{}')).not.toHaveProperty('start');
  });

  it('a lock with this pid and no start (an older Vigie) goes by its heartbeat too', () => {
    fs.plant(LOCK, lockText(101, undefined), STALE_MS);
    expect(refusal(() => acquire(101)).pid).toBe(101);
    fs.plant(LOCK, lockText(101, undefined), STALE_MS + SECOND);
    expect(acquire(101).takeover).toMatch(/this process's number\) left by an earlier process$/);
  });

  it.each([
    ['a live writer that does not say its start', { pid: 4000, host: 'till' }],
    ['a live writer whose start cannot be told', { pid: 4001, host: 'till', start: 'x' }],
  ])('a fresh claim by %s is waited for 5 s, then taken over', (_, claim) => {
    processes.set(4001, 'boot-1/4001');
    const system = {
      ...vigie(101),
      start: (pid: number) => (pid === 4001 ? null : (processes.get(pid) ?? null)),
    };
    fs.plant(LOCK, lockText(4321, 'boot-1/1'));
    fs.plant(`${LOCK}.${find(fs, LOCK)?.key}.claim`, JSON.stringify(claim));
    acquireLock(DIR, () => clock.now, system);
    expect(holderPid()).toBe(101);
    expect(clock.now - T0).toBeGreaterThan(UNREADABLE_MS);
    expect(clock.now - T0).toBeLessThan(UNREADABLE_MS + SECOND);
  });

  it('a claim from another computer touched exactly 5 s ago is still waited for', () => {
    fs.plant(LOCK, lockText(4321, 'boot-1/1'));
    const claim = JSON.stringify({ pid: 9, host: 'laptop' });
    fs.plant(`${LOCK}.${find(fs, LOCK)?.key}.claim`, claim, UNREADABLE_MS);
    acquire(101);
    expect(holderPid()).toBe(101);
    expect(clock.now).toBeGreaterThan(T0);
  });

  it('never removes, on release, a lock it can no longer read back as its own', () => {
    class UnreadableLater extends MemoryLockFs {
      failReads = false;
      override read(path: string) {
        if (this.failReads) throw Object.assign(new Error(`EIO: ${path}`), { code: 'EIO' });
        return super.read(path);
      }
    }
    const flaky = new UnreadableLater(clock);
    const lock = acquire(101, { fs: flaky });
    flaky.failReads = true;
    lock.release();
    expect(flaky.text(LOCK)).toBeDefined();
  });

  it('names the other writer in words, and only names a computer that is not this one', () => {
    const here = new HistoryLockedError('/data/history', 4000, hostname());
    expect(here.elsewhere).toBeNull();
    expect(String(here)).toBe(
      'HistoryLockedError: another Vigie process (pid 4000) is already recording history in ' +
        '/data/history; stop it first, or read the history without recording',
    );
    const there = new HistoryLockedError('/data/history', 4000, 'shop-laptop');
    expect(there.elsewhere).toBe('shop-laptop');
    expect(there.message).toMatch(/^another Vigie process \(pid 4000 on shop-laptop\)/);
    expect(new HistoryLockedError('/data/history', 4000).elsewhere).toBeNull();
  });
});

describe('this computer, as the lock sees it', () => {
  it('tells a running process from a gone one', () => {
    expect(realSystem.alive(process.pid)).toBe(true);
    expect(realSystem.alive(2 ** 22 + 12345)).toBe(false);
  });

  it.runIf(process.getuid?.() !== 0)('counts a process of another user (EPERM) as running', () => {
    expect(realSystem.alive(1)).toBe(true);
  });

  it('tells this process’s start from another’s', () => {
    expect(realSystem.start(process.pid)).toBe(processStart(process.pid));
    expect(realSystem.start(process.ppid)).toBe(processStart(process.ppid));
    expect(realSystem.start(process.ppid)).not.toBe(realSystem.start(process.pid));
    // Only this process's own start is kept: each other pid is told afresh.
    expect(realSystem.start(1)).toBe(processStart(1));
  });
});

/** A folder in memory where, after any step of one writer, another may run its whole attempt. */
class PreemptedFs extends MemoryLockFs {
  between: () => void = () => undefined;
  override createNew(path: string, text: string): void {
    super.createNew(path, text);
    this.between();
  }
  override link(from: string, to: string): void {
    super.link(from, to);
    this.between();
  }
  override rename(from: string, to: string): void {
    super.rename(from, to);
    this.between();
  }
  override unlink(path: string): void {
    super.unlink(path);
    this.between();
  }
  override read(path: string): { text: string; ino: number; mtimeMs: number } {
    const found = super.read(path);
    this.between();
    return found;
  }
}

/** A small seeded generator (mulberry32): each trial's interleaving is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A writer that would look again in a moment, while the one it interrupted is frozen mid-step. */
class WouldWait extends Error {}

describe('writers racing for the lock, 200 interleavings each, in memory', () => {
  const TRIALS = 200;
  const WRITERS = [101, 102, 103, 104];
  const starts = {
    none: () => undefined,
    stale: (f: MemoryLockFs) => f.plant(LOCK, lockText(4321, 'boot-1/1')),
    empty: (f: MemoryLockFs) => f.plant(LOCK, '', MINUTE),
    garbage: (f: MemoryLockFs) => f.plant(LOCK, '{"pid":12\u0000', MINUTE),
    reused: (f: MemoryLockFs) => f.plant(LOCK, lockText(4000, 'another-start')),
    'claim left': (f: MemoryLockFs) => {
      f.plant(LOCK, lockText(4321, 'boot-1/1'));
      f.plant(`${LOCK}.${find(f, LOCK)?.key}.claim`, JSON.stringify({ pid: 4322, host: 'till' }));
    },
  } as const;

  it.each(Object.keys(starts) as (keyof typeof starts)[])(
    'on a %s lock: exactly one writer holds it, every other is told who, nothing is left',
    (start) => {
      const faults: string[] = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        clock.now = T0;
        const racing = new PreemptedFs(clock);
        // Every other trial on a file system without hard links (an exclusive create instead).
        racing.noLinks = trial % 2 === 1 ? 'EPERM' : null;
        starts[start](racing);
        const random = seeded(trial + 1);
        const waiting = [...WRITERS];
        const held = new Map<number, HeldLock>();
        const told = new Map<number, number>();
        let depth = 0;
        const run = (pid: number) => {
          depth++;
          try {
            held.set(
              pid,
              acquireLock(DIR, () => clock.now, {
                ...vigie(pid, { fs: racing }),
                // Run inside another writer's step, it cannot wait for that one to go on: it
                // looks again once the others are done.
                sleep: (ms) => {
                  if (depth > 1) throw new WouldWait();
                  clock.now += ms;
                },
              }),
            );
          } catch (error) {
            if (error instanceof HistoryLockedError) told.set(pid, error.pid);
            else if (error instanceof WouldWait) waiting.push(pid);
            else throw error;
          } finally {
            depth--;
          }
        };
        // After any step of a writer, the next one may run its whole attempt (and so on, nested).
        racing.between = () => {
          if (waiting.length > 0 && random() < 0.3) run(waiting.shift()!);
        };
        while (waiting.length > 0) run(waiting.shift()!);
        const winners = [...held.keys()];
        const onDisk = (JSON.parse(racing.text(LOCK) ?? '{}') as { pid?: number }).pid;
        const wrong = [...told].find(([, pid]) => pid !== winners[0]);
        if (winners.length !== 1) faults.push(`trial ${trial}: ${winners.length} writers`);
        else if (onDisk !== winners[0]) faults.push(`trial ${trial}: the lock names ${onDisk}`);
        else if (wrong) faults.push(`trial ${trial}: ${wrong[0]} told pid ${wrong[1]}`);
        racing.between = () => undefined;
        for (const lock of held.values()) lock.release();
        const left = [...racing.files.keys()];
        if (left.length > 0) faults.push(`trial ${trial}: left ${left.join(', ')}`);
      }
      expect(faults).toEqual([]);
    },
  );
});
