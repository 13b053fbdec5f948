// "Add your own service": a name, an address and optionally its status page, checked as typed,
// tried once against the real service, then added to the settings.
import { messageOf } from '../../shared/errors';
import { useState, type FormEvent } from 'react';
import { ownServiceProblems, type OwnServiceForm } from '../../shared/own-service';
import type { Settings } from '../../shared/settings-schema';
import { localSummary } from '../../shared/i18n/evidence';
import { unwrap, vigie } from '../client';
import { useTr } from '../i18n';

/** "Add your own service": checked as typed, tried once, then added. */
export function AddService({
  settings,
  taken,
  onAdded,
}: {
  readonly settings: Settings;
  readonly taken: readonly string[];
  /** Added: the new settings, and the name of the service added. */
  readonly onAdded: (settings: Settings, service: string) => void;
}) {
  const tr = useTr();
  const { t } = tr;
  const [draft, setDraft] = useState({ name: '', url: '', status: '' });
  const [shown, setShown] = useState(false);
  const [trying, setTrying] = useState(false);
  const [tried, setTried] = useState<Awaited<ReturnType<typeof tryIt>> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = (): OwnServiceForm => ({
    name: draft.name,
    url: draft.url,
    expectStatus: draft.status.trim() === '' ? null : Number(draft.status),
  });
  const problems = ownServiceProblems(form(), taken);
  const problem = (field: keyof OwnServiceForm) => {
    const code = shown ? problems[field] : undefined;
    return code ? t(`prefs.${code}`) : null;
  };
  const edit = (field: keyof typeof draft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setTried(null);
  };
  async function tryIt() {
    return unwrap(vigie().tryService(form()));
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    setFailure(null);
    if (Object.keys(problems).length > 0) return;
    setTrying(true);
    try {
      setTried(await tryIt());
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setTrying(false);
    }
  };
  const add = async () => {
    if (!tried) return;
    try {
      const next = await unwrap(
        vigie().updateSettings({ customServices: [...settings.customServices, tried.service] }),
      );
      onAdded(next, tried.service.name);
      setDraft({ name: '', url: '', status: '' });
      setTried(null);
      setShown(false);
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  const field = (
    key: keyof typeof draft,
    formKey: keyof OwnServiceForm,
    label: string,
    extra: { type?: string; inputMode?: 'numeric' | 'url'; hint?: string } = {},
  ) => {
    const id = `add-${key}`;
    const text = problem(formKey);
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type={extra.type ?? 'text'}
          inputMode={extra.inputMode}
          value={draft[key]}
          aria-invalid={text !== null}
          aria-describedby={`${id}-problem${extra.hint ? ` ${id}-hint` : ''}`}
          onChange={(e) => edit(key, e.target.value)}
        />
        {extra.hint && (
          <span id={`${id}-hint`} className="field-hint">
            {extra.hint}
          </span>
        )}
        <span id={`${id}-problem`} className="field-problem">
          {text}
        </span>
      </div>
    );
  };
  return (
    <form className="add-service" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{t('prefs.add')}</legend>
        <p className="field-hint">{t('prefs.addHint')}</p>
        {field('name', 'name', t('prefs.addName'))}
        {field('url', 'url', t('prefs.addUrl'), { type: 'url', inputMode: 'url' })}
        {field('status', 'expectStatus', t('prefs.addStatus'), {
          inputMode: 'numeric',
          hint: t('prefs.addStatusHint'),
        })}
        <div className="actions">
          <button type="submit" disabled={trying} aria-busy={trying}>
            {trying ? t('prefs.trying') : t('prefs.try')}
          </button>
          {tried && (
            <button type="button" onClick={() => void add()}>
              {t('prefs.addConfirm')}
            </button>
          )}
        </div>
        <p role="status" className="notice">
          {tried &&
            t('prefs.tried', {
              state: t(`state.${tried.status.state}`),
              evidence: localSummary(tried.status.probes, tr, tried.status.cause),
            })}
        </p>
        {failure && (
          <p role="alert" className="notice notice-error">
            {t('window.error', { message: failure })}
          </p>
        )}
      </fieldset>
    </form>
  );
}
