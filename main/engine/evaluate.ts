// The verdict table of DESIGN (Detection 3), first matching row wins. Pure: results in, verdict out.
import type { OfficialState, ProbeResult, Verdict, VerdictState, Cause } from '../../shared/types';
import { isDirectKind } from '../../shared/probes';
import { worstOfficial } from './sources/source';

/** What the official sources of a service say, all together. */
export type OfficialSays = OfficialState | 'unreachable' | 'none';

/** Combines a service's official results: the worst that answered; unreachable if none did. */
export function officialSays(results: readonly ProbeResult[]): OfficialSays {
  const official = results.filter((r) => !isDirectKind(r.kind));
  if (official.length === 0) return 'none';
  const reports = official.flatMap((r) => (r.official ? [r.official.state] : []));
  if (reports.length === 0) return 'unreachable';
  return worstOfficial(reports);
}

function verdict(
  state: VerdictState,
  cause: Cause,
  summary: string,
  probes: readonly ProbeResult[],
): Verdict {
  return { state, cause, summary, probes };
}

/** Evaluates one service's probe results into its verdict and cause. */
export function evaluate(probes: readonly ProbeResult[]): Verdict {
  const direct = probes.filter((r) => isDirectKind(r.kind));
  const says = officialSays(probes);
  const summary = summarize(probes, says);
  if (probes.length === 0) return verdict('unknown', null, 'no probe configured', probes);

  if (direct.length === 0) {
    // A service with only an official source takes the official state.
    switch (says) {
      case 'major':
        return verdict('down', 'provider', summary, probes);
      case 'degraded':
        return verdict('degraded', 'provider', summary, probes);
      case 'maintenance':
        return verdict('maintenance', 'provider', summary, probes);
      case 'operational':
        return verdict('up', null, summary, probes);
      case 'unreachable':
      case 'none':
        return verdict('unknown', null, summary, probes);
      default: {
        const never: never = says;
        return never;
      }
    }
  }

  const failing = direct.filter((r) => r.state === 'down');
  const allFail = failing.length === direct.length;
  const someFail = failing.length > 0;
  const slow = direct.some((r) => r.state === 'degraded');

  if (says === 'major') return verdict('down', 'provider', summary, probes);
  if (says === 'operational' && allFail) return verdict('down', 'network', summary, probes);
  if ((says === 'degraded' || says === 'maintenance' || says === 'unreachable') && allFail) {
    return verdict('down', 'provider', summary, probes);
  }
  if (says === 'none' && allFail) return verdict('down', 'unconfirmed', summary, probes);
  if (says === 'degraded') return verdict('degraded', 'provider', summary, probes);
  if (someFail || slow) return verdict('degraded', 'unconfirmed', summary, probes);
  if (says === 'maintenance') return verdict('maintenance', 'provider', summary, probes);
  return verdict('up', null, summary, probes);
}

/** One line a person reads: what failed, and what the provider says. */
export function summarize(probes: readonly ProbeResult[], says: OfficialSays): string {
  const parts: string[] = [];
  for (const r of probes) {
    if (isDirectKind(r.kind) && r.state !== 'up') parts.push(r.detail);
  }
  switch (says) {
    case 'unreachable':
      parts.push('status page unreachable');
      break;
    case 'none':
      break;
    case 'operational':
      if (parts.length > 0) parts.push('status page says all is well');
      break;
    case 'degraded':
    case 'major':
    case 'maintenance': {
      const report = probes.find((r) => r.official && r.official.state === says)?.official;
      const title = report?.messages[0]?.title;
      parts.push(`status page: ${report?.description ?? says}${title ? ` — "${title}"` : ''}`);
      break;
    }
    default: {
      const never: never = says;
      return never;
    }
  }
  if (parts.length === 0) {
    const direct = probes.filter((r) => isDirectKind(r.kind)).length;
    return direct > 0 ? `all ${direct} check(s) passed` : 'status page says all is well';
  }
  return parts.join('; ');
}
