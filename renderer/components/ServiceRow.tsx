// One service in the overview: state, cause, when it was checked, latency, evidence, 90 days.
import { localSummary } from '../../shared/i18n/evidence';
import type { ServiceStatus } from '../../shared/types';
import type { DayState } from '../../shared/history-types';
import { useTr } from '../i18n';
import { latencyOf } from '../selectors';
import { DayStrip } from './DayStrip';
import { StateBadge } from './StateBadge';

export function ServiceRow({
  service,
  now,
  cells,
  onOpen,
}: {
  readonly service: ServiceStatus;
  readonly now: number;
  /** Its 90 daily states (fetched for all rows at once), while loading undefined. */
  readonly cells: readonly DayState[] | undefined;
  readonly onOpen: () => void;
}) {
  const tr = useTr();
  const latency = latencyOf(service);
  return (
    <li className="service">
      <div className="service-head">
        <h3>
          <button
            type="button"
            className="link service-open"
            onClick={onOpen}
            aria-label={tr.t('window.openService', { service: service.name })}
          >
            {service.name}
          </button>
          {service.critical && <span className="tag">{tr.t('window.critical')}</span>}
        </h3>
        <StateBadge state={service.state} />
        {service.cause && (
          <span className="cause">{tr.t(`cli.${service.cause}`, { name: service.name })}</span>
        )}
        <span className="meta">
          {latency === null
            ? tr.at('window.checked', service.checkedAt, now)
            : tr.t('join.dot', {
                a: tr.at('window.checked', service.checkedAt, now),
                b: tr.t('window.latency', { ms: latency }),
              })}
        </span>
      </div>
      {service.state !== 'up' && (
        <p className="evidence">
          <bdi>
            {localSummary(service.probes, tr, service.cause, service.secondOpinion, {
              context: service.context,
              service: service.name,
            })}
          </bdi>
        </p>
      )}
      {cells && (
        <DayStrip
          states={cells}
          label={tr.t('join.dash', { a: service.name, b: tr.t('window.days') })}
        />
      )}
    </li>
  );
}
