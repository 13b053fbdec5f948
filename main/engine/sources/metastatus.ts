// Meta Status (metastatus.com), Meta's status pages for its business platforms. UNDOCUMENTED: Meta
// publishes no API reference; the shapes below are those read by public code that uses the site
// (see test/fixtures/README.md): `/data/orgs.json` lists each organisation (`id`, `name`,
// `services[]` with `id`, `name`, `status` such as "No known issues" or "High disruptions"),
// `/data/outages/<org>.json` its open outages with their posts, and
// `/outage-events-feed-<org>.rss` an RSS feed of open outage events ("[High disruptions]: …").
import { z } from 'zod';
import type { OfficialMessage, OfficialReport, OfficialState } from '../../../shared/types';
import { entryMessage, feedEntries } from './feed';
import { joinUrl, time, worstOfficial, type OfficialProbe, type Source } from './source';

const service = z.object({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  status: z.string(),
  time: z.string().nullish(),
});
const org = z.object({
  id: z.string(),
  name: z.string(),
  services: z.array(service),
});
const orgs = z.array(org);
const post = z.object({
  description: z.string().nullish(),
  time: z.string().nullish(),
});
const outage = z.object({
  service_id: z.union([z.number(), z.string()]).nullish(),
  status: z.string().nullish(),
  title: z.string().nullish(),
  time: z.string().nullish(),
  posts: z.array(post).nullish(),
});
const outages = z.array(outage);

/** Meta's status words as an official state, or `resolved`. */
export function metaState(status: string): OfficialState {
  const s = status.toLowerCase();
  if (/no known issues|resolved|operational/.test(s)) return 'operational';
  if (/high disruption|major|outage/.test(s)) return 'major';
  if (/maintenance/.test(s)) return 'maintenance';
  // "Low disruptions", "Medium disruptions", "Some disruption", and any word we have not seen.
  return 'degraded';
}

type MetaProbe = Extract<OfficialProbe, { kind: 'metastatus' }>;
type MetaService = z.infer<typeof service>;

function wanted(probe: MetaProbe): (s: { id: number | string; name: string }) => boolean {
  if (!probe.services) return () => true;
  const names = new Set(probe.services.map((n) => String(n).trim().toLowerCase()));
  return (s) => names.has(s.name.trim().toLowerCase()) || names.has(String(s.id));
}

/** The services in trouble, in Meta's words (the org's name goes in `subject`). */
function describe(troubled: readonly MetaService[]): string {
  if (troubled.length === 0) return 'no known issues';
  return troubled.map((s) => `${s.name} — ${s.status}`).join(', ');
}

/** Reads the open outages of the org into messages, for the services that count. */
function outageMessages(
  payload: unknown,
  probe: MetaProbe,
  servicesById: ReadonlyMap<string, MetaService>,
): OfficialMessage[] {
  const matches = wanted(probe);
  return outages.parse(payload).flatMap((o) => {
    if (o.status && metaState(o.status) === 'operational') return [];
    const svc =
      o.service_id !== null && o.service_id !== undefined
        ? servicesById.get(String(o.service_id))
        : undefined;
    if (probe.services && (!svc || !matches(svc))) return [];
    const last = o.posts?.at(-1);
    const title = o.title ?? [svc?.name, o.status].filter(Boolean).join(': ');
    return [
      {
        title: title || 'Outage',
        ...(last?.description ? { body: last.description } : {}),
        url: joinUrl(probe.url, `/${probe.org}`),
        ...(time(last?.time ?? o.time) !== undefined
          ? { updatedAt: time(last?.time ?? o.time) }
          : {}),
      },
    ];
  });
}

const channel = z.object({ rss: z.object({ channel: z.object({ title: z.string() }) }) });

/** The feed's title without its " Status" ("WhatsApp Business Platform"), if it has one. */
function channelTitle(payload: unknown): string | undefined {
  const parsed = channel.safeParse(payload);
  return parsed.success ? parsed.data.rss.channel.title.replace(/\s+Status$/i, '') : undefined;
}

/** The org's services, remembered between the state read and the outages read. */
const lastServices = new WeakMap<OfficialReport, ReadonlyMap<string, MetaService>>();

export const metastatusSource: Source<MetaProbe> = {
  format: 'json',
  endpoint: (probe) => joinUrl(probe.url, '/data/orgs.json'),
  parse(payload, probe) {
    const found = orgs.parse(payload).find((o) => o.id === probe.org);
    if (!found) throw new Error(`organisation "${probe.org}" is not on Meta Status`);
    const matches = wanted(probe);
    const counted = found.services.filter(matches);
    if (counted.length === 0) {
      throw new Error(
        `none of the services ${probe.services?.join(', ')} is listed for ${found.name}`,
      );
    }
    const troubled = counted.filter((s) => metaState(s.status) !== 'operational');
    const report: OfficialReport = {
      state: worstOfficial(counted.map((s) => metaState(s.status))),
      description: describe(troubled),
      messages: troubled.map((s) => ({
        title: `${s.name}: ${s.status}`,
        url: joinUrl(probe.url, `/${probe.org}`),
        ...(time(s.time) !== undefined ? { updatedAt: time(s.time) } : {}),
      })),
      subject: found.name,
    };
    lastServices.set(report, new Map(found.services.map((s) => [String(s.id), s])));
    return report;
  },
  details: {
    format: 'json',
    endpoint: (probe) => joinUrl(probe.url, `/data/outages/${probe.org}.json`),
    merge(report, payload, probe) {
      const messages = outageMessages(payload, probe, lastServices.get(report) ?? new Map());
      return messages.length > 0 ? { ...report, messages } : report;
    },
  },
  fallback: {
    format: 'xml',
    endpoint: (probe) => joinUrl(probe.url, `/outage-events-feed-${probe.org}.rss`),
    parse(payload, probe) {
      // The feed lists open outage events only; each title starts with its level in brackets.
      const open = feedEntries(payload).flatMap((entry) => {
        const level = /^\s*\[([^\]]+)\]/.exec(entry.title)?.[1];
        const state = level ? metaState(level) : 'degraded';
        return state === 'operational' ? [] : [{ entry, state }];
      });
      const state = worstOfficial(open.map((o) => o.state));
      return {
        state,
        description:
          open.length === 0 ? 'no open outage event' : open.map((o) => o.entry.title).join(', '),
        subject: channelTitle(payload) ?? probe.org,
        messages: open.map(({ entry }) => entryMessage(entry)),
      };
    },
  },
};
