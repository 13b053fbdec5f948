// The first run's "alert my phone" step: an ntfy channel for the person's phone in under a minute.
// A topic nobody can guess is made for them, shown as the QR code the Android app opens and as
// text for the iPhone app; "Send a test" saves the channel (as Settings → Alerts does: the same
// call, the same settings) and says the result inline. Next keeps the channel; skipping the step
// removes the one it made. A phone channel already saved is shown instead of making another.
import { useEffect, useId, useState } from 'react';
import type { AlertChannelView } from '../../shared/alerts/app-settings';
import { messageOf } from '../../shared/errors';
import { unwrap, vigie } from '../client';
import { useTr } from '../i18n';
import { newPhoneTopic, NtfySubscribe, TestResult, useChannelTest } from './PhoneChannel';

/** The channel's name when it is free; otherwise `phone-2`, `phone-3`… */
function freeId(taken: readonly string[]): string {
  if (!taken.includes('phone')) return 'phone';
  for (let n = 2; ; n++) if (!taken.includes(`phone-${n}`)) return `phone-${n}`;
}

/** The step's state, kept by the first run across its steps. */
export function usePhoneSetup() {
  const [channels, setChannels] = useState<readonly AlertChannelView[] | null>(null);
  const [url, setUrl] = useState('');
  /** The channel this step saved: its id, and the address it was saved with. */
  const [saved, setSaved] = useState<{ readonly id: string; readonly url: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    unwrap(vigie().alertChannels()).then(
      (list) => {
        setChannels(list);
        const phone = list.find((c) => c.channel.kind === 'ntfy');
        if (phone) setUrl(String(phone.channel['url'] ?? ''));
        else void newPhoneTopic().then(setUrl, (error: unknown) => setProblem(messageOf(error)));
      },
      (error: unknown) => setProblem(messageOf(error)),
    );
  }, []);

  const existing = channels?.find((c) => c.channel.kind === 'ntfy') ?? null;

  /** Saves the channel when it is not saved with this address yet; its id. */
  const save = async (): Promise<string> => {
    if (saved) {
      if (saved.url !== url) {
        setChannels(
          await unwrap(vigie().saveAlertChannel({ id: saved.id, kind: 'ntfy', url }, saved.id)),
        );
        setSaved({ id: saved.id, url });
      }
      return saved.id;
    }
    if (existing) {
      // The phone channel saved before: its address changed here, the rest of it kept.
      const { id } = existing.channel;
      if (existing.channel['url'] !== url)
        setChannels(
          await unwrap(vigie().saveAlertChannel({ ...existing.channel, kind: 'ntfy', url }, id)),
        );
      return id;
    }
    const id = freeId((channels ?? []).map((c) => c.channel.id));
    setChannels(await unwrap(vigie().saveAlertChannel({ id, kind: 'ntfy', url })));
    setSaved({ id, url });
    return id;
  };

  /** The step is skipped: the channel it made goes (one saved before it stays). */
  const discard = async (): Promise<void> => {
    if (!saved) return;
    setChannels(await unwrap(vigie().removeAlertChannel(saved.id)));
    setSaved(null);
  };

  const newTopic = () =>
    void newPhoneTopic().then(setUrl, (error: unknown) => setProblem(messageOf(error)));

  return { url, setUrl, newTopic, existing: saved ? null : existing, problem, save, discard };
}

export type PhoneSetup = ReturnType<typeof usePhoneSetup>;

export function FirstRunPhone({ phone }: { readonly phone: PhoneSetup }) {
  const { t } = useTr();
  const id = useId();
  const test = useChannelTest();
  return (
    <div className="first-run-phone">
      <p>{t('firstRunPhone.intro')}</p>
      {phone.existing ? (
        <p className="notice">{t('firstRunPhone.already', { id: phone.existing.channel.id })}</p>
      ) : (
        <p>{t('firstRunPhone.install')}</p>
      )}
      {phone.problem && (
        <p className="notice notice-error" role="alert">
          {phone.problem}
        </p>
      )}
      {phone.url && <NtfySubscribe url={phone.url} />}
      <p className="field-hint">{t('firstRunPhone.secret')}</p>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('alertSettings.ntfyUrl')}</label>
        <input
          id={`${id}-url`}
          type="url"
          dir="ltr"
          value={phone.url}
          onChange={(e) => phone.setUrl(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="button" onClick={() => void test.run(phone.save)}>
          {t('alertSettings.test')}
        </button>
        <button type="button" onClick={phone.newTopic}>
          {t('alertSettings.newTopic')}
        </button>
      </div>
      <TestResult said={test.said} />
      <p className="field-hint">{t('firstRunPhone.more')}</p>
    </div>
  );
}
