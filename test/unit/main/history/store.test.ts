// The history store as a user's data lives in it: recorded, queried, reopened, damaged, full.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../../../shared/durations';
import { HistoryLockedError } from '../../../../main/history/lock';
import { ENDED_UNSEEN } from '../../../../main/history/incidents';
import { openHistory, type HistoryStore } from '../../../../main/history/store';
import { dayName } from '../../../../main/history/segments';
import { snapshotAt, type ServiceSpec } from '../../../helpers/snapshots';

const T0 = Date.parse('2021-10-04T12:00:00Z');
let dir: string;
let open: HistoryStore[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-history-'));
  open = [];
});
afterEach(() => {
  for (const store of open) store.close();
  rmSync(dir, { recursive: true, force: true });
});

function history(now: number, options: { readOnly?: boolean } = {}): HistoryStore {
  const store = openHistory({ dir, now: () => now, ...options });
  open.push(store);
  return store;
}

function closeAll(): void {
  for (const store of open.splice(0)) store.close();
}

/** One sample a minute from `from` for `minutes`, the state decided per minute. */
function record(
  store: HistoryStore,
  from: number,
  minutes: number,
  spec: (minute: number) => Record<string, ServiceSpec>,
): number {
  let at = from;
  for (let m = 0; m < minutes; m++) {
    at = from + m * MINUTE;
    store.recordSnapshot(snapshotAt(at, spec(m)));
  }
  return at;
}

describe('recording and answering', () => {
  it('4 Oct 2021: uptime, the day cell, latency and the incident of a 6-hour outage', () => {
    const start = T0 - 12 * HOUR;
    const store = history(start);
    const outage = (m: number) => m >= 6 * 60 && m < 12 * 60;
    const last = record(store, start, 24 * 60, (m) => ({
      facebook: outage(m)
        ? { state: 'down', since: start + 6 * HOUR, official: { title: 'Facebook is down' } }
        : { state: 'up', latencyMs: 100 + (m % 10), since: start + 12 * HOUR },
      signal: { state: 'up', latencyMs: 50 },
    }));
    const [day, week] = store.uptime('facebook', last + MINUTE);
    expect(day).toMatchObject({ up: 18 * 60, down: 6 * 60, degraded: 0 });
    expect(day?.ratio).toBeCloseTo(0.75, 5);
    expect(week?.ratio).toBeCloseTo(0.75, 5);
    expect(store.uptime('signal', last + MINUTE)[0]?.ratio).toBe(1);

    const incidents = store.incidents({ serviceId: 'facebook' });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      start: start + 6 * HOUR,
      end: start + 12 * HOUR,
      worstState: 'down',
      cause: 'provider',
      endNote: null,
      messages: [{ title: 'Facebook is down', seenAt: start + 6 * HOUR }],
    });
    expect(incidents[0]?.evidenceAtStart[0]).toMatchObject({ kind: 'http', code: 'TIMEOUT' });

    const series = store.latencySeries('facebook', last - 3 * HOUR, last + MINUTE, last);
    expect(series.resolution).toBe('raw');
    expect(series.points).toHaveLength(3 * 60 + 1);
    const day5m = store.latencySeries('facebook', last - DAY, last + MINUTE, last);
    expect(day5m.resolution).toBe('5m');
    expect(day5m.points.every((p) => p.p50 >= 100 && p.p95 <= 109 && p.max <= 109)).toBe(true);
  });

  it('90 daily cells, oldest first, with the worst state of each day and no data before it began', () => {
    const store = history(T0);
    record(store, T0 - 2 * DAY, 3, () => ({ chat: { state: 'up' } }));
    record(store, T0 - DAY, 3, (m) => ({ chat: { state: m === 1 ? 'degraded' : 'up' } }));
    record(store, T0, 3, () => ({ chat: { state: 'up' } }));
    const cells = store.dailyCells('chat', 90, T0 + 3 * MINUTE);
    expect(cells).toHaveLength(90);
    expect(cells.slice(-3).map((c) => c.state)).toEqual(['up', 'degraded', 'up']);
    expect(cells.at(-2)).toMatchObject({ up: 2, degraded: 1 });
    expect(cells[0]?.state).toBe('none');
    expect(cells.at(-1)!.day).toBeLessThanOrEqual(T0);
  });

  it('counts the bytes used per day, connectivity included', () => {
    const store = history(T0);
    record(store, T0, 10, () => ({ chat: { state: 'up' } }));
    const days = store.bytesPerDay(2, T0 + 10 * MINUTE);
    expect(days.at(-1)?.bytes).toBe(10 * 400);
  });

  it('says what one cycle costs on average, for the month estimate the settings show', () => {
    const store = history(T0);
    expect(store.bytesPerCycle(T0)).toBeNull();
    // Ten cycles of two services: 400 bytes each, so 800 a cycle.
    record(store, T0, 10, () => ({ chat: { state: 'up' }, mail: { state: 'up' } }));
    expect(store.bytesPerCycle(T0 + 10 * MINUTE)).toBe(800);
  });
});

