// A file only one process may own, made whole in one step and replaced only by the one process
// that claimed that very file. It is the writer lock's mechanism; what makes a lock's owner gone
// (a dead process, a reused pid, a silent computer) is the lock's to judge.
//
// Made: written aside, then hard-linked into place (which fails if a lock exists); where the file
// system has no hard links (exFAT, some network shares), created exclusively instead ('wx'), and a
// reader may then find it empty for a moment. Replaced: the file judged gone is claimed first, by
// creating a claim file named after that very file (its inode, last touch and text). Only one
// process can create it, and no later lock has the same name, so while the gone lock is in place
// only its claimant may touch it: it checks the lock is still that one, then renames its own over
// it in one step. A lock is never moved away and given back, so no one ever finds the place empty
// in a takeover, and a fresh lock is never removed by mistake. A claimant that dies leaves its
// claim, which is itself judged gone and taken over the same way.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  linkSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MINUTE } from '../../shared/durations';

/** The file operations a lock needs, handed in so tests can take hard links away or interleave writers. */
export interface LockFs {
  /** Creates `path` holding `text`; EEXIST when it exists (a reader may see it empty meanwhile). */
  createNew(path: string, text: string): void;
  /** Hard-links `from` as `to`; EEXIST when `to` exists. */
  link(from: string, to: string): void;
  /** Renames `from` over `to`, replacing it in one step. */
  rename(from: string, to: string): void;
  unlink(path: string): void;
  /** A file's text (its first 4 KiB) with what names this very file; ENOENT when absent. */
  read(path: string): { readonly text: string; readonly ino: number; readonly mtimeMs: number };
  /** Sets a file's last modification. */
  touch(path: string, at: number): void;
  /** The names in a folder. */
  list(dir: string): string[];
  /** A file's last modification. */
  mtime(path: string): number;
}

const READ_LIMIT = 4096;

/** The real file system. */
export const nodeLockFs: LockFs = {
  createNew(path, text) {
    const fd = openSync(path, 'wx');
    try {
      writeSync(fd, text);
    } catch (error) {
      // A full disk can create the file and refuse its content: leave nothing behind.
      closeSync(fd);
      unlinkSync(path);
      throw error;
    }
    closeSync(fd);
  },
  link: (from, to) => linkSync(from, to),
  rename: (from, to) => renameSync(from, to),
  unlink: (path) => unlinkSync(path),
  read(path) {
    const fd = openSync(path, 'r');
    try {
      const { ino, mtimeMs } = fstatSync(fd);
      const buffer = Buffer.alloc(READ_LIMIT);
      const length = readSync(fd, buffer, 0, READ_LIMIT, 0);
      return { text: buffer.toString('utf8', 0, length), ino, mtimeMs };
    } finally {
      closeSync(fd);
    }
  },
  touch: (path, at) => utimesSync(path, new Date(at), new Date(at)),
  list: (dir) => readdirSync(dir),
  mtime: (path) => statSync(path).mtimeMs,
};

/** A lock file as found: its text, its last touch, and a key naming this very file. */
export interface Found {
  readonly text: string;
  readonly touchedAt: number;
  readonly key: string;
}

/** What a found lock means: a live owner, someone mid-way (look again shortly), or gone (and why, in words; '' for nothing worth saying). */
export type Verdict<Owner> =
  | { readonly kind: 'held'; readonly owner: Owner }
  | { readonly kind: 'busy' }
  | { readonly kind: 'gone'; readonly why: string };

/** One attempt: the file is ours (taken over from `why`, '' when it was free), held, or busy. */
export type Outcome<Owner> =
  | { readonly kind: 'ours'; readonly why: string }
  | { readonly kind: 'held'; readonly owner: Owner }
  | { readonly kind: 'busy' };

/** Who claims a gone file, and how a claim found in place is judged. */
export interface Claimant {
  readonly text: string;
  judge(found: Found): Verdict<never>;
}

const BUSY = { kind: 'busy' } as const;
/** Claims of claims: only writers dying mid-takeover, one after the other, nest them. */
const MAX_DEPTH = 3;

const codeOf = (error: unknown) => (error as { code?: string }).code;
/** Errors of a file system that has no hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS']);
const asideOf = (path: string) => `${path}.${randomBytes(6).toString('hex')}.new`;

function unlinkQuietly(fs: LockFs, path: string): void {
  try {
    fs.unlink(path);
  } catch {
    // Already gone.
  }
}

/** Creates `path` whole, or returns false if it exists. */
function create(fs: LockFs, path: string, text: string): boolean {
  const aside = asideOf(path);
  fs.createNew(aside, text);
  try {
    fs.link(aside, path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    if (!NO_LINKS.has(codeOf(error) ?? '')) throw error;
  } finally {
    unlinkQuietly(fs, aside);
  }
  try {
    fs.createNew(path, text);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
}

/** The file at `path`, or null when there is none. */
export function find(fs: LockFs, path: string): Found | null {
  try {
    const { text, ino, mtimeMs } = fs.read(path);
    const key = createHash('sha256')
      .update(`${ino}\n${mtimeMs}\n${text}`)
      .digest('hex')
      .slice(0, 16);
    return { text, touchedAt: mtimeMs, key };
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  }
}

/**
 * One attempt at owning `path` with `text`: created if there is none; if there is one, judged, and
 * when gone, claimed and replaced. Never waits; the caller looks again after a 'busy'.
 */
export function take<Owner>(
  fs: LockFs,
  path: string,
  text: string,
  judge: (found: Found) => Verdict<Owner>,
  claimant: Claimant,
  depth = 0,
): Outcome<Owner> {
  if (create(fs, path, text)) return { kind: 'ours', why: '' };
  const found = find(fs, path);
  // Released between our create and our look: look again.
  if (!found) return BUSY;
  const verdict = judge(found);
  if (verdict.kind !== 'gone') return verdict;
  if (depth >= MAX_DEPTH) return BUSY;
  const claim = `${path}.${found.key}.claim`;
  const claimed = take(fs, claim, claimant.text, claimant.judge, claimant, depth + 1);
  if (claimed.kind !== 'ours') return BUSY;
  try {
    // The claim is ours: while that very file is in place, no one else may replace it.
    if (find(fs, path)?.key !== found.key) return BUSY;
    const aside = asideOf(path);
    fs.createNew(aside, text);
    try {
      fs.rename(aside, path);
    } catch (error) {
      unlinkQuietly(fs, aside);
      throw error;
    }
    return { kind: 'ours', why: verdict.why };
  } finally {
    unlinkQuietly(fs, claim);
  }
}

/** Removes what writers left beside `path` (files aside, claims) untouched for a minute. */
export function sweep(fs: LockFs, path: string, now: number): void {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  try {
    for (const name of fs.list(dir)) {
      if (!name.startsWith(prefix)) continue;
      const left = join(dir, name);
      if (now - fs.mtime(left) > MINUTE) unlinkQuietly(fs, left);
    }
  } catch {
    // Nothing to tidy, or a file gone meanwhile: the next writer tidies.
  }
}
