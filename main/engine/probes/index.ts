// Runs any probe, retried once before a failure counts: a quick failure (reset, refused, 5xx) after
// a short pause, a timeout at once and under a short deadline (the re-check is the real retry); an
// attempt slow to answer gets a twin at half its deadline. See docs/design.md#thresholds.
import type { ProbeConfig } from '../../../shared/config-schema';
import { isDirectKind } from '../../../shared/probes';
import type { DirectProbeKind, ProbeResult } from '../../../shared/types';
import { runOfficialProbe, type OfficialProbe, type SourceCache } from '../sources';
import type { ProbeContext } from './context';
import { runDnsProbe } from './dns';
import { runHttpProbe } from './http';
import { runTcpProbe, runTlsProbe } from './socket';

export type DirectProbe = Extract<ProbeConfig, { kind: DirectProbeKind }>;

/** Whether a probe asks the provider rather than reaching the service. */
export function isOfficial(probe: ProbeConfig): probe is OfficialProbe {
  return !isDirect(probe);
}

/** Whether a probe reaches the service itself. */
export function isDirect(probe: ProbeConfig): probe is DirectProbe {
  return isDirectKind(probe.kind);
}

/** One direct probe kind: how one attempt runs, and the host it reaches. */
export interface DirectProbeEntry<P extends { readonly kind: string }> {
  /** One attempt (the retry and the twin are `withRetry`'s). */
  run(probe: P, ctx: ProbeContext): Promise<ProbeResult>;
  /** The host the probe reaches: what other networks check in a second opinion. */
  host(probe: P): string;
}

/** A registry of direct probe kinds: one entry for each kind of the probe union `P`. */
export type DirectProbes<P extends { readonly kind: string }> = {
  readonly [K in P['kind']]: DirectProbeEntry<Extract<P, { kind: K }>>;
};

/**
 * Every direct probe kind. The mapped type makes a kind of `DirectProbeKind` without an entry a
 * compile error: a new kind is its runner's file and one entry here (CONTRIBUTING.md#a-probe-kind).
 */
export const DIRECT_PROBES: DirectProbes<DirectProbe> = {
  http: { run: runHttpProbe, host: (probe) => new URL(probe.url).hostname.replace(/^\[|\]$/g, '') },
  dns: { run: runDnsProbe, host: (probe) => probe.host },
  tcp: { run: runTcpProbe, host: (probe) => probe.host },
  tls: { run: runTlsProbe, host: (probe) => probe.host },
};

function entryOf<P extends { readonly kind: string }>(
  probe: P,
  probes: DirectProbes<P>,
): DirectProbeEntry<P> {
  // The registry pairs each kind with the entry for that kind's probe: the lookup keeps the pair.
  return probes[probe.kind as P['kind']] as unknown as DirectProbeEntry<P>;
}

/** One attempt of a direct probe, by its kind's entry of `probes` (DIRECT_PROBES). */
export function runDirectOnce<P extends { readonly kind: string }>(
  probe: P,
  ctx: ProbeContext,
  probes: DirectProbes<P>,
): Promise<ProbeResult>;
export function runDirectOnce(probe: DirectProbe, ctx: ProbeContext): Promise<ProbeResult>;
export function runDirectOnce(
  probe: { readonly kind: string },
  ctx: ProbeContext,
  probes: DirectProbes<{ readonly kind: string }> = DIRECT_PROBES as DirectProbes<{
    readonly kind: string;
  }>,
): Promise<ProbeResult> {
  return entryOf(probe, probes).run(probe, ctx);
}

/** The host a direct probe reaches. */
export function directHost(probe: DirectProbe): string {
  return entryOf(probe, DIRECT_PROBES).host(probe);
}

/** Whether a result is a failure worth a second attempt (down, or a source that did not answer). */
export function isFailure(res: ProbeResult): boolean {
  if (res.official) return false;
  return res.state === 'down' || res.state === 'unknown';
}

/** Share of the probe's own timeout a retry gets after a timeout: a hang costs 1.25 timeouts, not 2. */
export const TIMED_OUT_RETRY_SHARE = 0.25;

