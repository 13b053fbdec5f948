// Run with `node --expose-gc`: every kind of probe and source against servers that never answer,
// while garbage is collected every few milliseconds. Prints one JSON line of what each ended with.
// A deadline lost to the collector (nodejs/node#57736) would leave this process waiting.
import { setMaxListeners } from 'node:events';
import { createServer as createNetServer, type Socket } from 'node:net';
import { parseConfig, type ProbeConfig } from '../../shared/config-schema';
import { createHttpClient } from '../../main/engine/net/http-client';
import { runProbe } from '../../main/engine/probes';
import { SourceCache } from '../../main/engine/sources';
import { runMeasurement } from '../../main/engine/second-opinion/globalping';
import { startLab } from './lab';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const lab = await startLab();
lab.http.route('/hang', { hang: true });
lab.http.route('/endless', { endless: true, everyMs: 50 });
for (const path of [
  '/api/v2/summary.json',
  '/api/v1/summary',
  '/summary.json',
  '/data/orgs.json',
  '/v1/measurements',
])
  lab.http.route(`/hang${path}`, { hang: true });
lab.dns.set('silent.lab.test', { hang: true });
// Accepts connections and never says a word: a TLS handshake that never completes.
const sockets = new Set<Socket>();
const mute = createNetServer((socket) => sockets.add(socket));
await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
const mutePort = (mute.address() as { port: number }).port;

const timer = setInterval(() => gc(), 5);
const TIMEOUT = 400;
const https = (path: string) => `${lab.https('chat')}${path}`;
const probes: unknown[] = [
  { kind: 'http', url: https('/hang'), timeoutMs: TIMEOUT },
  { kind: 'http', url: https('/endless'), method: 'GET', timeoutMs: TIMEOUT },
  { kind: 'http', url: `https://chat.lab.test:${mutePort}/`, timeoutMs: TIMEOUT },
  { kind: 'tls', host: 'chat.lab.test', port: mutePort, timeoutMs: TIMEOUT },
  { kind: 'dns', host: 'silent.lab.test', timeoutMs: TIMEOUT },
  { kind: 'statuspage', url: https('/hang'), timeoutMs: TIMEOUT },
  { kind: 'slack', url: https('/hang'), timeoutMs: TIMEOUT },
  { kind: 'google-workspace', url: https('/hang'), timeoutMs: TIMEOUT },
  { kind: 'incidentio', url: https('/hang'), timeoutMs: TIMEOUT },
  { kind: 'instatus', url: https('/hang'), timeoutMs: TIMEOUT },
  { kind: 'feed', url: https('/endless'), timeoutMs: TIMEOUT },
  { kind: 'metastatus', url: https('/hang'), org: 'whatsapp-business-api', timeoutMs: TIMEOUT },
  { kind: 'm365', url: https('/hang'), timeoutMs: TIMEOUT },
];
const parsed = parseConfig({
  version: 1,
  dnsServers: [lab.dns.server],
  connectivity: { targets: [{ url: 'http://127.0.0.1/' }] },
  services: [{ id: 'gc', name: 'GC', category: 'other', probes }],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const service = parsed.config.services[0];
if (!service) throw new Error('no service');

const http = createHttpClient({ extraCa: [lab.certs.ca] });
// The cycle's own signal: a deadline combined with it is what the collector could lose.
const cycle = new AbortController();
setMaxListeners(0, cycle.signal);
const ctx = {
  http,
  signal: cycle.signal,
  dnsServers: [lab.dns.server],
  extraCa: [lab.certs.ca],
  now: Date.now,
};
const results = await Promise.all(
  service.probes.map(async (probe: ProbeConfig) => {
    const r = await runProbe(probe, ctx, new SourceCache(), 10);
    return { kind: r.kind, code: r.code, state: r.state };
  }),
);
const opinion = await runMeasurement(
  http,
  { check: 'dns', host: 'chat.example' },
  3,
  { country: null },
  {
    url: `http://127.0.0.1:${lab.http.httpPort}/hang`,
    timeoutMs: TIMEOUT,
    signal: cycle.signal,
    pollMs: 10,
  },
).then(
  () => 'answered',
  (error: unknown) => (error as { reason?: string }).reason ?? String(error),
);
clearInterval(timer);
process.stdout.write(`${JSON.stringify({ results, opinion })}\n`);
await http.close();
for (const s of sockets) s.destroy();
mute.close();
await lab.close();
