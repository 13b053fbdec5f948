// A member on the relay: what arrives is opened, checked and kept (or dropped and counted, never
// shown); what this member does is kept, queued in the outbox and published, sealed with a fresh
// IV each time; the outbox is sent again once the relay is back.
import type { HttpClient } from '../engine/net/http-client';
import { open, seal, type DropReason } from './envelope';
import { parseTeamEvent, type TeamEvent } from './events';
import { teamKeys, type TeamKeys } from './keys';
import { holds, publish, Subscription, type RelayMessage } from './relay';
import type { TeamStore } from './store';
import { SECOND } from '../../shared/durations';

/** Why a message on the topic was dropped: the envelope's reasons, an attachment, a bad event. */
export type TeamDrop = DropReason | 'attachment' | 'bad-event';

const RETRY_MS = 10 * SECOND;

export interface TeamSyncOptions {
  readonly http: HttpClient;
  readonly silenceMs?: number;
  readonly now?: () => number;
  /** A received event whose handling failed (the stream goes on with the next). */
  readonly failed?: (error: unknown) => void;
}

export class TeamSync {
  /** Messages dropped, by reason. */
  readonly drops: Partial<Record<TeamDrop, number>> = {};
  private keys: TeamKeys | null = null;
  private subscription: Subscription | null = null;
  private readonly listeners: ((event: TeamEvent) => void)[] = [];
  private readonly sentListeners: ((event: TeamEvent) => void)[] = [];
  private readonly repeatListeners: ((event: TeamEvent) => void)[] = [];
  private readonly openedListeners: (() => void)[] = [];
  /** When the stream last said something (epoch ms), in this process. */
  private live: number | null = null;
  private flushing: Promise<void> | null = null;
  private again = false;
  private retry: NodeJS.Timeout | null = null;
  /** The stream opened again since the last send began: the relay is back, retry at once. */
  private reopened = false;
  private closed = false;
  /** Messages handled one after the other, in the order the relay sent them. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly store: TeamStore,
    private readonly options: TeamSyncOptions,
  ) {}

  /** Called for each new event received (not for repeats, nor for this member's own). */
  onEvent(listener: (event: TeamEvent) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Called each time the stream opens (at start and after each reconnection), before the time it
   * was last heard from moves on.
   */
  onOpened(listener: () => void): void {
    this.openedListeners.push(listener);
  }

  /** When the relay was last heard from: a line of the stream in this process, else a message kept. */
  get lastHeardAt(): number | null {
    return this.live ?? this.store.lastHeardAt;
  }

  /** Called for an event received again (a teammate republished it, or the relay replayed it). */
  onRepeat(listener: (event: TeamEvent) => void): void {
    this.repeatListeners.push(listener);
  }

  /** Called when the relay took one of this member's events. */
  onSent(listener: (event: TeamEvent) => void): void {
    this.sentListeners.push(listener);
  }

  async start(): Promise<void> {
    this.keys = await teamKeys(this.store.membership.invite.secret);
    const relay = this.relayOptions(this.keys);
    this.subscription = new Subscription(relay, () => this.store.lastId, {
      message: (message) => {
        // One message that fails to be handled must not stop those after it.
        this.queue = this.queue
          .then(() => this.receive(message))
          .catch((error: unknown) => this.options.failed?.(error));
      },
      opened: () => {
        this.reopened = true;
        this.flush();
        for (const l of this.openedListeners) l();
      },
      heard: () => {
        this.live = (this.options.now ?? Date.now)();
      },
    });
    this.flush();
  }

  private relayOptions(keys: TeamKeys) {
    return {
      server: this.store.membership.invite.server,
      topic: keys.topic,
      http: this.options.http,
      ...(this.options.silenceMs !== undefined ? { silenceMs: this.options.silenceMs } : {}),
    };
  }

  private drop(why: TeamDrop): void {
    this.drops[why] = (this.drops[why] ?? 0) + 1;
  }

  private async receive(message: RelayMessage): Promise<void> {
    if (!this.keys || this.closed) return;
    if (message.attachment) return this.drop('attachment');
    const opened = await open(message.body, this.keys);
    if ('dropped' in opened) return this.drop(opened.dropped);
    const event = parseTeamEvent(opened.plaintext);
    if (!event) return this.drop('bad-event');
    const listeners = this.store.receive(message.id, event) ? this.listeners : this.repeatListeners;
    for (const l of listeners) l(event);
  }

  /**
   * Whether the relay still holds the message of this id (see relay.ts `holds`); null when it
   * did not say.
   */
  async relayHolds(id: string): Promise<boolean | null> {
    if (!this.keys) return null;
    return holds(this.relayOptions(this.keys), id);
  }

  /** A local action: kept, queued and published (see TeamStore.act). */
  act(...args: Parameters<TeamStore['act']>): TeamEvent {
    const event = this.store.act(...args);
    this.flush();
    return event;
  }

  /** Publishes a known event again, as it is (see TeamStore.requeue). */
  republish(event: TeamEvent): void {
    this.store.requeue(event);
    this.flush();
  }

  /** Sends what the outbox holds; a failure leaves it there for the next try. */
  flush(): void {
    if (this.closed || !this.keys) return;
    if (this.flushing) {
      this.again = true;
      return;
    }
    const keys = this.keys;
    // Back from a stream that opened again: what waits for a retry goes now.
    if (this.reopened && this.retry) {
      clearTimeout(this.retry);
      this.retry = null;
    }
    this.reopened = false;
    this.flushing = (async () => {
      do {
        this.again = false;
        for (const event of this.store.outbox()) {
          if (this.closed) return;
          const result = await publish(
            this.relayOptions(keys),
            await seal(JSON.stringify(event), keys),
          );
          if (result.kind === 'accepted') {
            this.store.sent(event.eid);
            for (const l of this.sentListeners) l(event);
            continue;
          }
          this.later(result.kind === 'wait' ? result.afterMs : RETRY_MS);
          return;
        }
      } while (this.again);
    })().finally(() => {
      this.flushing = null;
      // An event acted after the loop's last look and before this goes now, not at the next try;
      // so does the outbox when the stream opened again while a send was failing.
      if ((this.again && !this.retry) || this.reopened) this.flush();
    });
  }

  private later(ms: number): void {
    if (this.retry || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.flush();
    }, ms);
  }

  /** Waits for what is being sent and received now (tests, and a clean stop). */
  async settled(): Promise<void> {
    await this.queue;
    while (this.flushing) await this.flushing;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.subscription?.close();
    await this.flushing;
    await this.queue;
  }
}
