// An ntfy channel: a topic on ntfy.sh or a self-hosted server, read by the ntfy phone app.
import { z } from 'zod';
import { httpUrl } from '../http-url';
import { channelId, dependsOnSchema, secretSchema } from './common';

/** Whether a URL names a topic after its server (`https://ntfy.sh/` alone does not). */
function hasTopic(value: string): boolean {
  try {
    return /^\/[^/]+/.test(new URL(value).pathname);
  } catch {
    return false;
  }
}

export const ntfyChannelSchema = z.strictObject({
  id: channelId,
  kind: z.literal('ntfy'),
  /** The server and the topic: `https://ntfy.sh/vigie-k3f9x2`. */
  url: httpUrl.refine(hasTopic, {
    message: 'expected the server followed by the topic, e.g. https://ntfy.sh/vigie-k3f9x2',
    params: { key: 'alerts.configNtfyTopic' },
  }),
  /** An access token for a protected topic (sent as `Authorization: Bearer`). */
  token: secretSchema.optional(),
  /** ntfy's priority, 1 (min) to 5 (max). */
  priority: z.number().int().min(1).max(5).default(4),
  dependsOn: dependsOnSchema,
});

export type NtfyChannelConfig = z.infer<typeof ntfyChannelSchema>;
