// "Is it me, my network, or them?" on the shapes real outages and blocks take: servers that refuse,
// hang or fail while their names resolve; TLS reset after TCP connects; Meta's business platform
// in major disruption while WhatsApp's front answers; and a second opinion from other networks
// (a Globalping-compatible server on loopback) that tells a block on your network from a block in
// your country from an outage for everyone.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type ConfigInput } from '../../shared/config-schema';
import type { ServiceStatus, Snapshot } from '../../shared/types';
import { createEngine, type Engine } from '../../main/engine';
import { snapshotJson } from '../../main/cli/output';
import { createTranslator } from '../../shared/i18n';
import { story } from '../../shared/story';
import { answerFrom, startGlobalpingLab, type GlobalpingLab } from './globalping-lab';
import { chatConfig, fixture, healthyReferences, startLab, type Lab } from './lab';

let lab: Lab;
let globalping: GlobalpingLab;
let resetter: Server;
let resetPort = 0;
const resetSockets = new Set<Socket>();

beforeAll(async () => {
  [lab, globalping] = await Promise.all([startLab(), startGlobalpingLab()]);
  // Accepts the connection, then resets it at the first byte (the TLS ClientHello): a block by SNI.
  resetter = createServer((socket) => {
    resetSockets.add(socket);
    socket.on('close', () => resetSockets.delete(socket));
    socket.on('data', () => socket.resetAndDestroy());
  });
  await new Promise<void>((resolve) => resetter.listen(0, '127.0.0.1', resolve));
  resetPort = (resetter.address() as { port: number }).port;
});
afterAll(async () => {
  for (const s of resetSockets) s.destroy();
  await Promise.all([
    lab.close(),
    globalping.close(),
    new Promise<void>((resolve) => resetter.close(() => resolve())),
  ]);
});
afterEach(() => {
  lab.http.clearRoutes();
  globalping.requests.length = 0;
  globalping.play({ mode: 'hang' });
  lab.dns.set('chat.lab.test', { a: '127.0.0.1' });
});

const TIMEOUT = 400;