/**
 * Share of its deadline after which an attempt still unanswered gets a twin, side by side, that
 * ends at the same deadline: one answer slower than the timeout in a flaky service does not fail
 * the check, and a hang costs no more time.
 */
export const HEDGE_SHARE = 0.5;

/** Whether a failure is a timeout (the probe waited its whole deadline for nothing). */
export function timedOut(res: ProbeResult): boolean {
  return res.code === 'TIMEOUT' || res.code === 'DNS_TIMEOUT';
}

/** The deadline of a retry after a timeout, for a probe whose own deadline is `timeoutMs`. */
export function timedOutRetryMs(timeoutMs: number): number {
  return Math.ceil(timeoutMs * TIMED_OUT_RETRY_SHARE);
}

/** One attempt under a deadline of `timeoutMs`. */
export type Attempt = (timeoutMs: number) => Promise<ProbeResult>;

/** Folds a later attempt into an earlier one's account: bytes and attempts add up. */
function after(earlier: ProbeResult, later: ProbeResult): ProbeResult {
  return {
    ...later,
    bytes: earlier.bytes + later.bytes,
    attempts: earlier.attempts + later.attempts,
  };
}

/**
 * One attempt under `timeoutMs`; if it has not answered by HEDGE_SHARE of it, a twin starts with
 * what is left of the deadline. The first good answer wins; if both fail, the first's failure.
 */
async function hedged(
  attempt: Attempt,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<ProbeResult> {
  const hedgeAt = Math.round(timeoutMs * HEDGE_SHARE);
  const first = attempt(timeoutMs);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), hedgeAt)));
  const early = await Promise.race([first, late]);
  clearTimeout(timer);
  if (early !== null || signal?.aborted) return early ?? first;
  const twin = attempt(timeoutMs - hedgeAt);
  const good = (p: Promise<ProbeResult>) =>
    p.then((res) => (isFailure(res) ? new Promise<never>(() => undefined) : res));
  const bothFailed = Promise.all([first, twin]).then(([a, b]) => after(b, a));
  const winner = await Promise.race([good(first), good(twin), bothFailed]);
  return winner.attempts > 1 ? winner : { ...winner, attempts: 2 };
}

/**
 * Runs `attempt` (hedged, see `hedged`) and, if it failed, once more: after `retryDelayMs` for a
 * quick failure (reset, refused, 5xx), with the full deadline; at once and under a short deadline
 * after a timeout (the re-check is the real retry). Bytes of every attempt are counted.
 */
export async function withRetry(
  attempt: Attempt,
  timeoutMs: number,
  retryDelayMs: number,
  signal?: AbortSignal,
): Promise<ProbeResult> {
  const first = await hedged(attempt, timeoutMs, signal);
  if (!isFailure(first) || signal?.aborted) return first;
  if (timedOut(first)) {
    // A retry that times out too says nothing new: the first timeout (its full deadline) stands.
    const retry = await attempt(timedOutRetryMs(timeoutMs));
    return timedOut(retry) ? after(retry, first) : after(first, retry);
  }
  if (!(await pause(retryDelayMs, signal))) return first;
  return after(first, await hedged(attempt, timeoutMs, signal));
}

/**
 * Waits `ms` (on the global timers, so a test's fake clock drives it); false when `signal` aborts
 * first.
 */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ended: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', aborted);
      resolve(ended);
    };
    const aborted = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

/** Runs any probe once more if it failed (see withRetry). */
export function runProbe(
  probe: ProbeConfig,
  ctx: ProbeContext,
  cache: SourceCache,
  retryDelayMs: number,
): Promise<ProbeResult> {
  // An official source is never retried: one that does not answer is no evidence either way.
  if (!isDirect(probe)) return runOfficialProbe(probe, ctx, cache);
  const once: Attempt = (timeoutMs) =>
    runDirectOnce(timeoutMs === probe.timeoutMs ? probe : { ...probe, timeoutMs }, ctx);
  return withRetry(once, probe.timeoutMs, retryDelayMs, ctx.signal);
}
