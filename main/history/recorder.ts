// The history as the app and `watch` record it: opened when possible, and when it cannot be (a full
// disk at start, a folder Vigie may not write, another Vigie recording there), tried again while
// the checks go on, with the reason told the whole time it is not being saved.
import { HistoryLockedError } from './lock';
import {
  openHistory,
  writeProblem,
  historyProblem,
  type HistoryOptions,
  type HistoryProblem,
  type HistoryStore,
} from './store';

/** How long after a failed open the next cycle tries again. */
export const REOPEN_AFTER_MS = 60_000;

export interface RecorderOptions extends HistoryOptions {
  /** For tests: how the store is opened. */
  readonly open?: (options: HistoryOptions) => HistoryStore;
  /** Called once each time the history opens (after a start, or after a failed one). */
  readonly onOpen?: (store: HistoryStore) => void;
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
  private lastAttempt = -Infinity;
  private closed = false;
  private readonly listeners = new Set<(problem: HistoryProblem | null) => void>();
  private readonly now: () => number;

  constructor(private readonly options: RecorderOptions) {
    this.now = options.now ?? Date.now;
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

  /** Records a checked cycle; while the history is not open, tries again now and then. */
  recordSnapshot(...args: Parameters<HistoryStore['recordSnapshot']>): void {
    if (!this.current && this.now() - this.lastAttempt >= REOPEN_AFTER_MS) this.tryOpen();
    this.current?.recordSnapshot(...args);
  }

  close(): void {
    this.closed = true;
    this.current?.close();
    this.current = null;
  }

  private tryOpen(): void {
    if (this.closed) return;
    this.lastAttempt = this.now();
    try {
      const store = (this.options.open ?? openHistory)(this.options);
      this.current = store;
      store.onProblem((problem) => this.setProblem(problem));
      this.setProblem(store.problem);
      this.options.onOpen?.(store);
    } catch (error) {
      this.setProblem(openProblem(error, this.options.dir, this.now()));
    }
  }

  private setProblem(problem: HistoryProblem | null): void {
    const same =
      problem?.code === this.lastProblem?.code && problem?.message === this.lastProblem?.message;
    this.lastProblem = problem;
    if (same) return;
    for (const listener of this.listeners) listener(problem);
  }
}
