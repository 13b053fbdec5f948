// The playbooks: which one each service follows, and editing one (add, remove, reorder, reword
// steps; restore the shipped steps). An edit is checked with the schema main applies, the problem
// shown beside the step, and saved whole.
import { useState } from 'react';
import type { PlaybooksState } from '../../shared/ipc';
import {
  CHANNELS,
  playbookSchema,
  SECTIONS,
  textIn,
  type Playbook,
  type Section,
  type Step,
} from '../../shared/playbook-schema';
import { vigie } from '../client';
import { useAsync } from '../hooks/useAsync';
import { useTr } from '../i18n';
import { Failure, Loading } from './States';
import { zodErrorMap } from '../../shared/zod-words';

type Notice = { readonly text: string; readonly error: boolean } | null;
/** A step being edited: plain strings in the language shown. */
interface DraftStep {
  readonly id: string;
  readonly title: string;
  readonly why: string;
  readonly channel: Step['channel'] | '';
  readonly link?: string;
  /** The shipped text, kept as long as the person does not change it. */
  readonly original?: Step;
}
type Draft = Record<Section, DraftStep[]>;

let created = 0;

export function PlaybookEditor({ onNotice }: { readonly onNotice: (notice: Notice) => void }) {
  const tr = useTr();
  const { t } = tr;
  const loaded = useAsync(() => vigie().playbooks(), []);
  const [state, setState] = useState<PlaybooksState | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const current = state ?? (loaded.status === 'ready' ? loaded.value : null);

  const apply = async (
    reply: Promise<{ ok: true; value: PlaybooksState } | { ok: false; error: { message: string } }>,
    done: string,
  ): Promise<boolean> => {
    const answer = await reply;
    if (!answer.ok) {
      onNotice({ text: t('window.error', { message: answer.error.message }), error: true });
      return false;
    }
    setState(answer.value);
    onNotice({ text: done, error: false });
    return true;
  };

  if (loaded.status === 'error') return <Failure message={loaded.message} retry={loaded.reload} />;
  if (!current) return <Loading />;
  const playbook = current.playbooks.find((p) => p.id === editing);
  const name = (p: Playbook) => textIn(p.name, tr.language);

  const startEditing = (p: Playbook) => {
    setEditing(p.id);
    setProblems({});
    setDraft(
      Object.fromEntries(
        SECTIONS.map((section) => [
          section,
          p[section].map((step) => ({
            id: step.id,
            title: textIn(step.title, tr.language),
            why: step.why ? textIn(step.why, tr.language) : '',
            channel: step.channel ?? '',
            ...(step.link ? { link: step.link } : {}),
            original: step,
          })),
        ]),
      ) as Draft,
    );
  };
  const change = (section: Section, index: number, patch: Partial<DraftStep>) =>
    setDraft(
      (d) =>
        d && { ...d, [section]: d[section].map((s, i) => (i === index ? { ...s, ...patch } : s)) },
    );
  const move = (section: Section, index: number, by: number) =>
    setDraft((d) => {
      if (!d) return d;
      const steps = [...d[section]];
      const [step] = steps.splice(index, 1);
      if (step) steps.splice(Math.max(0, Math.min(steps.length, index + by)), 0, step);
      return { ...d, [section]: steps };
    });
  const toStep = (d: DraftStep): Step => {
    const o = d.original;
    const keep = (text: string, shipped: Step['title'] | undefined) =>
      shipped && textIn(shipped, tr.language) === text ? shipped : text;
    return {
      id: d.id,
      title: keep(d.title, o?.title),
      ...(d.why.trim() ? { why: keep(d.why, o?.why) } : {}),
      ...(d.link ? { link: d.link } : {}),
      ...(d.channel ? { channel: d.channel } : {}),
    };
  };
  const save = async () => {
    if (!playbook || !draft) return;
    const candidate = {
      ...playbook,
      ...Object.fromEntries(SECTIONS.map((s) => [s, draft[s].map(toStep)])),
    };
    // The schema's own keys ("tooLong") are the checklist's words; anything else zod finds is
    // worded by the catalogue too, never in zod's English.
    const parsed = playbookSchema.safeParse(candidate, { error: zodErrorMap(tr) });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const [section, index, field] = issue.path;
        const key = `${String(section)}.${String(index ?? '')}.${String(field ?? '')}`;
        found[key] ??= t(`checklist.${issue.message}`, { defaultValue: issue.message });
      }
      setProblems(found);
      return;
    }
    if (await apply(vigie().savePlaybook(parsed.data), t('checklist.saved'))) {
      setEditing(null);
      setDraft(null);
    }
  };

  return (
    <section aria-labelledby="playbooks-heading" className="playbooks">
      <h3 id="playbooks-heading">{t('checklist.playbooks')}</h3>
      <p className="meta">{t('checklist.playbooksHint')}</p>
      <ul className="assignments">
        {current.services.map((service) => (
          <li key={service.id} className="field field-inline">
            <label htmlFor={`assign-${service.id}`}>
              {t('checklist.follows', { service: service.name })}
            </label>
            <select
              id={`assign-${service.id}`}
              value={service.playbookId}
              onChange={(e) =>
                void apply(vigie().assignPlaybook(service.id, e.target.value), t('prefs.saved'))
              }
            >
              {current.playbooks.map((p) => (
                <option key={p.id} value={p.id}>
                  {name(p)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <div className="actions">
        {current.playbooks.map((p) => (
          <button
            key={p.id}
            type="button"
            onClick={() => startEditing(p)}
            aria-pressed={editing === p.id}
          >
            {current.edited.includes(p.id)
              ? t('join.aside', {
                  text: t('checklist.edit', { playbook: name(p) }),
                  aside: t('checklist.edited'),
                })
              : t('checklist.edit', { playbook: name(p) })}
          </button>
        ))}
      </div>
      {playbook && draft && (
        <form className="editor" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
          <h4>{name(playbook)}</h4>
          {SECTIONS.map((section) => (
            <fieldset key={section}>
              <legend>{t(`checklist.${section}`)}</legend>
              {problems[`${section}..`] && (
                <p className="field-problem">{problems[`${section}..`]}</p>
              )}
              <ol className="edit-steps">
                {draft[section].map((step, index) => {
                  const problem =
                    problems[`${section}.${index}.title`] ??
                    problems[`${section}.${index}.id`] ??
                    null;
                  const id = `edit-${section}-${index}`;
                  return (
                    <li key={step.id} className="edit-step">
                      <div className="field">
                        <label htmlFor={`${id}-title`}>{t('checklist.stepTitle')}</label>
                        <input
                          id={`${id}-title`}
                          value={step.title}
                          aria-invalid={problem !== null}
                          aria-describedby={`${id}-problem`}
                          onChange={(e) => change(section, index, { title: e.target.value })}
                        />
                        <span id={`${id}-problem`} className="field-problem">
                          {problem}
                        </span>
                      </div>
                      <div className="field">
                        <label htmlFor={`${id}-why`}>{t('checklist.stepWhy')}</label>
                        <input
                          id={`${id}-why`}
                          value={step.why}
                          onChange={(e) => change(section, index, { why: e.target.value })}
                        />
                      </div>
                      <div className="field">
                        <label htmlFor={`${id}-channel`}>{t('checklist.stepChannel')}</label>
                        <select
                          id={`${id}-channel`}
                          value={step.channel ?? ''}
                          onChange={(e) =>
                            change(section, index, {
                              channel: e.target.value as DraftStep['channel'],
                            })
                          }
                        >
                          <option value="">{t('checklist.noChannel')}</option>
                          {CHANNELS.map((c) => (
                            <option key={c} value={c}>
                              {t(`checklist.channel_${c}`)}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div className="actions">
                        <button
                          type="button"
                          disabled={index === 0}
                          onClick={() => move(section, index, -1)}
                          aria-label={t('join.label', {
                            label: t('checklist.moveUp'),
                            value: step.title,
                          })}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          disabled={index === draft[section].length - 1}
                          onClick={() => move(section, index, 1)}
                          aria-label={t('join.label', {
                            label: t('checklist.moveDown'),
                            value: step.title,
                          })}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          onClick={() =>
                            setDraft(
                              (d) =>
                                d && { ...d, [section]: d[section].filter((_, i) => i !== index) },
                            )
                          }
                          aria-label={t('join.label', {
                            label: t('checklist.remove'),
                            value: step.title,
                          })}
                        >
                          {t('checklist.remove')}
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ol>
              <button
                type="button"
                onClick={() =>
                  setDraft(
                    (d) =>
                      d && {
                        ...d,
                        [section]: [
                          ...d[section],
                          {
                            id: `own-${Date.now().toString(36)}-${++created}`,
                            title: '',
                            why: '',
                            channel: '',
                          },
                        ],
                      },
                  )
                }
              >
                {t('checklist.addStep')}
              </button>
            </fieldset>
          ))}
          <div className="actions">
            <button type="submit">{t('checklist.save')}</button>
            <button type="button" onClick={() => (setEditing(null), setDraft(null))}>
              {t('checklist.cancel')}
            </button>
            {current.edited.includes(playbook.id) && (
              <button
                type="button"
                onClick={() =>
                  void apply(vigie().restorePlaybook(playbook.id), t('checklist.restored')).then(
                    (ok) => ok && (setEditing(null), setDraft(null)),
                  )
                }
              >
                {t('checklist.restore')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
