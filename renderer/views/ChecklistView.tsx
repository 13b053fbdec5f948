// The continuity checklist: the run of the outage (during, then after), its steps with the channel
// marked when it is down and what to use instead, notes, ready-to-send messages for the channels
// that work, the report's export; the "before" steps that make a business ready; and the playbooks.
import { useEffect, useState } from 'react';
import type { ChecklistState } from '../../shared/ipc';
import { textIn } from '../../shared/playbook-schema';
import { vigie } from '../client';
import { PlaybookEditor } from '../components/PlaybookEditor';
import { RunPanel, type Act, type Notice } from '../components/RunPanel';
import { Empty, Failure, Loading } from '../components/States';
import { ViewHeading } from '../components/ViewHeading';
import { useAsync } from '../hooks/useAsync';
import { useTr } from '../i18n';

export function ChecklistView({
  runId,
  runsVersion,
  checkedAt,
  now,
  onRun,
}: {
  readonly runId: string | undefined;
  /** Changes when main says the runs changed. */
  readonly runsVersion: number;
  /** The last check: the steps' channels are marked against it. */
  readonly checkedAt: number;
  readonly now: number;
  readonly onRun: (runId: string) => void;
}) {
  const tr = useTr();
  const { t } = tr;
  const loaded = useAsync(() => vigie().checklist(), [runsVersion, checkedAt]);
  const [state, setState] = useState<ChecklistState | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // A fresh answer from main (a new check, a run started or ended) replaces what is shown.
  const fresh = loaded.status === 'ready' ? loaded.value : null;
  useEffect(() => {
    if (fresh) setState(fresh);
  }, [fresh]);

  /** Runs a change; its reply is the new state, or its error is shown. */
  const act: Act = async (change, done) => {
    const reply = await change();
    if (reply.ok) {
      setState(reply.value);
      setNotice(done ? { text: done, error: false } : null);
    } else
      // Nothing is shown as done that was not saved: the step stays as it was, with a retry.
      setNotice({
        text: t('window.error', { message: reply.error.message }),
        error: true,
        retry: () => void act(change, done),
      });
  };

  if (loaded.status === 'error') return <Failure message={loaded.message} retry={loaded.reload} />;
  if (!state) return <Loading />;
  const run =
    state.runs.find((r) => r.id === runId) ??
    state.runs.find((r) => r.phase === 'during') ??
    state.runs[0];
  const earlier = state.runs.filter((r) => r !== run);
  const during = run?.phase === 'during';
  return (
    <section aria-labelledby="view-heading" className="checklist">
      <ViewHeading>
        {run
          ? t('checklist.runFor', { services: tr.list(run.services.map((s) => s.name)) })
          : t('checklist.heading')}
      </ViewHeading>
      {state.problem && (
        <p role="alert" className="notice notice-error">
          {t('checklist.problem', { message: state.problem })}
        </p>
      )}
      <p className={notice?.error ? 'notice notice-error' : 'notice'} role="status">
        {notice?.text}
        {notice?.retry && (
          <>
            {' '}
            <button type="button" className="link" onClick={notice.retry}>
              {t('window.retry')}
            </button>
          </>
        )}
      </p>
      {!run && <Empty text={t('checklist.none')} />}
      {run && <RunPanel run={run} state={state} now={now} act={act} setNotice={setNotice} />}

      {earlier.length > 0 && (
        <>
          <h3>{t('checklist.earlier')}</h3>
          <ul className="earlier">
            {earlier.map((r) => (
              <li key={r.id}>
                <button type="button" className="link" onClick={() => onRun(r.id)}>
                  {tr.at('checklist.earlierRun', r.startedAt, now, {
                    services: tr.list(r.services.map((s) => s.name)),
                  })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      {/* In the worst hour, preparing and editing wait: folded away while an outage lasts. */}
      <details className="later" open={!during}>
        <summary>
          <h3 id="before-heading">{t('checklist.before')}</h3>
        </summary>
        <p className="meta">
          {t('checklist.readiness', { ready: state.readiness.ready, total: state.readiness.total })}
        </p>
        <ul className="steps" aria-labelledby="before-heading">
          {state.readiness.steps.map((step) => (
            <ReadyItem
              key={step.id}
              step={step}
              now={now}
              onChange={(ready) => act(() => vigie().setReady(step.id, ready))}
            />
          ))}
        </ul>
      </details>

      <details className="later" open={!during}>
        <summary>{t('checklist.playbooksFold')}</summary>
        <PlaybookEditor onNotice={setNotice} />
      </details>
    </section>
  );
}

function ReadyItem({
  step,
  now,
  onChange,
}: {
  readonly step: ChecklistState['readiness']['steps'][number];
  readonly now: number;
  readonly onChange: (ready: boolean) => Promise<void>;
}) {
  const tr = useTr();
  const [pending, setPending] = useState<boolean | null>(null);
  return (
    <li className="step">
      <label className="toggle">
        <input
          type="checkbox"
          checked={pending ?? step.done !== null}
          onChange={(e) => {
            const on = e.target.checked;
            setPending(on);
            void onChange(on).finally(() => setPending(null));
          }}
        />{' '}
        {textIn(step.title, tr.language)}
      </label>
      {step.why && <p className="meta step-why">{textIn(step.why, tr.language)}</p>}
      {step.done && <p className="meta">{tr.at('checklist.doneAt', step.done.at, now)}</p>}
    </li>
  );
}
