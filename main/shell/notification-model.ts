// Which notifications a cycle's confirmed changes deserve, computed as plain data: never on a
// single failed probe (changes are confirmed by the scheduler), quiet hours, muted services, and
// one grouped notice when three or more services change at once (no storms). The grouped and the
// offline notices tell the snapshot's story (shared/story.ts), in the very words of the tray and
// the window's banner.
import { contextCountry, countryFinding } from '../../shared/context';
import { forSystem, sentenceStart, type Translator } from '../../shared/i18n';
import { causeBasis, localSummary } from '../../shared/i18n/evidence';
import type { Settings } from '../../shared/settings-schema';
import { story } from '../../shared/story';
import type { ServiceStatus, Snapshot, VerdictChange } from '../../shared/types';

/** One notification to show. */
export interface Notice {
  readonly title: string;
  readonly body: string;
  /** The service the click opens in the window (none for grouped or offline notices). */
  readonly serviceId?: string;
}

export interface NoticeContext {
  readonly settings: Settings;
  readonly tr: Translator;
  readonly now: number;
  /** The snapshot these changes led to. */
  readonly snapshot: Snapshot;
}

/** Services changing together in one cycle from which on the notices are grouped. */
export const GROUP_FROM = 3;

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether `now` falls in the quiet hours (which may run past midnight). */
export function inQuietHours(settings: Settings, now: number): boolean {
  if (!settings.quietHours.enabled) return false;
  const d = new Date(now);
  const minute = d.getHours() * 60 + d.getMinutes();
  const from = minutesOf(settings.quietHours.from);
  const to = minutesOf(settings.quietHours.to);
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

const TROUBLE = new Set(['down', 'degraded']);

/** A country-level notice: blocked only when the sources agree, a disruption when IODA sees one. */
function regionalNotice(
  current: ServiceStatus,
  service: string,
  summary: string,
  tr: Translator,
): { readonly title: string; readonly body: string } {
  const { t } = tr;
  const code = contextCountry(current.context) ?? current.secondOpinion?.country.code;
  const country = code ? tr.region(code) : '';
  switch (countryFinding(current)) {
    case 'blocked':
      return {
        title: t('context.notifyBlocked', { service, country }),
        body: t('context.notifyBlockedBody', { summary }),
      };
    case 'disruption':
      return {
        title: t('context.notifyDisruption', { country }),
        body: t('context.notifyDisruptionBody', { service, summary }),
      };
    default:
      return {
        title: t('notify.downRegional', { service }),
        body: t('notify.downRegionalBody', { summary }),
      };
  }
}

function noticeFor(change: VerdictChange, ctx: NoticeContext): Notice | null {
  const { t } = ctx.tr;
  const { current, previous } = change;
  const prefs = ctx.settings.notifications;
  const service = current.name;
  const provider = current.provider ?? t('notify.theProvider');
  // Every body puts the evidence after a full stop: it starts a sentence.
  const summary = sentenceStart(
    localSummary(current.probes, ctx.tr, current.cause, current.secondOpinion, {
      context: current.context,
      service,
    }),
    ctx.tr.language,
  );
  const basis = causeBasis(current);
  const base = { serviceId: change.serviceId };
  if (current.state === 'down' && prefs.down) {
    switch (current.cause) {
      case 'provider':
        return {
          ...base,
          title: t('notify.downProvider', { service }),
          body:
            basis.kind === 'related'
              ? t('notify.downProviderRelatedBody', { provider, subject: basis.subject, summary })
              : basis.kind === 'routes'
                ? t('context.notifyRoutesBody', { service, summary })
                : basis.kind === 'opinion'
                  ? t('notify.downProviderOpinionBody', { summary })
                  : t('notify.downProviderBody', { provider, summary }),
        };
      case 'network':
        return {
          ...base,
          title: t('notify.downNetwork', { service }),
          body:
            basis.kind === 'opinion'
              ? t('notify.downNetworkOpinionBody', { summary })
              : t('notify.downNetworkBody', { provider, service, summary }),
        };
      case 'regional':
        return { ...base, ...regionalNotice(current, service, summary, ctx.tr) };
      default:
        return {
          ...base,
          title: t('notify.downUnconfirmed', { service }),
          body: t('notify.downUnconfirmedBody', { summary }),
        };
    }
  }
  if (current.state === 'degraded' && prefs.degraded && previous?.state !== 'down') {
    return {
      ...base,
      title: t('notify.degraded', { service }),
      body: t('notify.degradedBody', { summary }),
    };
  }
  if (current.state === 'up' && previous && TROUBLE.has(previous.state) && prefs.recovered) {
    const began = previous.since ?? previous.checkedAt;
    return {
      ...base,
      title: t('notify.recovered', { service }),
      body: t('notify.recoveredBody', {
        state: t(`state.${previous.state}`),
        duration: ctx.tr.duration(change.at - began),
      }),
    };
  }
  return null;
}

/** The notices for one cycle's changes, each line set for the system's layout. */
export function noticesFor(changes: readonly VerdictChange[], ctx: NoticeContext): Notice[] {
  return noticesIn(changes, ctx).map((n) => ({
    ...n,
    title: forSystem(n.title, ctx.tr.language),
    body: forSystem(n.body, ctx.tr.language),
  }));
}

function noticesIn(changes: readonly VerdictChange[], ctx: NoticeContext): Notice[] {
  const prefs = ctx.settings.notifications;
  if (!prefs.enabled || changes.length === 0 || inQuietHours(ctx.settings, ctx.now)) return [];
  const { t } = ctx.tr;
  // Losing the connection makes every service "unknown, local": one notice, and only if asked.
  const offline = changes.filter((c) => c.current.cause === 'local');
  const notices: Notice[] = [];
  const told = story(ctx.snapshot, ctx.tr, ctx.now);
  if (offline.length > 0 && prefs.offline)
    notices.push({ title: told.headline, body: told.sentence });
  const perService = changes
    .filter((c) => c.current.cause !== 'local' && !ctx.settings.services[c.serviceId]?.muted)
    .map((c) => ({ change: c, notice: noticeFor(c, ctx) }))
    .filter((x): x is { change: VerdictChange; notice: Notice } => x.notice !== null);
  if (perService.length >= GROUP_FROM) {
    const list = ctx.tr.list(
      perService.map((x) =>
        t('menu.serviceLine', {
          service: x.change.name,
          state: t(`state.${x.change.current.state}`),
        }),
      ),
      'plain',
    );
    notices.push({
      title: t('notify.group', { count: perService.length }),
      body: t('notify.groupBody', { sentence: told.sentence, list }),
    });
  } else {
    notices.push(...perService.map((x) => x.notice));
  }
  return notices;
}
