// The command line over the engine and the history: `check` runs one cycle, `watch` runs
// continuously and records, `history` reads what was recorded. No Electron needed.
import { styleText } from 'node:util';
import type { VigieConfig } from '../shared/config-schema';
import type { Snapshot } from '../shared/types';
import { parseCli, usageText, UsageError, type CliArgs } from './cli/args';
import { EXIT, exitCodeFor, snapshotJson, snapshotTable, useColour } from './cli/output';
import {
  createTranslator,
  isolated,
  isPlainLocale,
  languageFrom,
  type Translator,
} from '../shared/i18n';
import { WatchPrinter } from './cli/watch-printer';
import { terminalChannel } from './alerts/terminal';
import { openWatchRecording, sayRunsStarted } from './cli/watch-recording';
import { resolveServiceIds } from './cli/service-ids';
import { forTerminal } from './cli/terminal-text';
import { defaultConfig } from './engine/catalog';
import { loadConfigFile } from './engine/config-file';
import { createEngine } from './engine';
import { cancelPendingLookups } from './engine/net/resolve';
import { localeCountry } from './engine/second-opinion';
import { hasHistory, printHistory } from './cli/history-command';
import { servicesOutput } from './cli/services-command';
import { defaultDataDir } from './history/data-dir';
import { daysCsv, incidentsCsv } from './history/export';
import { openHistory, type HistoryStore } from './history/store';
import { findRun, RunStore } from './playbooks';
import { buildReport, reportMarkdown } from './playbooks/report';
import { reportTeamOf } from './cli/report-team';
import { assertNever, messageOf } from '../shared/errors';
import { LogSink } from './log/logger';
import { logRecording, logScheduler } from './log/observe';
import { logUncaught } from './log/process-handlers';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly colour: boolean;
  /** The user's language, from LC_ALL, LC_MESSAGES or LANG. */
  readonly tr: Translator;
  /** The user's country for the second opinion, from the same locale variables (null if none). */
  readonly country: string | null;
  /** The environment, where alert secrets given as `{ "env": NAME }` are read. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

async function loadConfig(args: CliArgs, io: Io): Promise<VigieConfig | number> {
  let config: VigieConfig;
  if (args.config) {
    const loaded = await loadConfigFile(args.config, io.tr.language);
    if (!loaded.ok) {
      io.err(io.tr.t('usage.badConfig', { file: loaded.file }));
      for (const p of loaded.problems)
        io.err(`  ${io.tr.t('join.label', { label: p.path, value: p.message })}`);
      return EXIT.config;
    }
    config = loaded.config;
    if (!config.services.some((s) => s.enabled !== false)) {
      // Nothing would be checked, and "All services are up" would be said of nothing.
      io.err(io.tr.t('usage.nothingToCheck', { file: args.config }));
      return EXIT.config;
    }
  } else {
    config = defaultConfig();
  }
  if (args.only) {
    const { ids, unknown } = resolveServiceIds(args.only, config.services);
    if (unknown.length > 0) {
      for (const miss of unknown)
        io.err(
          forTerminal(
            miss.suggestion
              ? io.tr.t('usage.unknownServiceMeant', { asked: miss.asked, meant: miss.suggestion })
              : io.tr.t('usage.unknownService', { asked: miss.asked }),
          ),
        );
      io.err(
        io.tr.t('usage.known', {
          ids: io.tr.list(
            config.services.map((s) => isolated(s.id, io.tr.language)),
            'plain',
          ),
        }),
      );
      return EXIT.usage;
    }
    const only = new Set(ids);
    config = {
      ...config,
      services: config.services.map((s) => ({ ...s, enabled: only.has(s.id) })),
    };
  }
  return config;
}

async function check(config: VigieConfig, args: CliArgs, io: Io): Promise<number> {
  const engine = createEngine(config, { country: io.country });
  try {
    const snapshot = await engine.checkOnce();
    io.out(
      args.json
        ? JSON.stringify(snapshotJson(snapshot), null, 2)
        : snapshotTable(snapshot, io.colour, io.tr),
    );
    return exitCodeFor(snapshot);
  } finally {
    await engine.close();
    // The answer is out: look-ups still queued past their deadline must not hold the exit.
    cancelPendingLookups();
  }
}

async function watch(config: VigieConfig, args: CliArgs, io: Io): Promise<number> {
  // Ctrl-C stops cleanly from the first moment, even while the history and the engine start.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const dataDir = args.data ?? defaultDataDir();
  // The alerts' code is loaded only when the file has channels (the headless engine's memory).
  const alerts = config.alerts?.channels.length
    ? (await import('./cli/alerts-command')).startWatchAlerts(config, dataDir, args.config, io)
    : null;
  if (typeof alerts === 'number') return alerts;
  const engine = createEngine(config, { country: io.country });
  const recording = openWatchRecording(dataDir, io);
  // The team's code is loaded only when the folder has a team.
  const team = existsSync(join(dataDir, 'team', 'team.json'))
    ? await (
        await import('./cli/watch-team')
      ).startWatchTeam(dataDir, recording, (line) => io.out(forTerminal(line)), io.tr)
    : null;
  // What went wrong stays findable after the terminal is closed: <data>/logs.
  const logs = new LogSink({ dir: join(dataDir, 'logs') });
  logUncaught(process, logs.logger('process'), (error) => {
    io.err(`vigie: ${messageOf(error)}`);
    process.exit(EXIT.software);
  });
  logScheduler(engine.scheduler, logs.logger('engine'));
  logRecording(recording, logs);
  logs
    .logger('watch')
    .info('started', { services: config.services.filter((s) => s.enabled).length });
  // The lines are an alert channel of their own, the terminal (docs/alerts.md#for-developers).
  const printer = new WatchPrinter(
    io.tr,
    terminalChannel((line) => io.out(line)),
  );
  engine.scheduler.on('change', (change) => {
    printer.change(change);
    alerts?.change(change);
  });
  engine.scheduler.on('snapshot', (snapshot: Snapshot) => {
    // Snapshots also come on pause or before the first cycle: only checked cycles are recorded.
    const checked = snapshot.checkedAt > 0 && snapshot.overall !== 'paused';
    // Checklist runs start, join and end with the incidents, as in the app.
    const started = checked ? recording.record(snapshot) : [];
    printer.snapshot(snapshot);
    sayRunsStarted(started, io);
    // Alerts go out after the lines that tell the same changes.
    alerts?.snapshot(snapshot);
  });
  engine.scheduler.on('error', (error) =>
    io.err(io.tr.t('cli.checkFailed', { message: messageOf(error) })),
  );
  io.out(
    io.tr.t('cli.watching', {
      count: config.services.filter((s) => s.enabled).length,
      seconds: config.intervalSeconds,
    }),
  );
  engine.scheduler.start();
  await stopped;
  await engine.close();
  await alerts?.close();
  await team?.close();
  printer.flush();
  cancelPendingLookups();
  recording.close();
  logs.logger('watch').info('stopped');
  io.out(io.tr.t('cli.stopped'));
  return EXIT.ok;
}

function history(config: VigieConfig, args: CliArgs, io: Io): number {
  const dataDir = args.data ?? defaultDataDir();
  if (!hasHistory(dataDir)) {
    const said = io.tr.t('cli.noHistory', { dir: dataDir });
    // An export stays what it says it is (a file that parses), with the words on stderr.
    if (args.format === 'json' && !args.report) {
      io.err(said);
      io.out(JSON.stringify({ dataDir, services: [], incidents: [], bytesPerDay: [] }, null, 2));
      return EXIT.ok;
    }
    if (args.format === 'csv' && !args.report) {
      io.err(said);
      io.out(args.csv === 'days' ? daysCsv([]).trimEnd() : incidentsCsv([], Date.now()).trimEnd());
      return EXIT.ok;
    }
    io.out(said);
    return EXIT.ok;
  }
  let store: HistoryStore;
  try {
    store = openHistory({ dir: dataDir, readOnly: true });
  } catch (error) {
    io.err(io.tr.t('cli.cannotRead', { dir: dataDir, message: messageOf(error) }));
    return EXIT.unreadable;
  }
  try {
    if (args.report) return printReport(dataDir, args.report, store, io);
    // The catalog's names, and for the rest (the user's own services) the names they were recorded under.
    const names = new Map(config.services.map((s) => [s.id, s.name]));
    const named = { get: (id: string) => names.get(id) ?? store.serviceName(id) };
    return printHistory(store, args, named, io, Date.now());
  } finally {
    store.close();
  }
}

/** `history --report ID`: the same Markdown the window exports, in the user's language. */
function printReport(dataDir: string, id: string, store: HistoryStore, io: Io): number {
  const runs = new RunStore(dataDir, { readOnly: true });
  for (const warning of runs.warnings) io.err(`warning: ${warning}`);
  // An incident with no checklist run (a service not critical, or recorded before runs were kept):
  // its report is the incident alone — what failed, its timeline — with no steps.
  const incident = store.incidents().find((i) => i.id === id);
  const run =
    findRun(runs, id) ??
    (incident
      ? {
          id: incident.id,
          startedAt: incident.start,
          endedAt: incident.end,
          services: [{ id: incident.serviceId, name: incident.serviceName }],
          incidentIds: [incident.id],
          openIncidentIds: incident.end === null ? [incident.id] : [],
          steps: [],
          events: [],
        }
      : undefined);
  if (!run) {
    const known = runs.book.list().map((r) => r.id);
    io.err(
      known.length === 0
        ? io.tr.t('cliErrors.noRunYet', { id })
        : io.tr.t('cliErrors.noRun', {
            id,
            runs: io.tr.list(
              known.map((r) => isolated(r, io.tr.language)),
              'plain',
            ),
          }),
    );
    return EXIT.usage;
  }
  const incidents = store.incidents().filter((i) => run.incidentIds.includes(i.id));
  // With a team, the whole team's timeline: who ticked what, when, and every member's notes.
  const team = existsSync(join(dataDir, 'team', 'team.json')) ? reportTeamOf(dataDir, run) : null;
  const report = buildReport(team?.run ?? run, incidents, io.tr, Date.now(), team?.team ?? null);
  io.out(reportMarkdown(report, io.tr).trimEnd());
  return EXIT.ok;
}

