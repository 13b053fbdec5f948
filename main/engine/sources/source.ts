// What an official status source is: where to fetch, how to read the answer.
import type { ProbeConfig } from '../../../shared/config-schema';
import type { OfficialProbeKind, OfficialReport, OfficialState } from '../../../shared/types';

export type OfficialProbe = Extract<ProbeConfig, { kind: OfficialProbeKind }>;

/** How a payload is decoded before it is parsed. */
export type PayloadFormat = 'json' | 'xml';

/** One provider's API: the endpoint for a probe and a parser of its (already decoded) body. */
export interface Source<P extends OfficialProbe = OfficialProbe> {
  endpoint(probe: P): string;
  readonly format: PayloadFormat;
  /** Throws (zod or otherwise) on a payload it cannot read; the caller reports it as unreachable. */
  parse(payload: unknown, probe: P, now: number): OfficialReport;
  /**
   * A second read made only while the first report says something is wrong (the provider's
   * messages, kept off the wire when all is well). Its failure keeps the first report.
   */
  readonly details?: {
    endpoint(probe: P): string;
    readonly format: PayloadFormat;
    merge(report: OfficialReport, payload: unknown, probe: P, now: number): OfficialReport;
  };
  /** Read instead when the endpoint answers something unreadable or an HTTP error. */
  readonly fallback?: {
    endpoint(probe: P): string;
    readonly format: PayloadFormat;
    parse(payload: unknown, probe: P, now: number): OfficialReport;
  };
}

const RANK: Readonly<Record<OfficialState, number>> = {
  operational: 0,
  maintenance: 1,
  degraded: 2,
  major: 3,
};

/** The worse of two official states (major > degraded > maintenance > operational). */
export function worstOfficial(states: readonly OfficialState[]): OfficialState {
  return states.reduce<OfficialState>(
    (worst, s) => (RANK[s] > RANK[worst] ? s : worst),
    'operational',
  );
}

/** Joins a page's base URL and an API path, keeping any path prefix of the base. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

/** Case-insensitive name match for `components`, `products` and `services` lists. */
export function nameMatcher(
  names: readonly string[] | undefined,
): ((name: string) => boolean) | null {
  if (!names) return null;
  const wanted = new Set(names.map((n) => n.trim().toLowerCase()));
  return (name) => wanted.has(name.trim().toLowerCase());
}

/** A timestamp from an ISO string, or undefined. */
export function time(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const parsed = Date.parse(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}
