// ntfy: `POST <server>/<topic>`, the text as the body, the title, priority and tags as headers
// (https://docs.ntfy.sh/publish/). HTTP headers carry Latin-1 at best, and ntfy's Go server reads
// their bytes as UTF-8: any title that is not plain ASCII (Arabic, an em dash, "é") is sent as an
// RFC 2047 encoded word, `=?UTF-8?B?…?=`, which ntfy decodes.
import type { NtfyChannelConfig } from '../../shared/alerts/ntfy';
import type { HttpClient } from '../engine/net/http-client';
import type { AlertChannel, AlertMessage } from './channel';
import { fitBytes } from './fit';
import { outcomeOfStatus, post, waitOf } from './http-post';

/** ntfy keeps a message of up to 4,096 bytes as text (longer ones become an attachment). */
export const NTFY_MAX_BYTES = 4096;

/** A header value ntfy reads as it was meant: ASCII as is, anything else RFC 2047-encoded. */
export function headerText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** The headers and body of one publication. */
export function ntfyRequest(
  config: NtfyChannelConfig,
  token: string | undefined,
  message: AlertMessage,
): { headers: Record<string, string>; body: string } {
  const tags =
    message.event === 'recovered'
      ? 'white_check_mark'
      : message.event === 'test'
        ? 'bell'
        : message.urgent
          ? 'rotating_light'
          : 'warning';
  return {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      title: headerText(message.title),
      priority: String(message.event === 'recovered' ? 3 : config.priority),
      tags,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: fitBytes(message.body, NTFY_MAX_BYTES),
  };
}

/** An ntfy channel. */
export function ntfyChannel(
  config: NtfyChannelConfig,
  token: string | undefined,
  dependsOn: readonly string[],
  http: HttpClient,
  now: () => number,
): AlertChannel {
  const host = new URL(config.url).host;
  return {
    id: config.id,
    kind: 'ntfy',
    dependsOn,
    async send(message, signal) {
      const { headers, body } = ntfyRequest(config, token, message);
      const answer = await post(http, config.url, headers, body, host, signal);
      if (answer.kind === 'failed') return { kind: 'retry', reason: answer.reason };
      // A 429 from ntfy may carry Retry-After; without it the default wait applies.
      return outcomeOfStatus(answer.status, host, () => waitOf(answer.headers, undefined, now()));
    },
    close: () => Promise.resolve(),
  };
}
