// The window: a banner answering "is it me, my network, or them?", "Check now", the services.
import { useMemo, useState } from 'react';
import { createTranslator, isRtl, languageFrom, type Language } from '../../shared/i18n';
import type { Settings } from '../../shared/settings-schema';
import { unwrap, vigie } from '../client';
import { useDaysMany, useLiveState } from '../hooks/useVigie';
import { TranslatorProvider } from '../i18n';
import { banner, sortServices } from '../selectors';
import { ServiceRow } from './ServiceRow';

function languageOf(settings: Settings | null): Language {
  const chosen = settings?.language ?? 'system';
  return chosen === 'system' ? languageFrom(navigator.language) : chosen;
}

export function App() {
  const { snapshot, settings, error } = useLiveState();
  const [checking, setChecking] = useState(false);
  const language = languageOf(settings);
  const tr = useMemo(() => createTranslator(language), [language]);
  document.documentElement.lang = language;
  document.documentElement.dir = isRtl(language) ? 'rtl' : 'ltr';
  document.documentElement.dataset['theme'] = settings?.theme ?? 'system';
  const now = Date.now();
  const ids = useMemo(() => snapshot?.services.map((s) => s.id) ?? [], [snapshot]);
  const days = useDaysMany(ids, 90, snapshot?.checkedAt ?? 0);

  const checkNow = async () => {
    setChecking(true);
    try {
      await unwrap(vigie().checkNow());
    } finally {
      setChecking(false);
    }
  };

  if (error) {
    return (
      <main className="page">
        <p role="alert">{tr.t('window.error', { message: error })}</p>
      </main>
    );
  }
  if (!snapshot) return <main className="page" aria-busy="true" />;
  const top = banner(snapshot, tr, now);
  const paused = snapshot.overall === 'paused';
  return (
    <TranslatorProvider value={tr}>
      <main className="page">
        <header className={`banner banner-${top.tone}`}>
          <h1>Vigie</h1>
          <p role="status" aria-live="polite" className="banner-text">
            {top.text}
          </p>
          {paused ? (
            <button type="button" onClick={() => void unwrap(vigie().resume())}>
              {tr.t('window.resume')}
            </button>
          ) : (
            <button
              type="button"
              onClick={() => void checkNow()}
              disabled={checking}
              aria-busy={checking}
            >
              {checking ? tr.t('window.checking') : tr.t('window.checkNow')}
            </button>
          )}
        </header>
        <section aria-labelledby="services-heading">
          <h2 id="services-heading">{tr.t('window.services')}</h2>
          <ul className="services">
            {sortServices(snapshot.services).map((service) => (
              <ServiceRow key={service.id} service={service} now={now} cells={days[service.id]} />
            ))}
          </ul>
        </section>
      </main>
    </TranslatorProvider>
  );
}
