// Day segment files: `<kind>/YYYY-MM-DD.vgh`, a header then fixed-size records. Appends go to the
// file of each record's UTC day; loading reads whole files and skips what is torn or corrupt.
import { countOf } from '../../shared/format';
import {
  closeSync,
  constants,
  ftruncateSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { writeAllAt } from './journal';
import { DAY } from '../../shared/durations';
import {
  header,
  headerCut,
  HEADER_SIZE,
  headerMatches,
  intact,
  RECORD_SIZE,
  type SegmentKind,
} from './format';
import { makeDir } from '../files/make-dir';

const EXTENSION = '.vgh';

/** The UTC day name of a time: `2021-10-04`. */
export function dayName(time: number): string {
  return new Date(Math.floor(time / DAY) * DAY).toISOString().slice(0, 10);
}

/** Appends records to the right day files, keeping the current day's file open. */
export class SegmentWriter {
  private readonly open = new Map<string, number>();
  private readonly dir: string;

  constructor(
    root: string,
    private readonly kind: SegmentKind,
  ) {
    this.dir = join(root, kind);
    makeDir(this.dir);
  }

  /**
   * Writes `records` (a multiple of the record size) to the end of the file of `day`. On failure
   * the file is cut back to where it was, so a record is whole or absent, and reopened next time.
   */
  append(day: string, records: Buffer): void {
    if (records.length === 0) return;
    const fd = this.fdFor(day);
    const end = fstatSync(fd).size;
    try {
      writeAllAt(fd, records, end);
    } catch (error) {
      try {
        ftruncateSync(fd, end);
      } catch {
        // Reopening re-aligns past a torn record, which fails its CRC and is skipped on load.
      }
      closeSync(fd);
      this.open.delete(day);
      throw error;
    }
  }

  /** Closes every file. */
  close(): void {
    for (const fd of this.open.values()) closeSync(fd);
    this.open.clear();
  }

  private fdFor(day: string): number {
    let fd = this.open.get(day);
    if (fd !== undefined) return fd;
    // Keep few files open: records nearly always go to today's.
    if (this.open.size >= 3) this.close();
    const path = join(this.dir, `${day}${EXTENSION}`);
    fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o644);
    try {
      fd = this.prepare(fd, path);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    this.open.set(day, fd);
    return fd;
  }

  /**
   * Writes the header of a new file, repairs a damaged header (the records are guarded by their
   * own CRCs), sets aside a file that holds no record of ours, re-aligns after a torn record.
   */
  private prepare(fd: number, path: string): number {
    const size = fstatSync(fd).size;
    const recordSize = RECORD_SIZE[this.kind];
    if (size === 0) {
      writeAllAt(fd, header(this.kind), 0);
      return fd;
    }
    const head = Buffer.alloc(HEADER_SIZE);
    readSync(fd, head, 0, HEADER_SIZE, 0);
    // Its header cut by a crash while the file was made: nothing in it yet.
    if (headerCut(head.subarray(0, size), this.kind)) {
      writeAllAt(fd, header(this.kind), 0);
      return fd;
    }
    if (!headerMatches(head, this.kind)) {
      if (!holdsRecords(fd, this.kind)) {
        // A file we cannot read is kept aside for a person to look at, and a fresh one started.
        closeSync(fd);
        renameSync(path, `${path}.unreadable-${Date.now()}`);
        const fresh = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o644);
        writeAllAt(fresh, header(this.kind), 0);
        return fresh;
      }
      writeAllAt(fd, header(this.kind), 0);
    }
    const torn = size < HEADER_SIZE ? 0 : (size - HEADER_SIZE) % recordSize;
    if (torn !== 0) {
      // A torn record at the end (a crash mid-write): pad it out so the next records stay aligned.
      // The padding fails its CRC and is skipped on load like the torn bytes before it.
      writeAllAt(fd, Buffer.alloc(recordSize - torn, 0xff), size);
    }
    return fd;
  }
}

/** Called for each record slot of a segment; `intact` says whether its CRC holds. */
export type RecordVisitor = (buffer: Buffer, offset: number) => void;

/**
 * Reads every segment of a kind in a range of days into one reused buffer, calling
 * `visit` for each intact record (the buffer is only valid during the call). Returns warnings.
 */
