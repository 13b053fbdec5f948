// The Electron entry: it only wires. Engine, history and settings are plain Node; the tray, the
// notifications, the window and IPC are thin adapters over pure models (main/shell).
import { assertNever, Refusal } from '../../shared/errors';
import {
  app,
  clipboard,
  ipcMain,
  Notification,
  powerMonitor,
  shell,
  type BrowserWindow,
} from 'electron';
import { createTranslator, languageFrom, type Translator } from '../../shared/i18n';
import type { VigieEvent } from '../../shared/ipc';
import type { Settings } from '../../shared/settings-schema';
import type { Snapshot, VerdictChange } from '../../shared/types';
import { defaultConfig } from '../engine/catalog';
import { createEngine, type Engine } from '../engine';
import type { Run } from '../../shared/checklist-types';
import { SettingsStore } from '../settings/settings-store';
import { configFromSettings } from '../shell/engine-config';
import { createHandlers } from '../shell/handlers';
import { noticesFor } from '../shell/notification-model';
import { Recording } from '../shell/recording';
import { emptySnapshot, trayModel, type TrayAction } from '../shell/tray-model';
import { watchNetwork } from '../shell/network-watch';
import type { Updater } from '../shell/updates';
import {
  hideFromDock,
  launchAtLogin,
  launchedAtLogin,
  prepareDesktop,
  setLaunchAtLogin,
  showNotification,
} from './desktop';
import { registerIpc, senderIs, sendEvent } from './ipc';
import { createTray, type TrayView } from './tray';
import { saveFile } from './save-file';
import { startUpdates, type AppUpdates } from './updater';
import { iconPath, pageUrl, preloadPath } from './paths';
import { createWindow } from './window';
import { release } from 'node:os';
import { join } from 'node:path';
import { logsAccess } from '../log/diagnostics';
import { LogSink } from '../log/logger';
import { logRecording, logScheduler } from '../log/observe';
import { logUncaught } from '../log/process-handlers';
import { AppAlerts } from '../alerts/app-alerts';
import { localMessage, type AlertMessage } from '../alerts/channel';
import { desktopChannel, desktopMessage } from '../alerts/desktop';
import { createHttpClient } from '../engine/net/http-client';
import { hostname } from 'node:os';
import { safeStorageCipher } from './safe-storage';
import { startAppTeam } from './team';
import { listenForTeamLinks } from './team-link';
import type { TeamLinkInbox } from '../shell/team-link';

interface Running {
  engine: Engine;
  readonly logs: LogSink;
  readonly settings: SettingsStore;
  readonly recording: Recording;
  /** Alerts beyond this computer (ntfy, Telegram, e-mail, webhooks). */
  readonly alerts: AppAlerts;
  /** This computer's team (Settings → Team). */
  readonly team: ReturnType<typeof startAppTeam>;
  readonly tray: TrayView;
  /** Null when the app is not packaged (nothing to update). */
  updates: { readonly source: AppUpdates; readonly updater: Updater } | null;
  window: BrowserWindow | null;
  tr: Translator;
  checking: boolean;
  pendingChanges: VerdictChange[];
}

let running: Running | null = null;
/** The invite link opened from another app, until the window takes it (set once the lock is ours). */
let teamLinks: TeamLinkInbox | null = null;

function translatorFor(settings: Settings): Translator {
  return createTranslator(
    settings.language === 'system' ? languageFrom(app.getLocale()) : settings.language,
  );
}

/**
 * History and the checklist's runs in userData, written only while this app holds the folder's
 * writer lock. When they cannot be saved (a full disk, even at start; another Vigie recording
 * there), checks go on, the tray and the window say so, and they are tried again by themselves.
 */
function openRecording(logs: LogSink): Recording {
  const recording = new Recording({ dir: app.getPath('userData') });
  logRecording(recording, logs);
  recording.history.onProblem((problem) => {
    if (running) render(running.engine.scheduler.snapshot());
    send({ type: 'history', problem: problem?.code ?? null });
  });
  recording.onRunsChanged(() => send({ type: 'checklist' }));
  return recording;
}

function send(event: VigieEvent): void {
  sendEvent(running?.window?.webContents, event);
}

