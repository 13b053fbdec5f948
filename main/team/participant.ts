// A Vigie taking part in its data folder's team, the same for `watch` and the app: an outage it sees
// opens the team's incident, or joins the one a teammate opened; its incident closes when it sees
// the service back; each tick, untick and note made here (the window, `checklist done` handed over
// as a request file) goes out as a team event; what teammates send is kept in `<data>/team/`.
// Catch-up beyond the relay's 12 hours: a member that was not listening for longer asks with
// `sync.request`, and each member answers after a random 0–20 s with the incidents' openings and
// closes as they are and its `digest` of each (skipped when an identical digest came meanwhile);
// digests go out again every 6 hours while an incident is open.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Snapshot } from '../../shared/types';
import type { RunEntry, RunStore } from '../playbooks/runs';
import { createHttpClient, type HttpClient } from '../engine/net/http-client';
import { DAY, HOUR, SECOND } from '../../shared/durations';
import { MAX_PLAINTEXT_BYTES } from './envelope';
import type { TeamEvent } from './events';
import type { TeamIncident, TeamState } from './merge';
import { readMembership, TeamStore, type TeamMembership } from './store';
import { TeamSync } from './sync';
import { actionsOf, noteActions, perform, teamIncidentOf } from './shared-run';

/** Where `checklist done` leaves a tick for the Vigie recording the folder. */
export const REQUESTS_DIR = join('checklists', 'requests');
const REQUEST_POLL_MS = SECOND;
/** ntfy.sh keeps messages this long: a member silent for longer asks the team to catch up. */
export const RELAY_CACHE_MS = 12 * HOUR;
/** The longest a member waits before answering a `sync.request` (random, so answers spread). */
export const ANSWER_SPREAD_MS = 20 * SECOND;
/** Digests of an open incident go out again this often. */
export const DIGEST_EVERY_MS = 6 * HOUR;
/** Incidents ended longer ago than this are not sent to a member catching up. */
const CATCH_UP_MS = 7 * DAY;
const MAX_CAUGHT_UP = 20;

/** A tick asked from the command line (`checklist done`). */
export interface TickRequest {
  readonly type: 'tick';
  readonly runId: string;
  readonly key: string;
  readonly at: number;
  readonly note?: string;
}

/** A tick as the runs journal writes it. */
export function tickEntry(request: TickRequest): RunEntry {
  return {
    type: 'tick',
    runId: request.runId,
    key: request.key,
    at: request.at,
    ...(request.note ? { note: request.note } : {}),
  };
}

/** What a participant needs of the recording: its runs, and each checked cycle. */
export interface ParticipantRecording {
  readonly checklist: { readonly runs: RunStore } | null;
  onRecorded(listener: (snapshot: Snapshot) => void): () => void;
}

export interface ParticipantOptions {
  readonly http?: HttpClient;
  readonly now?: () => number;
  /** In [0, 1): spreads the answers to a `sync.request`. */
  readonly random?: () => number;
  /** Waits that long before answering a `sync.request` (a timer unless a test decides). */
  readonly wait?: (ms: number) => Promise<void>;
  readonly silenceMs?: number;
  /** A tick handed over by `checklist done` that could not be applied. */
  readonly requestFailed?: (error: unknown) => void;
  /** A teammate's event that could not be handled (kept, but a listener failed on it). */
  readonly eventFailed?: (error: unknown) => void;
}

/** One digest's content, as compared to tell an identical one already sent. */
type DigestFields = Omit<
  Extract<TeamEvent, { type: 'digest' }>,
  'v' | 'eid' | 'm' | 'n' | 'lc' | 'ts' | 'type'
>;

export class TeamParticipant {
  private cached: TeamState | null = null;
  private readonly changeListeners = new Set<() => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly unsubscribe: (() => void)[] = [];
  /** Digests received, by incident: their content's key and when they came. */
  private readonly digests = new Map<string, { key: string; at: number }[]>();
  /** Incident openings and closes heard again (republished by a teammate), by eid: when. */
  private readonly repeats = new Map<string, number>();
  /** An answer to a `sync.request` is on its way: later requests are answered by it. */
  private answering = false;
  private closed = false;
  private readonly now: () => number;

