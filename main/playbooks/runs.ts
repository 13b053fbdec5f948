// Runs: the copy of a playbook for one outage. A critical service's incident starts a run (or joins
// the one under way: several services down at once share a run, steps deduplicated); ticks,
// unticks and notes are facts with times, no names; when every incident of the run has ended, the
// run moves to its "after" phase. Kept as a journal of CRC-checked JSON lines (the history's), so a
// run survives restarts and crashes: at most the last line is lost, a damaged line is skipped.
import { assertNever } from '../../shared/errors';
import { countOf } from '../../shared/format';
import { join } from 'node:path';
import type { Incident } from '../../shared/history-types';
import type { MarkedStep, Run, RunEvent, RunService, RunStep } from '../../shared/checklist-types';
import type { Channel, Playbook } from '../../shared/playbook-schema';
export type { MarkedStep, Run, RunEvent, RunService, RunStep } from '../../shared/checklist-types';
import { ALTERNATIVES, CHANNEL_SERVICES } from '../../shared/playbook-schema';
import type { ServiceStatus } from '../../shared/types';
import { JournalWriter, readJournal } from '../history/journal';
import { makeDir } from '../files/make-dir';
import { NotSavedError, writeProblem, type HistoryProblem } from '../history/problem';

export type RunEntry =
  | {
      readonly type: 'start';
      readonly run: {
        readonly id: string;
        readonly startedAt: number;
        readonly services: readonly RunService[];
        readonly incidentIds: readonly string[];
        readonly steps: readonly Omit<RunStep, 'done'>[];
      };
    }
  | {
      readonly type: 'join';
      readonly runId: string;
      readonly at: number;
      readonly service: RunService;
      readonly incidentId: string;
      readonly steps: readonly Omit<RunStep, 'done'>[];
    }
  | {
      readonly type: 'incidentEnd';
      readonly runId: string;
      readonly incidentId: string;
      readonly at: number;
    }
  | { readonly type: 'after'; readonly runId: string; readonly at: number }
  | {
      readonly type: 'tick';
      readonly runId: string;
      readonly key: string;
      readonly at: number;
      readonly note?: string;
    }
  | { readonly type: 'untick'; readonly runId: string; readonly key: string; readonly at: number }
  | { readonly type: 'note'; readonly runId: string; readonly at: number; readonly text: string };

/** The during and after steps of playbooks, deduplicated by step id (first one wins). */
export function stepsOf(
  playbooks: readonly Playbook[],
  known: ReadonlySet<string> = new Set(),
): Omit<RunStep, 'done'>[] {
  const seen = new Set(known);
  const steps: Omit<RunStep, 'done'>[] = [];
  for (const section of ['during', 'after'] as const) {
    for (const playbook of playbooks) {
      for (const step of playbook[section]) {
        if (seen.has(step.id)) continue;
        seen.add(step.id);
        steps.push({
          key: step.id,
          section,
          title: step.title,
          ...(step.why ? { why: step.why } : {}),
          ...(step.link ? { link: step.link } : {}),
          ...(step.channel ? { channel: step.channel } : {}),
        });
      }
    }
  }
  return steps;
}

/** A run as the book keeps it: its fields, its events (appended in place), and its last view. */
interface Kept {
  run: Omit<Run, 'events'>;
  readonly events: RunEvent[];
  view: Run | null;
}

/**
 * Every run, folded from the journal's entries. Events are appended in place, so loading a
 * journal is linear in its length; a run's view (with a copy of its events) is made when asked
 * for, once per change.
 */
export class RunBook {
  private readonly runs = new Map<string, Kept>();