export function readSegments(
  root: string,
  kind: SegmentKind,
  days: DayRange,
  visit: RecordVisitor,
  options: { checkCrc: boolean } = { checkCrc: true },
): string[] {
  const dir = join(root, kind);
  const warnings: string[] = [];
  if (!existsSync(dir)) return warnings;
  const size = RECORD_SIZE[kind];
  // Read in chunks of whole records through one small buffer: a day of raw samples is MBs, and a
  // buffer that size, once allocated, stays in the process's memory long after it is let go.
  const chunk = Buffer.allocUnsafe(HEADER_SIZE + CHUNK_RECORDS * size);
  for (const name of segmentNames(dir)) {
    const day = name.slice(0, 10);
    if (day < days.since || (days.before !== undefined && day >= days.before)) continue;
    const path = join(dir, name);
    // Only plain files: a device or a pipe in its place would never end.
    const stat = statSync(path);
    if (!stat.isFile()) {
      warnings.push(`${kind}/${name}: not a regular file; skipped`);
      continue;
    }
    if (stat.size === 0) continue;
    const fd = openSync(path, 'r');
    try {
      // A damaged header does not cost the day: every record carries its own CRC, so the records
      // are read by it, and only a file where none holds is not ours.
      const head = chunk.subarray(0, readFully(fd, chunk, HEADER_SIZE, 0));
      // A day's file whose making a crash stopped: nothing in it yet, and nothing to say.
      if (headerCut(head, kind)) continue;
      const headerOk = headerMatches(head, kind);
      const check = options.checkCrc || !headerOk;
      let bad = 0;
      let good = 0;
      const { torn } = scanRecords(fd, chunk, size, (buffer, offset) => {
        if (!check || intact(buffer, offset, size)) {
          good++;
          visit(buffer, offset);
        } else bad++;
        return false;
      });
      if (!headerOk) {
        warnings.push(
          good === 0
            ? `${kind}/${name}: not a Vigie history file (bad header); skipped`
            : `${kind}/${name}: damaged header; ${countOf(good, 'record')} read by their checksums`,
        );
        if (good === 0) continue;
      }
      if (bad > 0) warnings.push(`${kind}/${name}: ${countOf(bad, 'corrupt record')} skipped`);
      if (torn) warnings.push(`${kind}/${name}: a torn record at the end was skipped`);
    } finally {
      closeSync(fd);
    }
  }
  return warnings;
}

/** Day files from `since` (included) to `before` (excluded; no end when absent), as day names. */
export interface DayRange {
  readonly since: string;
  readonly before?: string;
}

const CHUNK_RECORDS = 2048;

/**
 * Visits each whole record slot of a segment, after its header, reading through `chunk` (a whole
 * number of records long); a visit that returns true stops the scan. Says whether a torn record
 * (bytes short of a whole one) ends the file.
 */
function scanRecords(
  fd: number,
  chunk: Buffer,
  size: number,
  visit: (buffer: Buffer, offset: number) => boolean,
): { torn: boolean } {
  const length = Math.floor(chunk.length / size) * size;
  for (let position = HEADER_SIZE; ;) {
    const read = readFully(fd, chunk, length, position);
    let offset = 0;
    for (; offset + size <= read; offset += size) if (visit(chunk, offset)) return { torn: false };
    position += offset;
    if (read < length) return { torn: offset < read };
  }
}

/** Whether any record slot of a file (whatever its header says) passes its CRC. */
function holdsRecords(fd: number, kind: SegmentKind): boolean {
  const size = RECORD_SIZE[kind];
  let found = false;
  scanRecords(fd, Buffer.allocUnsafe(CHUNK_RECORDS * size), size, (buffer, offset) => {
    found = intact(buffer, offset, size);
    return found;
  });
  return found;
}

/** Reads up to `length` bytes at `position` into the start of `buffer`; returns how many. */
function readFully(fd: number, buffer: Buffer, length: number, position: number): number {
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return read;
}

/** Deletes segments of days before `beforeDay`; returns how many. */
export function deleteSegmentsBefore(root: string, kind: SegmentKind, beforeDay: string): number {
  const dir = join(root, kind);
  if (!existsSync(dir)) return 0;
  let deleted = 0;
  for (const name of segmentNames(dir)) {
    if (name.slice(0, 10) >= beforeDay) continue;
    unlinkSync(join(dir, name));
    deleted++;
  }
  return deleted;
}

function segmentNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /^\d{4}-\d{2}-\d{2}\.vgh$/.test(n))
    .sort();
}
