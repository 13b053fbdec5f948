// Pairing a Telegram chat without typing its id: the person opens `https://t.me/<bot>?start=<code>`
// (Telegram then sends the bot "/start <code>"), and Vigie reads the bot's updates with
// `getUpdates` (https://core.telegram.org/bots/api#getupdates) to find the chat that sent it.
import type { HttpClient } from '../engine/net/http-client';
import { ATTEMPT_TIMEOUT_MS } from './http-post';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A pairing code (12 characters, allowed in a deep link's start parameter) from random bytes. */
export function pairingCode(bytes: Uint8Array): string {
  if (bytes.length < 12) throw new Error('pairingCode needs 12 random bytes');
  return Array.from(bytes.slice(0, 12), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

interface Update {
  readonly message?: { readonly text?: unknown; readonly chat?: { readonly id?: unknown } };
}

/** The chat that sent "/start <code>", from a getUpdates answer; null if none did. */
export function pairedChat(answer: unknown, code: string): string | null {
  const result = (answer as { ok?: unknown; result?: unknown } | null)?.result;
  if (!Array.isArray(result)) return null;
  for (const update of result as Update[]) {
    const text = update.message?.text;
    const id = update.message?.chat?.id;
    if (typeof text === 'string' && text.trim() === `/start ${code}` && typeof id === 'number')
      return String(id);
  }
  return null;
}

/** Asks the bot's recent updates for the chat that sent the code; null when none (yet). */
export async function findPairedChat(
  http: HttpClient,
  apiUrl: string,
  token: string,
  code: string,
): Promise<string | null> {
  const base = apiUrl.replace(/\/+$/, '');
  try {
    const response = await http.request({
      url: `${base}/bot${token}/getUpdates`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowed_updates: ['message'] }),
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      maxBytes: 1024 * 1024,
      maxRedirects: 0,
    });
    if (response.status !== 200) return null;
    return pairedChat(JSON.parse(response.body.toString('utf8')) as unknown, code);
  } catch {
    return null;
  }
}
