// What the store keeps of each service: its series in memory, its open buckets, and how a day
// range of segment files is read into them.
import { reachedLatency } from '../../shared/probes';
import type { ProbeCode, ServiceStatus } from '../../shared/types';
import type { RawSample, SegmentKind } from './format';
import type { Bucket } from './rollup';
import { readSegments, type DayRange } from './segments';
import { RawSeries, RollupSeries } from './series';

export interface ServiceTrack {
  readonly index: number;
  readonly raw: RawSeries;
  readonly r5m: RollupSeries;
  readonly r1h: RollupSeries;
  open5m: Bucket | null;
  open1h: Bucket | null;
  lastRecorded: number;
  seenSinceOpen: boolean;
}

export function newTrack(index: number): ServiceTrack {
  return {
    index,
    raw: new RawSeries(),
    r5m: new RollupSeries(),
    r1h: new RollupSeries(),
    open5m: null,
    open1h: null,
    lastRecorded: 0,
    seenSinceOpen: false,
  };
}

export function seriesOf(track: ServiceTrack, kind: SegmentKind): RawSeries | RollupSeries {
  return kind === 'raw' ? track.raw : kind === 'r5m' ? track.r5m : track.r1h;
}

/**
 * Reads a kind's records of a day range into series, each sized once (a first pass counts each
 * service's records); returns what was damaged, in words.
 */
export function readRange(
  dir: string,
  kind: SegmentKind,
  days: DayRange,
  seriesAt: (index: number) => RawSeries | RollupSeries | undefined,
  /** Room to keep for records added after these (the archive makes room for the recent ones). */
  roomAfter: (index: number) => number = () => 0,
): string[] {
  const counts = new Map<number, number>();
  readSegments(
    dir,
    kind,
    days,
    (buffer, offset) => {
      const index = buffer.readUInt16LE(offset + 4);
      counts.set(index, (counts.get(index) ?? 0) + 1);
    },
    { checkCrc: false },
  );
  for (const [index, count] of counts) seriesAt(index)?.reserve(count + roomAfter(index));
  return readSegments(dir, kind, days, (buffer, offset) => {
    seriesAt(buffer.readUInt16LE(offset + 4))?.addBytes(buffer, offset);
  });
}

/** What one verdict becomes on disk. */
export function sampleOf(index: number, status: ServiceStatus): RawSample {
  const codes = new Set<ProbeCode>();
  for (const p of status.probes) if (p.code) codes.add(p.code);
  return {
    service: index,
    at: status.checkedAt,
    state: status.state,
    cause: status.cause,
    latencyMs: reachedLatency(status.probes) ?? -1,
    bytes: status.probes.reduce((sum, p) => sum + p.bytes, 0),
    codes: [...codes],
  };
}
