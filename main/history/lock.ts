// One writer per data folder: a lock file naming its writer (pid, the start time of that process,
// host, a random token), made whole and taken over atomically (see lock-file.ts), and kept fresh by
// a heartbeat. A lock's writer is gone when its process no longer exists, when its pid now names
// another process (a start time that differs: a pid reused after a reboot, or a container started
// again with the same pid as ours), when it is unreadable and older than a few seconds (a crash
// between creating it and writing it), or, where the start time cannot be told (another computer
// sharing the folder, an older lock), when its heartbeat has stopped. A gone writer's lock is taken
// over and said; a live writer is refused with a message naming it; writers racing for a lock that
// is mid-way look again until one of them owns it.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { MINUTE, SECOND } from '../../shared/durations';
import { nodeLockFs, sweep, take, type Found, type LockFs, type Verdict } from './lock-file';
import { processStart } from './process-start';

/** How often the writer says it is alive, by touching its lock. */
export const HEARTBEAT_MS = MINUTE;
/** A lock not touched for this long, whose writer cannot be told otherwise, belongs to a writer that is gone. */
export const STALE_MS = 5 * MINUTE;
/** An unreadable lock (empty, damaged) this old is no writer's; younger, its writer may be writing it. */
export const UNREADABLE_MS = 5 * SECOND;
/** How long a writer looks again at a lock that is mid-way before giving up. */
export const WAIT_MS = 3 * UNREADABLE_MS;

/** Thrown when another live process already writes this history. */
export class HistoryLockedError extends Error {
  /** The other computer the writer runs on, or null when it is this one (or not said). */
  readonly elsewhere: string | null;

  constructor(
    readonly dir: string,
    readonly pid: number,
    readonly host: string | null = null,
  ) {
    const elsewhere = host && host !== hostname() ? host : null;
    super(
      `another Vigie process (pid ${pid}${elsewhere ? ` on ${elsewhere}` : ''}) is already recording history in ${dir}; ` +
        'stop it first, or read the history without recording',
    );
    this.elsewhere = elsewhere;
    this.name = 'HistoryLockedError';
  }
}

/** A lock taken: its release, and what was taken over to get it (said to the user), if anything. */
export interface HeldLock {
  release(): void;
  readonly takeover: string | null;
}

/** The process and system a lock is taken on; handed in so tests can play other writers. */
export interface LockSystem {
  readonly fs: LockFs;
  readonly pid: number;
  readonly host: string;
  now(): number;
  /** Whether a process with this pid exists (on this computer). */
  alive(pid: number): boolean;
  /** When a process started, as an opaque string; null when it cannot be told. */
  start(pid: number): string | null;
  /** Blocks for `ms` (the lock is taken synchronously, when a history opens). */
  sleep(ms: number): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** This process's start, told once (on Windows each telling runs PowerShell). */
let ownStart: string | null | undefined;

/** This process, this computer, the real file system. */
export const realSystem: LockSystem = {
  fs: nodeLockFs,
  pid: process.pid,
  host: hostname(),
  now: Date.now,
  alive,
  start: (pid) => (pid === process.pid ? (ownStart ??= processStart(pid)) : processStart(pid)),
  sleep: (ms) => void Atomics.wait(sleeper, 0, 0, ms),
};

/** What a lock or a claim says: its writer. */
interface Holder {
  readonly pid: number;
  readonly host?: string;
  readonly start?: string;
  readonly token?: string;
}

/** The writer a lock names, or null when it names none (empty, damaged, not ours). */
function holderOf(text: string): Holder | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { pid, host, start, token } = data as Record<string, unknown>;
  // A pid of 0 or below would name a process group to process.kill.
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return null;
  const text_ = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { pid, host: text_(host), start: text_(start), token: text_(token) };
}

const minutes = (ms: number) => Math.round(ms / MINUTE);
const age = (ms: number) =>
  ms < 2 * MINUTE ? `${Math.round(ms / SECOND)} s` : `${minutes(ms)} minutes`;

