// The evidence of a verdict in the user's language, built from probe codes and targets (the
// engine's own `summary` and `detail` are English, for logs and the command line).
import { assertNever } from '../errors';
import { collectorsOf, ooniEnough, ooniTally, routesWithdrawn } from '../context';
import { isDirectKind } from '../probes';
import type {
  Cause,
  ContextFailure,
  ProbeResult,
  PublicContext,
  SecondOpinion,
  Verdict,
} from '../types';
import type { IncidentEvidence } from '../history-types';
import { isolated, type Translator } from './index';

/** A probe target as a person knows it: the host name, without scheme, port or path. */
export function displayTarget(target: string): string {
  if (target.includes('://')) {
    try {
      return new URL(target).hostname;
    } catch {
      return target;
    }
  }
  return target.replace(/:\d+$/, '');
}

/**
 * What a failed direct probe found, in words: "chat.example answered with error 503" (the HTTP
 * status itself when the probe's detail has it), "DNS SERVFAIL for …", "no answer from …".
 */
export function failedProbeWords(
  probe: {
    readonly target: string;
    readonly code: string | null;
    readonly detail: string;
    readonly latencyMs?: number;
  },
  tr: Translator,
): string {
  const target = isolated(displayTarget(probe.target), tr.language);
  const status =
    probe.code === 'HTTP_STATUS' ? /^HTTP (\d{3})\b/.exec(probe.detail)?.[1] : undefined;
  if (status) return tr.t('evidence.HTTP_STATUS_code', { target, status });
  return probe.code
    ? tr.t(`evidence.${probe.code}`, { target, ms: probe.latencyMs ?? 0 })
    : tr.t('evidence.other', { target });
}

/**
 * One sentence per telling probe, joined: what failed here, and what the provider says (naming
 * `provider` when given). With a local cause (offline, captive portal, no DNS) nothing was
 * judged, and it says so.
 */
export function localSummary(
  probes: readonly ProbeResult[],
  tr: Translator,
  cause?: Cause,
  secondOpinion?: SecondOpinion | null,
  about: {
    /** Public context asked about this service, said with the service's name. */
    readonly context?: PublicContext | null | undefined;
    readonly service?: string;
    /** Whose status page it is (the command line names it: "Meta’s status of …"). */
    readonly provider?: string | undefined;
  } = {},
): string {
  const { provider } = about;
  const { t } = tr;
  if (cause === 'local') return t('evidence.local');
  const parts: string[] = [];
  let failing = 0;
  for (const probe of probes) {
    if (!isDirectKind(probe.kind) || probe.state === 'up') continue;
    failing++;
    // The same failure seen by several probes of one host (its name, its port, its page) is said once.
    const words = failedProbeWords(probe, tr);
    if (!parts.includes(words)) parts.push(words);
  }
  const official = probes.filter((p) => !isDirectKind(p.kind));
  if (official.length > 0) {
    const answered = official.filter((p) => p.official);
    const telling = answered.find((p) => p.official?.state !== 'operational');
    if (answered.length === 0) parts.push(t('evidence.statusUnreachable'));
    else if (telling?.official) {
      // The provider's own words, and the name of what it reports on, as they were written.
      const description = isolated(telling.official.description, tr.language);
      const subject = telling.official.subject && isolated(telling.official.subject, tr.language);
      // With the provider known (the command line), its page is named: "Meta’s status of …".
      const by = provider ? 'By' : '';
      parts.push(
        telling.scope === 'related' && subject
          ? t(`evidence.relatedSays${by}`, { subject, description, provider })
          : t(`evidence.statusSays${by}`, { description, provider }),
      );
    } else if (failing > 0) parts.push(t('evidence.statusFine'));
  }
  if (secondOpinion) parts.push(opinionEvidence(secondOpinion, tr));
  if (about.context) parts.push(...contextEvidence(about.context, about.service ?? '', tr));
  return parts.length > 0 ? parts.join(t('evidence.separator')) : t('evidence.allPassed');
}

const FAILURE_KEYS: Readonly<Record<string, string>> = {
  'rate-limited': 'evidence.opinionRateLimited',
  'no answer in time': 'evidence.opinionTimeout',
  'hourly limit reached': 'evidence.opinionHourly',
};

/** What other networks saw, in the user's language. */
export function opinionEvidence(opinion: SecondOpinion, tr: Translator): string {
  const { t } = tr;
  if (opinion.outcome === 'failed') {
    const reason = t(FAILURE_KEYS[opinion.failure ?? ''] ?? 'evidence.opinionUnavailable');
    return t('evidence.opinionFailed', { reason });
  }
  const { country, world } = opinion;
  const parts: string[] = [];
  if (country.code && country.asked > 0) {
    parts.push(
      t('evidence.opinionCountry', {
        count: country.reachable,
        asked: country.asked,
        country: tr.region(country.code),
      }),
    );
  }
  if (world.asked > 0) {
    parts.push(t('evidence.opinionWorld', { count: world.reachable, asked: world.asked }));
  }
  if (opinion.outcome === 'inconclusive') parts.unshift(t('evidence.opinionInconclusive'));
  return parts.reduce(
    (first, second) => (first ? t('evidence.joined', { first, second }) : second),
    '',
  );
}

