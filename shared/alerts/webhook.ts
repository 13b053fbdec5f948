// A webhook channel: Slack, Discord, Google Chat incoming webhooks, or plain JSON for the rest
// (Microsoft Teams "Workflows" URLs take the JSON form).
import { z } from 'zod';
import { zodEn } from '../i18n/zod-strings';
import { httpUrl } from '../http-url';
import { channelId, dependsOnSchema } from './common';

export const webhookFormats = ['slack', 'discord', 'googlechat', 'json'] as const;
export type WebhookFormat = (typeof webhookFormats)[number];

export const webhookChannelSchema = z.strictObject({
  id: channelId,
  kind: z.literal('webhook'),
  /** The webhook's address is its secret: written here, or `{ "env": "NAME" }`. */
  url: z.union([
    httpUrl,
    z.strictObject({
      env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, zodEn.envName),
    }),
  ]),
  format: z.enum(webhookFormats).default('json'),
  dependsOn: dependsOnSchema,
});

export type WebhookChannelConfig = z.infer<typeof webhookChannelSchema>;
