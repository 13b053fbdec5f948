// What each IPC channel does, over the engine, the history and the settings. Plain Node, so the
// end-to-end tests bridge a real page to exactly what the app runs.
import type { ServiceConfig, VigieConfig } from '../../shared/config-schema';
import type { Translator } from '../../shared/i18n';
import type {
  HistoryProblemCode,
  CatalogEntry,
  Channel,
  ChecklistState,
  PlaybooksState,
  Replies,
  RequestOf,
} from '../../shared/ipc';
import { Refusal } from '../../shared/errors';
import { DAY, SECOND } from '../../shared/durations';
import { ownServiceDefinition, ownServiceProblems } from '../../shared/own-service';
import type { Settings } from '../../shared/settings-schema';
import type { ServiceStatus } from '../../shared/types';
import type { Scheduler } from '../engine/scheduler';
import { incidentsCsv, localDate } from '../history/export';
import { NotSavedError } from '../history/problem';
import type { HistoryStore } from '../history/store';
import type { Checklist } from '../playbooks';
import { defaults } from '../playbooks/defaults';
import { playbooksProblemWords } from '../playbooks/store';
import { configFromSettings } from './engine-config';
import type { LogsAccess } from '../log/diagnostics';
import { catalogEntry } from '../../shared/catalog';
import { serviceBytesPerMonth } from '../../shared/data-estimate';
import type { AppAlerts, ChannelInfo } from '../alerts/app-alerts';
import { SecretsUnavailable } from '../alerts/secret-store';
import type { AlertChannelView } from '../../shared/alerts/app-settings';
import type { AppTeam } from '../team/app-team';
import { teamHandlers } from './team-handlers';
import type { TeamLinkInbox } from './team-link';
import {
  findShownRun,
  incOfRunId,
  runViews,
  teamReport,
  type ServiceInfo,
  type TeamAccess,
} from '../team/run-view';
import type { ReportTeam } from '../playbooks/report';

/** The implementation of each channel. */
export type Handlers = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Replies[C]> | Replies[C];
};

export interface HandlerDeps {
  /** The running scheduler (it is replaced when settings restart the engine). */
  readonly scheduler: () => Scheduler;
  /** The open history (read each time: it may open later, after a full disk at start). */
  readonly history: HistoryStore | null;
  /** Why history is not being saved now, if it is not. */
  readonly historyProblem?: () => HistoryProblemCode | null;
  readonly settings: () => Settings;
  readonly updateSettings: (patch: Partial<Settings>) => Settings;
  readonly openExternal: (url: string) => Promise<void>;
  /** The built-in catalog (before the user's choices). */
  readonly catalog: () => VigieConfig;
  /** Checks a service definition once (Engine.tryService). */
  readonly tryService: (service: ServiceConfig) => Promise<ServiceStatus>;
  /**
   * Asks where to save a file (a dialog in the app) and writes it there; resolves to the path, or
   * null when the person cancelled.
   */
  readonly saveFile: (suggestedName: string, content: string) => Promise<string | null>;
  /** Where settings and history live. */
  readonly dataDir: string | null;
  readonly version: string;
  readonly now?: () => number;
  /** The continuity checklist (null if its folder could not be opened). */
  readonly checklist: Checklist | null;
  /** The translator of the current language (reports are written in it). */
  readonly translator: () => Translator;
  /** Puts text on the system clipboard. */
  readonly copy: (text: string) => void;
  /** Vigie's log files: opening their folder, and the diagnostics text with the last lines. */
  readonly logs?: LogsAccess;
  /** The team this Vigie takes part in now (null or absent: none). */
  readonly teamAccess?: () => TeamAccess | null;
  /** Alerts beyond this computer (absent: the calls say alerts are not available here). */
  readonly alerts?: Pick<
    AppAlerts,
    'list' | 'save' | 'remove' | 'test' | 'newTopic' | 'pairingCode' | 'pairedChat'
  >;
  /** This computer's team (absent: the calls say teams are not available here). */
  readonly team?: AppTeam;
  /** The invite link opened from another app, waiting for the window (absent: never one). */
  readonly teamLinks?: Pick<TeamLinkInbox, 'take'>;
}

/** Log lines that go with "Copy diagnostics". */
const DIAGNOSTIC_LINES = 200;

