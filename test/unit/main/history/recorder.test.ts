// History that cannot be opened at start (a full disk, another Vigie), or whose writes fail, is
// tried again by itself while the checks go on, and the reason is said until it is saved again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE } from '../../../../shared/durations';
import { openHistory } from '../../../../main/history/store';
import { openProblem, Recorder } from '../../../../main/history/recorder';
import { RETRY_DELAYS_MS, RetryGroup } from '../../../../main/history/retry';
import { installFullDisk } from '../../../helpers/full-disk';
import { snapshotAt } from '../../../helpers/snapshots';

const T0 = Date.parse('2026-11-30T09:00:00Z');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-recorder-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('recording when history cannot be opened', () => {
  afterEach(() => vi.useRealTimers());

  it('a full disk at start is said, tried again by itself with back-off, and recording starts once space is back', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const disk = installFullDisk(dir);
    try {
      disk.full = true;
      const problems: (string | null)[] = [];
      const recorder = new Recorder({ dir });
      recorder.onProblem((p) => problems.push(p?.code ?? null));
      expect(recorder.store).toBeNull();
      expect(recorder.problem?.message).toBe(
        `history not saved: the disk holding ${dir} is full; free some space. Vigie keeps checking.`,
      );
      // Tried again after 1 s, then 2 s: still full.
      await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]! + RETRY_DELAYS_MS[1]!);
      expect(disk.refused).toBeGreaterThanOrEqual(3);
      expect(recorder.store).toBeNull();
      disk.full = false;
      // The next try (5 s later) opens it, with no check needed to trigger it.
      await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[2]!);
      expect(recorder.store).not.toBeNull();
      expect(recorder.problem).toBeNull();
      expect(problems).toEqual([null]);
      recorder.recordSnapshot(snapshotAt(Date.now(), { chat: { state: 'down' } }));
      expect(recorder.store?.incidents().map((i) => i.serviceId)).toEqual(['chat']);
      recorder.close();
    } finally {
      disk.uninstall();
    }
  });

  it('a write refused once the history is open is written by itself when space is back, and only then said saved', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const disk = installFullDisk(dir);
    try {
      const problems: (string | null)[] = [];
      const recorder = new Recorder({ dir });
      recorder.onProblem((p) => problems.push(p?.code ?? null));
      recorder.recordSnapshot(snapshotAt(T0, { chat: { state: 'up' } }));
      disk.full = true;
      recorder.recordSnapshot(snapshotAt(T0 + MINUTE, { chat: { state: 'down' } }));
      expect(recorder.problem?.code).toBe('DISK_FULL');
      await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]!);
      expect(recorder.problem?.code).toBe('DISK_FULL');
      disk.full = false;
      await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1]!);
      expect(recorder.problem).toBeNull();
      expect(problems).toEqual(['DISK_FULL', null]);
      // What the full disk refused is on disk: the sample and the incident it opened.
      const reader = openHistory({ dir, readOnly: true, now: () => T0 + 2 * MINUTE });
      expect(reader.incidents().map((i) => i.serviceId)).toEqual(['chat']);
      expect(reader.uptime('chat', T0 + 2 * MINUTE)[0]).toMatchObject({ up: 1, down: 1 });
      reader.close();
      recorder.close();
    } finally {
      disk.uninstall();
    }
  });

  it('a write that works elsewhere on the disk makes history try at once, whatever its back-off', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const disk = installFullDisk(dir);
    try {
      disk.full = true;
      const group = new RetryGroup();
      const recorder = new Recorder({ dir, retries: group });
      // Full for a while: the next try is 15 s away.
      await vi.advanceTimersByTimeAsync(
        RETRY_DELAYS_MS[0]! + RETRY_DELAYS_MS[1]! + RETRY_DELAYS_MS[2]!,
      );
      expect(recorder.store).toBeNull();
      disk.full = false;
      const runs = group.retry(() => undefined);
      runs.worked();
      expect(recorder.store).not.toBeNull();
      expect(recorder.problem).toBeNull();
      recorder.close();
    } finally {
      disk.uninstall();
    }
  });

  it('another Vigie recording there is said, and its lock is taken once it has stopped', () => {
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout'] });
    let now = T0;
    const other = openHistory({ dir, now: () => now });
    const recorder = new Recorder({ dir, now: () => now });
    expect(recorder.problem?.code).toBe('LOCKED');
    expect(recorder.problem?.message).toMatch(
      /^history not saved: another Vigie process \(pid \d+\)/,
    );
    other.close();
    now += MINUTE;
    vi.advanceTimersByTime(MINUTE);
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
