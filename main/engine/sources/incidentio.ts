// incident.io public status pages: the widget API at `<base>/api/v1/summary` (shape believed from
// public code; see CATALOG.md): ongoing incidents with a worst impact, maintenances in progress.
import { z } from 'zod';
import type { OfficialMessage, OfficialState } from '../../../shared/types';
import {
  joinUrl,
  nameMatcher,
  time,
  worstOfficial,
  type OfficialProbe,
  type Source,
} from './source';

const affected = z.object({ name: z.string(), current_status: z.string().nullish() });
const event = z.object({
  name: z.string(),
  status: z.string().nullish(),
  url: z.string().nullish(),
  last_update_at: z.string().nullish(),
  last_update_message: z.string().nullish(),
  current_worst_impact: z.string().nullish(),
  affected_components: z.array(affected).nullish(),
});
const widget = z.object({
  ongoing_incidents: z.array(event),
  in_progress_maintenances: z.array(event).nullish(),
  scheduled_maintenances: z.array(event).nullish(),
});

function impactState(impact: string | null | undefined): OfficialState {
  switch (impact) {
    case 'full_outage':
      return 'major';
    case 'partial_outage':
    case 'degraded_performance':
      return 'degraded';
    default:
      return 'degraded';
  }
}

/** Whether an incident.io status says the incident is over. */
function isOver(status: string | null | undefined): boolean {
  return status === 'resolved' || status === 'closed' || status === 'completed';
}

type IncidentIoProbe = Extract<OfficialProbe, { kind: 'incidentio' }>;

export const incidentioSource: Source<IncidentIoProbe> = {
  format: 'json',
  endpoint: (probe) => joinUrl(probe.url, '/api/v1/summary'),
  parse(payload, probe) {
    const page = widget.parse(payload);
    const matches = nameMatcher(probe.components);
    const concerns = (e: z.infer<typeof event>) =>
      !matches || (e.affected_components ?? []).some((c) => matches(c.name));
    // The widget has been seen listing resolved incidents among the ongoing ones: skip them.
    const incidents = page.ongoing_incidents.filter((i) => !isOver(i.status) && concerns(i));
    const maintenances = (page.in_progress_maintenances ?? []).filter(concerns);
    const states: OfficialState[] = [
      ...incidents.map((i) => impactState(i.current_worst_impact)),
      ...maintenances.map((): OfficialState => 'maintenance'),
    ];
    const state = worstOfficial(states);
    const messages: OfficialMessage[] = [...incidents, ...maintenances].map((e) => ({
      title: e.name,
      body: e.last_update_message ?? undefined,
      url: e.url ?? undefined,
      updatedAt: time(e.last_update_at),
    }));
    const description =
      state === 'operational'
        ? 'No ongoing incident'
        : `ongoing incidents: ${incidents.length}; maintenances in progress: ${maintenances.length}`;
    return { state, description, messages };
  },
};
