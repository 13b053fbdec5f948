// Connectivity on its own clock (continuous mode): checked every interval, joined by whoever
// needs it meanwhile, and asked again before a service's failure counts, so "offline" always
// beats every verdict. The scheduler owns what a result means; this owns when checks run.
import type { ConnectivityCheck } from './cycle';

/** What the clock needs from its owner. */
export interface ConnectivityClockDeps {
  readonly check: (signal: AbortSignal) => Promise<ConnectivityCheck>;
  /** A check answered (and was not cancelled meanwhile). */
  readonly onResult: (result: ConnectivityCheck) => void;
  readonly onError: (error: unknown) => void;
  /** A check ended, answered or not: time to set the next timer. */
  readonly onSettled: () => void;
  /** The signal of the checks under way now (replaced when everything is cancelled). */
  readonly signal: () => AbortSignal;
  readonly now: () => number;
  /** The delay until the next check on the clock (the interval, with jitter). */
  readonly nextDelay: () => number;
}

/** When connectivity is next due, the check under way, and when it was last judged. */
export class ConnectivityClock {
  /** When the next check on the clock is due. */
  dueAt = 0;
  /** When the last check that answered had started: a failure must not be newer. */
  private judgedAt = -1;
  private run: {
    readonly token: object;
    readonly startedAt: number;
    readonly done: Promise<void>;
  } | null = null;

  constructor(private readonly deps: ConnectivityClockDeps) {}

  /** Whether a check is under way. */
  get running(): boolean {
    return this.run !== null;
  }

  /** Checks now (or joins the check under way, unless `fresh` asks for a new one). */
  check(fresh: boolean): Promise<void> {
    if (this.run && !fresh) return this.run.done;
    const token = {};
    const signal = this.deps.signal();
    const startedAt = this.deps.now();
    this.dueAt = startedAt + this.deps.nextDelay();
    const done = this.deps
      .check(signal)
      .then((result) => {
        if (signal.aborted) return;
        this.judgedAt = Math.max(this.judgedAt, startedAt);
        this.deps.onResult(result);
      })
      .catch((error: unknown) => {
        if (!signal.aborted) this.deps.onError(error);
      })
      .finally(() => {
        if (this.run?.token === token) this.run = null;
        this.deps.onSettled();
      });
    this.run = { token, startedAt, done };
    return done;
  }

  /** Waits until connectivity has been judged by a check that started at `since` or later. */
  async judgedSince(since: number): Promise<void> {
    if (this.judgedAt >= since) return;
    const running = this.run;
    if (running) {
      await running.done;
      if (this.judgedAt >= since) return;
    }
    await this.check(true);
  }

  /** Forgets the check under way (it was cancelled; what it answers is ignored). */
  forget(): void {
    this.run = null;
  }
}
