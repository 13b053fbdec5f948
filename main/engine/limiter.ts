// A concurrency cap whose slots are handed back early by work that stalls: a hanging connection
// costs nothing but a socket, so it should not hold back the other services (docs/design.md#budgets).

/** Runs tasks with at most `limit` active at once. */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly stallMs: number,
  ) {}

  /** Runs `task` when a slot is free; the slot is freed when it ends or after `stallMs`. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
    const stall = setTimeout(release, this.stallMs);
    try {
      return await task();
    } finally {
      clearTimeout(stall);
      release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push(() => {
        this.active++;
        resolve();
      });
    });
  }
}
