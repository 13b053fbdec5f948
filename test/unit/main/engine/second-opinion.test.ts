// The second opinion's own rules: which check other networks run, how their answers are judged,
// how often Globalping is asked, and where "your country" comes from.
import { describe, expect, it } from 'vitest';
import { serviceSchema, type ServiceConfig } from '../../../../shared/config-schema';
import { MINUTE } from '../../../../shared/durations';
import type { ProbeResult } from '../../../../shared/types';
import type { HttpClient, HttpRequest } from '../../../../main/engine/net/http-client';
import {
  judgeOpinion,
  localeCountry,
  MAX_OPINIONS_PER_HOUR,
  opinionCheck,
  SecondOpinions,
} from '../../../../main/engine/second-opinion';

const service = (probes: unknown[]): ServiceConfig =>
  serviceSchema.parse({ id: 'chat', name: 'Chat', category: 'messaging', probes });

const failed = (kind: ProbeResult['kind'], code: ProbeResult['code']): ProbeResult => ({
  kind,
  target: 'x',
  state: 'down',
  code,
  latencyMs: 0,
  bytes: 0,
  detail: '',
  attempts: 2,
});
const passed = (kind: ProbeResult['kind']): ProbeResult => ({ ...failed(kind, null), state: 'up' });

describe('which check other networks run', () => {
  const web = service([
    { kind: 'dns', host: 'chat.example' },
    {
      kind: 'http',
      url: 'https://web.chat.example:8443/app?x=1',
      method: 'GET',
      expectStatus: [200, 299],
    },
  ]);

  it("the service's own HTTP check: host, port, path, query, method and what counts as an answer", () => {
    expect(opinionCheck(web, [passed('dns'), failed('http', 'TIMEOUT')])).toEqual({
      check: 'http',
      host: 'web.chat.example',
      protocol: 'HTTPS',
      port: 8443,
      path: '/app',
      query: 'x=1',
      method: 'GET',
      expect: [200, 299],
    });
  });

  it('a DNS look-up when every failure is a name failure', () => {
    expect(
      opinionCheck(web, [failed('dns', 'DNS_SERVFAIL'), failed('http', 'DNS_SERVFAIL')]),
    ).toEqual({ check: 'dns', host: 'web.chat.example' });
  });

  it('a TLS-only service: any HTTP answer on its port means reachable', () => {
    const tls = service([{ kind: 'tls', host: 'chat.example', port: 5223 }]);
    expect(opinionCheck(tls, [failed('tls', 'CONN_RESET')])).toMatchObject({
      check: 'http',
      protocol: 'HTTPS',
      port: 5223,
      expect: [100, 599],
    });
  });
});

describe('judging the answers (docs/design.md#verdict)', () => {
  it.each([
    [{ asked: 3, reachable: 3 }, { asked: 3, reachable: 0 }, 'network'],
    [{ asked: 3, reachable: 2 }, { asked: 3, reachable: 3 }, 'network'],
    [{ asked: 3, reachable: 0 }, { asked: 3, reachable: 3 }, 'country'],
    [{ asked: 3, reachable: 1 }, { asked: 3, reachable: 2 }, 'country'],
    [{ asked: 3, reachable: 0 }, { asked: 3, reachable: 0 }, 'everywhere'],
    [{ asked: 0, reachable: 0 }, { asked: 3, reachable: 1 }, 'everywhere'],
    [{ asked: 0, reachable: 0 }, { asked: 3, reachable: 3 }, 'inconclusive'],
    [{ asked: 2, reachable: 1 }, { asked: 2, reachable: 1 }, 'inconclusive'],
    [{ asked: 0, reachable: 0 }, { asked: 0, reachable: 0 }, 'inconclusive'],
  ] as const)('country %j, world %j → %s', (country, world, outcome) => {
    expect(judgeOpinion(country, world)).toBe(outcome);
  });
});

describe('how often Globalping is asked', () => {
  /** A Globalping that answers every measurement at once: all probes reach the service. */
  function fakeGlobalping(): HttpClient & { posts: number } {
    const client = {
      posts: 0,
      async request(req: HttpRequest) {
        const json = (status: number, body: unknown) => ({
          status,
          headers: {},
          body: Buffer.from(JSON.stringify(body)),
          bytes: 100,
          url: req.url,
          redirects: 0,
          latencyMs: 1,
        });
        if (req.method === 'POST') {
          client.posts++;
          return json(202, { id: `m${client.posts}`, probesCount: 1 });
        }
        return json(200, {
          id: 'm',
          status: 'finished',
          results: [{ probe: { country: 'CI' }, result: { status: 'finished', statusCode: 200 } }],
        });
      },
      async close() {},
    };
    return client;
  }
  const web = (id: string) =>
    serviceSchema.parse({
      id,
      name: id,
      category: 'other',
      probes: [{ kind: 'http', url: `https://${id}.example/` }],
    });
  const down = [failed('http', 'TIMEOUT')];

  it('once per service per interval, and never more than the hourly cap for all services', async () => {
    let now = 0;
    const http = fakeGlobalping();
    const opinions = new SecondOpinions(
      {
        enabled: true,
        url: 'http://127.0.0.1:9',
        probes: 1,
        timeoutMs: 1000,
        minIntervalSeconds: 600,
        countryCode: 'CI',
        pollMs: 1,
      },
      http,
      () => now,
    );
    await opinions.forService(web('a'), down);
    await opinions.forService(web('a'), down);
    expect(http.posts).toBe(2); // one measurement: country and world
    now += 11 * MINUTE;
    await opinions.forService(web('a'), down);
    expect(http.posts).toBe(4);
    for (let i = 0; i < MAX_OPINIONS_PER_HOUR + 5; i++)
      await opinions.forService(web(`s${i}`), down);
    expect(http.posts).toBe(2 * MAX_OPINIONS_PER_HOUR);
    expect(await opinions.forService(web('late'), down)).toMatchObject({
      outcome: 'failed',
      failure: 'hourly limit reached',
    });
  });

  it('a service says whether it may be asked about; otherwise the file decides', () => {
    const settings = {
      enabled: false,
      url: 'http://127.0.0.1:9',
      probes: 1,
      timeoutMs: 1000,
      minIntervalSeconds: 600,
      countryCode: null,
    };
    const opinions = new SecondOpinions(settings, fakeGlobalping(), () => 0);
    expect(opinions.covers(web('a'))).toBe(false);
    expect(opinions.covers({ ...web('a'), secondOpinion: true })).toBe(true);
  });
});

describe('the country from a locale', () => {
  it.each([
    ['fr_CI.UTF-8', 'CI'],
    ['ar_MA.UTF-8', 'MA'],
    ['en-US', 'US'],
    ['fr', null],
    ['C', null],
    [undefined, null],
  ])('%s → %s', (locale, country) => {
    expect(localeCountry(locale)).toBe(country);
  });
});