const CONTEXT_REASONS: Readonly<Record<ContextFailure, string>> = {
  'rate-limited': 'context.reasonRateLimited',
  'no answer in time': 'context.reasonTimeout',
  unreachable: 'context.reasonUnreachable',
  unreadable: 'context.reasonUnreadable',
  'platform error': 'context.reasonPlatformError',
  'hourly limit reached': 'context.reasonHourly',
};

/** The names OONI gives its app tests, as a person knows the apps. */
const OONI_TESTS: Readonly<Record<string, string>> = {
  whatsapp: 'WhatsApp',
  facebook_messenger: 'Messenger',
  telegram: 'Telegram',
  signal: 'Signal',
  web_connectivity: 'web',
};

/**
 * What public measurement platforms saw, one line each, with its source and its time: the routes
 * to the provider's name servers (RIPE RIS), OONI's tests in the country, IODA's outage events.
 */
export function contextEvidence(context: PublicContext, service: string, tr: Translator): string[] {
  const { t } = tr;
  const lines: string[] = [];
  const at = (time: number) => tr.time(time, time);
  const reason = (failure: ContextFailure) => t(CONTEXT_REASONS[failure]);
  const { routes, ooni, ioda } = context;
  if (routes) {
    if (routes.failure) lines.push(t('context.routesFailed', { reason: reason(routes.failure) }));
    else if (routesWithdrawn(context)) {
      const count = collectorsOf(routes.prefixes);
      lines.push(t('context.routesWithdrawn', { service, count, time: at(routes.checkedAt) }));
    } else lines.push(t('context.routesAnnounced', { service, time: at(routes.checkedAt) }));
  }
  if (ooni) {
    const country = tr.region(ooni.country);
    if (ooni.failure) lines.push(t('context.ooniFailed', { reason: reason(ooni.failure) }));
    else if (!ooniEnough(ooni)) {
      lines.push(t('context.ooniNotEnough', { country, tests: ooniTally(ooni).tests }));
    } else {
      const tally = ooniTally(ooni);
      lines.push(
        t('context.ooniAnomalies', {
          anomalies: tally.anomalies,
          count: tally.tests,
          test: OONI_TESTS[ooni.test] ?? ooni.test,
          country,
          networks: tally.anomalousNetworks,
          time: at(ooni.checkedAt),
        }),
      );
    }
  }
  if (ioda) {
    const country = tr.region(ioda.country);
    if (ioda.failure) lines.push(t('context.iodaFailed', { reason: reason(ioda.failure) }));
    else if (ioda.outage) {
      lines.push(t('context.iodaOutage', { country, since: at(ioda.outage.since) }));
    } else lines.push(t('context.iodaQuiet', { country, time: at(ioda.checkedAt) }));
  }
  return lines;
}

/** What a verdict's cause rests on: a status page, a related product's page, or other networks. */
export type CauseBasis =
  | { readonly kind: 'status' }
  | { readonly kind: 'related'; readonly subject: string }
  | { readonly kind: 'opinion' }
  | { readonly kind: 'routes' }
  | { readonly kind: 'none' };

/** The evidence a verdict's cause rests on, so every surface words it the same way. */
export function causeBasis(
  verdict: Pick<Verdict, 'cause' | 'probes' | 'secondOpinion' | 'context'>,
): CauseBasis {
  const outcome = verdict.secondOpinion?.outcome;
  switch (verdict.cause) {
    case 'provider': {
      const major = verdict.probes.find((p) => p.official?.state === 'major');
      if (major?.scope === 'related') {
        return { kind: 'related', subject: major.official?.subject ?? major.target };
      }
      if (major) return { kind: 'status' };
      if (routesWithdrawn(verdict.context)) return { kind: 'routes' };
      return outcome === 'everywhere' ? { kind: 'opinion' } : { kind: 'status' };
    }
    case 'network':
      return outcome === 'network' ? { kind: 'opinion' } : { kind: 'status' };
    case 'regional':
      return { kind: 'opinion' };
    case 'local':
    case 'unconfirmed':
    case null:
      return { kind: 'none' };
    default:
      return assertNever(verdict.cause, 'cause');
  }
}

/**
 * An incident's recorded evidence in the reader's words, one finding after another: the second
 * opinion's counts, what public platforms saw, or what a failed probe found (the engine's own detail
 * is English; the reader gets the finding in words).
 */
export function recordedEvidenceWords(
  evidence: readonly IncidentEvidence[],
  tr: Translator,
): string {
  const separator = tr.t('evidence.separator');
  return evidence
    .map((e) =>
      e.opinion
        ? opinionEvidence(e.opinion, tr)
        : e.context
          ? contextEvidence(e.context, e.target, tr).join(separator)
          : failedProbeWords(e, tr),
    )
    .join(separator);
}