function render(snapshot: Snapshot): void {
  if (!running) return;
  running.tray.apply(
    trayModel(snapshot, {
      settings: running.settings.get(),
      tr: running.tr,
      now: Date.now(),
      checking: running.checking,
      activeRun: activeRun(),
      historyProblem: running.recording.history.problem?.code ?? null,
      updateReady: readyVersion(),
      brokenChannels: running.alerts.broken(),
    }),
  );
}

/** The version downloaded, verified and waiting for a restart, if any. */
function readyVersion(): string | null {
  const state = running?.updates?.updater.current();
  return state?.kind === 'ready' ? state.version : null;
}

function openWindow(serviceId?: string): void {
  if (!running) return;
  if (running.window && !running.window.isDestroyed()) {
    running.window.show();
    running.window.focus();
  } else {
    const settings = running.settings.get();
    running.window = createWindow({
      pageUrl: pageUrl(),
      preload: preloadPath(),
      bounds: settings.window,
      rtl: running.tr.language === 'ar',
      onBounds: (bounds) =>
        running?.settings.update((s) => ({ ...s, window: { ...s.window, ...bounds } })),
      onClosed: () => {
        if (running) running.window = null;
      },
    });
  }
  if (serviceId) send({ type: 'focusService', serviceId });
}

async function act(action: TrayAction): Promise<void> {
  if (!running) return;
  const { engine } = running;
  switch (action.type) {
    case 'checkNow':
      running.checking = true;
      render(engine.scheduler.snapshot());
      await engine.scheduler.checkNow();
      running.checking = false;
      render(engine.scheduler.snapshot());
      return;
    case 'open':
      openWindow(action.serviceId);
      return;
    case 'openRun':
      openRun(action.runId);
      return;
    case 'pause':
      engine.scheduler.pause(action.until);
      running.settings.update((s) => ({ ...s, pausedUntil: action.until }));
      return;
    case 'resume':
      engine.scheduler.resume();
      running.settings.update((s) => ({ ...s, pausedUntil: null }));
      return;
    case 'launchAtLogin':
      applyLaunchAtLogin(action.enabled);
      render(engine.scheduler.snapshot());
      return;
    case 'installUpdate':
      running.updates?.source.quitAndInstall();
      return;
    case 'quit':
      app.quit();
      return;
    default:
      return assertNever(action, 'tray action');
  }
}

/** Turns launch at login on or off the OS's way, and keeps the setting as the OS now says. */
function applyLaunchAtLogin(enabled: boolean): void {
  if (!running) return;
  try {
    setLaunchAtLogin(enabled);
  } catch {
    // The OS refused (a read-only autostart folder): the setting shows what is true.
  }
  syncLaunchAtLogin();
}

function syncLaunchAtLogin(): void {
  if (!running) return;
  const actual = launchAtLogin();
  if (running.settings.get().launchAtLogin === actual) return;
  running.settings.update((s) => ({ ...s, launchAtLogin: actual }));
  render(running.engine.scheduler.snapshot());
}

/**
 * The desktop notification, an alert channel like ntfy (main/alerts/desktop.ts). Called directly,
 * never through the outbox: a notice is shown now or not at all, never late, twice or retried.
 */
const desktop = desktopChannel({
  supported: () => Notification.isSupported(),
  show: showNotification,
  open: (target) =>
    target && 'runId' in target ? openRun(target.runId) : openWindow(target?.serviceId),
});

/** Shows the notices; an outage that opened a checklist offers it (a click opens the run). */
function notify(
  changes: readonly VerdictChange[],
  started: readonly Run[],
  snapshot: Snapshot,
): void {
  if (!running) return;
  const tr = running.tr;
  for (const notice of noticesFor(changes, {
    settings: running.settings.get(),
    tr,
    now: Date.now(),
    snapshot,
  }))
    tell(desktopMessage(notice, changes, started, tr));
}

/** One notice through the desktop channel; what the OS refused is logged, not retried. */
function tell(message: AlertMessage): void {
  void desktop.send(message).then((outcome) => {
    if (outcome.kind !== 'accepted')
      running?.logs.logger('notify').warn('notice not shown', { reason: outcome.reason.key });
  });
}

/** The run under way, for the tray menu. */
function activeRun(): { id: string; services: string[] } | null {
  const run = running?.recording.checklist?.runs.book.active();
  return run ? { id: run.id, services: run.services.map((s) => s.name) } : null;
}

