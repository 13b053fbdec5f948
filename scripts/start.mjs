#!/usr/bin/env node
// `npm start`: the app in development. Since Electron 43, `npm install` no longer downloads the
// Electron binary; it is fetched here the first time (Electron's own installer, `install-electron`),
// and when that cannot be done the reason is said in one line instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where the electron package is, and whether its binary for this version is there. */
function electronInstalled() {
  const root = dirname(require.resolve('electron/package.json'));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const pathFile = join(root, 'path.txt');
  const versionFile = join(root, 'dist', 'version');
  const installed =
    existsSync(pathFile) &&
    existsSync(join(root, 'dist', readFileSync(pathFile, 'utf8'))) &&
    existsSync(versionFile) &&
    readFileSync(versionFile, 'utf8').replace(/^v/, '').trim() === version;
  return { root, version, installed };
}

const electron = electronInstalled();
if (!electron.installed) {
  console.log(`Fetching Electron ${electron.version} (once)…`);
  const fetched = spawnSync(process.execPath, [join(electron.root, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (fetched.status !== 0 || !electronInstalled().installed) {
    const why = (fetched.stderr ?? '')
      .split('\n')
      .find((l) => /error|ENOTFOUND|EAI_AGAIN|fetch/i.test(l));
    console.error(
      `Vigie cannot start: the Electron ${electron.version} binary is not installed and could not be downloaded${why ? ` (${why.trim().slice(0, 160)})` : ''}. When online, run \`npx install-electron --no\`, then \`npm start\`.`,
    );
    process.exit(1);
  }
}

const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [bin, 'dev', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
