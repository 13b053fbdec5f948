// The disk side of the history: the day segment files and the two journals, written in order (the
// dictionary first, as records name their service by index, then records, then incidents). What a
// failed write leaves (a full disk) stays queued, in order, and goes out with the next write or a
// retry (flush); the queue is bounded, raw samples first to go, rollups kept two days.
import { join } from 'node:path';
import {
  encodeRaw,
  encodeRollup,
  RECORD_SIZE,
  type RawSample,
  type Rollup,
  type SegmentKind,
} from './format';
import type { IncidentEntry } from './incidents';
import { JournalWriter } from './journal';
import type { ServiceEntry } from './dictionary';
import { dayName, SegmentWriter } from './segments';

/** A 5-minute or hourly bucket closed, to be written. */
export interface ClosedRollup {
  readonly kind: 'r5m' | 'r1h';
  readonly rollup: Rollup;
}

/** Rollups kept for a disk that is full: two days of 50 services' 5-minute and hourly buckets. */
const MAX_UNSAVED_ROLLUPS = 50 * 2 * (288 + 24);
/** Raw samples kept for a disk that is full: an hour of 50 services checked each minute. */
const MAX_UNSAVED_RAW = 50 * 60;

/** Writes the history's files; throws what the disk said, keeping what failed for the next try. */
export class HistoryWriter {
  private readonly segments: Readonly<Record<SegmentKind, SegmentWriter>>;
  private readonly servicesLog: JournalWriter;
  private readonly incidentsLog: JournalWriter;
  private services: ServiceEntry[] = [];
  private raw: RawSample[] = [];
  private rollups: ClosedRollup[] = [];
  private incidents: IncidentEntry[] = [];

  constructor(
    dir: string,
    /** Writes the dictionary's whole copy (services.json) after its journal took new entries. */
    private readonly saveDictionary: () => void,
  ) {
    this.segments = {
      raw: new SegmentWriter(dir, 'raw'),
      r5m: new SegmentWriter(dir, 'r5m'),
      r1h: new SegmentWriter(dir, 'r1h'),
    };
    this.servicesLog = new JournalWriter(join(dir, 'services.journal'));
    this.incidentsLog = new JournalWriter(join(dir, 'incidents.journal'));
  }

  /** Whether something is still waiting for the disk. */
  get pending(): boolean {
    return this.services.length + this.raw.length + this.rollups.length + this.incidents.length > 0;
  }

  /** Queues what a cycle made and writes everything queued; throws when the disk refuses. */
  write(
    services: readonly ServiceEntry[],
    raw: readonly RawSample[],
    rollups: readonly ClosedRollup[],
    incidents: readonly IncidentEntry[],
  ): void {
    this.services.push(...services);
    this.raw.push(...raw);
    this.rollups.push(...rollups);
    this.incidents.push(...incidents);
    if (this.raw.length > MAX_UNSAVED_RAW) this.raw.splice(0, this.raw.length - MAX_UNSAVED_RAW);
    if (this.rollups.length > MAX_UNSAVED_ROLLUPS)
      this.rollups.splice(0, this.rollups.length - MAX_UNSAVED_ROLLUPS);
    this.flush();
  }

  /** Writes what earlier writes could not; throws when the disk still refuses. */
  flush(): void {
    if (this.services.length > 0) {
      this.servicesLog.append(...this.services);
      this.services = [];
      this.saveDictionary();
    }
    const raw = this.appendByDay('raw', this.raw, (s) => s.at, encodeRaw);
    this.raw = raw.left;
    if (raw.error !== null) throw raw.error;
    for (const kind of ['r5m', 'r1h'] as const) {
      const ofKind = this.rollups.filter((r) => r.kind === kind).map((r) => r.rollup);
      const written = this.appendByDay(kind, ofKind, (r) => r.start, encodeRollup);
      this.rollups = [
        ...this.rollups.filter((r) => r.kind !== kind),
        ...written.left.map((rollup) => ({ kind, rollup })),
      ];
      if (written.error !== null) throw written.error;
    }
    this.incidentsLog.append(...this.incidents);
    this.incidents = [];
  }

  /** Replaces the incidents journal with `kept` (compaction): the entries still queued are in it. */
  rewriteIncidents(kept: readonly unknown[]): void {
    this.incidentsLog.rewrite(kept);
    this.incidents = [];
  }

  close(): void {
    for (const writer of Object.values(this.segments)) writer.close();
    this.servicesLog.close();
    this.incidentsLog.close();
  }

  /**
   * Appends items to their day's file, one day at a time, each day whole or not at all; returns
   * what is left (the day that failed and those after it) and what the disk said.
   */
  private appendByDay<T>(
    kind: SegmentKind,
    items: readonly T[],
    time: (item: T) => number,
    encode: (item: T, buffer: Buffer, offset: number) => void,
  ): { left: T[]; error: unknown } {
    const days = new Map<string, T[]>();
    for (const item of items) {
      const day = dayName(time(item));
      const group = days.get(day) ?? [];
      group.push(item);
      days.set(day, group);
    }
    const left: T[] = [];
    let failed: unknown = null;
    for (const [day, group] of days) {
      if (failed !== null) {
        left.push(...group);
        continue;
      }
      const size = RECORD_SIZE[kind];
      const buffer = Buffer.alloc(group.length * size);
      group.forEach((item, i) => encode(item, buffer, i * size));
      try {
        this.segments[kind].append(day, buffer);
      } catch (error) {
        failed = error;
        left.push(...group);
      }
    }
    return { left, error: failed };
  }
}
