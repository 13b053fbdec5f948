// A small disk that a test fills and frees: a real tmpfs mounted by the test where it may mount
// (root on Linux), else the fault layer of full-disk.ts over a temp folder. Either way `fill()`
// makes every new write of data fail as a full disk does, and `free()` gives space back.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installFullDisk, type FullDisk } from './full-disk';

export interface SmallDisk {
  /** `tmpfs` (a real file system, mounted) or `faults` (the fault layer). */
  readonly kind: 'tmpfs' | 'faults';
  /** The folder on the disk. */
  readonly dir: string;
  /** For a child process: node arguments and environment that give it the same disk. */
  readonly child: { readonly args: readonly string[]; readonly env: Record<string, string> };
  fill(): void;
  free(): void;
  close(): void;
}

const PRELOAD = new URL('./full-disk-preload.ts', import.meta.url).pathname;

/** Mounts a tmpfs of `bytes` on a fresh folder; null when this machine does not let the test. */
function mountTmpfs(bytes: number): SmallDisk | null {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const filler = join(dir, 'filler');
  return {
    kind: 'tmpfs',
    dir,
    child: { args: [], env: {} },
    fill() {
      // Big blocks, then smaller ones, until the disk says it is full.
      const fd = openSync(filler, 'a');
      try {
        for (const size of [64 * 1024, 4096, 512, 1]) {
          const block = Buffer.alloc(size, 0x2e);
          try {
            for (;;) writeSync(fd, block);
          } catch (error) {
            if ((error as { code?: string }).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      unlinkSync(filler);
    },
    close() {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The fault layer over a temp folder: in this process, and for children through `--import`. */
export function faultDisk(): SmallDisk {
  const root = mkdtempSync(join(tmpdir(), 'vigie-faults-'));
  const dir = join(root, 'disk');
  const flag = join(root, 'full');
  let layer: FullDisk | null = installFullDisk(dir);
  return {
    kind: 'faults',
    dir,
    child: {
      args: ['--import', 'tsx', '--import', PRELOAD],
      env: { VIGIE_FULL_DISK_ROOT: dir, VIGIE_FULL_DISK_FLAG: flag },
    },
    fill() {
      if (layer) layer.full = true;
      closeSync(openSync(flag, 'w'));
    },
    free() {
      if (layer) layer.full = false;
      rmSync(flag, { force: true });
    },
    close() {
      layer?.uninstall();
      layer = null;
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A real small tmpfs where mounting is allowed, else the fault layer. */
export function smallDisk(bytes = 2 * 1024 * 1024): SmallDisk {
  return mountTmpfs(bytes) ?? faultDisk();
}
