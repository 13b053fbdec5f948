// One writer per data folder: a lock file naming the writer (pid, host, a random token), created
// whole in one step (written aside, then hard-linked into place, which fails if a lock exists),
// and kept fresh by a heartbeat. A lock is taken over only when its writer is gone — its process
// no longer exists, or its heartbeat stopped (a pid reused by another program, a writer on another
// computer sharing the folder) — and only atomically (renamed away, checked, then removed), and a
// takeover is always said. A live writer is refused with a clear message.
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { MINUTE } from '../../shared/durations';

/** How often the writer says it is alive, by touching its lock. */
export const HEARTBEAT_MS = MINUTE;
/** A lock not touched for this long belongs to a writer that is gone, whatever its pid says. */
export const STALE_MS = 5 * MINUTE;

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

/** What a lock file says. */
interface Holder {
  readonly pid?: number;
  readonly host?: string;
  readonly since?: string;
  readonly token?: string;
}

/** A lock taken: its release, and what was taken over to get it (said to the user), if anything. */
export interface HeldLock {
  release(): void;
  readonly takeover: string | null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

function readHolder(path: string): { holder: Holder; text: string; touchedAt: number } | null {
  try {
    const text = readFileSync(path, 'utf8');
    const touchedAt = statSync(path).mtimeMs;
    let holder: Holder = {};
    try {
      holder = JSON.parse(text) as Holder;
    } catch {
      // Unreadable (a torn write by an old version): judged by its age alone.
    }
    return { holder, text, touchedAt };
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

/** Creates the lock whole, or returns false if one exists. */
function create(path: string, content: string): boolean {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(aside, content, { flag: 'wx' });
  } catch (error) {
    // A full disk can create the file and refuse its content: leave nothing behind.
    try {
      unlinkSync(aside);
    } catch {
      // Never created.
    }
    throw error;
  }
  try {
    linkSync(aside, path);
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: an exclusive create (a reader may see it empty for a moment,
    // and an empty, fresh lock is taken as held).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS')
      throw error;
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, content);
      closeSync(fd);
      return true;
    } catch (fallback) {
      if ((fallback as { code?: string }).code === 'EEXIST') return false;
      throw fallback;
    }
  } finally {
    try {
      unlinkSync(aside);
    } catch {
      // Already gone.
    }
  }
}

/** Why a lock's writer is gone, in words; null while it is alive. */
function goneBecause(found: { holder: Holder; touchedAt: number }, now: number): string | null {
  const { holder, touchedAt } = found;
  const stale = now - touchedAt > STALE_MS;
  const sameHost = holder.host === undefined || holder.host === hostname();
  if (typeof holder.pid !== 'number')
    return stale ? 'an unreadable lock not touched for minutes' : null;
  if (!sameHost) {
    return stale
      ? `a lock of pid ${holder.pid} on ${holder.host}, silent for ${Math.round((now - touchedAt) / MINUTE)} minutes`
      : null;
  }
  if (holder.pid === process.pid) return null;
  if (!alive(holder.pid)) return '';
  // The pid lives, but a Vigie writer would have touched its lock: another program reuses it.
  return stale ? `a lock of pid ${holder.pid}, now another program's` : null;
}

/** Takes the writer lock of `dir`, or throws HistoryLockedError when a live writer holds it. */
export function acquireLock(dir: string, now: () => number = Date.now): HeldLock {
  const path = join(dir, 'writer.lock');
  const token = randomBytes(8).toString('hex');
  const content = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    since: new Date(now()).toISOString(),
    token,
  });
  let takeover: string | null = null;
  for (let attempt = 0; attempt < 8; attempt++) {
    if (create(path, content)) return held(path, token, takeover);
    const found = readHolder(path);
    if (!found) continue;
    const why = goneBecause(found, now());
    if (why === null) {
      throw new HistoryLockedError(dir, found.holder.pid ?? 0, found.holder.host ?? null);
    }
    // Renamed away in one step: of writers racing for a stale lock, one only moves it.
    const moved = `${path}.stale-${randomBytes(4).toString('hex')}`;
    try {
      renameSync(path, moved);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') continue;
      throw error;
    }
    const taken = readHolder(moved);
    if (taken && taken.text !== found.text) {
      // A live writer took the lock between our look and our move: give it back.
      try {
        linkSync(moved, path);
      } catch {
        // Someone else holds it now; the next attempt will say who.
      }
    } else if (why) {
      takeover = `took over the history lock from ${why}`;
    }
    try {
      unlinkSync(moved);
    } catch {
      // Already gone.
    }
  }
  throw new Error(`could not take the history lock in ${dir}`);
}

/** The lock held: touched every HEARTBEAT_MS, removed on release if it is still ours. */
function held(path: string, token: string, takeover: string | null): HeldLock {
  const heartbeat = setInterval(() => {
    try {
      const at = new Date();
      utimesSync(path, at, at);
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
        const holder = JSON.parse(readFileSync(path, 'utf8')) as Holder;
        if (holder.token === token) unlinkSync(path);
      } catch {
        // Already gone, or no longer ours: nothing to release.
      }
    },
  };
}
