// One step of a run: its checkbox, why it matters, the warning when its channel is down (with
// what to use instead), the time it was done and an optional note.
import { useState } from 'react';
import type { MarkedStep, StepBy } from '../../shared/checklist-types';
import { textIn } from '../../shared/playbook-schema';
import { useTr } from '../i18n';

/** A step of the run. */
export function StepItem({
  step,
  next,
  now,
  platform,
  onTick,
}: {
  readonly step: MarkedStep;
  /** The step to do now: marked, and said to assistive technology. */
  readonly next: boolean;
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
  const channelDown = t('checklist.channelDown', {
    channel:
      step.channel === 'platform' && platform ? platform : t(`checklist.channel_${step.channel}`),
  });
  const doneAt = step.done ? tr.at('checklist.doneAt', step.done.at, now) : '';
  // In a team's run: who set the step as it is, and when ("Awa · 15:42").
  const who = step.by ? byLine(step.by, step.done !== null) : null;
  return (
    <li
      className={`step${next ? ' step-next' : ''}${step.channelDown ? ' step-down' : ''}`}
      aria-current={next ? 'step' : undefined}
    >
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
          {step.alternatives.length > 0
            ? t('join.dash', {
                a: channelDown,
                b: t('checklist.instead', {
                  channels: tr.list(
                    step.alternatives.map((c) => t(`checklist.channel_${c}`)),
                    'or',
                  ),
                }),
              })
            : channelDown}
        </p>
      )}
      {step.done ? (
        <p className={who ? 'meta step-by' : 'meta'}>
          {step.done.note
            ? t('join.dash', { a: who ?? doneAt, b: step.done.note })
            : (who ?? doneAt)}
        </p>
      ) : (
        <>
          {who && <p className="meta step-by">{who}</p>}
          <input
            className="step-note"
            aria-label={t('join.label', { label: t('checklist.note'), value: title })}
            placeholder={t('checklist.note')}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
        </>
      )}
    </li>
  );

  function byLine(by: StepBy, done: boolean): string {
    // The name keeps its own direction inside the sentence (a Latin name in Arabic).
    const name = isolate(by.name);
    if (by.at === null)
      return t(done ? 'teamRun.stepByName' : 'teamRun.stepUntickedName', { name });
    // Today the time alone, another day the date and the time apart, worded by the language.
    return tr.at(done ? 'teamRun.stepBy' : 'teamRun.stepUnticked', by.at, now, { name });
  }
}

/** Text set apart for the bidirectional algorithm (first-strong isolate … pop). */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
