// The `alerts` object of a config file and of the app's settings: which changes go out, in which
// language, through which channels (docs/alerts.md).
import { z } from 'zod';
import { zodEn } from '../i18n/zod-strings';
import { emailChannelSchema } from './email';
import { ntfyChannelSchema } from './ntfy';
import { telegramChannelSchema } from './telegram';
import { webhookChannelSchema } from './webhook';

export const alertEvents = ['down', 'degraded', 'recovered'] as const;
export type AlertEvent = (typeof alertEvents)[number];

export const channelSchema = z.discriminatedUnion('kind', [
  ntfyChannelSchema,
  telegramChannelSchema,
  emailChannelSchema,
  webhookChannelSchema,
]);

export const alertsSchema = z
  .strictObject({
    language: z.enum(['en', 'fr', 'ar']).optional(),
    events: z.array(z.enum(alertEvents)).min(1).default(['down', 'recovered']),
    /** Service ids; absent: every service of the file. */
    services: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, zodEn.serviceRef)).optional(),
    channels: z.array(channelSchema).max(20),
  })
  .superRefine((alerts, ctx) => {
    const seen = new Set<string>();
    alerts.channels.forEach((channel, index) => {
      if (seen.has(channel.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels', index, 'id'],
          message: `duplicate channel id "${channel.id}"`,
          params: { key: 'alerts.configDuplicateId', id: channel.id },
        });
      }
      seen.add(channel.id);
    });
  });

export type ChannelConfig = z.infer<typeof channelSchema>;
export type ChannelKind = ChannelConfig['kind'];
export type AlertsConfig = z.infer<typeof alertsSchema>;
