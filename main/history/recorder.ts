// The history as the app and `watch` record it: opened when possible, and when it cannot be (a full
// disk at start, a folder Vigie may not write, another Vigie recording there) or a write fails,
// tried again by itself with back-off (retry.ts) while the checks go on, with the reason told the
// whole time it is not being saved and its end told once a write works again.
import { HistoryLockedError } from './lock';
import { Retry, type RetryGroup } from './retry';
import {
  openHistory,
  writeProblem,
  historyProblem,
  type HistoryOptions,
  type HistoryProblem,
  type HistoryStore,
} from './store';

export interface RecorderOptions extends HistoryOptions {
  /** For tests: how the store is opened. */
  readonly open?: (options: HistoryOptions) => HistoryStore;
  /** Called once each time the history opens (after a start, or after a failed one). */
  readonly onOpen?: (store: HistoryStore) => void;
  /** The other writers on this data folder: a write that works here makes them try at once. */
  readonly retries?: RetryGroup;
}

/**
 * Why history cannot be opened, as a problem the tray, the window and `watch` can say: another
 * Vigie recording there, a folder Vigie may not write, else as for any write (writeProblem).
 */
export function openProblem(error: unknown, dir: string, at: number): HistoryProblem {
  if (error instanceof HistoryLockedError) {
    const { elsewhere } = error;
    return historyProblem(
      'LOCKED',
      {
        key: elsewhere ? 'historyReason.lockedElsewhere' : 'historyReason.locked',
        values: { pid: String(error.pid), host: elsewhere ?? '', dir: error.dir },
      },
      at,
    );
  }
  return writeProblem(error, dir, at);
}

export class Recorder {
  private current: HistoryStore | null = null;
  private lastProblem: HistoryProblem | null = null;
  private closed = false;
  private readonly listeners = new Set<(problem: HistoryProblem | null) => void>();
  private readonly now: () => number;
  private readonly retry: Retry;

  constructor(private readonly options: RecorderOptions) {
    this.now = options.now ?? Date.now;
    const again = () => this.tryAgain();
    this.retry = options.retries?.retry(again) ?? new Retry(again);
    this.tryOpen();
  }

  /** The open history, or null while it cannot be opened. */
  get store(): HistoryStore | null {
    return this.current;
  }

  /** Why history is not being saved now, or null. */
  get problem(): HistoryProblem | null {
    return this.lastProblem;
  }

  /** Subscribes to problems (and their end); returns the unsubscribe function. */
  onProblem(listener: (problem: HistoryProblem | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records a checked cycle (nothing while the history is not open: it is being tried again). */
  recordSnapshot(...args: Parameters<HistoryStore['recordSnapshot']>): void {
    this.current?.recordSnapshot(...args);
  }

  close(): void {
    this.closed = true;
    this.retry.close();
    this.current?.close();
    this.current = null;
  }

  /** A try after a failure: open the history, or write what the disk refused. */
  private tryAgain(): void {
    if (this.closed) return;
    if (!this.current) this.tryOpen();
    else if (this.current.problem) this.current.flush();
  }

  private tryOpen(): void {
    if (this.closed) return;
    let store: HistoryStore;
    try {
      store = (this.options.open ?? openHistory)(this.options);
    } catch (error) {
      this.setProblem(openProblem(error, this.options.dir, this.now()));
      this.retry.failed();
      return;
    }
    this.current = store;
    store.onProblem((problem) => {
      this.setProblem(problem);
      if (problem) this.retry.failed();
    });
    store.onSaved(() => this.retry.worked());
    // Opening took the lock and wrote its file: the disk takes writes again.
    this.setProblem(store.problem);
    this.retry.worked();
    this.options.onOpen?.(store);
  }

  private setProblem(problem: HistoryProblem | null): void {
    const same =
      problem?.code === this.lastProblem?.code && problem?.message === this.lastProblem?.message;
    this.lastProblem = problem;
    if (same) return;
    for (const listener of this.listeners) listener(problem);
  }
}
