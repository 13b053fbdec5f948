// One GET to a public measurement platform: size- and time-capped, its bytes counted, and every
// way it can fail (silent, 429, an HTTP error, garbage) turned into a ContextError that says why.
import { messageOf } from '../../../shared/errors';
import type { ContextFailure } from '../../../shared/types';
import type { HttpClient } from '../net/http-client';
import { ProbeFailure } from '../net/errors';

/** A platform answer is small; anything past this is not what we asked for. */
const MAX_BYTES = 256 * 1024;

/** Why a platform gave nothing usable, with what the attempt cost. */
export class ContextError extends Error {
  constructor(
    readonly failure: ContextFailure,
    message: string,
    readonly bytes: number,
    /** Seconds to leave the platform alone, when a 429 said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ContextError';
  }
}

/** An answer read as JSON, with its cost. */
export interface JsonAnswer {
  readonly json: unknown;
  readonly bytes: number;
}

function retryAfter(headers: Readonly<Record<string, string>>): number | undefined {
  const value = Number(headers['retry-after']);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** GETs `url` and parses its JSON body; throws a ContextError on anything else. */
export async function getJson(
  http: HttpClient,
  url: string,
  options: { readonly timeoutMs: number; readonly signal?: AbortSignal },
): Promise<JsonAnswer> {
  let res;
  try {
    res = await http.request({
      url,
      method: 'GET',
      headers: { accept: 'application/json' },
      timeoutMs: options.timeoutMs,
      maxBytes: MAX_BYTES,
      maxRedirects: 2,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof ProbeFailure && error.code === 'TIMEOUT') {
      throw new ContextError('no answer in time', error.message, 0);
    }
    if (error instanceof ProbeFailure && error.code === 'TOO_LARGE') {
      throw new ContextError('unreadable', error.message, 0);
    }
    throw new ContextError('unreachable', messageOf(error), 0);
  }
  if (res.status === 429) {
    throw new ContextError('rate-limited', 'HTTP 429', res.bytes, retryAfter(res.headers));
  }
  if (res.status < 200 || res.status > 299) {
    throw new ContextError('unreachable', `HTTP ${res.status}`, res.bytes);
  }
  try {
    return { json: JSON.parse(res.body.toString('utf8')) as unknown, bytes: res.bytes };
  } catch {
    throw new ContextError('unreadable', 'not JSON', res.bytes);
  }
}
