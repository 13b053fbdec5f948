// Outage scenarios played on loopback servers, through the engine's API: the user's questions
// "is it me, my network, or them?" answered end to end with real HTTP, HTTPS and DNS.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type ConfigInput } from '../../shared/config-schema';
import type { Snapshot } from '../../shared/types';
import { createEngine } from '../../main/engine';
import { chatConfig, fixture, healthyReferences, roomyChatConfig, startLab, type Lab } from './lab';

let lab: Lab;

beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});
afterEach(() => {
  lab.http.clearRoutes();
  lab.expiring.clearRoutes();
  lab.dns.set('chat.lab.test', { a: '127.0.0.1' });
  lab.dns.set('status.lab.test', { a: '127.0.0.1' });
  lab.dns.set('ref.lab.test', { a: '127.0.0.1' });
});

async function checkOnce(input: ConfigInput): Promise<Snapshot> {
  const parsed = parseConfig(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const engine = createEngine(parsed.config, { extraCa: [lab.certs.ca], retryDelayMs: 20 });
  try {
    return await engine.checkOnce();
  } finally {
    await engine.close();
  }
}

function statusPage(name: string): void {
  lab.http.route('/chat/api/v2/summary.json', {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: fixture(name),
  });
}

function chat(snapshot: Snapshot) {
  const service = snapshot.services.find((s) => s.id === 'chat');
  if (!service) throw new Error('no chat service in snapshot');
  return service;
}

describe('given a clean network', () => {
  it('all well: the service is up with no cause and the evidence of each probe', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: '<html>chat</html>' });
    statusPage('statuspage-summary-operational.json');
    const snapshot = await checkOnce(chatConfig(lab));
    expect(snapshot.connectivity.state).toBe('online');
    expect(snapshot.overall).toBe('ok');
    expect(chat(snapshot)).toMatchObject({ state: 'up', cause: null });
    expect(chat(snapshot).probes.map((p) => [p.kind, p.state])).toEqual([
      ['dns', 'up'],
      ['http', 'up'],
      ['statuspage', 'up'],
    ]);
    expect(snapshot.bytes).toBeGreaterThan(0);
  });

  it('provider outage: the status page says major outage and the site answers 503', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 503, body: 'down' });
    statusPage('statuspage-summary-major.json');
    const service = chat(await checkOnce(chatConfig(lab)));
    expect(service).toMatchObject({ state: 'down', cause: 'provider' });
    expect(service.summary).toContain('Messages are failing to send');
    expect(service.probes[1]).toMatchObject({ code: 'HTTP_STATUS', attempts: 2 });
  });

  it('4 Oct 2021: SERVFAIL for the provider names and its status page unreachable: down, not confirmed from here alone', async () => {
    healthyReferences(lab);
    lab.dns.set('chat.lab.test', { rcode: 'SERVFAIL' });
    lab.dns.set('status.lab.test', { rcode: 'SERVFAIL' });
    const service = chat(await checkOnce(chatConfig(lab)));
    // An unreachable status page is no evidence against anyone (truth.test.ts asks other networks).
    expect(service).toMatchObject({ state: 'down', cause: 'unconfirmed' });
    expect(service.probes.map((p) => p.code)).toEqual([
      'DNS_SERVFAIL',
      'DNS_SERVFAIL',
      'DNS_SERVFAIL',
    ]);
    expect(service.summary).toContain('DNS SERVFAIL for chat.lab.test');
    expect(service.summary).toContain('status page unreachable');
  });

  it('blocked from here: the provider says operational while nothing reaches it means down, network', async () => {
    healthyReferences(lab);
    lab.dns.set('chat.lab.test', { rcode: 'NXDOMAIN' });
    statusPage('statuspage-summary-operational.json');
    const service = chat(await checkOnce(chatConfig(lab)));
    expect(service).toMatchObject({ state: 'down', cause: 'network' });
    expect(service.probes[0]?.code).toBe('DNS_NXDOMAIN');
    expect(service.summary).toContain('status page says all is well');
  });

  it('slow: a page slower than slowMs makes the service degraded, unconfirmed, with SLOW', async () => {
    healthyReferences(lab);
    // 600 ms is past 400 ms on any machine, and far within the roomy deadlines on a busy one.
    lab.http.route('/', { status: 200, body: 'ok', delayMs: 600 });
    statusPage('statuspage-summary-operational.json');
    const service = chat(await checkOnce(roomyChatConfig(lab, 400)));
    expect(service).toMatchObject({ state: 'degraded', cause: 'unconfirmed' });
    expect(service.probes[1]).toMatchObject({ state: 'degraded', code: 'SLOW' });
    expect(service.probes[1]?.latencyMs).toBeGreaterThanOrEqual(600);
  });

  it('hanging: a page that never answers times out at its own deadline (a twin sent halfway and a short retry time out too), and the service is down', async () => {
    healthyReferences(lab);
    lab.http.route('/', { hang: true });
    statusPage('statuspage-summary-operational.json');
    const service = chat(await checkOnce(chatConfig(lab)));
    expect(service.probes[1]).toMatchObject({ state: 'down', code: 'TIMEOUT', attempts: 3 });
    expect(service.probes[1]?.latencyMs).toBeGreaterThanOrEqual(1000);
    // One deadline, not two: a second full timeout would make it 2,000 ms or more (the margin
    // below that is for a busy machine's late timers).
    expect(service.probes[1]?.latencyMs).toBeLessThan(2000);
    // The name resolves, but that never makes an unreachable service "partly up".
    expect(service).toMatchObject({ state: 'down', cause: 'network' });
  });

  it('certificate expiring: the TLS probe warns with the days left', async () => {
    healthyReferences(lab);
    const snapshot = await checkOnce(
      chatConfig(lab, {
        probes: [
          {
            kind: 'tls',
            host: 'cert.lab.test',
            port: lab.expiring.httpsPort,
            dnsServers: [lab.dns.server],
            timeoutMs: 1000,
          },
        ],
      }),
    );
    const probe = chat(snapshot).probes[0];
    expect(probe).toMatchObject({ state: 'degraded', code: 'CERT_EXPIRING' });
    expect(probe?.detail).toMatch(/expires in [45] day/);
    expect(chat(snapshot)).toMatchObject({ state: 'degraded', cause: 'unconfirmed' });
  });

  it('a certificate we do not trust is a TLS error, not a pass', async () => {
    healthyReferences(lab);
    const parsed = parseConfig(
      chatConfig(lab, {
        probes: [{ kind: 'tls', host: 'cert.lab.test', port: lab.http.httpsPort, timeoutMs: 1000 }],
      }),
    );
    if (!parsed.ok) throw new Error('bad config');
    const engine = createEngine(parsed.config, { retryDelayMs: 20 });
    const snapshot = await engine.checkOnce();
    await engine.close();
    expect(chat(snapshot).probes[0]).toMatchObject({ state: 'down', code: 'TLS_ERROR' });
  });

  it('follows a bounded number of redirects, never to a non-web address', async () => {
    healthyReferences(lab);
    lab.http.route('/old', { status: 301, headers: { location: '/new' } });
    lab.http.route('/new', { status: 200, body: 'hello' });
    lab.http.route('/loop', { status: 302, headers: { location: '/loop' } });
    lab.http.route('/ftp', { status: 302, headers: { location: 'ftp://files.example/' } });
    lab.http.route('/bad', { status: 302, headers: { location: 'http://[not an address' } });
    const url = (path: string) => `${lab.https('chat')}${path}`;
    const snapshot = await checkOnce(
      chatConfig(lab, {
        probes: [
          { kind: 'http', url: url('/old'), method: 'GET', expectBody: 'hello', timeoutMs: 1000 },
          { kind: 'http', url: url('/loop'), expectStatus: 200, maxRedirects: 2, timeoutMs: 1000 },
          { kind: 'http', url: url('/ftp'), timeoutMs: 1000 },
          // A loop is a failure even when 3xx is an accepted answer (the default 200–399).
          { kind: 'http', url: url('/loop'), timeoutMs: 1000 },
          { kind: 'http', url: url('/bad'), timeoutMs: 1000 },
        ],
      }),
    );
    const [moved, loop, ftp, loopDefault, bad] = chat(snapshot).probes;
    expect(moved).toMatchObject({ state: 'up' });
    expect(moved?.detail).toMatch(/^HTTP 200 after 1 redirect in/);
    expect(loop).toMatchObject({
      state: 'down',
      code: 'HTTP_STATUS',
      detail: 'HTTP 302: still redirecting after 2 redirects (a redirect loop?)',
    });
    expect(ftp).toMatchObject({ state: 'down', code: 'HTTP_STATUS' });
    expect(loopDefault).toMatchObject({
      state: 'down',
      code: 'HTTP_STATUS',
      detail: 'HTTP 302: still redirecting after 3 redirects (a redirect loop?)',
    });
    expect(bad).toMatchObject({
      state: 'down',
      code: 'HTTP_STATUS',
      detail: expect.stringContaining('redirects to an invalid address'),
    });
  });

  it('a TCP port that refuses is CONN_REFUSED; one that accepts is up with its connect time', async () => {
    healthyReferences(lab);
    const snapshot = await checkOnce(
      chatConfig(lab, {
        probes: [
          { kind: 'tcp', host: 'chat.lab.test', port: lab.http.httpPort, timeoutMs: 1000 },
          { kind: 'tcp', host: '127.0.0.1', port: 1, timeoutMs: 1000 },
        ],
      }),
    );
    expect(chat(snapshot).probes.map((p) => [p.state, p.code])).toEqual([
      ['up', null],
      ['down', 'CONN_REFUSED'],
    ]);
  });
});

