// Small append-only logs of JSON lines, each followed by its CRC-32: the service dictionary and the
// incidents. An append is whole or absent: it is written at the end of the last whole line (so a
// write cut short by a full disk is overwritten by the next one, never glued to it) and synced
// before it counts. A torn or corrupt line is skipped with a warning; compaction rewrites atomically.
import {
  closeSync,
  constants,
  existsSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { crc32 } from './crc32';

function line(value: unknown): string {
  const json = JSON.stringify(value);
  return `${json}\t${crc32(Buffer.from(json)).toString(16).padStart(8, '0')}\n`;
}

/** Reads every intact entry; counts what was skipped. */
export function readJournal(path: string): { entries: unknown[]; skipped: number } {
  if (!existsSync(path)) return { entries: [], skipped: 0 };
  const entries: unknown[] = [];
  let skipped = 0;
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    if (raw === '') return;
    const tab = raw.lastIndexOf('\t');
    const json = tab > 0 ? raw.slice(0, tab) : '';
    const ok =
      tab > 0 && raw.slice(tab + 1) === crc32(Buffer.from(json)).toString(16).padStart(8, '0');
    // The last line without its newline is a torn write.
    const torn = index === lines.length - 1 && !text.endsWith('\n');
    if (!ok || torn) {
      skipped++;
      return;
    }
    entries.push(JSON.parse(json) as unknown);
  });
  return { entries, skipped };
}

/** Writes all of `data` at `position`, however many writes it takes; throws what the disk says. */
export function writeAllAt(fd: number, data: Buffer, position: number): void {
  let written = 0;
  while (written < data.length) {
    const n = writeSync(fd, data, written, data.length - written, position + written);
    if (n === 0) {
      const error: NodeJS.ErrnoException = new Error('short write: no space left on device');
      error.code = 'ENOSPC';
      throw error;
    }
    written += n;
  }
}

/** How far back to look for the last whole line of a journal. */
const TAIL_BYTES = 64 * 1024;

/** Appends entries, each append whole and durable or not there at all. */
export class JournalWriter {
  private fd: number | null = null;
  /** Where the last whole line ends: the next append goes here. */
  private end = 0;
  constructor(private readonly path: string) {}

  append(...values: unknown[]): void {
    if (values.length === 0) return;
    const fd = this.open();
    const data = Buffer.from(values.map(line).join(''));
    try {
      writeAllAt(fd, data, this.end);
      fdatasyncSync(fd);
    } catch (error) {
      // Whatever part reached the file is cut off again (or overwritten by the next append).
      try {
        ftruncateSync(fd, this.end);
      } catch {
        // Reopening finds the last whole line again; a reader skips a torn last line.
      }
      // The next append reopens the file: it may have been moved or replaced while writes failed.
      this.close();
      throw error;
    }
    this.end += data.length;
  }

  /** Replaces the whole journal with `values`, atomically (write aside, sync, rename). */
  rewrite(values: readonly unknown[]): void {
    this.close();
    const temp = `${this.path}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      writeAllAt(fd, Buffer.from(values.map(line).join('')), 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Opens for writing at the end of the last whole line (a line torn by a crash is cut off). */
  private open(): number {
    if (this.fd !== null) return this.fd;
    const fd = openSync(this.path, constants.O_RDWR | constants.O_CREAT, 0o644);
    try {
      const size = fstatSync(fd).size;
      const end = size === 0 ? 0 : lastLineEnd(fd, size);
      if (end === null) {
        // No newline at all in the tail: keep those bytes, and start on a fresh line.
        writeAllAt(fd, Buffer.from('\n'), size);
        this.end = size + 1;
      } else {
        if (end < size) ftruncateSync(fd, end);
        this.end = end;
      }
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    this.fd = fd;
    return fd;
  }
}

/** The offset just past the last newline in a file's tail; null when the tail has none. */
function lastLineEnd(fd: number, size: number): number | null {
  const length = Math.min(size, TAIL_BYTES);
  const tail = Buffer.alloc(length);
  readSync(fd, tail, 0, length, size - length);
  const newline = tail.lastIndexOf(0x0a);
  return newline < 0 ? null : size - length + newline + 1;
}
