// Invite links opened from another app: found in a launch's command line as Windows, Linux and an
// unpackaged `electron .` give it, or in macOS's open-url; read with the invite parser, so a
// damaged link is refused for the same reason as a damaged pasted invite; handed to the window once.
import { describe, expect, it } from 'vitest';
import {
  TeamLinkInbox,
  readTeamLink,
  teamLinkFromUrl,
  teamLinkIn,
} from '../../../../main/shell/team-link';
import { base64url } from '../../../../main/team/keys';

const SECRET = base64url(new Uint8Array(32).fill(7));
const LINK = `vigie-team:1:${SECRET}:https://ntfy.sh`;

describe('finding the link', () => {
  it('takes the link Windows puts last, after the executable and Chromium’s switches', () => {
    const argv = [
      'C:\\Program Files\\Vigie\\Vigie.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13377000000000000',
      LINK,
    ];
    expect(teamLinkIn(argv)).toBe(LINK);
  });

  it('takes the link a Linux desktop entry (Exec=… %U) passes, and the one after the app’s folder unpackaged', () => {
    expect(teamLinkIn(['/opt/Vigie/vigie', '--no-sandbox', LINK])).toBe(LINK);
    expect(teamLinkIn(['/usr/lib/electron/electron', '/home/awa/vigie', LINK])).toBe(LINK);
  });

  it('reads macOS’s open-url, and a scheme written in capitals', () => {
    expect(teamLinkFromUrl(LINK)).toBe(LINK);
    expect(teamLinkFromUrl(`  VIGIE-TEAM:1:${SECRET}:https://ntfy.sh\n`)).toBe(LINK);
  });

  it('finds nothing among ordinary arguments, web links and look-alikes', () => {
    expect(teamLinkIn(['/opt/Vigie/vigie'])).toBeNull();
    expect(teamLinkIn(['/opt/Vigie/vigie', '--hidden', '--squirrel-firstrun', '.'])).toBeNull();
    expect(teamLinkIn([])).toBeNull();
    expect(teamLinkFromUrl('https://ntfy.sh/vg_abc')).toBeNull();
    expect(teamLinkFromUrl('vigie:1:abc')).toBeNull();
    expect(teamLinkFromUrl(`x-vigie-team:1:${SECRET}:https://ntfy.sh`)).toBeNull();
    expect(teamLinkFromUrl(`--url=${LINK}`)).toBeNull();
  });
});

describe('reading the link', () => {
  it('accepts a whole invite as it is', () => {
    expect(readTeamLink(LINK)).toEqual({ invite: LINK, server: 'https://ntfy.sh', problem: null });
  });

  it('accepts a link whose relay address an app percent-encoded, and a trailing slash', () => {
    expect(readTeamLink(`vigie-team:1:${SECRET}:https%3A%2F%2Fntfy.sh`)).toEqual({
      invite: LINK,
      server: 'https://ntfy.sh',
      problem: null,
    });
    expect(readTeamLink(`${LINK}/`).problem).toBeNull();
  });

  it('refuses a damaged link for the reason a pasted invite would be refused, keeping its text', () => {
    const cut = `vigie-team:1:${SECRET.slice(0, 30)}:https://ntfy.sh`;
    expect(readTeamLink(cut)).toEqual({ invite: cut, server: null, problem: 'bad-secret' });
    expect(readTeamLink(`vigie-team:2:${SECRET}:https://ntfy.sh`).problem).toBe('unknown-version');
    expect(readTeamLink(`vigie-team:1:${SECRET}:ftp://ntfy.sh`).problem).toBe('bad-server');
    // A lone "%" cannot be decoded: the link is judged as given.
    const stray = `vigie-team:1:${SECRET}%:https://ntfy.sh`;
    expect(readTeamLink(stray)).toEqual({ invite: stray, server: null, problem: 'bad-secret' });
  });
});

describe('holding the link for the window', () => {
  it('gives the last link opened once, read; nothing when none was opened', () => {
    const inbox = new TeamLinkInbox();
    expect(inbox.offer(teamLinkIn(['/opt/Vigie/vigie']))).toBe(false);
    expect(inbox.waiting).toBe(false);
    expect(inbox.take()).toBeNull();
    const cut = `vigie-team:1:${SECRET.slice(0, 30)}:https://ntfy.sh`;
    expect(inbox.offer(cut)).toBe(true);
    expect(inbox.offer(LINK)).toBe(true);
    expect(inbox.waiting).toBe(true);
    expect(inbox.take()).toEqual({ invite: LINK, server: 'https://ntfy.sh', problem: null });
    expect(inbox.waiting).toBe(false);
    expect(inbox.take()).toBeNull();
  });
});