/** The services a person may watch, with the choices in effect. */
export function catalogEntries(catalog: VigieConfig, settings: Settings): CatalogEntry[] {
  const ownIds = new Set(settings.customServices.map((s) => s.id));
  const config = configFromSettings(catalog, settings);
  return config.services.map((service) => ({
    id: service.id,
    name: service.name,
    ...(service.provider ? { provider: service.provider } : {}),
    aliases: service.aliases ?? [],
    category: service.category,
    official: catalogEntry(service).sources.length > 0,
    monthBytes: serviceBytesPerMonth(service, config.intervalSeconds),
    enabled: service.enabled,
    critical: service.critical,
    muted: settings.services[service.id]?.muted ?? false,
    custom: ownIds.has(service.id) && !catalog.services.some((c) => c.id === service.id),
  }));
}

function needLogs(logs: LogsAccess | undefined): LogsAccess {
  if (!logs) throw new Refusal('refusals.noLogs', {}, 'no log files are kept here');
  return logs;
}

function needAlerts(alerts: HandlerDeps['alerts']): NonNullable<HandlerDeps['alerts']> {
  if (!alerts) throw new Refusal('refusals.noAlerts', {}, 'alerts are not available here');
  return alerts;
}

/** What the window sees of each channel: never a secret, reasons in its language. */
function channelViews(
  list: readonly ChannelInfo[],
  tr: Translator,
  nameOf: (serviceId: string) => string,
): AlertChannelView[] {
  return list.map(({ secrets, state, dependsOn, ...channel }) => ({
    channel,
    secrets,
    dependsOn: dependsOn.map(nameOf),
    lastDelivery: state.lastDelivery,
    broken: state.broken ? tr.t(state.broken.key, state.broken.values) : null,
    skipped: state.skipped,
  }));
}

/** Runs a change; one the disk (or another Vigie's lock) refused is said in the reader's language. */
function saved<T>(tr: Translator, change: () => T): T {
  try {
    return change();
  } catch (error) {
    if (!(error instanceof NotSavedError)) throw error;
    const { key, values } = error.problem.words;
    throw new Error(tr.t('saving.notSaved', { reason: tr.t(key, values) }));
  }
}

function need(checklist: Checklist | null): Checklist {
  if (!checklist)
    throw new Refusal('refusals.noChecklist', {}, 'the checklist folder could not be opened');
  return checklist;
}

/** `vigie-incidents-whatsapp-2026-11-26.csv`, `vigie-report-whatsapp-2026-11-26.md`. */
function exportName(
  kind: 'incidents' | 'report',
  serviceId: string | undefined,
  format: string,
  at: number,
): string {
  const day = localDate(at);
  return `vigie-${kind}-${serviceId ? `${serviceId}-` : ''}${day}.${format}`;
}

