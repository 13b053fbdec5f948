// The continuity checklist: the run of the outage (during, then after), its steps with the channel
// marked when it is down and what to use instead, notes, ready-to-send messages for the channels
// that work, the report's export; the "before" steps that make a business ready; and the playbooks.
import { useEffect, useId, useMemo, useState } from 'react';
import type { MarkedStep, RunView } from '../../shared/checklist-types';
import type { ChecklistState } from '../../shared/ipc';
import { offeredMessages, type Placeholder } from '../../shared/messages';
import { textIn, type Channel } from '../../shared/playbook-schema';
import { unwrap, vigie } from '../client';
import { MessageItem } from '../components/MessageItem';
import { PlaybookEditor } from '../components/PlaybookEditor';
import { Empty, Failure, Loading } from '../components/States';
import { ViewHeading } from '../components/ViewHeading';
import { useAsync } from '../hooks/useAsync';
import { useTr } from '../i18n';

type Notice = { readonly text: string; readonly error: boolean } | null;

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
  const act = async (
    change: () => Promise<
      { ok: true; value: ChecklistState } | { ok: false; error: { message: string } }
    >,
    done?: string,
  ) => {
    const reply = await change();
    if (reply.ok) {
      setState(reply.value);
      setNotice(done ? { text: done, error: false } : null);
    } else setNotice({ text: t('window.error', { message: reply.error.message }), error: true });
  };

  if (loaded.status === 'error') return <Failure message={loaded.message} retry={loaded.reload} />;
  if (!state) return <Loading />;
  const run =
    state.runs.find((r) => r.id === runId) ??
    state.runs.find((r) => r.phase === 'during') ??
    state.runs[0];
  const earlier = state.runs.filter((r) => r !== run);
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
                  {tr.list(r.services.map((s) => s.name))} — {tr.time(r.startedAt, now)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 id="before-heading">{t('checklist.before')}</h3>
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

      <PlaybookEditor onNotice={setNotice} />
    </section>
  );
}

function RunPanel({
  run,
  state,
  now,
  act,
  setNotice,
}: {
  readonly run: RunView;
  readonly state: ChecklistState;
  readonly now: number;
  readonly act: (
    change: () => Promise<
      { ok: true; value: ChecklistState } | { ok: false; error: { message: string } }
    >,
    done?: string,
  ) => Promise<void>;
  readonly setNotice: (notice: Notice) => void;
}) {
  const tr = useTr();
  const { t } = tr;
  const [note, setNote] = useState('');
  const [update, setUpdate] = useState(() => tr.time(now + 3_600_000, now));
  const done = run.steps.filter((s) => s.done).length;
  const down = useMemo(() => new Set<Channel>(run.downChannels), [run.downChannels]);
  const values: Partial<Record<Placeholder, string>> = {
    service: tr.list(run.services.map((s) => s.name)),
    // An own service has no named provider: "the platform" reads right in every template.
    provider:
      [...new Set(run.services.flatMap((s) => (s.provider ? [s.provider] : [])))].join(', ') ||
      t('notify.theProvider'),
    business: state.profile.businessName,
    contact: state.profile.contact,
    start: tr.time(run.startedAt, now),
    update,
  };
  const messages = offeredMessages(state.messages, run.phase, down, tr.language, values, (name) =>
    t(`checklist.missing_${name}`),
  );
  const exportAs = async (format: 'md' | 'html') => {
    try {
      const { path } = await unwrap(vigie().exportReport(run.id, format));
      setNotice({
        text: path ? t('incidents.exported', { path }) : t('incidents.cancelled'),
        error: false,
      });
    } catch (error) {
      setNotice({
        text: t('incidents.exportFailed', {
          message: error instanceof Error ? error.message : String(error),
        }),
        error: true,
      });
    }
  };
  return (
    <div className="run">
      <p className="meta">
        {run.phase === 'during'
          ? t('checklist.since', { time: tr.time(run.startedAt, now) })
          : t('checklist.ended', {
              time: tr.time(run.endedAt ?? now, now),
              duration: tr.duration((run.endedAt ?? now) - run.startedAt),
            })}
        {' · '}
        {t('checklist.progress', { done, total: run.steps.length })}
      </p>
      <progress
        max={run.steps.length}
        value={done}
        aria-label={t('checklist.progress', { done, total: run.steps.length })}
      />
      {(['during', 'after'] as const).map((section) => (
        <div
          key={section}
          className={run.phase === 'during' && section === 'after' ? 'section-later' : undefined}
        >
          <h3 id={`section-${section}`}>{t(`checklist.${section}`)}</h3>
          <ol className="steps" aria-labelledby={`section-${section}`}>
            {run.steps
              .filter((s) => s.section === section)
              .map((step) => (
                <StepItem
                  key={step.key}
                  step={step}
                  now={now}
                  platform={tr.list(run.services.map((s) => s.name))}
                  onTick={(on, stepNote) => act(() => vigie().tick(run.id, step.key, on, stepNote))}
                />
              ))}
          </ol>
        </div>
      ))}

      <div className="field">
        <label htmlFor="run-note">{t('checklist.runNote')}</label>
        <textarea id="run-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={note.trim() === ''}
          onClick={() =>
            void act(() => vigie().addNote(run.id, note), t('checklist.noteSaved')).then(() =>
              setNote(''),
            )
          }
        >
          {t('checklist.saveNote')}
        </button>
        <button type="button" onClick={() => void exportAs('md')}>
          {t('checklist.exportMd')}
        </button>
        <button type="button" onClick={() => void exportAs('html')}>
          {t('checklist.exportHtml')}
        </button>
      </div>

      <h3>{t('checklist.messages')}</h3>
      <p className="meta">{t('checklist.messagesHint')}</p>
      <div className="field-row">
        <ProfileField
          label={t('checklist.business')}
          value={state.profile.businessName}
          onSave={(v) =>
            act(() => vigie().setProfile({ ...state.profile, businessName: v }), t('prefs.saved'))
          }
        />
        <ProfileField
          label={t('checklist.contact')}
          value={state.profile.contact}
          onSave={(v) =>
            act(() => vigie().setProfile({ ...state.profile, contact: v }), t('prefs.saved'))
          }
        />
        <div className="field">
          <label htmlFor="message-update">{t('checklist.update')}</label>
          <input id="message-update" value={update} onChange={(e) => setUpdate(e.target.value)} />
        </div>
      </div>
      <ul className="messages">
        {messages.map((m) => {
          const template = state.messages.find((x) => x.id === m.id);
          return (
            <MessageItem
              key={m.id}
              message={m}
              template={template ? textIn(template.text, tr.language) : m.text}
              edited={state.editedMessages.includes(m.id)}
              onCopy={async () => {
                const reply = await vigie().copy(m.text);
                setNotice(
                  reply.ok
                    ? { text: t('checklist.copied'), error: false }
                    : { text: t('window.error', { message: reply.error.message }), error: true },
                );
              }}
              onSave={(text) =>
                template
                  ? act(
                      () => vigie().saveMessage({ ...template, text }),
                      t('checklist.messageSaved'),
                    )
                  : Promise.resolve()
              }
              onRestore={() => act(() => vigie().restoreMessage(m.id), t('checklist.messageSaved'))}
            />
          );
        })}
      </ul>
    </div>
  );
}

