// Settings → Alerts: the channels that carry an outage to the phone and the team (ntfy, Telegram,
// e-mail, webhooks), each with its last delivery or why it is broken, a test with its result
// inline, and a form with presets. Secrets go to main and never come back: the form only learns
// whether each one is set.
import { useEffect, useState } from 'react';
import type { AlertChannelView } from '../../shared/alerts/app-settings';
import { messageOf } from '../../shared/errors';
import { unwrap, vigie } from '../client';
import { useTr } from '../i18n';
import { newPhoneTopic, NtfySubscribe, TestResult, useChannelTest } from './PhoneChannel';

type Kind = 'ntfy' | 'telegram' | 'email' | 'webhook';
type Draft = Record<string, string> & { kind: Kind };

/** What each preset fills in (mail servers as in docs/alerts.md). */
const PRESETS = {
  presetNtfy: { kind: 'ntfy', id: 'phone', url: '' },
  presetTelegram: { kind: 'telegram', id: 'telegram', apiUrl: '' },
  presetGmail: { kind: 'email', id: 'gmail', host: 'smtp.gmail.com', port: '587', secure: '' },
  presetOutlook: {
    kind: 'email',
    id: 'outlook',
    host: 'smtp.office365.com',
    port: '587',
    secure: '',
  },
  presetOvh: { kind: 'email', id: 'ovh', host: 'ssl0.ovh.net', port: '465', secure: 'yes' },
  presetOrange: { kind: 'email', id: 'orange', host: 'smtp.orange.fr', port: '465', secure: 'yes' },
  presetSlack: { kind: 'webhook', id: 'slack', format: 'slack' },
  presetDiscord: { kind: 'webhook', id: 'discord', format: 'discord' },
  presetGoogleChat: { kind: 'webhook', id: 'google-chat', format: 'googlechat' },
  presetJson: { kind: 'webhook', id: 'webhook', format: 'json' },
} as const satisfies Record<string, Draft>;
type Preset = keyof typeof PRESETS;

/** The request a draft makes: numbers and lists as the channel's schema wants, empty fields left out. */
function channelOf(draft: Draft): Record<string, unknown> & { id: string; kind: Kind } {
  const out: Record<string, unknown> & { id: string; kind: Kind } = {
    id: draft.id ?? '',
    kind: draft.kind,
  };
  for (const [key, value] of Object.entries(draft)) {
    if (key === 'id' || key === 'kind' || value === '') continue;
    if (key === 'port') out[key] = Number(value);
    else if (key === 'secure') out[key] = value === 'yes';
    else if (key === 'to')
      out[key] = value
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
    else out[key] = value;
  }
  if (draft.kind === 'email' && out['secure'] === undefined) out['secure'] = false;
  return out;
}

/** A saved channel back into a draft for editing (its secrets stay empty: "set" is shown). */
function draftOf(view: AlertChannelView): Draft {
  const draft: Draft = { kind: view.channel.kind };
  for (const [key, value] of Object.entries(view.channel)) {
    if (key === 'dependsOn' || key === 'kind') continue;
    if (Array.isArray(value)) draft[key] = value.join(', ');
    else if (typeof value === 'boolean') draft[key] = value ? 'yes' : '';
    else if (typeof value === 'string' || typeof value === 'number') draft[key] = String(value);
  }
  return draft;
}

