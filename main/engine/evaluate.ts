// The verdict table (docs/design.md#verdict), first matching row wins. Pure: results in, verdict out.
import { assertNever } from '../../shared/errors';
import type {
  Cause,
  OfficialScope,
  OfficialState,
  ProbeResult,
  PublicContext,
  SecondOpinion,
  Verdict,
  VerdictState,
} from '../../shared/types';
import { causeBasis } from '../../shared/i18n/evidence';
import { opinionWords } from '../../shared/opinion';
import { isDirectKind, unreachableFromHere } from '../../shared/probes';
import { worstOfficial } from './sources/source';

/** What the official sources of a service say, all together. */
export type OfficialSays = OfficialState | 'unreachable' | 'none';

/** The scope of an official result (`service` unless it says otherwise). */
export function scopeOf(result: ProbeResult): OfficialScope {
  return result.scope ?? 'service';
}

/** Combines a service's official results (of one scope, or all): the worst that answered; unreachable if none did. */
export function officialSays(results: readonly ProbeResult[], scope?: OfficialScope): OfficialSays {
  const official = results.filter(
    (r) => !isDirectKind(r.kind) && (scope === undefined || scopeOf(r) === scope),
  );
  if (official.length === 0) return 'none';
  const reports = official.flatMap((r) => (r.official ? [r.official.state] : []));
  if (reports.length === 0) return 'unreachable';
  return worstOfficial(reports);
}

function verdict(
  state: VerdictState,
  cause: Cause,
  probes: readonly ProbeResult[],
  secondOpinion: SecondOpinion | null,
  context: PublicContext | null = null,
): Verdict {
  // The summary is written once the verdict is known (evaluate), with who is at fault first.
  return { state, cause, summary: '', probes, secondOpinion, ...(context ? { context } : {}) };
}

/** A service with only official sources takes their state; unknown when none answers. */
function officialOnly(probes: readonly ProbeResult[]): Verdict {
  const says = officialSays(probes);
  switch (says) {
    case 'major':
      return verdict('down', 'provider', probes, null);
    case 'degraded':
      return verdict('degraded', 'provider', probes, null);
    case 'maintenance':
      return verdict('maintenance', 'provider', probes, null);
    case 'operational':
      return verdict('up', null, probes, null);
    case 'unreachable':
    case 'none':
      return verdict('unknown', null, probes, null);
    default:
      return assertNever(says, 'source state');
  }
}

/** The cause a conclusive second opinion gives an unreachable service, or null. */
function opinionCause(opinion: SecondOpinion | null): Cause {
  if (!opinion) return null;
  switch (opinion.outcome) {
    case 'everywhere':
      return 'provider';
    case 'country':
      return 'regional';
    case 'network':
      return 'network';
    case 'inconclusive':
    case 'failed':
      return null;
    default:
      return assertNever(opinion.outcome, 'second-opinion outcome');
  }
}

/**
 * Evaluates one service's probe results (and the second opinion and public context, when they
 * were asked) into its verdict and cause. The summary says first who is at fault, as the banner
 * does (naming `provider`, the service's own), then the evidence.
 */
export function evaluate(
  probes: readonly ProbeResult[],
  secondOpinion: SecondOpinion | null = null,
  context: PublicContext | null = null,
  provider?: string,
): Verdict {
  const judged = judge(probes, secondOpinion, context);
  const lead = verdictLead(judged, provider ?? THE_PROVIDER);
  const summary = summarize(probes, secondOpinion, provider);
  return { ...judged, summary: lead ? `${lead}; ${summary}` : summary };
}

/** Who the provider is when the service does not say (the banner's own words). */
const THE_PROVIDER = 'the platform';

/**
 * What the verdict means, in the banner's words (shared/story.ts, on the same evidence): "down
 * for everyone — Meta reports a major disruption of WhatsApp Business Platform". Null when nobody
 * is known to be at fault.
 */