/** Runs the command line; returns the exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      const { key, values, lists = {} } = error.problem;
      const listed = Object.fromEntries(
        Object.entries(lists).map(([name, items]) => [
          name,
          io.tr.list(
            items.map((item) => isolated(item, io.tr.language)),
            'plain',
          ),
        ]),
      );
      io.err(`${io.tr.t(key, { ...values, ...listed })}\n\n${usageText(io.tr.t)}`);
      return EXIT.usage;
    }
    throw error;
  }
  if (args.command === 'help') {
    io.out(usageText(io.tr.t));
    return EXIT.ok;
  }
  // A team and its checklist need no config file: answered before one is read.
  if (args.command === 'team' || args.command === 'checklist') {
    const team = await import('./cli/team-command');
    return args.command === 'team' ? team.teamCommand(args, io) : team.checklistCommand(args, io);
  }
  const config = await loadConfig(args, io);
  if (typeof config === 'number') return config;
  switch (args.command) {
    case 'check':
      return check(config, args, io);
    case 'watch':
      return watch(config, args, io);
    case 'history':
      return history(config, args, io);
    case 'alert-test':
      return (await import('./cli/alerts-command')).alertTest(
        config,
        args.config,
        args.channel,
        io,
      );
    case 'services': {
      const { out } = servicesOutput(config.services, args, io.tr);
      io.out(out);
      return EXIT.ok;
    }
    default:
      return assertNever(args.command, 'command');
  }
}

// `npx vigie history | head`: the reader went away; that is the end, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const colour = useColour(process.stdout, process.env);
const locale = process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG'];
main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${colour ? styleText('red', text) : text}\n`),
  colour,
  tr: createTranslator(languageFrom(locale), { isoClock: isPlainLocale(locale) }),
  country: localeCountry(locale) ?? localeCountry(Intl.DateTimeFormat().resolvedOptions().locale),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vigie: ${messageOf(error)}\n`);
    process.exitCode = EXIT.software;
  },
);
