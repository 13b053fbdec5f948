// A check asks the DNS server once per name: the connection's look-up joins the one the `dns`
// probe of the same check already sent, and never gets less time than it was given.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { parseConfig } from '../../shared/config-schema';
import { createEngine } from '../../main/engine';
import { makeLookup, resolveWith } from '../../main/engine/net/resolve';
import { healthyReferences, startLab, type Lab } from './lab';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
  healthyReferences(lab);
  lab.http.route('/page', { status: 200, body: 'a page' });
});
afterAll(async () => {
  await lab.close();
});

it('a check of a service by DNS and HTTPS asks the DNS server one question, not two', async () => {
  const parsed = parseConfig({
    version: 1,
    dnsServers: [lab.dns.server],
    connectivity: {
      targets: [{ url: `http://127.0.0.1:${lab.http.httpPort}/generate_204`, expectStatus: 204 }],
    },
    services: [
      {
        id: 'chat',
        name: 'Chat',
        category: 'messaging',
        probes: [
          { kind: 'dns', host: 'chat.lab.test', timeoutMs: 5000 },
          {
            kind: 'http',
            url: `https://chat.lab.test:${lab.http.httpsPort}/page`,
            timeoutMs: 5000,
          },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const engine = createEngine(parsed.config, { extraCa: [lab.certs.ca] });
  try {
    const before = lab.dns.queries('chat.lab.test');
    const snapshot = await engine.checkOnce();
    expect(snapshot.services[0]?.state).toBe('up');
    expect(snapshot.services[0]?.probes.map((p) => p.state)).toEqual(['up', 'up']);
    expect(lab.dns.queries('chat.lab.test') - before).toBe(1);
  } finally {
    await engine.close();
  }
});

it('a look-up that joined a query with a shorter deadline asks again with the time it has left', async () => {
  const name = 'status.lab.test';
  lab.dns.set(name, { hang: true });
  const before = lab.dns.queries(name);
  // The `dns` probe's query: 300 ms, and the server never answers it.
  const probe = resolveWith(name, [lab.dns.server], 300);
  const probeFailed = probe.then(
    () => null,
    (error: unknown) => (error as { code?: string }).code,
  );
  // A connection's look-up of the same name, given 5 s, joins it.
  const lookedUp = new Promise<string>((resolve, reject) => {
    makeLookup([lab.dns.server], 5000)(name, {}, (error, address) =>
      error ? reject(error) : resolve(address as string),
    );
  });
  await vi.waitFor(() => expect(lab.dns.queries(name) - before).toBe(1));
  // The server comes back before the look-up's own deadline.
  lab.dns.set(name, { a: '127.0.0.1' });
  expect(await probeFailed).toBe('DNS_TIMEOUT');
  expect(await lookedUp).toBe('127.0.0.1');
  expect(lab.dns.queries(name) - before).toBe(2);
});
