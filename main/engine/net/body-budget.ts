// How many response bytes all checks may hold at once. The concurrency cap hands a stalled check's
// slot back (a hanging socket costs nothing), so it cannot bound memory by itself: a check whose
// body keeps arriving would. Bodies take their bytes from this budget as they arrive and give them
// back when the answer is judged; when it is spent, reading waits (the socket's own flow control
// holds the sender), bounded by each probe's deadline as everything else.

/** The default: enough for several full-size status pages at once, far below the machine. */
export const DEFAULT_BODY_BUDGET = 32 * 1024 * 1024;

export class BodyBudget {
  private used = 0;
  private peakUsed = 0;
  private readonly waiting: { bytes: number; resume: () => void }[] = [];

  constructor(private readonly capacity = DEFAULT_BODY_BUDGET) {}

  /** The most bytes held at once so far. */
  get peak(): number {
    return this.peakUsed;
  }

  /**
   * Takes `bytes`, waiting while the budget is spent; one taker alone always gets what it asks
   * (a single body up to its own `maxBytes` limit). Rejects with the signal's reason on abort.
   */
  take(bytes: number, signal: AbortSignal): Promise<void> {
    // In order: while someone waits, a newcomer waits behind them (a large body is not starved).
    if (this.waiting.length === 0 && this.fits(bytes)) {
      this.grant(bytes);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        bytes,
        resume: () => {
          signal.removeEventListener('abort', onAbort);
          this.grant(bytes);
          resolve();
        },
      };
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(signal.reason);
      };
      if (signal.aborted) return reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** Gives bytes back, and lets waiting readers go on in order. */
  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
    for (let next = this.waiting[0]; next && this.fits(next.bytes); next = this.waiting[0]) {
      this.waiting.shift();
      next.resume();
    }
  }

  private fits(bytes: number): boolean {
    return this.used === 0 || this.used + bytes <= this.capacity;
  }

  private grant(bytes: number): void {
    this.used += bytes;
    this.peakUsed = Math.max(this.peakUsed, this.used);
  }
}