  private constructor(
    readonly dir: string,
    readonly sync: TeamSync,
    private readonly recording: ParticipantRecording,
    private readonly http: { client: HttpClient; owned: boolean },
    private readonly options: ParticipantOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Starts taking part, or resolves to null when the folder has no team. */
  static async start(
    dir: string,
    recording: ParticipantRecording,
    options: ParticipantOptions = {},
  ): Promise<TeamParticipant | null> {
    const membership = readMembership(dir);
    if (!membership) return null;
    const client = options.http ?? createHttpClient();
    const sync = new TeamSync(
      new TeamStore(dir, membership, options.now ? { now: options.now } : {}),
      {
        http: client,
        ...(options.silenceMs !== undefined ? { silenceMs: options.silenceMs } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(options.eventFailed ? { failed: options.eventFailed } : {}),
      },
    );
    const participant = new TeamParticipant(
      dir,
      sync,
      recording,
      { client, owned: !options.http },
      options,
    );
    participant.wire();
    await sync.start();
    sync.act('member.hello', {});
    participant.changed();
    return participant;
  }

  private wire(): void {
    const { sync } = this;
    sync.onEvent((event) => {
      if (event.type === 'sync.request' && event.m !== this.membership.member) this.answer();
      if (event.type === 'digest') this.heardDigest(event);
      this.changed();
    });
    sync.onRepeat((event) => {
      if (event.type === 'incident.open' || event.type === 'incident.close')
        this.repeats.set(event.eid, this.now());
    });
    sync.onOpened(() => {
      const heard = sync.lastHeardAt;
      const lastId = sync.store.lastId;
      // Never heard from this relay, or not for longer than it keeps messages: ask the team.
      if (lastId === null || heard === null || this.now() - heard > RELAY_CACHE_MS) {
        this.act('sync.request', {});
        return;
      }
      // The relay should still hold the last message kept here; one that restarted without its
      // cache does not, and what it lost while this member was away is missing here: ask too.
      const keptAt = sync.store.lastHeardAt;
      if (keptAt === null || this.now() - keptAt > RELAY_CACHE_MS) return;
      void sync.relayHolds(lastId).then((held) => {
        if (held === false) this.act('sync.request', {});
      });
    });
    this.unsubscribe.push(this.recording.onRecorded((snapshot) => this.snapshot(snapshot)));
    const runs = this.recording.checklist?.runs;
    if (runs)
      this.unsubscribe.push(
        runs.onCommitted((entry) => {
          const run = 'runId' in entry ? runs.book.get(entry.runId) : undefined;
          if (!run) return;
          const actions = actionsOf(entry, teamIncidentOf(run, this.state()));
          if (actions.length === 0) return;
          perform(this.sync, actions);
          this.changed();
        }),
      );
    this.every(REQUEST_POLL_MS, () => this.takeRequests());
    this.every(DIGEST_EVERY_MS, () => this.republishDigests());
  }

  get membership(): TeamMembership {
    return this.sync.store.membership;
  }

  /** The team's merged state (computed again only after a change). */
  state(): TeamState {
    this.cached ??= this.sync.store.state();
    return this.cached;
  }

  /** Every event known (the report's timeline). */
  events(): TeamEvent[] {
    return this.sync.store.all();
  }

  /** Called after each change of the team's state (received or made here). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Called for each teammate's event received (for `watch`'s lines). */
  onEvent(listener: (event: TeamEvent) => void): void {
    this.sync.onEvent(listener);
  }

  /** A checked cycle: an outage seen here opens the team's incident or joins it; back up, closes it. */
  snapshot(snapshot: Snapshot): void {
    const state = this.state();
    for (const service of snapshot.services) {
      const open = state.incidents.find((i) => i.service === service.id && i.end === null);
      if (service.state === 'down' && !open) {
        const eid = randomUUID();
        this.act(
          'incident.open',
          {
            inc: `${service.id}@${eid}`,
            service: service.id,
            cause: service.cause,
            since: service.since ?? snapshot.checkedAt,
          },
          eid,
        );
      } else if (service.state === 'up' && open && open.openedBy === this.membership.member) {
        this.act('incident.close', { inc: open.inc, end: snapshot.checkedAt });
      }
    }
    this.takeRequests();
  }

  /** A step of a team incident ticked or unticked here (a run this computer has no run for). */
  setStep(inc: string, step: string, done: boolean, note?: string): void {
    this.needIncident(inc);
    perform(this.sync, [
      { type: 'step.set', inc, step, done },
      ...(done && note?.trim() ? noteActions(inc, note) : []),
    ]);
    this.changed();
  }

  /** A note on a team incident, from here. */
  addNote(inc: string, text: string): void {
    this.needIncident(inc);
    perform(this.sync, noteActions(inc, text));
    this.changed();
  }

  private needIncident(inc: string): TeamIncident {
    const incident = this.state().incidents.find((i) => i.inc === inc || i.aliases.includes(inc));
    if (!incident) throw new Error(`no team incident ${inc}`);
    return incident;
  }

  private act(...args: Parameters<TeamSync['act']>): void {
    if (this.closed) return;
    this.sync.act(...args);
    this.changed();
  }

  private changed(): void {
    this.cached = null;
    for (const listener of this.changeListeners) listener();
  }

  private every(ms: number, run: () => void): void {
    const timer = setInterval(run, ms);
    timer.unref?.();
    this.timers.add(timer);
  }

  private after(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    timer.unref?.();
    this.timers.add(timer);
  }

  /** Ticks `checklist done` handed over: into the runs journal, and so to the team. */
  takeRequests(): void {
    const runs = this.recording.checklist?.runs;
    const folder = join(this.dir, REQUESTS_DIR);
    if (this.closed || !runs?.writable || !existsSync(folder)) return;
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith('.json')) continue;
      const file = join(folder, name);
      try {
        const request = JSON.parse(readFileSync(file, 'utf8')) as TickRequest;
        if (request.type === 'tick' && runs.book.get(request.runId))
          runs.commit(tickEntry(request));
      } catch (error) {
        this.options.requestFailed?.(error);
      }
      rmSync(file, { force: true });
    }
  }

