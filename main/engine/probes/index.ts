// Runs any probe, retried once after a short pause before a failure counts (docs/design.md#thresholds).
import { assertNever } from '../../../shared/errors';
import { setTimeout as sleep } from 'node:timers/promises';
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
    default:
      return assertNever(probe, 'probe kind');
  }
}

/** Whether a result is a failure worth a second attempt (down, or a source that did not answer). */
export function isFailure(res: ProbeResult): boolean {
  if (res.official) return false;
  return res.state === 'down' || res.state === 'unknown';
}

/** Runs `attempt` and, if it failed, once more after `retryDelayMs`. Bytes of both are counted. */
export async function withRetry(
  attempt: () => Promise<ProbeResult>,
  retryDelayMs: number,
  signal?: AbortSignal,
): Promise<ProbeResult> {
  const first = await attempt();
  if (!isFailure(first) || signal?.aborted) return first;
  try {
    await sleep(retryDelayMs, undefined, { signal });
  } catch {
    return first;
  }
  const second = await attempt();
  return { ...second, bytes: first.bytes + second.bytes, attempts: 2 };
}

/** Runs any probe once more after a short pause if it failed. */
export function runProbe(
  probe: ProbeConfig,
  ctx: ProbeContext,
  cache: SourceCache,
  retryDelayMs: number,
): Promise<ProbeResult> {
  const once = isDirect(probe)
    ? () => runDirectOnce(probe, ctx)
    : () => runOfficialProbe(probe, ctx, cache);
  return withRetry(once, retryDelayMs, ctx.signal);
}