  apply(entry: RunEntry): void {
    switch (entry.type) {
      case 'start':
        // The second copy of a start line (see RunStore.record) changes nothing.
        if (this.runs.has(entry.run.id)) return;
        this.runs.set(entry.run.id, {
          run: {
            ...entry.run,
            endedAt: null,
            openIncidentIds: entry.run.incidentIds,
            steps: entry.run.steps.map((s) => ({ ...s, done: null })),
          },
          events: [],
          view: null,
        });
        return;
      case 'join':
        return this.patch(
          entry.runId,
          (run) => ({
            ...run,
            services: run.services.some((s) => s.id === entry.service.id)
              ? run.services
              : [...run.services, entry.service],
            incidentIds: [...run.incidentIds, entry.incidentId],
            openIncidentIds: [...run.openIncidentIds, entry.incidentId],
            steps: [...run.steps, ...entry.steps.map((s) => ({ ...s, done: null }))],
            // A service joining an "after" run brings it back to "during".
            endedAt: null,
          }),
          { type: 'join', at: entry.at, service: entry.service },
        );
      case 'incidentEnd':
        return this.patch(
          entry.runId,
          (run) => ({
            ...run,
            openIncidentIds: run.openIncidentIds.filter((id) => id !== entry.incidentId),
          }),
          { type: 'incidentEnd', at: entry.at, incidentId: entry.incidentId },
        );
      case 'after':
        return this.patch(entry.runId, (run) => ({ ...run, endedAt: entry.at }), {
          type: 'after',
          at: entry.at,
        });
      case 'tick':
        return this.patch(
          entry.runId,
          (run) => ({
            ...run,
            steps: run.steps.map((s) =>
              s.key === entry.key
                ? { ...s, done: { at: entry.at, ...(entry.note ? { note: entry.note } : {}) } }
                : s,
            ),
          }),
          {
            type: 'tick',
            at: entry.at,
            key: entry.key,
            ...(entry.note ? { note: entry.note } : {}),
          },
        );
      case 'untick':
        return this.patch(
          entry.runId,
          (run) => ({
            ...run,
            steps: run.steps.map((s) => (s.key === entry.key ? { ...s, done: null } : s)),
          }),
          { type: 'untick', at: entry.at, key: entry.key },
        );
      case 'note':
        return this.patch(entry.runId, (run) => run, {
          type: 'note',
          at: entry.at,
          text: entry.text,
        });
      default:
        return assertNever(entry, 'journal entry');
    }
  }

  /** A copy to work changes out on: the book itself changes only once they are written. */
  draft(): RunBook {
    const copy = new RunBook();
    for (const [id, kept] of this.runs)
      copy.runs.set(id, { run: kept.run, events: kept.events.slice(), view: null });
    return copy;
  }

  get(id: string): Run | undefined {
    const kept = this.runs.get(id);
    return kept ? this.view(kept) : undefined;
  }

  /** Newest first. */
  list(): Run[] {
    return [...this.runs.values()]
      .map((kept) => this.view(kept))
      .sort((a, b) => b.startedAt - a.startedAt);
  }

  /** The run under way (its "during" phase), if any. */
  active(): Run | undefined {
    return this.list().find((r) => r.endedAt === null);
  }

  private view(kept: Kept): Run {
    kept.view ??= { ...kept.run, events: kept.events.slice() };
    return kept.view;
  }

  private patch(
    id: string,
    change: (run: Omit<Run, 'events'>) => Omit<Run, 'events'>,
    event: RunEvent,
  ): void {
    const kept = this.runs.get(id);
    if (!kept) return;
    kept.run = change(kept.run);
    kept.events.push(event);
    kept.view = null;
  }
}

/**
 * What the open incidents mean for the runs: a run for each critical service's new incident (or a
 * join), the end of incidents that closed, and the "after" phase once none is left open.
 */
