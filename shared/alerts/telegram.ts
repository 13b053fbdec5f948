// A Telegram channel: a bot made with @BotFather writes to one chat.
import { z } from 'zod';
import { zodEn } from '../i18n/zod-strings';
import { httpUrl } from '../http-url';
import { channelId, dependsOnSchema, secretSchema } from './common';

export const telegramChannelSchema = z.strictObject({
  id: channelId,
  kind: z.literal('telegram'),
  /** The bot's token from @BotFather. */
  token: secretSchema,
  /** The chat the bot writes to (a person's or a group's id). */
  chatId: z.union([
    z.string().regex(/^-?\d{1,20}$|^@[A-Za-z0-9_]{5,64}$/, zodEn.chatId),
    z
      .number()
      .int()
      .transform((n) => String(n)),
  ]),
  apiUrl: httpUrl.default('https://api.telegram.org'),
  dependsOn: dependsOnSchema,
});

export type TelegramChannelConfig = z.infer<typeof telegramChannelSchema>;
