// RSS 2.0 and Atom feeds of status pages. A feed carries no severity: an entry newer than
// `recentHours` whose title does not say it is resolved counts as an ongoing, degrading incident.
import { z } from 'zod';
import { HOUR } from '../../../shared/durations';
import type { OfficialMessage } from '../../../shared/types';
import { time, type OfficialProbe, type Source } from './source';

const text = z.union([
  z.string(),
  z.number(),
  z.object({ '#text': z.union([z.string(), z.number()]) }),
]);
const link = z.union([z.string(), z.object({ '@_href': z.string() })]);
const many = <T extends z.ZodType>(schema: T) =>
  z.union([z.array(schema), schema]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

const rssItem = z.object({
  title: text.optional(),
  link: link.optional(),
  pubDate: z.string().optional(),
  description: text.optional(),
});
const atomEntry = z.object({
  title: text.optional(),
  link: many(link).optional(),
  updated: z.string().optional(),
  published: z.string().optional(),
  summary: text.optional(),
});
const document = z.union([
  z.object({ rss: z.object({ channel: z.object({ item: many(rssItem).optional() }) }) }),
  z.object({ feed: z.object({ entry: many(atomEntry).optional() }) }),
]);

const RESOLVED = /\b(resolved|completed|operational|restored|fixed|closed)\b/i;

function asText(value: z.infer<typeof text> | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'object' ? String(value['#text']) : String(value);
}

function asLink(value: z.infer<typeof link> | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value['@_href'];
}

type FeedProbe = Extract<OfficialProbe, { kind: 'feed' }>;

export const feedSource: Source<FeedProbe> = {
  format: 'xml',
  endpoint: (probe) => probe.url,
  parse(payload, probe, now) {
    const doc = document.parse(payload);
    const entries: OfficialMessage[] =
      'rss' in doc
        ? (doc.rss.channel.item ?? []).map((i) => ({
            title: asText(i.title),
            body: asText(i.description) || undefined,
            url: asLink(i.link),
            updatedAt: time(i.pubDate),
          }))
        : (doc.feed.entry ?? []).map((e) => ({
            title: asText(e.title),
            body: asText(e.summary) || undefined,
            url: asLink(e.link?.[0]),
            updatedAt: time(e.updated ?? e.published),
          }));
    const cutoff = now - probe.recentHours * HOUR;
    const ongoing = entries.filter(
      (e) =>
        e.updatedAt !== undefined &&
        e.updatedAt >= cutoff &&
        !RESOLVED.test(`${e.title} ${e.body ?? ''}`),
    );
    return {
      state: ongoing.length > 0 ? 'degraded' : 'operational',
      description:
        ongoing.length > 0
          ? `${ongoing.length} recent unresolved entr${ongoing.length === 1 ? 'y' : 'ies'}`
          : `No unresolved entry in the last ${probe.recentHours} h`,
      messages: ongoing,
    };
  },
};
