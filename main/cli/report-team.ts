// `history --report` in a folder with a team: the run with the team's steps and every member's
// ticks and notes, read from `<data>/team/` (read-only: a running Vigie may be its writer).
import type { Run } from '../../shared/checklist-types';
import type { ReportTeam } from '../playbooks/report';
import { readMembership, TeamStore } from '../team/store';
import { teamReport } from '../team/run-view';
import { teamIncidentOf } from '../team/shared-run';

export function reportTeamOf(
  dataDir: string,
  run: Run,
): { readonly run: Run; readonly team: ReportTeam } | null {
  const membership = readMembership(dataDir);
  if (!membership) return null;
  const store = new TeamStore(dataDir, membership, { readOnly: true });
  const state = store.state();
  const incident = teamIncidentOf(run, state);
  return incident ? teamReport(run, incident, true, membership, state, store.all()) : null;
}
