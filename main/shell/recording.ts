// What the app and `watch` write in a data folder: the history, and the checklist's runs under the
// same writer lock, so a folder has one writer (while another Vigie records there, this one writes
// neither and says why). A write the disk refuses is tried again by itself, and a write that works
// makes the other try at once. What the surfaces show is what was written.
import type { Run } from '../../shared/checklist-types';
import type { Snapshot } from '../../shared/types';
import { NotSavedError, writeProblem, type HistoryProblem } from '../history/problem';
import { Recorder } from '../history/recorder';
import { RetryGroup, type Retry } from '../history/retry';
import type { HistoryStore } from '../history/store';
import { Checklist } from '../playbooks';

export interface RecordingOptions {
  /** The data folder (userData, or `watch --data`). */
  readonly dir: string;
  readonly now?: () => number;
  /** Each time the history opens (at start, or once it can after a failure). */
  readonly onOpen?: (store: HistoryStore) => void;
  /**
   * When the checklist's folder cannot be opened at all while the history could (Vigie still
   * watches without it).
   */
  readonly onChecklistFailed?: (error: unknown) => void;
}

/** The history and the checklist of one data folder, written by one process. */
export class Recording {
  readonly history: Recorder;
  readonly checklist: Checklist | null;
  private readonly retries = new RetryGroup();
  private readonly runsRetry: Retry;
  private runsProblem: HistoryProblem | null = null;
  private last: Snapshot | null = null;
  /** Set while the runs follow the incidents (a write it makes must not start it again). */
  private following = false;
  private readonly runsListeners = new Set<(problem: HistoryProblem | null) => void>();
  private readonly changedListeners = new Set<() => void>();
  private readonly recordedListeners = new Set<(snapshot: Snapshot) => void>();

  constructor(options: RecordingOptions) {
    const now = options.now ?? Date.now;
    let failed: unknown = null;
    this.checklist = openChecklist(options.dir, now, (error) => (failed = error));
    this.checklist?.runs.onWritten(() => this.runsWritten());
    this.runsRetry = this.retries.retry(() => this.followIncidents());
    this.history = new Recorder({
      dir: options.dir,
      now,
      retries: this.retries,
      onOpen: (store) => {
        // The writer lock is held: the runs journal is this process's to write.
        this.takeRuns();
        options.onOpen?.(store);
      },
    });
    const refuse = (problem: HistoryProblem | null) => {
      if (problem && !this.history.store) this.checklist?.runs.refuse(problem);
    };
    refuse(this.history.problem);
    this.history.onProblem(refuse);
    // A folder that cannot be made is said once, by the history's problem; otherwise it is said here.
    if (failed !== null && this.history.store) options.onChecklistFailed?.(failed);
  }

  /** Why the checklist's run changes are not saved now (they are tried again), or null. */
  get checklistProblem(): HistoryProblem | null {
    return this.runsProblem;
  }

  /** Subscribes to checklist problems (and their end); returns the unsubscribe function. */
  onChecklistProblem(listener: (problem: HistoryProblem | null) => void): () => void {
    this.runsListeners.add(listener);
    return () => this.runsListeners.delete(listener);
  }

  /** Subscribes to changes of the runs shown (a run started, joined, ended, read from the writer). */
  onRunsChanged(listener: () => void): () => void {
    this.changedListeners.add(listener);
    return () => this.changedListeners.delete(listener);
  }

  /** Subscribes to each checked cycle, once recorded (a team opens or closes its incidents). */
  onRecorded(listener: (snapshot: Snapshot) => void): () => void {
    this.recordedListeners.add(listener);
    return () => this.recordedListeners.delete(listener);
  }

  /** Records a checked cycle; runs follow its incidents. Returns the runs it started. */
  record(snapshot: Snapshot): Run[] {
    this.history.recordSnapshot(snapshot);
    this.last = snapshot;
    const started = this.followIncidents();
    for (const listener of this.recordedListeners) listener(snapshot);
    return started;
  }

  close(): void {
    this.runsRetry.close();
    this.checklist?.close();
    this.history.close();
  }

  private takeRuns(): void {
    if (!this.checklist) return;
    try {
      this.checklist.runs.takeWriter();
      this.changed();
    } catch (error) {
      this.setRunsProblem(writeProblem(error, this.checklist.runs.folder, Date.now()));
      this.runsRetry.failed();
    }
  }

  /** Runs start, join and end with the open incidents; a refused change is tried again later. */
  private followIncidents(): Run[] {
    const { checklist, last } = this;
    const store = this.history.store;
    if (!checklist || !last || this.following) return [];
    if (!store) {
      // Another Vigie writes here (or nothing can be written): show what its runs say.
      if (checklist.runs.reload()) this.changed();
      return [];
    }
    if (!checklist.runs.writable) this.takeRuns();
    const before = checklist.version;
    this.following = true;
    try {
      const started = checklist.observe(
        last,
        store.incidents().filter((i) => i.end === null),
      );
      this.setRunsProblem(null);
      if (checklist.version !== before) this.changed();
      return started;
    } catch (error) {
      const problem =
        error instanceof NotSavedError
          ? error.problem
          : writeProblem(error, checklist.runs.folder, Date.now());
      this.setRunsProblem(problem);
      this.runsRetry.failed();
      return [];
    } finally {
      this.following = false;
    }
  }

  /** A tick, a note or a run change reached the disk: what waits tries now. */
  private runsWritten(): void {
    this.runsRetry.worked();
    if (this.runsProblem) this.followIncidents();
  }

  private changed(): void {
    for (const listener of this.changedListeners) listener();
  }

  private setRunsProblem(problem: HistoryProblem | null): void {
    if (problem?.message === this.runsProblem?.message) return;
    this.runsProblem = problem;
    for (const listener of this.runsListeners) listener(problem);
  }
}

/** The checklist with its runs read-only until the writer lock is held; null if it cannot open. */
function openChecklist(
  dir: string,
  now: () => number,
  failed?: (error: unknown) => void,
): Checklist | null {
  try {
    return new Checklist(dir, now, { runsWriter: false });
  } catch (error) {
    failed?.(error);
    return null;
  }
}
