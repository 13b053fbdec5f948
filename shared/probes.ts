// What every side needs to know about probe results: which kinds reach the service itself, and
// the latency a service showed. One definition for the engine, the history and the window.
import type { DirectProbeKind, ProbeKind, ProbeResult } from './types';

/** The layer a direct probe tests: the name, the connection, the secure channel, the application. */
export type ProbeLayer = 'name' | 'connect' | 'secure' | 'application';

/**
 * Every direct probe kind and the layer it tests: the one list of them on this side. A kind of
 * `DirectProbeKind` missing here does not compile; its runner is its entry of DIRECT_PROBES
 * (main/engine/probes/index.ts).
 */
const LAYERS: Readonly<Record<DirectProbeKind, ProbeLayer>> = {
  http: 'application',
  dns: 'name',
  tcp: 'connect',
  tls: 'secure',
};

/** The probe kinds that reach the service itself (the others ask its provider). */
export const DIRECT_KINDS = Object.keys(LAYERS) as readonly DirectProbeKind[];

/** Whether a probe kind reaches the service itself. */
export function isDirectKind(kind: ProbeKind): kind is DirectProbeKind {
  return (DIRECT_KINDS as readonly ProbeKind[]).includes(kind);
}

/**
 * The latency a service showed in one check: the slowest direct probe that reached it (up, or
 * degraded but answering); answers reused from an earlier check do not count. Null when none did.
 */
export function reachedLatency(probes: readonly ProbeResult[]): number | null {
  const reached = probes.filter((p) => isDirectKind(p.kind) && p.state !== 'down' && !p.cached);
  return reached.length > 0 ? Math.max(...reached.map((p) => p.latencyMs)) : null;
}

/** Which layer a direct probe kind belongs to. */
export function probeLayer(kind: DirectProbeKind): ProbeLayer {
  return LAYERS[kind];
}

const ORDER: readonly ProbeLayer[] = ['name', 'connect', 'secure', 'application'];

/**
 * Whether a service is unreachable from here (docs/design.md#reachability): every direct probe of its
 * highest layer failed. A lower layer that answers — a look-up, a TCP connect that is then reset
 * by a block — never makes an unreachable service "partly up". A service with only `dns` probes is
 * unreachable when all of them fail. False when it has no direct probe.
 */
export function unreachableFromHere(probes: readonly ProbeResult[]): boolean {
  let top = -1;
  for (const p of probes) {
    if (isDirectKind(p.kind)) top = Math.max(top, ORDER.indexOf(probeLayer(p.kind)));
  }
  if (top < 0) return false;
  const judged = probes.filter(
    (p) => isDirectKind(p.kind) && ORDER.indexOf(probeLayer(p.kind)) === top,
  );
  return judged.every((p) => p.state === 'down');
}
