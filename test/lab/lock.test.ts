// One writer per history folder, under races, reused pids and folders shared between computers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, HistoryLockedError, STALE_MS } from '../../main/history/lock';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./lock-child.ts', import.meta.url));
const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A lock file as another writer would have left it, touched `agoMs` ago. */
function plant(dir: string, holder: object, agoMs = 0): void {
  const path = join(dir, 'writer.lock');
  writeFileSync(path, JSON.stringify(holder));
  const at = new Date(Date.now() - agoMs);
  utimesSync(path, at, at);
}

function race(dir: string, writers: number): Promise<string[]> {
  const go = join(dir, 'go');
  const children: ChildProcess[] = [];
  let ready = 0;
  const answers = Array.from({ length: writers }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, go], { cwd: ROOT });
    children.push(child);
    return new Promise<string>((resolve) => {
      let out = '';
      let counted = false;
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        const lines = out.split('\n');
        if (!counted && lines.length > 1) {
          counted = true;
          // Every child spins on the start file once ready: start them all at once.
          if (++ready === writers) writeFileSync(go, '');
        }
        if (lines.length > 2) resolve(lines[1] ?? '');
      });
    });
  });
  return Promise.all(answers).finally(() => {
    for (const child of children) child.stdin?.end();
  });
}

describe('the writer lock', () => {
  it('four writers starting on a stale lock: exactly one writes, the others are told', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const dir = fresh();
      plant(dir, { pid: 2 ** 22 + 12345, host: hostname() });
      const answers = await race(dir, 4);
      expect(answers.filter((a) => a === 'got')).toHaveLength(1);
      expect(answers.filter((a) => a === 'locked')).toHaveLength(3);
    }
  }, 60_000);

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

  it('releasing removes only our own lock, and leaves no file aside', () => {
    const dir = fresh();
    const lock = acquireLock(dir);
    plant(dir, { pid: 4242, host: 'shop-laptop', token: 'theirs' });
    lock.release();
    expect(readdirSync(dir)).toEqual(['writer.lock']);
  });
});
