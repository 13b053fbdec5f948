// The first run: language and country (preset from the system), what the business runs on (the
// usual services of that country ticked, said as a suggestion, the whole catalog searchable), the
// backup channels the checklist offers first, and alerts on the phone. Every step can be skipped;
// Settings can run it again. What a step asks is applied only when the person goes on with Next
// or Finish (the phone channel a test saved goes again when its step is skipped).
import { messageOf } from '../../shared/errors';
import { useEffect, useId, useRef, useState } from 'react';
import { countryPicks, COUNTRY_PICKS } from '../../shared/country-picks';
import { searchServices } from '../../shared/catalog';
import type { CatalogEntry, RequestOf } from '../../shared/ipc';
import type { Channel } from '../../shared/playbook-schema';
import type { Settings } from '../../shared/settings-schema';
import { unwrap, vigie } from '../client';
import { FirstRunPhone, usePhoneSetup } from '../components/FirstRunPhone';
import { Failure, Loading } from '../components/States';
import { formatBytes } from '../format';
import { useAsync } from '../hooks/useAsync';
import { useTr } from '../i18n';

/** The backup channels offered, in the order a small business reaches for them. */
const OFFERED: readonly Channel[] = [
  'sms',
  'phone',
  'email',
  'whatsapp',
  'signal',
  'telegram',
  'website',
  'google-business-profile',
];
const STEPS = 4;
/** The step that sets up alerts on the phone. */
const PHONE_STEP = 3;
/** Rows of search results shown under the picks. */
const MAX_FOUND = 24;

/** The region of the system's locale ("fr-CI" → "CI"), or null. */
function systemCountry(): string | null {
  for (const locale of navigator.languages) {
    try {
      const region = new Intl.Locale(locale).maximize().region;
      if (region && /^[A-Z]{2}$/.test(region)) return region;
    } catch {
      // A locale tag the browser cannot read: try the next one.
    }
  }
  return null;
}

