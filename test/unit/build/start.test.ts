// `npm start` on a machine where the Electron binary cannot be fetched says so in one line.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
// On a desktop where the binary is installed, `npm start` would start the app: nothing to test.
const electronRoot = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const binaryInstalled = existsSync(join(electronRoot, 'path.txt'));
let server: Server;
let asked = 0;

beforeAll(async () => {
  // Electron's installer asks its mirror: here, a loopback one that has nothing.
  server = createServer((_, res) => {
    asked++;
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('npm start without the Electron binary', () => {
  it.skipIf(binaryInstalled)(
    'tries to fetch it once, then says in one line what to run',
    async () => {
      const { port } = server.address() as AddressInfo;
      const result = await run(process.execPath, ['scripts/start.mjs'], {
        env: {
          ...process.env,
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          ELECTRON_GET_USE_PROXY: '',
          electron_config_cache: '/nonexistent-vigie-cache',
        },
        timeout: 60_000,
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^Vigie cannot start: the Electron \d+\.\d+\.\d+ binary is not installed and could not be downloaded.*When online, run `npx install-electron --no`, then `npm start`\.$/,
      );
      expect(asked).toBeGreaterThan(0);
    },
  );
});
