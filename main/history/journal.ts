// Small append-only logs of JSON lines, each followed by its CRC-32: the service dictionary and the
// incidents. A torn or corrupt line is skipped with a warning; compaction rewrites atomically.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
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

/** Appends entries with one write. */
export class JournalWriter {
  private fd: number | null = null;
  constructor(private readonly path: string) {}

  append(...values: unknown[]): void {
    if (values.length === 0) return;
    if (this.fd === null) {
      this.fd = openSync(this.path, 'a');
      // After a torn last line, start on a fresh line so the next entry is whole.
      if (existsSync(this.path)) {
        const text = readFileSync(this.path, 'utf8');
        if (text.length > 0 && !text.endsWith('\n')) writeSync(this.fd, '\n');
      }
    }
    writeSync(this.fd, values.map(line).join(''));
  }

  /** Replaces the whole journal with `values`, atomically (write aside, sync, rename). */
  rewrite(values: readonly unknown[]): void {
    this.close();
    const temp = `${this.path}.tmp`;
    const fd = openSync(temp, 'w');
    writeSync(fd, values.map(line).join(''));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, this.path);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
