// Formatting for the window, in the chosen language through Intl: percentages, byte counts,
// dates, an incident's span, one probe's result in words. Pure, so it is unit-tested.
import type { DayCell, Incident, IncidentEvidence, LatencyPoint } from '../shared/history-types';
import { intlLocale, isolated, type Translator } from '../shared/i18n';
import {
  contextEvidence,
  displayTarget,
  failedProbeWords,
  opinionEvidence,
} from '../shared/i18n/evidence';
import { isDirectKind } from '../shared/probes';
import type { ProbeResult } from '../shared/types';

export { formatBytes, formatRatio } from '../shared/format';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Thu, Nov 26" in the language (one formatter per language: the 90-day bar asks 180 times). */
export function formatDay(day: number, tr: Translator): string {
  let format = dayFormats.get(tr.language);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(tr.language), {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    });
    dayFormats.set(tr.language, format);
  }
  return format.format(day);
}

/** The word for a day's state. */
export function dayStateWord(cell: DayCell, tr: Translator): string {
  return cell.state === 'none' ? tr.t('window.none') : tr.t(`state.${cell.state}`);
}

/** Incidents that overlap a local day (which runs from `day` to the next midnight). */
export function incidentsOnDay(
  incidents: readonly Incident[],
  day: number,
  now: number,
): Incident[] {
  const next = new Date(day);
  next.setDate(next.getDate() + 1);
  return incidents.filter((i) => i.start < next.getTime() && (i.end ?? now) >= day);
}

/** When it started and how long it lasted (or has lasted so far). */
export function incidentSpan(incident: Incident, tr: Translator, now: number): string {
  const started = tr.at('incidents.started', incident.start, now);
  const dot = (a: string, b: string) => tr.t('join.dot', { a, b });
  if (incident.end === null)
    return dot(
      started,
      tr.t('incidents.ongoingFor', { duration: tr.duration(now - incident.start) }),
    );
  return dot(
    dot(started, tr.at('incidents.ended', incident.end, now)),
    tr.t('incidents.lasted', { duration: tr.duration(incident.end - incident.start) }),
  );
}

/** One probe's result in words: what failed, or how fast it answered, or what the page says. */
export function probeLine(probe: ProbeResult | IncidentEvidence, tr: Translator): string {
  const target = isolated(displayTarget(probe.target), tr.language);
  const latency = 'latencyMs' in probe ? probe.latencyMs : 0;
  if ('opinion' in probe && probe.opinion) return opinionEvidence(probe.opinion, tr);
  if ('context' in probe && probe.context) {
    return contextEvidence(probe.context, probe.target, tr).join(tr.t('evidence.separator'));
  }
  if (!isDirectKind(probe.kind as ProbeResult['kind'])) {
    const official = 'official' in probe ? probe.official : undefined;
    if (official)
      return official.state === 'operational'
        ? tr.t('evidence.officialUp')
        : tr.t('evidence.statusSays', { description: official.description });
    if (probe.state === 'up') return tr.t('evidence.officialUp');
    // Stored evidence keeps the provider's own words as its detail; unknown means unreadable.
    return probe.state === 'unknown'
      ? tr.t('evidence.statusUnreachable')
      : tr.t('evidence.statusSays', { description: probe.detail });
  }
  if (probe.state === 'up') return tr.t('evidence.answered', { target, ms: latency });
  return failedProbeWords({ ...probe, latencyMs: latency }, tr);
}

/** The kind of a probe in words ("name look-up (DNS)"). */
export function probeKind(kind: string, tr: Translator): string {
  return isDirectKind(kind as ProbeResult['kind'])
    ? tr.t(`service.kind_${kind}`)
    : tr.t('service.kind_official');
}

/** Typical and slow response time over a series: the median of p50s, the highest p95. */
export function latencySummary(
  points: readonly LatencyPoint[],
): { p50: number; p95: number } | null {
  if (points.length === 0) return null;
  const p50s = points.map((p) => p.p50).sort((a, b) => a - b);
  const p95 = points.reduce((max, p) => Math.max(max, p.p95), 0);
  return { p50: Math.round(p50s[Math.floor(p50s.length / 2)] ?? 0), p95: Math.round(p95) };
}
