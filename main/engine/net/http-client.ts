// The one HTTP client of the engine: undici with keep-alive, compression, a size cap, an exact
// deadline that always fires (net/deadline.ts), bounded redirects and bytes counted as they arrive.
import type { Dispatcher } from 'undici';
import Agent from 'undici/lib/dispatcher/agent.js';
import apiRequest from 'undici/lib/api/api-request.js';
import { BodyBudget } from './body-budget';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { connectionFailure, ProbeFailure } from './errors';
import { abortable, startDeadline } from './deadline';
import { makeLookup } from './resolve';
import { secureContextFor } from './trust';
import { MINUTE, SECOND } from '../../../shared/durations';

/** What a probe or a source asks of the network. */
export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'HEAD' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  /** A request body (POST only; the second opinion's measurement request). */
  readonly body?: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly dnsServers?: readonly string[];
  readonly signal?: AbortSignal;
  /**
   * The body is counted (bytes, size limit) but not kept: nothing reads it (an http probe with no
   * `expectBody`), so it costs no memory however large it is.
   */
  readonly discardBody?: boolean;
  /**
   * Whether to keep the connection for the next request (yes by default). A request whose next
   * one comes after `CONNECTION_KEPT_MS` (a probe that rests an hour) gives it back at once: an
   * idle TLS connection holds tens of kilobytes for nothing.
   */
  readonly keepConnection?: boolean;
}

/** The answer, body already decompressed. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** Bytes on the wire for every hop: request and response lines, headers, compressed body. */
  readonly bytes: number;
  readonly url: string;
  readonly redirects: number;
  /** Time to the first response headers of the last hop. */
  readonly latencyMs: number;
}

/** The HTTP side effect, handed to probes and sources (so tests hand in their own). */
export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

export interface HttpClientOptions {
  /** Extra trusted CA certificates (PEM), added to the system's (tests use a generated one). */
  readonly extraCa?: readonly string[];
  readonly userAgent?: string;
  /** Response bytes all requests may hold at once (DEFAULT_BODY_BUDGET). */
  readonly bodyBudget?: BodyBudget;
}

/** How long an idle connection is kept for the next request to the same origin. */
export const CONNECTION_KEPT_MS = 2 * MINUTE;
const CONNECT_CEILING_MS = 2 * MINUTE;
const USER_AGENT = 'Vigie/0.1 (+status check)';

