// The writer lock on a file system without hard links (exFAT, some network shares): node's own
// link() fails there, and the lock is made by an exclusive create instead, on the real disk.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type * as NodeFs from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireLock, HistoryLockedError } from '../../main/history/lock';

const noLinks = vi.hoisted(() => ({ code: 'EPERM', tries: 0 }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof NodeFs>();
  const linkSync = () => {
    noLinks.tries++;
    throw Object.assign(new Error(`${noLinks.code}: operation not permitted, link`), {
      code: noLinks.code,
    });
  };
  return { ...fs, default: { ...fs, linkSync }, linkSync };
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a file system without hard links', () => {
  it.each(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS'])(
    'link fails with %s: one writer, whole lock, others told',
    (code) => {
      noLinks.code = code;
      const dir = mkdtempSync(join(tmpdir(), 'vigie-nolink-'));
      dirs.push(dir);
      noLinks.tries = 0;
      const lock = acquireLock(dir);
      expect(noLinks.tries).toBeGreaterThan(0);
      const held = JSON.parse(readFileSync(join(dir, 'writer.lock'), 'utf8')) as object;
      expect(held).toMatchObject({ pid: process.pid, host: hostname() });
      expect(() => acquireLock(dir)).toThrow(HistoryLockedError);
      expect(readdirSync(dir)).toEqual(['writer.lock']);
      lock.release();
      expect(readdirSync(dir)).toEqual([]);
    },
  );
});
