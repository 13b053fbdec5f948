// Globalping (https://globalping.io), a public network of probes: the same HTTP or DNS check run
// from other networks. API from its OpenAPI spec (https://api.globalping.io/v1/spec.yaml):
// POST /v1/measurements creates a measurement (202, `{ id, probesCount }`), GET
// /v1/measurements/{id} answers `{ status: "in-progress" | "finished", results: [{ probe:
// { country, … }, result: { status, statusCode, statusCodeName, answers } }] }`; poll no more
// than every 500 ms. Anonymous use is rate-limited (429). We use our own HTTP client rather than
// the official `globalping` npm client so the deadline, the size cap and the byte count are ours.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { SECOND } from '../../../shared/durations';
import type { OpinionGroup } from '../../../shared/types';
import type { HttpClient, HttpResponse } from '../net/http-client';
import { ProbeFailure } from '../net/errors';
import { messageOf } from '../../../shared/errors';

/** What to run from other networks. */
export type OpinionCheck =
  | {
      readonly check: 'http';
      readonly host: string;
      readonly protocol: 'HTTP' | 'HTTPS';
      readonly port: number;
      readonly path: string;
      readonly query: string;
      readonly method: 'HEAD' | 'GET';
      /** Inclusive range of statuses that mean "reachable". */
      readonly expect: readonly [number, number];
    }
  | { readonly check: 'dns'; readonly host: string };

/** Where to find the API and how long to wait. */
export interface GlobalpingOptions {
  readonly url: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Pause between polls; Globalping asks for at least 500 ms. */
  readonly pollMs?: number;
}

/** Results of one group of probes, and what it cost. */
export interface GroupAnswer extends OpinionGroup {
  readonly bytes: number;
}

/** Why Globalping gave no answer: rate-limited, too slow, or unreachable. */
export class OpinionFailure extends Error {
  constructor(
    readonly reason: 'rate-limited' | 'no answer in time' | 'unreachable',
    message: string,
    readonly bytes: number,
    /** Seconds until the rate limit resets, when Globalping said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'OpinionFailure';
  }
}

const POLL_MS = SECOND / 2;
const MAX_BYTES = 512 * 1024;

const created = z.object({ id: z.string().min(1), probesCount: z.number().int().nonnegative() });
const probeLocation = z.object({ country: z.string() });
const testResult = z.object({
  status: z.string(),
  statusCode: z.number().nullish(),
  statusCodeName: z.string().nullish(),
  failureSource: z.string().nullish(),
  answers: z.array(z.object({ type: z.string() })).nullish(),
});
const measurement = z.object({
  id: z.string(),
  status: z.string(),
  results: z.array(z.object({ probe: probeLocation, result: testResult })),
});
type Measurement = z.infer<typeof measurement>;

/** The request body for a check from `locations` (omitted: anywhere in the world). */
export function measurementRequest(
  check: OpinionCheck,
  limit: number,
  country: string | null,
): Record<string, unknown> {
  const where = country ? { locations: [{ country, limit }] } : { limit };
  if (check.check === 'dns') {
    return {
      type: 'dns',
      target: check.host,
      ...where,
      measurementOptions: { query: { type: 'A' } },
    };
  }
  return {
    type: 'http',
    target: check.host,
    ...where,
    measurementOptions: {
      protocol: check.protocol,
      port: check.port,
      request: {
        method: check.method,
        path: check.path,
        ...(check.query ? { query: check.query } : {}),
      },
    },
  };
}

/** Whether one probe's result reached the service; null when it does not count (it never ran). */
export function reached(check: OpinionCheck, result: z.infer<typeof testResult>): boolean | null {
  if (result.status === 'in-progress' || result.status === 'offline') return null;
  // Globalping's own trouble is no evidence about the service.
  if (result.status === 'failed') return result.failureSource === 'internal' ? null : false;
  if (result.status !== 'finished') return null;
  if (check.check === 'dns') {
    return (
      result.statusCodeName === 'NOERROR' &&
      (result.answers ?? []).some((a) => a.type === 'A' || a.type === 'AAAA' || a.type === 'CNAME')
    );
  }
  const code = result.statusCode;
  return typeof code === 'number' && code >= check.expect[0] && code <= check.expect[1];
}

function parseJson<T>(res: HttpResponse, schema: z.ZodType<T>, what: string): T {
  try {
    return schema.parse(JSON.parse(res.body.toString('utf8')));
  } catch {
    throw new ProbeFailure('BAD_PAYLOAD', `Globalping answered a ${what} we cannot read`);
  }
}

function retryAfter(res: HttpResponse): number | undefined {
  const value = Number(res.headers['retry-after'] ?? res.headers['x-ratelimit-reset']);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Runs `check` on up to `limit` probes in `country` (or anywhere, when null) and counts how many
 * reached the service; probes in `excludeCountry` are left out (the world group).
 */
export async function runMeasurement(
  http: HttpClient,
  check: OpinionCheck,
  limit: number,
  where: { readonly country: string | null; readonly excludeCountry?: string | null },
  options: GlobalpingOptions,
): Promise<GroupAnswer> {
  const base = options.url.replace(/\/+$/, '');
  const deadline = Date.now() + options.timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  let bytes = 0;
  const send = async (url: string, init: { method: 'GET' | 'POST'; body?: string }) => {
    const res = await http.request({
      url,
      method: init.method,
      headers: {
        accept: 'application/json',
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
      timeoutMs: left(),
      maxBytes: MAX_BYTES,
      maxRedirects: 0,
      signal: options.signal,
    });
    bytes += res.bytes;
    return res;
  };
  /** The answer when its status is one of `ok`; a failure that says why otherwise. */
  const expect = (res: HttpResponse, ok: readonly number[]): HttpResponse => {
    if (res.status === 429) {
      throw new OpinionFailure(
        'rate-limited',
        'Globalping is rate-limiting us',
        bytes,
        retryAfter(res),
      );
    }
    if (!ok.includes(res.status)) {
      throw new OpinionFailure('unreachable', `Globalping answered HTTP ${res.status}`, bytes);
    }
    return res;
  };
  try {
    const body = JSON.stringify(measurementRequest(check, limit, where.country));
    const made = expect(
      await send(`${base}/v1/measurements`, { method: 'POST', body }),
      [200, 202],
    );
    const { id } = parseJson(made, created, 'measurement id');
    let current: Measurement | undefined;
    for (;;) {
      const path = `${base}/v1/measurements/${encodeURIComponent(id)}`;
      const res = expect(await send(path, { method: 'GET' }), [200]);
      current = parseJson(res, measurement, 'measurement');
      if (current.status !== 'in-progress') break;
      if (Date.now() + (options.pollMs ?? POLL_MS) >= deadline) break;
      await sleep(options.pollMs ?? POLL_MS, undefined, { signal: options.signal });
    }
    let asked = 0;
    let reachable = 0;
    for (const { probe, result } of current.results) {
      if (where.excludeCountry && probe.country.toUpperCase() === where.excludeCountry) continue;
      const ok = reached(check, result);
      if (ok === null) continue;
      asked++;
      if (ok) reachable++;
    }
    return { asked, reachable, bytes };
  } catch (error) {
    if (error instanceof OpinionFailure) throw error;
    if (error instanceof ProbeFailure && error.code === 'TIMEOUT') {
      throw new OpinionFailure('no answer in time', error.message, bytes);
    }
    if (options.signal?.aborted) throw new OpinionFailure('no answer in time', 'cancelled', bytes);
    throw new OpinionFailure('unreachable', messageOf(error), bytes);
  }
}
