// The window: a banner answering "is it me, my network, or them?" with "Check now" (or "Resume"),
// the views' navigation, and the current view. Main can ask for a service (tray, notification).
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { createTranslator, isRtl, languageFrom, type Language } from '../../shared/i18n';
import type { AlertChannelView } from '../../shared/alerts/app-settings';
import type { TeamLink } from '../../shared/ipc';
import type { Settings } from '../../shared/settings-schema';
import { unwrap, vigie } from '../client';
import { useLiveState } from '../hooks/useVigie';
import { TranslatorProvider } from '../i18n';
import type { Route } from '../route';
import { banner } from '../selectors';
import { Overview } from '../views/Overview';
import { Loading } from './States';
import { FocusOnViewContext } from './ViewHeading';

// The overview paints first; the other views (uPlot, the schemas) load after it, while the
// window is idle, so that opening one does not wait for its code.
const loadService = () => import('../views/ServiceView');
const loadIncidents = () => import('../views/IncidentsView');
const loadChecklist = () => import('../views/ChecklistView');
const loadSettings = () => import('../views/SettingsView');
const ServiceView = lazy(async () => ({ default: (await loadService()).ServiceView }));
const IncidentsView = lazy(async () => ({ default: (await loadIncidents()).IncidentsView }));
const ChecklistView = lazy(async () => ({ default: (await loadChecklist()).ChecklistView }));
const SettingsView = lazy(async () => ({ default: (await loadSettings()).SettingsView }));
const FirstRun = lazy(async () => ({ default: (await import('../views/FirstRun')).FirstRun }));

/** Loads the other views' code once the overview is on screen and the window is idle. */
function usePrefetchViews(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const load = () => {
      for (const view of [loadService, loadChecklist, loadIncidents, loadSettings]) void view();
    };
    const idle = window.requestIdleCallback?.(load, { timeout: 2000 });
    const timer = idle === undefined ? window.setTimeout(load, 500) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [ready]);
}

function languageOf(settings: Settings | null): Language {
  const chosen = settings?.language ?? 'system';
  return chosen === 'system' ? languageFrom(navigator.language) : chosen;
}

/** "light" or "dark" as the system says now, kept current. */
function useSystemScheme(): string {
  const query = useMemo(() => window.matchMedia('(prefers-color-scheme: dark)'), []);
  const [dark, setDark] = useState(query.matches);
  useEffect(() => {
    const listener = () => setDark(query.matches);
    query.addEventListener('change', listener);
    return () => query.removeEventListener('change', listener);
  }, [query]);
  return dark ? 'dark' : 'light';
}

/**
 * The alert channels that are broken, asked again with each check and each change of view (a
 * channel fixed in Settings goes off the list when the person comes back). A window whose main
 * has no alerts says nothing.
 */
function useBrokenChannels(checkedAt: number | null, view: string): AlertChannelView[] {
  const [broken, setBroken] = useState<AlertChannelView[]>([]);
  useEffect(() => {
    if (checkedAt === null) return;
    let live = true;
    unwrap(vigie().alertChannels()).then(
      (list) => live && setBroken(list.filter((c) => c.broken !== null)),
      () => live && setBroken([]),
    );
    return () => {
      live = false;
    };
  }, [checkedAt, view]);
  return broken;
}

const TABS = ['overview', 'checklist', 'incidents', 'settings'] as const;

