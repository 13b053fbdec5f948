// What every probe is handed: its side effects and the cycle's signal.
import type { HttpClient } from '../net/http-client';
import type { ProbeCode, ProbeKind, ProbeResult, ProbeState } from '../../../shared/types';
import { ProbeFailure } from '../net/errors';
import { messageOf } from '../../../shared/errors';

/** Side effects and defaults a probe runs with. */
export interface ProbeContext {
  readonly http: HttpClient;
  /** Aborted when the cycle is cancelled (sleep, network change, quit). */
  readonly signal?: AbortSignal;
  /** Top-level `dnsServers` of the config, used when a probe names none. */
  readonly dnsServers?: readonly string[];
  /** Extra trusted CA certificates (PEM) for tcp/tls probes; tests pass a generated one. */
  readonly extraCa?: readonly string[];
  readonly now: () => number;
}

/** Builds a result; `attempts` is filled in by the retry wrapper. */
export function result(
  kind: ProbeKind,
  target: string,
  state: ProbeState,
  fields: { code?: ProbeCode | null; latencyMs?: number; bytes?: number; detail: string },
): ProbeResult {
  return {
    kind,
    target,
    state,
    code: fields.code ?? null,
    latencyMs: Math.max(0, Math.round(fields.latencyMs ?? 0)),
    bytes: fields.bytes ?? 0,
    detail: fields.detail,
    attempts: 1,
  };
}

/** A failed result from any thrown value. */
export function failed(
  kind: ProbeKind,
  target: string,
  error: unknown,
  latencyMs: number,
  bytes = 0,
): ProbeResult {
  if (error instanceof ProbeFailure) {
    return result(kind, target, 'down', {
      code: error.code,
      latencyMs,
      bytes,
      detail: error.message,
    });
  }
  return result(kind, target, 'down', {
    code: 'CONN_RESET',
    latencyMs,
    bytes,
    detail: `${target}: ${messageOf(error)}`,
  });
}

/** Marks a passing probe slower than its `slowMs` as degraded. */
export function withSlow(res: ProbeResult, slowMs: number | undefined): ProbeResult {
  if (slowMs === undefined || res.state !== 'up' || res.latencyMs <= slowMs) return res;
  return {
    ...res,
    state: 'degraded',
    code: 'SLOW',
    detail: `${res.detail}; slower than ${slowMs} ms`,
  };
}