/** Builds the real client; agents are shared per DNS-server set so connections are reused. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const agents = new Map<string, Agent>();
  const secureContext = secureContextFor(options.extraCa);
  const budget = options.bodyBudget ?? new BodyBudget();

  const agentFor = (servers: readonly string[] | undefined, timeoutMs: number): Agent => {
    const key = `${servers?.join(',') ?? ''}|${timeoutMs}`;
    let agent = agents.get(key);
    if (!agent) {
      agent = new Agent({
        keepAliveTimeout: CONNECTION_KEPT_MS,
        keepAliveMaxTimeout: CONNECTION_KEPT_MS,
        // No cap per origin: services behind one host must not queue behind a hanging one (the
        // engine's concurrency cap bounds how many requests run at once).
        connections: null,
        // The probe's deadline is the real one; undici's own connect timeout (10 s by default)
        // is set to it, so a connection that never completes is not kept past it either.
        connect: {
          lookup: makeLookup(servers, 5 * SECOND),
          timeout: Math.min(timeoutMs, CONNECT_CEILING_MS),
          ...(secureContext ? { secureContext } : {}),
        },
      });
      agents.set(key, agent);
    }
    return agent;
  };

  return {
    async request(req) {
      const deadline = startDeadline(req.timeoutMs, req.signal);
      try {
        return await requestWithin(req, deadline.signal);
      } finally {
        deadline.done();
      }
    },
    async close() {
      await Promise.all([...agents.values()].map((agent) => agent.close()));
      agents.clear();
    },
  };

  async function requestWithin(req: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
    const dispatcher = agentFor(req.dnsServers, req.timeoutMs);
    let url = req.url;
    let bytes = 0;
    for (let hop = 0; ; hop++) {
      const started = performance.now();
      const hopResult = await oneHop(
        dispatcher,
        url,
        req,
        signal,
        options.userAgent ?? USER_AGENT,
        budget,
      );
      bytes += hopResult.bytes;
      const location = hopResult.headers['location'];
      if (hopResult.status >= 300 && hopResult.status < 400 && location && hop < req.maxRedirects) {
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new ProbeFailure('HTTP_STATUS', `${url} redirects to an invalid address`);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new ProbeFailure('HTTP_STATUS', `${url} redirects to a non-web address`);
        }
        url = next.toString();
        continue;
      }
      return {
        ...hopResult,
        bytes,
        url,
        redirects: hop,
        latencyMs: Math.round(hopResult.headersAt - started),
      };
    }
  }
}

interface Hop {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  bytes: number;
  headersAt: number;
}

async function oneHop(
  dispatcher: Dispatcher,
  url: string,
  req: HttpRequest,
  signal: AbortSignal,
  userAgent: string,
  budget: BodyBudget,
): Promise<Hop> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    'accept-encoding': 'gzip, br',
    ...req.headers,
  };
  const requestBytes =
    estimateRequestBytes(url, req.method, headers) + Buffer.byteLength(req.body ?? '');
  let response: Dispatcher.ResponseData;
  try {
    response = await abortable(
      requestOn(dispatcher, url, {
        method: req.method,
        headers,
        signal,
        // undici closes the connection after every HEAD by default, for servers that wrongly send
        // a body with it: every check would then pay a new TCP and TLS handshake (a few kB of
        // certificates on the wire, most of a check's CPU). Such a body arrives on the idle
        // connection, which undici then drops: the next check opens a new one
        // (test/lab/keep-alive.test.ts). A request that will not be followed soon closes it.
        reset: req.keepConnection === false,
        ...(req.body !== undefined ? { body: req.body } : {}),
      }),
      signal,
      (late) => late.body.destroy(),
    );
  } catch (error) {
    throw connectionFailure(error, url, req.timeoutMs);
  }
  const headersAt = performance.now();
  const flat = flattenHeaders(response.headers);
  let bytes = requestBytes + estimateHeaderBytes(flat);
  // Before its first byte is read, a body takes from what all checks may hold at once as much as
  // it can come to: its length when the server says it, else the probe's limit (and as much again
  // for decompressing). A body taken is read to its end; one that does not fit waits whole.
  const length = Number(flat['content-length']);
  const raw =
    Number.isFinite(length) && length >= 0 ? Math.min(length, req.maxBytes) : req.maxBytes;
  const reserved = req.discardBody
    ? 0
    : raw + (flat['content-encoding'] && raw > 0 ? req.maxBytes : 0);
  let taken = false;
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    if (reserved > 0) {
      await budget.take(reserved, signal);
      taken = true;
    }
    for await (const chunk of response.body) {
      const buffer = chunk as Buffer;
      received += buffer.length;
      bytes += buffer.length;
      if (received > req.maxBytes) {
        response.body.destroy();
        throw new ProbeFailure('TOO_LARGE', `${url} sent more than ${req.maxBytes} bytes`);
      }
      if (!req.discardBody) chunks.push(buffer);
    }
    const body = decode(Buffer.concat(chunks), flat['content-encoding'], req.maxBytes, url);
    return { status: response.statusCode, headers: flat, body, bytes, headersAt };
  } catch (error) {
    if (!taken) response.body.destroy();
    if (error instanceof ProbeFailure) throw error;
    throw connectionFailure(error, url, req.timeoutMs);
  } finally {
    if (taken) budget.give(reserved);
  }
}

function decode(raw: Buffer, encoding: string | undefined, maxBytes: number, url: string): Buffer {
  if (!encoding || raw.length === 0) return raw;
  const options = { maxOutputLength: maxBytes };
  try {
    switch (encoding.trim().toLowerCase()) {
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(raw, options);
      case 'br':
        return brotliDecompressSync(raw, options);
      case 'deflate':
        return inflateSync(raw, options);
      default:
        return raw;
    }
  } catch (error) {
    if (
      error instanceof RangeError ||
      (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
    ) {
      throw new ProbeFailure('TOO_LARGE', `${url} unpacks to more than ${maxBytes} bytes`);
    }
    throw new ProbeFailure('BAD_PAYLOAD', `${url} sent a body that does not decompress`);
  }
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function estimateHeaderBytes(headers: Record<string, string>): number {
  let total = 'HTTP/1.1 200 OK\r\n\r\n'.length;
  for (const [key, value] of Object.entries(headers)) total += key.length + value.length + 4;
  return total;
}

function estimateRequestBytes(
  url: string,
  method: string,
  headers: Record<string, string>,
): number {
  const parsed = new URL(url);
  let total =
    method.length + parsed.pathname.length + parsed.search.length + ' HTTP/1.1\r\n\r\n'.length;
  total += 'host: \r\n'.length + parsed.host.length;
  for (const [key, value] of Object.entries(headers)) total += key.length + value.length + 4;
  return total;
}

/** undici's `request(url, { dispatcher })`, as its index builds it, from the part it is made of. */
function requestOn(
  dispatcher: Dispatcher,
  url: string,
  options: Omit<Dispatcher.RequestOptions, 'origin' | 'path'>,
): Promise<Dispatcher.ResponseData> {
  const parsed = new URL(url);
  return apiRequest.call(dispatcher, {
    ...options,
    origin: parsed.origin,
    path: `${parsed.pathname}${parsed.search}`,
  });
}
