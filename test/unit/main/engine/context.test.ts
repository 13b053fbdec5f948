// Public context on an injected clock starting at 4 Oct 2021, 15:45 UTC, against an in-memory
// HTTP client: what each platform's answer means (from the fixtures' shapes), and the bounds —
// once per service per 10 minutes, answers kept 10 minutes, 30 requests an hour, 429 respected.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig, type ServiceConfig } from '../../../../shared/config-schema';
import { HOUR, MINUTE } from '../../../../shared/durations';
import type {
  HttpClient,
  HttpRequest,
  HttpResponse,
} from '../../../../main/engine/net/http-client';
import { MAX_CONTEXT_REQUESTS_PER_HOUR, PublicContexts } from '../../../../main/engine/context';
import { readAggregation, aggregationUrl } from '../../../../main/engine/context/ooni';
import { readEvents, eventsUrl } from '../../../../main/engine/context/ioda';
import { readLookingGlass } from '../../../../main/engine/context/ripestat';
import { ContextError } from '../../../../main/engine/context/platform';

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url)), 'utf8'),
  ) as unknown;

const START = Date.UTC(2021, 9, 4, 15, 45);

/** An HTTP client that answers from a function of the URL and keeps every URL asked. */
function fakeHttp(
  answer: (url: URL) => { status: number; body: unknown; headers?: Record<string, string> },
) {
  const asked: string[] = [];
  const http: HttpClient = {
    async request(req: HttpRequest): Promise<HttpResponse> {
      asked.push(req.url);
      const { status, body, headers } = answer(new URL(req.url));
      const buffer = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      return {
        status,
        headers: headers ?? {},
        body: buffer,
        bytes: buffer.length,
        url: req.url,
        redirects: 0,
        latencyMs: 1,
      } as HttpResponse;
    },
    async close() {},
  };
  return { http, asked };
}

/** Every platform answers as quietly as it can: routes announced, a few OONI tests, no outage. */
const calm = (url: URL) => {
  if (url.pathname.endsWith('looking-glass/data.json')) {
    const prefix = url.searchParams.get('resource') ?? '';
    return {
      status: 200,
      body: {
        status: 'ok',
        data: { rrcs: [{ rrc: 'RRC00', location: 'x', peers: [{ prefix }] }] },
      },
    };
  }
  if (url.pathname.endsWith('/aggregation'))
    return { status: 200, body: fixture('ooni/aggregation-probe-asn.json') };
  return { status: 200, body: { type: 'outages.events', error: null, data: [] } };
};

