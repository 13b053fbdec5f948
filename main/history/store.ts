// The history store: append-only, bounded, crash-safe, one writer. Raw samples for 48 hours,
// 5-minute rollups for 14 days, hourly rollups for 90 days (configurable), incidents.
import { countOf } from '../../shared/format';
import { join } from 'node:path';
import { DAY, HOUR, MINUTE } from '../../shared/durations';
import type { ServiceStatus, Snapshot } from '../../shared/types';
import type { RawSample, Rollup } from './format';
import { HistoryWriter, type ClosedRollup } from './history-writer';
import { IncidentBook, type Incident, type IncidentEntry } from './incidents';
import { readJournal } from './journal';
import { acquireLock } from './lock';
import {
  dayCell,
  localDays,
  rawPoints,
  resolutionFor,
  rollupPoints,
  uptimeOf,
  type DayCell,
  type LatencyPoint,
  type Resolution,
  type Uptime,
} from './queries';
import { ServiceDictionary, type ServiceEntry } from './dictionary';
import { Bucket } from './rollup';
import { RollupSeries } from './series';
import { dayName, deleteSegmentsBefore } from './segments';
import { newTrack, readRange, sampleOf, seriesOf, type ServiceTrack } from './tracks';
import { makeDir } from '../files/make-dir';
import { writeProblem, type HistoryProblem } from './problem';
export {
  historyProblem,
  problemSentence,
  writeProblem,
  type HistoryProblem,
  type ProblemWords,
} from './problem';

/** How long each resolution is kept. */
export interface Retention {
  readonly rawHours: number;
  readonly fiveMinuteDays: number;
  readonly hourlyDays: number;
}

export const DEFAULT_RETENTION: Retention = { rawHours: 48, fiveMinuteDays: 14, hourlyDays: 90 };

/** The pseudo-service under which connectivity checks (and their bytes) are recorded. */
export const CONNECTIVITY_ID = '~connectivity';

const FIVE_MINUTES = 5 * MINUTE;
/** A gap longer than this between two samples of an open incident means Vigie was not running. */
const UNSEEN_GAP_MS = 5 * MINUTE;
const COMPACT_EVERY_MS = HOUR;
/** At load, samples this recent are checked against the written rollups (a crash loses no count). */
const REBUILD_WINDOW_MS = 2 * HOUR;
const RAW_IN_MEMORY_HOURS = 6;
const FIVE_MINUTE_IN_MEMORY_DAYS = 7;

export interface HistoryOptions {
  /** The data folder (Electron's userData, or --data); history lives in `<dir>/history`. */
  readonly dir: string;
  /** Readers never take the lock and never write. */
  readonly readOnly?: boolean;
  readonly now?: () => number;
  readonly retention?: Partial<Retention>;
}

/** Opens (and loads) a history; a second writer on the same folder gets HistoryLockedError. */
export function openHistory(options: HistoryOptions): HistoryStore {
  return new HistoryStore(options);
}

/** Samples, rollups and incidents of every service. */
export class HistoryStore {
  readonly dir: string;
  readonly retention: Retention;
  readonly warnings: string[] = [];
  private readonly now: () => number;
  private readonly readOnly: boolean;
  private readonly release: () => void;
  private readonly tracks = new Map<string, ServiceTrack>();
  private readonly dictionary = new ServiceDictionary();
  private readonly book = new IncidentBook();
  private readonly disk: HistoryWriter | null;
  private lastProblem: HistoryProblem | null = null;
  private readonly problemListeners = new Set<(problem: HistoryProblem | null) => void>();
  private readonly savedListeners = new Set<() => void>();
  private lastCompaction = 0;
  private compactionQueued = false;
  /** The first day whose rollups were read at start; the days before it wait for loadArchive. */
  private recentSince = '';
  private archiveLoaded = false;
  /** Rollups of buckets rebuilt at load and already over: written with the first record. */
  private readonly pendingRollups: ClosedRollup[] = [];

