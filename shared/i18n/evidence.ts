// The evidence of a verdict in the user's language, built from probe codes and targets (the
// engine's own `summary` and `detail` are English, for logs and the command line).
import { isDirectKind } from '../probes';
import type { Cause, ProbeResult } from '../types';
import type { Translator } from './index';

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
 * One sentence per telling probe, joined: what failed here, and what the provider says. With a
 * local cause (offline, captive portal, no DNS) nothing was judged, and it says so.
 */
export function localSummary(
  probes: readonly ProbeResult[],
  tr: Translator,
  cause?: Cause,
): string {
  const { t } = tr;
  if (cause === 'local') return t('evidence.local');
  const parts: string[] = [];
  let failing = 0;
  for (const probe of probes) {
    if (!isDirectKind(probe.kind) || probe.state === 'up') continue;
    failing++;
    const target = displayTarget(probe.target);
    parts.push(
      probe.code
        ? t(`evidence.${probe.code}`, { target, ms: probe.latencyMs })
        : t('evidence.other', { target }),
    );
  }
  const official = probes.filter((p) => !isDirectKind(p.kind));
  if (official.length > 0) {
    const answered = official.filter((p) => p.official);
    const telling = answered.find((p) => p.official?.state !== 'operational');
    if (answered.length === 0) parts.push(t('evidence.statusUnreachable'));
    else if (telling?.official)
      parts.push(t('evidence.statusSays', { description: telling.official.description }));
    else if (failing > 0) parts.push(t('evidence.statusFine'));
  }
  return parts.length > 0 ? parts.join(t('evidence.separator')) : t('evidence.allPassed');
}