export function verdictLead(verdict: Verdict, provider: string): string | null {
  const basis = causeBasis(verdict);
  switch (verdict.cause) {
    case 'provider':
      if (verdict.state === 'maintenance') return `in maintenance, as ${provider} announced`;
      if (verdict.state !== 'down') return `problems — ${provider} reports them`;
      // A related page that names no product is quoted as the provider's page, not by its URL.
      if (basis.kind === 'related' && verdict.probes.some((p) => p.official?.subject)) {
        return `down for everyone — ${provider} reports a major disruption of ${basis.subject}`;
      }
      if (basis.kind === 'routes') {
        return `down for everyone — ${provider}’s routes to its name servers were withdrawn`;
      }
      return basis.kind === 'opinion'
        ? 'down for everyone — checks from other networks confirm it'
        : `down for everyone — ${provider}’s status page confirms`;
    case 'regional':
      return 'unreachable from your country; networks elsewhere reach it';
    case 'network':
      return basis.kind === 'opinion'
        ? 'your connection cannot reach it, while other networks in your country can'
        : `your network may be blocking it: ${provider} says all is well`;
    case 'local':
    case 'unconfirmed':
    case null:
      return null;
    default:
      return assertNever(verdict.cause, 'cause');
  }
}

/** The verdict table, first matching row wins. */
function judge(
  probes: readonly ProbeResult[],
  secondOpinion: SecondOpinion | null,
  context: PublicContext | null,
): Verdict {
  if (probes.length === 0) return verdict('unknown', null, probes, null);
  const direct = probes.filter((r) => isDirectKind(r.kind));
  if (direct.length === 0) return officialOnly(probes);

  const any = officialSays(probes);
  const own = officialSays(probes, 'service');
  const unreachable = unreachableFromHere(probes);
  const partial = direct.some((r) => r.state !== 'up');

  if (any === 'major') return verdict('down', 'provider', probes, secondOpinion, context);
  if (unreachable) {
    // Every route to the provider's own name servers withdrawn (RIPE RIS): down for everyone.
    if (context?.routes?.withdrawn) {
      return verdict('down', 'provider', probes, secondOpinion, context);
    }
    const settled = opinionCause(secondOpinion);
    if (settled) return verdict('down', settled, probes, secondOpinion, context);
    if (own === 'operational') return verdict('down', 'network', probes, secondOpinion, context);
    if (own === 'degraded' || own === 'maintenance') {
      return verdict('down', 'provider', probes, secondOpinion, context);
    }
    return verdict('down', 'unconfirmed', probes, secondOpinion, context);
  }
  if (any === 'degraded') return verdict('degraded', 'provider', probes, secondOpinion, context);
  if (partial) return verdict('degraded', 'unconfirmed', probes, secondOpinion, context);
  if (own === 'maintenance') {
    return verdict('maintenance', 'provider', probes, secondOpinion, context);
  }
  return verdict('up', null, probes, secondOpinion, context);
}

/** What one answering official result says, in English: whose page, and for which product. */
function officialWords(result: ProbeResult, provider: string | undefined): string {
  const report = result.official;
  if (!report) return 'status page unreachable';
  const title = report.messages[0]?.title;
  const page = provider ? `${provider}’s status page` : 'status page';
  const who = scopeOf(result) === 'related' && report.subject ? `${report.subject}: ` : '';
  return `${page}: ${who}${report.description}${title ? ` — "${title}"` : ''}`;
}

/** One line a person reads: what failed, what the provider says, and what other networks saw. */
export function summarize(
  probes: readonly ProbeResult[],
  secondOpinion: SecondOpinion | null = null,
  provider?: string,
): string {
  const parts: string[] = [];
  for (const r of probes) {
    if (isDirectKind(r.kind) && r.state !== 'up') parts.push(r.detail);
  }
  const official = probes.filter((r) => !isDirectKind(r.kind));
  const answered = official.filter((r) => r.official);
  const telling = answered.filter((r) => r.official?.state !== 'operational');
  if (official.length > 0 && answered.length === 0) parts.push('status page unreachable');
  else if (telling.length > 0) {
    const worst = worstOfficial(telling.map((r) => r.official?.state ?? 'operational'));
    const first = telling.find((r) => r.official?.state === worst);
    if (first) parts.push(officialWords(first, provider));
  } else if (answered.length > 0 && parts.length > 0) parts.push('status page says all is well');
  if (secondOpinion) parts.push(opinionWords(secondOpinion));
  if (probes.length === 0) return 'no probe configured';
  if (parts.length === 0) {
    const direct = probes.filter((r) => isDirectKind(r.kind)).length;
    return direct === 1
      ? 'the check passed'
      : direct > 1
        ? `all ${direct} checks passed`
        : 'status page says all is well';
  }
  return parts.join('; ');
}