export function runEntries(
  book: RunBook,
  open: readonly Incident[],
  services: readonly ServiceStatus[],
  playbookFor: (service: ServiceStatus) => Playbook,
  now: number,
): RunEntry[] {
  const entries: RunEntry[] = [];
  const attached = new Set(book.list().flatMap((r) => r.incidentIds));
  const openIds = new Set(open.map((i) => i.id));
  let active = book.active();
  for (const incident of open) {
    if (attached.has(incident.id)) continue;
    const service = services.find((s) => s.id === incident.serviceId);
    if (!service?.critical) continue;
    const who: RunService = {
      id: service.id,
      name: service.name,
      ...(service.provider ? { provider: service.provider } : {}),
    };
    const playbook = playbookFor(service);
    if (active) {
      const entry: RunEntry = {
        type: 'join',
        runId: active.id,
        at: now,
        service: who,
        incidentId: incident.id,
        steps: stepsOf([playbook], new Set(active.steps.map((s) => s.key))),
      };
      entries.push(entry);
      book.apply(entry);
    } else {
      const entry: RunEntry = {
        type: 'start',
        run: {
          id: `run-${incident.start}-${service.id}`,
          startedAt: incident.start,
          services: [who],
          incidentIds: [incident.id],
          steps: stepsOf([playbook]),
        },
      };
      entries.push(entry);
      book.apply(entry);
    }
    active = book.active();
  }
  for (const run of book.list()) {
    if (run.endedAt !== null) continue;
    const ended = run.openIncidentIds.filter((id) => !openIds.has(id));
    for (const incidentId of ended) {
      const entry: RunEntry = { type: 'incidentEnd', runId: run.id, incidentId, at: now };
      entries.push(entry);
      book.apply(entry);
    }
    if (ended.length > 0 && ended.length === run.openIncidentIds.length) {
      const entry: RunEntry = { type: 'after', runId: run.id, at: now };
      entries.push(entry);
      book.apply(entry);
    }
  }
  return entries;
}

/**
 * The channels that depend on a service that is down or degraded now, and, while the outage lasts
 * (`during`), the failed platform itself; after it, the platform is a channel again.
 */
export function downChannels(services: readonly ServiceStatus[], during = true): Set<Channel> {
  const troubled = new Set(
    services.filter((s) => s.state === 'down' || s.state === 'degraded').map((s) => s.id),
  );
  const down = new Set<Channel>(during ? ['platform'] : []);
  for (const [channel, ids] of Object.entries(CHANNEL_SERVICES) as [Channel, readonly string[]][]) {
    if (ids.some((id) => troubled.has(id))) down.add(channel);
  }
  // The user's own website is a service of its own (category "website").
  if (services.some((s) => s.id.startsWith('own-') && troubled.has(s.id))) down.add('website');
  return down;
}

/**
 * Marks the steps whose channel is down and suggests what works instead (the user's own backup
 * channels first, `preferred`); within each section the steps that can be done now come first, so
 * a step pointing at the failed platform is never the first suggestion.
 */
export function markSteps(
  steps: readonly RunStep[],
  down: ReadonlySet<Channel>,
  preferred: readonly Channel[] = [],
): MarkedStep[] {
  const alternativesTo = (channel: Channel): Channel[] => {
    const usual = ALTERNATIVES[channel];
    const own = preferred.filter((c) => c !== channel && !usual.includes(c));
    return [...usual.filter((c) => preferred.includes(c)), ...own, ...usual]
      .filter((c, i, all) => all.indexOf(c) === i)
      .filter((c) => !down.has(c) && c !== 'platform');
  };
  const marked = steps.map((step) => {
    const isDown = step.channel !== undefined && down.has(step.channel);
    return {
      ...step,
      channelDown: isDown,
      alternatives: isDown && step.channel ? alternativesTo(step.channel) : [],
    };
  });
  const order = (s: MarkedStep) => (s.section === 'during' ? 0 : 2) + (s.channelDown ? 1 : 0);
  return marked
    .map((step, index) => ({ step, index }))
    .sort((a, b) => order(a.step) - order(b.step) || a.index - b.index)
    .map(({ step }) => step);
}

