// One check cycle: connectivity first, then every (selected) service concurrently under the cap.
import type { ProbeConfig, ServiceConfig, VigieConfig } from '../../shared/config-schema';
import { SECOND } from '../../shared/durations';
import type {
  Connectivity,
  ProbeResult,
  PublicContext,
  SecondOpinion,
  ServiceStatus,
  Verdict,
} from '../../shared/types';
import type { PublicContexts } from './context';
import { checkConnectivity, type ConnectivityMemory } from './connectivity';
import { evaluate, officialSays } from './evaluate';
import { Limiter } from './limiter';
import type { HttpClient } from './net/http-client';
import type { ProbeContext } from './probes/context';
import { isDirect, runProbe } from './probes';
import type { SecondOpinions } from './second-opinion';
import type { SourceCache } from './sources';
import { unreachableFromHere } from '../../shared/probes';

/** The side effects and knobs a cycle runs with. */
export interface CycleDeps {
  readonly http: HttpClient;
  readonly cache: SourceCache;
  readonly memo: ProbeMemo;
  /** Whose turn it is among the connectivity references, and whether the last cycle was online. */
  readonly connectivity: ConnectivityMemory;
  readonly now: () => number;
  /** Pause before the one retry of a failed probe. */
  readonly retryDelayMs: number;
  /** A service holding its concurrency slot longer than this hands it back (it is hanging). */
  readonly stallMs: number;
  readonly extraCa?: readonly string[];
  /** Other networks to ask when a service is unreachable from here (absent: never asked). */
  readonly opinions?: SecondOpinions;
  /** Public measurement platforms to ask on doubt (absent: never asked). */
  readonly contexts?: PublicContexts;
}

/** Default pause before a failed probe is tried again. */
export const DEFAULT_RETRY_DELAY_MS = SECOND;
/**
 * Default time after which a slow service stops counting against the concurrency cap: one that
 * has not answered in a quarter of a second is waiting on the network, not on this computer.
 * With 500 ms, 16 hanging services of 200 held all 16 slots until the first let go, and the
 * cycle's last hanging services started 200 ms late (`engine.cycle_200_wall_ms` 3.1 s against
 * its 3.0 s budget; 2.9 s with 250 ms, docs/benchmarks.md).
 */
export const DEFAULT_STALL_MS = SECOND / 4;

/** Raw results of a cycle, before thresholds. */
export interface CycleResult {
  readonly checkedAt: number;
  readonly connectivity: Connectivity;
  readonly services: readonly ServiceStatus[];
  readonly bytes: number;
}

const LOCAL_SUMMARY: Readonly<Record<Exclude<Connectivity['state'], 'online'>, string>> = {
  offline: 'you are offline: services are checked again once the connection is back',
  captive:
    'this network wants you to sign in first (a Wi-Fi login page): services are checked again once you have',
  'dns-broken':
    'this network cannot look up addresses (DNS): services are checked again once it can',
};

/** The last answers of probes that rest between cycles (`everySeconds`). */
export class ProbeMemo {
  private readonly entries = new Map<string, { result: ProbeResult; at: number }>();
  private static key(serviceId: string, probe: ProbeConfig): string {
    return `${serviceId}\u0000${JSON.stringify(probe)}`;
  }
  /** A fresh, good answer this probe may reuse, if any. */
  resting(serviceId: string, probe: ProbeConfig, now: number): ProbeResult | undefined {
    if (probe.everySeconds === undefined) return undefined;
    const entry = this.entries.get(ProbeMemo.key(serviceId, probe));
    if (!entry || now - entry.at >= probe.everySeconds * SECOND) return undefined;
    return { ...entry.result, latencyMs: entry.result.latencyMs, bytes: 0, cached: true };
  }
  remember(serviceId: string, probe: ProbeConfig, result: ProbeResult, now: number): void {
    if (probe.everySeconds === undefined) return;
    const good = result.state === 'up' || result.official !== undefined;
    const key = ProbeMemo.key(serviceId, probe);
    if (good) this.entries.set(key, { result, at: now });
    else this.entries.delete(key);
  }
}

