// The run of an outage: where it stands, the next step to do (called out, and marked in the list),
// its "during" and "after" steps with the channel marked when it is down, notes, the report, and
// the messages to send with the business's details.
import { messageOf } from '../../shared/errors';
import { useEffect, useId, useMemo, useState } from 'react';
import type { MarkedStep, RunView } from '../../shared/checklist-types';
import type { ChecklistState } from '../../shared/ipc';
import { offeredMessages, type Placeholder } from '../../shared/messages';
import { textIn, type Channel } from '../../shared/playbook-schema';
import { unwrap, vigie } from '../client';
import { useTr } from '../i18n';
import { MessageItem } from './MessageItem';
import { isolate, StepItem } from './StepItem';

/** A line under the heading: what was done, or what went wrong (with a retry when it can be redone). */
export type Notice = {
  readonly text: string;
  readonly error: boolean;
  readonly retry?: () => void;
} | null;

/** A change sent to main; its reply is the new state, or the error to show. */
export type Act = (
  change: () => Promise<
    { ok: true; value: ChecklistState } | { ok: false; error: { message: string } }
  >,
  done?: string,
) => Promise<void>;

/** The step to do now: the first one not done that does not rely on a channel that is down. */
export function nextStep(run: RunView): MarkedStep | undefined {
  const section = run.phase === 'during' ? 'during' : 'after';
  return run.steps.find((s) => s.section === section && !s.done && !s.channelDown);
}

/** The run panel. */
export function RunPanel({
  run,
  state,
  now,
  act,
  setNotice,
}: {
  readonly run: RunView;
  readonly state: ChecklistState;
  readonly now: number;
  readonly act: Act;
  readonly setNotice: (notice: Notice) => void;
}) {
  const tr = useTr();
  const { t } = tr;
  const [note, setNote] = useState('');
  const [update, setUpdate] = useState(() => tr.when(now + 3_600_000, now));
  const done = run.steps.filter((s) => s.done).length;
  const down = useMemo(() => new Set<Channel>(run.downChannels), [run.downChannels]);
  const providers = [...new Set(run.services.flatMap((s) => (s.provider ? [s.provider] : [])))];
  const values: Partial<Record<Placeholder, string>> = {
    service: tr.list(run.services.map((s) => s.name)),
    // An own service has no named provider: "our provider" reads right in every template.
    provider: providers.length > 0 ? tr.list(providers) : t('checklist.ourProvider'),
    business: state.profile.businessName,
    contact: state.profile.contact,
    start: tr.when(run.startedAt, now),
    update,
  };
  const messages = offeredMessages(state.messages, run.phase, down, tr.language, values, (name) =>
    t(`checklist.missing_${name}`),
  );
  const next = nextStep(run);
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
          message: messageOf(error),
        }),
        error: true,
      });
    }
  };
  return (
    <div className="run">
      <p className="meta">
        {t('join.dot', {
          a:
            run.phase === 'during'
              ? tr.at('checklist.since', run.startedAt, now)
              : tr.at('checklist.ended', run.endedAt ?? now, now, {
                  duration: tr.duration((run.endedAt ?? now) - run.startedAt),
                }),
          b: t('checklist.progress', { done, total: run.steps.length }),
        })}
      </p>
      {run.team && (
        <>
          {!run.team.seenHere && (
            // What a teammate sees and this computer does not is evidence too.
            <p className="team-not-seen">
              <strong>{t('teamRun.notSeen', { name: isolate(run.team.openedBy) })}</strong>{' '}
              {t('teamRun.notSeenWhy', {
                services: tr.list(run.services.map((s) => s.name)),
                name: isolate(run.team.openedBy),
              })}
            </p>
          )}
          <p className="meta team-members">
            {t('teamRun.shared', { members: tr.list(run.team.members.map(isolate)) })}
          </p>
        </>
      )}
      <progress
        max={run.steps.length}
        value={done}
        aria-label={t('checklist.progress', { done, total: run.steps.length })}
      />
      {next && (
        <div className="next-step">
          <p>
            <strong>{t('checklist.next')}</strong> {textIn(next.title, tr.language)}
          </p>
          {messages.length > 0 && (
            <button
              type="button"
              className="link"
              onClick={() => document.getElementById('messages-heading')?.scrollIntoView()}
            >
              {t('checklist.toMessages', { count: messages.length })}
            </button>
          )}
        </div>
      )}
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
                  next={step === next}
                  now={now}
                  platform={tr.list(run.services.map((s) => s.name))}
                  onTick={(on, stepNote) => act(() => vigie().tick(run.id, step.key, on, stepNote))}
                />
              ))}
          </ol>
        </div>
      ))}

      {run.team && run.team.notes.length > 0 && (
        <>
          <h3 id="team-notes">{t('teamRun.notes')}</h3>
          <ul className="team-notes" aria-labelledby="team-notes">
            {run.team.notes.map((n, i) => (
              <li key={i}>
                <span className="meta">
                  {n.at === null
                    ? isolate(n.by)
                    : tr.at('teamRun.noteBy', n.at, now, { name: isolate(n.by) })}
                </span>{' '}
                {n.text}
              </li>
            ))}
          </ul>
        </>
      )}
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

      <h3 id="messages-heading">{t('checklist.messages')}</h3>
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
