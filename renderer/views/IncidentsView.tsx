// Incidents of all services or one, newest first, with their evidence and the provider's words;
// exported as CSV or JSON through main (a save dialog there: the page never touches files).
import { messageOf } from '../../shared/errors';
import { useState } from 'react';
import type { Incident } from '../../shared/history-types';
import type { ServiceStatus } from '../../shared/types';
import { unwrap, vigie } from '../client';
import { Empty, Failure, Loading } from '../components/States';
import { incidentSpan, probeLine } from '../format';
import { useAsync } from '../hooks/useAsync';
import { useTr } from '../i18n';
import { ViewHeading } from '../components/ViewHeading';

export function IncidentsView({
  serviceId,
  services,
  now,
  version,
  onFilter,
  onChecklist,
}: {
  readonly serviceId: string | undefined;
  readonly services: readonly ServiceStatus[];
  readonly now: number;
  /** Changes after each check: a new incident appears without reopening the view. */
  readonly version: number;
  readonly onFilter: (serviceId: string | undefined) => void;
  /** Opens the checklist run of an incident. */
  readonly onChecklist: (runId: string) => void;
}) {
  const tr = useTr();
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const incidents = useAsync(
    () => vigie().incidents(serviceId ? { serviceId } : {}),
    [serviceId, version],
  );
  const exportAs = async (format: 'csv' | 'json') => {
    setNotice(null);
    try {
      const { path } = await unwrap(vigie().exportIncidents(format, serviceId));
      setNotice(
        path
          ? { text: tr.t('incidents.exported', { path }), error: false }
          : { text: tr.t('incidents.cancelled'), error: false },
      );
    } catch (error) {
      const message = messageOf(error);
      setNotice({ text: tr.t('incidents.exportFailed', { message }), error: true });
    }
  };
  // Which checklist run each incident is attached to.
  const checklist = useAsync(() => vigie().checklist(), [version]);
  const runOf = new Map(
    checklist.status === 'ready'
      ? checklist.value.runs.flatMap((run) => run.incidentIds.map((id) => [id, run.id] as const))
      : [],
  );
  const name = services.find((s) => s.id === serviceId)?.name ?? serviceId ?? '';
  const sorted =
    incidents.status === 'ready' ? [...incidents.value].sort((a, b) => b.start - a.start) : [];
  return (
    <section aria-labelledby="view-heading">
      <ViewHeading>{tr.t('incidents.heading')}</ViewHeading>
      <div className="toolbar">
        <label>
          {tr.t('incidents.filter')}{' '}
          <select
            value={serviceId ?? ''}
            onChange={(e) => onFilter(e.target.value === '' ? undefined : e.target.value)}
          >
            <option value="">{tr.t('incidents.all')}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void exportAs('csv')}>
          {tr.t('incidents.exportCsv')}
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          {tr.t('incidents.exportJson')}
        </button>
      </div>
      <p className={notice?.error ? 'notice notice-error' : 'notice'} role="status">
        {notice && <bdi>{notice.text}</bdi>}
      </p>
      {incidents.status === 'loading' && <Loading />}
      {incidents.status === 'error' && (
        <Failure message={incidents.message} retry={incidents.reload} />
      )}
      {incidents.status === 'ready' && sorted.length === 0 && (
        <Empty
          text={serviceId ? tr.t('incidents.noneFor', { service: name }) : tr.t('incidents.none')}
        />
      )}
      {sorted.length > 0 && (
        <ol className="incidents">
          {sorted.map((incident) => (
            <IncidentItem
              key={incident.id}
              incident={incident}
              now={now}
              runId={runOf.get(incident.id)}
              onChecklist={onChecklist}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function IncidentItem({
  incident,
  now,
  runId,
  onChecklist,
}: {
  readonly incident: Incident;
  readonly now: number;
  readonly runId: string | undefined;
  readonly onChecklist: (runId: string) => void;
}) {
  const tr = useTr();
  const evidence =
    incident.evidenceAtWorst.length > 0 ? incident.evidenceAtWorst : incident.evidenceAtStart;
  return (
    <li className={`incident incident-${incident.worstState}`}>
      <h3>
        {tr.t('join.dash', {
          a: incident.serviceName,
          b: tr.t(`state.${incident.worstState}`),
        })}
        {incident.end === null && <span className="tag">{tr.t('incidents.ongoing')}</span>}
      </h3>
      <p className="meta">{incidentSpan(incident, tr, now)}</p>
      <p>
        {incident.cause
          ? tr.t('join.dot', {
              a: tr.t('incidents.worst', { state: tr.t(`state.${incident.worstState}`) }),
              b: tr.t('incidents.cause', {
                cause: tr.t(`cli.${incident.cause}`, { name: incident.serviceName }),
              }),
            })
          : tr.t('incidents.worst', { state: tr.t(`state.${incident.worstState}`) })}
      </p>
      {incident.endNote && <p className="meta">{tr.t('incidents.endedUnseen')}</p>}
      {runId && (
        <button type="button" className="link" onClick={() => onChecklist(runId)}>
          {tr.t('incidents.checklist')}
        </button>
      )}
      {evidence.length > 0 && (
        <details>
          <summary>{tr.t('incidents.evidence')}</summary>
          <ul>
            {evidence.map((e, i) => (
              <li key={`${e.kind}-${i}`}>
                <bdi>{probeLine(e, tr)}</bdi>
              </li>
            ))}
          </ul>
        </details>
      )}
      {incident.messages.length > 0 && (
        <details>
          <summary>{tr.t('incidents.messages')}</summary>
          <ul>
            {incident.messages.map((m, i) => (
              <li key={`${m.seenAt}-${i}`}>
                <strong>
                  <bdi lang="en">{m.title}</bdi>
                </strong>{' '}
                <span className="meta">{tr.at('incidents.seen', m.seenAt, now)}</span>
                {m.body && (
                  <p>
                    <bdi lang="en">{m.body}</bdi>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
