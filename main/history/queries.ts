// Answers from rollups: uptime per window, one cell per local day, latency series, bytes per day.
// Pure functions over the records a query selected; the store picks the records by binary search.
import { DAY, HOUR } from '../../shared/durations';
import type {
  DayCell,
  DayState,
  LatencyPoint,
  Resolution,
  Uptime,
} from '../../shared/history-types';
import type { VerdictState } from '../../shared/types';

export type {
  DayCell,
  DayState,
  LatencyPoint,
  Resolution,
  Uptime,
} from '../../shared/history-types';
import type { RawSample, Rollup } from './format';
import { countOf } from './rollup';

/** Sums rollups into uptime over a window. */
export function uptimeOf(rollups: readonly Rollup[], windowMs: number): Uptime {
  const sum = (state: VerdictState) => rollups.reduce((s, r) => s + countOf(r, state), 0);
  const up = sum('up');
  const degraded = sum('degraded');
  const down = sum('down');
  const maintenance = sum('maintenance');
  const checked = up + degraded + down + maintenance;
  return {
    windowMs,
    up,
    degraded,
    down,
    maintenance,
    unknown: sum('unknown'),
    ratio: checked === 0 ? null : (checked - down) / checked,
  };
}

/** The state a day shows: the worst it saw (down, degraded, maintenance), up, or no data. */
export function dayCell(day: number, rollups: readonly Rollup[]): DayCell {
  const u = uptimeOf(rollups, DAY);
  const state: DayState =
    u.down > 0
      ? 'down'
      : u.degraded > 0
        ? 'degraded'
        : u.maintenance > 0
          ? 'maintenance'
          : u.up > 0
            ? 'up'
            : 'none';
  return {
    day,
    state,
    up: u.up,
    degraded: u.degraded,
    down: u.down,
    maintenance: u.maintenance,
    unknown: u.unknown,
  };
}

/** Local midnights of the last `days` days, oldest first, and the next midnight (end bound). */
export function localDays(now: number, days: number): number[] {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const out: number[] = [];
  for (let d = days - 1; d >= -1; d--) {
    const day = new Date(today);
    day.setDate(today.getDate() - d);
    out.push(day.getTime());
  }
  return out;
}

/** The right resolution for a range: raw up to 6 hours, 5-minute up to 7 days, hourly beyond. */
export function resolutionFor(
  from: number,
  to: number,
  now: number,
  retention: { rawHours: number; fiveMinuteDays: number },
): Resolution {
  const span = to - from;
  if (span <= 6 * HOUR && from >= now - retention.rawHours * HOUR) return 'raw';
  if (span <= 7 * DAY && from >= now - retention.fiveMinuteDays * DAY) return '5m';
  return '1h';
}

/** Latency points from raw samples (only those with a latency). */
export function rawPoints(samples: readonly RawSample[]): LatencyPoint[] {
  return samples
    .filter((s) => s.latencyMs >= 0)
    .map((s) => ({ t: s.at, p50: s.latencyMs, p95: s.latencyMs, max: s.latencyMs }));
}

/** Latency points from rollups (only buckets with a latency). */
export function rollupPoints(rollups: readonly Rollup[]): LatencyPoint[] {
  return rollups
    .filter((r) => r.max >= 0)
    .map((r) => ({ t: r.start, p50: r.p50, p95: r.p95, max: r.max }));
}
