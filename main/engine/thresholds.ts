// No false alarms (docs/design.md#thresholds): a service becomes down (or degraded) only after
// `failureThreshold` failing cycles, and up again after `successThreshold` good ones.
import type { ServiceStatus, VerdictChange } from '../../shared/types';

interface Track {
  confirmed: ServiceStatus | null;
  since: number;
  failStreak: number;
  upStreak: number;
  /** When the current streak of failures (or of successes) began: its first check. */
  streakSince: number;
}

export interface Thresholds {
  readonly failureThreshold: number;
  readonly successThreshold: number;
}

const isBad = (s: ServiceStatus) => s.state === 'down' || s.state === 'degraded';

/** Per-service memory of confirmed verdicts and streaks. */
export class ThresholdTracker {
  private readonly tracks = new Map<string, Track>();

  constructor(private readonly thresholds: Thresholds) {}

  /** Folds a raw status in; returns what to publish and the confirmed change, if any. */
  apply(raw: ServiceStatus): {
    published: ServiceStatus;
    change: VerdictChange | null;
    pending: boolean;
  } {
    const track = this.tracks.get(raw.id) ?? {
      confirmed: null,
      since: raw.checkedAt,
      failStreak: 0,
      upStreak: 0,
      streakSince: raw.checkedAt,
    };
    this.tracks.set(raw.id, track);
    const previous = track.confirmed;
    let confirmNow: boolean;
    // Whether the verdict had to wait for a streak: then it holds since the streak's first check.
    let waited = false;
    if (raw.state === 'up') {
      if (track.upStreak === 0) track.streakSince = raw.checkedAt;
      track.upStreak++;
      track.failStreak = 0;
      waited = previous !== null && previous.state !== 'up';
      confirmNow = !waited || track.upStreak >= this.thresholds.successThreshold;
    } else if (isBad(raw)) {
      if (track.failStreak === 0) track.streakSince = raw.checkedAt;
      track.failStreak++;
      track.upStreak = 0;
      // Already in trouble: a change of severity or cause needs no second opinion.
      waited = previous === null || !isBad(previous);
      confirmNow = !waited || track.failStreak >= this.thresholds.failureThreshold;
    } else {
      // unknown (offline, source unreachable) and maintenance are taken as they come.
      track.failStreak = 0;
      track.upStreak = 0;
      confirmNow = true;
    }

    if (confirmNow) {
      const changed =
        previous === null || previous.state !== raw.state || previous.cause !== raw.cause;
      if (changed) track.since = waited ? track.streakSince : raw.checkedAt;
      const published: ServiceStatus = { ...raw, since: track.since };
      track.confirmed = published;
      const change =
        changed && (previous !== null || raw.state !== 'up')
          ? { serviceId: raw.id, name: raw.name, at: raw.checkedAt, previous, current: published }
          : null;
      return { published, change, pending: false };
    }

    // A first failure (or a first success after trouble): keep the confirmed verdict, say what is pending.
    const base = previous ?? {
      ...raw,
      state: 'unknown' as const,
      cause: null,
      summary: 'checking again to confirm',
    };
    const published: ServiceStatus = {
      ...raw,
      state: base.state,
      cause: base.cause,
      summary: previous ? previous.summary : base.summary,
      pending: raw.state,
      since: track.since,
    };
    return { published, change: null, pending: true };
  }

  /** Starts from known confirmed verdicts (an engine restarted with new settings), so nothing is announced twice. */
  seed(status: ServiceStatus): void {
    this.tracks.set(status.id, {
      confirmed: status,
      since: status.since ?? status.checkedAt,
      failStreak: 0,
      upStreak: 0,
      streakSince: status.checkedAt,
    });
  }

  /** Forgets everything about a service (removed from the config). */
  forget(id: string): void {
    this.tracks.delete(id);
  }

  /** The last confirmed status of a service. */
  confirmed(id: string): ServiceStatus | null {
    return this.tracks.get(id)?.confirmed ?? null;
  }
}