describe('across restarts', () => {
  it('a reopened store answers the same, open buckets rebuilt from raw samples', () => {
    const store = history(T0);
    const last = record(store, T0, 90, (m) => ({
      chat: { state: m % 30 === 0 ? 'degraded' : 'up' },
    }));
    const before = store.uptime('chat', last + MINUTE);
    const cellsBefore = store.dailyCells('chat', 3, last + MINUTE);
    closeAll();
    const reopened = history(last + MINUTE);
    expect(reopened.warnings).toEqual([]);
    expect(reopened.uptime('chat', last + MINUTE)).toEqual(before);
    expect(reopened.dailyCells('chat', 3, last + MINUTE)).toEqual(cellsBefore);
    // New samples continue the same buckets.
    reopened.recordSnapshot(snapshotAt(last + MINUTE, { chat: { state: 'up' } }));
    expect(reopened.uptime('chat', last + 2 * MINUTE)[0]).toMatchObject({ up: 88, degraded: 3 });
  });

  it('weeks recorded before a restart are all there when first asked for, after new samples, once each', () => {
    // One sample every 10 minutes for 20 days: day 5 was a bad day.
    let store = history(T0);
    for (let at = T0; at < T0 + 20 * DAY; at += 10 * MINUTE) {
      const bad = at >= T0 + 5 * DAY && at < T0 + 6 * DAY;
      store.recordSnapshot(snapshotAt(at, { chat: { state: bad ? 'down' : 'up' } }));
    }
    const end = T0 + 20 * DAY;
    const cells = store.dailyCells('chat', 30, end);
    const uptime = store.uptime('chat', end);
    closeAll();
    store = history(end);
    // Recording goes on before anything asks for the older days.
    store.recordSnapshot(snapshotAt(end, { chat: { state: 'up' } }));
    const after = store.dailyCells('chat', 30, end + MINUTE);
    expect(after.map((c) => c.state)).toEqual(cells.map((c) => c.state));
    expect(after.filter((c) => c.state === 'down').length).toBeGreaterThan(0);
    const [, week, month] = store.uptime('chat', end + MINUTE);
    expect(month?.down).toBe(uptime[2]?.down);
    expect(month?.up).toBe((uptime[2]?.up ?? 0) + 1);
    expect(week?.down).toBe(0);
  });

  it('an incident stays open across a restart and closes on the first up verdict', () => {
    const store = history(T0);
    record(store, T0, 5, () => ({ chat: { state: 'down', since: T0 } }));
    closeAll();
    const reopened = history(T0 + 6 * MINUTE);
    expect(reopened.incidents()[0]).toMatchObject({ end: null });
    reopened.recordSnapshot(
      snapshotAt(T0 + 6 * MINUTE, { chat: { state: 'up', since: T0 + 6 * MINUTE } }),
    );
    expect(reopened.incidents()[0]).toMatchObject({
      start: T0,
      end: T0 + 6 * MINUTE,
      endNote: null,
    });
  });

  it('an incident never ends before it began, whatever the verdict says about since when', () => {
    const store = history(T0);
    record(store, T0, 3, () => ({ chat: { state: 'down', since: T0 } }));
    // An "up since" from before the outage (a stale or wrong clock) closes it where it began.
    store.recordSnapshot(snapshotAt(T0 + 3 * MINUTE, { chat: { state: 'up', since: T0 - HOUR } }));
    expect(store.incidents()[0]).toMatchObject({ start: T0, end: T0 });
  });

  it('an incident whose end was never seen is closed honestly at the next start', () => {
    const store = history(T0);
    record(store, T0, 5, () => ({ chat: { state: 'down', since: T0 } }));
    closeAll();
    const later = T0 + 3 * HOUR;
    const reopened = history(later);
    reopened.recordSnapshot(snapshotAt(later, { chat: { state: 'up', since: later } }));
    expect(reopened.incidents()[0]).toMatchObject({ end: T0 + 4 * MINUTE, endNote: ENDED_UNSEEN });
  });
});

