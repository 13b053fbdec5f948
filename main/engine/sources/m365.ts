// Microsoft's public status (status.cloud.microsoft), for Microsoft 365 and its consumer services.
// UNDOCUMENTED: Microsoft documents only the signed-in Service Health API. What the public
// `/api/posts/<id>` endpoints answer is known from captures kept by public monitoring projects
// (test/fixtures/README.md):
// - `/api/posts/mac` (the Microsoft 365 admin center; also `ppac`, `azure`): ONE post object, with
//   no `ServiceDisplayName` — it speaks for the admin center itself;
// - `/api/posts/m365Consumer`: an ARRAY of posts, one per consumer service (`ServiceDisplayName`:
//   Outlook.com, OneDrive, Microsoft Teams Free, …);
// - `Status`: the site's own script lists Available, ServiceDegradation, Operational, Unknown and
//   ServiceRestored, shown as "Service degradation", "Service restored"; posts have been seen
//   carrying either form. Any other word is read as Microsoft's feed words are (feed.ts).
import { z } from 'zod';
import type { OfficialMessage, OfficialState } from '../../../shared/types';
import { microsoftStatus, plainText } from './feed';
import { nameMatcher, time, worstOfficial, type OfficialProbe, type Source } from './source';

const post = z.object({
  Id: z.union([z.string(), z.number()]).nullish(),
  ServiceDisplayName: z.string().nullish(),
  Status: z.string().nullish(),
  Title: z.string().nullish(),
  Message: z.string().nullish(),
  LastUpdatedTime: z.string().nullish(),
});
type Post = z.infer<typeof post>;
/**
 * One post (the admin center's) or a list of them (one per service). A lone object must carry a
 * `Status`, or any JSON object (an error envelope) would read as "all well".
 */
const posts = z.union([z.array(post), post.extend({ Status: z.string() }).transform((p) => [p])]);

type M365Probe = Extract<OfficialProbe, { kind: 'm365' }>;

/**
 * Whom a lone post speaks for: the admin center, in the words of its own message ("Service health
 * in the Microsoft 365 admin center"), not the services inside it.
 */
export const ADMIN_CENTER = 'Microsoft 365 admin center';

/** What a post's `Status` says: a state, resolved, or `unknown` (Microsoft says it cannot tell). */
export function postStatus(status: string): OfficialState | 'resolved' | 'unknown' {
  const word = status.replace(/\s+/g, '').toLowerCase();
  switch (word) {
    case 'available':
    case 'operational':
    case 'servicerestored':
      return 'resolved';
    case 'servicedegradation':
      return 'degraded';
    case 'unknown':
      return 'unknown';
    default:
      return microsoftStatus(word);
  }
}

/** The posts that speak for the probe's services (every post when it names none). */
function countedPosts(all: readonly Post[], probe: M365Probe): Post[] {
  const matches = nameMatcher(probe.services);
  if (!matches) return [...all];
  const counted = all.filter((p) => (p.ServiceDisplayName ? matches(p.ServiceDisplayName) : false));
  // An answer without the named services says nothing about them: never "available" by silence.
  if (counted.length === 0) throw new Error(`no post names ${probe.services?.join(', ')}`);
  return counted;
}

export const m365Source: Source<M365Probe> = {
  format: 'json',
  endpoint: (probe) => probe.url,
  parse(payload, probe) {
    const lone = !Array.isArray(payload);
    const counted = countedPosts(posts.parse(payload), probe);
    const read = counted.map((p) => ({ post: p, state: postStatus(p.Status ?? 'Available') }));
    if (read.every((r) => r.state === 'unknown')) {
      throw new Error('Microsoft says the status is unknown');
    }
    const troubled = read.flatMap(({ post: p, state }) =>
      state === 'resolved' || state === 'unknown' ? [] : [{ post: p, state }],
    );
    const state = worstOfficial(troubled.map((t) => t.state));
    const messages: OfficialMessage[] = troubled.map(({ post: p }) => ({
      title: [p.ServiceDisplayName, p.Title || p.Status].filter(Boolean).join(': '),
      ...(p.Message ? { body: plainText(p.Message) } : {}),
      ...(time(p.LastUpdatedTime) !== undefined ? { updatedAt: time(p.LastUpdatedTime) } : {}),
    }));
    const scopeWords = lone
      ? ADMIN_CENTER
      : probe.services
        ? probe.services.join(', ')
        : 'Microsoft 365';
    return {
      ...(lone ? { subject: ADMIN_CENTER } : {}),
      state,
      description:
        troubled.length === 0
          ? `${scopeWords}: available`
          : troubled
              .map(({ post: p }) => `${p.ServiceDisplayName ?? scopeWords}: ${p.Status ?? ''}`)
              .join(', '),
      messages,
    };
  },
};
