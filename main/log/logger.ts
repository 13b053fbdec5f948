// A small rotating file logger: one file a day (`vigie-YYYY-MM-DD.log`, local date), the last 14
// kept, named loggers (`engine`, `history`, `app`, …), each line redacted of secrets. Writing a log
// never throws and never stops Vigie: a full disk loses log lines, not checks.
import { appendFileSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { messageOf } from '../../shared/errors';
import { makeDir } from '../files/make-dir';
import { Redactor } from './redact';

export type LogLevel = 'info' | 'warn' | 'error';

/** A named logger: one line per call, with optional fields and an error. */
export interface Logger {
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, error?: unknown, fields?: Readonly<Record<string, unknown>>): void;
}

export interface LogSinkOptions {
  /** The folder of the log files (made on the first line). */
  readonly dir: string;
  /** Days of files kept (default 14). */
  readonly keepDays?: number;
  readonly now?: () => number;
  /** Also written here (e.g. stderr in development); redacted too. */
  readonly echo?: (line: string) => void;
}

const FILE = /^vigie-(\d{4}-\d{2}-\d{2})\.log$/;
const DEFAULT_KEEP_DAYS = 14;

function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const head = typeof code === 'string' ? `${code}: ${error.message}` : error.message;
    // The stack's frames (not its message line, already said) help find where it came from.
    const frames = (error.stack ?? '').split('\n').slice(1, 8).join('\n');
    return frames ? `${head}\n${frames}` : head;
  }
  return messageOf(error);
}

function fieldsText(fields: Readonly<Record<string, unknown>> | undefined): string {
  if (!fields) return '';
  const parts = Object.entries(fields).map(([key, value]) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `${key}=${text}`;
  });
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

/** Where every logger writes: the day's file in one folder. */
export class LogSink {
  readonly dir: string;
  readonly redactor = new Redactor();
  readonly #keepDays: number;
  readonly #now: () => number;
  readonly #echo: ((line: string) => void) | undefined;
  #day: string | null = null;
  #broken = false;

  constructor(options: LogSinkOptions) {
    this.dir = options.dir;
    this.#keepDays = options.keepDays ?? DEFAULT_KEEP_DAYS;
    this.#now = options.now ?? Date.now;
    this.#echo = options.echo;
  }

  /** A logger that prefixes its lines with `name`. */
  logger(name: string): Logger {
    return {
      info: (message, fields) => this.write('info', name, message + fieldsText(fields)),
      warn: (message, fields) => this.write('warn', name, message + fieldsText(fields)),
      error: (message, error, fields) =>
        this.write(
          'error',
          name,
          message + fieldsText(fields) + (error === undefined ? '' : ` — ${describe(error)}`),
        ),
    };
  }

  /** The file lines are written to today. */
  currentFile(): string {
    return join(this.dir, `vigie-${localDay(this.#now())}.log`);
  }

  /** The last `count` lines written, across the newest files (for "Copy diagnostics"). */
  tail(count: number): string[] {
    const lines: string[] = [];
    for (const file of this.files().reverse()) {
      let text: string;
      try {
        text = readFileSync(join(this.dir, file), 'utf8');
      } catch {
        continue;
      }
      const fileLines = text.split('\n').filter((line) => line.length > 0);
      lines.unshift(...fileLines.slice(Math.max(0, fileLines.length - (count - lines.length))));
      if (lines.length >= count) break;
    }
    return lines;
  }

  /** Log files present, oldest first. */
  files(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((name) => FILE.test(name))
        .sort();
    } catch {
      return [];
    }
  }

  private write(level: LogLevel, name: string, message: string): void {
    const at = this.#now();
    const line = this.redactor.redact(
      `${new Date(at).toISOString()} ${level.toUpperCase().padEnd(5)} [${name}] ${message}`,
    );
    this.#echo?.(line);
    try {
      const day = localDay(at);
      if (day !== this.#day) {
        makeDir(this.dir);
        this.#day = day;
        this.prune(day);
      }
      appendFileSync(join(this.dir, `vigie-${day}.log`), `${line}\n`);
      this.#broken = false;
    } catch {
      // A log that cannot be written must not stop the checks; try the folder again next line.
      if (!this.#broken) this.#day = null;
      this.#broken = true;
    }
  }

  /** Deletes the files older than the days kept (today counts as one). */
  private prune(today: string): void {
    const older = this.files().filter((name) => (FILE.exec(name)?.[1] ?? '') < today);
    for (const old of older.slice(0, Math.max(0, older.length - (this.#keepDays - 1)))) {
      try {
        unlinkSync(join(this.dir, old));
      } catch {
        // Another process pruned it, or it is read-only: nothing to lose.
      }
    }
  }
}

/** A logger that writes nothing (tests, and code run without a log folder). */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