/** An invite link was opened: the window shows it in Settings → Team (it takes it when it loads). */
function openTeamLink(): void {
  openWindow();
  send({ type: 'teamLink' });
}

function openRun(runId: string): void {
  openWindow();
  send({ type: 'focusRun', runId });
}

/** Settings that change what the engine checks or how: changing one restarts the engine. */
const ENGINE_SETTINGS = [
  'services',
  'customServices',
  'intervalSeconds',
  'lowData',
  'failureThreshold',
  'successThreshold',
  'nonCriticalMaxDegraded',
  'secondOpinion',
  'context',
] as const;

/** Creates, wires and starts an engine for the current settings. */
function startEngine(settings: Settings, recording: Recording, previous?: Snapshot): Engine {
  const engine = createEngine(configFromSettings(defaultConfig(), settings), {
    overall: { nonCriticalMaxDegraded: settings.nonCriticalMaxDegraded },
    initial: previous?.services,
    // The OS's region answers "your country" for the second opinion unless the settings say.
    country: /^[A-Z]{2}$/.test(app.getLocaleCountryCode()) ? app.getLocaleCountryCode() : null,
  });
  if (running) logScheduler(engine.scheduler, running.logs.logger('engine'));
  engine.scheduler.on('change', (change) => {
    running?.pendingChanges.push(change);
    running?.alerts.change(change);
    send({ type: 'change', change });
  });
  engine.scheduler.on('snapshot', (snapshot) => {
    if (!running) return;
    let started: Run[] = [];
    if (snapshot.checkedAt > 0 && snapshot.overall !== 'paused')
      started = recording.record(snapshot);
    notify(running.pendingChanges.splice(0), started, snapshot);
    running.alerts.snapshot(snapshot);
    running.updates?.updater.connectivityChanged(snapshot.overall === 'offline');
    render(snapshot);
    send({ type: 'snapshot', snapshot });
  });
  engine.scheduler.start();
  if (settings.pausedUntil !== null && settings.pausedUntil > Date.now())
    engine.scheduler.pause(settings.pausedUntil);
  return engine;
}

// "Vigie is not running" below stays English: the window's calls are registered only once Vigie
// runs, so no person can meet it.
function engineNow(): Engine {
  if (!running) throw new Error('Vigie is not running');
  return running.engine;
}

function scheduler() {
  return engineNow().scheduler;
}

function updateSettings(patch: Partial<Settings>): Settings {
  if (!running) throw new Error('Vigie is not running');
  const before = running.settings.get();
  const next = running.settings.update((s) => ({ ...s, ...patch }));
  running.tr = translatorFor(next);
  if (before.launchAtLogin !== next.launchAtLogin) applyLaunchAtLogin(next.launchAtLogin);
  if (before.updates !== next.updates && running.updates) {
    running.updates.source.installOnQuit(next.updates);
    if (next.updates) void running.updates.updater.checkNow();
  }
  // The alerts' words follow the language; channels changed by a settings call are rebuilt.
  if (
    before.language !== next.language ||
    JSON.stringify(before.alerts) !== JSON.stringify(next.alerts)
  )
    void running.alerts.reload();
  if (ENGINE_SETTINGS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]))) {
    const previous = running.engine.scheduler.snapshot();
    void running.engine.close();
    running.engine = startEngine(next, running.recording, previous);
  }
  render(scheduler().snapshot());
  send({ type: 'settings', settings: next });
  return next;
}

/** userData/logs: one file a day, what went wrong findable after the fact. */
function startLogs(): LogSink {
  const logs = new LogSink({ dir: join(app.getPath('userData'), 'logs') });
  // The tray stays: a failure in one handler must not end the watch.
  logUncaught(process, logs.logger('process'), () => undefined);
  const window = logs.logger('window');
  app.on('render-process-gone', (_event, _contents, details) =>
    window.error(`the window's page stopped (${details.reason})`, undefined, {
      exitCode: details.exitCode,
    }),
  );
  app.on('child-process-gone', (_event, details) =>
    logs.logger('app').error(`a ${details.type} process stopped (${details.reason})`, undefined, {
      exitCode: details.exitCode,
    }),
  );
  logs.logger('app').info('started', { version: app.getVersion(), platform: process.platform });
  return logs;
}

