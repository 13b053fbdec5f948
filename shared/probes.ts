// What every side needs to know about probe results: which kinds reach the service itself, and
// the latency a service showed. One definition for the engine, the history and the window.
import type { DirectProbeKind, ProbeKind, ProbeResult } from './types';

/** The probe kinds that reach the service itself (the others ask its provider). */
export const DIRECT_KINDS: readonly DirectProbeKind[] = ['http', 'dns', 'tcp', 'tls'];

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
