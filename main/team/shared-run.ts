// How a checklist run and the team's incidents meet: which team incident a run of this computer
// belongs to, and the team events a tick, an untick or a note made here becomes.
import type { Run } from '../../shared/checklist-types';
import { MINUTE } from '../../shared/durations';
import type { RunEntry } from '../playbooks/runs';
import type { TeamIncident, TeamState } from './merge';
import type { TeamStore } from './store';
import type { TeamSync } from './sync';

/** How far apart a run and a team incident may start or end and still be the same outage. */
const OVERLAP_MS = 30 * MINUTE;
/** The longest note text an event carries (`note.add`). */
export const NOTE_MAX = 500;

/**
 * The team incident of a run: one of its services' incidents whose time overlaps the run's, the
 * open ones first, the newest first.
 */
export function teamIncidentOf(
  run: Pick<Run, 'services' | 'startedAt' | 'endedAt'>,
  state: TeamState | null,
): TeamIncident | null {
  if (!state) return null;
  const ids = new Set(run.services.map((s) => s.id));
  const runEnd = run.endedAt ?? Infinity;
  const candidates = state.incidents
    .filter(
      (i) =>
        ids.has(i.service) &&
        i.since <= runEnd + OVERLAP_MS &&
        (i.end ?? Infinity) >= run.startedAt - OVERLAP_MS,
    )
    .sort((a, b) => (a.end === null ? 0 : 1) - (b.end === null ? 0 : 1) || b.since - a.since);
  return candidates[0] ?? null;
}

/** A local action to share: the fields of a team event, before TeamStore.act stamps it. */
export type Action =
  | {
      readonly type: 'step.set';
      readonly inc: string;
      readonly step: string;
      readonly done: boolean;
    }
  | { readonly type: 'note.add'; readonly inc: string; readonly text: string };

/** A note as `note.add` events: one, or several of at most 500 characters for a longer one. */
export function noteActions(inc: string, text: string): Action[] {
  const chars = [...text.trim()];
  const actions: Action[] = [];
  for (let i = 0; i < chars.length; i += NOTE_MAX)
    actions.push({ type: 'note.add', inc, text: chars.slice(i, i + NOTE_MAX).join('') });
  return actions;
}

/** What a change of this computer's runs journal tells the team (nothing without its incident). */
export function actionsOf(entry: RunEntry, incident: TeamIncident | null): Action[] {
  if (!incident) return [];
  const inc = incident.inc;
  switch (entry.type) {
    case 'tick':
      return [
        { type: 'step.set', inc, step: entry.key, done: true },
        ...(entry.note ? noteActions(inc, entry.note) : []),
      ];
    case 'untick':
      return [{ type: 'step.set', inc, step: entry.key, done: false }];
    case 'note':
      return noteActions(inc, entry.text);
    default:
      return [];
  }
}

/** What keeps and shares a local action: the store, or the sync (which also sends it at once). */
export type Actor = Pick<TeamStore, 'act'> | Pick<TeamSync, 'act'>;

/** Keeps and shares each action. */
export function perform(actor: Actor, actions: readonly Action[]): void {
  for (const action of actions) {
    if (action.type === 'step.set')
      actor.act('step.set', { inc: action.inc, step: action.step, done: action.done });
    else actor.act('note.add', { inc: action.inc, text: action.text });
  }
}
