// IODA's outage events (API v2, https://api.ioda.inetintel.cc.gatech.edu/v2/): `GET
// /outages/events?entityType=country&entityCode=CI&from=<unix s>&until=<unix s>
// &ignoreMethods=*.sarima` answers `{ type: "outages.events", error: null | "…", data: [...] }`.
// Without `format` the events come as `{ location: "country/CI", start, duration, datasource,
// score, … }`; with `format=ioda` as `{ entity: { code, type }, from, until, datasource, score }`.
// Both are read (see test/fixtures/ioda/). An event still running ends at the window's end, and
// IODA's signals arrive 15 to 30 minutes late: an event that ends less than half an hour before
// now is taken as still going on.
import { z } from 'zod';
import { HOUR, MINUTE, SECOND } from '../../../shared/durations';
import type { IodaOutage } from '../../../shared/types';
import type { HttpClient } from '../net/http-client';
import { ContextError, getJson } from './platform';

/** How far back the events are asked. */
export const IODA_WINDOW_MS = 6 * HOUR;
/** An event ending this close to now is taken as still going on (IODA's own lag). */
const LAG_MS = 30 * MINUTE;

const codf = z.object({
  location: z.string().optional(),
  start: z.number(),
  duration: z.number().nonnegative(),
  datasource: z.string(),
  score: z.number(),
});
const iodaFormat = z.object({
  entity: z.object({ code: z.string(), type: z.string() }).optional(),
  from: z.number(),
  until: z.number(),
  datasource: z.string(),
  score: z.number(),
});
const envelope = z.object({ error: z.string().nullish(), data: z.array(z.unknown()).nullish() });

/** The events URL for a country, over the last six hours. */
export function eventsUrl(base: string, country: string, now: number): string {
  const until = Math.floor(now / SECOND);
  const from = Math.floor((now - IODA_WINDOW_MS) / SECOND);
  return (
    `${base.replace(/\/+$/, '')}/outages/events?entityType=country&entityCode=${encodeURIComponent(country)}` +
    `&from=${from}&until=${until}&ignoreMethods=*.sarima`
  );
}

interface Event {
  readonly country: string | null;
  readonly start: number;
  readonly end: number;
  readonly datasource: string;
  readonly score: number;
}

function eventOf(value: unknown): Event | null {
  const a = codf.safeParse(value);
  if (a.success) {
    const [type, code] = (a.data.location ?? '').split('/');
    return {
      country: type === 'country' && code ? code.toUpperCase() : null,
      start: a.data.start * SECOND,
      end: (a.data.start + a.data.duration) * SECOND,
      datasource: a.data.datasource,
      score: a.data.score,
    };
  }
  const b = iodaFormat.safeParse(value);
  if (b.success) {
    const entity = b.data.entity;
    return {
      country: entity?.type === 'country' ? entity.code.toUpperCase() : null,
      start: b.data.from * SECOND,
      end: b.data.until * SECOND,
      datasource: b.data.datasource,
      score: b.data.score,
    };
  }
  return null;
}

/** Reads an events answer: the strongest outage of `country` going on at `now`, or null. */
export function readEvents(
  json: unknown,
  country: string,
  now: number,
  bytes: number,
): IodaOutage | null {
  const parsed = envelope.safeParse(json);
  if (!parsed.success) throw new ContextError('unreadable', 'not an events answer', bytes);
  if (parsed.data.error) throw new ContextError('platform error', parsed.data.error, bytes);
  if (!parsed.data.data) throw new ContextError('unreadable', 'no events list', bytes);
  let best: IodaOutage | null = null;
  for (const item of parsed.data.data) {
    const event = eventOf(item);
    if (!event) continue;
    if (event.country !== null && event.country !== country) continue;
    if (event.start > now || event.end < now - LAG_MS) continue;
    if (!best || event.score > best.score) {
      best = { since: event.start, datasource: event.datasource, score: event.score };
    }
  }
  return best;
}

/** Asks IODA whether the country's internet is disrupted now. */
export async function askIoda(
  http: HttpClient,
  base: string,
  country: string,
  now: number,
  options: { readonly timeoutMs: number; readonly signal?: AbortSignal },
): Promise<{ readonly outage: IodaOutage | null; readonly bytes: number }> {
  const { json, bytes } = await getJson(http, eventsUrl(base, country, now), options);
  return { outage: readEvents(json, country, now, bytes), bytes };
}
