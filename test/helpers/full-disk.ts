// A disk that fills up, for machines where a test may not mount a small tmpfs: node's own `fs`
// functions are wrapped so that, while the disk is "full", every write of data under one folder
// fails as a full disk fails (ENOSPC), and creating a file leaves it empty. Reads, renames, links
// and folders work, as on a real full disk. Used in-process, and in a child process through
// `--import` of full-disk-preload.ts.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';

/** The fault layer installed: fill and free the disk, then uninstall. */
export interface FullDisk {
  /** Whether writes under the folder fail now. */
  full: boolean;
  /** How many writes were refused. */
  readonly refused: number;
  uninstall(): void;
}

function enospc(what: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`ENOSPC: no space left on device, ${what}`);
  error.code = 'ENOSPC';
  error.errno = -28;
  error.syscall = what;
  return error;
}

/** Wraps fs so that writes under `root` fail while `isFull()` says so. */
export function installFullDisk(root: string, isFull?: () => boolean): FullDisk {
  const base = resolve(root);
  const under = (path: unknown) => {
    if (typeof path !== 'string' && !(path instanceof URL) && !Buffer.isBuffer(path)) return false;
    const text = resolve(path instanceof URL ? path.pathname : String(path));
    return text === base || text.startsWith(base + sep);
  };
  const fds = new Set<number>();
  const original = {
    openSync: fs.openSync,
    closeSync: fs.closeSync,
    writeSync: fs.writeSync,
    writeFileSync: fs.writeFileSync,
    appendFileSync: fs.appendFileSync,
    writeFile: fs.writeFile,
    promisesWriteFile: fs.promises.writeFile,
  };
  const state = {
    full: false,
    refused: 0,
    uninstall() {
      Object.assign(fs, {
        openSync: original.openSync,
        closeSync: original.closeSync,
        writeSync: original.writeSync,
        writeFileSync: original.writeFileSync,
        appendFileSync: original.appendFileSync,
        writeFile: original.writeFile,
      });
      fs.promises.writeFile = original.promisesWriteFile;
      syncBuiltinESMExports();
    },
  };
  const full = () => (isFull ? isFull() : state.full);
  const refuse = (what: string) => {
    state.refused++;
    return enospc(what);
  };
  // Loose signatures: each wrapper passes its arguments through untouched.
  type Loose = (...args: unknown[]) => unknown;
  const call = (fn: unknown, args: unknown[]) => (fn as Loose)(...args);
  Object.assign(fs, {
    openSync: (...args: unknown[]) => {
      const fd = call(original.openSync, args) as number;
      if (under(args[0])) fds.add(fd);
      return fd;
    },
    closeSync: (...args: unknown[]) => {
      fds.delete(args[0] as number);
      return call(original.closeSync, args);
    },
    writeSync: (...args: unknown[]) => {
      if (full() && fds.has(args[0] as number)) throw refuse('write');
      return call(original.writeSync, args);
    },
    writeFileSync: (...args: unknown[]) => {
      if (full() && under(args[0])) {
        // The file is made (a full disk still has room for a name), its content refused.
        const fd = original.openSync(args[0] as string, 'a');
        original.closeSync(fd);
        throw refuse('write');
      }
      return call(original.writeFileSync, args);
    },
    appendFileSync: (...args: unknown[]) => {
      if (full() && under(args[0])) throw refuse('write');
      return call(original.appendFileSync, args);
    },
    writeFile: (...args: unknown[]) => {
      const callback = args.at(-1);
      if (full() && under(args[0]) && typeof callback === 'function') {
        const error = refuse('write');
        process.nextTick(() => (callback as (error: Error) => void)(error));
        return undefined;
      }
      return call(original.writeFile, args);
    },
  });
  fs.promises.writeFile = ((...args: unknown[]) =>
    full() && under(args[0])
      ? Promise.reject(refuse('write'))
      : call(original.promisesWriteFile, args)) as typeof fs.promises.writeFile;
  syncBuiltinESMExports();
  return state;
}
