// The desktop notification as an alert channel: the app's notices (main/shell/notification-model.ts)
// are shown through `send()`, like an alert through ntfy. No Electron here: the app hands in how
// a notification is shown and what a click opens (main/app/index.ts).
//
// A local channel never goes through the outbox: a notice shown late tells a state that is over,
// a retried one shows twice, and one kept across a restart would wake the user about yesterday.
// It is shown at once or not at all; a refusal of the OS is said as a `broken` outcome.
import type { Run } from '../../shared/checklist-types';
import { forSystem, type Translator } from '../../shared/i18n';
import type { VerdictChange } from '../../shared/types';
import type { Notice } from '../shell/notification-model';
import {
  localMessage,
  type AlertChannel,
  type AlertMessage,
  type ClickTarget,
  type Outcome,
} from './channel';

/** What the desktop offers: the app's Electron adapter, or a test's recorder. */
export interface Desktop {
  /** Whether this system shows notifications at all. */
  supported(): boolean;
  /** Shows one notification; `onClick` runs when the user clicks it. */
  show(title: string, body: string, onClick: () => void): void;
  /** Opens the window on what a click asks for (absent: the window as it is). */
  open(target: ClickTarget | undefined): void;
}

const ACCEPTED: Outcome = { kind: 'accepted' };

/** The desktop notification channel: shows the message at once, before its promise settles. */
export function desktopChannel(desktop: Desktop): AlertChannel {
  return {
    id: 'desktop',
    kind: 'desktop',
    dependsOn: [],
    send(message) {
      if (!desktop.supported())
        return Promise.resolve({
          kind: 'broken',
          reason: { key: 'localChannels.desktopUnsupported' },
        });
      try {
        desktop.show(message.title, message.body, () => desktop.open(message.opens));
      } catch {
        // The OS's own words (often none, or English) stay out of the user's language.
        return Promise.resolve({ kind: 'broken', reason: { key: 'localChannels.desktopRefused' } });
      }
      return Promise.resolve(ACCEPTED);
    },
    close: () => Promise.resolve(),
  };
}

/**
 * A notice as the desktop channel's message. An outage that opened a checklist offers it, and a
 * click opens the run; a notice about one service opens that service; any other, the window.
 */
export function desktopMessage(
  notice: Notice,
  changes: readonly VerdictChange[],
  started: readonly Run[],
  tr: Translator,
): AlertMessage {
  const about = notice.serviceId;
  const run = about ? started.find((r) => r.services.some((s) => s.id === about)) : undefined;
  // On a line of its own: the body may end on evidence with no full stop ("… for web.whatsapp.com").
  const body = run
    ? `${notice.body}\n${forSystem(tr.t('checklist.openNotice'), tr.language)}`
    : notice.body;
  const opens: ClickTarget | undefined = run
    ? { runId: run.id }
    : about
      ? { serviceId: about }
      : undefined;
  const change = about ? (changes.find((c) => c.serviceId === about) ?? null) : null;
  return localMessage(notice.title, body, change, opens);
}
