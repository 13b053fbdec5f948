// Telegram: `POST <apiUrl>/bot<token>/sendMessage` with `{chat_id, text,
// disable_web_page_preview: true}` (https://core.telegram.org/bots/api#sendmessage). A failure is
// `{ok: false, error_code, description, parameters: {retry_after}}`; the bot's token is in the
// path, so nothing here ever says the URL.
import type { TelegramChannelConfig } from '../../shared/alerts/telegram';
import type { HttpClient } from '../engine/net/http-client';
import type { AlertChannel, AlertMessage, Outcome } from './channel';
import { fitChars } from './fit';
import { jsonOf, outcomeOfStatus, post, waitOf } from './http-post';

/** Telegram's limit for a message's text, in characters. */
export const TELEGRAM_MAX_CHARS = 4096;

/** The JSON body of one message: the title, a blank line, the rest. */
export function telegramBody(chatId: string, message: AlertMessage): string {
  return JSON.stringify({
    chat_id: chatId,
    text: fitChars(`${message.title}\n\n${message.body}`, TELEGRAM_MAX_CHARS),
    disable_web_page_preview: true,
  });
}

interface TelegramError {
  readonly ok?: unknown;
  readonly error_code?: unknown;
  readonly description?: unknown;
  readonly parameters?: { readonly retry_after?: unknown };
}

/** What Telegram's answer means (its `error_code` mirrors the HTTP status). */
export function telegramOutcome(
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string,
  host: string,
  now: number,
): Outcome {
  const answer = (jsonOf(body) ?? {}) as TelegramError;
  if (status >= 200 && status < 300 && answer.ok === true) return { kind: 'accepted' };
  const retryAfter = answer.parameters?.retry_after;
  const description = typeof answer.description === 'string' ? answer.description : '';
  // "Bad Request: chat not found": the token works, the chat id does not (pair it again).
  if (status === 400 && /chat not found/i.test(description)) {
    return { kind: 'broken', reason: { key: 'alerts.reasonTelegramChat', values: { host } } };
  }
  // "Forbidden: bot was blocked by the user": the person stopped the bot.
  if (status === 403 && /blocked|kicked|deactivated/i.test(description)) {
    return { kind: 'broken', reason: { key: 'alerts.reasonTelegramBlocked', values: { host } } };
  }
  return outcomeOfStatus(status, host, () =>
    waitOf(headers, typeof retryAfter === 'number' ? retryAfter : undefined, now),
  );
}

/** A Telegram channel. */
export function telegramChannel(
  config: TelegramChannelConfig,
  token: string,
  dependsOn: readonly string[],
  http: HttpClient,
  now: () => number,
): AlertChannel {
  const base = config.apiUrl.replace(/\/+$/, '');
  const host = new URL(base).host;
  return {
    id: config.id,
    kind: 'telegram',
    dependsOn,
    async send(message, signal) {
      const answer = await post(
        http,
        `${base}/bot${token}/sendMessage`,
        { 'content-type': 'application/json' },
        telegramBody(config.chatId, message),
        host,
        signal,
      );
      if (answer.kind === 'failed') return { kind: 'retry', reason: answer.reason };
      return telegramOutcome(answer.status, answer.headers, answer.body, host, now());
    },
    close: () => Promise.resolve(),
  };
}
