// Builders for alert tests: confirmed changes, a channel that records what it is sent and answers
// as told, and a hand-driven clock whose timers fire when the test moves it.
import type { AlertChannel, AlertMessage, Outcome } from '../../main/alerts/channel';
import type { ChannelKind } from '../../shared/alerts/schema';
import type { Cause, ServiceStatus, VerdictChange, VerdictState } from '../../shared/types';

/** 4 October 2021, 15:40 local time: the day Facebook's names went away. */
export const OUTAGE_START = new Date(2021, 9, 4, 15, 40).getTime();

/** A service's status as the scheduler publishes it. */
export function statusOf(
  id: string,
  state: VerdictState,
  at: number,
  since: number,
  cause: Cause = state === 'down' ? 'provider' : null,
): ServiceStatus {
  return {
    id,
    name:
      id === 'whatsapp'
        ? 'WhatsApp'
        : id === 'slack'
          ? 'Slack'
          : id[0]!.toUpperCase() + id.slice(1),
    critical: true,
    provider: 'Meta',
    checkedAt: at,
    since,
    state,
    cause,
    summary: state,
    probes:
      state === 'down'
        ? [
            {
              kind: 'dns',
              target: `www.${id}.com`,
              state: 'down',
              code: 'DNS_SERVFAIL',
              latencyMs: 12,
              bytes: 90,
              detail: `DNS SERVFAIL for www.${id}.com`,
              attempts: 2,
            },
          ]
        : [],
  };
}

/** A service going down at `at` (up since `upSince`). */
export function wentDown(id: string, at: number, upSince = at - 3_600_000): VerdictChange {
  const previous = statusOf(id, 'up', at - 60_000, upSince);
  const current = statusOf(id, 'down', at, at);
  return { serviceId: id, name: current.name, at, previous, current };
}

/** A service back up at `at` after being down since `downSince`. */
export function cameBack(id: string, at: number, downSince: number): VerdictChange {
  const previous = statusOf(id, 'down', at - 60_000, downSince);
  const current = statusOf(id, 'up', at, at);
  return { serviceId: id, name: current.name, at, previous, current };
}

/** A channel that records each message and answers with the next outcome it was given. */
export class FakeChannel implements AlertChannel {
  readonly sent: AlertMessage[] = [];
  private answers: Outcome[] = [];
  closed = false;

  constructor(
    readonly id: string,
    readonly dependsOn: readonly string[] = [],
    readonly kind: ChannelKind = 'ntfy',
  ) {}

  /** The outcomes of the next attempts, in order (then: accepted). */
  answer(...outcomes: Outcome[]): this {
    this.answers.push(...outcomes);
    return this;
  }

  send(message: AlertMessage): Promise<Outcome> {
    this.sent.push(message);
    return Promise.resolve(this.answers.shift() ?? { kind: 'accepted' });
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** More timers than this in one `advance` is a loop. */
const TIMER_LOOP = 10_000;

/** A clock the test moves by hand; timers fire as it passes them. */
export class ManualClock {
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 0;

  constructor(public time: number) {}

  now = (): number => this.time;

  setTimer = (run: () => void, ms: number): (() => void) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, run, id });
    return () => {
      this.timers = this.timers.filter((t) => t.id !== id);
    };
  };

  /**
   * Moves time forward by `ms`, firing every timer due on the way, in order. Throws when timers
   * keep arming each other at one instant (on a real clock, a loop that burns a core).
   */
  advance(ms: number): void {
    const end = this.time + ms;
    for (let fired = 0; ; fired++) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      if (fired >= TIMER_LOOP)
        throw new Error(`${TIMER_LOOP} timers fired in one advance: they re-arm each other`);
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.run();
    }
    this.time = end;
  }

  /** When the next timer fires, if any. */
  nextTimer(): number | null {
    const times = this.timers.map((t) => t.at);
    return times.length > 0 ? Math.min(...times) : null;
  }
}
