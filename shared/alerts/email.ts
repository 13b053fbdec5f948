// An e-mail channel: SMTP with the user's own mailbox (STARTTLS on 587, TLS on 465).
import { z } from 'zod';
import { zodEn } from '../i18n/zod-strings';
import { channelId, dependsOnSchema, secretSchema } from './common';

const address = z
  .string()
  .min(3)
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, zodEn.email);

export const emailChannelSchema = z.strictObject({
  id: channelId,
  kind: z.literal('email'),
  host: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:_-]+$/, zodEn.hostName),
  port: z.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  user: z.string().min(1).max(254).optional(),
  password: secretSchema.optional(),
  from: address,
  to: z.array(address).min(1).max(20),
  dependsOn: dependsOnSchema,
});

export type EmailChannelConfig = z.infer<typeof emailChannelSchema>;
