// One writer per data folder: a lock file holding the writer's pid. A lock left by a process that
// no longer exists (killed, crashed) is taken over; a live one refuses with a clear message.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Thrown when another live process already writes this history. */
export class HistoryLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `another Vigie process (pid ${pid}) is already recording history in ${dir}; ` +
        'stop it first, or read the history without recording',
    );
    this.name = 'HistoryLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Takes the writer lock of `dir`; returns the function that releases it. */
export function acquireLock(dir: string): () => void {
  const path = join(dir, 'writer.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(
        fd,
        JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
      );
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as { pid?: number; host?: string };
      } catch {
        // An unreadable lock (torn write) belongs to nobody.
      }
      const sameHost = holder.host === undefined || holder.host === hostname();
      if (
        typeof holder.pid === 'number' &&
        sameHost &&
        (holder.pid === process.pid || alive(holder.pid))
      ) {
        throw new HistoryLockedError(dir, holder.pid);
      }
      unlinkSync(path);
    }
  }
  throw new Error(`could not take the history lock in ${dir}`);
}
