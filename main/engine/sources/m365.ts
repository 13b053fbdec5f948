// Microsoft's public status (status.cloud.microsoft), for Microsoft 365 and its consumer services.
// UNDOCUMENTED: Microsoft documents only the signed-in Service Health API; the unauthenticated
// `/api/posts/<id>` answers an array of posts read by public code (see test/fixtures/README.md):
// `ServiceDisplayName`, `Status` (e.g. "Available", "ServiceDegradation", "ServiceRestored"),
// `Title`, `Message`, `LastUpdatedTime`.
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
const posts = z.array(post);

type M365Probe = Extract<OfficialProbe, { kind: 'm365' }>;

export const m365Source: Source<M365Probe> = {
  format: 'json',
  endpoint: (probe) => probe.url,
  parse(payload, probe) {
    const matches = nameMatcher(probe.services);
    const counted = posts
      .parse(payload)
      .filter((p) => !matches || (p.ServiceDisplayName ? matches(p.ServiceDisplayName) : false));
    const troubled = counted.flatMap((p) => {
      const state = microsoftStatus(p.Status ?? 'Available');
      return state === 'resolved' ? [] : [{ post: p, state: state as OfficialState }];
    });
    const state = worstOfficial(troubled.map((t) => t.state));
    const messages: OfficialMessage[] = troubled.map(({ post: p }) => ({
      title: [p.ServiceDisplayName, p.Title ?? p.Status].filter(Boolean).join(': '),
      ...(p.Message ? { body: plainText(p.Message) } : {}),
      ...(time(p.LastUpdatedTime) !== undefined ? { updatedAt: time(p.LastUpdatedTime) } : {}),
    }));
    const scopeWords = probe.services ? probe.services.join(', ') : 'Microsoft 365';
    return {
      state,
      description:
        troubled.length === 0
          ? `${scopeWords}: available`
          : troubled
              .map(({ post: p }) => `${p.ServiceDisplayName ?? 'Microsoft'}: ${p.Status ?? ''}`)
              .join(', '),
      messages,
    };
  },
};