function engineFor(input: ConfigInput): Engine {
  const parsed = parseConfig(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return createEngine(parsed.config, {
    extraCa: [lab.certs.ca],
    retryDelayMs: 20,
    opinionPollMs: 5,
  });
}

async function check(input: ConfigInput): Promise<ServiceStatus> {
  return chat(await checkSnapshot(input));
}

async function checkSnapshot(input: ConfigInput): Promise<Snapshot> {
  const engine = engineFor(input);
  try {
    return await engine.checkOnce();
  } finally {
    await engine.close();
  }
}

/** The same config with Chat run by `provider`. */
function runBy(input: ConfigInput, provider: string): ConfigInput {
  return { ...input, services: input.services.map((s) => ({ ...s, provider })) };
}

/** What `check --json` says of Chat, and what the banner says, in English. */
function summaryAndBanner(snapshot: Snapshot): { summary: string; banner: string } {
  const json = snapshotJson(snapshot).services.find((s) => s.id === 'chat');
  return {
    summary: json?.summary ?? '',
    banner: story(snapshot, createTranslator('en'), snapshot.checkedAt).sentence,
  };
}

function chat(snapshot: Snapshot): ServiceStatus {
  const service = snapshot.services.find((s) => s.id === 'chat');
  if (!service) throw new Error('no chat service in snapshot');
  return service;
}

/** Chat with a name that resolves and a web front at `url`, plus the given official sources. */
function chatAt(
  url: string,
  official: ConfigInput['services'][number]['probes'] = [],
): ConfigInput {
  return chatConfig(lab, {
    probes: [
      { kind: 'dns', host: 'chat.lab.test', timeoutMs: TIMEOUT },
      { kind: 'http', url, method: 'GET', timeoutMs: TIMEOUT },
      ...official,
    ],
  });
}

const statuspage = () =>
  ({ kind: 'statuspage', url: `${lab.https('status')}/chat`, timeoutMs: TIMEOUT }) as const;
const meta = (scope: 'service' | 'related' = 'related') =>
  ({
    kind: 'metastatus',
    url: `${lab.https('status')}/meta`,
    org: 'whatsapp-business-api',
    scope,
    timeoutMs: TIMEOUT,
  }) as const;

function page(file: string): void {
  lab.http.route('/chat/api/v2/summary.json', {
    headers: { 'content-type': 'application/json' },
    body: fixture(file),
  });
}

function metaOrgs(file: string): void {
  lab.http.route('/meta/data/orgs.json', {
    headers: { 'content-type': 'application/json' },
    body: fixture(file),
  });
}

/** Globalping answers: so many of 3 probes in Côte d'Ivoire and of 3 elsewhere reach the service. */
const answer = (inCountry: number, elsewhere: number) =>
  answerFrom(globalping, inCountry, elsewhere);

function withOpinion(input: ConfigInput, country: string | null = 'CI'): ConfigInput {
  return {
    ...input,
    secondOpinion: {
      enabled: true,
      url: globalping.url,
      ...(country ? { country } : {}),
      probes: 3,
      timeoutMs: 1500,
    },
  };
}

describe('unreachable while the names still resolve', () => {
  it.each([
    ['refuses connections', () => `https://chat.lab.test:1/`, 'CONN_REFUSED'],
    [
      'hangs',
      () => (lab.http.route('/hang', { hang: true }), `${lab.https('chat')}/hang`),
      'TIMEOUT',
    ],
    [
      'answers 503',
      () => (lab.http.route('/503', { status: 503 }), `${lab.https('chat')}/503`),
      'HTTP_STATUS',
    ],
  ])('a server that %s is down, not degraded', async (_what, url, code) => {
    healthyReferences(lab);
    const service = await check(chatAt(url()));
    expect(service.probes[0]).toMatchObject({ kind: 'dns', state: 'up' });
    expect(service.probes[1]).toMatchObject({ state: 'down', code });
    expect(service).toMatchObject({ state: 'down', cause: 'unconfirmed', secondOpinion: null });
  });

  it('TCP connects but TLS is reset: down, and the network is blamed when the provider says all is well', async () => {
    healthyReferences(lab);
    page('statuspage-summary-operational.json');
    const service = await check(
      chatConfig(lab, {
        probes: [
          { kind: 'dns', host: 'chat.lab.test', timeoutMs: TIMEOUT },
          { kind: 'tcp', host: 'chat.lab.test', port: resetPort, timeoutMs: TIMEOUT },
          { kind: 'http', url: `https://chat.lab.test:${resetPort}/`, timeoutMs: TIMEOUT },
          statuspage(),
        ],
      }),
    );
    expect(service.probes.map((p) => p.state)).toEqual(['up', 'up', 'down', 'up']);
    expect(service).toMatchObject({ state: 'down', cause: 'network' });
  });
});

describe('25 Oct 2022: Meta reports a major disruption of its business platform', () => {
  it("WhatsApp's front answers, the related WhatsApp Business Platform is in major disruption: down, Meta's side", async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'web' });
    metaOrgs('metastatus-orgs-outage.json');
    lab.http.route('/meta/data/outages/whatsapp-business-api.json', {
      headers: { 'content-type': 'application/json' },
      body: fixture('metastatus-outages-whatsapp-business-api.json'),
    });
    const service = await check(chatAt(`${lab.https('chat')}/`, [meta()]));
    expect(service).toMatchObject({ state: 'down', cause: 'provider' });
    const source = service.probes[2];
    expect(source).toMatchObject({ kind: 'metastatus', scope: 'related', state: 'down' });
    expect(source?.official?.subject).toBe('WhatsApp Business Platform');
    expect(source?.official?.messages[0]?.body).toBe(
      'Messages are failing to send for many businesses. We are working on a fix.',
    );
    expect(service.summary).toContain('WhatsApp Business Platform');
  });

  it('the JSON summary names Meta, as the banner does', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'web' });
    metaOrgs('metastatus-orgs-outage.json');
    lab.http.route('/meta/data/outages/whatsapp-business-api.json', {
      headers: { 'content-type': 'application/json' },
      body: fixture('metastatus-outages-whatsapp-business-api.json'),
    });
    const { summary, banner } = summaryAndBanner(
      await checkSnapshot(runBy(chatAt(`${lab.https('chat')}/`, [meta()]), 'Meta')),
    );
    const who = 'down for everyone — Meta reports a major disruption of WhatsApp Business Platform';
    expect(summary.startsWith(`${who};`)).toBe(true);
    expect(summary).toContain('Meta’s status page: WhatsApp Business Platform: ');
    expect(banner).toMatch(/^Chat has been down for everyone since /);
    expect(banner).toContain(who.replace(/^down for everyone /, ''));
  });

  it('when the JSON is unreadable, the RSS feed of open events is read instead', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'web' });
    lab.http.route('/meta/data/orgs.json', { status: 200, body: '<html>app shell</html>' });
    lab.http.route('/meta/outage-events-feed-whatsapp-business-api.rss', {
      headers: { 'content-type': 'application/rss+xml' },
      body: fixture('metastatus-feed-whatsapp-business-api.rss'),
    });
    const service = await check(chatAt(`${lab.https('chat')}/`, [meta()]));
    expect(service.probes[2]?.target).toMatch(/outage-events-feed-whatsapp-business-api\.rss$/);
    expect(service).toMatchObject({ state: 'down', cause: 'provider' });
  });

  it('all well at Meta: no outage fetch is made (cheap on data)', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'web' });
    metaOrgs('metastatus-orgs-operational.json');
    const service = await check(chatAt(`${lab.https('chat')}/`, [meta()]));
    expect(service).toMatchObject({ state: 'up' });
    expect(lab.http.hits('/meta/data/outages/whatsapp-business-api.json')).toBe(0);
  });

  it('Microsoft 365 posts: a degraded Outlook.com makes the service degraded, Microsoft’s side', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'web' });
    lab.http.route('/m365/api/posts/m365Consumer', {
      headers: { 'content-type': 'application/json' },
      body: fixture('m365-posts-consumer.json'),
    });
    const service = await check(
      chatAt(`${lab.https('chat')}/`, [
        {
          kind: 'm365',
          url: `${lab.https('status')}/m365/api/posts/m365Consumer`,
          services: ['Outlook.com'],
          timeoutMs: TIMEOUT,
        },
      ]),
    );
    expect(service).toMatchObject({ state: 'degraded', cause: 'provider' });
    expect(service.probes[2]?.official?.messages[0]?.title).toBe(
      'Outlook.com: Users may be unable to send or receive email',
    );
  });
});