/** Whether the writer a lock names is gone; held or gone by its start time, else by its heartbeat. */
function judgeLock(system: LockSystem, found: Found, ownStart: string | null): Verdict<Holder> {
  const since = system.now() - found.touchedAt;
  const holder = holderOf(found.text);
  if (holder === null) {
    // Being written now (touched within seconds, either way: a clock set back must not block).
    if (Math.abs(since) <= UNREADABLE_MS) return { kind: 'busy' };
    const what = found.text.trim() === '' ? 'an empty lock file' : 'an unreadable lock file';
    const when =
      since < 0 ? `dated ${age(-since)} ahead of this clock` : `untouched for ${age(since)}`;
    return { kind: 'gone', why: `${what}, ${when}` };
  }
  const { pid, host, start } = holder;
  const held = { kind: 'held', owner: holder } as const;
  if (host !== undefined && host !== system.host) {
    if (since <= STALE_MS) return held;
    return {
      kind: 'gone',
      why: `a lock of pid ${pid} on ${host}, silent for ${minutes(since)} minutes`,
    };
  }
  if (pid === system.pid) {
    const told = start !== undefined && ownStart !== null;
    if (told ? start === ownStart : since <= STALE_MS) return held;
    return {
      kind: 'gone',
      why: `a lock of pid ${pid} (this process's number) left by an earlier process`,
    };
  }
  if (!system.alive(pid)) return { kind: 'gone', why: '' };
  const now = start === undefined ? null : system.start(pid);
  if (now === null ? since <= STALE_MS : now === start) return held;
  return { kind: 'gone', why: `a lock of pid ${pid}, now another program's` };
}

/** Whether the writer that claimed a gone lock is still at it (a takeover takes milliseconds). */
function judgeClaim(system: LockSystem, found: Found): Verdict<never> {
  const since = system.now() - found.touchedAt;
  const claimer = holderOf(found.text);
  const gone = { kind: 'gone', why: '' } as const;
  const fresh = Math.abs(since) <= UNREADABLE_MS ? ({ kind: 'busy' } as const) : gone;
  if (claimer === null || (claimer.host !== undefined && claimer.host !== system.host))
    return fresh;
  // Ours, left by an attempt of this process that failed: claims are only made synchronously.
  if (claimer.pid === system.pid || !system.alive(claimer.pid)) return gone;
  const now = claimer.start === undefined ? null : system.start(claimer.pid);
  if (now === null) return fresh;
  return now === claimer.start ? { kind: 'busy' } : gone;
}

/**
 * Takes the writer lock of `dir`, or throws HistoryLockedError naming the live writer that holds
 * it. Writers racing for it look again (for up to WAIT_MS) until one owns it.
 */
export function acquireLock(
  dir: string,
  now: () => number = Date.now,
  system: Partial<LockSystem> = {},
): HeldLock {
  const sys: LockSystem = { ...realSystem, now, ...system };
  const path = join(dir, 'writer.lock');
  const ownStart = sys.start(sys.pid);
  const token = randomBytes(8).toString('hex');
  const who = { pid: sys.pid, host: sys.host, ...(ownStart === null ? {} : { start: ownStart }) };
  const text = JSON.stringify({ ...who, since: new Date(sys.now()).toISOString(), token });
  const claimant = {
    text: JSON.stringify({ ...who, token: randomBytes(8).toString('hex') }),
    judge: (found: Found) => judgeClaim(sys, found),
  };
  const deadline = sys.now() + WAIT_MS;
  for (;;) {
    const outcome = take(sys.fs, path, text, (found) => judgeLock(sys, found, ownStart), claimant);
    if (outcome.kind === 'ours') {
      sweep(sys.fs, path, sys.now());
      return held(
        sys,
        path,
        token,
        outcome.why ? `took over the history lock from ${outcome.why}` : null,
      );
    }
    if (outcome.kind === 'held') {
      const { pid, host } = outcome.owner;
      throw new HistoryLockedError(dir, pid, host !== undefined && host !== sys.host ? host : null);
    }
    if (sys.now() > deadline) {
      throw new Error(
        `could not take the history lock in ${dir}: another writer is still taking it`,
      );
    }
    // Someone is mid-way (writing a lock, or replacing a gone one): look again in a moment.
    sys.sleep(1 + Math.floor(Math.random() * 10));
  }
}

/** Whether the lock at `path` is still the one with `token`. */
function ours(sys: LockSystem, path: string, token: string): boolean {
  try {
    return holderOf(sys.fs.read(path).text)?.token === token;
  } catch {
    return false;
  }
}

/** The lock held: touched every HEARTBEAT_MS while it is ours, removed on release if it still is. */
function held(sys: LockSystem, path: string, token: string, takeover: string | null): HeldLock {
  const heartbeat = setInterval(() => {
    try {
      if (ours(sys, path, token)) sys.fs.touch(path, sys.now());
    } catch {
      // A full or read-only disk: the lock simply ages; the store reports write problems itself.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    takeover,
    release() {
      clearInterval(heartbeat);
      try {
        if (ours(sys, path, token)) sys.fs.unlink(path);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
