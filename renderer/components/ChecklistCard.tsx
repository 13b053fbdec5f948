// The overview's word on the checklist: the run under way (with its progress and a way in), or,
// when none is, how ready the business is for the next outage, with the steps left to prepare.
import type { ChecklistState } from '../../shared/ipc';
import { textIn } from '../../shared/local-text';
import { useTr } from '../i18n';
import { Joined } from './Joined';

export function ChecklistCard({
  state,
  onOpen,
}: {
  readonly state: ChecklistState;
  readonly onOpen: (runId?: string) => void;
}) {
  const tr = useTr();
  const { t } = tr;
  const active = state.runs.find((r) => r.phase === 'during');
  const left = state.readiness.steps.filter((s) => !s.done);
  const readiness = (
    <strong>
      {t('checklist.readiness', { ready: state.readiness.ready, total: state.readiness.total })}
    </strong>
  );
  return (
    <section className="checklist-card" aria-labelledby="checklist-card-heading">
      <h2 id="checklist-card-heading" className="visually-hidden">
        {t('checklist.heading')}
      </h2>
      {active && (
        <div className="run-card">
          <p>
            <Joined
              how="dot"
              a={
                <strong>
                  {t('checklist.runFor', {
                    services: tr.list(active.services.map((s) => s.name)),
                  })}
                </strong>
              }
              b={t('checklist.progress', {
                done: active.steps.filter((s) => s.done).length,
                total: active.steps.length,
              })}
            />
          </p>
          <button type="button" onClick={() => onOpen(active.id)}>
            {t('checklist.open')}
          </button>
        </div>
      )}
      {/* Preparing for the next outage waits while one is under way. */}
      {!active && (
        <div className="readiness">
          <p>
            {left.length === 0 ? (
              <Joined how="dash" a={readiness} b={t('checklist.readinessDone')} />
            ) : (
              readiness
            )}
          </p>
          {left.length > 0 && (
            <>
              <p className="meta">{t('checklist.readinessLeft')}</p>
              <ul>
                {left.map((s) => (
                  <li key={s.id}>{textIn(s.title, tr.language)}</li>
                ))}
              </ul>
              <button type="button" className="link" onClick={() => onOpen()}>
                {t('checklist.prepare')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
