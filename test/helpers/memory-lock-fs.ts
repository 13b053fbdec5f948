// A folder in memory for the writer lock, with its own clock: files are touched at the clock's
// time, so a test says how old a lock is. It can refuse hard links (exFAT, some network shares)
// and call a hook after each read, where a test lets other writers act in between.
import type { LockFs } from '../../main/history/lock-file';

interface MemoryFile {
  text: string;
  readonly ino: number;
  mtimeMs: number;
}

const fail = (code: string, path: string): never => {
  throw Object.assign(new Error(`${code}: ${path}`), { code });
};

/** Files by path, a clock, and the hooks a test sets. */
export class MemoryLockFs implements LockFs {
  readonly files = new Map<string, MemoryFile>();
  /** The error code hard links fail with, or null when the file system has them. */
  noLinks: string | null = null;
  /** Called after each read (with the path read), before the reader goes on. */
  afterRead: (path: string) => void = () => undefined;
  private inodes = 0;

  constructor(readonly clock: { now: number }) {}

  /** A file as someone else left it, touched `agoMs` before the clock's time. */
  plant(path: string, text: string, agoMs = 0): void {
    this.files.set(path, { text, ino: ++this.inodes, mtimeMs: this.clock.now - agoMs });
  }

  /** The file's text, or undefined when there is none. */
  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  createNew(path: string, text: string): void {
    if (this.files.has(path)) fail('EEXIST', path);
    this.plant(path, text);
  }

  link(from: string, to: string): void {
    if (this.noLinks) fail(this.noLinks, to);
    const file = this.files.get(from) ?? fail('ENOENT', from);
    if (this.files.has(to)) fail('EEXIST', to);
    this.files.set(to, file);
  }

  rename(from: string, to: string): void {
    const file = this.files.get(from) ?? fail('ENOENT', from);
    this.files.delete(from);
    this.files.set(to, file);
  }

  unlink(path: string): void {
    if (!this.files.delete(path)) fail('ENOENT', path);
  }

  read(path: string): { text: string; ino: number; mtimeMs: number } {
    const file = this.files.get(path) ?? fail('ENOENT', path);
    const copy = { ...file };
    this.afterRead(path);
    return copy;
  }

  touch(path: string, at: number): void {
    const file = this.files.get(path) ?? fail('ENOENT', path);
    file.mtimeMs = at;
  }

  list(dir: string): string[] {
    return [...this.files.keys()]
      .filter((path) => path.startsWith(`${dir}/`))
      .map((path) => path.slice(dir.length + 1));
  }

  mtime(path: string): number {
    return (this.files.get(path) ?? fail('ENOENT', path)).mtimeMs;
  }
}
