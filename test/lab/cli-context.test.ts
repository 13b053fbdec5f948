// `npx vigie check` on 4 October 2021 as the bundled command line runs it, against loopback
// platforms: names fail everywhere, Meta's status page with them, and RIPE RIS sees no route to
// Meta's name servers — the JSON carries each service's context, the table says who is at fault.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../shared/config-schema';
import { bundleCli, HEADLESS_NODE_FLAGS } from '../../scripts/bundle-node';
import { startContextLab, type ContextLab } from './context-lab';
import { healthyReferences, labConnectivity, startLab, type Lab } from './lab';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let lab: Lab;
let platforms: ContextLab;
let dir: string;
let vigie: string[];

beforeAll(async () => {
  [lab, platforms] = await Promise.all([startLab(), startContextLab()]);
  dir = mkdtempSync(join(tmpdir(), 'vigie-cli-context-'));
  vigie = [...HEADLESS_NODE_FLAGS, await bundleCli(join(dir, 'vigie.mjs'))];
  writeFileSync(join(dir, 'lab-ca.pem'), lab.certs.ca);
}, 120_000);
afterAll(async () => {
  await Promise.all([lab.close(), platforms.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...vigie, ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NO_COLOR: '1',
          NODE_EXTRA_CA_CERTS: join(dir, 'lab-ca.pem'),
          LANG: 'C',
          LC_ALL: '',
          LC_MESSAGES: '',
          TZ: 'UTC',
        },
        timeout: 30_000,
      },
      (error, stdout) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout });
      },
    );
  });
}

function config(): ConfigInput {
  return {
    version: 1,
    dnsServers: [lab.dns.server],
    connectivity: labConnectivity(lab),
    context: { enabled: true, country: 'CI', ...platforms.urls },
    services: [
      {
        id: 'facebook',
        name: 'Facebook',
        category: 'social',
        critical: true,
        provider: 'Meta',
        context: { routes: ['129.134.30.0/23', '185.89.218.0/23'] },
        probes: [
          { kind: 'dns', host: 'chat.lab.test', timeoutMs: 400 },
          { kind: 'statuspage', url: `${lab.https('status')}/chat`, timeoutMs: 400 },
        ],
      },
    ],
  };
}

describe('npx vigie check on 4 October 2021', () => {
  it('--json: down, provider, with context {routes, ooni, ioda}; the table says why in words', async () => {
    healthyReferences(lab);
    lab.dns.set('chat.lab.test', { rcode: 'SERVFAIL' });
    lab.dns.set('status.lab.test', { rcode: 'SERVFAIL' });
    const file = join(dir, 'meta.json');
    writeFileSync(file, JSON.stringify(config()));

    const json = await cli(['check', '--json', '--config', file]);
    expect(json.code).toBe(2);
    const out = JSON.parse(json.stdout);
    expect(out.services[0]).toMatchObject({
      id: 'facebook',
      state: 'down',
      cause: 'provider',
      secondOpinion: null,
      context: {
        routes: {
          prefixes: [
            { prefix: '129.134.30.0/23', collectors: 3, seeing: 0 },
            { prefix: '185.89.218.0/23', collectors: 3, seeing: 0 },
          ],
          withdrawn: true,
        },
        ooni: null,
        ioda: null,
      },
    });
    expect(new Date(out.services[0].context.routes.checkedAt).toISOString()).toBe(
      out.services[0].context.routes.checkedAt,
    );

    const table = await cli(['check', '--config', file]);
    expect(table.code).toBe(2);
    expect(table.stdout).toMatch(
      /Facebook has been down for everyone since .+ — Facebook’s routes to its name servers were withdrawn/,
    );
    expect(table.stdout).toContain(
      'Facebook’s network withdrew the routes to its name servers (RIPE RIS, 0 of 3 collectors',
    );
  }, 60_000);
});
