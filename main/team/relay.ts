// The ntfy relay, as a relay only: publish `POST <server>/<topic>` with the envelope as the whole
// body; subscribe `GET <server>/<topic>/json?since=<last id, else 12h>`, an NDJSON stream of
// `open`, `keepalive` and `message` objects (docs.ntfy.sh/subscribe/api, kept in
// test/fixtures/ntfy-json-stream.ndjson; its "Fetch cached messages" says `since=` takes a
// duration, a Unix timestamp, a message ID or `all`). A stream silent for 2 × 45 s (ntfy's keepalive period)
// is dropped and opened again, with back-off; a 429 (ntfy.sh's quota is per IP address, shared by
// members behind one operator's address) waits as long as the server asks.
import type { Dispatcher } from 'undici';
import Agent from 'undici/lib/dispatcher/agent.js';
import apiRequest from 'undici/lib/api/api-request.js';
import type { HttpClient } from '../engine/net/http-client';
import { waitOf } from '../alerts/http-post';
import { MINUTE, SECOND } from '../../shared/durations';

/** ntfy sends a keepalive every 45 s; two missed and the stream is taken as dead. */
export const SILENCE_MS = 2 * 45 * SECOND;
const BACKOFF_MS = [1, 2, 5, 10, 30, 60].map((s) => s * SECOND);
const MAX_LINE_BYTES = 64 * 1024;
const PUBLISH_TIMEOUT_MS = 15 * SECOND;
/** A whole cache, from a server that ignores the id filter: 12 hours of a busy team's messages. */
const POLL_MAX_BYTES = 4 * 1024 * 1024;

/** One `message` object of the stream, as far as the team reads it. */
export interface RelayMessage {
  readonly id: string;
  readonly body: string;
  /** ntfy carries files as attachments: a team never sends one, so such a message is dropped. */
  readonly attachment: boolean;
}

/** What a publish came to. */
export type PublishResult =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'wait'; readonly afterMs: number }
  | { readonly kind: 'failed'; readonly status: number | null };

export interface RelayOptions {
  readonly server: string;
  readonly topic: string;
  /** `Authorization: Bearer` when the invite carries a token. */
  readonly token?: string;
  readonly http: HttpClient;
  readonly silenceMs?: number;
  readonly now?: () => number;
}

/** The headers of every request: the token when there is one, nothing else about the team. */
function headersOf(options: RelayOptions): Record<string, string> {
  return options.token ? { authorization: `Bearer ${options.token}` } : {};
}

/** Publishes one envelope. */
export async function publish(options: RelayOptions, envelope: string): Promise<PublishResult> {
  try {
    const response = await options.http.request({
      url: `${options.server}/${options.topic}`,
      method: 'POST',
      headers: { ...headersOf(options), 'content-type': 'text/plain' },
      body: envelope,
      timeoutMs: PUBLISH_TIMEOUT_MS,
      maxBytes: 64 * 1024,
      maxRedirects: 0,
    });
    if (response.status >= 200 && response.status < 300) return { kind: 'accepted' };
    if (response.status === 429)
      return {
        kind: 'wait',
        afterMs: waitOf(response.headers, undefined, (options.now ?? Date.now)()),
      };
    return { kind: 'failed', status: response.status };
  } catch {
    return { kind: 'failed', status: null };
  }
}

/**
 * Whether the relay still holds the message of this id. ntfy keeps what it got for 12 hours, but
 * one that restarts without a cache file has forgotten it all (and answers `since=` with an id it
 * does not know by its whole cache, however small). A poll of the cache filtered by id,
 * `GET <server>/<topic>/json?poll=1&since=all&id=<id>` (docs.ntfy.sh/subscribe/api, "Polling" and
 * "Filter messages"): a server that ignores the filter answers its whole cache, searched the same
 * way. Null when the relay gave no usable answer.
 */
export async function holds(options: RelayOptions, id: string): Promise<boolean | null> {
  const url = new URL(`${options.server}/${options.topic}/json`);
  url.searchParams.set('poll', '1');
  url.searchParams.set('since', 'all');
  url.searchParams.set('id', id);
  try {
    const response = await options.http.request({
      url: url.href,
      method: 'GET',
      headers: headersOf(options),
      timeoutMs: PUBLISH_TIMEOUT_MS,
      maxBytes: POLL_MAX_BYTES,
      maxRedirects: 0,
    });
    if (response.status !== 200) return null;
    return response.body
      .toString('utf8')
      .split('\n')
      .some((line) => {
        const read = readStreamLine(line);
        return read !== null && 'id' in read && read.id === id;
      });
  } catch {
    return null;
  }
}

