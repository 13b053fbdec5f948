// What a person is shown of their team, the same for `npx vigie team --json` and Settings → Team:
// the relay, this member, the members seen and when, the shared incidents. Never the secret.
import type { TeamState } from './merge';
import type { TeamMembership, TeamProblem } from './store';
import type { Translator } from '../../shared/i18n';

/** The relay a new team uses unless told another. */
export const DEFAULT_RELAY = 'https://ntfy.sh';

/** The team as shown: `team --json`, and the settings' Team section. */
export function teamSummary(membership: TeamMembership, state: TeamState) {
  return {
    server: membership.invite.server,
    member: membership.member,
    name: membership.name,
    members: state.members.map((m) => ({ id: m.m, name: m.name, lastSeen: m.ts })),
    incidents: state.incidents.map((i) => ({
      id: i.inc,
      service: i.service,
      cause: i.cause,
      since: new Date(i.since).toISOString(),
      end: i.end === null ? null : new Date(i.end).toISOString(),
      openedBy: i.openedBy,
    })),
  };
}

export type TeamSummary = ReturnType<typeof teamSummary>;

/** Why a team could not be made, joined or changed, as a sentence for the person who asked. */
export function teamProblemText(problem: TeamProblem, tr: Translator): string {
  const key = problem.replace(/(^|-)([a-z])/g, (_all, _dash: string, c: string) => c.toUpperCase());
  return tr.t(`teamSettings.problem${key}`);
}
