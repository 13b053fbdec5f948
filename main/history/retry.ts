// Writes that failed (a full disk, a folder not yet writable, another Vigie holding the lock) are
// tried again by themselves: after 1 s, 2 s, 5 s, 15 s, 30 s, then each minute, and at once when
// another write to the same disk has just worked (space came back).
import { MINUTE, SECOND } from '../../shared/durations';

/** The waits between tries after a failure; the last one repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
];

/** Writers that share a disk: when one write works, the others waiting try at once. */
export class RetryGroup {
  private readonly members = new Set<Retry>();

  /** A retry for `run` in this group. */
  retry(run: () => void): Retry {
    const retry = new Retry(run, this);
    this.members.add(retry);
    return retry;
  }

  /** A write worked: every other member waiting tries now. */
  worked(from: Retry): void {
    for (const member of this.members) if (member !== from) member.now();
  }

  forget(retry: Retry): void {
    this.members.delete(retry);
  }
}

/** One writer's tries again, with back-off. */
export class Retry {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly run: () => void,
    private readonly group: RetryGroup | null = null,
  ) {}

  /** Whether a try is waiting. */
  get waiting(): boolean {
    return this.timer !== null;
  }

  /** A write failed: try again after the next wait (unless a try is already waiting). */
  failed(): void {
    if (this.timer) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)] ?? MINUTE;
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, delay);
    // A retry alone never keeps the process alive.
    this.timer.unref?.();
  }

  /** A write worked: nothing waits, the waits start short again, the group's others try now. */
  worked(): void {
    this.cancel();
    this.attempt = 0;
    this.group?.worked(this);
  }

  /** Tries now if a try is waiting. */
  now(): void {
    if (!this.timer) return;
    this.cancel();
    this.run();
  }

  /** Stops waiting (on close). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops for good and leaves the group. */
  close(): void {
    this.cancel();
    this.group?.forget(this);
  }
}