  /** The incidents a member catching up is sent: open ones, and those ended in the last week. */
  private caughtUp(): TeamIncident[] {
    const now = this.now();
    return this.state()
      .incidents.filter((i) => i.end === null || now - i.end < CATCH_UP_MS)
      .sort((a, b) => b.since - a.since)
      .slice(0, MAX_CAUGHT_UP);
  }

  /** A teammate asked to catch up: after a random 0–20 s, what this member knows. */
  private answer(): void {
    // Several requests at once (every member back after a relay restart): one answer for them.
    if (this.answering) return;
    this.answering = true;
    const asked = this.now();
    const ms = Math.floor((this.options.random ?? Math.random)() * ANSWER_SPREAD_MS);
    const then = () => {
      this.answering = false;
      if (this.closed) return;
      const all = this.events();
      for (const incident of this.caughtUp()) {
        // The opening and the close as they are: a digest alone means nothing without them.
        // Skipped when a teammate's answer already put them on the relay again.
        for (const event of all)
          if (
            (event.type === 'incident.open' || event.type === 'incident.close') &&
            (event.inc === incident.inc || incident.aliases.includes(event.inc)) &&
            (this.repeats.get(event.eid) ?? -Infinity) < asked
          )
            this.sync.republish(event);
        this.sendDigest(incident, asked);
      }
    };
    if (this.options.wait) void this.options.wait(ms).then(then);
    else this.after(ms, then);
  }

  /** Every 6 hours, the digest of each open incident (unless one identical came meanwhile). */
  private republishDigests(): void {
    const since = this.now() - DIGEST_EVERY_MS;
    for (const incident of this.state().incidents)
      if (incident.end === null) this.sendDigest(incident, since);
  }

  /** Sends the digest of an incident in parts, each skipped when an identical one came since. */
  private sendDigest(incident: TeamIncident, since: number): void {
    const seen = this.digests.get(incident.inc) ?? [];
    // Room for the event's own fields around the digest's: ids, counter, time, this member's name.
    const budget =
      MAX_PLAINTEXT_BYTES - 250 - Buffer.byteLength(JSON.stringify(this.membership.name));
    for (const part of digestParts(incident, budget)) {
      const key = digestKey(part);
      if (seen.some((d) => d.key === key && d.at >= since)) continue;
      if (Buffer.byteLength(JSON.stringify(part)) > budget) {
        // One long note in a long name does not fit a digest: its own event goes again instead.
        const own = this.events().find((e) => e.eid === part.notes[0]?.eid);
        if (own) this.sync.republish(own);
        continue;
      }
      this.act('digest', part);
    }
  }

  private heardDigest(event: Extract<TeamEvent, { type: 'digest' }>): void {
    const list = this.digests.get(event.inc) ?? [];
    list.push({ key: digestKey(event), at: this.now() });
    // Only recent ones matter (the last 6 hours at most).
    this.digests.set(
      event.inc,
      list.filter((d) => d.at >= this.now() - DIGEST_EVERY_MS),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const off of this.unsubscribe.splice(0)) off();
    await this.sync.close();
    if (this.http.owned) await this.http.client.close();
  }
}

/** A digest's content in a form that does not depend on order. */
function digestKey(digest: DigestFields): string {
  return JSON.stringify([
    digest.inc,
    [...digest.steps].map((s) => JSON.stringify(s)).sort(),
    digest.notes.map((n) => n.eid).sort(),
  ]);
}

/**
 * The digest of an incident: each step's winning set `[step, done, lc, m]` and the notes, split in
 * parts whose event stays under the envelope's 2,800 bytes (steps by id, then notes oldest first).
 */
export function digestParts(
  incident: TeamIncident,
  /** The bytes the digest's own fields may take (the rest is the event's v, eid, m, n, lc, ts). */
  budget: number,
): DigestFields[] {
  const steps = Object.entries(incident.steps)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([step, s]): [string, boolean, number, string] => [step, s.done, s.lc, s.by]);
  const notes = incident.notes.map((n) => ({
    eid: n.eid,
    m: n.by,
    n: n.byName,
    lc: n.lc,
    ts: n.ts,
    text: n.text,
  }));
  const size = (part: DigestFields) => Buffer.byteLength(JSON.stringify(part));
  const parts: DigestFields[] = [];
  let current: { steps: typeof steps; notes: typeof notes } = { steps: [], notes: [] };
  const flush = () => {
    parts.push({ inc: incident.inc, ...current });
    current = { steps: [], notes: [] };
  };
  for (const step of steps) {
    current.steps.push(step);
    if (size({ inc: incident.inc, ...current }) > budget && current.steps.length > 1) {
      current.steps.pop();
      flush();
      current.steps.push(step);
    }
  }
  for (const note of notes) {
    current.notes.push(note);
    const many = current.notes.length + current.steps.length > 1;
    if (size({ inc: incident.inc, ...current }) > budget && many) {
      current.notes.pop();
      flush();
      current.notes.push(note);
    }
  }
  if (current.steps.length > 0 || current.notes.length > 0 || parts.length === 0) flush();
  return parts;
}
