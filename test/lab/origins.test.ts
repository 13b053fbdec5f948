// Services behind one host and port do not share a small pool of connections: a hanging one never
// makes its healthy neighbours wait (they reported ~8 s latencies when they queued behind it).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config-schema';
import { createEngine } from '../../main/engine';
import { healthyReferences, labConnectivity, startLab, type Lab } from './lab';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});

it('six services hanging on an origin leave the three healthy ones on it answering at once', async () => {
  healthyReferences(lab);
  lab.http.route('/hang', { hang: true });
  lab.http.route('/ok', { status: 200, body: 'ok' });
  const service = (id: string, path: string) => ({
    id,
    name: id,
    category: 'other' as const,
    probes: [{ kind: 'http' as const, url: `${lab.https('chat')}${path}`, timeoutMs: 1500 }],
  });
  const parsed = parseConfig({
    version: 1,
    dnsServers: [lab.dns.server],
    connectivity: labConnectivity(lab),
    services: [
      ...Array.from({ length: 6 }, (_, i) => service(`hang-${i}`, '/hang')),
      ...Array.from({ length: 3 }, (_, i) => service(`ok-${i}`, '/ok')),
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const engine = createEngine(parsed.config, { extraCa: [lab.certs.ca], retryDelayMs: 20 });
  try {
    const snapshot = await engine.checkOnce();
    const healthy = snapshot.services.filter((s) => s.id.startsWith('ok-'));
    expect(healthy.map((s) => s.state)).toEqual(['up', 'up', 'up']);
    // Their answers came straight away, not after the hanging requests' 1.5 s deadline.
    for (const s of healthy) expect(s.probes[0]?.latencyMs).toBeLessThan(750);
    expect(snapshot.services.filter((s) => s.state === 'down')).toHaveLength(6);
  } finally {
    await engine.close();
  }
});
