// Settings → Team's channels over the app's team: each refusal said in the window's language
// (what is wrong with an invite, a name, a relay address). The secret goes out only in the invite.
import { Refusal } from '../../shared/errors';
import type { Translator } from '../../shared/i18n';
import type { Replies, RequestOf } from '../../shared/ipc';
import { TeamRefused, type AppTeam } from '../team/app-team';
import { teamProblemText } from '../team/view';
import type { TeamLinkInbox } from './team-link';

type TeamChannel =
  | 'team:get'
  | 'team:create'
  | 'team:join'
  | 'team:rename'
  | 'team:invite'
  | 'team:rekey'
  | 'team:leave'
  | 'team:takeLink';

type TeamHandlers = {
  [C in TeamChannel]: (request: RequestOf<C>) => Promise<Replies[C]> | Replies[C];
};

/**
 * The team's channels; without a team here (`team` absent), each call says so. `links` holds the
 * invite link opened from another app, given to the window once (absent: never one).
 */
export function teamHandlers(
  team: AppTeam | undefined,
  translator: () => Translator,
  links?: Pick<TeamLinkInbox, 'take'>,
): TeamHandlers {
  const need = (): AppTeam => {
    if (!team) throw new Refusal('refusals.noTeams', {}, 'teams are not available here');
    return team;
  };
  /** Runs an action; a refusal becomes a sentence in the window's language. */
  const said = async <T>(action: () => T | Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      if (error instanceof TeamRefused)
        throw new Error(teamProblemText(error.problem, translator()));
      throw error;
    }
  };
  return {
    'team:get': () => team?.view() ?? null,
    'team:create': ({ server, name }) => said(() => need().create(server, name)),
    'team:join': ({ invite, name }) => said(() => need().join(invite, name)),
    'team:rename': ({ name }) => said(() => need().rename(name)),
    'team:invite': () => said(() => ({ invite: need().invite() })),
    'team:rekey': ({ invite }) => said(() => need().rekey(invite)),
    'team:leave': async () => {
      await said(() => need().leave());
      return null;
    },
    'team:takeLink': () => {
      const link = links?.take() ?? null;
      if (!link) return null;
      // The same words as for a pasted invite that is not one.
      const problem = link.problem === null ? null : teamProblemText(link.problem, translator());
      return { invite: link.invite, server: link.server, problem };
    },
  };
}
