// What public measurements allow Vigie to say about a country-level block, and where a person can
// see them. "Blocked" needs three independent sources to agree: other networks in the country
// cannot reach the service while networks elsewhere can (the second opinion, cause `regional`),
// OONI's volunteers found anomalies in at least 60 % of at least 5 tests on at least 2 networks
// over the last 48 hours, and IODA answered with no country-wide outage. With an IODA outage it is
// an internet disruption; otherwise only "unreachable from your country" is said.
import type { OoniContext, PrefixRoutes, PublicContext, RoutesContext, Verdict } from './types';

/** Fewer OONI tests than this is "not enough OONI tests". */
export const OONI_MIN_TESTS = 5;
/** The share of anomalous tests that counts as a block. */
export const OONI_MIN_ANOMALY_SHARE = 0.6;
/** Anomalies must be seen on at least this many networks. */
export const OONI_MIN_NETWORKS = 2;

/** OONI's counts for one service, summed over networks (failures already left out). */
export interface OoniTally {
  readonly tests: number;
  readonly anomalies: number;
  /** Networks with at least one test. */
  readonly networks: number;
  /** Networks where at least one test found an anomaly. */
  readonly anomalousNetworks: number;
}

/** Sums OONI's per-network counts; confirmed blocks count as anomalies. */
export function ooniTally(ooni: OoniContext): OoniTally {
  let tests = 0;
  let anomalies = 0;
  let anomalousNetworks = 0;
  for (const n of ooni.networks) {
    tests += n.ok + n.anomaly + n.confirmed;
    anomalies += n.anomaly + n.confirmed;
    if (n.anomaly + n.confirmed > 0) anomalousNetworks++;
  }
  return { tests, anomalies, networks: ooni.networks.length, anomalousNetworks };
}

/** Whether OONI answered with enough tests to say anything. */
export function ooniEnough(ooni: OoniContext): boolean {
  return !ooni.failure && ooniTally(ooni).tests >= OONI_MIN_TESTS;
}

/** Whether OONI's tests show interference: ≥ 60 % anomalies of ≥ 5 tests on ≥ 2 networks. */
export function ooniShowsBlock(ooni: OoniContext): boolean {
  if (!ooniEnough(ooni)) return false;
  const { tests, anomalies, anomalousNetworks } = ooniTally(ooni);
  return anomalies >= OONI_MIN_ANOMALY_SHARE * tests && anomalousNetworks >= OONI_MIN_NETWORKS;
}

/** What is said of a service unreachable from the user's country. */
export type CountryFinding = 'blocked' | 'disruption' | 'unreachable';

/** The country finding of a verdict whose cause is `regional`; null for any other cause. */
export function countryFinding(verdict: Pick<Verdict, 'cause' | 'context'>): CountryFinding | null {
  if (verdict.cause !== 'regional') return null;
  const ioda = verdict.context?.ioda;
  const ooni = verdict.context?.ooni;
  if (ioda?.outage) return 'disruption';
  const iodaQuiet = ioda !== null && ioda !== undefined && !ioda.failure;
  if (ooni && ooniShowsBlock(ooni) && iodaQuiet) return 'blocked';
  return 'unreachable';
}

/** Whether a provider verdict rests on its name-server routes being withdrawn. */
export function routesWithdrawn(context: PublicContext | null | undefined): boolean {
  return context?.routes?.withdrawn === true;
}

/** The country the context speaks of, when it names one. */
export function contextCountry(context: PublicContext | null | undefined): string | null {
  return context?.ooni?.country ?? context?.ioda?.country ?? null;
}

/** Where a person can see the routes: RIPEstat's page of the first prefix. */
export function ripestatLink(routes: RoutesContext): string | null {
  const first = routes.prefixes[0]?.prefix;
  return first ? `https://stat.ripe.net/${first}` : null;
}

/** Where a person can see OONI's tests: OONI Explorer's chart of the same query. */
export function ooniLink(ooni: OoniContext): string {
  const query = new URLSearchParams({ probe_cc: ooni.country, test_name: ooni.test });
  if (ooni.domains && ooni.domains.length > 0) query.set('domain', ooni.domains.join(','));
  query.set('since', ooni.since);
  query.set('until', ooni.until);
  query.set('axis_x', 'measurement_start_day');
  query.set('axis_y', 'probe_asn');
  return `https://explorer.ooni.org/chart/mat?${query.toString()}`;
}

/** Where a person can see IODA's signals for the country: its dashboard. */
export function iodaLink(country: string): string {
  return `https://ioda.inetintel.cc.gatech.edu/country/${encodeURIComponent(country)}`;
}

/** How many collectors answered (the most for any prefix): the N of "0 of N collectors". */
export function collectorsOf(prefixes: readonly PrefixRoutes[]): number {
  return Math.max(0, ...prefixes.map((p) => p.collectors));
}

/** What the platforms saw in one English phrase, for logs and stored evidence. */
export function contextWords(context: PublicContext): string {
  const parts: string[] = [];
  const { routes, ooni, ioda } = context;
  if (routes) {
    parts.push(
      routes.failure
        ? `RIPE RIS not asked (${routes.failure})`
        : routes.withdrawn
          ? `routes to its name servers withdrawn (RIPE RIS, 0 of ${collectorsOf(routes.prefixes)} collectors)`
          : 'routes to its name servers still announced (RIPE RIS)',
    );
  }
  if (ooni) {
    const tally = ooniTally(ooni);
    parts.push(
      ooni.failure
        ? `OONI not asked (${ooni.failure})`
        : `OONI ${ooni.test} in ${ooni.country}: ${tally.anomalies}/${tally.tests} anomalous, ${tally.anomalousNetworks} networks`,
    );
  }
  if (ioda) {
    parts.push(
      ioda.failure
        ? `IODA not asked (${ioda.failure})`
        : ioda.outage
          ? `IODA: outage in ${ioda.country} since ${new Date(ioda.outage.since).toISOString()}`
          : `IODA: no outage in ${ioda.country}`,
    );
  }
  return parts.join('; ');
}