describe('given a status page that answers garbage', () => {
  const officialOnly = (lab: Lab) =>
    chatConfig(lab, {
      probes: [{ kind: 'statuspage', url: `${lab.https('status')}/chat`, timeoutMs: 800 }],
    });

  it.each([
    [
      'HTML instead of JSON',
      { status: 200, body: '<!doctype html><title>Status</title>' },
      'BAD_PAYLOAD',
      /HTML/,
    ],
    [
      'truncated JSON',
      { status: 200, body: fixture('statuspage-summary-major.json').slice(0, 300) },
      'BAD_PAYLOAD',
      /does not parse/,
    ],
    [
      'JSON of the wrong shape',
      { status: 200, body: '{"status": {"nope": 1}}' },
      'BAD_PAYLOAD',
      /status\.indicator/,
    ],
    ['a server error', { status: 502, body: 'bad gateway' }, 'HTTP_STATUS', /HTTP 502/],
  ] as const)(
    '%s: the source is unreachable (and says why), the service unknown',
    async (_, route, code, why) => {
      healthyReferences(lab);
      lab.http.route('/chat/api/v2/summary.json', route);
      const service = chat(await checkOnce(officialOnly(lab)));
      expect(service.state).toBe('unknown');
      expect(service.probes[0]).toMatchObject({ state: 'unknown', code });
      expect(service.probes[0]?.detail).toMatch(why);
      expect(service.probes[0]?.detail).toMatch(/^status source unreachable/);
    },
  );

  it('a body that never ends stops at the deadline', async () => {
    healthyReferences(lab);
    lab.http.route('/chat/api/v2/summary.json', { endless: true, everyMs: 50 });
    const service = chat(await checkOnce(officialOnly(lab)));
    expect(service.probes[0]).toMatchObject({ state: 'unknown', code: 'TIMEOUT' });
  });

  it('a body larger than the cap stops the read with TOO_LARGE', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: Buffer.alloc(300_000, 120) });
    const snapshot = await checkOnce(
      chatConfig(lab, {
        probes: [
          {
            kind: 'http',
            url: `${lab.https('chat')}/`,
            method: 'GET',
            maxBytes: 100_000,
            timeoutMs: 1000,
          },
        ],
      }),
    );
    expect(chat(snapshot).probes[0]).toMatchObject({ state: 'down', code: 'TOO_LARGE' });
  });

  it('the service still stands on its direct probes: up when they pass', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'ok' });
    lab.http.route('/chat/api/v2/summary.json', { status: 200, body: '<html>' });
    const service = chat(await checkOnce(chatConfig(lab)));
    expect(service).toMatchObject({ state: 'up', cause: null });
  });
});

