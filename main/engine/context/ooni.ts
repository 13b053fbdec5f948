// OONI's aggregation API (https://api.ooni.io/apidocs/, code and tests in github.com/ooni/backend
// api/tests/integ/test_aggregation.py): `GET /api/v1/aggregation?probe_cc=CI&test_name=whatsapp
// &since=YYYY-MM-DD&until=YYYY-MM-DD&axis_y=probe_asn` answers `{ dimension_count, result: [{
// probe_asn, anomaly_count, confirmed_count, failure_count, ok_count, measurement_count }], v: 0 }`.
// The four counts are disjoint (measurement = ok + anomaly + confirmed + failure in every
// published example); failures are the probe's own trouble and are left out. Some errors come as
// HTTP 200 with `{ error, v: 0 }` ("Axis X and Y cannot be the same"); older deployments said
// `msg`: both are errors. The answer has no per-measurement time: its age is the window asked.
import { z } from 'zod';
import { DAY } from '../../../shared/durations';
import type { OoniNetwork } from '../../../shared/types';
import type { HttpClient } from '../net/http-client';
import { ContextError, getJson } from './platform';

/** What to ask OONI about one service. */
export interface OoniAsk {
  readonly country: string;
  readonly test: string;
  readonly domains?: readonly string[];
}

const count = z.number().int().nonnegative();
const row = z.object({
  probe_asn: z.union([z.number().int(), z.string().regex(/^(?:AS)?\d+$/)]),
  ok_count: count,
  anomaly_count: count,
  confirmed_count: count,
});
const aggregation = z.object({ result: z.array(row) });
const platformError = z.object({ error: z.string().optional(), msg: z.string().optional() });

/** A UTC day as OONI takes it: YYYY-MM-DD. */
function day(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The window asked: since yesterday, until tomorrow (exclusive), so the last 24 to 48 hours. */
export function ooniWindow(now: number): { readonly since: string; readonly until: string } {
  return { since: day(now - DAY), until: day(now + DAY) };
}

/** The aggregation URL for one service in one country. */
export function aggregationUrl(base: string, ask: OoniAsk, now: number): string {
  const { since, until } = ooniWindow(now);
  const query = new URLSearchParams({ probe_cc: ask.country, test_name: ask.test });
  if (ask.domains && ask.domains.length > 0) query.set('domain', ask.domains.join(','));
  query.set('since', since);
  query.set('until', until);
  query.set('axis_y', 'probe_asn');
  return `${base.replace(/\/+$/, '')}/api/v1/aggregation?${query.toString()}`;
}

/** Reads an aggregation answer into counts per network (failures left out). */
export function readAggregation(json: unknown, bytes: number): readonly OoniNetwork[] {
  const error = platformError.safeParse(json);
  const said = error.success ? (error.data.error ?? error.data.msg) : undefined;
  if (said !== undefined) throw new ContextError('platform error', said, bytes);
  const parsed = aggregation.safeParse(json);
  if (!parsed.success) throw new ContextError('unreadable', 'not an aggregation answer', bytes);
  return parsed.data.result
    .map((r) => ({
      asn: typeof r.probe_asn === 'number' ? r.probe_asn : Number(r.probe_asn.replace(/^AS/, '')),
      ok: r.ok_count,
      anomaly: r.anomaly_count,
      confirmed: r.confirmed_count,
    }))
    .filter((n) => n.ok + n.anomaly + n.confirmed > 0);
}

/** Asks OONI what its volunteers measured of a service in a country since yesterday. */
export async function askOoni(
  http: HttpClient,
  base: string,
  ask: OoniAsk,
  now: number,
  options: { readonly timeoutMs: number; readonly signal?: AbortSignal },
): Promise<{ readonly networks: readonly OoniNetwork[]; readonly bytes: number }> {
  const { json, bytes } = await getJson(http, aggregationUrl(base, ask, now), options);
  return { networks: readAggregation(json, bytes), bytes };
}
