// The continuity checklist over the playbooks file and the runs journal: what the app, the IPC
// handlers and the command line use. Plain Node.
import type { Readiness, Run, RunView } from '../../shared/checklist-types';
import { Refusal } from '../../shared/errors';
import type { Incident } from '../../shared/history-types';
import type { Translator } from '../../shared/i18n';
import type { Channel, Playbook } from '../../shared/playbook-schema';
import type { ServiceStatus, Snapshot } from '../../shared/types';
import { buildReport, reportHtml, reportMarkdown, type ReportTeam } from './report';
import { downChannels, markSteps, runEntries, RunStore } from './runs';
import { PlaybookStore } from './store';

export { PlaybookStore } from './store';
export { RunStore } from './runs';

export class Checklist {
  readonly playbooks: PlaybookStore;
  readonly runs: RunStore;
  /** Counts changes to the runs made by observe(), so callers can tell the window. */
  version = 0;

  constructor(
    dir: string,
    private readonly now: () => number = Date.now,
    /** Opens the runs read-only until told to write (runs.takeWriter, under the writer lock). */
    options: { readonly runsWriter?: boolean } = {},
  ) {
    this.playbooks = new PlaybookStore(dir, now);
    this.runs = new RunStore(dir, { readOnly: options.runsWriter === false });
  }

  /**
   * After a check: starts or joins runs for new incidents of critical services, ends those whose
   * incidents are over. Returns the runs that started (to offer "Open checklist"). Throws
   * NotSavedError when the journal refuses them: nothing changes, and the next call works them
   * out again.
   */
  observe(snapshot: Snapshot, open: readonly Incident[]): Run[] {
    const entries = runEntries(
      this.runs.book.draft(),
      open,
      snapshot.services,
      (s) => this.playbooks.playbookFor(s),
      this.now(),
    );
    this.runs.record(entries);
    if (entries.length > 0) this.version++;
    return entries.flatMap((e) => {
      if (e.type !== 'start') return [];
      const run = this.runs.book.get(e.run.id);
      return run ? [run] : [];
    });
  }

  /**
   * Runs newest first, marked against the services' states now; `preferred`: the user's backup
   * channels, suggested first when a step's channel is down.
   */
  views(
    services: readonly ServiceStatus[],
    limit = 20,
    preferred: readonly Channel[] = [],
  ): RunView[] {
    return this.runs.book
      .list()
      .slice(0, limit)
      .map((run) => {
        const during = run.endedAt === null;
        const down = downChannels(services, during);
        return {
          ...run,
          phase: during ? 'during' : 'after',
          steps: markSteps(run.steps, down, preferred),
          downChannels: [...down],
        };
      });
  }

  /** The "before" steps of the critical services' playbooks (deduplicated), and how many are done. */
  readiness(services: readonly ServiceStatus[]): Readiness {
    const done = this.playbooks.readiness();
    const seen = new Set<string>();
    const steps: Readiness['steps'][number][] = [];
    const playbooks: Playbook[] = services
      .filter((s) => s.critical)
      .map((s) => this.playbooks.playbookFor(s));
    for (const playbook of playbooks.length > 0
      ? playbooks
      : this.playbooks.playbooks().slice(0, 1)) {
      for (const step of playbook.before) {
        if (seen.has(step.id)) continue;
        seen.add(step.id);
        steps.push({
          id: step.id,
          title: step.title,
          ...(step.why ? { why: step.why } : {}),
          done: done[step.id] ?? null,
        });
      }
    }
    return { ready: steps.filter((s) => s.done).length, total: steps.length, steps };
  }

  /** Ticks or unticks a step of a run, with an optional note; NotSavedError when not written. */
  tick(runId: string, key: string, done: boolean, note?: string): void {
    const run = this.runs.book.get(runId);
    if (!run) throw new Refusal('refusals.runGone', {}, `no checklist ${runId}`);
    if (!run.steps.some((s) => s.key === key))
      throw new Refusal('refusals.runGone', {}, `no step ${key} in ${runId}`);
    const at = this.now();
    this.runs.commit(
      done
        ? { type: 'tick', runId, key, at, ...(note?.trim() ? { note: note.trim() } : {}) }
        : { type: 'untick', runId, key, at },
    );
  }

  note(runId: string, text: string): void {
    if (!this.runs.book.get(runId))
      throw new Refusal('refusals.runGone', {}, `no checklist ${runId}`);
    this.runs.commit({ type: 'note', runId, at: this.now(), text: text.trim() });
  }

  /** The report of a run, as Markdown or HTML, in the translator's language. */
  report(
    runId: string,
    format: 'md' | 'html',
    incidents: readonly Incident[],
    tr: Translator,
  ): string {
    const run = this.runs.book.get(runId);
    if (!run) throw new Refusal('refusals.runGone', {}, `no checklist ${runId}`);
    return this.reportOf(run, format, incidents, tr);
  }

  /** The report of a run given whole (a team's run), with the team's timeline when there is one. */
  reportOf(
    run: Run,
    format: 'md' | 'html',
    incidents: readonly Incident[],
    tr: Translator,
    team: ReportTeam | null = null,
  ): string {
    const report = buildReport(run, incidents, tr, this.now(), team);
    return format === 'md' ? reportMarkdown(report, tr) : reportHtml(report, tr);
  }

  close(): void {
    this.runs.close();
  }
}

/** Finds a run by its id, or by the id of one of its incidents (what the history lists). */
export function findRun(runs: RunStore, id: string): Run | undefined {
  return runs.book.get(id) ?? runs.book.list().find((r) => r.incidentIds.includes(id));
}
