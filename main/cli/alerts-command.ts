// Alerts from the command line: `watch` sends each confirmed change through the config file's
// channels and prints one line per delivery or failure; `alert-test` sends one test message
// through each channel and prints each result (exit 0 when every channel accepted it, 1 if not).
import { hostname } from 'node:os';
import type { AlertsConfig } from '../../shared/alerts/schema';
import type { VigieConfig } from '../../shared/config-schema';
import { createTranslator, isolated, type Translator } from '../../shared/i18n';
import type { Snapshot, VerdictChange } from '../../shared/types';
import type { AlertChannel, Reason } from '../alerts/channel';
import { makeChannels } from '../alerts/channels';
import { AlertDispatcher, alertFilter, type AlertReport } from '../alerts/dispatcher';
import { Outbox } from '../alerts/outbox';
import { MissingSecret } from '../alerts/secrets';
import { testMessage } from '../alerts/words';
import { createHttpClient, type HttpClient } from '../engine/net/http-client';
import { EXIT } from './output';
import { forTerminal } from './terminal-text';

interface AlertIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly tr: Translator;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The reason in the user's words. */
export function reasonText(reason: Reason, tr: Translator): string {
  return tr.t(reason.key, reason.values);
}

/** One line of `watch` for what happened to an alert. */
export function alertLine(report: AlertReport, tr: Translator, at: number): string {
  const { t } = tr;
  const words = ((): string => {
    switch (report.kind) {
      case 'delivered':
        return t('alerts.lineDelivered', {
          channel: report.channel,
          title: report.title.replace(/^\u200f/, ''),
        });
      case 'retry':
        return t('alerts.lineRetry', {
          channel: report.channel,
          reason: reasonText(report.reason, tr),
          time: tr.clock(report.nextAt),
        });
      case 'wait':
        return t('alerts.lineWait', {
          channel: report.channel,
          reason: reasonText(report.reason, tr),
        });
      case 'broken':
        return t('alerts.lineBroken', {
          channel: report.channel,
          reason: reasonText(report.reason, tr),
        });
      case 'skipped':
        return t('alerts.lineSkipped', {
          channel: report.channel,
          services: tr.list(report.services),
        });
      case 'waiting':
        return t('alerts.lineWaiting', { channels: tr.list(report.channels) });
      case 'interrupted':
        return t('alerts.lineInterrupted', { channel: report.channel });
      case 'offline':
        return t('alerts.lineOffline', { waiting: report.count });
      default: {
        const never: never = report;
        return never;
      }
    }
  })();
  return forTerminal(`${tr.clock(at)}  ${words}`);
}

/** The alerts' language: the terminal's own translator when it is the same (one less in memory). */
function translatorFor(alerts: AlertsConfig, tr: Translator): Translator {
  const language = alerts.language ?? tr.language;
  return language === tr.language ? tr : createTranslator(language);
}

/** The channels of a config, or the exit status after saying which secret is missing. */
function channelsOf(
  alerts: AlertsConfig,
  http: HttpClient,
  io: AlertIo,
  file: string | undefined,
): AlertChannel[] | number {
  try {
    return makeChannels(alerts, { http, env: io.env, now: Date.now });
  } catch (error) {
    if (!(error instanceof MissingSecret)) throw error;
    const index = alerts.channels.findIndex((c) => c.id === error.channel);
    io.err(io.tr.t('usage.badConfig', { file: file ?? '' }));
    io.err(
      `  ${io.tr.t('join.label', { label: `alerts.channels[${index}].${error.field}`, value: io.tr.t(error.problem === 'missing' ? 'alerts.configMissingEnv' : 'alerts.configBadWebhookUrl', { variable: error.variable }) })}`,
    );
    return EXIT.config;
  }
}

/** What `watch` hands its changes and snapshots to, when the config has alert channels. */
export interface WatchAlerts {
  change(change: VerdictChange): void;
  snapshot(snapshot: Snapshot): void;
  close(): Promise<void>;
}

/** Starts sending alerts for `watch`; null when the config has no channel; a number on error. */
export function startWatchAlerts(
  config: VigieConfig,
  dataDir: string,
  file: string | undefined,
  io: AlertIo,
): WatchAlerts | null | number {
  const alerts = config.alerts;
  if (!alerts || alerts.channels.length === 0) return null;
  const http = createHttpClient();
  const channels = channelsOf(alerts, http, io, file);
  if (typeof channels === 'number') return channels;
  const outbox = new Outbox(dataDir);
  const dispatcher = new AlertDispatcher({
    channels,
    outbox,
    tr: translatorFor(alerts, io.tr),
    host: hostname(),
    ...alertFilter(alerts),
    services: alerts.services ?? config.services.map((s) => s.id),
    now: Date.now,
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    report: (report) => {
      const line = alertLine(report, io.tr, Date.now());
      if (report.kind === 'delivered') io.out(line);
      else io.err(line);
    },
  });
  if (outbox.problem)
    io.err(forTerminal(io.tr.t('alerts.lineOutboxLost', { dir: dataDir, code: outbox.problem })));
  let changes: VerdictChange[] = [];
  return {
    change: (change) => changes.push(change),
    snapshot(snapshot) {
      if (snapshot.checkedAt === 0 || snapshot.overall === 'paused') return;
      const these = changes;
      changes = [];
      dispatcher.changes(these, snapshot);
    },
    async close() {
      await dispatcher.close();
      await http.close();
    },
  };
}

/** `alert-test [--config FILE] [--channel ID]`. */
export async function alertTest(
  config: VigieConfig,
  file: string | undefined,
  only: string | undefined,
  io: AlertIo,
): Promise<number> {
  const alerts = config.alerts;
  if (!alerts || alerts.channels.length === 0) {
    io.err(io.tr.t('alerts.alertTestNoChannel'));
    return 1;
  }
  if (only !== undefined && !alerts.channels.some((c) => c.id === only)) {
    io.err(
      io.tr.t('alerts.alertTestUnknownChannel', {
        channel: only,
        ids: io.tr.list(
          alerts.channels.map((c) => isolated(c.id, io.tr.language)),
          'plain',
        ),
      }),
    );
    return EXIT.usage;
  }
  const http = createHttpClient();
  try {
    const chosen = {
      ...alerts,
      channels: alerts.channels.filter((c) => only === undefined || c.id === only),
    };
    const channels = channelsOf(chosen, http, io, file);
    if (typeof channels === 'number') return channels;
    const tr = translatorFor(alerts, io.tr);
    const results = await Promise.all(
      channels.map(async (channel) => {
        const outcome = await channel.send(testMessage(channel.id, Date.now(), hostname(), tr));
        await channel.close();
        return { channel, outcome };
      }),
    );
    let all = true;
    for (const { channel, outcome } of results) {
      const values = { channel: channel.id, kind: channel.kind };
      if (outcome.kind === 'accepted')
        io.out(forTerminal(io.tr.t('alerts.alertTestAccepted', values)));
      else {
        all = false;
        io.err(
          forTerminal(
            io.tr.t('alerts.alertTestFailed', {
              ...values,
              reason: reasonText(outcome.reason, io.tr),
            }),
          ),
        );
      }
    }
    return all ? EXIT.ok : 1;
  } finally {
    await http.close();
  }
}
