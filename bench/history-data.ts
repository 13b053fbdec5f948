// Synthetic but realistic history: 50 services checked every 60 s for 90 days, with outages of
// minutes to hours, flapping services, and latency noise. Written through the real store.
import { DAY, MINUTE } from '../shared/durations';
import type { ProbeResult, ServiceStatus, Snapshot, VerdictState } from '../shared/types';
import { openHistory } from '../main/history/store';

/** A small deterministic random generator, so every run writes the same history. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Writes `days` of history for `services` services ending at `end`; returns the time taken. */
export function writeHistory(
  dir: string,
  services: number,
  days: number,
  end: number,
): { ms: number; samples: number } {
  const rand = random(42);
  const start = end - days * DAY;
  let now = start;
  const store = openHistory({ dir, now: () => now });
  const ids = Array.from({ length: services }, (_, i) => `svc-${i}`);
  const outageUntil = new Map<string, { until: number; state: VerdictState }>();
  const baseLatency = ids.map(() => 40 + rand() * 400);
  const started = performance.now();
  let samples = 0;
  for (let at = start; at < end; at += MINUTE) {
    now = at;
    const statuses: ServiceStatus[] = ids.map((id, i) => {
      let outage = outageUntil.get(id);
      if (outage && outage.until <= at) outageUntil.delete(id);
      // About one outage a fortnight per service, 5 minutes to 6 hours long; some flaps.
      if (!outageUntil.has(id) && rand() < 1 / (14 * 24 * 60)) {
        outage = {
          until: at + (5 + rand() * 355) * MINUTE,
          state: rand() < 0.6 ? 'down' : 'degraded',
        };
        outageUntil.set(id, outage);
      }
      const flap = rand() < 0.0005;
      const state: VerdictState = outageUntil.get(id)?.state ?? (flap ? 'degraded' : 'up');
      const latency = Math.round(
        (baseLatency[i] ?? 100) * (0.7 + rand() * 0.6) + (rand() < 0.02 ? 2000 * rand() : 0),
      );
      const probe: ProbeResult = {
        kind: 'http',
        target: `https://${id}.example/`,
        state: state === 'down' ? 'down' : 'up',
        code: state === 'down' ? 'TIMEOUT' : null,
        latencyMs: latency,
        bytes: 600 + Math.round(rand() * 200),
        detail: state === 'down' ? 'no answer' : 'HTTP 200',
        attempts: 1,
      };
      return {
        id,
        name: id,
        critical: i < 5,
        checkedAt: at,
        state,
        cause: state === 'up' ? null : 'provider',
        summary: '',
        since: at,
        probes: [probe],
      };
    });
    const snapshot: Snapshot = {
      checkedAt: at,
      overall: 'ok',
      connectivity: { state: 'online', detail: '', references: [] },
      services: statuses,
      bytes: 0,
    };
    store.recordSnapshot(snapshot);
    samples += services;
  }
  store.compact(end);
  store.close();
  return { ms: performance.now() - started, samples };
}
