// Creates a folder and its missing parents, one level at a time from the deepest one that exists.
// Node's own `mkdirSync(dir, { recursive: true })` never returns when a parent exists but cannot
// hold folders (a path under /proc or /sys): mkdir answers ENOENT there, which Node reads as "the
// parent is missing", makes the parent (EEXIST) and tries again, at full CPU, forever.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const codeOf = (error: unknown) => (error as { code?: unknown }).code;

/** Makes `dir` and its missing parents; throws as mkdir does (ENOENT, ENOTDIR, EACCES, …). */
export function makeDir(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      if (statSync(at).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), {
        code: 'ENOTDIR',
        path: at,
      });
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw error;
      const parent = dirname(at);
      missing.push(at);
      if (parent === at) break; // a root that does not exist (a drive not there on Windows)
      at = parent;
    }
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made meanwhile by someone else: fine if it is a folder.
      if (codeOf(error) !== 'EEXIST' || !statSync(folder).isDirectory()) throw error;
    }
  }
}
