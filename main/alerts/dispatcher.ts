// Sends each confirmed change through the user's channels, never through one that is itself down:
// a channel whose `dependsOn` service is down is skipped when another channel can carry the alert,
// and otherwise the alert waits for the first channel that comes back. Everything goes through the
// outbox first; nothing is tried while this computer is offline; a down and its recovery both
// still pending become one message. Retry classes: network errors and 5xx after 5 s, 30 s, 2 min,
// 10 min, then every 15 min; 429 after the wait the channel asks; permanent errors break the
// channel (said in words) and nothing more is tried through it.
import type { AlertEvent, AlertsConfig } from '../../shared/alerts/schema';
import { MINUTE, SECOND } from '../../shared/durations';
import type { Translator } from '../../shared/i18n';
import type { ServiceStatus, Snapshot, VerdictChange } from '../../shared/types';
import type { AlertChannel, AlertMessage, Reason } from './channel';
import { entryId, type Outbox, type OutboxEntry } from './outbox';
import { collapsedMessage, composeAlerts, eventOf } from './words';

/** The waits after the 1st, 2nd, 3rd and 4th failed attempt; every 15 min after that. */
export const BACKOFF_MS = [5 * SECOND, 30 * SECOND, 2 * MINUTE, 10 * MINUTE] as const;
export const BACKOFF_AFTER_MS = 15 * MINUTE;

/** The wait after `failures` failed attempts in a row. */
export function backoffMs(failures: number): number {
  return BACKOFF_MS[failures - 1] ?? BACKOFF_AFTER_MS;
}

/** What happened to an alert, for `watch`'s lines and the app's Settings. */
export type AlertReport =
  | {
      readonly kind: 'delivered';
      readonly channel: string;
      readonly title: string;
      readonly at: number;
    }
  | {
      readonly kind: 'retry';
      readonly channel: string;
      readonly reason: Reason;
      readonly nextAt: number;
    }
  | {
      readonly kind: 'wait';
      readonly channel: string;
      readonly reason: Reason;
      readonly nextAt: number;
    }
  | { readonly kind: 'broken'; readonly channel: string; readonly reason: Reason }
  | { readonly kind: 'skipped'; readonly channel: string; readonly services: readonly string[] }
  | { readonly kind: 'waiting'; readonly channels: readonly string[] }
  | { readonly kind: 'interrupted'; readonly channel: string }
  | { readonly kind: 'offline'; readonly count: number };

export interface DispatcherDeps {
  readonly channels: readonly AlertChannel[];
  readonly outbox: Outbox;
  /** The alerts' language. */
  readonly tr: Translator;
  /** This computer's name, for "Vigie on <computer>". */
  readonly host: string;
  readonly events: readonly AlertEvent[];
  /** Service ids to alert on; all when absent. */
  readonly services?: readonly string[];
  readonly now: () => number;
  /** Runs `run` after `ms`; returns how to cancel it. */
  readonly setTimer: (run: () => void, ms: number) => () => void;
  readonly report: (report: AlertReport) => void;
}

/** The dispatcher's settings from an `alerts` config. */
export function alertFilter(alerts: AlertsConfig): Pick<DispatcherDeps, 'events' | 'services'> {
  return { events: alerts.events, ...(alerts.services ? { services: alerts.services } : {}) };
}

/** The key of an alert whatever its channel: the (incident, change) pairs it carries. */
function alertKey(entry: OutboxEntry): string {
  return entry.id.slice(entry.id.indexOf('|') + 1);
}

export class AlertDispatcher {
  private readonly broken = new Map<string, Reason>();
  private readonly busy = new Map<string, Promise<void>>();
  /** A channel's 429: nothing through it before this time. */
  private readonly holdUntil = new Map<string, number>();
  /** Alerts delivered through at least one channel since this process started. */
  private readonly delivered = new Set<string>();
  private readonly waitingSaid = new Set<string>();
  /** Each service's last confirmed status that was not "offline here" (cause local). */
  private readonly lastKnown = new Map<string, ServiceStatus>();
  /** Down services by id, with their names. */
  private down = new Map<string, string>();
  /**
   * Services not yet judged again: back online but not checked since (still "unknown, offline
   * here"), or checked and waiting for the re-check that confirms. Their alerts wait for the
   * answer, a cycle at most, so a down that ended while this computer was offline goes out with
   * its recovery as one message, not as news.
   */
  private settling = new Set<string>();
  private online = true;
  private offlineSaid = false;
  private cancelTimer: (() => void) | null = null;
  private readonly abort = new AbortController();
  private closed = false;

