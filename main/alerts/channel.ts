// One small interface for every way an alert leaves this computer (ntfy, Telegram, e-mail,
// webhooks), and what a delivery attempt can come to. The desktop notification and `watch`'s lines
// are two more implementations, local ones (desktop.ts, terminal.ts). The reasons are i18n keys
// with values, so a French alert line never carries an English error sentence from a lower layer.
import type { Cause, VerdictChange, VerdictState } from '../../shared/types';
import type { AlertEvent, ChannelKind } from '../../shared/alerts/schema';

/**
 * The channels of this computer itself: the desktop notification and `watch`'s lines. Not kinds
 * of a config file (`channelSchema` refuses them): they are always there, and never configured.
 */
export type LocalChannelKind = 'desktop' | 'terminal';

/** True while no local kind is also a config kind; one that became both does not compile. */
type LocalKindsApart = [Extract<LocalChannelKind, ChannelKind>] extends [never] ? true : never;
export const LOCAL_KINDS_APART: LocalKindsApart = true;

/** Why an attempt failed, as words to say in the user's language (`alerts.reason.*`). */
export interface Reason {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** What an attempt came to, by retry class. */
export type Outcome =
  /** The channel took the message (HTTP 2xx, SMTP 250). */
  | { readonly kind: 'accepted' }
  /** A network error or a 5xx: try again after the back-off. */
  | { readonly kind: 'retry'; readonly reason: Reason }
  /** 429: try again once the channel's wait is over. */
  | { readonly kind: 'wait'; readonly afterMs: number; readonly reason: Reason }
  /** 400/401/403/404/410, a refused password: the channel is broken until the user fixes it. */
  | { readonly kind: 'broken'; readonly reason: Reason };

/** One message, already in the alert's language. */
export interface AlertMessage {
  /** The headline: the notification's title, the e-mail's subject. */
  readonly title: string;
  /** The rest: the story, the evidence, the time with its zone, "Vigie on <computer>". */
  readonly body: string;
  /**
   * What the message is about (the JSON webhook format carries it); `notice` is a local channel's
   * line or notification, whatever the alerts' `events` say (a first verdict, offline, a reset).
   */
  readonly event: AlertEvent | 'test' | 'notice';
  readonly service: { readonly id: string; readonly name: string } | null;
  readonly state: VerdictState | null;
  readonly cause: Cause;
  /** When the state began (epoch ms), null for a test. */
  readonly since: number | null;
  /** How loud: `high` for a service down, `normal` otherwise (ntfy priority, tags). */
  readonly urgent: boolean;
  /** The desktop's only: what a click opens (a checklist run, a service); absent, the window. */
  readonly opens?: ClickTarget;
}

/** What a click on a desktop notification opens in the window. */
export type ClickTarget = { readonly runId: string } | { readonly serviceId: string };

/** A way out: sends one message and says what came of it; never throws. */
export interface AlertChannel {
  readonly id: string;
  readonly kind: ChannelKind | LocalChannelKind;
  /** The services the channel goes through: while one is down, it is skipped. */
  readonly dependsOn: readonly string[];
  send(message: AlertMessage, signal?: AbortSignal): Promise<Outcome>;
  close(): Promise<void>;
}

/**
 * A local channel's message: its words as they are, about `change` when it tells one (else about
 * no service), for every local channel whatever the alerts' `events` say.
 */
export function localMessage(
  title: string,
  body: string,
  change: VerdictChange | null,
  opens?: ClickTarget,
): AlertMessage {
  const current = change?.current ?? null;
  return {
    title,
    body,
    event: 'notice',
    service: change ? { id: change.serviceId, name: change.name } : null,
    state: current?.state ?? null,
    cause: current?.cause ?? null,
    since: current?.since ?? null,
    urgent: current?.state === 'down',
    ...(opens ? { opens } : {}),
  };
}
