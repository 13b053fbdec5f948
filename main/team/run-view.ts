// The runs the window shows, with the team: a run of this computer takes its steps' state from the
// team's incident it belongs to (who set each step, and when; the same next step for everyone),
// and a team incident this computer has no run for (a teammate's Vigie sees the outage, this one
// does not) shows as a run of its own, marked as such.
import type {
  MarkedStep,
  Run,
  RunService,
  RunTeam,
  RunView,
  StepBy,
} from '../../shared/checklist-types';
import type { Channel, Playbook } from '../../shared/playbook-schema';
import type { ServiceStatus } from '../../shared/types';
import type { Checklist } from '../playbooks';
import type { ReportTeam } from '../playbooks/report';
import { downChannels, markSteps, stepsOf } from '../playbooks/runs';
import type { TeamEvent } from './events';
import type { TeamIncident, TeamState } from './merge';
import type { TeamMembership } from './store';
import { teamIncidentOf } from './shared-run';

/** What the window's handlers use of the team this Vigie takes part in. */
export interface TeamAccess {
  readonly membership: TeamMembership;
  state(): TeamState;
  events(): TeamEvent[];
  setStep(inc: string, step: string, done: boolean, note?: string): void;
  addNote(inc: string, text: string): void;
}

const PREFIX = 'team-';
const RUNS_SHOWN = 20;

/** The id of the run shown for a team incident this computer has no run for. */
export function teamRunId(inc: string): string {
  return `${PREFIX}${inc}`;
}

/** The team incident of a run id made by teamRunId, or null for a run of this computer. */
export function incOfRunId(runId: string): string | null {
  return runId.startsWith(PREFIX) ? runId.slice(PREFIX.length) : null;
}

/** A service as the runs name it, with what picks its playbook. */
export interface ServiceInfo extends RunService {
  readonly category?: string;
  readonly playbook?: string;
}

/** The run of a team incident this computer has no run for: its service's playbook, no event. */
export function teamOnlyRun(incident: TeamIncident, service: ServiceInfo, playbook: Playbook): Run {
  return {
    id: teamRunId(incident.inc),
    startedAt: incident.since,
    endedAt: incident.end,
    services: [
      {
        id: service.id,
        name: service.name,
        ...(service.provider ? { provider: service.provider } : {}),
      },
    ],
    incidentIds: [],
    openIncidentIds: [],
    steps: stepsOf([playbook]).map((s) => ({ ...s, done: null })),
    events: [],
  };
}

const timeOf = (ts: string): number | null => {
  const at = Date.parse(ts);
  return Number.isFinite(at) ? at : null;
};

/** A run with its steps as the team set them, who set each, and what it shares with the team. */
export function sharedRun(
  run: Run,
  incident: TeamIncident,
  state: TeamState,
  membership: TeamMembership,
  seenHere: boolean,
): { readonly run: Run; readonly by: ReadonlyMap<string, StepBy>; readonly team: RunTeam } {
  const me = membership.member;
  const nameOf = (m: string) => state.members.find((x) => x.m === m)?.name ?? m;
  const by = new Map<string, StepBy>();
  const steps = run.steps.map((step) => {
    const shared = incident.steps[step.key];
    if (!shared) return step;
    const at = timeOf(shared.ts);
    by.set(step.key, { name: shared.byName, at, me: shared.by === me });
    if (!shared.done) return { ...step, done: null };
    // A note given here with the tick stays with it; teammates' notes are the team's notes.
    const note = step.done?.note;
    return {
      ...step,
      done: { at: at ?? step.done?.at ?? incident.since, ...(note ? { note } : {}) },
    };
  });
  return {
    run: { ...run, steps },
    by,
    team: {
      inc: incident.inc,
      openedBy: nameOf(incident.openedBy),
      openedByMe: incident.openedBy === me,
      seenHere,
      members: state.members.map((m) => m.name).sort((a, b) => a.localeCompare(b)),
      notes: incident.notes.map((n) => ({
        by: n.byName,
        at: timeOf(n.ts),
        text: n.text,
        me: n.by === me,
      })),
    },
  };
}

/** A run, with the team's state when it has a team incident, marked against the services now. */
interface Shown {
  readonly run: Run;
  readonly by?: ReadonlyMap<string, StepBy>;
  readonly team?: RunTeam;
}

/**
 * The runs the window shows, newest first: this computer's, each with its team incident's state,
 * and the team's incidents this computer has no run for.
 */
export function runViews(
  checklist: Checklist,
  services: readonly ServiceStatus[],
  preferred: readonly Channel[],
  team: TeamAccess | null,
  describe: (serviceId: string) => ServiceInfo,
): RunView[] {
  if (!team) return checklist.views(services, RUNS_SHOWN, preferred);
  const state = team.state();
  const matched = new Set<string>();
  const shown: Shown[] = checklist.runs.book.list().map((run) => {
    const incident = teamIncidentOf(run, state);
    if (!incident) return { run };
    matched.add(incident.inc);
    return sharedRun(run, incident, state, team.membership, true);
  });
  for (const incident of state.incidents) {
    if (matched.has(incident.inc)) continue;
    const service = describe(incident.service);
    const run = teamOnlyRun(incident, service, checklist.playbooks.playbookFor(service));
    shown.push(sharedRun(run, incident, state, team.membership, false));
  }
  return shown
    .sort((a, b) => b.run.startedAt - a.run.startedAt)
    .slice(0, RUNS_SHOWN)
    .map(({ run, by, team: shared }) => {
      const during = run.endedAt === null;
      const down = downChannels(services, during);
      const steps: MarkedStep[] = markSteps(run.steps, down, preferred).map((step) => {
        const who = by?.get(step.key);
        return who ? { ...step, by: who } : step;
      });
      return {
        ...run,
        phase: during ? 'during' : 'after',
        steps,
        downChannels: [...down],
        ...(shared ? { team: shared } : {}),
      };
    });
}

/** A run by its id: this computer's, or the one shown for a team incident. */
export function findShownRun(
  checklist: Checklist,
  runId: string,
  team: TeamAccess | null,
  describe: (serviceId: string) => ServiceInfo,
): {
  readonly run: Run;
  readonly incident: TeamIncident | null;
  readonly seenHere: boolean;
} | null {
  const state = team?.state() ?? null;
  const inc = incOfRunId(runId);
  if (inc === null) {
    const run = checklist.runs.book.get(runId);
    return run ? { run, incident: teamIncidentOf(run, state), seenHere: true } : null;
  }
  const incident = state?.incidents.find((i) => i.inc === inc);
  if (!incident) return null;
  const service = describe(incident.service);
  return {
    run: teamOnlyRun(incident, service, checklist.playbooks.playbookFor(service)),
    incident,
    seenHere: false,
  };
}

/** A run with the team's steps, and the team's side of its report (every member's events). */
export function teamReport(
  run: Run,
  incident: TeamIncident,
  seenHere: boolean,
  membership: TeamMembership,
  state: TeamState,
  events: readonly TeamEvent[],
): { readonly run: Run; readonly team: ReportTeam } {
  const shared = sharedRun(run, incident, state, membership, seenHere);
  const ids = new Set([incident.inc, ...incident.aliases]);
  return {
    run: shared.run,
    team: {
      me: membership.member,
      // A run shown for a team incident has no journal here: this member's events are the team's.
      own: !seenHere,
      incident,
      events: events.filter((e) => 'inc' in e && ids.has(e.inc)),
      myName: membership.name,
      members: shared.team.members,
      openedBy: shared.team.openedBy,
      seenHere,
      nameOf: (m) => state.members.find((x) => x.m === m)?.name ?? m,
    },
  };
}
