// Incidents, derived from confirmed verdicts: a period in which a service was down or degraded,
// with the evidence at its start and at its worst, and the provider's messages seen meanwhile.
import { assertNever } from '../../shared/errors';
import type {
  Incident,
  IncidentEvidence,
  IncidentMessage,
  IncidentState,
} from '../../shared/history-types';
import { contextWords } from '../../shared/context';
import { opinionWords } from '../../shared/opinion';
import type { Cause, ProbeResult, ServiceStatus } from '../../shared/types';

export type {
  Incident,
  IncidentEvidence,
  IncidentMessage,
  IncidentState,
} from '../../shared/history-types';

/** What the incidents journal stores. */
export type IncidentEntry =
  | { readonly type: 'open'; readonly incident: Incident }
  | {
      readonly type: 'worse';
      readonly id: string;
      readonly state: IncidentState;
      readonly cause: Cause;
      readonly evidence: readonly IncidentEvidence[];
    }
  | { readonly type: 'message'; readonly id: string; readonly message: IncidentMessage }
  | {
      readonly type: 'close';
      readonly id: string;
      readonly end: number;
      readonly note: string | null;
    };

/** What Vigie says of an end it did not see. */
export const ENDED_UNSEEN = 'ended while Vigie was not running';

function evidenceOf(status: ServiceStatus): IncidentEvidence[] {
  const telling = status.probes.filter(
    (p) => p.state !== 'up' || (p.official && p.official.state !== 'operational'),
  );
  const evidence: IncidentEvidence[] = telling.map((p) => ({
    kind: p.kind,
    target: p.target,
    state: p.state,
    code: p.code,
    detail: p.detail,
  }));
  const opinion = status.secondOpinion;
  if (opinion) {
    evidence.push({
      kind: 'second-opinion',
      target: opinion.target,
      state: opinion.outcome,
      code: null,
      detail: opinionWords(opinion),
      opinion: { ...opinion, bytes: 0 },
    });
  }
  const context = status.context;
  if (context) {
    evidence.push({
      kind: 'context',
      target: status.name,
      state: context.routes?.withdrawn ? 'withdrawn' : 'seen',
      code: null,
      detail: contextWords(context),
      context: {
        routes: context.routes && { ...context.routes, bytes: 0 },
        ooni: context.ooni && { ...context.ooni, bytes: 0 },
        ioda: context.ioda && { ...context.ioda, bytes: 0 },
      },
    });
  }
  return evidence;
}

function messagesOf(probes: readonly ProbeResult[], seenAt: number): IncidentMessage[] {
  return probes.flatMap((p) =>
    (p.official?.messages ?? []).map((m) => ({
      title: m.title,
      ...(m.body ? { body: m.body } : {}),
      ...(m.url ? { url: m.url } : {}),
      seenAt,
    })),
  );
}

const isIncidentState = (state: string): state is IncidentState =>
  state === 'down' || state === 'degraded';

/** Every incident, folded from the journal and kept up to date by observe(). */
export class IncidentBook {
  private readonly incidents = new Map<string, Incident>();
  private readonly openByService = new Map<string, string>();

  /** Applies one journal entry (at load, or as it is made). */
  apply(entry: IncidentEntry): void {
    switch (entry.type) {
      case 'open':
        this.incidents.set(entry.incident.id, entry.incident);
        if (entry.incident.end === null)
          this.openByService.set(entry.incident.serviceId, entry.incident.id);
        break;
      case 'worse':
        this.patch(entry.id, (i) => ({
          ...i,
          worstState: entry.state,
          cause: entry.cause,
          evidenceAtWorst: entry.evidence,
        }));
        break;
      case 'message':
        this.patch(entry.id, (i) => ({ ...i, messages: [...i.messages, entry.message] }));
        break;
      case 'close':
        this.patch(entry.id, (i) => ({ ...i, end: entry.end, endNote: entry.note }));
        {
          const incident = this.incidents.get(entry.id);
          if (incident && this.openByService.get(incident.serviceId) === entry.id)
            this.openByService.delete(incident.serviceId);
        }
        break;
      default:
        return assertNever(entry, 'journal entry');
    }
  }

