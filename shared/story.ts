// The overall state in words — one story for every surface. The tray's icon, tooltip and menu
// headline, the window's banner and the command line's "Overall" line all come from this one
// function of the snapshot, so they can never disagree: what the state is, who is at fault,
// since when. Maintenance and services that cannot be checked count, and before the first
// check the story is "checking", never green.
import { assertNever } from './errors';
import { contextCountry, countryFinding } from './context';
import type { Translator } from './i18n';
import { causeBasis, type CauseBasis } from './i18n/evidence';
import { attentionService, isTrouble, sortServices } from './severity';
import type { OverallState, ServiceStatus, Snapshot } from './types';

/** How loud the story is: the banner's colour, the tray's urgency. */
export type Tone = 'ok' | 'warning' | 'danger' | 'muted';

/** The tray icon for a story: an overall state, or "checking" before the first check. */
export type StoryIcon = OverallState | 'checking';

export interface Story {
  readonly icon: StoryIcon;
  readonly tone: Tone;
  /** A few words: the tray menu's first line, the command line's "Overall:". */
  readonly headline: string;
  /** One sentence answering "is it me, my network, or them?", with since when. */
  readonly sentence: string;
}

/** Tells the snapshot's story in the translator's language; `now` words the times. */
export function story(snapshot: Snapshot, tr: Translator, now: number): Story {
  const { t } = tr;
  if (snapshot.overall === 'paused') {
    return {
      icon: 'paused',
      tone: 'muted',
      headline: t('overall.paused'),
      sentence: snapshot.pausedUntil
        ? tr.at('window.bannerPaused', snapshot.pausedUntil, now, {}, 'until')
        : t('window.bannerPausedIndefinitely'),
    };
  }
  if (snapshot.checkedAt === 0) {
    return {
      icon: 'checking',
      tone: 'muted',
      headline: t('overall.checking'),
      sentence: t('window.bannerChecking'),
    };
  }
  if (snapshot.connectivity.state !== 'online' || snapshot.overall === 'offline') {
    const [headline, sentence] = (
      {
        online: ['overall.offline', 'window.bannerOffline'],
        offline: ['overall.offline', 'window.bannerOffline'],
        captive: ['overall.captive', 'window.bannerCaptive'],
        'dns-broken': ['overall.dnsBroken', 'window.bannerDnsBroken'],
      } as const
    )[snapshot.connectivity.state];
    return { icon: 'offline', tone: 'muted', headline: t(headline), sentence: t(sentence) };
  }
  const troubled = sortServices(snapshot.services).filter((s) => isTrouble(s.state));
  const worst = troubled[0];
  if (worst) return troubleStory(snapshot, worst, troubled.length - 1, tr, now);
  // Nothing down or degraded: a service in maintenance or not judged still keeps the tray amber.
  const attention = attentionService(snapshot.services);
  if (!attention) {
    return { icon: 'ok', tone: 'ok', headline: t('overall.ok'), sentence: t('window.bannerOk') };
  }
  const values = {
    service: attention.name,
    provider: attention.provider ?? t('notify.theProvider'),
  };
  const maintenance = attention.state === 'maintenance';
  const since = attention.since ?? attention.checkedAt;
  return {
    icon: snapshot.overall === 'ok' ? 'degraded' : snapshot.overall,
    tone: 'warning',
    headline: t(maintenance ? 'overall.maintenance' : 'overall.unknown'),
    sentence: tr.at(
      maintenance ? 'window.bannerMaintenance' : 'window.bannerUnknown',
      since,
      now,
      values,
      'since',
    ),
  };
}

function troubleStory(
  snapshot: Snapshot,
  worst: ServiceStatus,
  others: number,
  tr: Translator,
  now: number,
): Story {
  const { t } = tr;
  const values = {
    service: worst.name,
    state: t(`state.${worst.state}`),
    provider: worst.provider ?? t('notify.theProvider'),
  };
  const basis = causeBasis(worst);
  const withSubject = basis.kind === 'related' ? { ...values, subject: basis.subject } : values;
  const country = contextCountry(worst.context) ?? worst.secondOpinion?.country.code;
  const withCountry = country ? { ...withSubject, country: tr.region(country) } : withSubject;
  const since = worst.since ?? worst.checkedAt;
  const sentence = tr.at(troubleKey(worst, basis), since, now, withCountry, 'since');
  // The engine's overall state (a non-critical service may be held at "degraded").
  const icon = snapshot.overall === 'ok' ? 'degraded' : snapshot.overall;
  return {
    icon,
    tone: worst.state === 'down' && icon === 'outage' ? 'danger' : 'warning',
    headline: t(`overall.${icon}`),
    sentence: others > 0 ? t('window.bannerWithMore', { sentence, count: others }) : sentence,
  };
}

/** The sentence for the worst service, from its cause and what the cause rests on. */
function troubleKey(worst: ServiceStatus, basis: CauseBasis): string {
  switch (worst.cause) {
    case 'network':
      return basis.kind === 'opinion' ? 'window.bannerNetworkOpinion' : 'window.bannerNetwork';
    case 'regional': {
      // "Blocked" only when the second opinion, OONI and IODA agree (shared/context.ts).
      const finding = countryFinding(worst);
      if (finding === 'blocked') return 'context.bannerBlocked';
      return finding === 'disruption' ? 'context.bannerDisruption' : 'window.bannerRegional';
    }
    case 'provider':
      if (worst.state !== 'down') return 'window.bannerProviderDegraded';
      if (basis.kind === 'related') return 'window.bannerProviderRelated';
      if (basis.kind === 'routes') return 'context.bannerRoutes';
      return basis.kind === 'opinion' ? 'window.bannerProviderOpinion' : 'window.bannerProvider';
    case 'local':
    case 'unconfirmed':
    case null:
      return 'window.bannerUnconfirmed';
    default:
      return assertNever(worst.cause, 'cause');
  }
}