describe('given trouble on this side', () => {
  it('captive portal: references redirect to a login page; nothing is judged', async () => {
    lab.http.route('/generate_204', {
      status: 302,
      headers: { location: 'http://portal.lab.test/login' },
    });
    lab.http.route('/success.txt', { status: 200, body: '<html>Please sign in</html>' });
    lab.http.route('/', { status: 503 });
    const snapshot = await checkOnce(chatConfig(lab));
    expect(snapshot.connectivity.state).toBe('captive');
    expect(snapshot.connectivity.detail).toContain('redirected to http://portal.lab.test/login');
    expect(snapshot.overall).toBe('offline');
    expect(chat(snapshot)).toMatchObject({ state: 'unknown', cause: 'local' });
    expect(lab.http.hits('/')).toBe(0);
  });

  it('DNS broken: names fail while the IP-literal reference answers', async () => {
    healthyReferences(lab);
    lab.dns.set('ref.lab.test', { rcode: 'SERVFAIL' });
    const snapshot = await checkOnce(chatConfig(lab));
    expect(snapshot.connectivity.state).toBe('dns-broken');
    expect(chat(snapshot)).toMatchObject({ state: 'unknown', cause: 'local' });
  });

  it('offline: no reference answers; no outage is raised', async () => {
    const input = chatConfig(lab);
    input.connectivity = {
      targets: [
        { url: 'http://127.0.0.1:1/generate_204', expectStatus: 204, timeoutMs: 500 },
        { url: 'http://127.0.0.2:1/generate_204', expectStatus: 204, timeoutMs: 500 },
      ],
    };
    const snapshot = await checkOnce(input);
    expect(snapshot.connectivity.state).toBe('offline');
    expect(snapshot.overall).toBe('offline');
    expect(snapshot.services.every((s) => s.state === 'unknown' && s.cause === 'local')).toBe(true);
  });

  it('two references answering first is enough: the others are not asked', async () => {
    lab.http.route('/generate_204', { status: 204 });
    const snapshot = await checkOnce(
      chatConfig(lab, { probes: [{ kind: 'dns', host: 'chat.lab.test' }] }),
    );
    expect(snapshot.connectivity).toMatchObject({
      state: 'online',
      detail: '2/2 references answered',
    });
    expect(lab.http.hits('/success.txt')).toBe(0);
  });

  it('after a cycle that was online, one reference is enough (a different one each time)', async () => {
    healthyReferences(lab);
    const parsed = parseConfig(
      chatConfig(lab, { probes: [{ kind: 'dns', host: 'chat.lab.test' }] }),
    );
    if (!parsed.ok) throw new Error('bad config');
    const engine = createEngine(parsed.config, { extraCa: [lab.certs.ca], retryDelayMs: 20 });
    const first = await engine.checkOnce();
    const second = await engine.checkOnce();
    const third = await engine.checkOnce();
    await engine.close();
    expect(first.connectivity).toMatchObject({
      state: 'online',
      detail: '2/2 references answered',
    });
    expect(second.connectivity).toMatchObject({
      state: 'online',
      detail: '1/1 references answered',
    });
    expect(third.connectivity.references[0]?.target).not.toBe(
      second.connectivity.references[0]?.target,
    );
  });

  it('when one of the first two fails, all are asked; half of them answering is still online', async () => {
    lab.http.route('/generate_204', { status: 204 });
    const input = chatConfig(lab, { probes: [{ kind: 'dns', host: 'chat.lab.test' }] });
    input.connectivity = {
      targets: [
        { url: `http://127.0.0.1:${lab.http.httpPort}/generate_204`, expectStatus: 204 },
        { url: `http://127.0.0.1:${lab.http.httpPort}/missing`, expectStatus: 204 },
        { url: `${lab.plain('ref')}/generate_204`, expectStatus: 204 },
        { url: `${lab.plain('ref')}/success.txt`, expectStatus: 200 },
      ],
      dnsServers: [lab.dns.server],
    };
    const snapshot = await checkOnce(input);
    expect(snapshot.connectivity).toMatchObject({
      state: 'online',
      detail: '2/4 references answered',
    });
    expect(lab.http.hits('/success.txt')).toBe(2);
  });
});

