// The team's own files in the data folder, `<data>/team/`:
// - `team.json` (0600, folder 0700): the invite (it holds the secret), this member's id and name;
// - `events.jsonl`: every event this member knows (received or its own), one JSON line each,
//   append-only, as opened plaintext with the relay's message id. Plaintext, not envelopes: the
//   data folder already holds the history and the checklist in clear, merging at start needs no
//   key work, and events stay readable after the team takes a new secret;
// - `outbox.jsonl`: this member's events not yet published (`{event}` lines, then `{sent: eid}`
//   once the relay took one), compacted to what is pending each time it is opened. Sealed only
//   when sent, with a fresh IV each attempt.
// One writer: the process that holds the data folder (watch or the app); others read.
import {
  appendFileSync,
  chmodSync,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { makeDir } from '../files/make-dir';
import { inviteText, newInvite, parseInvite, type Invite, type InviteProblem } from './keys';
import { parseTeamEvent, type TeamEvent } from './events';
import { mergeTeam, type TeamState } from './merge';

export const TEAM_DIR = 'team';
const TEAM_FILE = 'team.json';
const EVENTS_FILE = 'events.jsonl';
const OUTBOX_FILE = 'outbox.jsonl';
const NAME_MAX = 80;

/** What `team.json` holds. */
export interface TeamMembership {
  readonly invite: Invite;
  /** This member's id: random, never shown. */
  readonly member: string;
  readonly name: string;
}

/** Why a team could not be made, joined or changed, for the person who asked. */
export type TeamProblem = InviteProblem | 'already-member' | 'bad-name' | 'no-team' | 'same-team';

export function teamDir(dataDir: string): string {
  return join(dataDir, TEAM_DIR);
}

/** The membership in a data folder, or null when it has no team. Throws on a damaged file. */
export function readMembership(dataDir: string): TeamMembership | null {
  const file = join(teamDir(dataDir), TEAM_FILE);
  if (!existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    invite?: unknown;
    member?: unknown;
    name?: unknown;
  };
  const invite = typeof json.invite === 'string' ? parseInvite(json.invite) : null;
  if (!invite || 'problem' in invite || typeof json.member !== 'string')
    throw new Error(`${file} is not a team file`);
  if (typeof json.name !== 'string') throw new Error(`${file} has no member name`);
  return { invite, member: json.member, name: json.name };
}

function cleanName(name: string): string | null {
  const trimmed = name.trim();
  return trimmed === '' || trimmed.length > NAME_MAX ? null : trimmed;
}

function writeMembership(dataDir: string, membership: TeamMembership): void {
  const dir = teamDir(dataDir);
  makeDir(dir);
  chmodSync(dir, 0o700);
  const file = join(dir, TEAM_FILE);
  const temporary = `${file}.tmp`;
  const text = JSON.stringify({
    invite: inviteText(membership.invite),
    member: membership.member,
    name: membership.name,
  });
  // The secret is never readable by other accounts, not even for the instant before a chmod.
  writeFileSync(temporary, `${text}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** Makes a new team in the data folder: its invite, with this member in it. */
export function createTeam(
  dataDir: string,
  server: string,
  name: string,
): TeamMembership | { readonly problem: TeamProblem } {
  const clean = cleanName(name);
  if (!clean) return { problem: 'bad-name' };
  if (readMembership(dataDir)) return { problem: 'already-member' };
  const checked = parseInvite(inviteText(newInvite(server)));
  if ('problem' in checked) return checked;
  const membership = { invite: checked, member: newMemberId(), name: clean };
  writeMembership(dataDir, membership);
  return membership;
}

/** Joins the team of an invite. */
export function joinTeam(
  dataDir: string,
  invite: string,
  name: string,
): TeamMembership | { readonly problem: TeamProblem } {
  const clean = cleanName(name);
  if (!clean) return { problem: 'bad-name' };
  const parsed = parseInvite(invite);
  if ('problem' in parsed) return parsed;
  if (readMembership(dataDir)) return { problem: 'already-member' };
  const membership = { invite: parsed, member: newMemberId(), name: clean };
  writeMembership(dataDir, membership);
  return membership;
}

/** Leaves the team: the secret and what was received are removed from this computer. */
export function leaveTeam(dataDir: string): boolean {
  const dir = teamDir(dataDir);
  if (!existsSync(join(dir, TEAM_FILE))) return false;
  rmSync(dir, { recursive: true, force: true });
  return true;
}

/** Changes this member's display name: teammates see it with this member's next event. */
export function renameMember(
  dataDir: string,
  name: string,
): TeamMembership | { readonly problem: TeamProblem } {
  const clean = cleanName(name);
  if (!clean) return { problem: 'bad-name' };
  const membership = readMembership(dataDir);
  if (!membership) return { problem: 'no-team' };
  const renamed = { ...membership, name: clean };
  writeMembership(dataDir, renamed);
  return renamed;
}

/**
 * The team takes a new secret, to remove someone: a new random one on the same relay, or the one
 * of the invite a teammate made (`invite`). This member keeps its id and name. What was shared
 * under the old secret is neither re-sent nor re-encrypted: its events and unsent outbox are left
 * on this computer, renamed `events-before-<time>.jsonl` and `outbox-before-<time>.jsonl`, and
 * the team starts again on the new topic (whoever lacks the new invite can no longer read it).
 */
export function changeSecret(
  dataDir: string,
  invite?: string,
  now: () => number = Date.now,
): TeamMembership | { readonly problem: TeamProblem } {
  const membership = readMembership(dataDir);
  if (!membership) return { problem: 'no-team' };
  const next = invite === undefined ? newInvite(membership.invite.server) : parseInvite(invite);
  if ('problem' in next) return next;
  if (Buffer.from(next.secret).equals(Buffer.from(membership.invite.secret)))
    return { problem: 'same-team' };
  const dir = teamDir(dataDir);
  const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
  for (const file of [EVENTS_FILE, OUTBOX_FILE]) {
    const path = join(dir, file);
    if (existsSync(path))
      renameSync(path, join(dir, file.replace('.jsonl', `-before-${stamp}.jsonl`)));
  }
  const changed = { ...membership, invite: next };
  writeMembership(dataDir, changed);
  return changed;
}

function newMemberId(): string {
  return randomBytes(9).toString('base64url');
}

/** One line of `events.jsonl`. */
interface EventLine {
  /** The relay's message id (null for this member's own, before the relay echoes it). */
  readonly id: string | null;
  readonly e: TeamEvent;
  /** When it was received here (epoch ms; absent on this member's own). */
  readonly at?: number;
}

function readLines(file: string): unknown[] {
  if (!existsSync(file)) return [];
  const out: unknown[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // A line cut by a crash while it was written: the rest stays usable.
    }
  }
  return out;
}

/** The events and the outbox of a team, for its one writer (or read-only for the others). */
export class TeamStore {
  private readonly dir: string;
  private readonly events = new Map<string, TeamEvent>();
  private readonly pending = new Map<string, TeamEvent>();
  private last: string | null = null;
  private heard: number | null = null;
  private counter = 0;

  constructor(
    dataDir: string,
    readonly membership: TeamMembership,
    private readonly options: { readonly readOnly?: boolean; readonly now?: () => number } = {},
  ) {
    this.dir = teamDir(dataDir);
    for (const raw of readLines(join(this.dir, EVENTS_FILE))) {
      const line = raw as Partial<EventLine>;
      if (typeof line.id === 'string') this.last = line.id;
      if (typeof line.at === 'number') this.heard = Math.max(this.heard ?? 0, line.at);
      const event = line.e === undefined ? null : parseTeamEvent(JSON.stringify(line.e));
      if (!event) continue;
      if (!this.events.has(event.eid)) this.events.set(event.eid, event);
      this.counter = Math.max(this.counter, event.lc);
    }
    for (const raw of readLines(join(this.dir, OUTBOX_FILE))) {
      const line = raw as { event?: unknown; sent?: unknown };
      if (typeof line.sent === 'string') this.pending.delete(line.sent);
      const event = line.event ? parseTeamEvent(JSON.stringify(line.event)) : null;
      if (event) this.pending.set(event.eid, event);
    }
    if (!options.readOnly) this.compactOutbox();
  }

  /** The relay id of the last message received, for `since=` (null: none yet). */
  get lastId(): string | null {
    return this.last;
  }

  /** When a message last came from the relay (epoch ms), as far as this folder knows. */
  get lastHeardAt(): number | null {
    return this.heard;
  }

  /** Every event known, own and received. */
  all(): TeamEvent[] {
    return [...this.events.values()];
  }

  state(): TeamState {
    return mergeTeam(this.events.values());
  }

  /** Events waiting to be published, oldest first. */
  outbox(): TeamEvent[] {
    return [...this.pending.values()];
  }

  /**
   * A local action: the event gets its eid, this member, the Lamport counter (max seen + 1) and
   * the time; it is kept and queued for the relay. Returns it.
   */
  act<T extends TeamEvent['type']>(
    type: T,
    fields: Omit<Extract<TeamEvent, { type: T }>, 'v' | 'eid' | 'm' | 'n' | 'lc' | 'ts' | 'type'>,
    /** Given when the event must name itself (an incident's id holds its opening's eid). */
    eid: string = randomUUID(),
  ): TeamEvent {
    const event = parseTeamEvent(
      JSON.stringify({
        v: 1,
        eid,
        m: this.membership.member,
        n: this.membership.name,
        lc: this.counter + 1,
        ts: new Date(this.options.now?.() ?? Date.now()).toISOString(),
        type,
        ...fields,
      }),
    );
    if (!event) throw new RangeError(`not a valid ${type} event`);
    this.keep(null, event);
    this.pending.set(event.eid, event);
    this.append(OUTBOX_FILE, { event });
    return event;
  }

  /** An event from the relay; false when it was already known (a repeat). */
  receive(id: string | null, event: TeamEvent): boolean {
    const at = this.options.now?.() ?? Date.now();
    if (id !== null) [this.last, this.heard] = [id, at];
    if (this.events.has(event.eid)) {
      if (id !== null) this.append(EVENTS_FILE, { id, dup: event.eid, at });
      return false;
    }
    this.keep(id, event, at);
    return true;
  }

  /**
   * Queues a known event to be published again as it is (a teammate's incident opening, for a
   * member catching up): the same eid, so it counts once wherever it arrives.
   */
  requeue(event: TeamEvent): void {
    if (this.pending.has(event.eid)) return;
    this.pending.set(event.eid, event);
    this.append(OUTBOX_FILE, { event });
  }

  /** The relay took this event: it leaves the outbox. */
  sent(eid: string): void {
    if (!this.pending.delete(eid)) return;
    this.append(OUTBOX_FILE, { sent: eid });
  }

  private keep(id: string | null, event: TeamEvent, at?: number): void {
    this.events.set(event.eid, event);
    this.counter = Math.max(this.counter, event.lc);
    this.append(EVENTS_FILE, at === undefined ? { id, e: event } : { id, e: event, at });
  }

  private append(file: string, line: unknown): void {
    if (this.options.readOnly) throw new Error('the team store was opened read-only');
    appendFileSync(join(this.dir, file), `${JSON.stringify(line)}\n`, { mode: 0o600 });
  }

  private compactOutbox(): void {
    const file = join(this.dir, OUTBOX_FILE);
    if (!existsSync(file)) return;
    const temporary = `${file}.tmp`;
    const text = this.outbox()
      .map((event) => `${JSON.stringify({ event })}\n`)
      .join('');
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, file);
  }
}
