// The app in its data folder's team, as `watch` is (main/team/participant.ts): started when the
// folder has a team at start, and again when Settings → Team makes, joins or leaves one (reload).
// The window is told when the team's state changes (a teammate's tick shows at once).
import type { Logger } from '../log/logger';
import type { HttpClient } from '../engine/net/http-client';
import { TeamParticipant, type ParticipantRecording } from '../team/participant';
import type { TeamAccess } from '../team/run-view';

export interface AppTeam {
  /** The team taken part in now, or null. */
  readonly current: () => TeamAccess | null;
  /**
   * Takes part as the data folder says now: call it after a team was made, joined or left
   * (Settings → Team). Resolves once started (or stopped).
   */
  readonly reload: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export function startAppTeam(
  dir: string,
  recording: ParticipantRecording,
  /** The team's state changed: the window reads the checklist again. */
  changed: () => void,
  log: Logger,
  /** The relay's HTTP client (tests); one of its own otherwise. */
  http?: HttpClient,
): AppTeam {
  let participant: TeamParticipant | null = null;
  let closed = false;
  // One start or stop at a time, in the order asked.
  let queue: Promise<void> = Promise.resolve();
  const reload = (): Promise<void> => {
    queue = queue
      .then(async () => {
        const before = participant;
        participant = null;
        // A team just left has no folder to write in: its last words may fail, and that is fine.
        await before
          ?.close()
          .catch((error: unknown) => log.warn(`the team stopped: ${String(error)}`));
        if (closed) return;
        participant = await TeamParticipant.start(dir, recording, {
          ...(http ? { http } : {}),
          requestFailed: (error) =>
            log.error('a tick from the command line was not applied', error),
          eventFailed: (error) => log.error('a team event could not be handled', error),
        });
        participant?.onChange(changed);
        if (participant)
          log.info('taking part in the team', { server: participant.membership.invite.server });
        changed();
      })
      .catch((error: unknown) => log.error('the team could not start', error));
    return queue;
  };
  void reload();
  return {
    current: () => participant,
    reload,
    close: async () => {
      closed = true;
      await queue;
      await participant?.close();
      participant = null;
    },
  };
}
