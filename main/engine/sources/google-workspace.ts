// Google Workspace Status Dashboard: `incidents.json`, a large array; an incident is active while
// `end` is null. Only the products the probe names count (all products when it names none).
// Google documents only product ids as stable (https://www.google.com/appsstatus/dashboard/summary):
// `productIds` match `affected_products[].id`; `products` (titles) are a fallback.
import { z } from 'zod';
import type { OfficialState } from '../../../shared/types';
import { nameMatcher, time, worstOfficial, type OfficialProbe, type Source } from './source';

const update = z.object({
  text: z.string().nullish(),
  when: z.string().nullish(),
  status: z.string().nullish(),
});
const incident = z.object({
  begin: z.string().nullish(),
  end: z.string().nullish(),
  external_desc: z.string().nullish(),
  status_impact: z.string().nullish(),
  service_name: z.string().nullish(),
  uri: z.string().nullish(),
  most_recent_update: update.nullish(),
  service_key: z.string().nullish(),
  affected_products: z.array(z.object({ title: z.string(), id: z.string().nullish() })).nullish(),
});
const incidents = z.array(incident);

function impactState(impact: string | null | undefined): OfficialState {
  switch (impact) {
    case 'SERVICE_OUTAGE':
      return 'major';
    case 'SERVICE_DISRUPTION':
      return 'degraded';
    default:
      // SERVICE_INFORMATION: the provider says something, but not that the product is impaired.
      return 'operational';
  }
}

type GoogleProbe = Extract<OfficialProbe, { kind: 'google-workspace' }>;
const DASHBOARD = 'https://www.google.com/appsstatus/dashboard/';

export const googleWorkspaceSource: Source<GoogleProbe> = {
  format: 'json',
  endpoint: (probe) => probe.url,
  parse(payload, probe) {
    const all = incidents.parse(payload);
    const matches = nameMatcher(probe.products);
    const ids = probe.productIds ? new Set(probe.productIds) : null;
    const concerns = (i: z.infer<typeof incident>): boolean => {
      if (!ids && !matches) return true;
      const products = i.affected_products ?? [];
      if (
        ids &&
        (products.some((p) => p.id && ids.has(p.id)) || (i.service_key && ids.has(i.service_key)))
      )
        return true;
      return (
        !!matches &&
        (products.some((p) => matches(p.title)) ||
          (i.service_name ? matches(i.service_name) : false))
      );
    };
    const active = all.filter((i) => !i.end && concerns(i));
    const state = worstOfficial(active.map((i) => impactState(i.status_impact)));
    const messages = active.map((i) => ({
      title: i.external_desc ?? i.service_name ?? 'Incident',
      body: i.most_recent_update?.text ?? undefined,
      url: i.uri ? new URL(i.uri, DASHBOARD).toString() : undefined,
      updatedAt: time(i.most_recent_update?.when ?? i.begin),
    }));
    const scope = probe.products ? probe.products.join(', ') : 'Google Workspace';
    const description =
      active.length === 0
        ? `No active incident for ${scope}`
        : `active incidents for ${scope}: ${active.length}`;
    return { state, description, messages };
  },
};
