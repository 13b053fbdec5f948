// An incident as the history answers it, for tests: a provider outage of Chat unless told otherwise.
import type { Incident } from '../../shared/history-types';

export function incidentOf(overrides: Partial<Incident> & { readonly start: number }): Incident {
  const serviceId = overrides.serviceId ?? 'chat';
  return {
    id: `${serviceId}-${overrides.start}`,
    serviceId,
    serviceName: 'Chat',
    end: null,
    endNote: null,
    worstState: 'down',
    cause: 'provider',
    evidenceAtStart: [],
    evidenceAtWorst: [],
    messages: [],
    ...overrides,
  };
}
