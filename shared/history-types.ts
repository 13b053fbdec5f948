// Plain data the history answers with, shared by the main process and the window.
import type { Cause, PublicContext, SecondOpinion } from './types';

/** One piece of evidence: what a probe said, or (kind `second-opinion`) what other networks saw. */
export interface IncidentEvidence {
  readonly kind: string;
  readonly target: string;
  readonly state: string;
  readonly code: string | null;
  readonly detail: string;
  /** Set on `second-opinion` evidence: the counts, for words in the reader's language. */
  readonly opinion?: SecondOpinion;
  /** Set on `context` evidence: what public measurement platforms saw, for words likewise. */
  readonly context?: PublicContext;
}

/** A provider's message seen during the incident. */
export interface IncidentMessage {
  readonly title: string;
  readonly body?: string;
  readonly url?: string;
  readonly seenAt: number;
}

export type IncidentState = 'down' | 'degraded';

/** One incident, open while `end` is null. */
export interface Incident {
  readonly id: string;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly start: number;
  readonly end: number | null;
  /** Set when the end was not seen as it happened. */
  readonly endNote: string | null;
  readonly worstState: IncidentState;
  readonly cause: Cause;
  readonly evidenceAtStart: readonly IncidentEvidence[];
  readonly evidenceAtWorst: readonly IncidentEvidence[];
  readonly messages: readonly IncidentMessage[];
}

/** Counts of samples per state, and the share of checked time the service was not down. */
export interface Uptime {
  readonly windowMs: number;
  readonly up: number;
  readonly degraded: number;
  readonly down: number;
  readonly maintenance: number;
  readonly unknown: number;
  /** (checked − down) / checked, where checked excludes unknown; null with no data. */
  readonly ratio: number | null;
}

export type DayState = 'up' | 'degraded' | 'down' | 'maintenance' | 'none';

/** One day of the 90-day strip. */
export interface DayCell {
  /** Local midnight. */
  readonly day: number;
  readonly state: DayState;
  readonly up: number;
  readonly degraded: number;
  readonly down: number;
  readonly maintenance: number;
  readonly unknown: number;
}

export type Resolution = 'raw' | '5m' | '1h';

/** A latency point: p50, p95 and max over its bucket (the same value thrice for a raw sample). */
export interface LatencyPoint {
  readonly t: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}