  constructor(private readonly deps: DispatcherDeps) {
    for (const entry of deps.outbox.interrupted)
      deps.report({ kind: 'interrupted', channel: entry.channel });
  }

  /** One cycle's confirmed changes and the snapshot they led to. */
  changes(changes: readonly VerdictChange[], snapshot: Snapshot): void {
    const { deps } = this;
    const wanted = changes
      .map((change) => this.throughOffline(change))
      .filter((change) => {
        const event = eventOf(change);
        return (
          event !== null &&
          deps.events.includes(event) &&
          (!deps.services || deps.services.includes(change.serviceId))
        );
      });
    const now = deps.now();
    for (const alert of composeAlerts(wanted, snapshot, deps.tr, now, deps.host)) {
      for (const channel of deps.channels) {
        if (this.broken.has(channel.id)) continue;
        const id = entryId(channel.id, alert.items);
        if (deps.outbox.has(id)) continue;
        deps.outbox.add({
          id,
          channel: channel.id,
          items: alert.items,
          message: alert.message,
          createdAt: now,
        });
      }
    }
    this.observe(snapshot);
  }

  /**
   * While this computer is offline every service is "unknown, local": a change back from there is
   * a change from what was known before (WhatsApp down, offline, then up is a recovery).
   */
  private throughOffline(change: VerdictChange): VerdictChange {
    const known = this.lastKnown.get(change.serviceId);
    if (change.current.cause !== 'local') this.lastKnown.set(change.serviceId, change.current);
    if (change.previous?.cause !== 'local' || !known) return change;
    return { ...change, previous: known };
  }

  /** A snapshot: whether this computer is online, which services are down; then what is due. */
  observe(snapshot: Snapshot): void {
    if (snapshot.checkedAt === 0 || snapshot.overall === 'paused') return;
    this.online = snapshot.connectivity.state === 'online';
    this.down = new Map(
      snapshot.services.filter((s) => s.state === 'down').map((s) => [s.id, s.name]),
    );
    this.settling = new Set(
      snapshot.services
        .filter((s) => s.cause === 'local' || s.pending !== undefined)
        .map((s) => s.id),
    );
    this.pump();
  }

  /** Channels broken since the start, with why. */
  brokenChannels(): ReadonlyMap<string, Reason> {
    return this.broken;
  }

  /** Resolves once no attempt is running (tests, and a clean stop). */
  async idle(): Promise<void> {
    while (this.busy.size > 0) await Promise.all(this.busy.values());
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelTimer?.();
    this.abort.abort();
    await this.idle();
    await Promise.all(this.deps.channels.map((c) => c.close()));
    this.deps.outbox.close();
  }

  private downDeps(channel: AlertChannel): string[] {
    return channel.dependsOn.flatMap((id) => {
      const name = this.down.get(id);
      return name === undefined ? [] : [name];
    });
  }

  /** Due now, and about no service still being re-checked. */
  private due(entry: OutboxEntry, now: number): boolean {
    return entry.nextAt <= now && !entry.items.some((item) => this.settling.has(item.serviceId));
  }

  private usable(channel: AlertChannel): boolean {
    return !this.broken.has(channel.id) && this.downDeps(channel).length === 0;
  }

  /** Starts what is due on each free channel, then sets the timer for what comes next. */
  private pump(): void {
    if (this.closed) return;
    const { deps } = this;
    const pending = deps.outbox.pending();
    if (!this.online) {
      // Said once per offline spell, once there is something waiting.
      if (pending.length > 0 && !this.offlineSaid) {
        deps.report({ kind: 'offline', count: new Set(pending.map(alertKey)).size });
        this.offlineSaid = true;
      }
      this.armTimer([]);
      return;
    }
    this.offlineSaid = false;
    const now = deps.now();
    for (const channel of deps.channels) {
      if (this.busy.has(channel.id)) continue;
      const mine = pending.filter((e) => e.channel === channel.id);
      const downDeps = this.downDeps(channel);
      if (downDeps.length > 0) {
        this.skipOrWait(channel, mine, downDeps);
        continue;
      }
      if ((this.holdUntil.get(channel.id) ?? 0) > now) continue;
      if (mine.some((e) => this.due(e, now))) this.start(channel);
    }
    this.armTimer(deps.outbox.pending());
  }

