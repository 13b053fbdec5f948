// The packaged app, as electron-builder makes it for Linux, checked without an Electron binary:
// electron-builder packs `out/` into a folder against a stand-in Electron distribution (a script
// carrying Electron's fuse wire, so the fuses are really flipped), then the test reads the asar
// (what ships, and that every run-time import resolves inside it), the fuses and the unpacked
// icons, and runs the packed main process under the strict stand-in Electron.
// Run with `npm run test:packaged` (it builds first).
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../shared/ipc';

const ROOT = resolve(import.meta.dirname, '../..');
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// The wire as Electron ships it (version 1, 8 fuses): RunAsNode on, cookie encryption off,
// NODE_OPTIONS on, --inspect on, asar integrity off, only-from-asar off, V8 snapshot off, file
// protocol privileges on ('1' on, '0' off).
const ELECTRON_WIRE = '10110001';

let work = '';
let packed = '';
let app = '';

/** An Electron distribution without Electron: the executable is a script with the fuse wire in it. */
function standInDistribution(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\n# ${FUSE_SENTINEL}`),
    Buffer.from([1, ELECTRON_WIRE.length]),
    Buffer.from(`${ELECTRON_WIRE}\n`),
    Buffer.from('echo "stand-in Electron: no binary on this machine" >&2\nexit 1\n'),
  ]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), '45.5.0');
}

