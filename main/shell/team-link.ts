// A team invite opened as a link (`vigie-team:1:<secret>:<server URL>` clicked in a chat or an
// e-mail): found in a launch's command line (Windows and Linux put the link among the arguments)
// or in the URL macOS hands over, and read with the invite's own parser so that a damaged link is
// said in the same words as a damaged pasted invite. The link is held until the window takes it:
// it is never joined without the person's name and consent.
import { parseInvite, type InviteProblem } from '../team/keys';

/** The URL scheme of team invites. */
export const TEAM_SCHEME = 'vigie-team';

const SCHEME_PREFIX = /^vigie-team:/i;

/** The link in one argument or URL, its scheme written the usual way; null when it is not one. */
export function teamLinkFromUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!SCHEME_PREFIX.test(trimmed)) return null;
  // Schemes are case-insensitive (RFC 3986): a chat app may have written VIGIE-TEAM:.
  return `${TEAM_SCHEME}:${trimmed.slice(TEAM_SCHEME.length + 1)}`;
}

/**
 * The team link among a launch's arguments (the last one, where the OS puts it after the
 * executable, Electron's own switches and, unpackaged, the app's path); null when there is none.
 */
export function teamLinkIn(argv: readonly string[]): string | null {
  for (let i = argv.length - 1; i >= 0; i--) {
    const link = teamLinkFromUrl(argv[i] ?? '');
    if (link !== null) return link;
  }
  return null;
}

/** A link as the window gets it: the invite text, and why it cannot be joined (null if it can). */
export interface ReadLink {
  readonly invite: string;
  /** The relay the invite is for (null when the link is not an invite). */
  readonly server: string | null;
  readonly problem: InviteProblem | null;
}

/**
 * Reads a link. Some apps percent-encode what follows the scheme (`https%3A%2F%2Fntfy.sh`): when
 * the link as given is not an invite and its decoded form is, the decoded form is the invite.
 */
export function readTeamLink(link: string): ReadLink {
  const parsed = parseInvite(link);
  if (!('problem' in parsed)) return { invite: link.trim(), server: parsed.server, problem: null };
  let decoded: string | null = null;
  try {
    decoded = decodeURIComponent(link).trim();
  } catch {
    // A lone "%": the link stays as given.
  }
  const again = decoded !== null && decoded !== link.trim() ? parseInvite(decoded) : null;
  if (decoded !== null && again !== null && !('problem' in again))
    return { invite: decoded, server: again.server, problem: null };
  return { invite: link.trim(), server: null, problem: parsed.problem };
}

/** The link opened last, held until the window takes it (a window that loads later takes it then). */
export class TeamLinkInbox {
  private held: string | null = null;

  /** Keeps a link found in an argv or a URL; false when there was none. */
  offer(link: string | null): boolean {
    if (link === null) return false;
    this.held = link;
    return true;
  }

  /** Whether a link waits for the window. */
  get waiting(): boolean {
    return this.held !== null;
  }

  /** The link waiting, read; it is then no longer held (each link fills the form once). */
  take(): ReadLink | null {
    const link = this.held;
    this.held = null;
    return link === null ? null : readTeamLink(link);
  }
}