/** Runs one service's probes concurrently; resting ones reuse their last answer unless a direct probe fails. */
export async function checkService(
  service: ServiceConfig,
  ctx: ProbeContext,
  deps: Pick<CycleDeps, 'cache' | 'retryDelayMs' | 'memo' | 'opinions' | 'contexts'>,
): Promise<Verdict> {
  const now = ctx.now();
  const results: (ProbeResult | undefined)[] = service.probes.map((p) =>
    deps.memo.resting(service.id, p, now),
  );
  const run = async (index: number) => {
    const probe = service.probes[index] as ProbeConfig;
    const res = await runProbe(probe, ctx, deps.cache, deps.retryDelayMs);
    deps.memo.remember(service.id, probe, res, ctx.now());
    results[index] = res;
  };
  const resting = results.flatMap((r, i) => (r ? [i] : []));
  await Promise.all(results.flatMap((r, i) => (r ? [] : [run(i)])));
  // Something looks broken: wake the resting probes (full HTTP, heavy sources) for evidence now.
  const directFailed = service.probes.some(
    (p, i) => isDirect(p) && results[i]?.state !== 'up' && !resting.includes(i),
  );
  if (directFailed) await Promise.all(resting.map(run));
  const done = results.filter((r): r is ProbeResult => r !== undefined);
  const routes = await routesContext(service, done, ctx, deps.contexts);
  // Routing already says it is down for everyone: nobody else needs to be asked.
  if (routes?.withdrawn)
    return evaluate(done, null, { routes, ooni: null, ioda: null }, service.provider);
  const [opinion, country] = await Promise.all([
    secondOpinion(service, done, ctx, deps.opinions),
    countryContext(service, done, ctx, deps.contexts),
  ]);
  const context: PublicContext | null =
    routes || country?.ooni || country?.ioda
      ? { routes, ooni: country?.ooni ?? null, ioda: country?.ioda ?? null }
      : null;
  return evaluate(done, opinion, context, service.provider);
}

/** Whether public context may be asked: the service is unreachable from here, nobody says why. */
function onDoubt(
  service: ServiceConfig,
  results: readonly ProbeResult[],
  contexts: PublicContexts | undefined,
): contexts is PublicContexts {
  if (!contexts?.covers(service)) return false;
  if (!unreachableFromHere(results)) {
    contexts.forget(service.id);
    return false;
  }
  return officialSays(results) !== 'major';
}

/** The routes to the provider's name servers, while the service is unreachable from here. */
async function routesContext(
  service: ServiceConfig,
  results: readonly ProbeResult[],
  ctx: ProbeContext,
  contexts: PublicContexts | undefined,
) {
  return onDoubt(service, results, contexts) ? contexts.routes(service, ctx.signal) : null;
}

/** What OONI and IODA see of the user's country, while the service is unreachable from here. */
async function countryContext(
  service: ServiceConfig,
  results: readonly ProbeResult[],
  ctx: ProbeContext,
  contexts: PublicContexts | undefined,
) {
  return onDoubt(service, results, contexts) ? contexts.country(service, ctx.signal) : null;
}

/** Asks other networks when the service is unreachable from here and no source says it is down. */
async function secondOpinion(
  service: ServiceConfig,
  results: readonly ProbeResult[],
  ctx: ProbeContext,
  opinions: SecondOpinions | undefined,
): Promise<SecondOpinion | null> {
  if (!opinions?.covers(service)) return null;
  if (!unreachableFromHere(results)) {
    opinions.forget(service.id);
    return null;
  }
  if (officialSays(results) === 'major') return null;
  return opinions.forService(service, results, ctx.signal);
}

/** What one connectivity check found, and what it cost. */
export interface ConnectivityCheck {
  readonly connectivity: Connectivity;
  readonly checkedAt: number;
  readonly bytes: number;
}

