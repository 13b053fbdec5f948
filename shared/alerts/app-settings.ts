// The alerts part of the app's settings: the same channels as a config file's `alerts`, without
// their secrets (tokens, passwords, webhook addresses are kept encrypted apart, in
// `alert-secrets.json`; see main/alerts/secret-store.ts).
import { z } from 'zod';
import { alertEvents, type ChannelKind } from './schema';
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

/** True when every kind of `channelSchema` has a stored form above; a kind left out does not compile. */
type EveryKindStored = [ChannelKind] extends [StoredChannelConfig['kind']] ? true : never;
export const EVERY_KIND_STORED: EveryKindStored = true;

export const appAlertsSchema = z.strictObject({
  /** The alerts' language; absent: the app's. */
  language: z.enum(['en', 'fr', 'ar']).optional(),
  events: z.array(z.enum(alertEvents)).min(1).default(['down', 'recovered']),
  channels: z.array(storedChannelSchema).max(20).default([]),
});

export type AppAlerts = z.infer<typeof appAlertsSchema>;

/** A channel as the window sees it: its settings, which secrets are set (never the secrets). */
export interface AlertChannelView {
  /** The channel's settings, without its secret fields. */
  readonly channel: Readonly<Record<string, unknown>> & {
    readonly id: string;
    readonly kind: StoredChannelConfig['kind'];
  };
  /** For each secret field of its kind, whether it is set. */
  readonly secrets: Readonly<Record<string, boolean>>;
  /** The services it goes through (their names), as in effect (its kind’s default when not set). */
  readonly dependsOn: readonly string[];
  /** When it last accepted an alert or a test (epoch ms; kept across restarts). */
  readonly lastDelivery: number | null;
  /** Why it is broken, in the window's language; null when it is not. */
  readonly broken: string | null;
  /** The services it depends on that were down at the last alert (it was skipped). */
  readonly skipped: readonly string[];
}

/** A test send's result, the reason in the window's language. */
export type AlertTestResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: string };
