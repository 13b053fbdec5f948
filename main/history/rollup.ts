// Rollups: what the views need from many samples (counts per state, latency p50/p95/max, bytes).
import type { VerdictState } from '../../shared/types';
import { STATES, type RawSample, type Rollup } from './format';

/** Nearest-rank percentile of an ascending list; -1 when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return -1;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

/** An open bucket that samples are added to until it closes. */
export class Bucket {
  readonly counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  private readonly latencies: number[] = [];
  private bytes = 0;
  private lastAt = -Infinity;

  constructor(
    readonly service: number,
    readonly start: number,
  ) {}

  add(sample: RawSample): void {
    const index = STATES.indexOf(sample.state);
    this.counts[index] = (this.counts[index] ?? 0) + 1;
    if (sample.latencyMs >= 0) this.latencies.push(sample.latencyMs);
    this.bytes += sample.bytes;
    this.lastAt = Math.max(this.lastAt, sample.at);
  }

  /** The rollup this bucket amounts to so far. */
  toRollup(): Rollup {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      service: this.service,
      start: this.start,
      counts: [...this.counts],
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : -1,
      bytes: this.bytes,
      lastAt: Number.isFinite(this.lastAt) ? this.lastAt : this.start,
    };
  }
}

/** Two rollups of the same bucket (the clock went back): counts add up, latencies approximate. */
export function mergeRollups(a: Rollup, b: Rollup): Rollup {
  const na = a.counts.reduce((s, c) => s + c, 0);
  const nb = b.counts.reduce((s, c) => s + c, 0);
  const weighted = (x: number, y: number) =>
    x < 0 ? y : y < 0 ? x : (x * na + y * nb) / Math.max(1, na + nb);
  return {
    service: a.service,
    start: a.start,
    counts: a.counts.map((c, i) => c + (b.counts[i] ?? 0)) as unknown as Rollup['counts'],
    p50: weighted(a.p50, b.p50),
    p95: Math.max(a.p95, b.p95),
    max: Math.max(a.max, b.max),
    bytes: a.bytes + b.bytes,
    lastAt: Math.max(a.lastAt, b.lastAt),
  };
}

/** Count of one state in a rollup. */
export function countOf(rollup: Rollup, state: VerdictState): number {
  return rollup.counts[STATES.indexOf(state)] ?? 0;
}
