// RSS 2.0 and Atom feeds of status pages. A feed carries no severity, so an entry newer than
// `recentHours` whose *latest update* does not say it is resolved counts as an ongoing, degrading
// incident. Statuspage's feeds put each update in `<content type="html">` (newest first, each
// `<p>` with a `<strong>Label</strong>`); Slack's list them oldest first; Microsoft's items carry a
// `<status>` (Available, ServiceDegradation, ServiceInterruption, ServiceRestored, …).
import { z } from 'zod';
import { HOUR } from '../../../shared/durations';
import type { OfficialMessage, OfficialState } from '../../../shared/types';
import { time, worstOfficial, type OfficialProbe, type Source } from './source';

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
  /** Microsoft's status feeds: the state of the item's service. */
  status: text.optional(),
});
const atomEntry = z.object({
  title: text.optional(),
  link: many(link).optional(),
  updated: z.string().optional(),
  published: z.string().optional(),
  summary: text.optional(),
  content: text.optional(),
});
const document = z.union([
  z.object({
    rss: z.object({ channel: z.object({ item: many(rssItem).optional() }) }),
  }),
  z.object({ feed: z.object({ entry: many(atomEntry).optional() }) }),
]);

const RESOLVED = /\b(resolved|completed|restored|fixed|closed|operational)\b/i;
const RESOLVED_TITLE = /^\W*(resolved|completed|restored)\b/i;

/** One entry of a feed, before judging. */
export interface FeedEntry {
  readonly title: string;
  /** The entry's body as HTML or text (Atom `content` or `summary`, RSS `description`). */
  readonly body: string;
  readonly url?: string;
  readonly updatedAt?: number;
  /** Microsoft's `<status>`, when the item has one. */
  readonly status?: string;
}

function asText(value: z.infer<typeof text> | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'object' ? String(value['#text']) : String(value);
}

function asLink(value: z.infer<typeof link> | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value['@_href'];
}

/** HTML to plain text (tags dropped, the common entities decoded, spaces collapsed). */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim();
}

/**
 * The latest update of an entry's body, as plain text. Statuspage writes one `<p>` per update,
 * newest first, each labelled `<strong>Resolved</strong> - …`; unlabelled logs (Slack) run oldest
 * first. A body without paragraphs is one update.
 */
export function latestUpdate(body: string): string {
  const blocks = body
    .split(/<\/p>/i)
    .map((b) => b.trim())
    .filter((b) => plainText(b) !== '');
  if (blocks.length <= 1) return plainText(body);
  const labelled = blocks.every((b) => /<strong>[^<]+<\/strong>/i.test(b));
  return plainText((labelled ? blocks[0] : blocks.at(-1)) ?? '');
}

/** Microsoft's `<status>` values, as an official state (undocumented: read from public feeds). */
export function microsoftStatus(status: string): OfficialState | 'resolved' {
  const s = status.replace(/\s+/g, '').toLowerCase();
  if (
    [
      'available',
      // status.cloud.microsoft's own word, in its posts and its feeds (test/fixtures/README.md).
      'operational',
      'serviceoperational',
      'servicerestored',
      'resolved',
      'resolvedexternal',
      'falsepositive',
      'postincidentreviewpublished',
      'mitigated',
      'mitigatedexternal',
    ].includes(s)
  ) {
    return 'resolved';
  }
  if (s === 'serviceinterruption' || s === 'outage') return 'major';
  return 'degraded';
}

/** What one entry says now: resolved, or the state it reports. */
export function entryState(entry: FeedEntry): OfficialState | 'resolved' {
  if (entry.status) return microsoftStatus(entry.status);
  if (RESOLVED_TITLE.test(entry.title)) return 'resolved';
  return RESOLVED.test(latestUpdate(entry.body)) ? 'resolved' : 'degraded';
}

/** Reads a parsed RSS or Atom document into entries. */
export function feedEntries(payload: unknown): FeedEntry[] {
  const doc = document.parse(payload);
  if ('rss' in doc) {
    return (doc.rss.channel.item ?? []).map((i) => ({
      title: asText(i.title),
      body: asText(i.description),
      url: asLink(i.link),
      updatedAt: time(i.pubDate),
      ...(i.status !== undefined ? { status: asText(i.status) } : {}),
    }));
  }
  return (doc.feed.entry ?? []).map((e) => ({
    title: asText(e.title),
    body: asText(e.content ?? e.summary),
    url: asLink(e.link?.[0]),
    updatedAt: time(e.updated ?? e.published),
  }));
}

/** The entries newer than `recentHours` that are not resolved, with their state. */
export function ongoingEntries(
  entries: readonly FeedEntry[],
  recentHours: number,
  now: number,
): { entry: FeedEntry; state: OfficialState }[] {
  const cutoff = now - recentHours * HOUR;
  return entries.flatMap((entry) => {
    if (entry.updatedAt === undefined || entry.updatedAt < cutoff) return [];
    const state = entryState(entry);
    return state === 'resolved' ? [] : [{ entry, state }];
  });
}

/** An entry as the provider's message. */
export function entryMessage(entry: FeedEntry): OfficialMessage {
  const body = latestUpdate(entry.body);
  return {
    title: entry.title,
    ...(body ? { body } : {}),
    ...(entry.url ? { url: entry.url } : {}),
    ...(entry.updatedAt !== undefined ? { updatedAt: entry.updatedAt } : {}),
  };
}

type FeedProbe = Extract<OfficialProbe, { kind: 'feed' }>;

export const feedSource: Source<FeedProbe> = {
  format: 'xml',
  endpoint: (probe) => probe.url,
  parse(payload, probe, now) {
    const ongoing = ongoingEntries(feedEntries(payload), probe.recentHours, now);
    const state = worstOfficial(ongoing.map((o) => o.state));
    return {
      state,
      description:
        ongoing.length === 0
          ? `No unresolved entry in the last ${probe.recentHours} h`
          : ongoing.length === 1
            ? '1 recent unresolved entry'
            : `${ongoing.length} recent unresolved entries`,
      messages: ongoing.map((o) => entryMessage(o.entry)),
    };
  },
};
