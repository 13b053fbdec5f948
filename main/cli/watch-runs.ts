// `watch` keeps the checklist as the app does: an incident of a critical service starts a run
// (joined by others down with it, ended when all are back), so `history --report` has the run's
// timeline from the command line alone. The runs journal has one writer: `watch` opens it only
// while it holds the history's writer lock (another Vigie recording there keeps its own runs).
import { messageOf } from '../../shared/errors';
import type { Snapshot } from '../../shared/types';
import type { HistoryStore } from '../history/store';
import { Checklist } from '../playbooks';
import { observeRuns } from '../shell/runs';
import { forTerminal } from './terminal-text';
import type { Translator } from '../../shared/i18n';

interface RunsIo {
  readonly tr: Translator;
  out(line: string): void;
  err(line: string): void;
}

export class WatchRuns {
  private checklist: Checklist | null = null;
  private failed = false;

  constructor(
    private readonly dir: string,
    private readonly io: RunsIo,
  ) {}

  /** After a recorded cycle: runs follow the open incidents; a run that starts is said. */
  observe(history: HistoryStore | null, snapshot: Snapshot): void {
    if (!history) return;
    const checklist = this.open();
    const started = observeRuns(checklist, history, snapshot, () => undefined);
    for (const run of started) {
      this.io.out(
        forTerminal(
          this.io.tr.t('cli.runStarted', {
            services: this.io.tr.list(run.services.map((s) => s.name)),
            id: run.id,
          }),
        ),
      );
    }
  }

  close(): void {
    this.checklist?.close();
    this.checklist = null;
  }

  private open(): Checklist | null {
    if (this.checklist || this.failed) return this.checklist;
    try {
      this.checklist = new Checklist(this.dir);
    } catch (error) {
      this.failed = true;
      this.io.err(forTerminal(`checklist not kept: ${messageOf(error)}`));
    }
    return this.checklist;
  }
}
