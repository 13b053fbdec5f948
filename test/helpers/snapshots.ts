// Builds engine snapshots for history tests: what the scheduler would emit after a cycle.
import type {
  Connectivity,
  ProbeResult,
  ServiceStatus,
  Snapshot,
  VerdictState,
} from '../../shared/types';

export interface ServiceSpec {
  readonly state: VerdictState;
  readonly latencyMs?: number;
  readonly since?: number;
  readonly cause?: ServiceStatus['cause'];
  readonly official?: { title: string };
}

function probe(
  state: VerdictState,
  latencyMs: number,
  official?: { title: string },
): ProbeResult[] {
  const http: ProbeResult = {
    kind: 'http',
    target: 'https://chat.example/',
    state: state === 'down' ? 'down' : 'up',
    code: state === 'down' ? 'TIMEOUT' : null,
    latencyMs,
    bytes: 400,
    detail:
      state === 'down'
        ? 'no answer from https://chat.example/ in 8000 ms'
        : `HTTP 200 in ${latencyMs} ms`,
    attempts: 1,
  };
  if (!official) return [http];
  return [
    http,
    {
      kind: 'statuspage',
      target: 'https://status.example/api/v2/summary.json',
      state: 'down',
      code: null,
      latencyMs: 30,
      bytes: 900,
      detail: 'Major outage',
      attempts: 1,
      official: {
        state: 'major',
        description: 'Major outage',
        messages: [{ title: official.title }],
      },
    },
  ];
}

/** A snapshot at `at` with the given services. */
export function snapshotAt(
  at: number,
  services: Readonly<Record<string, ServiceSpec>>,
  online = true,
): Snapshot {
  return {
    checkedAt: at,
    overall: 'ok',
    connectivity: {
      state: online ? 'online' : 'offline',
      detail: online ? '2/2 references answered' : '0/2 references answered',
      references: [],
    },
    bytes: 0,
    services: Object.entries(services).map(([id, spec]) => ({
      id,
      name: id.toUpperCase(),
      critical: true,
      checkedAt: at,
      state: spec.state,
      cause: spec.cause ?? (spec.state === 'down' ? 'provider' : null),
      summary: spec.state,
      since: spec.since ?? at,
      probes: probe(spec.state, spec.latencyMs ?? 100, spec.official),
    })),
  };
}

/** The snapshot holding these statuses, checked at `at` (an outage when one is down). */
export function snapshotOf(
  at: number,
  services: readonly ServiceStatus[],
  connectivity: Connectivity['state'] = 'online',
): Snapshot {
  const down = services.some((s) => s.state === 'down');
  return {
    checkedAt: at,
    overall: connectivity !== 'online' ? 'offline' : down ? 'outage' : 'ok',
    connectivity: { state: connectivity, detail: '', references: [] },
    services,
    bytes: 0,
  };
}
