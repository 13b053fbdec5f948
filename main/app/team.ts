// The app's team, in userData: run on the relay while this app records the folder, the window told
// of each change, a failure logged. Settings → Team's calls go to it (main/shell/team-handlers.ts).
import { createHttpClient } from '../engine/net/http-client';
import type { Logger } from '../log/logger';
import type { Recording } from '../shell/recording';
import { AppTeam } from '../team/app-team';

/** Starts the team of the data folder (if it has one) and returns it. */
export function startAppTeam(
  dir: string,
  recording: Recording,
  changed: () => void,
  log: Logger,
): { readonly team: AppTeam; close(): Promise<void> } {
  const http = createHttpClient();
  const team = new AppTeam({
    dir,
    http,
    // One writer per folder: while another Vigie records it, the team is shown, not run.
    writer: () => recording.history.store !== null,
    changed,
    failed: (error) => log.error('the team could not start', error),
  });
  void team.start();
  return {
    team,
    async close() {
      await team.close();
      await http.close();
    },
  };
}
