// Public context replayed on loopback platforms that speak RIPEstat's, OONI's and IODA's shapes:
// the 4 October 2021 withdrawal of the routes to Meta's name servers, a block of WhatsApp in Côte
// d'Ivoire, a country-wide outage, and every way a platform can fail — the verdict stands.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type ConfigInput } from '../../shared/config-schema';
import { createTranslator, type Language } from '../../shared/i18n';
import { localSummary } from '../../shared/i18n/evidence';
import { story } from '../../shared/story';
import type { ServiceStatus, Snapshot } from '../../shared/types';
import { createEngine } from '../../main/engine';
import { snapshotJson } from '../../main/cli/output';
import { noticesFor } from '../../main/shell/notification-model';
import { defaultSettings } from '../../shared/settings-schema';
import { startContextLab, type ContextLab } from './context-lab';
import { answerFrom, startGlobalpingLab, type GlobalpingLab } from './globalping-lab';
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

/** WhatsApp on the lab, whose front refuses connections here; OONI's WhatsApp test and Meta's routes. */
function whatsapp(): ConfigInput {
  return {
    version: 1,
    dnsServers: [lab.dns.server],
    connectivity: labConnectivity(lab),
    context: { enabled: true, country: 'CI', ...platforms.urls },
    secondOpinion: {
      enabled: true,
      url: globalping.url,
      country: 'CI',
      probes: 3,
      timeoutMs: 1500,
    },
    services: [
      {
        id: 'whatsapp',
        name: 'WhatsApp',
        category: 'messaging',
        critical: true,
        provider: 'Meta',
        context: { ooni: { test: 'whatsapp' }, routes: META_DNS },
        probes: [
          { kind: 'dns', host: 'chat.lab.test', timeoutMs: TIMEOUT },
          { kind: 'http', url: 'https://chat.lab.test:1/', method: 'GET', timeoutMs: TIMEOUT },
        ],
      },
    ],
  };
}

/** A block in Côte d'Ivoire: Meta's routes are up, other Ivorian networks fail, the world reaches it. */
function blockedInCountry(): void {
  healthyReferences(lab);
  platforms.announce(META_DNS, 3);
  answerFrom(globalping, 0, 3);
}

const NOW = Date.UTC(2021, 9, 4, 16, 0);

function snapshotOf(service: ServiceStatus): Snapshot {
  return {
    checkedAt: NOW,
    overall: 'outage',
    connectivity: { state: 'online', detail: '3/3', references: [] },
    services: [{ ...service, since: Date.UTC(2021, 9, 4, 15, 40) }],
    bytes: 0,
  };
}

/** When the trouble began, as the English story words it. */
const SINCE = createTranslator('en').time(Date.UTC(2021, 9, 4, 15, 40), NOW);

const sentence = (service: ServiceStatus, language: Language = 'en') =>
  story(snapshotOf(service), createTranslator(language), NOW).sentence;

/** Two Ivorian networks (Orange, MTN) whose OONI WhatsApp tests mostly found anomalies. */
const TWO_NETWORKS_ANOMALOUS = [
  { asn: 29571, ok: 2, anomaly: 8, failure: 3 },
  { asn: 36974, ok: 1, anomaly: 4, confirmed: 1 },
];

