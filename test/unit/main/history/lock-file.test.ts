// The lock file's mechanism on its own: made whole, taken over only by the one claimant of that
// very file, on the real disk (no file left aside, no descriptor left open, a full disk) and on a
// folder in memory whose operations fail as a user's disk can.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type * as NodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  find,
  nodeLockFs,
  sweep,
  take,
  type Claimant,
  type Found,
  type Verdict,
} from '../../../../main/history/lock-file';
import { MINUTE } from '../../../../shared/durations';
import { MemoryLockFs } from '../../../helpers/memory-lock-fs';

/** A disk that takes no more data (ENOSPC on write) while `full.on`. */
const full = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof NodeFs>();
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (full.on)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return fs.writeSync(...args);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const T0 = Date.UTC(2021, 9, 4, 15, 0);
const dirs: string[] = [];
afterEach(() => {
  full.on = false;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-lock-file-'));
  dirs.push(dir);
  return dir;
};

/** Locks whose text is "gone" are gone; any other is held by its text. */
const judge = (found: Found): Verdict<string> =>
  found.text === 'gone'
    ? { kind: 'gone', why: 'a gone writer' }
    : { kind: 'held', owner: found.text };
const claimant: Claimant = {
  text: 'claim by us',
  judge: (found) => (found.text === 'gone' ? { kind: 'gone', why: '' } : { kind: 'busy' }),
};

describe('the lock file on the real disk', () => {
  it('is made whole, with nothing left beside it', () => {
    const dir = fresh();
    const path = join(dir, 'writer.lock');
    expect(take(nodeLockFs, path, 'ours', judge, claimant)).toEqual({ kind: 'ours', why: '' });
    expect(readFileSync(path, 'utf8')).toBe('ours');
    expect(readdirSync(dir)).toEqual(['writer.lock']);
    expect(take(nodeLockFs, path, 'theirs', judge, claimant)).toEqual({
      kind: 'held',
      owner: 'ours',
    });
  });

  it('a gone lock is replaced in one step, its claim and the new text’s file gone after', () => {
    const dir = fresh();
    const path = join(dir, 'writer.lock');
    writeFileSync(path, 'gone');
    expect(take(nodeLockFs, path, 'ours', judge, claimant)).toEqual({
      kind: 'ours',
      why: 'a gone writer',
    });
    expect(readFileSync(path, 'utf8')).toBe('ours');
    expect(readdirSync(dir)).toEqual(['writer.lock']);
  });

  it('a heartbeat sets the lock’s last touch', () => {
    const path = join(fresh(), 'writer.lock');
    writeFileSync(path, 'ours');
    nodeLockFs.touch(path, T0);
    expect(statSync(path).mtimeMs).toBe(T0);
    expect(find(nodeLockFs, path)?.touchedAt).toBe(T0);
  });

  it('looking at the lock again and again leaves no file open', () => {
    const path = join(fresh(), 'writer.lock');
    writeFileSync(path, 'ours');
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 200; i++) find(nodeLockFs, path);
    expect(open()).toBe(before);
  });

  it('on a full disk: the error, and no empty lock left behind to wait on', () => {
    const dir = fresh();
    full.on = true;
    expect(() => nodeLockFs.createNew(join(dir, 'writer.lock'), 'ours')).toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

const DIR = '/data/history';
const LOCK = `${DIR}/writer.lock`;

describe('the lock file when the disk says no', () => {
  const clock = { now: T0 };
  const failing = (
    code: string,
    op: 'createNew' | 'read' | 'rename',
    on: (path: string) => boolean,
  ) => {
    const fs = new MemoryLockFs(clock);
    const real = fs[op].bind(fs) as unknown as (...args: unknown[]) => unknown;
    Object.assign(fs, {
      [op]: (...args: unknown[]) => {
        const path = String(args[op === 'rename' ? 1 : 0]);
        if (on(path)) throw Object.assign(new Error(`${code}: ${path}`), { code });
        return real(...args);
      },
    });
    return fs;
  };

  it('a hard link refused for another reason than "no hard links here" is said, not worked around', () => {
    const fs = new MemoryLockFs(clock);
    fs.noLinks = 'EACCES';
    expect(() => take(fs, LOCK, 'ours', judge, claimant)).toThrow(/EACCES/);
    expect(fs.text(LOCK)).toBeUndefined();
  });

  it('without hard links, a lock that cannot be created is said (not taken for someone else’s)', () => {
    const fs = failing('ENOSPC', 'createNew', (path) => path === LOCK);
    fs.noLinks = 'EPERM';
    expect(() => take(fs, LOCK, 'ours', judge, claimant)).toThrow(/ENOSPC/);
  });

  it('a lock that cannot be read is said, not taken for no lock', () => {
    const fs = failing('EACCES', 'read', (path) => path === LOCK);
    fs.plant(LOCK, 'theirs');
    expect(() => take(fs, LOCK, 'ours', judge, claimant)).toThrow(/EACCES/);
  });

  it('a takeover whose last step fails is said, and leaves the gone lock and nothing else', () => {
    const fs = failing('EACCES', 'rename', (path) => path === LOCK);
    fs.plant(LOCK, 'gone');
    expect(() => take(fs, LOCK, 'ours', judge, claimant)).toThrow(/EACCES/);
    expect([...fs.files.keys()]).toEqual([LOCK]);
    expect(fs.text(LOCK)).toBe('gone');
  });

  it('follows claims of claims three deep (writers dying mid-takeover), not deeper', () => {
    const chain = (depth: number) => {
      const fs = new MemoryLockFs(clock);
      let path = LOCK;
      fs.plant(path, 'gone');
      for (let i = 0; i < depth; i++) {
        path = `${path}.${find(fs, path)?.key}.claim`;
        fs.plant(path, 'gone');
      }
      return fs;
    };
    const twoDeep = chain(2);
    expect(take(twoDeep, LOCK, 'ours', judge, claimant)).toMatchObject({ kind: 'ours' });
    expect([...twoDeep.files.keys()]).toEqual([LOCK]);
    const threeDeep = chain(3);
    expect(take(threeDeep, LOCK, 'ours', judge, claimant)).toEqual({ kind: 'busy' });
    expect(threeDeep.text(LOCK)).toBe('gone');
  });

  it('tidies what writers left beside the lock once untouched for more than a minute', () => {
    const fs = new MemoryLockFs(clock);
    fs.plant(`${LOCK}.0a1b2c.new`, 'aside', MINUTE);
    fs.plant(`${LOCK}.3d4e5f.new`, 'aside', MINUTE + 1);
    fs.plant(`${DIR}/raw`, 'not ours', 2 * MINUTE);
    sweep(fs, LOCK, clock.now);
    expect([...fs.files.keys()]).toEqual([`${LOCK}.0a1b2c.new`, `${DIR}/raw`]);
  });
});
