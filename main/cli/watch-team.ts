// `watch` on a data folder with a team: it takes part as the app does (main/team/participant.ts)
// and says teammates' actions as lines, in the user's language.
import type { Recording } from '../shell/recording';
import { TeamParticipant } from '../team/participant';
import { messageOf } from '../../shared/errors';
import type { Translator } from '../../shared/i18n';

/** The team's part of `watch` (it follows the recording's cycles by itself). */
export interface WatchTeam {
  close(): Promise<void>;
}

/** Starts the team's part of `watch`, or null when the folder has no team. */
export async function startWatchTeam(
  dir: string,
  recording: Recording,
  say: (line: string) => void,
  tr: Translator,
): Promise<WatchTeam | null> {
  const participant = await TeamParticipant.start(dir, recording, {
    requestFailed: (error) => say(tr.t('team.watchRequestFailed', { message: messageOf(error) })),
  });
  if (!participant) return null;
  participant.onEvent((event) => {
    const name = event.n;
    if (event.type === 'incident.open')
      say(tr.t('team.watchOpened', { name, service: event.service }));
    else if (event.type === 'step.set')
      say(tr.t(event.done ? 'team.watchTicked' : 'team.watchUnticked', { name, step: event.step }));
    else if (event.type === 'note.add') say(tr.t('team.watchNote', { name }));
  });
  return { close: () => participant.close() };
}
