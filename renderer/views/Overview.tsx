// The default view: every watched service, the troubled and critical first, each with its state,
// cause, last check, latency, evidence and 90 daily cells.
import type { Snapshot } from '../../shared/types';
import { ChecklistCard } from '../components/ChecklistCard';
import { ServiceRow } from '../components/ServiceRow';
import { vigie } from '../client';
import { useAsync } from '../hooks/useAsync';
import { Empty } from '../components/States';
import { useDaysMany } from '../hooks/useVigie';
import { useTr } from '../i18n';
import { ViewHeading } from '../components/ViewHeading';
import { sortServices } from '../selectors';
import { useMemo } from 'react';

export function Overview({
  snapshot,
  now,
  runsVersion,
  onOpen,
  onChecklist,
}: {
  readonly snapshot: Snapshot;
  readonly now: number;
  readonly runsVersion: number;
  readonly onOpen: (serviceId: string) => void;
  readonly onChecklist: (runId?: string) => void;
}) {
  const tr = useTr();
  const ids = useMemo(() => snapshot.services.map((s) => s.id), [snapshot]);
  const days = useDaysMany(ids, 90, snapshot.checkedAt);
  const checklist = useAsync(() => vigie().checklist(), [runsVersion, snapshot.checkedAt]);
  return (
    <>
      {checklist.status === 'ready' && (
        <ChecklistCard state={checklist.value} onOpen={onChecklist} />
      )}
      <section aria-labelledby="view-heading">
        <ViewHeading>{tr.t('window.services')}</ViewHeading>
        {snapshot.services.length === 0 ? (
          <Empty text={tr.t('page.empty')} />
        ) : (
          <ul className="services">
            {sortServices(snapshot.services).map((service) => (
              <ServiceRow
                key={service.id}
                service={service}
                now={now}
                cells={days[service.id]}
                onOpen={() => onOpen(service.id)}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