  /** A channel that goes through a service that is down: skip it if another can carry the alert. */
  private skipOrWait(channel: AlertChannel, entries: OutboxEntry[], downDeps: string[]): void {
    const { deps } = this;
    for (const entry of entries) {
      const key = alertKey(entry);
      const carried =
        this.delivered.has(key) ||
        deps.channels.some(
          (other) =>
            other.id !== channel.id &&
            this.usable(other) &&
            deps.outbox.has(entryId(other.id, entry.items)),
        );
      if (carried) {
        deps.outbox.drop(entry.id, deps.now(), 'skipped');
        deps.report({ kind: 'skipped', channel: channel.id, services: downDeps });
      } else if (!this.waitingSaid.has(key)) {
        this.waitingSaid.add(key);
        deps.report({ kind: 'waiting', channels: deps.channels.map((c) => c.id) });
      }
    }
  }

  private start(channel: AlertChannel): void {
    const run = this.drain(channel).finally(() => {
      this.busy.delete(channel.id);
      this.pump();
    });
    this.busy.set(channel.id, run);
  }

  /** Sends what is due through one channel, one message at a time. */
  private async drain(channel: AlertChannel): Promise<void> {
    const { deps } = this;
    for (;;) {
      // A stop, the connection lost or a service it goes through down, while the last one went.
      // (A 429's hold ends the drain itself, and `pump` starts none before the hold is over.)
      if (this.closed || !this.online || !this.usable(channel)) return;
      const now = deps.now();
      const mine = deps.outbox.pending().filter((e) => e.channel === channel.id);
      const entry = mine.find((e) => this.due(e, now));
      if (!entry) return;
      const { message, partner } = this.collapse(entry, mine);
      const ids = partner ? [entry.id, partner.id] : [entry.id];
      for (const id of ids) deps.outbox.attempt(id, now);
      const outcome = await channel.send(message, this.abort.signal);
      const at = deps.now();
      switch (outcome.kind) {
        case 'accepted':
          for (const id of ids) deps.outbox.sent(id, at);
          for (const e of partner ? [entry, partner] : [entry]) this.delivered.add(alertKey(e));
          deps.report({ kind: 'delivered', channel: channel.id, title: message.title, at });
          break;
        case 'retry': {
          const failures = entry.failures + 1;
          const nextAt = at + backoffMs(failures);
          for (const id of ids) deps.outbox.retry(id, at, nextAt, failures, outcome.reason);
          deps.report({ kind: 'retry', channel: channel.id, reason: outcome.reason, nextAt });
          break;
        }
        case 'wait': {
          const nextAt = at + outcome.afterMs;
          this.holdUntil.set(channel.id, nextAt);
          for (const id of ids) deps.outbox.retry(id, at, nextAt, entry.failures, outcome.reason);
          deps.report({ kind: 'wait', channel: channel.id, reason: outcome.reason, nextAt });
          return;
        }
        case 'broken':
          this.broken.set(channel.id, outcome.reason);
          for (const e of deps.outbox.pending())
            if (e.channel === channel.id) deps.outbox.drop(e.id, at, 'broken');
          deps.report({ kind: 'broken', channel: channel.id, reason: outcome.reason });
          return;
        default: {
          const never: never = outcome;
          return never;
        }
      }
    }
  }

  /** A down (or degraded) and its recovery both pending on this channel: one message for both. */
  private collapse(
    entry: OutboxEntry,
    mine: readonly OutboxEntry[],
  ): { message: AlertMessage; partner: OutboxEntry | null } {
    const [item] = entry.items;
    if (!item || entry.items.length !== 1) return { message: entry.message, partner: null };
    const partner = mine.find((other) => {
      const [o] = other.items;
      // Not the entry itself: its own event is on the same side of the pair.
      return (
        other.items.length === 1 &&
        o !== undefined &&
        o.incident === item.incident &&
        (o.event === 'recovered') !== (item.event === 'recovered')
      );
    });
    const [p] = partner?.items ?? [];
    if (!partner || !p) return { message: entry.message, partner: null };
    const [trouble, recovered] = item.event === 'recovered' ? [p, item] : [item, p];
    return {
      message: collapsedMessage(trouble, recovered, this.deps.host, this.deps.tr),
      partner,
    };
  }

  /** One timer, for the earliest time something becomes due (`pump` calls it: open, online). */
  private armTimer(pending: readonly OutboxEntry[]): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const now = this.deps.now();
    let next = Infinity;
    for (const entry of pending) {
      if (this.busy.has(entry.channel)) continue;
      const at = Math.max(entry.nextAt, this.holdUntil.get(entry.channel) ?? 0);
      if (at > now) next = Math.min(next, at);
    }
    if (next === Infinity) return;
    this.cancelTimer = this.deps.setTimer(() => {
      this.cancelTimer = null;
      this.pump();
    }, next - now);
  }
}