  constructor(options: HistoryOptions) {
    this.dir = join(options.dir, 'history');
    this.now = options.now ?? Date.now;
    this.readOnly = options.readOnly ?? false;
    this.retention = { ...DEFAULT_RETENTION, ...options.retention };
    makeDir(this.dir);
    const lock = this.readOnly ? null : acquireLock(this.dir);
    this.release = lock ? () => lock.release() : () => undefined;
    if (lock?.takeover) this.warnings.push(lock.takeover);
    try {
      this.load();
      this.disk = this.readOnly
        ? null
        : new HistoryWriter(this.dir, () => this.dictionary.save(this.dir));
    } catch (error) {
      this.release();
      throw error;
    }
  }

  /** The last write problem, or null once writes work again. */
  get problem(): HistoryProblem | null {
    return this.lastProblem;
  }

  /** Subscribes to write problems (and their end); returns the unsubscribe function. */
  onProblem(listener: (problem: HistoryProblem | null) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  /** Records every service checked in this snapshot's cycle, and the connectivity check. */
  recordSnapshot(snapshot: Snapshot): void {
    if (this.readOnly) throw new Error('this history was opened read-only');
    const raw: RawSample[] = [];
    const rollups: ClosedRollup[] = this.pendingRollups.splice(0);
    const entries: IncidentEntry[] = [];
    const newServices: ServiceEntry[] = [];
    const connectivity: ServiceStatus = {
      id: CONNECTIVITY_ID,
      name: 'Connectivity',
      critical: false,
      checkedAt: snapshot.connectivity.checkedAt ?? snapshot.checkedAt,
      state: snapshot.connectivity.state === 'online' ? 'up' : 'unknown',
      cause: snapshot.connectivity.state === 'online' ? null : 'local',
      summary: snapshot.connectivity.detail,
      probes: snapshot.connectivity.references,
    };
    for (const status of [connectivity, ...snapshot.services]) {
      const known = this.tracks.has(status.id);
      const track = this.trackFor(status.id);
      const entry = this.dictionary.entryFor(track.index, status.id, status.name, !known);
      if (entry) newServices.push(entry);
      // A service not checked in this cycle (an early re-check of others) still shows its last check.
      if (status.checkedAt === track.lastRecorded || status.checkedAt === 0) continue;
      track.lastRecorded = status.checkedAt;
      const sample = sampleOf(track.index, status);
      raw.push(sample);
      track.raw.add(sample, sample.at);
      rollups.push(...this.feed(track, sample));
      if (status.id !== CONNECTIVITY_ID) entries.push(...this.observe(track, status));
    }
    rollups.push(...this.closeDue(snapshot.checkedAt));
    this.write(newServices, raw, rollups, entries);
    this.queueCompaction(snapshot.checkedAt);
  }

  /** The name a service was last recorded under, if the journal has it. */
  serviceName(serviceId: string): string | undefined {
    return this.dictionary.nameOf(serviceId);
  }

  /**
   * When a service was first recorded within the 90 days kept, to the minute where raw samples or
   * 5-minute rollups still say it (null if never): uptimes over a longer window cover only that.
   */
  firstSeen(serviceId: string, now = this.now()): number | null {
    const hourly = this.rollups(serviceId, '1h', now - 90 * DAY, now + 1);
    if (hourly.length === 0) return null;
    const hour = Math.min(...hourly.map((r) => r.start));
    const fine = this.rollups(serviceId, '5m', hour, hour + HOUR);
    const five = fine.length > 0 ? Math.min(...fine.map((r) => r.start)) : hour;
    const samples = this.tracks.get(serviceId)?.raw.range(five, five + FIVE_MINUTES) ?? [];
    return samples.length > 0 ? Math.min(...samples.map((sample) => sample.at)) : five;
  }

  /** Uptime of a service over 24 hours, 7, 30 and 90 days. */
  uptime(serviceId: string, now = this.now()): Uptime[] {
    return [DAY, 7 * DAY, 30 * DAY, 90 * DAY].map((windowMs) =>
      uptimeOf(this.rollups(serviceId, '1h', now - windowMs, now + 1), windowMs),
    );
  }

  /** One cell per local day, oldest first (90 by default), like a public status page. */
  dailyCells(serviceId: string, days = 90, now = this.now()): DayCell[] {
    const bounds = localDays(now, days);
    const all = this.rollups(serviceId, '1h', bounds[0] ?? 0, bounds.at(-1) ?? now);
    // One pass: the rollups come sorted by time, so each day takes the next run of them.
    const byDay: Rollup[][] = bounds.slice(0, -1).map(() => []);
    let day = 0;
    for (const rollup of [...all].sort((a, b) => a.start - b.start)) {
      while (day < byDay.length && rollup.start >= (bounds[day + 1] ?? Infinity)) day++;
      if (day < byDay.length && rollup.start >= (bounds[day] ?? 0)) byDay[day]?.push(rollup);
    }
    return byDay.map((rollups, i) => dayCell(bounds[i] ?? 0, rollups));
  }

  /** Latency over [from, to) at the resolution that fits the range. */
  latencySeries(
    serviceId: string,
    from: number,
    to: number,
    now = this.now(),
  ): { resolution: Resolution; points: LatencyPoint[] } {
    const memory = this.inMemory(now);
    const resolution = resolutionFor(from, to, now, {
      rawHours: (now - memory.raw) / HOUR,
      fiveMinuteDays: (now - memory.r5m) / DAY,
    });
    const track = this.tracks.get(serviceId);
    if (!track) return { resolution, points: [] };
    if (resolution === 'raw') return { resolution, points: rawPoints(track.raw.range(from, to)) };
    return { resolution, points: rollupPoints(this.rollups(serviceId, resolution, from, to)) };
  }

  /** Incidents, newest first. */
  incidents(filter: { serviceId?: string; since?: number } = {}): Incident[] {
    return this.book.list(filter);
  }

  /** Bytes Vigie used on the network per local day (all services and connectivity), oldest first. */
  bytesPerDay(days = 30, now = this.now()): { day: number; bytes: number }[] {
    const bounds = localDays(now, days);
    const from = bounds[0] ?? 0;
    const totals = bounds.slice(0, -1).map((day) => ({ day, bytes: 0 }));
    for (const id of this.tracks.keys()) {
      for (const r of this.rollups(id, '1h', from, bounds.at(-1) ?? now)) {
        const index = bounds.findIndex(
          (b, i) => r.start >= b && r.start < (bounds[i + 1] ?? Infinity),
        );
        const cell = totals[index];
        if (cell) cell.bytes += r.bytes;
      }
    }
    return totals;
  }

  /**
   * What one check cycle used on the network, on average over the last 24 hours (every
   * service's bytes over the cycles the connectivity check counts); null before any cycle.
   */
  bytesPerCycle(now = this.now()): number | null {
    let bytes = 0;
    for (const id of this.tracks.keys())
      for (const r of this.rollups(id, '1h', now - DAY, now + 1)) bytes += r.bytes;
    const cycles = this.rollups(CONNECTIVITY_ID, '1h', now - DAY, now + 1).reduce(
      (sum, r) => sum + r.counts.reduce((a, b) => a + b, 0),
      0,
    );
    return cycles === 0 ? null : bytes / cycles;
  }

  /** Ids of the services that have history (the connectivity pseudo-service excluded). */
  services(): string[] {
    return [...this.tracks.keys()].filter((id) => id !== CONNECTIVITY_ID);
  }

  /**
   * What is kept in memory is less than what is kept on disk: queries read raw samples only for
   * ranges up to 6 hours and 5-minute rollups for ranges up to 7 days (resolutionFor).
   */
  private inMemory(now: number): { raw: number; r5m: number } {
    return {
      raw: now - Math.min(this.retention.rawHours, RAW_IN_MEMORY_HOURS) * HOUR,
      r5m: now - Math.min(this.retention.fiveMinuteDays, FIVE_MINUTE_IN_MEMORY_DAYS) * DAY,
    };
  }

  /** Applies retention: drops old segment files and old records from memory. */
  compact(now = this.now()): void {
    this.lastCompaction = now;
    const cut = {
      raw: now - this.retention.rawHours * HOUR,
      r5m: now - this.retention.fiveMinuteDays * DAY,
      r1h: now - this.retention.hourlyDays * DAY,
    };
    const memory = this.inMemory(now);
    for (const track of this.tracks.values()) {
      track.raw.dropBefore(memory.raw);
      track.r5m.dropBefore(memory.r5m);
      track.r1h.dropBefore(cut.r1h);
    }
    if (this.readOnly) return;
    try {
      // Whole days only: a file is deleted once its last record is past retention.
      for (const kind of ['raw', 'r5m', 'r1h'] as const)
        deleteSegmentsBefore(this.dir, kind, dayName(cut[kind]));
      // Rewritten only when something was dropped; the rewrite holds every change in memory, so
      // the entries still waiting for the disk are in it.
      const kept = this.book.retain(cut.r1h);
      if (kept) this.disk?.rewriteIncidents(kept);
    } catch (error) {
      this.report(error);
    }
  }

  /** Closes files and releases the writer lock; open buckets are rebuilt from raw samples next time. */
  close(): void {
    this.disk?.close();
    this.release();
  }

  /** Rollups of a service at one resolution whose bucket overlaps [from, to), the open one included. */
  rollups(serviceId: string, level: '5m' | '1h', from: number, to: number): Rollup[] {
    this.loadArchive();
    const track = this.tracks.get(serviceId);
    if (!track) return [];
    const series = level === '5m' ? track.r5m : track.r1h;
    const open = level === '5m' ? track.open5m : track.open1h;
    const out = series.range(from - (level === '5m' ? FIVE_MINUTES : HOUR) + 1, to);
    if (open && open.start < to && open.start + (level === '5m' ? FIVE_MINUTES : HOUR) > from) {
      const rollup = open.toRollup();
      const same = out.findIndex((r) => r.start === rollup.start);
      if (same >= 0)
        out.splice(same, 1, {
          ...rollup,
          counts: rollup.counts.map(
            (c, i) => c + (out[same]?.counts[i] ?? 0),
          ) as unknown as Rollup['counts'],
        });
      else out.push(rollup);
    }
    return out;
  }

  private trackFor(id: string): ServiceTrack {
    let track = this.tracks.get(id);
    if (!track) {
      track = newTrack(this.dictionary.add(id));
      this.tracks.set(id, track);
    }
    return track;
  }

  /** Adds a sample to the open buckets; returns the rollups of buckets it closed. */
  private feed(track: ServiceTrack, sample: RawSample): ClosedRollup[] {
    const closed: ClosedRollup[] = [];
    const start5 = Math.floor(sample.at / FIVE_MINUTES) * FIVE_MINUTES;
    const start1h = Math.floor(sample.at / HOUR) * HOUR;
    if (track.open5m && track.open5m.start !== start5) {
      closed.push({ kind: 'r5m', rollup: this.closeBucket(track, 'r5m') });
    }
    if (track.open1h && track.open1h.start !== start1h) {
      closed.push({ kind: 'r1h', rollup: this.closeBucket(track, 'r1h') });
    }
    track.open5m ??= new Bucket(track.index, start5);
    track.open1h ??= new Bucket(track.index, start1h);
    track.open5m.add(sample);
    track.open1h.add(sample);
    return closed;
  }

  private closeBucket(track: ServiceTrack, kind: 'r5m' | 'r1h'): Rollup {
    const bucket = kind === 'r5m' ? track.open5m : track.open1h;
    if (!bucket) throw new Error('no open bucket');
    const rollup = bucket.toRollup();
    (kind === 'r5m' ? track.r5m : track.r1h).add(rollup, rollup.start);
    if (kind === 'r5m') track.open5m = null;
    else track.open1h = null;
    return rollup;
  }

  /** Closes the buckets whose time is over (services no longer checked, a restart after a pause). */
  private closeDue(now: number): ClosedRollup[] {
    const closed: ClosedRollup[] = [];
    for (const track of this.tracks.values()) {
      if (track.open5m && track.open5m.start + FIVE_MINUTES <= now)
        closed.push({ kind: 'r5m', rollup: this.closeBucket(track, 'r5m') });
      if (track.open1h && track.open1h.start + HOUR <= now)
        closed.push({ kind: 'r1h', rollup: this.closeBucket(track, 'r1h') });
    }
    return closed;
  }

  private observe(track: ServiceTrack, status: ServiceStatus): IncidentEntry[] {
    const entries: IncidentEntry[] = [];
    if (!track.seenSinceOpen) {
      track.seenSinceOpen = true;
      // The first word on a service after a start: an incident left open whose end we missed.
      const open = this.book.openFor(status.id);
      const lastSeen = open ? this.lastSeen(track, status.checkedAt, open.start) : status.checkedAt;
      if (open && status.state === 'up' && status.checkedAt - lastSeen > UNSEEN_GAP_MS) {
        const entry = this.book.closeUnseen(status.id, lastSeen);
        if (entry) entries.push(entry);
      }
    }
    entries.push(...this.book.observe(status));
    return entries;
  }

  /** When a service was last recorded before `at`: the archive is read only if nothing newer says. */
  private lastSeen(track: ServiceTrack, at: number, otherwise: number): number {
    const recent = () =>
      track.raw.range(0, at).at(-1)?.at ?? track.r5m.last()?.start ?? track.r1h.last()?.start;
    let seen = recent();
    if (seen === undefined) {
      this.loadArchive();
      seen = recent();
    }
    return seen ?? otherwise;
  }

  /** Writes what this cycle made, and what earlier writes could not (see HistoryWriter). */
  private write(
    services: ServiceEntry[],
    raw: RawSample[],
    rollups: ClosedRollup[],
    entries: IncidentEntry[],
  ): void {
    if (!this.disk) return;
    try {
      this.disk.write(services, raw, rollups, entries);
      this.saved();
    } catch (error) {
      this.report(error);
    }
  }

  /**
   * Writes again what a failed write left (a retry after a full disk); true when nothing is left.
   * The problem ends, and is said to end, once it is written.
   */
  flush(): boolean {
    if (!this.disk) return true;
    try {
      this.disk.flush();
      this.saved();
      return true;
    } catch (error) {
      this.report(error);
      return false;
    }
  }

  /** Subscribes to writes that reached the disk; returns the unsubscribe function. */
  onSaved(listener: () => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  private saved(): void {
    if (this.lastProblem) this.setProblem(null);
    for (const listener of this.savedListeners) listener();
  }

  private report(error: unknown): void {
    this.setProblem(writeProblem(error, this.dir, this.now()));
  }

  private setProblem(problem: HistoryProblem | null): void {
    this.lastProblem = problem;
    for (const listener of this.problemListeners) listener(problem);
  }

  private queueCompaction(now: number): void {
    if (this.compactionQueued || now - this.lastCompaction < COMPACT_EVERY_MS) return;
    this.compactionQueued = true;
    // Off the cycle's path: the cycle's samples are written, retention can wait a tick.
    setImmediate(() => {
      this.compactionQueued = false;
      this.compact(now);
    }).unref();
  }

  private load(): void {
    const now = this.now();
    this.loadDictionary();
    // At start only what recording needs: the raw samples kept in memory and the rollups of the
    // last day (the open buckets are rebuilt against them). The 90 days before are read the first
    // time something asks for them (loadArchive): a headless `watch` never does.
    const rawSince = dayName(this.inMemory(now).raw);
    this.warnings.push(
      ...readRange(this.dir, 'raw', { since: rawSince }, (i) => this.trackAt(i)?.raw),
    );
    let recentFrom = now - DAY;
    for (const track of this.tracks.values()) {
      const latest = track.raw.last()?.at;
      if (latest !== undefined) recentFrom = Math.min(recentFrom, latest - REBUILD_WINDOW_MS);
    }
    this.recentSince = dayName(recentFrom);
    for (const kind of ['r5m', 'r1h'] as const) {
      this.warnings.push(
        ...readRange(this.dir, kind, { since: this.recentSince }, (i) => {
          const track = this.trackAt(i);
          return track && seriesOf(track, kind);
        }),
      );
    }
    for (const track of this.tracks.values()) track.lastRecorded = track.raw.last()?.at ?? 0;
    this.rebuildOpenBuckets();
    const journal = readJournal(join(this.dir, 'incidents.journal'));
    if (journal.skipped > 0)
      this.warnings.push(`incidents.journal: ${countOf(journal.skipped, 'damaged line')} skipped`);
    for (const entry of journal.entries) this.book.apply(entry as IncidentEntry);
    this.compact(now);
  }

  /** Which index is which service (journal and services.json); every known service gets a track. */
  private loadDictionary(): void {
    this.warnings.push(...this.dictionary.load(this.dir));
    this.dictionary.byIndex.forEach((id, index) => {
      if (id !== undefined) this.tracks.set(id, newTrack(index));
    });
  }

  private trackAt(index: number): ServiceTrack | undefined {
    const id = this.dictionary.byIndex[index];
    return id === undefined ? undefined : this.tracks.get(id);
  }

  /**
   * Reads the rollups older than what was loaded at start (5-minute ones as far as memory keeps
   * them, hourly ones over the whole retention), once, the first time a query needs them.
   */
  private loadArchive(now = this.now()): void {
    if (this.archiveLoaded) return;
    this.archiveLoaded = true;
    const since = {
      r5m: dayName(this.inMemory(now).r5m),
      r1h: dayName(now - this.retention.hourlyDays * DAY),
    };
    for (const kind of ['r5m', 'r1h'] as const) {
      const older = new Map<number, RollupSeries>();
      this.warnings.push(
        ...readRange(
          this.dir,
          kind,
          { since: since[kind], before: this.recentSince },
          (i) => {
            if (!this.trackAt(i)) return undefined;
            let series = older.get(i);
            if (!series) older.set(i, (series = new RollupSeries()));
            return series;
          },
          (i) => {
            const track = this.trackAt(i);
            return track ? seriesOf(track, kind).count : 0;
          },
        ),
      );
      for (const [index, series] of older) {
        const track = this.trackAt(index);
        if (track) (kind === 'r5m' ? track.r5m : track.r1h).prependOlder(series);
      }
    }
  }

  /**
   * Buckets that were open when the last writer stopped are rebuilt from their raw samples: each
   * recent sample not counted by a written rollup of its bucket (rollups remember the last sample
   * they counted, which also keeps samples from a clock that went back apart).
   */
  private rebuildOpenBuckets(): void {
    for (const track of this.tracks.values()) {
      const latest = track.raw.last();
      if (!latest) continue;
      for (const sample of track.raw.range(latest.at - REBUILD_WINDOW_MS, Infinity)) {
        for (const kind of ['r5m', 'r1h'] as const) {
          const length = kind === 'r5m' ? FIVE_MINUTES : HOUR;
          const start = Math.floor(sample.at / length) * length;
          const written = (kind === 'r5m' ? track.r5m : track.r1h).range(start, start + 1)[0];
          if (written && sample.at <= written.lastAt) continue;
          const open = kind === 'r5m' ? track.open5m : track.open1h;
          if (open && open.start !== start) this.closeBucketQuietly(track, kind);
          const bucket =
            (kind === 'r5m' ? track.open5m : track.open1h) ?? new Bucket(track.index, start);
          if (kind === 'r5m') track.open5m = bucket;
          else track.open1h = bucket;
          bucket.add(sample);
        }
      }
    }
  }

  /** While loading: a bucket rebuilt and already over is kept in memory and written on first record. */
  private closeBucketQuietly(track: ServiceTrack, kind: 'r5m' | 'r1h'): void {
    const rollup = this.closeBucket(track, kind);
    this.pendingRollups.push({ kind, rollup });
  }
}
