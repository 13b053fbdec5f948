// `vigie-team:` invite links opened from another app (a chat, an e-mail): the scheme registered
// with the OS, and each link handed to the running app, which shows it in Settings → Team for the
// person to confirm with their name. Windows and Linux launch the app with the link among its
// arguments (a second launch hands its arguments to the running app: `second-instance`); macOS
// sends `open-url`. The reading is plain Node (main/shell/team-link.ts).
import { app } from 'electron';
import { resolve } from 'node:path';
import { TEAM_SCHEME, TeamLinkInbox, teamLinkFromUrl, teamLinkIn } from '../shell/team-link';

/**
 * Registers the scheme and listens for links, before `ready` (a link that launched the app on
 * macOS arrives as `open-url` early). `opened` runs for each link from a second launch or from
 * macOS; a link on this launch's own command line is simply held. The other launches (no link)
 * call `launched`.
 */
export function listenForTeamLinks(opened: () => void, launched: () => void): TeamLinkInbox {
  const inbox = new TeamLinkInbox();
  // Unpackaged (`electron .`), the OS must start Electron with the app's folder before the link.
  if (process.defaultApp) {
    const appPath = process.argv[1];
    if (appPath !== undefined)
      app.setAsDefaultProtocolClient(TEAM_SCHEME, process.execPath, [resolve(appPath)]);
  } else {
    app.setAsDefaultProtocolClient(TEAM_SCHEME);
  }
  app.on('open-url', (_event, url) => {
    if (inbox.offer(teamLinkFromUrl(url))) opened();
  });
  app.on('second-instance', (_event, argv) => {
    if (inbox.offer(teamLinkIn(argv))) opened();
    else launched();
  });
  inbox.offer(teamLinkIn(process.argv));
  return inbox;
}
