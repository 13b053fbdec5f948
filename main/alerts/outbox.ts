// The outbox: every alert is written to the data folder before its first attempt, and every
// attempt before it is made, so that across a crash, a SIGKILL or a restart an alert is sent at
// most once per (incident, change, channel) and nothing pending is lost. An append-only file of
// JSON lines, each flushed to the disk before Vigie goes on; compacted to what is still pending
// each time it is opened. It names channels by id and never holds a secret or an address.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { makeDir } from '../files/make-dir';
import type { AlertMessage, Reason } from './channel';
import type { AlertItem } from './words';

/** The file's name in the data folder. */
export const OUTBOX_FILE = 'alerts-outbox.jsonl';

/** One alert for one channel, still to deliver. */
export interface OutboxEntry {
  readonly id: string;
  readonly channel: string;
  readonly items: readonly AlertItem[];
  readonly message: AlertMessage;
  readonly createdAt: number;
  /** Not before this time (a back-off, a 429's wait); 0: at once. */
  nextAt: number;
  /** Failed attempts so far (the back-off's step). */
  failures: number;
}

/** Why an entry left the outbox without being delivered. */
export type DropWhy = 'skipped' | 'broken' | 'interrupted' | 'merged';

/**
 * Whether a parsed line can be replayed: one with a string id. null, a number, a string or an
 * object without an id cannot (a line of a kind this version does not know is skipped by the
 * replay's switch).
 */
function isLine(value: unknown): value is Line {
  return typeof (value as { id?: unknown } | null)?.id === 'string';
}

type Line =
  | {
      t: 'add';
      id: string;
      channel: string;
      items: AlertItem[];
      message: AlertMessage;
      createdAt: number;
    }
  | { t: 'try'; id: string; at: number }
  | { t: 'sent'; id: string; at: number }
  | {
      t: 'retry';
      id: string;
      at: number;
      next: number;
      failures: number;
      /** Why it failed, for a person reading the file (a compacted line has none). */
      reason?: Reason;
    }
  | { t: 'drop'; id: string; at: number; why: DropWhy };

/** The id of an alert for a channel: its channel and each (incident, change) it carries. */
export function entryId(channel: string, items: readonly AlertItem[]): string {
  return `${channel}|${items.map((i) => `${i.incident}/${i.event}`).join('+')}`;
}

export class Outbox {
  /** The file; null when the data folder cannot hold it (then the outbox lives in memory). */
  private file: string | null;
  private readonly entries = new Map<string, OutboxEntry>();
  private fd: number | null = null;
  /** Entries found with an attempt that never finished (Vigie stopped during it). */
  readonly interrupted: OutboxEntry[] = [];
  /** Why the outbox is not on disk (an errno code), or null while it is. */
  problem: string | null = null;

  constructor(dir: string) {
    this.file = join(dir, OUTBOX_FILE);
    try {
      makeDir(dir);
      this.load();
    } catch (error) {
      this.lost(error);
    }
  }

  /** What is still to deliver, oldest first. */
  pending(): OutboxEntry[] {
    return [...this.entries.values()];
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Writes a new alert for a channel (before any attempt). */
  add(entry: Omit<OutboxEntry, 'nextAt' | 'failures'>): OutboxEntry {
    const full: OutboxEntry = { ...entry, nextAt: 0, failures: 0 };
    this.append({
      t: 'add',
      id: full.id,
      channel: full.channel,
      items: [...full.items],
      message: full.message,
      createdAt: full.createdAt,
    });
    this.entries.set(full.id, full);
    return full;
  }

  /** Says an attempt starts: from now on a crash means "maybe sent", never sent again. */
  attempt(id: string, at: number): void {
    this.append({ t: 'try', id, at });
  }

  /** Delivered: gone from the outbox. */
  sent(id: string, at: number): void {
    this.append({ t: 'sent', id, at });
    this.entries.delete(id);
  }

  /** Not delivered this time: try again at `next`. */
  retry(id: string, at: number, next: number, failures: number, reason: Reason): void {
    this.append({ t: 'retry', id, at, next, failures, reason });
    const entry = this.entries.get(id);
    if (entry) {
      entry.nextAt = next;
      entry.failures = failures;
    }
  }

  /** Not to be delivered through this channel (skipped, broken channel, merged into another). */
  drop(id: string, at: number, why: DropWhy): void {
    this.append({ t: 'drop', id, at, why });
    this.entries.delete(id);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private append(line: Line): void {
    if (this.file === null) return;
    try {
      this.fd ??= openSync(this.file, 'a', 0o600);
      writeSync(this.fd, `${JSON.stringify(line)}\n`);
      fsyncSync(this.fd);
    } catch (error) {
      this.lost(error);
    }
  }

  /** The disk failed us (full, read-only, no folder): go on in memory, and say why. */
  private lost(error: unknown): void {
    // Stryker disable next-line LogicalOperator,StringLiteral: what reaches here comes from node:fs, which always sets a code; the fallback is for safety only
    this.problem = (error as { code?: string }).code ?? 'EIO';
    this.file = null;
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // Already unusable: nothing more to release.
      }
    }
    this.fd = null;
  }

  /** Replays the file, then rewrites it with only what is still pending. */
  private load(): void {
    if (this.file === null || !existsSync(this.file)) return;
    const trying = new Set<string>();
    for (const text of readFileSync(this.file, 'utf8').split('\n')) {
      let line: Line;
      try {
        line = JSON.parse(text) as Line;
      } catch {
        // A blank line, or one cut by a crash in the middle of its write: the attempt it
        // announced never began.
        continue;
      }
      // A line that is JSON but not one of ours (a file edited by hand, a disk that garbled it)
      // is skipped like a cut one: the other alerts are still delivered.
      if (!isLine(line)) continue;
      switch (line.t) {
        case 'add':
          this.entries.set(line.id, {
            id: line.id,
            channel: line.channel,
            items: line.items,
            message: line.message,
            createdAt: line.createdAt,
            nextAt: 0,
            failures: 0,
          });
          break;
        case 'try':
          trying.add(line.id);
          break;
        case 'retry': {
          trying.delete(line.id);
          const entry = this.entries.get(line.id);
          if (entry) {
            entry.nextAt = line.next;
            entry.failures = line.failures;
          }
          break;
        }
        case 'sent':
        case 'drop':
          trying.delete(line.id);
          this.entries.delete(line.id);
          break;
      }
    }
    // An attempt with no outcome may have reached the channel: at most once, so not again.
    for (const id of trying) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      this.interrupted.push(entry);
      this.entries.delete(id);
    }
    this.compact();
  }

  private compact(): void {
    if (this.file === null) return;
    const lines: string[] = [];
    for (const entry of this.entries.values()) {
      lines.push(
        JSON.stringify({
          t: 'add',
          id: entry.id,
          channel: entry.channel,
          items: [...entry.items],
          message: entry.message,
          createdAt: entry.createdAt,
        } satisfies Line),
      );
      // A failure or a 429's wait always has its next time: what a restart needs of a retry.
      if (entry.nextAt > 0) {
        lines.push(
          JSON.stringify({
            t: 'retry',
            id: entry.id,
            at: entry.createdAt,
            next: entry.nextAt,
            failures: entry.failures,
          } satisfies Line),
        );
      }
    }
    const temp = `${this.file}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, lines.map((l) => `${l}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
  }
}
