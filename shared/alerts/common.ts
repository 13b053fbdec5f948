// What every alert channel's definition shares: its id, its secrets and the services it goes
// through (docs/alerts.md).
import { z } from 'zod';
import { zodEn } from '../i18n/zod-strings';

/** A channel's id: how the outbox, `watch` and `alert-test --channel` name it. */
export const channelId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, zodEn.serviceId);

/** A secret: written in the file, or read from an environment variable (`{ "env": "NAME" }`). */
export const secretSchema = z.union([
  z.string().min(1).max(4096),
  z.strictObject({
    env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, zodEn.envName),
  }),
]);

/** Service ids a channel goes through: while one is down, the channel is skipped. */
export const dependsOnSchema = z
  .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, zodEn.serviceRef))
  .max(20)
  .optional();

export type Secret = z.infer<typeof secretSchema>;