function services(count: number, withRoutes = false): ServiceConfig[] {
  const parsed = parseConfig({
    version: 1,
    connectivity: { targets: [{ url: 'http://127.0.0.1/generate_204', expectStatus: 204 }] },
    services: Array.from({ length: count }, (_, i) => ({
      id: `s${i}`,
      name: `S${i}`,
      category: 'messaging',
      context: withRoutes
        ? { routes: [`10.${i}.0.0/16`] }
        : { ooni: i % 2 === 0 ? { test: 'whatsapp' } : { test: 'telegram' } },
      probes: [{ kind: 'dns', host: 'chat.example' }],
    })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config.services;
}

function contexts(http: HttpClient, clock: { now: number }) {
  return new PublicContexts(
    {
      enabled: true,
      countryCode: 'CI',
      ooniUrl: 'https://api.ooni.io',
      iodaUrl: 'https://api.ioda.inetintel.cc.gatech.edu/v2',
      ripestatUrl: 'https://stat.ripe.net',
    },
    http,
    () => clock.now,
  );
}

describe('what each platform answer means', () => {
  it('RIPEstat: a route counts only for exactly the prefix asked, not a covering one', () => {
    const answer = fixture('ripestat/looking-glass-announced.json');
    expect(readLookingGlass(answer, '62.106.78.0/24', 0)).toEqual({
      prefix: '62.106.78.0/24',
      collectors: 1,
      seeing: 1,
    });
    expect(readLookingGlass(answer, '62.106.78.0/23', 0)).toMatchObject({
      collectors: 1,
      seeing: 0,
    });
  });

  it('OONI: counts per network with failures left out; an error answered with 200 is an error', () => {
    expect(readAggregation(fixture('ooni/aggregation-probe-asn.json'), 0)).toEqual([
      { asn: 18881, ok: 0, anomaly: 1, confirmed: 0 },
      { asn: 28573, ok: 0, anomaly: 3, confirmed: 0 },
      { asn: 53029, ok: 1, anomaly: 0, confirmed: 0 },
    ]);
    expect(() => readAggregation(fixture('ooni/aggregation-error.json'), 0)).toThrow(
      new ContextError('platform error', 'Axis X and Y cannot be the same', 0),
    );
    expect(() => readAggregation({ msg: 'Invalid probe_cc' }, 0)).toThrow('Invalid probe_cc');
  });

  it('OONI: the request is the one documented, since yesterday until tomorrow (exclusive)', () => {
    expect(
      aggregationUrl(
        'https://api.ooni.io/',
        { country: 'CI', test: 'web_connectivity', domains: ['www.facebook.com'] },
        START,
      ),
    ).toBe(
      'https://api.ooni.io/api/v1/aggregation?probe_cc=CI&test_name=web_connectivity&domain=www.facebook.com&since=2021-10-03&until=2021-10-05&axis_y=probe_asn',
    );
  });

  it('IODA: both event shapes are read; only the country’s event going on now counts', () => {
    const tunisia = fixture('ioda/events-format-ioda.json');
    // The recorded window ends at 1791381600: the first Tunisian event runs to it.
    const end = 1791381600 * 1000;
    expect(readEvents(tunisia, 'TN', end, 0)).toEqual({
      since: 1790724000 * 1000,
      datasource: 'ping-slash24',
      score: 235515.1662809112,
    });
    expect(readEvents(tunisia, 'CI', end, 0)).toBeNull();
    const tonga = fixture('ioda/events-default.json');
    expect(readEvents(tonga, 'TO', (1788422700 + 1800) * 1000, 0)).toMatchObject({
      datasource: 'ping-slash24',
    });
    expect(readEvents(tonga, 'TO', (1788422700 + 3 * 3600) * 1000, 0)).toBeNull();
    expect(() => readEvents(fixture('ioda/events-error.json'), 'TO', end, 0)).toThrow(
      "'from' timestamp must be set",
    );
    expect(eventsUrl('https://api.ioda.inetintel.cc.gatech.edu/v2', 'CI', START)).toBe(
      `https://api.ioda.inetintel.cc.gatech.edu/v2/outages/events?entityType=country&entityCode=CI&from=${START / 1000 - 6 * 3600}&until=${START / 1000}&ignoreMethods=*.sarima`,
    );
  });
});

describe('the bounds', () => {
  it('a service is asked about at most once per 10 minutes while its trouble lasts', async () => {
    const clock = { now: START };
    const { http, asked } = fakeHttp(calm);
    const ctx = contexts(http, clock);
    const [whatsapp] = services(1);
    if (!whatsapp) throw new Error('no service');
    const first = await ctx.country(whatsapp);
    expect(asked).toHaveLength(2);
    expect(first.ooni?.bytes).toBeGreaterThan(0);
    clock.now += 9 * MINUTE;
    const again = await ctx.country(whatsapp);
    expect(asked).toHaveLength(2);
    expect(again.ooni).toMatchObject({ bytes: 0, checkedAt: START });
    clock.now += 2 * MINUTE;
    await ctx.country(whatsapp);
    expect(asked).toHaveLength(4);
  });

  it('answers are kept 10 minutes: services of one country share IODA’s', async () => {
    const clock = { now: START };
    const { http, asked } = fakeHttp(calm);
    const ctx = contexts(http, clock);
    const [a, b, c] = services(3);
    await Promise.all([a, b, c].map((s) => ctx.country(s as ServiceConfig)));
    // Two services share WhatsApp's OONI test; all three share the country's IODA events.
    const ioda = asked.filter((u) => u.includes('/outages/events'));
    const ooni = asked.filter((u) => u.includes('/aggregation'));
    expect(ooni).toHaveLength(2);
    expect(ioda).toHaveLength(1);
    clock.now += 5 * MINUTE;
    const [d] = services(5).slice(4);
    const later = await ctx.country(d as ServiceConfig);
    // A new service in trouble five minutes later reuses the kept answers, at no cost.
    expect(asked).toHaveLength(3);
    expect(later.ooni).toMatchObject({ bytes: 0, networks: expect.any(Array) });
  });

  it('no more than 30 requests leave in any hour; the rest say "hourly limit reached"', async () => {
    const clock = { now: START };
    const { http, asked } = fakeHttp(calm);
    const ctx = contexts(http, clock);
    const many = services(40, true);
    const results = [];
    for (const s of many) results.push(await ctx.routes(s));
    expect(asked).toHaveLength(MAX_CONTEXT_REQUESTS_PER_HOUR);
    expect(results.slice(30).every((r) => r?.failure === 'hourly limit reached')).toBe(true);
    expect(results.slice(30).every((r) => r?.withdrawn === false)).toBe(true);
    clock.now += HOUR;
    for (const s of many.slice(30)) ctx.forget(s.id);
    for (const s of many.slice(30)) await ctx.routes(s);
    expect(asked).toHaveLength(40);
  });

  it('a 429 leaves the platform alone as long as it asks, the others still answer', async () => {
    const clock = { now: START };
    const { http, asked } = fakeHttp((url) =>
      url.pathname.endsWith('/aggregation')
        ? { status: 429, body: 'slow down', headers: { 'retry-after': '1200' } }
        : calm(url),
    );
    const ctx = contexts(http, clock);
    const [whatsapp] = services(1);
    if (!whatsapp) throw new Error('no service');
    const first = await ctx.country(whatsapp);
    expect(first.ooni?.failure).toBe('rate-limited');
    expect(first.ioda?.failure).toBeUndefined();
    clock.now += 11 * MINUTE;
    ctx.forget(whatsapp.id);
    const second = await ctx.country(whatsapp);
    expect(second.ooni?.failure).toBe('rate-limited');
    expect(asked.filter((u) => u.includes('/aggregation'))).toHaveLength(1);
    clock.now += 10 * MINUTE;
    ctx.forget(whatsapp.id);
    await ctx.country(whatsapp);
    expect(asked.filter((u) => u.includes('/aggregation'))).toHaveLength(2);
  });

  it('without a known country nothing about the country is asked', async () => {
    const clock = { now: START };
    const { http, asked } = fakeHttp(calm);
    const ctx = new PublicContexts(
      {
        enabled: true,
        countryCode: null,
        ooniUrl: 'https://o',
        iodaUrl: 'https://i',
        ripestatUrl: 'https://r',
      },
      http,
      () => clock.now,
    );
    const [whatsapp] = services(1);
    expect(await ctx.country(whatsapp as ServiceConfig)).toEqual({ ooni: null, ioda: null });
    expect(asked).toEqual([]);
  });
});