describe('one writer', () => {
  it('refuses a second writer with a clear message; readers still work', () => {
    const writer = history(T0);
    record(writer, T0, 3, () => ({ chat: { state: 'up' } }));
    expect(() => openHistory({ dir, now: () => T0 })).toThrow(HistoryLockedError);
    expect(() => openHistory({ dir, now: () => T0 })).toThrow(
      /another Vigie process \(pid \d+\) is already recording/,
    );
    const reader = history(T0 + 3 * MINUTE, { readOnly: true });
    expect(reader.uptime('chat', T0 + 3 * MINUTE)[0]).toMatchObject({ up: 3 });
    expect(() => reader.recordSnapshot(snapshotAt(T0, {}))).toThrow(/read-only/);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    mkdirSync(join(dir, 'history'), { recursive: true });
    writeFileSync(join(dir, 'history', 'writer.lock'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    expect(() => history(T0)).not.toThrow();
  });
});

describe('damage', () => {
  function rawFile(): string {
    return join(dir, 'history', 'raw', `${dayName(T0)}.vgh`);
  }

  it('skips a corrupt record with a warning and loads everything else', () => {
    record(history(T0), T0, 10, () => ({ chat: { state: 'up' } }));
    closeAll();
    const bytes = readFileSync(rawFile());
    // Records alternate connectivity and chat: the 6th is chat's 3rd sample.
    const at = 16 + 32 * 5 + 10;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    writeFileSync(rawFile(), bytes);
    const reopened = history(T0 + 10 * MINUTE);
    expect(reopened.warnings).toEqual([`raw/${dayName(T0)}.vgh: 1 corrupt record skipped`]);
    const total = reopened.uptime('chat', T0 + 10 * MINUTE)[0]!;
    expect(total.up).toBe(9);
  });

  it('skips a torn last record, and the next writer stays aligned', () => {
    record(history(T0), T0, 4, () => ({ chat: { state: 'up' } }));
    closeAll();
    const bytes = readFileSync(rawFile());
    writeFileSync(rawFile(), bytes.subarray(0, bytes.length - 7));
    const reopened = history(T0 + 4 * MINUTE);
    expect(reopened.warnings.some((w) => w.includes('torn record'))).toBe(true);
    record(reopened, T0 + 4 * MINUTE, 2, () => ({ chat: { state: 'up' } }));
    closeAll();
    const again = history(T0 + 6 * MINUTE);
    // 4 written, the 4th torn (it was the connectivity record or chat's: one of the 8 is lost).
    expect(again.uptime('chat', T0 + 6 * MINUTE)[0]!.up).toBeGreaterThanOrEqual(5);
    expect(again.warnings).toEqual([`raw/${dayName(T0)}.vgh: 1 corrupt record skipped`]);
  });

  it('keeps a file it cannot read aside and carries on', () => {
    mkdirRaw();
    writeFileSync(rawFile(), 'this is not a history file at all');
    const store = history(T0);
    expect(store.warnings).toEqual([
      `raw/${dayName(T0)}.vgh: not a Vigie history file (bad header); skipped`,
    ]);
    record(store, T0, 2, () => ({ chat: { state: 'up' } }));
    expect(readdirSync(join(dir, 'history', 'raw')).some((n) => n.includes('.unreadable-'))).toBe(
      true,
    );
  });

  it('one flipped byte in a day file header costs no record of that day', () => {
    record(history(T0), T0, 30, () => ({ chat: { state: 'up' } }));
    closeAll();
    const bytes = readFileSync(rawFile());
    bytes[2] = (bytes[2] ?? 0) ^ 0x01;
    writeFileSync(rawFile(), bytes);
    const reopened = history(T0 + 30 * MINUTE);
    // 30 cycles of two records each (connectivity and chat).
    expect(reopened.warnings).toEqual([
      `raw/${dayName(T0)}.vgh: damaged header; 60 records read by their checksums`,
    ]);
    expect(reopened.latencySeries('chat', T0, T0 + 30 * MINUTE).points).toHaveLength(30);
    // The next writer repairs the header and appends after the day's records.
    reopened.recordSnapshot(snapshotAt(T0 + 30 * MINUTE, { chat: { state: 'up' } }));
    closeAll();
    const again = history(T0 + 31 * MINUTE);
    expect(again.warnings).toEqual([]);
    expect(again.latencySeries('chat', T0, T0 + 31 * MINUTE).points).toHaveLength(31);
  });

  it('a damaged line of the service dictionary orphans none of its records', () => {
    record(history(T0), T0, 10, () => ({ chat: { state: 'up' }, mail: { state: 'down' } }));
    closeAll();
    const path = join(dir, 'history', 'services.journal');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"mail"', '"mall"'));
    const reopened = history(T0 + 10 * MINUTE);
    expect(reopened.warnings).toEqual([
      'services.journal: 1 damaged line skipped; services.json had them',
    ]);
    expect(reopened.services().sort()).toEqual(['chat', 'mail']);
    expect(reopened.uptime('mail', T0 + 10 * MINUTE)[0]).toMatchObject({ down: 10 });
  });

  it('a damaged incidents journal line is skipped; the rest loads', () => {
    const store = history(T0);
    record(store, T0, 2, () => ({ chat: { state: 'down' }, mail: { state: 'down' } }));
    closeAll();
    const path = join(dir, 'history', 'incidents.journal');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[0] = lines[0]!.replace('"chat"', '"chot"');
    writeFileSync(path, lines.join('\n'));
    const reopened = history(T0 + 2 * MINUTE);
    expect(reopened.warnings).toEqual(['incidents.journal: 1 damaged line skipped']);
    expect(reopened.incidents().map((i) => i.serviceId)).toEqual(['mail']);
  });

  function mkdirRaw(): void {
    history(T0 - DAY).close();
    open.pop();
  }
});

describe('retention', () => {
  it('keeps raw samples 48 h, 5-minute rollups 14 days, hourly rollups 90 days', () => {
    let now = T0 - 100 * DAY;
    const store = openHistory({ dir, now: () => now });
    open.push(store);
    for (let hour = 0; hour < 100 * 24; hour++) {
      now = T0 - 100 * DAY + hour * HOUR;
      store.recordSnapshot(snapshotAt(now, { chat: { state: 'up' } }));
    }
    store.compact(now);
    const days = (kind: string) => readdirSync(join(dir, 'history', kind)).length;
    expect(days('raw')).toBeLessThanOrEqual(3);
    expect(days('r5m')).toBeLessThanOrEqual(15);
    expect(days('r1h')).toBeLessThanOrEqual(91);
    expect(store.uptime('chat', now)[3]!.up).toBeGreaterThanOrEqual(89 * 24);
    expect(store.uptime('chat', now)[3]!.up).toBeLessThanOrEqual(91 * 24);
    expect(store.latencySeries('chat', now - 30 * DAY, now, now).resolution).toBe('1h');
  });
});

describe('trouble', () => {
  it('a full disk gives a clear error, and recording resumes when space is back', () => {
    const store = history(T0);
    const problems: (string | null)[] = [];
    store.onProblem((p) => problems.push(p?.code ?? null));
    record(store, T0, 1, () => ({ chat: { state: 'up' } }));
    store.close();
    open.pop();
    // /dev/full answers every write with ENOSPC, like a full disk.
    const path = join(dir, 'history', 'raw', `${dayName(T0)}.vgh`);
    const saved = readFileSync(path);
    unlinkSync(path);
    symlinkSync('/dev/full', path);
    const full = history(T0 + MINUTE);
    full.onProblem((p) => problems.push(p?.code ?? null));
    expect(() =>
      full.recordSnapshot(snapshotAt(T0 + MINUTE, { chat: { state: 'up' } })),
    ).not.toThrow();
    expect(full.problem).toMatchObject({ code: 'DISK_FULL' });
    expect(full.problem?.message).toMatch(
      /the disk holding .* is full; free some space\. Vigie keeps checking/,
    );
    // The first sample's file is the one that became /dev/full: only the new one is known now.
    expect(full.uptime('chat', T0 + 2 * MINUTE)[0]!.up).toBe(1);
    full.close();
    open.pop();
    unlinkSync(path);
    writeFileSync(path, saved);
    const fine = history(T0 + 2 * MINUTE);
    fine.onProblem((p) => problems.push(p?.code ?? null));
    fine.recordSnapshot(snapshotAt(T0 + 2 * MINUTE, { chat: { state: 'up' } }));
    expect(fine.problem).toBeNull();
    expect(problems).toEqual(['DISK_FULL']);
    expect(existsSync(path)).toBe(true);
  });

  it('incidents opened and closed while the disk is full are written once space is back', () => {
    const store = history(T0);
    record(store, T0, 2, () => ({ chat: { state: 'up' } }));
    // The disk fills up under the incidents journal: every write to it fails from now on.
    const journal = join(dir, 'history', 'incidents.journal');
    const aside = join(dir, 'incidents.saved');
    writeFileSync(aside, existsSync(journal) ? readFileSync(journal) : '');
    rmSync(journal, { force: true });
    symlinkSync('/dev/full', journal);
    record(store, T0 + 2 * MINUTE, 5, (m) => ({ chat: { state: m < 3 ? 'down' : 'up' } }));
    record(store, T0 + 7 * MINUTE, 3, () => ({ mail: { state: 'down' } }));
    expect(store.problem).toMatchObject({ code: 'DISK_FULL' });
    // What the window shows does not wait for the disk.
    expect(store.incidents().map((i) => [i.serviceId, i.end === null])).toEqual([
      ['mail', true],
      ['chat', false],
    ]);
    // Space comes back: the next cycle writes everything that waited, in order.
    unlinkSync(journal);
    writeFileSync(journal, readFileSync(aside));
    record(store, T0 + 10 * MINUTE, 1, () => ({ mail: { state: 'down' } }));
    expect(store.problem).toBeNull();
    closeAll();
    const reopened = history(T0 + 11 * MINUTE);
    expect(reopened.warnings).toEqual([]);
    expect(reopened.incidents().map((i) => [i.serviceId, i.end === null])).toEqual([
      ['mail', true],
      ['chat', false],
    ]);
  });

  it('a clock that jumps backwards corrupts nothing', () => {
    const store = history(T0);
    record(store, T0, 10, () => ({ chat: { state: 'up' } }));
    record(store, T0 - 2 * HOUR, 10, () => ({ chat: { state: 'degraded' } }));
    record(store, T0 + 10 * MINUTE, 10, () => ({ chat: { state: 'up' } }));
    const now = T0 + 20 * MINUTE;
    const before = store.uptime('chat', now)[0];
    expect(before).toMatchObject({ up: 20, degraded: 10 });
    closeAll();
    const reopened = history(now);
    expect(reopened.warnings).toEqual([]);
    expect(reopened.uptime('chat', now)[0]).toEqual(before);
  });
});