/**
 * Runs on disk: `checklists/runs.journal` in the data folder. A change is applied to the book (what
 * every surface shows) only once the journal has it: a change the disk refuses is not shown, and
 * says why (NotSavedError). One writer per folder: a store opened read-only becomes the writer only
 * when told (takeWriter, once the history's writer lock is held).
 */
export class RunStore {
  /** What the last reading of the journal skipped. */
  warnings: readonly string[] = [];
  private current = new RunBook();
  private writer: JournalWriter | null = null;
  private refusal: HistoryProblem | null = null;
  /** Where the journal lives (said when it cannot be written). */
  readonly folder: string;
  private readonly path: string;
  private loaded = -1;
  private readonly writtenListeners = new Set<() => void>();
  private readonly committedListeners = new Set<(entry: RunEntry) => void>();

  constructor(dir: string, options: { readonly readOnly?: boolean } = {}) {
    this.folder = join(dir, 'checklists');
    this.path = join(this.folder, 'runs.journal');
    if (options.readOnly) this.load();
    else this.takeWriter();
  }

  /** The runs as written. */
  get book(): RunBook {
    return this.current;
  }

  /** Whether this store writes the journal. */
  get writable(): boolean {
    return this.writer !== null;
  }

  /**
   * Becomes the journal's writer: reads it again (another writer may have added to it) and writes
   * from now on.
   */
  takeWriter(): void {
    if (this.writer) return;
    makeDir(this.folder);
    this.load();
    this.writer = new JournalWriter(this.path);
    this.refusal = null;
  }

  /** While this store is not the writer: why a change is refused (another Vigie, a full disk). */
  refuse(problem: HistoryProblem): void {
    if (!this.writer) this.refusal = problem;
  }

  /** A reader follows the writer: reads the journal again; true when it changed. */
  reload(): boolean {
    if (this.writer) return false;
    const before = this.loaded;
    this.load();
    return this.loaded !== before;
  }

  /** Subscribes to changes that reached the journal; returns the unsubscribe function. */
  onWritten(listener: () => void): () => void {
    this.writtenListeners.add(listener);
    return () => this.writtenListeners.delete(listener);
  }

  /**
   * Subscribes to the ticks, unticks and notes made here (each once written and applied): what a
   * team shares. Returns the unsubscribe function.
   */
  onCommitted(listener: (entry: RunEntry) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  /** Writes entries (worked out on a draft by runEntries), then applies them. */
  record(entries: readonly RunEntry[]): void {
    if (entries.length === 0) return;
    // A run's start is written twice: every later line of the run depends on it, so one damaged
    // line must not cost the whole run (the book takes the first intact copy).
    this.write(entries.flatMap((e): RunEntry[] => (e.type === 'start' ? [e, e] : [e])));
    for (const entry of entries) this.current.apply(entry);
    this.written();
  }

  /** Writes one entry, then applies it. */
  commit(entry: RunEntry): void {
    this.write([entry]);
    this.current.apply(entry);
    this.written();
    for (const listener of this.committedListeners) listener(entry);
  }

  close(): void {
    this.writer?.close();
  }

  private write(entries: readonly RunEntry[]): void {
    if (!this.writer) {
      if (this.refusal) throw new NotSavedError(this.refusal);
      throw new Error('the checklist runs were opened read-only');
    }
    try {
      this.writer.append(...entries);
    } catch (error) {
      throw new NotSavedError(writeProblem(error, this.folder, Date.now()));
    }
  }

  /** Says a change reached the journal (and the book), once it is applied. */
  private written(): void {
    for (const listener of this.writtenListeners) listener();
  }

  private load(): void {
    const book = new RunBook();
    const journal = readJournal(this.path);
    this.warnings =
      journal.skipped > 0
        ? [`runs.journal: ${countOf(journal.skipped, 'damaged line')} skipped`]
        : [];
    for (const entry of journal.entries) book.apply(entry as RunEntry);
    this.current = book;
    this.loaded = journal.entries.length;
  }
}