/** name@version of every package a production install has (lockfile entries not dev-only). */
function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
    .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version}`)
    .sort();
}

/** name@version of every package in the unpacked asar (electron-builder re-hoists them). */
function shippedPackages(entries: readonly string[]): string[] {
  const packageRoot =
    /^(node_modules\/(@[^/]+\/)?[^/]+\/)*node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/;
  return [
    ...new Set(
      entries
        .filter((entry) => packageRoot.test(entry))
        .map((entry) => {
          const manifest = JSON.parse(readFileSync(join(app, entry), 'utf8')) as {
            name: string;
            version: string;
          };
          return `${manifest.name}@${manifest.version}`;
        }),
    ),
  ].sort();
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'vigie-packaged-'));
  const dist = join(work, 'electron-dist');
  standInDistribution(dist);
  packed = join(work, 'packed');
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${dist}`,
      `-c.directories.output=${packed}`,
      // The dependencies are plain JavaScript: nothing to rebuild for Electron's ABI.
      '-c.npmRebuild=false',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } },
  );
  // The unpacked asar, with the stand-in `electron` package beside it, where Node looks next.
  const run = join(work, 'run');
  app = join(run, 'app');
  extractAll(join(packed, 'linux-unpacked', 'resources', 'app.asar'), app);
  buildSync({
    entryPoints: [join(import.meta.dirname, 'stand-in-electron.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: join(run, 'node_modules', 'electron', 'index.js'),
    logLevel: 'error',
  });
  writeFileSync(
    join(run, 'node_modules', 'electron', 'package.json'),
    JSON.stringify({ name: 'electron', main: 'index.js' }),
  );
  buildSync({
    entryPoints: [join(import.meta.dirname, 'drive.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['electron'],
    outfile: join(run, 'drive.mjs'),
    logLevel: 'error',
  });
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged app (Linux, unpacked)', () => {
  it('ships the built app and the production dependencies, nothing else', () => {
    const entries = listPackage(join(packed, 'linux-unpacked', 'resources', 'app.asar'), {
      isPack: false,
    }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
    const top = new Set(entries.map((entry) => entry.split('/')[0]));
    expect([...top].sort()).toEqual(['build', 'node_modules', 'out', 'package.json']);
    expect(entries).toContain('out/main/index.js');
    expect(entries).toContain('out/preload/index.cjs');
    expect(entries).toContain('out/renderer/index.html');
    expect(entries.filter((e) => e.startsWith('build/'))).toEqual(
      expect.arrayContaining(['build/icons/tray-ok-32.png', 'build/icons/tray-outageTemplate.png']),
    );
    // Of build/, only the tray icons (the app icons are the installers' business).
    expect(
      entries.filter((e) => e.startsWith('build/') && !/^build\/icons(\/tray-[^/]+)?$/.test(e)),
    ).toEqual([]);
    // Packages: exactly the production closure of package.json's dependencies, by name and version.
    const shipped = shippedPackages(entries);
    const production = [...new Set(productionPackages())].sort();
    expect(
      shipped.filter((p) => !production.includes(p)),
      'not for production',
    ).toEqual([]);
    expect(
      production.filter((p) => !shipped.includes(p)),
      'missing',
    ).toEqual([]);
    for (const dev of ['react', 'react-dom', 'uplot', 'electron', 'vitest', 'playwright-core']) {
      expect(entries).not.toContain(`node_modules/${dev}`);
    }
  });

  it('resolves every run-time import of the main process inside the asar', () => {
    const main = readFileSync(join(app, 'out', 'main', 'index.js'), 'utf8');
    const specifiers = [...main.matchAll(/^import\s[^'"]*?from\s*["']([^"']+)["']/gm)].map(
      (m) => m[1]!,
    );
    const bare = specifiers.filter((s) => !s.startsWith('node:') && !s.startsWith('.'));
    expect(bare.sort()).toEqual(
      [
        'conf',
        'dns-packet',
        'electron',
        'electron-updater',
        'fast-xml-parser',
        'i18next',
        // The engine's HTTP client imports the two parts of undici it uses, by path.
        'undici/lib/api/api-request.js',
        'undici/lib/dispatcher/agent.js',
        'zod',
      ].sort(),
    );
    for (const name of bare.filter((s) => s !== 'electron')) {
      const file = name.endsWith('.js') ? name : join(name, 'package.json');
      expect(existsSync(join(app, 'node_modules', file)), name).toBe(true);
    }
    // Electron provides `electron` itself; a copy in the asar would be the npm installer.
    expect(existsSync(join(app, 'node_modules', 'electron'))).toBe(false);
  });

  it('flips the fuses in the packed executable and unpacks the Windows tray icons', () => {
    const binary = readFileSync(join(packed, 'linux-unpacked', 'vigie'));
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on,
    // only from the asar on; the last two as Electron ships them.
    expect(wire).toBe('01001101');
    const unpacked = join(packed, 'linux-unpacked', 'resources', 'app.asar.unpacked');
    expect(existsSync(join(unpacked, 'build', 'icons', 'tray-ok.ico'))).toBe(true);
  });

  it('starts from the asar under a strict Electron: handlers, tray, window, second launch, quit', async () => {
    const userData = join(work, 'user-data');
    mkdirSync(userData);
    const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((done) => {
      const child = execFile(
        process.execPath,
        [join(work, 'run', 'drive.mjs'), app, userData],
        { timeout: 60_000, env: { ...process.env, XDG_CONFIG_HOME: join(userData, 'xdg') } },
        (_error, out) => done({ stdout: out, code: child.exitCode }),
      );
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    expect(report.errors).toEqual([]);
    expect(report.started).toBe(true);
    expect(report.handlers).toEqual(Object.keys(requests).sort());
    expect(report.tray.image).toBe(join(app, 'build', 'icons', 'tray-checking-32.png'));
    expect(report.tray.empty).toBe(false);
    expect(report.window.loaded).toMatch(/^file:\/\/\/.*\/out\/renderer\/index\.html$/);
    expect(report.window.pageExists).toBe(true);
    expect(report.window.preloadExists).toBe(true);
    expect(report.window.sandbox).toBe(true);
    expect(report.applicationMenu).toBeNull();
    expect(report.secondInstance).toEqual({ windows: 1, focused: true });
    expect(report.quit).toEqual({ trayDestroyed: true, lockLeft: false });
    // Nothing kept running after the quit: the process ended by itself, well before the timeout.
    expect(code).toBe(0);
  }, 90_000);
});
