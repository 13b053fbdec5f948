// Derived view data, computed from plain data (STYLE 8): no logic inside JSX.
import type { Translator } from '../shared/i18n';
import { reachedLatency } from '../shared/probes';
import { causeBasis, type CauseBasis } from '../shared/i18n/evidence';
import { attentionService, isTrouble, sortServices } from '../shared/severity';
import type { ServiceStatus, Snapshot } from '../shared/types';

export { sortServices } from '../shared/severity';

export type Tone = 'ok' | 'warning' | 'danger' | 'muted';

/** The banner: the overall state in words, and since when. */
export interface Banner {
  readonly tone: Tone;
  readonly text: string;
}

/** Answers "is it me, my network, or them?" in one sentence. */
export function banner(snapshot: Snapshot, tr: Translator, now: number): Banner {
  const { t } = tr;
  if (snapshot.overall === 'paused') {
    return {
      tone: 'muted',
      text: snapshot.pausedUntil
        ? t('window.bannerPaused', { until: tr.time(snapshot.pausedUntil, now) })
        : t('window.bannerPausedIndefinitely'),
    };
  }
  if (snapshot.checkedAt === 0) return { tone: 'muted', text: t('window.bannerChecking') };
  switch (snapshot.connectivity.state) {
    case 'offline':
      return { tone: 'muted', text: t('window.bannerOffline') };
    case 'captive':
      return { tone: 'muted', text: t('window.bannerCaptive') };
    case 'dns-broken':
      return { tone: 'muted', text: t('window.bannerDnsBroken') };
    case 'online':
      break;
    default: {
      const never: never = snapshot.connectivity.state;
      return never;
    }
  }
  const troubled = sortServices(snapshot.services).filter((s) => isTrouble(s.state));
  const worst = troubled[0];
  if (!worst) {
    // Nothing down or degraded; the tray may still be amber for maintenance or a service not judged.
    const attention = attentionService(snapshot.services);
    if (!attention) return { tone: 'ok', text: t('window.bannerOk') };
    const values = {
      service: attention.name,
      since: tr.time(attention.since ?? attention.checkedAt, now),
      provider: attention.provider ?? t('notify.theProvider'),
    };
    return {
      tone: 'warning',
      text:
        attention.state === 'maintenance'
          ? t('window.bannerMaintenance', values)
          : t('window.bannerUnknown', values),
    };
  }
  const values = {
    service: worst.name,
    state: t(`state.${worst.state}`),
    since: tr.time(worst.since ?? worst.checkedAt, now),
    provider: worst.provider ?? t('notify.theProvider'),
  };
  const basis = causeBasis(worst);
  const key = bannerKey(worst, basis);
  const withSubject = basis.kind === 'related' ? { ...values, subject: basis.subject } : values;
  const more =
    troubled.length > 1 ? ` ${t('window.bannerMore', { count: troubled.length - 1 })}` : '';
  return {
    tone: worst.state === 'down' ? 'danger' : 'warning',
    text: `${t(key, withSubject)}${more}`,
  };
}

/** The banner sentence for the worst service, from its cause and what the cause rests on. */
function bannerKey(worst: ServiceStatus, basis: CauseBasis): string {
  switch (worst.cause) {
    case 'network':
      return basis.kind === 'opinion' ? 'window.bannerNetworkOpinion' : 'window.bannerNetwork';
    case 'regional':
      return 'window.bannerRegional';
    case 'provider':
      if (worst.state !== 'down') return 'window.bannerProviderDegraded';
      if (basis.kind === 'related') return 'window.bannerProviderRelated';
      return basis.kind === 'opinion' ? 'window.bannerProviderOpinion' : 'window.bannerProvider';
    case 'local':
    case 'unconfirmed':
    case null:
      return 'window.bannerUnconfirmed';
    default: {
      const never: never = worst.cause;
      return never;
    }
  }
}

/** The latency a row shows: the slowest passing direct probe of the last check, if any. */
export function latencyOf(service: ServiceStatus): number | null {
  return reachedLatency(service.probes);
}
