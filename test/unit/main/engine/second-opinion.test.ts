// The second opinion's own rules: which check other networks run, how their answers are judged,
// how often Globalping is asked, and where "your country" comes from.
import { describe, expect, it } from 'vitest';
import { serviceSchema, type ServiceConfig } from '../../../../shared/config-schema';
import { HOUR, MINUTE } from '../../../../shared/durations';
import type { ProbeResult } from '../../../../shared/types';
import type { HttpRequest } from '../../../../main/engine/net/http-client';
import {
  judgeOpinion,
  localeCountry,
  MAX_OPINIONS_PER_HOUR,
  opinionCheck,
  SecondOpinions,
} from '../../../../main/engine/second-opinion';
import { fakeClockAt, REAL_START } from '../../../helpers/clock';

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

  it('a plain http:// service: HTTP on port 80, its root, no query', () => {
    const plain = service([{ kind: 'http', url: 'http://chat.example' }]);
    expect(opinionCheck(plain, [failed('http', 'CONN_RESET')])).toEqual({
      check: 'http',
      host: 'chat.example',
      protocol: 'HTTP',
      port: 80,
      path: '/',
      query: '',
      method: 'HEAD',
      expect: [200, 399],
    });
  });

  it('an https:// service without a port: 443', () => {
    const secure = service([{ kind: 'http', url: 'https://chat.example/' }]);
    expect(opinionCheck(secure, [failed('http', 'TIMEOUT')])).toMatchObject({
      protocol: 'HTTPS',
      port: 443,
    });
  });

  it('an address given as IPv6: the address without brackets', () => {
    const v6 = service([{ kind: 'http', url: 'https://[2001:db8::1]/' }]);
    expect(opinionCheck(v6, [failed('http', 'TIMEOUT')])).toMatchObject({ host: '2001:db8::1' });
  });

  it('blocked by a name that does not exist (NXDOMAIN) or a look-up that times out: a DNS look-up', () => {
    for (const code of ['DNS_NXDOMAIN', 'DNS_TIMEOUT'] as const) {
      expect(opinionCheck(web, [failed('dns', code), failed('http', code)])).toEqual({
        check: 'dns',
        host: 'web.chat.example',
      });
    }
  });

  it('mixed failures (the name resolves badly, the page times out): the HTTP check', () => {
    expect(
      opinionCheck(web, [failed('dns', 'DNS_NXDOMAIN'), failed('http', 'TIMEOUT')]),
    ).toMatchObject({ check: 'http', host: 'web.chat.example' });
  });

  it('only slow, nothing failing: the HTTP check', () => {
    const slow = { ...failed('http', 'SLOW'), state: 'degraded' as const };
    expect(opinionCheck(web, [passed('dns'), slow])).toMatchObject({ check: 'http' });
  });

  it('a service with only a DNS probe: a look-up of its name', () => {
    const named = service([{ kind: 'dns', host: 'chat.example' }]);
    expect(opinionCheck(named, [failed('dns', 'CONN_REFUSED')])).toEqual({
      check: 'dns',
      host: 'chat.example',
    });
  });

  it('TCP-only services: HTTPS on 443, plain HTTP on any other port, any answer means reachable', () => {
    const tcp = (port: number) => service([{ kind: 'tcp', host: 'chat.example', port }]);
    expect(opinionCheck(tcp(443), [failed('tcp', 'TIMEOUT')])).toEqual({
      check: 'http',
      host: 'chat.example',
      protocol: 'HTTPS',
      port: 443,
      path: '/',
      query: '',
      method: 'HEAD',
      expect: [100, 599],
    });
    expect(opinionCheck(tcp(5222), [failed('tcp', 'TIMEOUT')])).toMatchObject({
      protocol: 'HTTP',
      port: 5222,
    });
  });

  it('a status page listed before the checks does not hide them', () => {
    const paged = service([
      { kind: 'statuspage', url: 'https://status.example/' },
      { kind: 'dns', host: 'chat.example' },
    ]);
    expect(opinionCheck(paged, [passed('statuspage'), failed('dns', 'DNS_NXDOMAIN')])).toEqual({
      check: 'dns',
      host: 'chat.example',
    });
  });

  it('the app name resolves but the web address does not: a look-up of the web address', () => {
    expect(opinionCheck(web, [passed('dns'), failed('http', 'DNS_NXDOMAIN')])).toEqual({
      check: 'dns',
      host: 'web.chat.example',
    });
  });

  it('a service with only official sources: nothing to ask other networks', () => {
    const page = service([{ kind: 'statuspage', url: 'https://status.example/' }]);
    expect(opinionCheck(page, [failed('statuspage', 'BAD_PAYLOAD')])).toBeNull();
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
    [{ asked: 2, reachable: 1 }, { asked: 3, reachable: 0 }, 'inconclusive'],
    [{ asked: 0, reachable: 0 }, { asked: 0, reachable: 0 }, 'inconclusive'],
  ] as const)('country %j, world %j → %s', (country, world, outcome) => {
    expect(judgeOpinion(country, world)).toBe(outcome);
  });
});