describe('a related source says all is well, the probes fail: not confirmed, until other networks are asked', () => {
  const blocked = () => {
    healthyReferences(lab);
    lab.http.route('/hang', { hang: true });
    metaOrgs('metastatus-orgs-operational.json');
    return chatAt(`${lab.https('chat')}/hang`, [meta()]);
  };

  it('without a second opinion: down, not confirmed (a related "all well" never blames your network)', async () => {
    expect(await check(blocked())).toMatchObject({ state: 'down', cause: 'unconfirmed' });
  });

  it('reachable from other networks in your country: your network', async () => {
    answer(3, 3);
    const service = await check(withOpinion(blocked()));
    expect(service).toMatchObject({ state: 'down', cause: 'network' });
    expect(service.secondOpinion).toMatchObject({
      outcome: 'network',
      check: 'http',
      target: 'chat.lab.test',
      country: { code: 'CI', asked: 3, reachable: 3 },
      world: { asked: 3, reachable: 3 },
    });
    expect(globalping.rejected).toEqual([]);
    expect(globalping.requests).toHaveLength(2);
    expect(globalping.requests.find((r) => r.locations)).toMatchObject({
      type: 'http',
      target: 'chat.lab.test',
      locations: [{ country: 'CI', limit: 3 }],
      measurementOptions: { protocol: 'HTTPS', request: { method: 'GET', path: '/hang' } },
    });
    expect(service.summary).toContain('reached from other networks: 3/3 in CI, 3/3 elsewhere');
  });

  it('unreachable in your country, reachable elsewhere: your country', async () => {
    answer(0, 3);
    const service = await check(withOpinion(blocked()));
    expect(service).toMatchObject({ state: 'down', cause: 'regional' });
    // The world group leaves out the probe that Globalping found in the user's own country.
    expect(service.secondOpinion?.world).toEqual({ asked: 3, reachable: 3 });
  });

  it('unreachable from most networks everywhere: down for everyone', async () => {
    answer(0, 1);
    const service = await check(withOpinion(blocked()));
    expect(service).toMatchObject({ state: 'down', cause: 'provider' });
    expect(service.secondOpinion?.outcome).toBe('everywhere');
  });

  it('every other network failing too: the JSON summary says down for everyone, as the banner does', async () => {
    answer(0, 0);
    const { summary, banner } = summaryAndBanner(await checkSnapshot(withOpinion(blocked())));
    const who = 'down for everyone — checks from other networks confirm it';
    expect(summary.startsWith(`${who};`)).toBe(true);
    expect(summary).toContain('reached from other networks: 0/3 in CI, 0/3 elsewhere');
    expect(banner).toMatch(/^Chat has been down for everyone since /);
    expect(banner).toContain(who.replace(/^down for everyone /, ''));
  });

  it('rate-limited (429): the verdict stands without it, and says so', async () => {
    globalping.play({ mode: 'rate-limited' });
    const service = await check(withOpinion(blocked()));
    expect(service).toMatchObject({ state: 'down', cause: 'unconfirmed' });
    expect(service.secondOpinion).toMatchObject({ outcome: 'failed', failure: 'rate-limited' });
    expect(service.summary).toContain('no second opinion (rate-limited)');
  });

  it('no answer in time: the verdict stands without it, within the deadline', async () => {
    globalping.play({ mode: 'hang' });
    const started = performance.now();
    const service = await check(withOpinion(blocked()));
    expect(performance.now() - started).toBeLessThan(1500 + 2 * TIMEOUT + 1000);
    expect(service).toMatchObject({ state: 'down', cause: 'unconfirmed' });
    expect(service.secondOpinion).toMatchObject({
      outcome: 'failed',
      failure: 'no answer in time',
    });
  });

  it('a service that answers is never asked about, and a config without secondOpinion never asks', async () => {
    answer(3, 3);
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'web' });
    expect((await check(withOpinion(chatAt(`${lab.https('chat')}/`)))).secondOpinion).toBeNull();
    expect((await check(blocked())).secondOpinion).toBeNull();
    expect(globalping.requests).toHaveLength(0);
  });

  it('asked once when the trouble starts, then at most once per interval while it lasts', async () => {
    answer(3, 3);
    const engine = engineFor(withOpinion(blocked()));
    try {
      const first = chat(await engine.checkOnce());
      const second = chat(await engine.checkOnce());
      expect(globalping.requests).toHaveLength(2);
      expect(second.secondOpinion).toMatchObject({ outcome: 'network', bytes: 0 });
      expect(second.secondOpinion?.checkedAt).toBe(first.secondOpinion?.checkedAt);
    } finally {
      await engine.close();
    }
  });
});