/** Builds the handlers of every channel. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const now = deps.now ?? Date.now;
  const team = () => deps.teamAccess?.() ?? null;
  /** A service by id, as the settings and the catalog name it (a teammate's may not be watched here). */
  const describe = (id: string): ServiceInfo => {
    const known =
      configFromSettings(deps.catalog(), deps.settings()).services.find((s) => s.id === id) ??
      deps.catalog().services.find((s) => s.id === id);
    return known
      ? {
          id,
          name: known.name,
          category: known.category,
          ...(known.provider ? { provider: known.provider } : {}),
          ...(known.playbook ? { playbook: known.playbook } : {}),
        }
      : { id, name: id };
  };
  const serviceName = (id: string) => describe(id).name;
  /** A team incident's id, from a run shown for it; throws without a team. */
  const teamIncident = (runId: string): string | null => {
    const inc = incOfRunId(runId);
    if (inc !== null && !team())
      throw new Refusal('refusals.runGone', {}, `no team incident ${inc}`);
    return inc;
  };
  const checklistState = (): ChecklistState => {
    const checklist = need(deps.checklist);
    const watched = deps.scheduler().snapshot().services;
    const problem = checklist.playbooks.problem;
    return {
      runs: runViews(checklist, watched, deps.settings().backupChannels, team(), describe),
      readiness: checklist.readiness(watched),
      profile: checklist.playbooks.profile(),
      messages: checklist.playbooks.messages(),
      editedMessages: checklist.playbooks.editedMessages(),
      problem: problem ? playbooksProblemWords(problem, deps.translator()) : null,
    };
  };
  const playbooksState = (): PlaybooksState => {
    const { playbooks } = need(deps.checklist);
    const shipped = defaults().playbooks.map((p) => p.id);
    return {
      playbooks: playbooks.playbooks(),
      shipped,
      edited: shipped.filter((id) => playbooks.isEdited(id)),
      services: configFromSettings(deps.catalog(), deps.settings())
        .services.filter((s) => s.enabled)
        .map((s) => ({
          id: s.id,
          name: s.name,
          critical: s.critical,
          playbookId: playbooks.playbookFor(s).id,
        })),
    };
  };
  return {
    'snapshot:get': () => deps.scheduler().snapshot(),
    'engine:checkNow': () => deps.scheduler().checkNow(),
    'engine:pause': ({ until }) => {
      deps.scheduler().pause(until);
      return deps.scheduler().snapshot();
    },
    'engine:resume': () => {
      deps.scheduler().resume();
      return deps.scheduler().snapshot();
    },
    'history:uptime': ({ serviceId }) => deps.history?.uptime(serviceId) ?? [],
    'history:days': ({ serviceId, days }) => deps.history?.dailyCells(serviceId, days) ?? [],
    'history:daysMany': ({ serviceIds, days }) =>
      Object.fromEntries(
        serviceIds.map((id) => [id, deps.history?.dailyCells(id, days).map((c) => c.state) ?? []]),
      ),
    'history:latency': ({ serviceId, from, to }) =>
      deps.history?.latencySeries(serviceId, from, to) ?? { resolution: '1h', points: [] },
    'history:incidents': (filter) => deps.history?.incidents(filter) ?? [],
    'history:export': async ({ format, serviceId }) => {
      const incidents = deps.history?.incidents(serviceId ? { serviceId } : {}) ?? [];
      const content =
        format === 'csv'
          ? incidentsCsv(incidents, now())
          : `${JSON.stringify({ exportedAt: now(), incidents }, null, 2)}\n`;
      return {
        path: await deps.saveFile(exportName('incidents', serviceId, format, now()), content),
      };
    },
    'catalog:get': () => catalogEntries(deps.catalog(), deps.settings()),
    'services:try': async (form) => {
      const entries = catalogEntries(deps.catalog(), deps.settings());
      const problems = ownServiceProblems(
        form,
        entries.map((e) => e.name),
      );
      // The window checks each field as it is typed, with these very rules; a list of names that
      // changed meanwhile can still refuse it here, in the window's words.
      const first = Object.values(problems)[0];
      if (first) throw new Refusal(`prefs.${first}`, {}, `own service refused: ${first}`);
      const service = ownServiceDefinition(
        form,
        entries.map((e) => e.id),
      );
      return { service, status: await deps.tryService(service) };
    },
    'app:info': () => ({
      dataDir: deps.dataDir,
      bytesToday: deps.history?.bytesPerDay(1, now())[0]?.bytes ?? 0,
      bytesPerMonth: monthOf(
        deps.history?.bytesPerCycle(now()) ?? null,
        configFromSettings(deps.catalog(), deps.settings()).intervalSeconds,
      ),
      version: deps.version,
      historyProblem: deps.historyProblem?.() ?? null,
    }),
    'checklist:get': checklistState,
    // Shown once written: a tick or a note the disk refused is not applied, and says why.
    // A run this computer has no run for (a teammate's incident) is the team's only.
    'checklist:tick': ({ runId, key, done, note }) => {
      const inc = teamIncident(runId);
      if (inc !== null) team()?.setStep(inc, key, done, note);
      else saved(deps.translator(), () => need(deps.checklist).tick(runId, key, done, note));
      return checklistState();
    },
    'checklist:note': ({ runId, text }) => {
      const inc = teamIncident(runId);
      if (inc !== null) team()?.addNote(inc, text);
      else saved(deps.translator(), () => need(deps.checklist).note(runId, text));
      return checklistState();
    },
    'checklist:report': async ({ runId, format }) => {
      const checklist = need(deps.checklist);
      const access = team();
      const found = findShownRun(checklist, runId, access, describe);
      if (!found) throw new Refusal('refusals.runGone', {}, `no checklist ${runId}`);
      const { incident, seenHere } = found;
      let run = found.run;
      let reportTeam: ReportTeam | null = null;
      if (access && incident) {
        const made = teamReport(
          run,
          incident,
          seenHere,
          access.membership,
          access.state(),
          access.events(),
        );
        run = made.run;
        reportTeam = made.team;
      }
      const incidents =
        deps.history?.incidents().filter((i) => run.incidentIds.includes(i.id)) ?? [];
      const content = checklist.reportOf(run, format, incidents, deps.translator(), reportTeam);
      const name = exportName('report', run.services[0]?.id, format, run.startedAt);
      return { path: await deps.saveFile(name, content) };
    },
    // Each change to the playbooks file: one the disk refuses is said in the window's language.
    'checklist:ready': ({ stepId, ready }) => {
      saved(deps.translator(), () => need(deps.checklist).playbooks.setReady(stepId, ready));
      return checklistState();
    },
    'checklist:profile': (profile) => {
      saved(deps.translator(), () => need(deps.checklist).playbooks.setProfile(profile));
      return checklistState();
    },
    'messages:save': ({ template }) => {
      saved(deps.translator(), () => need(deps.checklist).playbooks.saveMessage(template));
      return checklistState();
    },
    'messages:restore': ({ id }) => {
      saved(deps.translator(), () => need(deps.checklist).playbooks.restoreMessage(id));
      return checklistState();
    },
    'playbooks:get': playbooksState,
    'playbooks:save': ({ playbook }) => {
      saved(deps.translator(), () => need(deps.checklist).playbooks.save(playbook));
      return playbooksState();
    },
    'playbooks:restore': ({ id }) => {
      saved(deps.translator(), () => need(deps.checklist).playbooks.restore(id));
      return playbooksState();
    },
    'playbooks:assign': ({ serviceId, playbookId }) => {
      saved(deps.translator(), () => need(deps.checklist).playbooks.assign(serviceId, playbookId));
      return playbooksState();
    },
    'logs:open': async () => {
      await needLogs(deps.logs).open();
      return null;
    },
    'logs:copyDiagnostics': () => {
      const { text, lines } = needLogs(deps.logs).diagnostics(DIAGNOSTIC_LINES);
      deps.copy(text);
      return { lines };
    },
    'alerts:list': () =>
      channelViews(needAlerts(deps.alerts).list(), deps.translator(), serviceName),
    'alerts:save': async ({ channel, replaces }) => {
      const tr = deps.translator();
      try {
        return channelViews(await needAlerts(deps.alerts).save(channel, replaces), tr, serviceName);
      } catch (error) {
        // Said in the window's language: nothing was saved, not even in clear.
        if (error instanceof SecretsUnavailable) throw new Error(tr.t('alerts.noKeychain'));
        throw error;
      }
    },
    'alerts:remove': async ({ id }) =>
      channelViews(await needAlerts(deps.alerts).remove(id), deps.translator(), serviceName),
    'alerts:test': async ({ id }) => {
      const result = await needAlerts(deps.alerts).test(id);
      if (result.ok) return result;
      const tr = deps.translator();
      return { ok: false, reason: tr.t(result.reason.key, result.reason.values) };
    },
    'alerts:newTopic': ({ server }) => needAlerts(deps.alerts).newTopic(server),
    'alerts:pairingCode': () => ({ code: needAlerts(deps.alerts).pairingCode() }),
    'alerts:checkPairing': async ({ code, token, channelId, apiUrl }) => {
      const alerts = needAlerts(deps.alerts);
      const from = token !== undefined ? { value: token } : { channel: channelId ?? '' };
      return { chatId: await alerts.pairedChat(code, from, apiUrl) };
    },
    ...teamHandlers(deps.team, deps.translator, deps.teamLinks),
    'clipboard:write': ({ text }) => {
      deps.copy(text);
      return null;
    },
    'settings:get': () => deps.settings(),
    // A change the disk refuses is said in the window's language, and not shown as made.
    'settings:set': (patch) => saved(deps.translator(), () => deps.updateSettings(patch)),
    'shell:openExternal': async ({ url }) => {
      await deps.openExternal(url);
      return null;
    },
  };
}

/** A month (30 days) of cycles at the interval in effect now, each the size of the average cycle. */
function monthOf(perCycle: number | null, intervalSeconds: number): number | null {
  if (perCycle === null) return null;
  return Math.round((perCycle * 30 * DAY) / (intervalSeconds * SECOND));
}