describe('the story the platforms allow', () => {
  it('2021 replay: "down for everyone — Facebook’s routes to its name servers were withdrawn", from routing alone', async () => {
    namesFail();
    const service = await checkFirst(facebook());
    expect(sentence(service)).toBe(
      `Facebook has been down for everyone since ${SINCE} — Facebook’s routes to its name servers were withdrawn`,
    );
    expect(
      localSummary(service.probes, createTranslator('en'), service.cause, null, {
        context: service.context,
        service: service.name,
      }),
    ).toContain(
      'Facebook’s network withdrew the routes to its name servers (RIPE RIS, 0 of 3 collectors,',
    );
    expect(sentence(service, 'fr')).toContain(
      'les routes vers les serveurs de noms de Facebook ont été retirées',
    );
    expect(sentence(service, 'ar')).toContain('سُحبت المسارات إلى خوادم أسماء Facebook');
    const [notice] = noticesFor(
      [{ serviceId: 'facebook', name: 'Facebook', at: NOW, previous: null, current: service }],
      {
        settings: defaultSettings(),
        tr: createTranslator('en'),
        now: NOW,
        snapshot: snapshotOf(service),
      },
    );
    expect(notice?.body).toContain('Facebook’s routes to its name servers were withdrawn.');
  });

  it('a WhatsApp block on two Ivorian networks, OONI anomalies and a regional second opinion → "blocked in Côte d’Ivoire"', async () => {
    blockedInCountry();
    platforms.ooni(TWO_NETWORKS_ANOMALOUS);
    const service = await checkFirst(whatsapp());
    expect(service).toMatchObject({ state: 'down', cause: 'regional' });
    expect(service.context?.ooni?.networks).toEqual([
      { asn: 29571, ok: 2, anomaly: 8, confirmed: 0 },
      { asn: 36974, ok: 1, anomaly: 4, confirmed: 1 },
    ]);
    expect(service.context?.ioda).toMatchObject({ country: 'CI', outage: null });
    expect(sentence(service)).toMatch(
      new RegExp(`^WhatsApp is blocked in Côte d.Ivoire since ${SINCE}`),
    );
    expect(sentence(service, 'fr')).toMatch(/^WhatsApp est bloqué en Côte d.Ivoire/);
    expect(sentence(service, 'ar')).toContain('محجوبة في');
    const words = localSummary(service.probes, createTranslator('en'), service.cause, null, {
      context: service.context,
      service: service.name,
    });
    // Failures are left out: 13 anomalies of 16 tests, on 2 networks.
    expect(words).toContain(
      'OONI: 13 of 16 WhatsApp tests in Côte d’Ivoire in the last 48 h found anomalies; networks: 2',
    );
    expect(words).toContain('IODA: no country-wide internet outage in Côte d’Ivoire');
    const asked = platforms.requests.filter((r) => !r.startsWith('/data/')).sort();
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatch(
      /^\/api\/v1\/aggregation\?probe_cc=CI&test_name=whatsapp&since=\d{4}-\d\d-\d\d&until=\d{4}-\d\d-\d\d&axis_y=probe_asn$/,
    );
    expect(asked[1]).toMatch(
      /^\/v2\/outages\/events\?entityType=country&entityCode=CI&from=\d+&until=\d+&ignoreMethods=\*\.sarima$/,
    );
  });

  it('the same with too few OONI tests → "unreachable from your country", and it says why', async () => {
    blockedInCountry();
    platforms.ooni([{ asn: 29571, ok: 0, anomaly: 2 }]);
    const service = await checkFirst(whatsapp());
    expect(service.cause).toBe('regional');
    expect(sentence(service)).toMatch(
      new RegExp(`^WhatsApp has been unreachable from your country since ${SINCE}`),
    );
    expect(
      localSummary(service.probes, createTranslator('en'), service.cause, null, {
        context: service.context,
        service: service.name,
      }),
    ).toContain('not enough OONI tests from Côte d’Ivoire (2 in 48 h)');
  });

  it('anomalies on one network only are not a country block', async () => {
    blockedInCountry();
    platforms.ooni([{ asn: 29571, ok: 0, anomaly: 9 }]);
    const service = await checkFirst(whatsapp());
    expect(sentence(service)).toMatch(/^WhatsApp has been unreachable from your country/);
  });

  it('an IODA country outage → "an internet disruption", never "blocked"', async () => {
    blockedInCountry();
    platforms.ooni(TWO_NETWORKS_ANOMALOUS);
    platforms.ioda({ country: 'CI', since: Date.now() - 50 * 60_000, until: Date.now() });
    const service = await checkFirst(whatsapp());
    expect(service.context?.ioda?.outage).toMatchObject({ datasource: 'ping-slash24' });
    expect(sentence(service)).toMatch(
      /^An internet disruption in Côte d.Ivoire keeps WhatsApp out of reach/,
    );
    expect(sentence(service, 'fr')).toMatch(/^Une coupure d.internet en Côte d.Ivoire/);
  });

  it.each([
    ['ooni', 'hang', 'no answer in time'],
    ['ooni', 'rate-limited', 'rate-limited'],
    ['ooni', 'garbage', 'unreadable'],
    ['ooni', 'error', 'platform error'],
    ['ioda', 'hang', 'no answer in time'],
    ['ioda', 'rate-limited', 'rate-limited'],
    ['ioda', 'garbage', 'unreadable'],
    ['ioda', 'error', 'platform error'],
  ] as const)(
    '%s that does %s: the verdict stands, "blocked" is not said, and the evidence says why',
    async (platform, failure, reason) => {
      blockedInCountry();
      platforms.ooni(TWO_NETWORKS_ANOMALOUS);
      platforms.fail(platform, failure);
      const service = await checkFirst(whatsapp());
      expect(service).toMatchObject({ state: 'down', cause: 'regional' });
      expect(service.context?.[platform]?.failure).toBe(reason);
      expect(sentence(service)).toMatch(/^WhatsApp has been unreachable from your country/);
      const words = localSummary(service.probes, createTranslator('en'), service.cause, null, {
        context: service.context,
        service: service.name,
      });
      expect(words).toContain(
        platform === 'ooni' ? 'OONI could not be asked (' : 'IODA could not be asked (',
      );
      if (failure === 'error') {
        expect(service.context?.[platform]?.message).toBe(
          platform === 'ooni' ? 'Axis X and Y cannot be the same' : "'from' timestamp must be set",
        );
      }
    },
  );
});
