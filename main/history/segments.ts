// Day segment files: `<kind>/YYYY-MM-DD.vgh`, a header then fixed-size records. Appends go to the
// file of each record's UTC day; loading reads whole files and skips what is torn or corrupt.
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { DAY } from '../../shared/durations';
import {
  header,
  HEADER_SIZE,
  headerMatches,
  intact,
  RECORD_SIZE,
  type SegmentKind,
} from './format';

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
    mkdirSync(this.dir, { recursive: true });
  }

  /** Writes `records` (a multiple of the record size) to the file of `day`, in one write. */
  append(day: string, records: Buffer): void {
    if (records.length === 0) return;
    const fd = this.fdFor(day);
    const written = writeSync(fd, records);
    if (written < records.length) {
      // A short write (the disk filled up): reopen next time, which re-aligns past the torn record.
      closeSync(fd);
      this.open.delete(day);
      const error: NodeJS.ErrnoException = new Error('short write: no space left on device');
      error.code = 'ENOSPC';
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
    fd = openSync(path, 'a');
    try {
      fd = this.prepare(fd, path);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    this.open.set(day, fd);
    return fd;
  }

  /** Writes the header of a new file, sets aside an unreadable one, re-aligns after a torn record. */
  private prepare(fd: number, path: string): number {
    const size = fstatSync(fd).size;
    if (size === 0) {
      writeSync(fd, header(this.kind));
    } else if (!headerMatches(readFileSync(path).subarray(0, HEADER_SIZE), this.kind)) {
      // A file we cannot read is kept aside for a person to look at, and a fresh one started.
      closeSync(fd);
      renameSync(path, `${path}.unreadable-${Date.now()}`);
      fd = openSync(path, 'a');
      writeSync(fd, header(this.kind));
    } else if ((size - HEADER_SIZE) % RECORD_SIZE[this.kind] !== 0) {
      // A torn record at the end (a crash mid-write): pad it out so the next records stay aligned.
      // The padding fails its CRC and is skipped on load like the torn bytes before it.
      const missing = RECORD_SIZE[this.kind] - ((size - HEADER_SIZE) % RECORD_SIZE[this.kind]);
      writeSync(fd, Buffer.alloc(missing, 0xff));
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
      if (!headerMatches(chunk.subarray(0, readFully(fd, chunk, HEADER_SIZE, 0)), kind)) {
        warnings.push(`${kind}/${name}: not a Vigie history file (bad header); skipped`);
        continue;
      }
      let bad = 0;
      let position = HEADER_SIZE;
      let torn = false;
      for (;;) {
        const read = readFully(fd, chunk, CHUNK_RECORDS * size, position);
        let offset = 0;
        for (; offset + size <= read; offset += size) {
          if (!options.checkCrc || intact(chunk, offset, size)) visit(chunk, offset);
          else bad++;
        }
        position += offset;
        if (read < CHUNK_RECORDS * size) {
          torn = offset < read;
          break;
        }
      }
      if (bad > 0) warnings.push(`${kind}/${name}: ${bad} corrupt record(s) skipped`);
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
