// `npx vigie team …` and `npx vigie checklist …`: make, join, show and leave a team; show the
// current checklist run with who did each step, and tick one. One writer per data folder: when a
// Vigie records the folder, a tick is handed to it as a request file it applies; otherwise this
// command takes the writer lock for the moment of the tick.
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CliArgs } from './args';
import { isolated, type Translator } from '../../shared/i18n';
import { EXIT } from './output';
import { forTerminal } from './terminal-text';
import { defaultDataDir } from '../history/data-dir';
import { makeDir } from '../files/make-dir';
import { acquireLock, HistoryLockedError } from '../history/lock';
import { RunStore } from '../playbooks/runs';
import type { Run } from '../../shared/checklist-types';
import { textIn } from '../../shared/local-text';
import { inviteText } from '../team/keys';
import {
  createTeam,
  joinTeam,
  leaveTeam,
  readMembership,
  TeamStore,
  type TeamMembership,
} from '../team/store';
import type { TeamState } from '../team/merge';
import { DEFAULT_RELAY, teamProblemText, teamSummary } from '../team/view';
import { REQUESTS_DIR, tickEntry, type TickRequest } from '../team/participant';
import { actionsOf, perform, teamIncidentOf } from '../team/shared-run';

interface TeamIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly tr: Translator;
}

export { REQUESTS_DIR, type TickRequest } from '../team/participant';

/**
 * "[x] d-tell-team  Tell the team  (Awa · 4 October 2021 at 15:52)": who did a step and when, the
 * date and the local time apart for the language to word (the JSON keeps the ISO time).
 */
function doneLine(
  step: {
    readonly id: string;
    readonly title: string;
    readonly by: string | null;
    readonly at: string | null;
  },
  tr: Translator,
): string {
  const values = { id: step.id, title: step.title, by: step.by ?? '—' };
  const at = step.at === null ? Number.NaN : Date.parse(step.at);
  return Number.isNaN(at) ? tr.t('team.stepDoneBy', values) : tr.dated('team.stepDone', at, values);
}

/** `npx vigie team [create|join|leave]`. */
export function teamCommand(args: CliArgs, io: TeamIo): number {
  const dir = args.data ?? defaultDataDir();
  const t = io.tr.t;
  if (args.action === 'create' || args.action === 'join') {
    const made =
      args.action === 'create'
        ? createTeam(dir, args.server ?? DEFAULT_RELAY, args.name ?? '')
        : joinTeam(dir, args.target ?? '', args.name ?? '');
    if ('problem' in made) {
      if (made.problem === 'already-member') io.err(t('team.alreadyMember'));
      else if (made.problem === 'bad-name') io.err(t('team.badName'));
      else io.err(forTerminal(teamProblemText(made.problem, io.tr)));
      return EXIT.usage;
    }
    if (args.action === 'create') {
      io.out(t('team.created'));
      io.out(inviteText(made.invite));
    } else {
      io.out(forTerminal(t('team.joined', { server: made.invite.server, name: made.name })));
    }
    return EXIT.ok;
  }
  if (args.action === 'leave') {
    if (!leaveTeam(dir)) {
      io.err(t('team.noTeam', { dir }));
      return EXIT.usage;
    }
    io.out(t('team.left', { dir }));
    return EXIT.ok;
  }
  const membership = readMembership(dir);
  if (!membership) {
    io.err(t('team.noTeam', { dir }));
    return EXIT.usage;
  }
  const state = new TeamStore(dir, membership, { readOnly: true }).state();
  if (args.json) {
    io.out(JSON.stringify(teamSummary(membership, state), null, 2));
    return EXIT.ok;
  }
  io.out(forTerminal(t('team.server', { server: membership.invite.server })));
  io.out(forTerminal(t('team.you', { name: membership.name })));
  io.out(
    state.members.length === 0
      ? t('team.noMembers')
      : forTerminal(
          t('team.members', {
            members: io.tr.list(
              state.members.map((m) => io.tr.t('join.aside', { text: m.name, aside: m.ts })),
            ),
          }),
        ),
  );
  if (state.incidents.length === 0) io.out(t('team.noIncidents'));
  for (const incident of state.incidents) {
    const by = state.members.find((m) => m.m === incident.openedBy)?.name ?? incident.openedBy;
    const values = {
      service: incident.service,
      since: new Date(incident.since).toISOString(),
      end: incident.end === null ? '' : new Date(incident.end).toISOString(),
      by,
    };
    io.out(
      forTerminal(t(incident.end === null ? 'team.incidentOpen' : 'team.incidentClosed', values)),
    );
  }
  return EXIT.ok;
}

/** A step of `checklist --json`. */
export interface ChecklistStepJson {
  readonly id: string;
  readonly section: 'during' | 'after';
  readonly title: string;
  readonly done: boolean;
  readonly by: string | null;
  readonly at: string | null;
  readonly note: string | null;
}

/** `checklist --json`: `{id, services, steps, notes, members}`. */
export interface ChecklistJson {
  readonly id: string;
  readonly services: readonly { readonly id: string; readonly name: string }[];
  readonly steps: readonly ChecklistStepJson[];
  readonly notes: readonly {
    readonly by: string | null;
    readonly at: string;
    readonly text: string;
  }[];
  readonly members: readonly string[];
}

