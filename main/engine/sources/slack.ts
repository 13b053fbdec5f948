// Slack status API v2 (documented at https://docs.slack.dev/reference/slack-status-api, host
// slack-status.com): `status` ok/active and `active_incidents[]` typed outage/incident/notice, each
// with a `status` (active, resolved, scheduled, completed, cancelled): only active ones count.
import { z } from 'zod';
import type { OfficialState } from '../../../shared/types';
import { nameMatcher, time, worstOfficial, type OfficialProbe, type Source } from './source';

const incident = z.object({
  title: z.string(),
  type: z.string().nullish(),
  status: z.string().nullish(),
  url: z.string().nullish(),
  date_updated: z.string().nullish(),
  services: z.array(z.string()).nullish(),
  notes: z.array(z.object({ body: z.string().nullish() })).nullish(),
});
const current = z.object({
  status: z.string(),
  active_incidents: z.array(incident).nullish(),
});

function typeState(type: string | null | undefined): OfficialState {
  switch (type) {
    case 'outage':
      return 'major';
    case 'incident':
      return 'degraded';
    case 'notice':
      return 'operational';
    default:
      return 'degraded';
  }
}

/** An incident is under way unless Slack says it ended, was cancelled or has not begun. */
function isActive(status: string | null | undefined): boolean {
  return !status || status === 'active';
}

type SlackProbe = Extract<OfficialProbe, { kind: 'slack' }>;

export const slackSource: Source<SlackProbe> = {
  format: 'json',
  endpoint: (probe) => probe.url,
  parse(payload, probe) {
    const body = current.parse(payload);
    const matches = nameMatcher(probe.services);
    const active = (body.active_incidents ?? []).filter(
      (i) => isActive(i.status) && (!matches || (i.services ?? []).some((s) => matches(s))),
    );
    const state = worstOfficial(active.map((i) => typeState(i.type)));
    const messages = active.map((i) => ({
      title: i.title,
      body: i.notes?.at(-1)?.body ?? undefined,
      url: i.url ?? undefined,
      updatedAt: time(i.date_updated),
    }));
    const description =
      active.length === 0
        ? `Slack status: ${body.status}`
        : active.length === 1
          ? '1 active Slack incident'
          : `${active.length} active Slack incidents`;
    return { state, description, messages };
  },
};