describe('how often Globalping is asked', () => {
  /** What the fake Globalping's probes find: the user's country, then probes elsewhere. */
  interface Reach {
    readonly here: readonly boolean[];
    readonly elsewhere: readonly boolean[];
  }
  /**
   * A Globalping that finishes every measurement at once. `reply` answers the POST instead, as a
   * rate limit or an error would. Probes elsewhere include one in the user's country (CI), which
   * the world group must leave out.
   */
  function fakeGlobalping(reach: Reach = { here: [true], elsewhere: [true] }) {
    const groups = new Map<string, 'here' | 'elsewhere'>();
    const client = {
      posts: [] as Record<string, unknown>[],
      reply: null as { status: number; headers: Record<string, string> } | null,
      /** Which group's POST gets `reply` (both when null). */
      replyTo: null as 'here' | 'elsewhere' | null,
      async request(req: HttpRequest) {
        const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
          status,
          headers,
          body: Buffer.from(JSON.stringify(body)),
          bytes: 100,
          url: req.url,
          redirects: 0,
          latencyMs: 1,
        });
        if (req.method === 'POST') {
          const body = JSON.parse(req.body ?? '{}') as Record<string, unknown>;
          client.posts.push(body);
          const group = 'locations' in body ? 'here' : 'elsewhere';
          if (client.reply && (client.replyTo ?? group) === group)
            return json(client.reply.status, {}, client.reply.headers);
          const id = `m${client.posts.length}`;
          groups.set(id, group);
          return json(202, { id, probesCount: 1 });
        }
        const group = groups.get(req.url.split('/').at(-1) ?? '') ?? 'elsewhere';
        const result = (ok: boolean) => ({ status: 'finished', statusCode: ok ? 200 : 503 });
        const results =
          group === 'here'
            ? reach.here.map((ok) => ({ probe: { country: 'CI' }, result: result(ok) }))
            : [
                { probe: { country: 'ci' }, result: result(true) },
                ...reach.elsewhere.map((ok) => ({ probe: { country: 'FR' }, result: result(ok) })),
              ];
        return json(200, { id: 'm', status: 'finished', results });
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
  const settings = {
    enabled: true,
    url: 'http://127.0.0.1:9',
    probes: 3,
    timeoutMs: 1000,
    minIntervalSeconds: 600,
    countryCode: 'CI',
    pollMs: 1,
  };
  function opinionsOn(http = fakeGlobalping(), countryCode: string | null = 'CI') {
    const clock = fakeClockAt();
    const opinions = new SecondOpinions({ ...settings, countryCode }, http, clock.now);
    return { opinions, http, clock };
  }

  it('once per service per interval, and never more than the hourly cap for all services', async () => {
    const { opinions, http, clock } = opinionsOn();
    await opinions.forService(web('a'), down);
    await opinions.forService(web('a'), down);
    expect(http.posts).toHaveLength(2); // one measurement: country and world
    clock.advance(11 * MINUTE);
    await opinions.forService(web('a'), down);
    expect(http.posts).toHaveLength(4);
    for (let i = 0; i < MAX_OPINIONS_PER_HOUR + 5; i++)
      await opinions.forService(web(`s${i}`), down);
    expect(http.posts).toHaveLength(2 * MAX_OPINIONS_PER_HOUR);
    expect(await opinions.forService(web('late'), down)).toEqual({
      country: { code: 'CI', asked: 0, reachable: 0 },
      world: { asked: 0, reachable: 0 },
      checkedAt: REAL_START + 11 * MINUTE,
      outcome: 'failed',
      check: 'http',
      target: 'late.example',
      failure: 'hourly limit reached',
      bytes: 0,
    });
  });

  it('one measurement: each group counted, the country left out of the world, judged, its bytes added up', async () => {
    const http = fakeGlobalping({ here: [false, false, true], elsewhere: [true, true, false] });
    const { opinions } = opinionsOn(http);
    expect(await opinions.forService(web('chat'), down)).toEqual({
      country: { code: 'CI', asked: 3, reachable: 1 },
      world: { asked: 3, reachable: 2 },
      checkedAt: REAL_START,
      outcome: 'country',
      check: 'http',
      target: 'chat.example',
      bytes: 400,
    });
    expect(http.posts).toEqual([
      expect.objectContaining({ target: 'chat.example', locations: [{ country: 'CI', limit: 3 }] }),
      expect.objectContaining({ target: 'chat.example', limit: 3 }),
    ]);
  });

  it('without a known country only the world is asked', async () => {
    const http = fakeGlobalping({ here: [true], elsewhere: [false, false] });
    const { opinions } = opinionsOn(http, null);
    expect(await opinions.forService(web('chat'), down)).toMatchObject({
      country: { code: null, asked: 0, reachable: 0 },
      world: { asked: 3, reachable: 1 },
      outcome: 'everywhere',
      bytes: 200,
    });
    expect(http.posts).toHaveLength(1);
  });

  it('a recent opinion is shown again at no cost until minIntervalSeconds have passed', async () => {
    const { opinions, http, clock } = opinionsOn();
    const first = await opinions.forService(web('chat'), down);
    clock.advance(10 * MINUTE - 1);
    expect(await opinions.forService(web('chat'), down)).toEqual({ ...first, bytes: 0 });
    clock.advance(1);
    expect(await opinions.forService(web('chat'), down)).toMatchObject({
      checkedAt: REAL_START + 10 * MINUTE,
      bytes: 400,
    });
    expect(http.posts).toHaveLength(4);
  });

  it('a service that recovers is forgotten: its next trouble gets a fresh opinion at once', async () => {
    const { opinions, http } = opinionsOn();
    await opinions.forService(web('chat'), down);
    opinions.forget('chat');
    await opinions.forService(web('chat'), down);
    expect(http.posts).toHaveLength(4);
  });

  it('the hourly cap frees one ask an hour after each, on a real clock', async () => {
    const { opinions, http, clock } = opinionsOn();
    for (let i = 0; i < MAX_OPINIONS_PER_HOUR; i++) {
      await opinions.forService(web(`s${i}`), down);
      clock.advance(MINUTE);
    }
    clock.advance(HOUR - MAX_OPINIONS_PER_HOUR * MINUTE - 1);
    expect(await opinions.forService(web('a'), down)).toMatchObject({
      failure: 'hourly limit reached',
    });
    clock.advance(1);
    expect(await opinions.forService(web('b'), down)).toMatchObject({ outcome: 'network' });
    expect(await opinions.forService(web('c'), down)).toMatchObject({
      failure: 'hourly limit reached',
    });
    clock.advance(MINUTE);
    expect(await opinions.forService(web('d'), down)).toMatchObject({ outcome: 'network' });
    expect(http.posts).toHaveLength(2 * (MAX_OPINIONS_PER_HOUR + 2));
  });

  it('after a 429, Globalping is left alone for as long as it says', async () => {
    const { opinions, http, clock } = opinionsOn();
    http.reply = { status: 429, headers: { 'retry-after': '120' } };
    expect(await opinions.forService(web('a'), down)).toMatchObject({
      outcome: 'failed',
      failure: 'rate-limited',
      bytes: 200,
    });
    http.reply = null;
    clock.advance(2 * MINUTE - 1);
    expect(await opinions.forService(web('b'), down)).toMatchObject({
      outcome: 'failed',
      failure: 'rate-limited',
      checkedAt: REAL_START + 2 * MINUTE - 1,
      bytes: 0,
    });
    expect(http.posts).toHaveLength(2);
    clock.advance(1);
    expect(await opinions.forService(web('c'), down)).toMatchObject({ outcome: 'network' });
    expect(http.posts).toHaveLength(4);
  });

  it('a 429 that does not say for how long: ten minutes', async () => {
    const { opinions, http, clock } = opinionsOn();
    http.reply = { status: 429, headers: {} };
    await opinions.forService(web('a'), down);
    http.reply = null;
    clock.advance(10 * MINUTE - 1);
    expect(await opinions.forService(web('b'), down)).toMatchObject({ failure: 'rate-limited' });
    clock.advance(1);
    expect(await opinions.forService(web('c'), down)).toMatchObject({ outcome: 'network' });
  });

  it('the country answers but the world is rate-limited: the failure is the rate limit', async () => {
    const { opinions, http } = opinionsOn();
    http.reply = { status: 429, headers: {} };
    http.replyTo = 'elsewhere';
    expect(await opinions.forService(web('a'), down)).toMatchObject({
      outcome: 'failed',
      failure: 'rate-limited',
      bytes: 300,
    });
  });

  it('any other failure says so and does not hold back the next ask', async () => {
    const { opinions, http } = opinionsOn();
    http.reply = { status: 500, headers: {} };
    expect(await opinions.forService(web('a'), down)).toMatchObject({
      outcome: 'failed',
      failure: 'unreachable',
      country: { code: 'CI', asked: 0, reachable: 0 },
      bytes: 200,
    });
    http.reply = null;
    expect(await opinions.forService(web('b'), down)).toMatchObject({ outcome: 'network' });
  });

  it('a service with nothing other networks could check is not asked about', async () => {
    const { opinions, http } = opinionsOn();
    const page = serviceSchema.parse({
      id: 'page',
      name: 'Page',
      category: 'other',
      probes: [{ kind: 'statuspage', url: 'https://status.example/' }],
    });
    expect(await opinions.forService(page, [failed('statuspage', 'BAD_PAYLOAD')])).toBeNull();
    expect(http.posts).toHaveLength(0);
  });

  it('a service says whether it may be asked about; otherwise the file decides', () => {
    const opinions = new SecondOpinions(
      { ...settings, enabled: false },
      fakeGlobalping(),
      fakeClockAt().now,
    );
    expect(opinions.covers(web('a'))).toBe(false);
    expect(opinions.covers({ ...web('a'), secondOpinion: true })).toBe(true);
    const everyone = new SecondOpinions(settings, fakeGlobalping(), fakeClockAt().now);
    expect(everyone.covers({ ...web('a'), secondOpinion: false })).toBe(false);
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