/** The current run as the command line shows it: this computer's ticks merged with the team's. */
export function checklistJson(
  run: Run,
  team: { membership: TeamMembership; state: TeamState } | null,
  language: 'en' | 'fr' | 'ar',
): ChecklistJson {
  const incident = teamIncidentOf(run, team?.state ?? null);
  const me = team?.membership.name ?? null;
  return {
    id: run.id,
    services: run.services.map((s) => ({ id: s.id, name: s.name })),
    steps: run.steps.map((step) => {
      const shared = incident?.steps[step.key];
      // The team's state of a step, when the team has one, is the merged one every member sees.
      if (shared)
        return {
          id: step.key,
          section: step.section,
          title: textIn(step.title, language),
          done: shared.done,
          by: shared.byName,
          at: shared.ts || null,
          // A note given with a tick here; teammates' notes are in `notes`.
          note: step.done?.note ?? null,
        };
      return {
        id: step.key,
        section: step.section,
        title: textIn(step.title, language),
        done: step.done !== null,
        by: step.done ? me : null,
        at: step.done ? new Date(step.done.at).toISOString() : null,
        note: step.done?.note ?? null,
      };
    }),
    notes: [
      ...run.events.flatMap((e) =>
        e.type === 'note' ? [{ by: me, at: new Date(e.at).toISOString(), text: e.text }] : [],
      ),
      ...(incident?.notes ?? [])
        .filter((n) => n.by !== team?.membership.member)
        .map((n) => ({ by: n.byName, at: n.ts, text: n.text })),
    ],
    members: team ? team.state.members.map((m) => m.name) : [],
  };
}

function currentRun(runs: RunStore): Run | undefined {
  return runs.book.active() ?? runs.book.list().at(-1);
}

function teamOf(dir: string) {
  const membership = readMembership(dir);
  return membership
    ? { membership, state: new TeamStore(dir, membership, { readOnly: true }).state() }
    : null;
}

/** `npx vigie checklist [done STEP [--note TEXT]]`. */
export function checklistCommand(args: CliArgs, io: TeamIo): number {
  const dir = args.data ?? defaultDataDir();
  const t = io.tr.t;
  const runs = new RunStore(dir, { readOnly: true });
  const run = currentRun(runs);
  if (!run) {
    io.err(t('team.noRun', { dir }));
    return args.json ? (io.out('null'), EXIT.ok) : EXIT.ok;
  }
  const view = checklistJson(run, teamOf(dir), io.tr.language);
  if (args.action !== 'done') {
    if (args.json) {
      io.out(JSON.stringify(view, null, 2));
      return EXIT.ok;
    }
    io.out(
      forTerminal(
        t('team.runHeading', { id: run.id, services: io.tr.list(run.services.map((s) => s.name)) }),
      ),
    );
    for (const step of view.steps)
      io.out(
        forTerminal(
          step.done
            ? doneLine(step, io.tr)
            : t('team.stepOpen', { id: step.id, title: step.title }),
        ),
      );
    return EXIT.ok;
  }
  const step = view.steps.find((s) => s.id === args.target);
  if (!step) {
    io.err(
      forTerminal(
        t('team.unknownStep', {
          step: args.target ?? '',
          ids: io.tr.list(
            view.steps.map((s) => isolated(s.id, io.tr.language)),
            'plain',
          ),
        }),
      ),
    );
    return EXIT.usage;
  }
  const note = args.note?.trim() || undefined;
  if (note !== undefined && note.length > 500) {
    io.err(t('team.noteTooLong'));
    return EXIT.usage;
  }
  const request = {
    type: 'tick' as const,
    runId: run.id,
    key: step.id,
    at: Date.now(),
    ...(note ? { note } : {}),
  };
  const handed = tick(dir, request);
  io.out(forTerminal(t(handed ? 'team.handed' : 'team.ticked', { title: step.title })));
  return EXIT.ok;
}

/**
 * Applies a tick as the folder's one writer: directly when no Vigie records the folder (the
 * writer lock taken for the moment), else as a request file the recording Vigie applies. True
 * when it was handed over.
 */
export function tick(dir: string, request: TickRequest): boolean {
  let lock;
  const history = join(dir, 'history');
  makeDir(history);
  try {
    lock = acquireLock(history);
  } catch (error) {
    if (!(error instanceof HistoryLockedError)) throw error;
    const folder = join(dir, REQUESTS_DIR);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${request.at}-${randomUUID()}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(request));
    // Appears whole or not at all for the writer that lists the folder.
    renameSync(`${file}.tmp`, file);
    return true;
  }
  try {
    const runs = new RunStore(dir);
    try {
      applyTick(dir, request, runs);
    } finally {
      runs.close();
    }
  } finally {
    lock.release();
  }
  return false;
}

/** The tick into the runs journal and, with a team, a `step.set` (and its note) to share. */
export function applyTick(dir: string, request: TickRequest, runs: RunStore): void {
  const entry = tickEntry(request);
  runs.commit(entry);
  const membership = readMembership(dir);
  if (!membership) return;
  const store = new TeamStore(dir, membership);
  const run = runs.book.get(request.runId);
  if (run) perform(store, actionsOf(entry, teamIncidentOf(run, store.state())));
}
