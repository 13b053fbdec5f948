// Atlassian Statuspage v2: `<base>/api/v2/summary.json`.
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

const component = z.object({ name: z.string(), status: z.string() });
const update = z.object({ body: z.string().nullish(), created_at: z.string().nullish() });
const incident = z.object({
  name: z.string(),
  status: z.string().nullish(),
  impact: z.string().nullish(),
  shortlink: z.string().nullish(),
  updated_at: z.string().nullish(),
  incident_updates: z.array(update).nullish(),
});
const summary = z.object({
  status: z.object({ indicator: z.string(), description: z.string().nullish() }),
  components: z.array(component).nullish(),
  incidents: z.array(incident).nullish(),
  scheduled_maintenances: z.array(incident).nullish(),
});

/** The Statuspage mapping (docs/reference.md#probe-kinds) of a component status. */
export function componentState(status: string): OfficialState {
  switch (status) {
    case 'major_outage':
      return 'major';
    case 'partial_outage':
    case 'degraded_performance':
      return 'degraded';
    case 'under_maintenance':
      return 'maintenance';
    default:
      return 'operational';
  }
}

/** The Statuspage mapping (docs/reference.md#probe-kinds) of the page indicator. */
export function indicatorState(indicator: string): OfficialState {
  switch (indicator) {
    case 'major':
    case 'critical':
      return 'major';
    case 'minor':
      return 'degraded';
    case 'maintenance':
      return 'maintenance';
    default:
      return 'operational';
  }
}

type PageProbe = Extract<OfficialProbe, { kind: 'statuspage' }>;

export const statuspageSource: Source<PageProbe> = {
  format: 'json',
  endpoint: (probe) => joinUrl(probe.url, '/api/v2/summary.json'),
  parse(payload, probe) {
    const page = summary.parse(payload);
    const messages: OfficialMessage[] = [
      ...(page.incidents ?? []),
      ...(page.scheduled_maintenances ?? []),
    ]
      .filter(
        (i) => i.status !== 'resolved' && i.status !== 'completed' && i.status !== 'scheduled',
      )
      .map((i) => ({
        title: i.name,
        body: i.incident_updates?.[0]?.body ?? undefined,
        url: i.shortlink ?? undefined,
        updatedAt: time(i.updated_at),
      }));
    const matches = nameMatcher(probe.components);
    if (matches) {
      const named = (page.components ?? []).filter((c) => matches(c.name));
      if (named.length > 0) {
        const state = worstOfficial(named.map((c) => componentState(c.status)));
        const description = named
          .map((c) => `${c.name}: ${c.status.replace(/_/g, ' ')}`)
          .join(', ');
        return { state, description, messages };
      }
      // The page no longer names what we watch: say so, and fall back on the page's own indicator.
      const state = indicatorState(page.status.indicator);
      return {
        state,
        description: `${page.status.description ?? page.status.indicator} (components ${probe.components?.join(', ')} not found on the page)`,
        messages,
      };
    }
    return {
      state: indicatorState(page.status.indicator),
      description: page.status.description ?? page.status.indicator,
      messages,
    };
  },
};