export function FirstRun({
  settings,
  onSaved,
}: {
  readonly settings: Settings;
  readonly onSaved: (settings: Settings) => void;
}) {
  const tr = useTr();
  const { t } = tr;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const catalog = useAsync(() => vigie().catalog(), []);
  const [step, setStep] = useState(0);
  const [country, setCountry] = useState<string>(
    settings.secondOpinion.country ?? systemCountry() ?? '',
  );
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);
  const [query, setQuery] = useState('');
  const [channels, setChannels] = useState<ReadonlySet<Channel>>(
    new Set(settings.backupChannels.length > 0 ? settings.backupChannels : ['sms', 'phone']),
  );
  /** What each confirmed step changes; saved together at the end. */
  const [confirmed, setConfirmed] = useState<RequestOf<'settings:set'>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const phone = usePhoneSetup();

  // A new step's heading takes the focus, so keyboard and screen-reader users start from it.
  useEffect(() => heading.current?.focus(), [step]);

  const entries = catalog.status === 'ready' ? catalog.value.filter((e) => !e.custom) : [];
  const suggestion = countryPicks(country || null);
  const choices: ReadonlySet<string> =
    picked ?? new Set(suggestion ?? entries.filter((e) => e.enabled).map((e) => e.id));

  const finish = async (last: RequestOf<'settings:set'>) => {
    try {
      onSaved(await unwrap(vigie().updateSettings({ ...confirmed, ...last, firstRun: 'done' })));
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  const go = (next: number, change: RequestOf<'settings:set'> | null) => {
    const all = change ? { ...confirmed, ...change } : confirmed;
    if (next >= STEPS) return void finish(all);
    setConfirmed(all);
    setStep(next);
  };
  /** Skips the phone step: the channel its test saved is removed. */
  const withoutPhone = async (then: () => void) => {
    try {
      await phone.discard();
      then();
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  /** Confirms the phone step: its channel is saved (if the test did not already). */
  const withPhone = async () => {
    try {
      // No topic (none could be made): nothing to keep.
      if (phone.url !== '') await phone.save();
      go(step + 1, null);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  /**
   * The services patch that watches exactly `choices` among the catalog's entries. What the
   * business runs on is critical to it: each pick is made critical, so the phone alerts (which go
   * out for critical services) cover Orange Money as well as WhatsApp.
   */
  const servicesPatch = (): Settings['services'] => {
    const services = { ...settings.services };
    for (const entry of entries) {
      const want = choices.has(entry.id);
      if (want !== entry.enabled || (want && !entry.critical))
        services[entry.id] = {
          muted: false,
          ...services[entry.id],
          enabled: want,
          ...(want ? { critical: true } : {}),
        };
    }
    return services;
  };

  const toggle = (serviceId: string, on: boolean) => {
    const next = new Set(choices);
    if (on) next.add(serviceId);
    else next.delete(serviceId);
    setPicked(next);
  };

  const countries = [...new Set([...Object.keys(COUNTRY_PICKS), ...(country ? [country] : [])])]
    .map((code) => ({ code, name: tr.region(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, tr.language));

  const titles = [
    t('catalog.placeTitle'),
    t('catalog.businessTitle'),
    t('catalog.channelsTitle'),
    t('firstRunPhone.title'),
  ];
  const chosenEntries = entries.filter((e) => choices.has(e.id));
  const found = query.trim() === '' ? [] : searchServices(entries, query).slice(0, MAX_FOUND);
  const month = chosenEntries.reduce((sum, e) => sum + e.monthBytes, 0);
  const serviceBox = (entry: CatalogEntry) => (
    <label key={entry.id} className="pick">
      <input
        type="checkbox"
        checked={choices.has(entry.id)}
        onChange={(e) => toggle(entry.id, e.target.checked)}
      />
      <bdi>{entry.name}</bdi>
      <span className="catalog-meta">
        <span>{t(`catalog.cat-${entry.category}`)}</span>
      </span>
    </label>
  );

  return (
    <section className="first-run" aria-labelledby={`${id}-title`}>
      <p className="first-run-welcome">
        <strong>{t('catalog.welcomeTitle')}</strong> {t('catalog.welcomeIntro')}
      </p>
      <p className="field-hint">{t('catalog.stepOf', { step: step + 1, total: STEPS })}</p>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {titles[step]}
      </h2>
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}

      {step === 0 && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('catalog.languageLabel')}</label>
            <select
              id={`${id}-language`}
              value={settings.language === 'system' ? tr.language : settings.language}
              onChange={(e) =>
                void unwrap(
                  vigie().updateSettings({ language: e.target.value as Settings['language'] }),
                ).then(onSaved, () => undefined)
              }
            >
              <option value="en" lang="en">
                English
              </option>
              <option value="fr" lang="fr">
                Français
              </option>
              <option value="ar" lang="ar">
                العربية
              </option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-country`}>{t('catalog.countryLabel')}</label>
            <select
              id={`${id}-country`}
              value={country}
              aria-describedby={`${id}-country-hint`}
              onChange={(e) => {
                setCountry(e.target.value);
                setPicked(null);
              }}
            >
              <option value="">{t('catalog.countryNone')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
            <span id={`${id}-country-hint`} className="field-hint">
              {t('catalog.countryHelp')}
            </span>
          </div>
        </div>
      )}

      {step === 1 && (
        <>
          <p>
            {suggestion
              ? t('catalog.suggestion', { country: tr.region(country) })
              : t('catalog.suggestionNone')}
          </p>
          {catalog.status === 'loading' && <Loading />}
          {catalog.status === 'error' && (
            <Failure message={catalog.message} retry={catalog.reload} />
          )}
          {catalog.status === 'ready' && (
            <>
              <fieldset className="picks">
                <legend>{t('catalog.chosen', { count: chosenEntries.length })}</legend>
                {chosenEntries.map(serviceBox)}
              </fieldset>
              <p className="field-hint" role="status" aria-live="polite">
                {t('catalog.dataMonth', { amount: formatBytes(month, tr) })}
              </p>
              <div className="field">
                <label htmlFor={`${id}-search`}>{t('catalog.searchLabel')}</label>
                <input
                  id={`${id}-search`}
                  type="search"
                  value={query}
                  placeholder={t('catalog.searchPlaceholder')}
                  onChange={(e) => setQuery(e.target.value)}
                />
              </div>
              {query.trim() !== '' && (
                <fieldset className="picks">
                  <legend>{t('catalog.found', { count: found.length })}</legend>
                  {found.length === 0 ? (
                    <p className="state-note">{t('catalog.nothingFound')}</p>
                  ) : (
                    found.map(serviceBox)
                  )}
                </fieldset>
              )}
            </>
          )}
        </>
      )}

      {step === 2 && (
        <>
          <fieldset className="picks">
            <legend>{t('catalog.channelsHelp')}</legend>
            {OFFERED.map((channel) => (
              <label key={channel} className="pick">
                <input
                  type="checkbox"
                  checked={channels.has(channel)}
                  onChange={(e) => {
                    const next = new Set(channels);
                    if (e.target.checked) next.add(channel);
                    else next.delete(channel);
                    setChannels(next);
                  }}
                />
                {t(`catalog.ch-${channel}`)}
              </label>
            ))}
          </fieldset>
        </>
      )}

      {step === PHONE_STEP && <FirstRunPhone phone={phone} />}

      <div className="first-run-nav">
        {step > 0 && (
          <button type="button" onClick={() => go(step - 1, null)}>
            {t('catalog.back')}
          </button>
        )}
        <button
          type="button"
          onClick={() =>
            step === PHONE_STEP ? void withoutPhone(() => go(step + 1, null)) : go(step + 1, null)
          }
        >
          {t('catalog.skip')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() =>
            step === PHONE_STEP
              ? void withPhone()
              : go(
                  step + 1,
                  step === 0
                    ? {
                        secondOpinion: {
                          ...settings.secondOpinion,
                          country: country === '' ? null : country,
                        },
                      }
                    : step === 1
                      ? { services: servicesPatch() }
                      : { backupChannels: OFFERED.filter((c) => channels.has(c)) },
                )
          }
        >
          {step === STEPS - 1 ? t('catalog.finish') : t('catalog.next')}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => void withoutPhone(() => void finish({}))}
        >
          {t('catalog.skipAll')}
        </button>
      </div>
    </section>
  );
}