describe('cheap on data', () => {
  it('sends a conditional request and reuses the answer on 304', async () => {
    healthyReferences(lab);
    lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-degraded.json'),
      etag: '"v1"',
      gzip: true,
    });
    const parsed = parseConfig(
      chatConfig(lab, { probes: [{ kind: 'statuspage', url: `${lab.https('status')}/chat` }] }),
    );
    if (!parsed.ok) throw new Error('bad config');
    const engine = createEngine(parsed.config, { extraCa: [lab.certs.ca], retryDelayMs: 20 });
    const first = chat(await engine.checkOnce());
    const second = chat(await engine.checkOnce());
    await engine.close();
    expect(lab.http.lastHeaders('/chat/api/v2/summary.json')?.['if-none-match']).toBe('"v1"');
    expect(first).toMatchObject({ state: 'degraded', cause: 'provider' });
    expect(second).toMatchObject({ state: 'degraded', cause: 'provider' });
    expect(second.probes[0]?.cached).toBe(true);
    expect(second.probes[0]?.bytes).toBeLessThan(first.probes[0]?.bytes ?? 0);
  });

  it('a resting probe is not fetched again until a direct probe fails', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'ok' });
    statusPage('statuspage-summary-operational.json');
    const probes: ConfigInput['services'][number]['probes'] = [
      { kind: 'http', url: `${lab.https('chat')}/`, timeoutMs: 1000 },
      {
        kind: 'statuspage',
        url: `${lab.https('status')}/chat`,
        everySeconds: 600,
        timeoutMs: 1000,
      },
    ];
    const parsed = parseConfig(chatConfig(lab, { probes }));
    if (!parsed.ok) throw new Error('bad config');
    const engine = createEngine(parsed.config, { extraCa: [lab.certs.ca], retryDelayMs: 20 });
    await engine.checkOnce();
    await engine.checkOnce();
    expect(lab.http.hits('/chat/api/v2/summary.json')).toBe(1);
    lab.http.route('/', { status: 500 });
    const broken = chat(await engine.checkOnce());
    await engine.close();
    expect(lab.http.hits('/chat/api/v2/summary.json')).toBe(2);
    expect(broken).toMatchObject({ state: 'down', cause: 'network' });
  });
});