function start(): void {
  const logs = startLogs();
  const opened = SettingsStore.open(app.getPath('userData'));
  const settings = opened.store;
  if (opened.notSaved)
    logs.logger('settings').warn(`settings not saved at start: ${opened.notSaved}`);
  const tr = translatorFor(settings.get());
  const recording = openRecording(logs);
  const { history, checklist } = recording;
  const alerts = new AppAlerts({
    dir: app.getPath('userData'),
    cipher: safeStorageCipher(),
    http: createHttpClient(),
    host: hostname(),
    alerts: () => settings.get().alerts,
    saveAlerts: (next) => settings.update((s) => ({ ...s, alerts: next })),
    translator: () => {
      const language = settings.get().alerts.language;
      return language ? createTranslator(language) : (running?.tr ?? tr);
    },
    changed: () => running && render(running.engine.scheduler.snapshot()),
  });
  const team = startAppTeam(
    app.getPath('userData'),
    recording,
    () => {
      send({ type: 'team' });
      send({ type: 'checklist' });
    },
    logs.logger('team'),
  );
  const tray = createTray(
    iconPath,
    (action) => void act(action),
    () => openWindow(),
  );
  running = {
    engine: null as unknown as Engine,
    logs,
    settings,
    recording,
    alerts,
    team,
    tray,
    updates: null,
    window: null,
    tr,
    checking: false,
    pendingChanges: [],
  };
  render(emptySnapshot());
  void alerts.reload();
  running.engine = startEngine(settings.get(), recording);
  running.updates = startUpdates({
    settings: () => settings.get(),
    offline: () => running?.engine.scheduler.snapshot().overall === 'offline',
    changed: () => running && render(running.engine.scheduler.snapshot()),
    log: logs.logger('updates'),
  });
  if (opened.reset) {
    const key = opened.reset.whole ? 'settings.reset' : 'settings.salvaged';
    tell(localMessage('Vigie', tr.t(key, { backup: opened.reset.backup }), null));
  }
  hideFromDock();
  // The OS is the truth about launch at login (the user may have changed it there).
  syncLaunchAtLogin();
  // The user launched Vigie (or opened an invite link with it): show it. A launch at login starts
  // quietly in the tray.
  if (!launchedAtLogin() || teamLinks?.waiting) openWindow();
  registerIpc(
    ipcMain,
    createHandlers({
      scheduler,
      get history() {
        return history.store;
      },
      historyProblem: () => history.problem?.code ?? null,
      settings: () => settings.get(),
      updateSettings,
      openExternal: (url) => shell.openExternal(url),
      catalog: defaultConfig,
      tryService: (service) => engineNow().tryService(service),
      saveFile: (name, content) => saveFile(running?.window ?? null, name, content),
      dataDir: app.getPath('userData'),
      version: app.getVersion(),
      checklist,
      translator: () => running?.tr ?? tr,
      copy: (text) => clipboard.writeText(text),
      alerts,
      team: team.team,
      teamLinks: teamLinks ?? undefined,
      teamAccess: () => team.team.current(),
      logs: logsAccess(
        logs,
        {
          version: app.getVersion(),
          system: `${process.platform} ${release()} ${process.arch}`,
          settings: () => settings.get(),
        },
        async (dir) => {
          const failed = await shell.openPath(dir);
          // The system's reason is English (or empty): the window says where the logs are.
          if (failed)
            throw new Refusal('refusals.logsNotOpened', { dir }, `logs not opened: ${failed}`);
        },
      ),
    }),
    senderIs(() => running?.window?.webContents.id ?? null, pageUrl()),
    () => running?.tr ?? tr,
  );
  powerMonitor.on('suspend', () => scheduler().notifySuspend());
  powerMonitor.on('resume', () => scheduler().notifyResume());
  watchNetwork(() => running?.engine.scheduler.notifyNetworkChange());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  prepareDesktop();
  // A second launch shows this one's window, with the invite link it was given if any.
  teamLinks = listenForTeamLinks(openTeamLink, () => openWindow());
  // macOS: a click on the app in Finder or Launchpad while it runs.
  app.on('activate', () => openWindow());
  // A tray app keeps running with no window.
  app.on('window-all-closed', () => undefined);
  void app.whenReady().then(start);
  app.on('before-quit', () => {
    if (!running) return;
    void running.engine.close();
    void running.alerts.close();
    void running.team.close();
    running.updates?.updater.stop();
    running.recording.close();
    running.tray.destroy();
  });
}
