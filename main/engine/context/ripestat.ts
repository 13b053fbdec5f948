// RIPEstat's looking-glass data call (https://stat.ripe.net/docs/02.data-api/looking-glass.html):
// `GET /data/looking-glass/data.json?resource=<prefix>&sourceapp=vigie` answers, for each RIS
// route collector (RRC), the routes its peers hold for that address space:
// `{ status: "ok", data: { rrcs: [{ rrc, location, peers: [{ prefix, as_path, … }] }] }, … }`
// (see test/fixtures/ripestat/). The call matches covering routes too: while Meta's /23 holding
// its name servers was withdrawn, its /17 stayed announced, so only a peer whose `prefix` is
// exactly the one asked counts as a route. What the call answers for address space nobody
// announces at all is undocumented: a prefix with no collector answering counts as withdrawn only
// when a collector answered for another prefix of the same service (the looking-glass works), so
// an empty answer everywhere is never read as a withdrawal.
import { z } from 'zod';
import { collectorsOf } from '../../../shared/context';
import type { PrefixRoutes } from '../../../shared/types';
import type { HttpClient } from '../net/http-client';
import { ContextError, getJson } from './platform';

const lookingGlass = z.object({
  status: z.string(),
  data: z.object({
    rrcs: z.array(
      z.object({
        rrc: z.string(),
        peers: z.array(z.object({ prefix: z.string() })),
      }),
    ),
  }),
});

/** The looking-glass URL for one prefix. */
export function lookingGlassUrl(base: string, prefix: string): string {
  const root = base.replace(/\/+$/, '');
  return `${root}/data/looking-glass/data.json?resource=${encodeURIComponent(prefix)}&sourceapp=vigie`;
}

/** Reads a looking-glass answer into what the collectors see of `prefix`. */
export function readLookingGlass(json: unknown, prefix: string, bytes: number): PrefixRoutes {
  const parsed = lookingGlass.safeParse(json);
  if (!parsed.success) throw new ContextError('unreadable', 'not a looking-glass answer', bytes);
  if (parsed.data.status !== 'ok') {
    throw new ContextError('platform error', `status ${parsed.data.status}`, bytes);
  }
  const wanted = prefix.toLowerCase();
  const { rrcs } = parsed.data.data;
  const seeing = rrcs.filter((r) => r.peers.some((p) => p.prefix.toLowerCase() === wanted));
  return { prefix, collectors: rrcs.length, seeing: seeing.length };
}

/** Asks RIPEstat what the route collectors see of one prefix now. */
export async function askRoutes(
  http: HttpClient,
  base: string,
  prefix: string,
  options: { readonly timeoutMs: number; readonly signal?: AbortSignal },
): Promise<{ readonly routes: PrefixRoutes; readonly bytes: number }> {
  const { json, bytes } = await getJson(http, lookingGlassUrl(base, prefix), options);
  return { routes: readLookingGlass(json, prefix, bytes), bytes };
}

/** No prefix announced by any collector's peer while collectors answer: the provider withdrew them. */
export function allWithdrawn(prefixes: readonly PrefixRoutes[]): boolean {
  return prefixes.length > 0 && prefixes.every((p) => p.seeing === 0) && collectorsOf(prefixes) > 0;
}