export function App() {
  const { snapshot, settings, error, historyProblem, applySettings } = useLiveState();
  const [checking, setChecking] = useState(false);
  const [route, setRoute] = useState<Route>({ view: 'overview' });
  // Bumped when main says the checklist runs changed.
  const [runsVersion, setRunsVersion] = useState(0);
  // An invite link opened from another app, for Settings → Team; `seq` tells one link from the next.
  const [teamLink, setTeamLink] = useState<{
    readonly link: TeamLink;
    readonly seq: number;
  } | null>(null);
  const language = languageOf(settings);
  const tr = useMemo(() => createTranslator(language), [language]);
  const system = useSystemScheme();
  const theme = settings?.theme ?? 'system';
  const scheme = theme === 'system' ? system : theme;
  const moved = useRef(false);
  usePrefetchViews(snapshot !== null && settings !== null);
  const brokenChannels = useBrokenChannels(snapshot?.checkedAt ?? null, route.view);

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = isRtl(language) ? 'rtl' : 'ltr';
    document.title = tr.t('page.title');
  }, [language, tr]);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  useEffect(() => {
    // An invite link waits in main (opened before this page loaded, or just now): Settings → Team.
    const takeTeamLink = () =>
      unwrap(vigie().takeTeamLink()).then(
        (link) => {
          if (!link) return;
          setTeamLink((before) => ({ link, seq: (before?.seq ?? 0) + 1 }));
          setRoute({ view: 'settings' });
        },
        // Nothing to show: the person can still paste the invite.
        () => undefined,
      );
    void takeTeamLink();
    return vigie().onEvent((event) => {
      if (event.type === 'focusService') setRoute({ view: 'service', serviceId: event.serviceId });
      if (event.type === 'focusRun') setRoute({ view: 'checklist', runId: event.runId });
      if (event.type === 'checklist') setRunsVersion((v) => v + 1);
      if (event.type === 'teamLink') void takeTeamLink();
    });
  }, []);
  const go = (next: Route) => {
    moved.current = true;
    // Leaving the settings puts the opened invite away: it is not filled in again.
    if (next.view !== 'settings') setTeamLink(null);
    setRoute(next);
  };

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
  if (!snapshot || !settings) {
    return (
      <main className="page" aria-busy="true">
        <p className="state-note">{tr.t('window.loading')}</p>
      </main>
    );
  }
  // A fresh install (or Settings → Set up again): the first run, until finished or skipped.
  if (settings.firstRun === 'pending') {
    return (
      <TranslatorProvider value={tr}>
        <div className="page">
          <header className="banner">
            <h1>Vigie</h1>
          </header>
          <main>
            <Suspense fallback={<Loading />}>
              <FirstRun settings={settings} onSaved={applySettings} />
            </Suspense>
          </main>
        </div>
      </TranslatorProvider>
    );
  }
  const now = Date.now();
  const top = banner(snapshot, tr, now);
  const paused = snapshot.overall === 'paused';
  const current = route.view === 'service' ? 'overview' : route.view;
  return (
    <TranslatorProvider value={tr}>
      <div className="page">
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
        {historyProblem && (
          <p role="alert" className="notice notice-warn">
            {tr.t(`historyNotSaved.${historyProblem}`)}
          </p>
        )}
        {brokenChannels.map((c) => (
          <p key={c.channel.id} role="alert" className="notice notice-warn">
            {tr.t('alerts.trayBroken', { channel: c.channel.id, reason: c.broken ?? '' })}
          </p>
        ))}
        <nav aria-label={tr.t('nav.label')} className="tabs">
          {TABS.map((tab) => (
            <button
              key={tab}
              type="button"
              aria-current={current === tab ? 'page' : undefined}
              onClick={() => go({ view: tab })}
            >
              {tr.t(`nav.${tab}`)}
            </button>
          ))}
        </nav>
        <main>
          <FocusOnViewContext.Provider value={moved}>
            <Suspense fallback={<Loading />}>
              {route.view === 'overview' && (
                <Overview
                  snapshot={snapshot}
                  now={now}
                  runsVersion={runsVersion}
                  onOpen={(serviceId) => go({ view: 'service', serviceId })}
                  onChecklist={(runId) =>
                    go(runId ? { view: 'checklist', runId } : { view: 'checklist' })
                  }
                />
              )}
              {route.view === 'service' && (
                <>
                  <button
                    type="button"
                    className="link back"
                    onClick={() => go({ view: 'overview' })}
                  >
                    {tr.t('nav.back')}
                  </button>
                  <ServiceView
                    service={snapshot.services.find((s) => s.id === route.serviceId)}
                    serviceId={route.serviceId}
                    now={now}
                    version={snapshot.checkedAt}
                    scheme={scheme}
                    onIncidents={() => go({ view: 'incidents', serviceId: route.serviceId })}
                  />
                </>
              )}
              {route.view === 'incidents' && (
                <IncidentsView
                  serviceId={route.serviceId}
                  services={snapshot.services}
                  now={now}
                  version={snapshot.checkedAt}
                  onChecklist={(runId) => go({ view: 'checklist', runId })}
                  onFilter={(serviceId) =>
                    setRoute(serviceId ? { view: 'incidents', serviceId } : { view: 'incidents' })
                  }
                />
              )}
              {route.view === 'checklist' && (
                <ChecklistView
                  runId={route.runId}
                  runsVersion={runsVersion}
                  checkedAt={snapshot.checkedAt}
                  now={now}
                  onRun={(runId) => go({ view: 'checklist', runId })}
                />
              )}
              {route.view === 'settings' && (
                <SettingsView settings={settings} onSaved={applySettings} teamLink={teamLink} />
              )}
            </Suspense>
          </FocusOnViewContext.Provider>
        </main>
      </div>
    </TranslatorProvider>
  );
}
