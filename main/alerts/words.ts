// The words of an alert: the desktop notification's own (main/shell/notification-model.ts, which
// tells shared/story.ts's story when services change together), plus when it was seen, with its
// time zone, and where: "Vigie on <computer name>". One message per change; one grouped message
// when three or more services change at once.
import type { AlertEvent } from '../../shared/alerts/schema';
import { forSystem, type Translator } from '../../shared/i18n';
import { defaultSettings, type Settings } from '../../shared/settings-schema';
import type { Snapshot, VerdictChange } from '../../shared/types';
import { GROUP_FROM, noticesFor } from '../shell/notification-model';
import type { AlertMessage } from './channel';

/** One service's change inside an alert: what the outbox keeps of it (no secret, no address). */
export interface AlertItem {
  readonly serviceId: string;
  readonly name: string;
  readonly event: AlertEvent;
  /** The incident: `<service id>@<start of its trouble>`, the same for its down and its recovery. */
  readonly incident: string;
  /** When the trouble began, and when this change was confirmed. */
  readonly since: number;
  readonly at: number;
}

const TROUBLE = new Set(['down', 'degraded']);

/** Which alert event a confirmed change is, if any (a first verdict after a start is none). */
export function eventOf(change: VerdictChange): AlertEvent | null {
  const { previous, current } = change;
  if (previous === null || current.cause === 'local') return null;
  if (current.state === 'down' && previous.state !== 'down') return 'down';
  if (current.state === 'degraded' && previous.state === 'up') return 'degraded';
  if (current.state === 'up' && TROUBLE.has(previous.state)) return 'recovered';
  return null;
}

/** The outbox's view of a change. */
export function itemOf(change: VerdictChange, event: AlertEvent): AlertItem {
  const began =
    event === 'recovered'
      ? (change.previous?.since ?? change.previous?.checkedAt ?? change.at)
      : (change.current.since ?? change.at);
  return {
    serviceId: change.serviceId,
    name: change.name,
    event,
    incident: `${change.serviceId}@${began}`,
    since: began,
    at: change.at,
  };
}

/** Every notification on: what to say is chosen by the alert's `events`, not the desktop's. */
let allOn: Settings | null = null;
function settingsAllOn(): Settings {
  allOn ??= {
    ...defaultSettings(),
    notifications: { enabled: true, down: true, degraded: true, recovered: true, offline: false },
  };
  return allOn;
}

/** Right-to-left text on an OS surface (a phone's notification): each line starts with U+200F. */
function directed(text: string, tr: Translator): string {
  return forSystem(text, tr.language);
}

/**
 * "Seen on October 4, 2021 at 03:40 PM GMT+2 by Vigie on shop-laptop." in the alert's language:
 * the date and the local time with its zone apart, worded by the language.
 */
export function footer(at: number, host: string, tr: Translator): string {
  return tr.dated(
    'alerts.footer',
    at,
    { host: tr.language === 'ar' ? `\u2068${host}\u2069` : host },
    { zone: true },
  );
}

/** A message: title, body with its footer, and what it is about. */
function message(
  title: string,
  body: string,
  items: readonly AlertItem[],
  change: VerdictChange | null,
  at: number,
  host: string,
  tr: Translator,
): AlertMessage {
  const first = items[0];
  return {
    title: directed(title, tr),
    body: directed(`${body}\n${footer(at, host, tr)}`, tr),
    event: first?.event ?? 'test',
    service: first ? { id: first.serviceId, name: first.name } : null,
    state: change?.current.state ?? null,
    cause: change?.current.cause ?? null,
    since: first?.since ?? null,
    urgent: items.some((i) => i.event === 'down'),
  };
}

/** An alert ready for the outbox: its items and its words. */
export interface ComposedAlert {
  readonly items: readonly AlertItem[];
  readonly message: AlertMessage;
}

/**
 * The alerts for one cycle's changes (already filtered by event and service): one per change,
 * or one grouped alert when three or more change at once.
 */
export function composeAlerts(
  changes: readonly VerdictChange[],
  snapshot: Snapshot,
  tr: Translator,
  now: number,
  host: string,
): ComposedAlert[] {
  const withItems = changes.flatMap((change) => {
    const event = eventOf(change);
    return event ? [{ change, item: itemOf(change, event) }] : [];
  });
  if (withItems.length === 0) return [];
  const ctx = { settings: settingsAllOn(), tr, now, snapshot };
  if (withItems.length >= GROUP_FROM) {
    const [notice] = noticesFor(
      withItems.map((x) => x.change),
      ctx,
    );
    if (!notice) return [];
    const items = withItems.map((x) => x.item);
    const at = Math.max(...items.map((i) => i.at));
    return [
      {
        items,
        message: message(
          notice.title,
          notice.body,
          items,
          withItems[0]?.change ?? null,
          at,
          host,
          tr,
        ),
      },
    ];
  }
  return withItems.flatMap(({ change, item }) => {
    const [notice] = noticesFor([change], ctx);
    if (!notice) return [];
    return [
      {
        items: [item],
        message: message(notice.title, notice.body, [item], change, item.at, host, tr),
      },
    ];
  });
}

/** A down and its recovery, both still to send: one message, "WhatsApp was down from 15:40 to 16:05". */
export function collapsedMessage(
  trouble: AlertItem,
  recovered: AlertItem,
  host: string,
  tr: Translator,
): AlertMessage {
  const state = trouble.event === 'down' ? 'down' : 'degraded';
  const title = tr.at(
    state === 'down' ? 'alerts.wasDown' : 'alerts.wasDegraded',
    trouble.since,
    recovered.at,
    { service: trouble.name, to: tr.time(recovered.at, recovered.at) },
    'from',
  );
  const body = tr.t('notify.recoveredBody', {
    state: tr.t(`state.${state}`),
    duration: tr.duration(recovered.at - trouble.since),
  });
  return {
    ...message(title, body, [recovered], null, recovered.at, host, tr),
    state: 'up',
    since: trouble.since,
  };
}

/** The test message of `alert-test` and the app's "Send a test". */
export function testMessage(
  channelId: string,
  now: number,
  host: string,
  tr: Translator,
): AlertMessage {
  return message(
    tr.t('alerts.testTitle'),
    tr.t('alerts.testBody', { channel: channelId }),
    [],
    null,
    now,
    host,
    tr,
  );
}
