// The update flow end to end against a loopback update server, with electron-updater's own Linux
// updater (AppImage), as electron-builder's tests run it (a test app adapter, a plain Node HTTP
// executor): the server serves latest-linux.yml and a file, with a correct hash, a wrong hash, a
// 404, or no answer at all. Vigie's Updater drives it, as the packaged app does.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer,
  request,
  type IncomingMessage,
  type RequestOptions,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppImageUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { afterEach, describe, expect, it } from 'vitest';
import { Updater, type UpdateState } from '../../main/shell/updates';

const PAYLOAD = Buffer.from('#!/bin/sh\necho "Vigie 1.2.3"\n'.repeat(2000));
const SHA512 = createHash('sha512').update(PAYLOAD).digest('base64');

/** What one route answers: a body, a status, or nothing ever. */
type Route = { status: number; body: Buffer | string } | 'hang';

interface UpdateServer {
  readonly url: string;
  readonly asked: string[];
  routes: Map<string, Route>;
  close(): Promise<void>;
}

async function updateServer(): Promise<UpdateServer> {
  const asked: string[] = [];
  const hanging = new Set<ServerResponse>();
  const routes = new Map<string, Route>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    asked.push(path);
    const route = routes.get(path) ?? { status: 404, body: 'not found' };
    if (route === 'hang') {
      hanging.add(res);
      return;
    }
    res.writeHead(route.status, { 'content-length': Buffer.byteLength(route.body) });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    asked,
    routes,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** latest-linux.yml for 1.2.3, as electron-builder writes it, with the hash given. */
function latestYml(sha512: string): string {
  return [
    'version: 1.2.3',
    'files:',
    '  - url: Vigie-1.2.3.AppImage',
    `    sha512: ${sha512}`,
    `    size: ${PAYLOAD.length}`,
    'path: Vigie-1.2.3.AppImage',
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T08:00:00.000Z'",
    '',
  ].join('\n');
}

/**
 * electron-updater's own HTTP executor (its download, its sha512 check), with Node's http.request
 * in place of Electron's net.request, which needs a running Electron.
 */
class NodeHttp extends ElectronHttpExecutor {
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void) {
    // Typed as Electron's ClientRequest; the base class only uses what Node's has too.
    return request(options, callback) as unknown as ReturnType<
      ElectronHttpExecutor['createRequest']
    >;
  }
  // Electron's request emits "redirect"; Node's answers 3xx, which the base class follows itself.
  override addRedirectHandlers(): void {}
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An installed Vigie 0.1.0 (an AppImage) whose updater looks at `server`. */
async function installed(): Promise<{ server: UpdateServer; run: () => Promise<UpdateState> }> {
  const server = await updateServer();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-update-'));
  const appImage = join(dir, 'Vigie-0.1.0.AppImage');
  writeFileSync(appImage, 'old');
  const previous = process.env['APPIMAGE'];
  process.env['APPIMAGE'] = appImage;
  cleanups.push(() => {
    if (previous === undefined) delete process.env['APPIMAGE'];
    else process.env['APPIMAGE'] = previous;
    rmSync(dir, { recursive: true, force: true });
  });
  cleanups.push(() => server.close());
  // What electron-builder writes from the `publish` settings (generic provider here).
  const config = join(dir, 'app-update.yml');
  writeFileSync(
    config,
    `provider: generic\nurl: ${server.url}\nupdaterCacheDirName: vigie-updater\n`,
  );
  const adapter: AppAdapter = {
    version: '0.1.0',
    name: 'Vigie',
    isPackaged: true,
    appUpdateConfigPath: config,
    userDataPath: dir,
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const platform = new AppImageUpdater(null, adapter);
  // `httpExecutor` is protected: Electron's net module is what the app uses.
  (platform as unknown as { httpExecutor: NodeHttp }).httpExecutor = new NodeHttp();
  platform.logger = null;
  platform.autoDownload = true;
  platform.disableDifferentialDownload = true;
  const updater = new Updater({
    source: platform,
    enabled: () => true,
    offline: () => false,
    now: () => Date.now(),
    onState: () => undefined,
    checkTimeoutMs: 1500,
    downloadTimeoutMs: 1500,
  });
  return { server, run: () => updater.checkNow() };
}

describe('updates from a loopback server', () => {
  it('downloads 1.2.3, checks its sha512 and says it is ready', async () => {
    const { server, run } = await installed();
    server.routes.set('/latest-linux.yml', { status: 200, body: latestYml(SHA512) });
    server.routes.set('/Vigie-1.2.3.AppImage', { status: 200, body: PAYLOAD });
    const state = await run();
    expect(state).toEqual({ kind: 'ready', version: '1.2.3' });
    expect(server.asked).toEqual(['/latest-linux.yml', '/Vigie-1.2.3.AppImage']);
  });

  it('refuses a file whose sha512 is not the one announced', async () => {
    const { server, run } = await installed();
    const wrong = createHash('sha512').update('something else').digest('base64');
    server.routes.set('/latest-linux.yml', { status: 200, body: latestYml(wrong) });
    server.routes.set('/Vigie-1.2.3.AppImage', { status: 200, body: PAYLOAD });
    const state = await run();
    expect(state).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/sha512 checksum mismatch/),
    });
  });

  it('says the look failed when the server has no update file (404)', async () => {
    const { server, run } = await installed();
    const state = await run();
    expect(state).toMatchObject({ kind: 'failed', message: expect.stringMatching(/404/) });
    expect(server.asked).toEqual(['/latest-linux.yml']);
  });

  it('gives up on a server that never answers, for the look and for the download', async () => {
    const look = await installed();
    look.server.routes.set('/latest-linux.yml', 'hang');
    expect(await look.run()).toEqual({
      kind: 'failed',
      at: expect.any(Number),
      message: 'no answer within 1.5 s',
    });

    const download = await installed();
    download.server.routes.set('/latest-linux.yml', { status: 200, body: latestYml(SHA512) });
    download.server.routes.set('/Vigie-1.2.3.AppImage', 'hang');
    expect(await download.run()).toMatchObject({
      kind: 'failed',
      message: 'no answer within 1.5 s',
    });
    expect(download.server.asked).toContain('/Vigie-1.2.3.AppImage');
  });
});