function Field({
  name,
  label,
  draft,
  set,
  type = 'text',
  hint,
}: {
  readonly name: string;
  readonly label: string;
  readonly draft: Draft;
  readonly set: (name: string, value: string) => void;
  readonly type?: 'text' | 'password' | 'url' | 'email';
  readonly hint?: string;
}) {
  const id = `alert-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        dir={type === 'text' ? 'auto' : 'ltr'}
        value={draft[name] ?? ''}
        placeholder={hint}
        onChange={(e) => set(name, e.target.value)}
      />
    </div>
  );
}

function ChannelForm({
  initial,
  editing,
  secrets,
  done,
}: {
  readonly initial: Draft;
  readonly editing: string | null;
  readonly secrets: Readonly<Record<string, boolean>>;
  readonly done: (list: AlertChannelView[] | null) => void;
}) {
  const { t } = useTr();
  const [draft, setDraft] = useState<Draft>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [pairing, setPairing] = useState<{ code: string; said: string | null } | null>(null);
  const set = (name: string, value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const secretHint = (field: string) => (secrets[field] ? t('alertSettings.secretSet') : undefined);

  useEffect(() => {
    if (draft.kind !== 'ntfy' || draft['url']) return;
    void newPhoneTopic().then((url) => set('url', url));
  }, [draft]);

  const save = async () => {
    try {
      done(await unwrap(vigie().saveAlertChannel(channelOf(draft), editing ?? undefined)));
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  const pair = async () => {
    const { code } = await unwrap(vigie().telegramPairingCode());
    setPairing({ code, said: null });
  };
  const checkPairing = async () => {
    if (!pairing) return;
    const { chatId } = await unwrap(
      vigie().checkTelegramPairing({
        code: pairing.code,
        ...(draft['token'] ? { token: draft['token'] } : editing ? { channelId: editing } : {}),
        ...(draft['apiUrl'] ? { apiUrl: draft['apiUrl'] } : {}),
      }),
    );
    if (chatId !== null) set('chatId', chatId);
    setPairing({
      code: pairing.code,
      said:
        chatId === null
          ? t('alertSettings.pairNotYet', { code: pairing.code })
          : t('alertSettings.pairDone', { chat: chatId }),
    });
  };

  return (
    <form
      className="alert-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field name="id" label={t('alertSettings.id')} draft={draft} set={set} />
      {draft.kind === 'ntfy' && (
        <>
          <Field name="url" label={t('alertSettings.ntfyUrl')} draft={draft} set={set} type="url" />
          <button type="button" onClick={() => set('url', '')}>
            {t('alertSettings.newTopic')}
          </button>
          {draft['url'] && <NtfySubscribe url={draft['url']} />}
          <Field
            name="token"
            label={t('alertSettings.token')}
            draft={draft}
            set={set}
            type="password"
            hint={secretHint('token')}
          />
        </>
      )}
      {draft.kind === 'telegram' && (
        <>
          <Field
            name="token"
            label={t('alertSettings.botToken')}
            draft={draft}
            set={set}
            type="password"
            hint={secretHint('token')}
          />
          <div className="actions">
            <button type="button" onClick={() => void pair()}>
              {t('alertSettings.pair')}
            </button>
            {pairing && (
              <button type="button" onClick={() => void checkPairing()}>
                {t('alertSettings.pairCheck')}
              </button>
            )}
          </div>
          {pairing && (
            <p role="status">
              <bdi>{t('alertSettings.pairSay', { code: pairing.code })}</bdi>
              {pairing.said && <> {pairing.said}</>}
            </p>
          )}
          <Field name="chatId" label={t('alertSettings.chatId')} draft={draft} set={set} />
        </>
      )}
      {draft.kind === 'email' && (
        <>
          <Field name="host" label={t('alertSettings.host')} draft={draft} set={set} />
          <Field name="port" label={t('alertSettings.port')} draft={draft} set={set} />
          <Field name="user" label={t('alertSettings.user')} draft={draft} set={set} />
          <Field
            name="password"
            label={t('alertSettings.password')}
            draft={draft}
            set={set}
            type="password"
            hint={secretHint('password')}
          />
          <Field name="from" label={t('alertSettings.from')} draft={draft} set={set} type="email" />
          <Field name="to" label={t('alertSettings.to')} draft={draft} set={set} />
        </>
      )}
      {draft.kind === 'webhook' && (
        <>
          <Field
            name="url"
            label={t('alertSettings.webhookUrl')}
            draft={draft}
            set={set}
            type="password"
            hint={secretHint('url')}
          />
          {draft['format'] === 'json' && (
            <p className="field-hint">{t('alertSettings.teamsNote')}</p>
          )}
        </>
      )}
      <div className="actions">
        <button type="submit">{t('alertSettings.save')}</button>
        <button type="button" onClick={() => done(null)}>
          {t('alertSettings.cancel')}
        </button>
      </div>
      <p className="notice notice-error" role="alert">
        {problem ?? ''}
      </p>
    </form>
  );
}

function ChannelItem({
  view,
  edit,
  changed,
}: {
  readonly view: AlertChannelView;
  readonly edit: () => void;
  readonly changed: (list: AlertChannelView[]) => void;
}) {
  const tr = useTr();
  const { t } = tr;
  const test = useChannelTest(async () => changed(await unwrap(vigie().alertChannels())));
  const state = view.broken
    ? t('alertSettings.broken', { reason: view.broken })
    : view.skipped.length > 0
      ? t('alertSettings.skipped', { services: tr.list(view.skipped) })
      : view.lastDelivery !== null
        ? tr.dated('alertSettings.lastDelivery', view.lastDelivery)
        : t('alertSettings.never');
  return (
    <li className="alert-channel" data-channel={view.channel.id}>
      <strong>
        <bdi>{view.channel.id}</bdi>
      </strong>{' '}
      ({view.channel.kind})
      <p className={view.broken ? 'notice notice-error' : 'field-hint'}>{state}</p>
      {view.dependsOn.length > 0 && (
        <p className="field-hint">
          {t('alertSettings.dependsOn', { services: tr.list(view.dependsOn) })}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void test.run(async () => view.channel.id)}>
          {t('alertSettings.test')}
        </button>
        <button type="button" onClick={edit}>
          {t('alertSettings.edit')}
        </button>
        <button
          type="button"
          onClick={() => void unwrap(vigie().removeAlertChannel(view.channel.id)).then(changed)}
        >
          {t('alertSettings.remove')}
        </button>
      </div>
      <TestResult said={test.said} />
    </li>
  );
}

export function AlertsSettings() {
  const { t } = useTr();
  const [list, setList] = useState<AlertChannelView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preset, setPreset] = useState<Preset>('presetNtfy');
  const [form, setForm] = useState<{ draft: Draft; editing: string | null } | null>(null);

  useEffect(() => {
    unwrap(vigie().alertChannels()).then(setList, (error: unknown) => setProblem(messageOf(error)));
  }, []);

  const done = (next: AlertChannelView[] | null) => {
    if (next) setList(next);
    setForm(null);
  };
  const editing = form?.editing ? list?.find((c) => c.channel.id === form.editing) : undefined;

  return (
    <fieldset className="alerts-settings">
      <legend>{t('alertSettings.title')}</legend>
      <p className="field-hint">{t('alertSettings.hint')}</p>
      {problem && <p className="notice notice-error">{problem}</p>}
      {list && list.length === 0 && <p>{t('alertSettings.none')}</p>}
      {list && list.length === 1 && <p className="notice">{t('alertSettings.secondChannel')}</p>}
      <ul className="alert-channels">
        {(list ?? []).map((view) => (
          <ChannelItem
            key={view.channel.id}
            view={view}
            changed={setList}
            edit={() => setForm({ draft: draftOf(view), editing: view.channel.id })}
          />
        ))}
      </ul>
      {form ? (
        <ChannelForm
          key={form.editing ?? preset}
          initial={form.draft}
          editing={form.editing}
          secrets={editing?.secrets ?? {}}
          done={done}
        />
      ) : (
        <div className="actions">
          <label htmlFor="alert-preset">{t('alertSettings.preset')}</label>
          <select
            id="alert-preset"
            value={preset}
            onChange={(e) => setPreset(e.target.value as Preset)}
          >
            {Object.keys(PRESETS).map((key) => (
              <option key={key} value={key}>
                {t(`alertSettings.${key}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => setForm({ draft: { ...PRESETS[preset] }, editing: null })}
          >
            {t('alertSettings.add')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
