// The tray's overall state (docs/design.md#overall): the worst verdict among enabled services.
import { assertNever } from '../../shared/errors';
import type { ConnectivityState, OverallState, ServiceStatus } from '../../shared/types';

export interface OverallOptions {
  /** A non-critical service can raise at most `degraded` when the user asks so. */
  readonly nonCriticalMaxDegraded?: boolean;
}

/** Computes the overall state from connectivity and the services' verdicts. */
export function computeOverall(
  connectivity: ConnectivityState,
  services: readonly ServiceStatus[],
  options: OverallOptions = {},
): OverallState {
  if (connectivity !== 'online') return 'offline';
  let overall: OverallState = 'ok';
  for (const service of services) {
    switch (service.state) {
      case 'down':
        if (!service.critical && options.nonCriticalMaxDegraded)
          overall = overall === 'outage' ? overall : 'degraded';
        else overall = 'outage';
        break;
      case 'unknown':
        // Not judged because of this computer (offline, or just back and in its grace period):
        // nothing is wrong with the service, so nothing is raised ("degraded" on reconnect).
        if (service.cause === 'local') break;
        if (overall === 'ok') overall = 'degraded';
        break;
      case 'degraded':
      case 'maintenance':
        if (overall === 'ok') overall = 'degraded';
        break;
      case 'up':
        break;
      default:
        return assertNever(service.state, 'service state');
    }
  }
  return overall;
}
