// One service: its state now, uptime over 24 h / 7 d / 30 d / 90 d, 90 days day by day, response
// time over a chosen period, the evidence of the last check, and what the provider says.
import { useMemo, useState } from 'react';
import { DAY } from '../../shared/durations';
import { localSummary, opinionEvidence } from '../../shared/i18n/evidence';
import { isDirectKind } from '../../shared/probes';
import type { ServiceStatus } from '../../shared/types';
import { vigie } from '../client';
import { ContextEvidence } from '../components/ContextEvidence';
import { DayBar } from '../components/DayBar';
import { LatencyChart } from '../components/LatencyChart';
import { StateBadge } from '../components/StateBadge';
import { Empty, Failure, Loading } from '../components/States';
import { formatRatio, latencySummary, probeKind, probeLine } from '../format';
import { useAsync } from '../hooks/useAsync';
import { useTr } from '../i18n';
import { ViewHeading } from '../components/ViewHeading';

const RANGES = [
  { key: 'range24h', ms: DAY },
  { key: 'range7d', ms: 7 * DAY },
  { key: 'range30d', ms: 30 * DAY },
  { key: 'range90d', ms: 90 * DAY },
] as const;

const UPTIME_LABELS: Record<number, string> = {
  [DAY]: 'service.last24h',
  [7 * DAY]: 'service.last7d',
  [30 * DAY]: 'service.last30d',
  [90 * DAY]: 'service.last90d',
};

