// Making a data folder: missing parents are made, and a place that cannot hold folders fails at
// once with its error instead of spinning (Node's recursive mkdir never returns under /proc).
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDir } from '../../../../main/files/make-dir';

const MODULE = pathToFileURL(resolve('main/files/make-dir.ts')).href;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vigie-mkdir-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('makeDir', () => {
  it('makes the folder and its missing parents, and is fine when it exists', () => {
    const deep = join(root, 'a', 'b', 'c');
    makeDir(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(() => makeDir(deep)).not.toThrow();
  });

  it('a file in the path is ENOTDIR and makes nothing', () => {
    writeFileSync(join(root, 'file'), '');
    expect(() => makeDir(join(root, 'file', 'x'))).toThrow(
      expect.objectContaining({ code: 'ENOTDIR' }),
    );
    expect(() => makeDir(join(root, 'file'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it.runIf(process.platform === 'linux' && existsSync('/proc/self'))(
    'a folder under /proc fails with ENOENT instead of never returning',
    () => {
      // In a child bounded in time: were it Node's recursive mkdir, it would spin forever.
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import('${MODULE}').then((m) => { try { m.makeDir('/proc/vigie-test/history'); } catch (e) { console.log(e.code); } })`,
        ],
        { encoding: 'utf8', timeout: 20_000 },
      );
      expect(child.signal).toBeNull();
      expect(child.stdout.trim()).toBe('ENOENT');
    },
  );
});