describe('4 Oct 2021: names fail everywhere', () => {
  const outage = () => {
    healthyReferences(lab);
    lab.dns.set('chat.lab.test', { rcode: 'SERVFAIL' });
    return chatAt(`${lab.https('chat')}/`, [statuspage()]);
  };

  it('from here alone, with the status page unreachable too: down, not confirmed', async () => {
    const service = await check(outage());
    expect(service).toMatchObject({ state: 'down', cause: 'unconfirmed' });
    expect(service.summary).toContain('DNS SERVFAIL for chat.lab.test');
  });

  it('other networks cannot resolve the name either: down for everyone, checked by DNS', async () => {
    answer(0, 0);
    const service = await check(withOpinion(outage()));
    expect(service).toMatchObject({ state: 'down', cause: 'provider' });
    expect(service.secondOpinion).toMatchObject({ check: 'dns', outcome: 'everywhere' });
    expect(globalping.requests.every((r) => r.type === 'dns')).toBe(true);
  });

  it('without a country, the world alone can say "everywhere" but never "your network"', async () => {
    answer(3, 3);
    const service = await check(withOpinion(outage(), null));
    expect(service.secondOpinion).toMatchObject({
      outcome: 'inconclusive',
      country: { code: null },
    });
    expect(service.cause).toBe('unconfirmed');
    expect(globalping.requests).toHaveLength(1);
  });
});

describe('a new trouble gets a new opinion', () => {
  it('once the service is reachable again, the next trouble asks again', async () => {
    answer(3, 3);
    const engine = engineFor(withOpinion(chatAt(`${lab.https('chat')}/flip`, [meta()])));
    healthyReferences(lab);
    metaOrgs('metastatus-orgs-operational.json');
    try {
      lab.http.route('/flip', { hang: true });
      expect(chat(await engine.checkOnce()).secondOpinion?.outcome).toBe('network');
      lab.http.route('/flip', { status: 200, body: 'ok' });
      expect(chat(await engine.checkOnce()).secondOpinion).toBeNull();
      answer(0, 3);
      lab.http.route('/flip', { hang: true });
      expect(chat(await engine.checkOnce()).secondOpinion?.outcome).toBe('country');
      expect(globalping.requests).toHaveLength(4);
    } finally {
      await engine.close();
    }
  });
});

describe('one endpoint read for different things', () => {
  it('two Meta orgs from one orgs.json keep their own answer when the page answers 304', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'web' });
    lab.http.route('/meta/data/orgs.json', {
      headers: { 'content-type': 'application/json' },
      body: fixture('metastatus-orgs-outage.json'),
      etag: '"orgs-1"',
    });
    lab.http.route('/meta/data/outages/whatsapp-business-api.json', {
      headers: { 'content-type': 'application/json' },
      body: fixture('metastatus-outages-whatsapp-business-api.json'),
    });
    const graph = { ...meta(), org: 'graph-api' } as const;
    const engine = engineFor(chatAt(`${lab.https('chat')}/`, [meta(), graph]));
    try {
      const states = async () =>
        chat(await engine.checkOnce())
          .probes.slice(2)
          .map((p) => p.state);
      expect(await states()).toEqual(['down', 'up']);
      // Both read again conditionally: each gets its own cached report back.
      expect(await states()).toEqual(['down', 'up']);
      expect(lab.http.hits('/meta/data/orgs.json')).toBe(4);
    } finally {
      await engine.close();
    }
  });
});