export function ServiceView({
  service,
  serviceId,
  now,
  version,
  scheme,
  onIncidents,
}: {
  readonly service: ServiceStatus | undefined;
  readonly serviceId: string;
  readonly now: number;
  /** Changes after each check: the figures are asked again. */
  readonly version: number;
  readonly scheme: string;
  readonly onIncidents: () => void;
}) {
  const tr = useTr();
  const [range, setRange] = useState<number>(7 * DAY);
  const uptime = useAsync(() => vigie().uptime(serviceId), [serviceId, version]);
  const days = useAsync(() => vigie().days(serviceId, 90), [serviceId, version]);
  const incidents = useAsync(() => vigie().incidents({ serviceId }), [serviceId, version]);
  // The chart's period ends at the last check, so a new check moves it along.
  const latency = useAsync(
    () => vigie().latency(serviceId, Math.max(0, (version || now) - range), (version || now) + 1),
    [serviceId, version, range],
  );
  const latencyPoints = latency.status === 'ready' ? latency.value.points : null;
  const summary = useMemo(
    () => (latencyPoints ? latencySummary(latencyPoints) : null),
    [latencyPoints],
  );

  if (!service) {
    return (
      <section aria-labelledby="view-heading">
        <ViewHeading>{serviceId}</ViewHeading>
        <Empty text={tr.t('service.notWatched')} />
      </section>
    );
  }
  const provider = service.provider ?? tr.t('notify.theProvider');
  const official = service.probes.filter((p) => !isDirectKind(p.kind));
  const messages = official.flatMap((p) => p.official?.messages ?? []);
  return (
    <section aria-labelledby="view-heading" className="service-view">
      <div className="service-title">
        <ViewHeading>{service.name}</ViewHeading>
        <StateBadge state={service.state} />
        {service.cause && (
          <span className="cause">{tr.t(`cli.${service.cause}`, { name: service.name })}</span>
        )}
        {service.since !== undefined && service.state !== 'up' && (
          <span className="meta">{tr.at('service.since', service.since, now)}</span>
        )}
        {service.provider && <span className="meta">{tr.t('service.by', { provider })}</span>}
      </div>
      <p className="evidence">
        <bdi>
          {localSummary(service.probes, tr, service.cause, service.secondOpinion, {
            context: service.context,
            service: service.name,
          })}
        </bdi>
      </p>

      <h3>{tr.t('service.uptime')}</h3>
      {uptime.status === 'loading' && <Loading />}
      {uptime.status === 'error' && <Failure message={uptime.message} retry={uptime.reload} />}
      {uptime.status === 'ready' && (
        <dl className="uptime" aria-describedby="uptime-hint">
          {uptime.value.map((u) => (
            <div key={u.windowMs}>
              <dt>{tr.t(UPTIME_LABELS[u.windowMs] ?? 'service.last90d')}</dt>
              <dd>{formatRatio(u.ratio, tr)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p id="uptime-hint" className="meta">
        {tr.t('service.uptimeHint')}
      </p>

      <h3>{tr.t('service.days')}</h3>
      <p className="meta">{tr.t('service.daysHint')}</p>
      {(days.status === 'loading' || incidents.status === 'loading') && <Loading />}
      {days.status === 'error' && <Failure message={days.message} retry={days.reload} />}
      {days.status === 'ready' && incidents.status !== 'loading' && (
        <DayBar
          cells={days.value}
          incidents={incidents.status === 'ready' ? incidents.value : []}
          now={now}
          label={tr.t('service.days')}
        />
      )}

      <h3 id="latency-heading">{tr.t('service.latency')}</h3>
      <div className="segmented" role="radiogroup" aria-labelledby="latency-heading">
        {RANGES.map((r) => (
          <button
            key={r.key}
            type="button"
            role="radio"
            aria-checked={range === r.ms}
            onClick={() => setRange(r.ms)}
          >
            {tr.t(`service.${r.key}`)}
          </button>
        ))}
      </div>
      {latency.status === 'loading' && <Loading />}
      {latency.status === 'error' && <Failure message={latency.message} retry={latency.reload} />}
      {latencyPoints && !summary && <Empty text={tr.t('service.noLatency')} />}
      {latencyPoints && summary && (
        <LatencyChart
          points={latencyPoints}
          spanMs={range}
          scheme={scheme}
          summary={tr.t('service.latencySummary', summary)}
        />
      )}

      <h3>{tr.t('service.lastCheck')}</h3>
      {service.probes.length === 0 ? (
        <Empty
          text={service.cause === 'local' ? tr.t('service.notJudged') : tr.t('service.noProbe')}
        />
      ) : (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={tr.t('service.lastCheck')}
        >
          <table className="probes">
            <caption className="meta">
              {tr.at('service.lastCheckAt', service.checkedAt, now)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{tr.t('service.probe')}</th>
                <th scope="col">{tr.t('service.target')}</th>
                <th scope="col">{tr.t('service.result')}</th>
                <th scope="col">{tr.t('service.code')}</th>
                <th scope="col">{tr.t('service.time')}</th>
                <th scope="col">{tr.t('service.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {service.probes.map((p, i) => (
                <tr key={`${p.kind}-${p.target}-${i}`}>
                  <td>{probeKind(p.kind, tr)}</td>
                  <td>
                    <bdi className="mono">{p.target}</bdi>
                  </td>
                  <td>
                    <StateBadge state={p.state} />
                  </td>
                  <td>
                    <bdi className="mono">{p.code ?? '—'}</bdi>
                  </td>
                  <td>{tr.t('window.latency', { ms: p.latencyMs })}</td>
                  <td>
                    <bdi>{probeLine(p, tr)}</bdi>
                    <br />
                    <span
                      className="meta mono"
                      lang="en"
                      dir="ltr"
                      title={tr.t('service.technical')}
                    >
                      {p.detail}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {service.secondOpinion && (
        <p className="second-opinion">
          <bdi>
            {tr.at('service.secondOpinion', service.secondOpinion.checkedAt, now, {
              evidence: opinionEvidence(service.secondOpinion, tr),
            })}
          </bdi>
        </p>
      )}

      {service.context && <ContextEvidence context={service.context} service={service.name} />}

      <h3>{tr.t('service.official', { provider })}</h3>
      {official.length === 0 && (
        <Empty
          text={
            service.cause === 'local' ? tr.t('service.notJudged') : tr.t('service.officialNone')
          }
        />
      )}
      {official.length > 0 && !official.some((p) => p.official) && (
        <Empty text={tr.t('service.officialUnreachable')} />
      )}
      {official.map(
        (p) =>
          p.official && (
            <p key={p.target}>
              <bdi lang="en">{p.official.description}</bdi>
            </p>
          ),
      )}
      {messages.length > 0 && (
        <ul className="messages">
          {messages.map((m, i) => (
            <li key={`${m.title}-${i}`}>
              <strong>
                <bdi lang="en">{m.title}</bdi>
              </strong>
              {m.body && (
                <p>
                  <bdi lang="en">{m.body}</bdi>
                </p>
              )}
              {m.url?.startsWith('https://') && (
                <button
                  type="button"
                  className="link"
                  onClick={() => void vigie().openExternal(m.url ?? '')}
                >
                  {tr.t('service.openMessage')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="actions">
        {service.statusPageUrl?.startsWith('https://') && (
          <button
            type="button"
            onClick={() => void vigie().openExternal(service.statusPageUrl ?? '')}
          >
            {tr.t('service.statusPage', { provider })} ↗
          </button>
        )}
        <button type="button" onClick={onIncidents}>
          {tr.t('service.incidents', { service: service.name })}
        </button>
      </p>
    </section>
  );
}
