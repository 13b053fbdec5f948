// Public context replayed on loopback platforms that speak RIPEstat's, OONI's and IODA's shapes:
// the 4 October 2021 withdrawal of the routes to Meta's name servers, a block of WhatsApp in Côte
// d'Ivoire, a country-wide outage, and every way a platform can fail — the verdict stands.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type ConfigInput } from '../../shared/config-schema';
import type { ServiceStatus } from '../../shared/types';
import { createEngine } from '../../main/engine';
import { snapshotJson } from '../../main/cli/output';
import { startContextLab, type ContextLab } from './context-lab';
import { startGlobalpingLab, type GlobalpingLab } from './globalping-lab';
import { healthyReferences, labConnectivity, startLab, type Lab } from './lab';

let lab: Lab;
let platforms: ContextLab;
let globalping: GlobalpingLab;

beforeAll(async () => {
  [lab, platforms, globalping] = await Promise.all([
    startLab(),
    startContextLab(),
    startGlobalpingLab(),
  ]);
});
afterAll(async () => {
  await Promise.all([lab.close(), platforms.close(), globalping.close()]);
});
afterEach(() => {
  lab.http.clearRoutes();
  platforms.reset();
  globalping.requests.length = 0;
  globalping.play({ mode: 'hang' });
  lab.dns.set('chat.lab.test', { a: '127.0.0.1' });
  lab.dns.set('status.lab.test', { a: '127.0.0.1' });
});

const TIMEOUT = 400;
const META_DNS = ['129.134.30.0/23', '185.89.218.0/23'];

/** Facebook on the lab: its name, its page, Meta's status page, and the routes to its name servers. */
function facebook(options: { opinion?: boolean } = {}): ConfigInput {
  return {
    version: 1,
    dnsServers: [lab.dns.server],
    connectivity: labConnectivity(lab),
    context: { enabled: true, country: 'CI', ...platforms.urls },
    ...(options.opinion
      ? {
          secondOpinion: {
            enabled: true,
            url: globalping.url,
            country: 'CI',
            probes: 3,
            timeoutMs: 1500,
          },
        }
      : {}),
    services: [
      {
        id: 'facebook',
        name: 'Facebook',
        category: 'social',
        critical: true,
        provider: 'Meta',
        context: { routes: META_DNS },
        probes: [
          { kind: 'dns', host: 'chat.lab.test', timeoutMs: TIMEOUT },
          { kind: 'http', url: `${lab.https('chat')}/`, method: 'GET', timeoutMs: TIMEOUT },
          { kind: 'statuspage', url: `${lab.https('status')}/chat`, timeoutMs: TIMEOUT },
        ],
      },
    ],
  };
}

async function checkFirst(input: ConfigInput): Promise<ServiceStatus> {
  const parsed = parseConfig(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const engine = createEngine(parsed.config, {
    extraCa: [lab.certs.ca],
    retryDelayMs: 20,
    opinionPollMs: 5,
    contextTimeoutMs: 1000,
  });
  try {
    const snapshot = await engine.checkOnce();
    const first = snapshot.services[0];
    if (!first) throw new Error('no service');
    return first;
  } finally {
    await engine.close();
  }
}

/** 4 Oct 2021, 15:45 UTC: names fail everywhere, Meta's status page with them. */
function namesFail(): void {
  healthyReferences(lab);
  lab.dns.set('chat.lab.test', { rcode: 'SERVFAIL' });
  lab.dns.set('status.lab.test', { rcode: 'SERVFAIL' });
}

describe('the routes to the provider’s name servers (RIPEstat looking-glass)', () => {
  it('4 Oct 2021: every Meta DNS prefix withdrawn while names fail → down for everyone, from routing alone', async () => {
    namesFail();
    platforms.announce([], 3);
    const service = await checkFirst(facebook({ opinion: true }));
    expect(service).toMatchObject({ state: 'down', cause: 'provider' });
    expect(service.context?.routes).toMatchObject({
      withdrawn: true,
      prefixes: [
        { prefix: '129.134.30.0/23', collectors: 3, seeing: 0 },
        { prefix: '185.89.218.0/23', collectors: 3, seeing: 0 },
      ],
    });
    // Before any status page answers, and without asking anyone else.
    expect(service.probes[2]?.official).toBeUndefined();
    expect(globalping.requests).toHaveLength(0);
    expect(platforms.requests.sort()).toEqual([
      '/data/looking-glass/data.json?resource=129.134.30.0%2F23&sourceapp=vigie',
      '/data/looking-glass/data.json?resource=185.89.218.0%2F23&sourceapp=vigie',
    ]);
  });

  it('routes still announced: evidence only, the verdict is what the rest says', async () => {
    namesFail();
    platforms.announce(META_DNS, 3);
    const service = await checkFirst(facebook());
    expect(service).toMatchObject({ state: 'down', cause: 'unconfirmed' });
    expect(service.context?.routes).toMatchObject({ withdrawn: false });
    expect(service.context?.routes?.prefixes.map((p) => p.seeing)).toEqual([3, 3]);
  });

  it('one prefix of two still announced is not a withdrawal', async () => {
    namesFail();
    platforms.announce(['185.89.218.0/23'], 3);
    const service = await checkFirst(facebook());
    expect(service.cause).toBe('unconfirmed');
    expect(service.context?.routes?.withdrawn).toBe(false);
  });

  it('a healthy service asks nobody', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'ok' });
    lab.http.route('/chat/api/v2/summary.json', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        page: {
          id: 'x',
          name: 'Chat',
          url: 'https://status.example',
          updated_at: '2021-10-04T15:00:00Z',
        },
        status: { indicator: 'none', description: 'All Systems Operational' },
        components: [],
        incidents: [],
        scheduled_maintenances: [],
      }),
    });
    const service = await checkFirst(facebook());
    expect(service.state).toBe('up');
    expect(service.context).toBeNull();
    expect(platforms.requests).toEqual([]);
  });

  it.each(['hang', 'rate-limited', 'garbage', 'error'] as const)(
    'RIPEstat that does %s: the verdict stands and the routes say why they are missing',
    async (failure) => {
      namesFail();
      platforms.fail('ripestat', failure);
      const service = await checkFirst({
        ...facebook(),
        context: { enabled: true, country: 'CI', ...platforms.urls },
      });
      expect(service).toMatchObject({ state: 'down', cause: 'unconfirmed' });
      expect(service.context?.routes).toMatchObject({
        withdrawn: false,
        failure: {
          hang: 'no answer in time',
          'rate-limited': 'rate-limited',
          garbage: 'unreadable',
          error: 'platform error',
        }[failure],
      });
    },
  );
});

describe('check --json', () => {
  it('gives each service its context: routes, ooni, ioda, with ISO times; null when not asked', async () => {
    namesFail();
    platforms.announce([], 2);
    const service = await checkFirst(facebook());
    const json = snapshotJson({
      checkedAt: Date.UTC(2021, 9, 4, 15, 45),
      overall: 'outage',
      connectivity: { state: 'online', detail: '3/3', references: [] },
      services: [service, { ...service, id: 'other', context: null }],
      bytes: 0,
    });
    expect(json.services[0]?.context).toEqual({
      routes: {
        checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        prefixes: [
          { prefix: '129.134.30.0/23', collectors: 2, seeing: 0 },
          { prefix: '185.89.218.0/23', collectors: 2, seeing: 0 },
        ],
        withdrawn: true,
      },
      ooni: null,
      ioda: null,
    });
    expect(json.services[1]?.context).toBeNull();
  });
});
