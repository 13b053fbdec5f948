// Webhooks: `POST <url>` with JSON by format. Slack's and Google Chat's incoming webhooks take
// `{text}`; Discord's `{content, allowed_mentions: {parse: []}}` (no @everyone from an alert);
// `json` is Vigie's own `{event, service: {id, name}, state, cause, since, text}` (Microsoft Teams
// "Workflows" take it; their 202 says the flow started, not that anyone got the message).
import type { WebhookChannelConfig, WebhookFormat } from '../../shared/alerts/webhook';
import type { HttpClient } from '../engine/net/http-client';
import type { AlertChannel, AlertMessage } from './channel';
import { fitChars } from './fit';
import { jsonOf, outcomeOfStatus, post, waitOf } from './http-post';

/** Characters a message may have, by format (Discord's `content` holds 2,000). */
export const WEBHOOK_MAX_CHARS: Readonly<Record<WebhookFormat, number>> = {
  slack: 4000,
  discord: 2000,
  googlechat: 4000,
  json: 4000,
};

/** The JSON body of one message in `format`. */
export function webhookBody(format: WebhookFormat, message: AlertMessage): string {
  const text = fitChars(`${message.title}\n${message.body}`, WEBHOOK_MAX_CHARS[format]);
  switch (format) {
    case 'slack':
    case 'googlechat':
      return JSON.stringify({ text });
    case 'discord':
      return JSON.stringify({ content: text, allowed_mentions: { parse: [] } });
    case 'json':
      return JSON.stringify({
        event: message.event,
        service: message.service,
        state: message.state,
        cause: message.cause,
        since: message.since === null ? null : new Date(message.since).toISOString(),
        text,
      });
    default: {
      const never: never = format;
      return never;
    }
  }
}

/** A webhook channel (`url` already read from its secret). */
export function webhookChannel(
  config: WebhookChannelConfig,
  url: string,
  dependsOn: readonly string[],
  http: HttpClient,
  now: () => number,
): AlertChannel {
  const host = new URL(url).host;
  return {
    id: config.id,
    kind: 'webhook',
    dependsOn,
    async send(message, signal) {
      const answer = await post(
        http,
        url,
        { 'content-type': 'application/json' },
        webhookBody(config.format, message),
        host,
        signal,
      );
      if (answer.kind === 'failed') return { kind: 'retry', reason: answer.reason };
      // Discord's 429 says its wait in the body as well (`retry_after`, seconds).
      const retryAfter = (jsonOf(answer.body) as { retry_after?: unknown } | undefined)
        ?.retry_after;
      return outcomeOfStatus(answer.status, host, () =>
        waitOf(answer.headers, typeof retryAfter === 'number' ? retryAfter : undefined, now()),
      );
    },
    close: () => Promise.resolve(),
  };
}
