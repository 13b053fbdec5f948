// History that cannot be opened at start (a full disk, another Vigie) is tried again while the
// checks go on, and the reason is said until it is saved again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../../shared/durations';
import { openHistory, type HistoryOptions } from '../../../../main/history/store';
import { openProblem, Recorder, REOPEN_AFTER_MS } from '../../../../main/history/recorder';
import { snapshotAt } from '../../../helpers/snapshots';

const T0 = Date.parse('2026-11-30T09:00:00Z');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-recorder-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fullDisk(): never {
  const error: NodeJS.ErrnoException = new Error('ENOSPC: no space left on device, open');
  error.code = 'ENOSPC';
  throw error;
}

describe('recording when history cannot be opened', () => {
  it('a full disk at start is said, retried each minute, and recording starts once space is back', () => {
    let now = T0;
    let space = false;
    const problems: (string | null)[] = [];
    const recorder = new Recorder({
      dir,
      now: () => now,
      open: (options: HistoryOptions) => (space ? openHistory(options) : fullDisk()),
    });
    recorder.onProblem((p) => problems.push(p?.code ?? null));
    expect(recorder.store).toBeNull();
    expect(recorder.problem?.message).toBe(
      `history not saved: the disk holding ${dir} is full; free some space. Vigie keeps checking.`,
    );
    recorder.recordSnapshot(snapshotAt(now, { chat: { state: 'down' } }));
    space = true;
    // Not before a minute has passed since the last try.
    now += REOPEN_AFTER_MS - 1;
    recorder.recordSnapshot(snapshotAt(now, { chat: { state: 'down' } }));
    expect(recorder.store).toBeNull();
    now += 1;
    recorder.recordSnapshot(snapshotAt(now, { chat: { state: 'down' } }));
    expect(recorder.problem).toBeNull();
    expect(problems).toEqual([null]);
    now += MINUTE;
    recorder.recordSnapshot(snapshotAt(now, { chat: { state: 'down' } }));
    expect(recorder.store?.incidents().map((i) => i.serviceId)).toEqual(['chat']);
    recorder.close();
  });

  it('another Vigie recording there is said, and its lock is taken once it has stopped', () => {
    let now = T0;
    const other = openHistory({ dir, now: () => now });
    const recorder = new Recorder({ dir, now: () => now });
    expect(recorder.problem?.code).toBe('LOCKED');
    expect(recorder.problem?.message).toMatch(
      /^history not saved: another Vigie process \(pid \d+\)/,
    );
    other.close();
    now += REOPEN_AFTER_MS;
    recorder.recordSnapshot(snapshotAt(now, { chat: { state: 'up' } }));
    expect(recorder.store).not.toBeNull();
    expect(recorder.problem).toBeNull();
    recorder.close();
  });

  it('a data folder that cannot be made says why in words, not as a raw error code', () => {
    // A folder whose path goes through a file: ENOTDIR (works even as root, unlike permissions).
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const recorder = new Recorder({ dir: join(file, 'data'), now: () => T0 });
    expect(recorder.problem?.code).toBe('WRITE_FAILED');
    expect(recorder.problem?.message).toBe(
      `history not saved: part of ${join(file, 'data')} is a file, not a folder; choose another folder with --data. Vigie keeps checking.`,
    );
    recorder.close();
  });

  it('a data folder whose parent cannot hold folders (mkdir says ENOENT: /proc, an unmounted disk)', () => {
    const error = Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    expect(openProblem(error, '/proc/vigie', T0).message).toBe(
      'history not saved: /proc/vigie cannot be made there (its parent cannot hold folders, or a disk is not mounted); choose another folder with --data. Vigie keeps checking.',
    );
  });
});
