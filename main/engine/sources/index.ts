// Runs an official source: conditional fetch, size and time caps, parse with zod, and a cache so
// heavy sources are fetched less often. Garbage becomes "unreachable: <reason>", never a crash.
import { assertNever } from '../../../shared/errors';
import { performance } from 'node:perf_hooks';
import { XMLParser } from 'fast-xml-parser';
import type { OfficialReport, OfficialState, ProbeResult, ProbeState } from '../../../shared/types';
import { ProbeFailure } from '../net/errors';
import { messageOf } from '../../../shared/errors';
import { failed, result, type ProbeContext } from '../probes/context';
import { feedSource } from './feed';
import { googleWorkspaceSource } from './google-workspace';
import { incidentioSource } from './incidentio';
import { instatusSource } from './instatus';
import { m365Source } from './m365';
import { metastatusSource } from './metastatus';
import { slackSource } from './slack';
import type { OfficialProbe, PayloadFormat, Source } from './source';
import { statuspageSource } from './statuspage';

const SOURCE_MAX_BYTES = 4 * 1024 * 1024;

/** A registry of status sources: one reader for each official probe kind. */
export type Sources = {
  readonly [K in OfficialProbe['kind']]: Source<Extract<OfficialProbe, { kind: K }>>;
};

/**
 * Every official source, by its probe kind. The mapped type makes a kind without a source (or a
 * source read with another kind's probe) a compile error: a new source is its file and one line
 * here (CONTRIBUTING.md#a-status-source).
 */
export const SOURCES: Sources = {
  statuspage: statuspageSource,
  incidentio: incidentioSource,
  instatus: instatusSource,
  'google-workspace': googleWorkspaceSource,
  slack: slackSource,
  feed: feedSource,
  metastatus: metastatusSource,
  m365: m365Source,
};

function sourceFor<P extends OfficialProbe>(probe: P, sources: Sources): Source<P> {
  // The registry pairs each kind with the source of that kind's probes: the lookup keeps the pair.
  return sources[probe.kind] as unknown as Source<P>;
}

interface CacheEntry {
  readonly etag?: string;
  readonly lastModified?: string;
  readonly report: OfficialReport;
  readonly fetchedAt: number;
}

/**
 * Remembers the last good answer of each endpoint as each probe read it, for conditional requests
 * and slow sources. Keyed by probe and endpoint: probes reading one endpoint for different things
 * (Meta's orgs.json for different orgs, one status page for different components) must never be
 * handed each other's report on a 304.
 */
export class SourceCache {
  private readonly entries = new Map<string, CacheEntry>();
  private static key(probe: OfficialProbe, url: string): string {
    return `${url}\u0000${JSON.stringify(probe)}`;
  }
  get(probe: OfficialProbe, url: string): CacheEntry | undefined {
    return this.entries.get(SourceCache.key(probe, url));
  }
  set(probe: OfficialProbe, url: string, entry: CacheEntry): void {
    this.entries.set(SourceCache.key(probe, url), entry);
  }
}

/** Maps what the provider says to the state of the probe's own result. */
export function officialProbeState(state: OfficialState): ProbeState {
  switch (state) {
    case 'operational':
      return 'up';
    case 'degraded':
      return 'degraded';
    case 'major':
      return 'down';
    case 'maintenance':
      return 'maintenance';
    default:
      return assertNever(state, 'source state');
  }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: true,
});

function decodePayload(body: Buffer, format: PayloadFormat): unknown {
  const text = body.toString('utf8');
  if (format === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const looksHtml = /^\s*</.test(text);
      throw new ProbeFailure(
        'BAD_PAYLOAD',
        looksHtml ? 'answered HTML instead of JSON' : 'answered JSON that does not parse',
      );
    }
  }
  if (!/^\s*(<\?xml|<rss|<feed)/i.test(text))
    throw new ProbeFailure('BAD_PAYLOAD', 'answered something that is not a feed');
  try {
    return xml.parse(text) as unknown;
  } catch {
    throw new ProbeFailure('BAD_PAYLOAD', 'answered XML that does not parse');
  }
}

function reportResult(
  probe: OfficialProbe,
  target: string,
  report: OfficialReport,
  fields: { latencyMs: number; bytes: number; cached: boolean },
): ProbeResult {
  const base = result(probe.kind, target, officialProbeState(report.state), {
    latencyMs: fields.latencyMs,
    bytes: fields.bytes,
    detail: report.description,
  });
  return { ...base, official: report, cached: fields.cached, scope: probe.scope };
}

/** One successful read of one endpoint. */
interface Read {
  readonly report: OfficialReport;
  readonly latencyMs: number;
  readonly cached: boolean;
}

