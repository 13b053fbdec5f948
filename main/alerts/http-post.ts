// One POST to a channel's server and what its answer means, by retry class: 2xx accepted; 429
// after the wait the server asks for; 400/401/403/404/410 broken; network errors, 5xx and the rest
// retried with back-off. The reasons name the server's host only: a channel's address may hold
// its secret (a webhook URL, Telegram's bot token in the path).
import type { HttpClient } from '../engine/net/http-client';
import { ProbeFailure } from '../engine/net/errors';
import { HOUR, SECOND } from '../../shared/durations';
import type { Outcome, Reason } from './channel';

/** How long one attempt may take, look-up to answer. */
export const ATTEMPT_TIMEOUT_MS = 15 * SECOND;
/** Answers are small; more than this is not an answer from a channel. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** A 429 without a readable wait waits this long; a longer wait than the cap is cut to it. */
const DEFAULT_WAIT_MS = 60 * SECOND;
const MAX_WAIT_MS = HOUR;

/** What a POST came to: an answer, or a failure before one. */
export type PostResult =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  | { readonly kind: 'failed'; readonly reason: Reason };

/** Posts `body`; a network failure is a reason (naming `host`), never a thrown error. */
export async function post(
  http: HttpClient,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  host: string,
  signal?: AbortSignal,
): Promise<PostResult> {
  try {
    const response = await http.request({
      url,
      method: 'POST',
      headers,
      body,
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      maxBytes: MAX_ANSWER_BYTES,
      maxRedirects: 0,
      ...(signal ? { signal } : {}),
    });
    return {
      kind: 'answer',
      status: response.status,
      headers: response.headers,
      body: response.body.toString('utf8'),
    };
  } catch (error) {
    const code = error instanceof ProbeFailure ? error.code : null;
    return { kind: 'failed', reason: { key: `alerts.reasonNet${netKey(code)}`, values: { host } } };
  }
}

function netKey(code: string | null): string {
  switch (code) {
    case 'DNS_NXDOMAIN':
    case 'DNS_SERVFAIL':
    case 'DNS_TIMEOUT':
      return 'Dns';
    case 'TIMEOUT':
      return 'Timeout';
    case 'CONN_REFUSED':
      return 'Refused';
    case 'TLS_ERROR':
      return 'Tls';
    default:
      return 'Other';
  }
}

/** The wait a 429 asks for: `Retry-After` (seconds or a date), else a body's `retry_after`. */
export function waitOf(
  headers: Readonly<Record<string, string>>,
  bodyRetryAfterSeconds: number | undefined,
  now: number,
): number {
  const header = headers['retry-after'];
  let ms: number | undefined;
  if (header !== undefined) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) ms = seconds * SECOND;
    else {
      const at = Date.parse(header);
      if (Number.isFinite(at)) ms = at - now;
    }
  }
  if (ms === undefined && bodyRetryAfterSeconds !== undefined) ms = bodyRetryAfterSeconds * SECOND;
  if (ms === undefined || !Number.isFinite(ms)) return DEFAULT_WAIT_MS;
  return Math.min(MAX_WAIT_MS, Math.max(SECOND, Math.ceil(ms)));
}

/** The retry class of an HTTP status (2xx accepted, 429 wait, permanent, the rest retried). */
export function outcomeOfStatus(status: number, host: string, waitMs: () => number): Outcome {
  if (status >= 200 && status < 300) return { kind: 'accepted' };
  const values = { host, status };
  if (status === 429) {
    const afterMs = waitMs();
    return {
      kind: 'wait',
      afterMs,
      reason: {
        key: 'alerts.reasonRateLimited',
        values: { host, seconds: Math.round(afterMs / SECOND) },
      },
    };
  }
  if (status === 400) return { kind: 'broken', reason: { key: 'alerts.reasonRefused', values } };
  if (status === 401 || status === 403)
    return { kind: 'broken', reason: { key: 'alerts.reasonUnauthorized', values } };
  if (status === 404 || status === 410)
    return { kind: 'broken', reason: { key: 'alerts.reasonGone', values } };
  return { kind: 'retry', reason: { key: 'alerts.reasonServerError', values } };
}

/** Reads a JSON answer, or nothing when it is not JSON. */
export function jsonOf(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