  /** The open incident of a service, if any. */
  openFor(serviceId: string): Incident | undefined {
    const id = this.openByService.get(serviceId);
    return id ? this.incidents.get(id) : undefined;
  }

  /** Folds a confirmed status in; returns the journal entries it made (already applied). */
  observe(status: ServiceStatus): IncidentEntry[] {
    const entries: IncidentEntry[] = [];
    const open = this.openFor(status.id);
    const at = status.checkedAt;
    if (isIncidentState(status.state)) {
      if (!open) {
        const evidence = evidenceOf(status);
        entries.push({
          type: 'open',
          incident: {
            id: `${status.id}-${status.since ?? at}`,
            serviceId: status.id,
            serviceName: status.name,
            start: status.since ?? at,
            end: null,
            endNote: null,
            worstState: status.state,
            cause: status.cause,
            evidenceAtStart: evidence,
            evidenceAtWorst: evidence,
            messages: [],
          },
        });
      } else if (status.state === 'down' && open.worstState === 'degraded') {
        entries.push({
          type: 'worse',
          id: open.id,
          state: 'down',
          cause: status.cause,
          evidence: evidenceOf(status),
        });
      }
    }
    const current =
      this.openFor(status.id) ?? (entries[0]?.type === 'open' ? entries[0].incident : undefined);
    if (current) {
      const known = new Set(current.messages.map((m) => m.title));
      for (const message of messagesOf(status.probes, at)) {
        if (known.has(message.title)) continue;
        known.add(message.title);
        entries.push({ type: 'message', id: current.id, message });
      }
    }
    // An incident never ends before it began, whatever `since` says (a restart, a clock change).
    if (status.state === 'up' && open) {
      const end = Math.min(at, Math.max(open.start, status.since ?? at));
      entries.push({ type: 'close', id: open.id, end, note: null });
    }
    for (const entry of entries) this.apply(entry);
    return entries;
  }

  /** Closes a service's open incident whose end was not seen; returns the entry, if any. */
  closeUnseen(serviceId: string, lastSeen: number): IncidentEntry | null {
    const open = this.openFor(serviceId);
    if (!open) return null;
    const entry: IncidentEntry = {
      type: 'close',
      id: open.id,
      end: Math.max(open.start, lastSeen),
      note: ENDED_UNSEEN,
    };
    this.apply(entry);
    return entry;
  }

  /** Incidents, newest first; optionally of one service and/or overlapping [since, ∞). */
  list(filter: { serviceId?: string; since?: number } = {}): Incident[] {
    return [...this.incidents.values()]
      .filter((i) => !filter.serviceId || i.serviceId === filter.serviceId)
      .filter((i) => filter.since === undefined || i.end === null || i.end >= filter.since)
      .sort((a, b) => b.start - a.start);
  }

  /** Open incidents of services, for the restart check. */
  openServices(): string[] {
    return [...this.openByService.keys()];
  }

  /** Drops incidents that ended before `before`; returns the entries that rebuild what is kept, or
   * null when nothing was dropped (the journal stays as it is). */
  retain(before: number): IncidentEntry[] | null {
    let dropped = false;
    for (const [id, incident] of this.incidents) {
      if (incident.end !== null && incident.end < before) {
        this.incidents.delete(id);
        dropped = true;
      }
    }
    if (!dropped) return null;
    return [...this.incidents.values()].map((incident) => ({ type: 'open' as const, incident }));
  }

  private patch(id: string, change: (incident: Incident) => Incident): void {
    const incident = this.incidents.get(id);
    if (incident) this.incidents.set(id, change(incident));
  }
}
