// The team's shared state from the events it has, whatever their order or repeats: a step's state
// is its `step.set` with the greatest (lc, m); notes are a grow-only set by eid; two concurrent
// opens of one service's incident merge under the smaller (lc, m). Computed from the set of events
// (deduplicated by eid), so every member holding the same events sees the same thing.
import type { TeamEvent } from './events';

type Stamp = { readonly lc: number; readonly m: string };

/** Total order on (lc, m): the Lamport counter, then the member id. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.lc !== b.lc) return a.lc - b.lc;
  return a.m < b.m ? -1 : a.m > b.m ? 1 : 0;
}

export interface TeamStep {
  readonly done: boolean;
  /** Who set it, and when (display time; '' when known only from a digest). */
  readonly by: string;
  readonly byName: string;
  readonly ts: string;
  readonly lc: number;
}

export interface TeamNote {
  readonly eid: string;
  readonly by: string;
  readonly byName: string;
  readonly ts: string;
  readonly lc: number;
  readonly text: string;
}

export interface TeamIncident {
  readonly inc: string;
  readonly service: string;
  readonly cause: string | null;
  readonly since: number;
  readonly openedBy: string;
  /** Null while open. */
  readonly end: number | null;
  /** The incidents merged into this one (concurrent opens by other members). */
  readonly aliases: readonly string[];
  readonly steps: Readonly<Record<string, TeamStep>>;
  /** Oldest first, by (lc, m). */
  readonly notes: readonly TeamNote[];
}

export interface TeamMember {
  readonly m: string;
  readonly name: string;
  /** The greatest Lamport counter seen from them, and the display time of that event. */
  readonly lc: number;
  readonly ts: string;
}

export interface TeamState {
  readonly incidents: readonly TeamIncident[];
  readonly members: readonly TeamMember[];
  /** The greatest Lamport counter seen: a local action takes this + 1. */
  readonly lc: number;
}

type Open = Extract<TeamEvent, { type: 'incident.open' }>;

interface Building {
  open: Open;
  aliases: string[];
  end: number | null;
  steps: Map<string, TeamStep>;
  notes: Map<string, TeamNote>;
}

/** The shared state of a set of events (any order, repeats allowed). */
export function mergeTeam(events: Iterable<TeamEvent>): TeamState {
  // A repeat carries the same eid and the same content: one copy is as good as another.
  const unique = new Map<string, TeamEvent>();
  for (const event of events) unique.set(event.eid, event);
  // Replayed in (lc, m) order, then by eid: one order for the same set of events, everywhere, even
  // for two events stamped alike (one member on two computers, a data folder restored from a
  // backup). Each later event of that order is then the greater; only a digest carries older ones.
  const all = [...unique.values()].sort(
    // eids are unique here.
    (a, b) => compareStamps(a, b) || (a.eid < b.eid ? -1 : 1),
  );

  // Closes first known by incident id, to tell whether an open came after a close it had seen.
  const closes = new Map<string, Stamp[]>();
  for (const e of all) if (e.type === 'incident.close') push(closes, e.inc, e);

  // Opens in (lc, m) order: an open for a service whose earlier incident has no close it could
  // have seen (a close with a smaller counter) joins that incident.
  const roots: Building[] = [];
  const rootOf = new Map<string, Building>();
  for (const e of all) {
    if (e.type !== 'incident.open') continue;
    const joined = roots.find(
      (r) =>
        r.open.service === e.service &&
        ![r.open.inc, ...r.aliases].some((id) =>
          (closes.get(id) ?? []).some((c) => compareStamps(c, e) < 0),
        ),
    );
    if (joined) {
      joined.aliases.push(e.inc);
      rootOf.set(e.inc, joined);
    } else {
      const root = { open: e, aliases: [], end: null, steps: new Map(), notes: new Map() };
      roots.push(root);
      rootOf.set(e.inc, root);
    }
  }

  const members = new Map<string, TeamMember>();
  let lc = 0;
  // A note as itself or in a digest: the same note (its name is shown as the member's latest).
  const note = (b: Building, n: TeamNote) => b.notes.set(n.eid, n);
  // A digest's copy of a set is never newer than the set itself, which comes first (a digest's
  // counter is greater than any it carries): the set keeps its time.
  const setStep = (b: Building, step: string, s: TeamStep) => {
    const current = b.steps.get(step);
    if (!current || compareStamps({ lc: s.lc, m: s.by }, { lc: current.lc, m: current.by }) > 0)
      b.steps.set(step, s);
  };
  for (const e of all) {
    lc = Math.max(lc, e.lc);
    // The member's latest event so far: its name, counter and time.
    members.set(e.m, { m: e.m, name: e.n, lc: e.lc, ts: e.ts });
    if (!('inc' in e)) continue;
    const root = rootOf.get(e.inc);
    if (!root) continue; // an event for an incident whose opening has not arrived yet
    switch (e.type) {
      case 'incident.close':
        // The latest close so far.
        root.end = e.end;
        break;
      case 'step.set':
        setStep(root, e.step, { done: e.done, by: e.m, byName: e.n, ts: e.ts, lc: e.lc });
        break;
      case 'note.add':
        note(root, { eid: e.eid, by: e.m, byName: e.n, ts: e.ts, lc: e.lc, text: e.text });
        break;
      case 'digest':
        for (const [step, done, slc, sm] of e.steps)
          setStep(root, step, {
            done,
            by: sm,
            // A digest carries who, not their name: the name is the latest that member gave.
            byName: sm,
            // Nor when: unknown ('') until the set itself arrives.
            ts: '',
            lc: slc,
          });
        for (const n of e.notes)
          note(root, { eid: n.eid, by: n.m, byName: n.n, ts: n.ts, lc: n.lc, text: n.text });
        lc = Math.max(lc, ...e.steps.map((s) => s[2]), ...e.notes.map((n) => n.lc));
        break;
      case 'incident.open': // made above
        break;
    }
  }

  const nameOf = (m: string, fallback: string) => members.get(m)?.name ?? fallback;
  const incidents = roots.map((b) => ({
    inc: b.open.inc,
    service: b.open.service,
    cause: b.open.cause,
    since: b.open.since,
    openedBy: b.open.m,
    end: b.end,
    aliases: b.aliases,
    steps: Object.fromEntries(
      [...b.steps].map(([step, s]) => [step, { ...s, byName: nameOf(s.by, s.byName) }]),
    ),
    // Notes stamped alike by eid: the same order whether each came as itself or in a digest.
    notes: [...b.notes.values()]
      .sort(
        (a, c) =>
          compareStamps({ lc: a.lc, m: a.by }, { lc: c.lc, m: c.by }) || (a.eid < c.eid ? -1 : 1),
      )
      .map((n) => ({ ...n, byName: nameOf(n.by, n.byName) })),
  }));
  return {
    incidents,
    members: [...members.values()].sort((a, b) => (a.m < b.m ? -1 : 1)),
    lc,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
