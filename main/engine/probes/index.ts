// Runs any probe, retried once before a failure counts: a quick failure (reset, refused, 5xx) after
// a short pause, a timeout at once and under a short deadline (the re-check is the real retry).
import type { ProbeConfig } from '../../../shared/config-schema';
import { isDirectKind } from '../../../shared/probes';
import type { ProbeResult } from '../../../shared/types';
import { runOfficialProbe, type OfficialProbe, type SourceCache } from '../sources';
import type { ProbeContext } from './context';
import { runDnsProbe } from './dns';
import { runHttpProbe } from './http';
import { runTcpProbe, runTlsProbe } from './socket';

export type DirectProbe = Extract<ProbeConfig, { kind: 'http' | 'dns' | 'tcp' | 'tls' }>;

/** Whether a probe asks the provider rather than reaching the service. */
export function isOfficial(probe: ProbeConfig): probe is OfficialProbe {
  return !isDirect(probe);
}

/** Whether a probe reaches the service itself. */
export function isDirect(probe: ProbeConfig): probe is DirectProbe {
  return isDirectKind(probe.kind);
}

/** One attempt of a direct probe. */
export function runDirectOnce(probe: DirectProbe, ctx: ProbeContext): Promise<ProbeResult> {
  switch (probe.kind) {
    case 'http':
      return runHttpProbe(probe, ctx);
    case 'dns':
      return runDnsProbe(probe, ctx);
    case 'tcp':
      return runTcpProbe(probe, ctx);
    case 'tls':
      return runTlsProbe(probe, ctx);
    default: {
      const never: never = probe;
      return never;
    }
  }
}

/** Whether a result is a failure worth a second attempt (down, or a source that did not answer). */
export function isFailure(res: ProbeResult): boolean {
  if (res.official) return false;
  return res.state === 'down' || res.state === 'unknown';
}

/** Share of the probe's own timeout a retry gets after a timeout: a hang costs 1.25 timeouts, not 2. */
export const TIMED_OUT_RETRY_SHARE = 0.25;

/** Whether a failure is a timeout (the probe waited its whole deadline for nothing). */
export function timedOut(res: ProbeResult): boolean {
  return res.code === 'TIMEOUT' || res.code === 'DNS_TIMEOUT';
}

/** The deadline of a retry after a timeout, for a probe whose own deadline is `timeoutMs`. */
export function timedOutRetryMs(timeoutMs: number): number {
  return Math.ceil(timeoutMs * TIMED_OUT_RETRY_SHARE);
}

/**
 * One attempt; `short` asks for the short deadline of a retry after a timeout (a flaky answer
 * slower than the timeout gets a second chance, a hang does not cost a second full timeout).
 */
export type Attempt = (short: boolean) => Promise<ProbeResult>;

/**
 * Runs `attempt` and, if it failed, once more: after `retryDelayMs` for a quick failure, at once
 * and under a short deadline after a timeout. Bytes of both are counted.
 */
export async function withRetry(
  attempt: Attempt,
  retryDelayMs: number,
  signal?: AbortSignal,
): Promise<ProbeResult> {
  const first = await attempt(false);
  if (!isFailure(first) || signal?.aborted) return first;
  const short = timedOut(first);
  if (!short && !(await pause(retryDelayMs, signal))) return first;
  const second = await attempt(short);
  return { ...second, bytes: first.bytes + second.bytes, attempts: 2 };
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
  const once: Attempt = isDirect(probe)
    ? (short) =>
        runDirectOnce(
          short ? { ...probe, timeoutMs: timedOutRetryMs(probe.timeoutMs) } : probe,
          ctx,
        )
    : () => runOfficialProbe(probe, ctx, cache);
  return withRetry(once, retryDelayMs, ctx.signal);
}
