// Instatus pages: `<base>/summary.json` with `page.status` UP | HASISSUES | UNDERMAINTENANCE.
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

const incident = z.object({
  name: z.string(),
  status: z.string().nullish(),
  impact: z.string().nullish(),
  url: z.string().nullish(),
  started: z.string().nullish(),
  updatedAt: z.string().nullish(),
});
const maintenance = z.object({
  name: z.string(),
  status: z.string().nullish(),
  url: z.string().nullish(),
  start: z.string().nullish(),
});
const component = z.object({ name: z.string(), status: z.string() });
const summary = z.object({
  page: z.object({ name: z.string().nullish(), status: z.string() }),
  activeIncidents: z.array(incident).nullish(),
  activeMaintenances: z.array(maintenance).nullish(),
  components: z.array(component).nullish(),
});

function impactState(impact: string | null | undefined): OfficialState {
  switch (impact) {
    case 'MAJOROUTAGE':
      return 'major';
    case 'UNDERMAINTENANCE':
      return 'maintenance';
    case 'OPERATIONAL':
      return 'operational';
    default:
      return 'degraded';
  }
}

function pageState(status: string): OfficialState {
  switch (status) {
    case 'UP':
      return 'operational';
    case 'UNDERMAINTENANCE':
      return 'maintenance';
    default:
      return 'degraded';
  }
}

type InstatusProbe = Extract<OfficialProbe, { kind: 'instatus' }>;

export const instatusSource: Source<InstatusProbe> = {
  format: 'json',
  endpoint: (probe) => joinUrl(probe.url, '/summary.json'),
  parse(payload, probe) {
    const page = summary.parse(payload);
    const incidents = page.activeIncidents ?? [];
    const maintenances = (page.activeMaintenances ?? []).filter((m) => m.status === 'INPROGRESS');
    const messages: OfficialMessage[] = [
      ...incidents.map((i) => ({
        title: i.name,
        url: i.url ?? undefined,
        updatedAt: time(i.updatedAt ?? i.started),
      })),
      ...maintenances.map((m) => ({
        title: m.name,
        url: m.url ?? undefined,
        updatedAt: time(m.start),
      })),
    ];
    const matches = nameMatcher(probe.components);
    if (matches && page.components) {
      const named = page.components.filter((c) => matches(c.name));
      if (named.length > 0) {
        const state = worstOfficial(named.map((c) => impactState(c.status)));
        return {
          state,
          description: named.map((c) => `${c.name}: ${c.status}`).join(', '),
          messages,
        };
      }
    }
    const fromIncidents = worstOfficial([
      ...incidents.map((i) => impactState(i.impact)),
      ...maintenances.map((): OfficialState => 'maintenance'),
    ]);
    const state = worstOfficial([pageState(page.page.status), fromIncidents]);
    return { state, description: `page status ${page.page.status}`, messages };
  },
};