/** Reads one NDJSON line of the stream: a message, another event, or nothing usable. */
export function readStreamLine(
  line: string,
): RelayMessage | { readonly event: 'open' | 'keepalive' | 'other' } | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  if (o['event'] === 'open' || o['event'] === 'keepalive') return { event: o['event'] };
  if (o['event'] !== 'message') return { event: 'other' };
  if (typeof o['id'] !== 'string') return null;
  return {
    id: o['id'],
    body: typeof o['message'] === 'string' ? o['message'] : '',
    attachment: o['attachment'] !== undefined,
  };
}

/** What the subscription tells its owner. */
export interface SubscriptionEvents {
  readonly message: (message: RelayMessage) => void;
  /** The stream is open (the relay answered 200 and its `open` line). */
  readonly opened?: () => void;
  /** A line came (a message, a keepalive): the stream is alive now. */
  readonly heard?: () => void;
  /** The stream ended or went silent; it is opened again after `afterMs`. */
  readonly lost?: (why: 'silent' | 'closed' | 'refused' | 'rate-limited', afterMs: number) => void;
}

/** A subscription that stays open until `close()`, reconnecting with back-off. */
export class Subscription {
  private readonly agent = new Agent({ keepAliveTimeout: MINUTE });
  private controller: AbortController | null = null;
  private closed = false;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;
  private readonly done: Promise<void>;

  constructor(
    private readonly options: RelayOptions,
    /** The relay id of the last message kept, read at each (re)connection. */
    private readonly since: () => string | null,
    private readonly on: SubscriptionEvents,
  ) {
    this.done = this.loop();
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      const why = await this.once();
      if (this.closed) break;
      const afterMs =
        typeof why === 'number'
          ? why
          : (BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)] ?? MINUTE);
      this.failures += 1;
      this.on.lost?.(typeof why === 'number' ? 'rate-limited' : why, afterMs);
      await new Promise<void>((resolve) => {
        this.retry = setTimeout(resolve, afterMs);
        this.wake = resolve;
      });
    }
  }

  private wake: (() => void) | null = null;

  /** One connection: until it ends, goes silent or is refused (a number: wait that long). */
  private async once(): Promise<'silent' | 'closed' | 'refused' | number> {
    const controller = new AbortController();
    this.controller = controller;
    const silenceMs = this.options.silenceMs ?? SILENCE_MS;
    let silent = false;
    /** The relay answered 200: an end after this is a stream that closed, not one refused. */
    let answered = false;
    let timer: NodeJS.Timeout | null = null;
    const heard = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        silent = true;
        controller.abort();
      }, silenceMs);
    };
    heard();
    const url = new URL(`${this.options.server}/${this.options.topic}/json`);
    url.searchParams.set('since', this.since() ?? '12h');
    try {
      const response: Dispatcher.ResponseData = await apiRequest.call(this.agent, {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: headersOf(this.options),
        signal: controller.signal,
      });
      if (response.statusCode === 429) {
        const headers = Object.fromEntries(
          Object.entries(response.headers).map(([k, v]) => [k, String(v)]),
        );
        await response.body.dump();
        return waitOf(headers, undefined, (this.options.now ?? Date.now)());
      }
      if (response.statusCode !== 200) {
        await response.body.dump();
        return 'refused';
      }
      answered = true;
      let buffered = '';
      response.body.setEncoding('utf8');
      for await (const chunk of response.body as AsyncIterable<string>) {
        heard();
        buffered += chunk;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          this.line(line);
        }
        // A line longer than any message ntfy sends is not one: drop it rather than grow.
        if (buffered.length > MAX_LINE_BYTES) buffered = '';
      }
      return 'closed';
    } catch {
      return silent ? 'silent' : this.closed || answered ? 'closed' : 'refused';
    } finally {
      if (timer) clearTimeout(timer);
      this.controller = null;
    }
  }

  private line(line: string): void {
    if (line.trim() === '') return;
    const read = readStreamLine(line);
    if (!read) return;
    if ('event' in read) {
      if (read.event === 'open') {
        this.failures = 0;
        this.on.opened?.();
      }
    } else this.on.message(read);
    // After: whoever is told of an `open` can still tell how long the stream had been silent.
    this.on.heard?.();
  }

  async close(): Promise<void> {
    if (this.closed) return this.done;
    this.closed = true;
    this.controller?.abort();
    if (this.retry) clearTimeout(this.retry);
    this.wake?.();
    await this.done;
    await this.agent.close();
  }
}
