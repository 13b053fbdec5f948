// Service statuses and snapshots as the surfaces receive them, for tests of the words: a name,
// a state and a cause, checked at `at` and in that state since `since`.
import type { ServiceStatus, Snapshot } from '../../shared/types';

/** A service's status; its id is its name in lower case unless `extra` says. */
export function statusOf(
  name: string,
  state: ServiceStatus['state'],
  cause: ServiceStatus['cause'],
  times: { readonly at: number; readonly since: number },
  extra: Partial<ServiceStatus> = {},
): ServiceStatus {
  return {
    id: name.toLowerCase(),
    name,
    critical: true,
    checkedAt: times.at,
    since: times.since,
    state,
    cause,
    summary: '',
    probes: [],
    ...extra,
  };
}

/** A snapshot checked at `at`, online unless `extra` says. */
export function snapshotOf(
  at: number,
  overall: Snapshot['overall'],
  services: ServiceStatus[],
  extra: Partial<Snapshot> = {},
): Snapshot {
  return {
    checkedAt: at,
    overall,
    connectivity: { state: 'online', detail: '', references: [] },
    services,
    bytes: 0,
    ...extra,
  };
}
