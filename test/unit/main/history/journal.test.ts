// A journal append is whole or absent: a write the disk cuts short never glues itself to the next.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsModule from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The disk, as the journal sees it: 'cut' makes the next write stop halfway and the one after
// fail with ENOSPC (the disk filled up mid-line); then space is back.
const disk = vi.hoisted(() => ({ mode: 'ok' as 'ok' | 'cut' | 'full' }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof FsModule>();
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (disk.mode === 'ok') return fs.writeSync(...args);
    if (disk.mode === 'full') {
      disk.mode = 'ok';
      const full: NodeJS.ErrnoException = new Error('ENOSPC: no space left on device, write');
      full.code = 'ENOSPC';
      throw full;
    }
    disk.mode = 'full';
    // The journal always writes a buffer, an offset, a length and a position.
    const [fd, buffer, offset, length, position] = args as unknown as [
      number,
      Buffer,
      number,
      number,
      number,
    ];
    return fs.writeSync(fd, buffer, offset, Math.floor(length / 2), position);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { JournalWriter, readJournal } = await import('../../../../main/history/journal');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('journal appends', () => {
  it('a line cut short by a full disk is gone, and the next entry is whole', () => {
    const path = join(dir, 'incidents.journal');
    const writer = new JournalWriter(path);
    writer.append({ n: 1 });
    disk.mode = 'cut';
    expect(() => writer.append({ n: 2, text: 'x'.repeat(200) })).toThrow(/no space/);
    writer.append({ n: 3 });
    writer.close();
    expect(readJournal(path)).toEqual({ entries: [{ n: 1 }, { n: 3 }], skipped: 0 });
  });

  it('a line torn by a crash is cut off when the journal is opened again', () => {
    const path = join(dir, 'incidents.journal');
    const writer = new JournalWriter(path);
    writer.append({ n: 1 }, { n: 2 });
    writer.close();
    const whole = readFileSync(path, 'utf8');
    writeFileSync(path, whole + '{"n":3,"torn');
    const next = new JournalWriter(path);
    next.append({ n: 4 });
    next.close();
    expect(readJournal(path)).toEqual({ entries: [{ n: 1 }, { n: 2 }, { n: 4 }], skipped: 0 });
  });
});
