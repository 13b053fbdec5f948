// The alerts part of the app's settings: the same channels as a config file's `alerts`, without
// their secrets (tokens, passwords, webhook addresses are kept encrypted apart, in
// `alert-secrets.json`; see main/alerts/secret-store.ts).
import { z } from 'zod';
import { alertEvents } from './schema';
import { emailChannelSchema } from './email';
import { ntfyChannelSchema } from './ntfy';
import { telegramChannelSchema } from './telegram';
import { webhookChannelSchema } from './webhook';

/** A channel as the settings keep it: every field but its secrets. */
export const storedChannelSchema = z.discriminatedUnion('kind', [
  ntfyChannelSchema.omit({ token: true }),
  telegramChannelSchema.omit({ token: true }),
  emailChannelSchema.omit({ password: true }),
  webhookChannelSchema.omit({ url: true }),
]);

export type StoredChannelConfig = z.infer<typeof storedChannelSchema>;

export const appAlertsSchema = z.strictObject({
  /** The alerts' language; absent: the app's. */
  language: z.enum(['en', 'fr', 'ar']).optional(),
  events: z.array(z.enum(alertEvents)).min(1).default(['down', 'recovered']),
  channels: z.array(storedChannelSchema).max(20).default([]),
});

export type AppAlerts = z.infer<typeof appAlertsSchema>;