/** Fetches one endpoint (conditionally when `cache` is given) and parses it; counts its bytes in `spent`. */
async function readEndpoint(
  url: string,
  format: PayloadFormat,
  parse: (payload: unknown) => OfficialReport,
  probe: OfficialProbe,
  ctx: ProbeContext,
  spent: { bytes: number },
  cache?: SourceCache,
): Promise<Read> {
  const entry = cache?.get(probe, url);
  const headers: Record<string, string> = {
    accept:
      format === 'json'
        ? 'application/json'
        : 'application/rss+xml, application/atom+xml, text/xml',
  };
  if (entry?.etag) headers['if-none-match'] = entry.etag;
  if (entry?.lastModified) headers['if-modified-since'] = entry.lastModified;
  const res = await ctx.http.request({
    url,
    method: 'GET',
    headers,
    timeoutMs: probe.timeoutMs,
    maxBytes: SOURCE_MAX_BYTES,
    maxRedirects: 3,
    dnsServers: probe.dnsServers ?? ctx.dnsServers,
    signal: ctx.signal,
  });
  spent.bytes += res.bytes;
  const now = ctx.now();
  if (res.status === 304 && entry) {
    cache?.set(probe, url, { ...entry, fetchedAt: now });
    return { report: entry.report, latencyMs: res.latencyMs, cached: true };
  }
  if (res.status < 200 || res.status > 299) {
    throw new ProbeFailure('HTTP_STATUS', `answered HTTP ${res.status}`);
  }
  const payload = decodePayload(res.body, format);
  let report: OfficialReport;
  try {
    report = parse(payload);
  } catch (error) {
    throw new ProbeFailure(
      'BAD_PAYLOAD',
      `answered a payload we cannot read (${firstIssue(error)})`,
    );
  }
  cache?.set(probe, url, {
    etag: res.headers['etag'],
    lastModified: res.headers['last-modified'],
    report,
    fetchedAt: now,
  });
  return { report, latencyMs: res.latencyMs, cached: false };
}

/** Whether a failed read is worth the source's fallback (the host answered, its answer was wrong). */
function answeredWrongly(error: unknown): boolean {
  return (
    error instanceof ProbeFailure && (error.code === 'BAD_PAYLOAD' || error.code === 'HTTP_STATUS')
  );
}

/**
 * Fetches an official source (conditionally, when it was read before) and turns its answer into a
 * probe result; the probe's kind picks its reader in `sources`.
 */
export async function runOfficialProbe(
  probe: OfficialProbe,
  ctx: ProbeContext,
  cache: SourceCache,
  sources: Sources = SOURCES,
): Promise<ProbeResult> {
  const source = sourceFor(probe, sources);
  const url = source.endpoint(probe);
  const started = performance.now();
  const spent = { bytes: 0 };
  /** Reads one of the source's endpoints; only the state's own reads are conditional. */
  const read = (
    target: string,
    format: PayloadFormat,
    parse: (payload: unknown, now: number) => OfficialReport,
    conditional: boolean,
  ) =>
    readEndpoint(
      target,
      format,
      (payload) => parse(payload, ctx.now()),
      probe,
      ctx,
      spent,
      conditional ? cache : undefined,
    );
  try {
    let first: Read;
    let target = url;
    try {
      first = await read(url, source.format, (p, now) => source.parse(p, probe, now), true);
    } catch (error) {
      const fallback = source.fallback;
      if (!fallback || !answeredWrongly(error)) throw error;
      target = fallback.endpoint(probe);
      first = await read(target, fallback.format, (p, now) => fallback.parse(p, probe, now), true);
    }
    let report = first.report;
    const details = source.details;
    if (details && target === url && report.state !== 'operational') {
      try {
        const state = report;
        const extra = await read(
          details.endpoint(probe),
          details.format,
          (p, now) => details.merge(state, p, probe, now),
          false,
        );
        report = extra.report;
      } catch {
        // The details are a courtesy: the state already read stands without them.
      }
    }
    return reportResult(probe, target, report, {
      latencyMs: first.latencyMs,
      bytes: spent.bytes,
      cached: first.cached,
    });
  } catch (error) {
    const down = failed(probe.kind, url, error, performance.now() - started, spent.bytes);
    const reason = error instanceof ProbeFailure ? error.message : messageOf(error);
    return {
      ...down,
      state: 'unknown',
      detail: `status source unreachable: ${reason}`,
      scope: probe.scope,
    };
  }
}

function firstIssue(error: unknown): string {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  const first = issues?.[0];
  if (first) return `${first.path.map(String).join('.') || 'top level'}: ${first.message}`;
  return messageOf(error);
}

export type { OfficialProbe } from './source';