function StepItem({
  step,
  now,
  platform,
  onTick,
}: {
  readonly step: MarkedStep;
  readonly now: number;
  /** The failed platform by name ("WhatsApp and Instagram"): a step about it says which. */
  readonly platform: string;
  readonly onTick: (done: boolean, note?: string) => Promise<void>;
}) {
  const tr = useTr();
  const { t } = tr;
  const [note, setNote] = useState('');
  // Shown at once when ticked, then as main recorded it.
  const [ticking, setTicking] = useState<boolean | null>(null);
  const title = textIn(step.title, tr.language);
  return (
    <li className={`step${step.channelDown ? ' step-down' : ''}`}>
      <label className="toggle">
        <input
          type="checkbox"
          checked={ticking ?? step.done !== null}
          onChange={(e) => {
            const on = e.target.checked;
            setTicking(on);
            void onTick(on, on && note.trim() ? note : undefined).finally(() => setTicking(null));
          }}
        />{' '}
        {title}
      </label>
      {step.why && <p className="meta step-why">{textIn(step.why, tr.language)}</p>}
      {step.channelDown && step.channel && (
        <p className="step-warning">
          <span aria-hidden="true">⚠ </span>
          {t('checklist.channelDown', {
            channel:
              step.channel === 'platform' && platform
                ? platform
                : t(`checklist.channel_${step.channel}`),
          })}
          {step.alternatives.length > 0 &&
            ` — ${t('checklist.instead', {
              channels: tr.list(
                step.alternatives.map((c) => t(`checklist.channel_${c}`)),
                'or',
              ),
            })}`}
        </p>
      )}
      {step.done ? (
        <p className="meta">
          {t('checklist.doneAt', { time: tr.time(step.done.at, now) })}
          {step.done.note && ` — ${step.done.note}`}
        </p>
      ) : (
        <input
          className="step-note"
          aria-label={`${t('checklist.note')}: ${title}`}
          placeholder={t('checklist.note')}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
        />
      )}
    </li>
  );
}

function ProfileField({
  label,
  value,
  onSave,
}: {
  readonly label: string;
  readonly value: string;
  readonly onSave: (value: string) => Promise<void>;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={draft}
        maxLength={120}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft !== value && void onSave(draft)}
        onKeyDown={(e) => e.key === 'Enter' && draft !== value && void onSave(draft)}
      />
    </div>
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
      {step.done && (
        <p className="meta">{tr.t('checklist.doneAt', { time: tr.time(step.done.at, now) })}</p>
      )}
    </li>
  );
}
