// The app's team, in userData: taking part while this app records the folder, the window told of
// each change (Settings → Team and the checklist read again), a failure logged. Settings → Team's
// calls go to it (main/shell/team-handlers.ts); the checklist's calls read `current()`.
import { createHttpClient, type HttpClient } from '../engine/net/http-client';
import type { Logger } from '../log/logger';
import { AppTeam } from '../team/app-team';
import type { ParticipantRecording } from '../team/participant';

/** Starts the team of the data folder (if it has one) and returns it. */
export function startAppTeam(
  dir: string,
  /** The folder's recording: its runs, its checked cycles, and whether it holds the lock. */
  recording: ParticipantRecording & { readonly history: { readonly store: object | null } },
  changed: () => void,
  log: Logger,
  /** The relay's HTTP client (tests); one of its own otherwise. */
  given?: HttpClient,
): { readonly team: AppTeam; close(): Promise<void> } {
  const http = given ?? createHttpClient();
  const team = new AppTeam({
    dir,
    http,
    recording,
    // One writer per folder: while another Vigie records it, the team is shown, not run.
    writer: () => recording.history.store !== null,
    changed,
    failed: (error) => log.error('the team could not start', error),
    requestFailed: (error) => log.error('a tick from the command line was not applied', error),
    eventFailed: (error) => log.error('a team event could not be handled', error),
  });
  void team.start();
  return {
    team,
    async close() {
      await team.close();
      if (!given) await http.close();
    },
  };
}