function contextFor(
  config: VigieConfig,
  deps: CycleDeps,
  signal: AbortSignal | undefined,
): ProbeContext {
  return {
    http: deps.http,
    signal,
    dnsServers: config.dnsServers,
    extraCa: deps.extraCa,
    now: deps.now,
  };
}

/** Checks this machine's connectivity alone (continuous mode runs it on its own clock). */
export async function connectivityCheck(
  config: VigieConfig,
  deps: CycleDeps,
  signal?: AbortSignal,
): Promise<ConnectivityCheck> {
  const connectivity = await checkConnectivity(
    config.connectivity.targets,
    contextFor(config, deps, signal),
    config.connectivity.dnsServers ?? config.dnsServers,
    deps.retryDelayMs,
    deps.connectivity,
  );
  const checkedAt = deps.now();
  return {
    connectivity: { ...connectivity, checkedAt },
    checkedAt,
    bytes: connectivity.references.reduce((sum, r) => sum + r.bytes, 0),
  };
}

/** Checks one service now, under the engine's concurrency cap (continuous mode). */
export async function serviceCheck(
  config: VigieConfig,
  deps: CycleDeps,
  limiter: Limiter,
  service: ServiceConfig,
  signal?: AbortSignal,
): Promise<ServiceStatus> {
  const ctx = contextFor(config, deps, signal);
  return limiter.run(async () =>
    status(service, await checkService(service, ctx, deps), deps.now()),
  );
}

/** The bytes a service's check used: its probes, its second opinion and its public context. */
export function statusBytes(s: ServiceStatus): number {
  const context =
    (s.context?.routes?.bytes ?? 0) + (s.context?.ooni?.bytes ?? 0) + (s.context?.ioda?.bytes ?? 0);
  return s.probes.reduce((sum, r) => sum + r.bytes, 0) + (s.secondOpinion?.bytes ?? 0) + context;
}

/** Every service unknown for a local cause: this machine is offline, captive or without DNS. */
export function localStatus(
  service: ServiceConfig,
  state: Exclude<Connectivity['state'], 'online'>,
  checkedAt: number,
): ServiceStatus {
  return status(
    service,
    {
      state: 'unknown',
      cause: 'local',
      summary: LOCAL_SUMMARY[state],
      probes: [],
      secondOpinion: null,
    },
    checkedAt,
  );
}

/** Runs a cycle over the enabled services (or only `serviceIds`). */
export async function runCycle(
  config: VigieConfig,
  deps: CycleDeps,
  options: { readonly serviceIds?: ReadonlySet<string>; readonly signal?: AbortSignal } = {},
): Promise<CycleResult> {
  const services = config.services.filter(
    (s) => s.enabled && (!options.serviceIds || options.serviceIds.has(s.id)),
  );
  const { connectivity, checkedAt, bytes } = await connectivityCheck(config, deps, options.signal);
  if (connectivity.state !== 'online') {
    const offline = connectivity.state;
    return {
      checkedAt,
      connectivity,
      bytes,
      services: services.map((s) => localStatus(s, offline, checkedAt)),
    };
  }
  const limiter = new Limiter(config.concurrency, deps.stallMs);
  const statuses = await Promise.all(
    services.map((s) => serviceCheck(config, deps, limiter, s, options.signal)),
  );
  return {
    checkedAt,
    connectivity,
    services: statuses,
    bytes: statuses.reduce((sum, s) => sum + statusBytes(s), bytes),
  };
}

export function status(service: ServiceConfig, verdict: Verdict, checkedAt: number): ServiceStatus {
  return {
    id: service.id,
    name: service.name,
    critical: service.critical,
    ...(service.provider ? { provider: service.provider } : {}),
    ...(service.statusPageUrl ? { statusPageUrl: service.statusPageUrl } : {}),
    category: service.category,
    checkedAt,
    ...verdict,
    secondOpinion: verdict.secondOpinion ?? null,
    context: verdict.context ?? null,
  };
}
