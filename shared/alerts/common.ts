// What every alert channel's definition shares: its id, its secrets and the services it goes
// through (docs/alerts.md).
import { z } from 'zod';

/** A channel's id: how the outbox, `watch` and `alert-test --channel` name it. */
export const channelId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected lowercase letters, digits and dashes');

/** A secret: written in the file, or read from an environment variable (`{ "env": "NAME" }`). */
export const secretSchema = z.union([
  z.string().min(1).max(4096),
  z.strictObject({
    env: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'expected an environment variable name'),
  }),
]);

/** Service ids a channel goes through: while one is down, the channel is skipped. */
export const dependsOnSchema = z
  .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a service id'))
  .max(20)
  .optional();

export type Secret = z.infer<typeof secretSchema>;
