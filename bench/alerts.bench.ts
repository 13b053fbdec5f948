// Alerts: how long a confirmed change takes to be accepted by a channel (loopback ntfy, through
// the outbox and its flushes to disk), and the headless engine's memory with four channels on.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MINUTE } from '../shared/durations';
import { createTranslator } from '../shared/i18n';
import { makeChannels } from '../main/alerts/channels';
import { AlertDispatcher, type AlertReport } from '../main/alerts/dispatcher';
import { Outbox } from '../main/alerts/outbox';
import { createHttpClient } from '../main/engine/net/http-client';
import { alertsSchema } from '../shared/alerts/schema';
import { snapshotOf } from '../test/helpers/snapshots';
import { wentDown } from '../test/helpers/alerts';
import { LAB_SMTP, LAB_TELEGRAM, startAlertLab } from '../test/lab/alert-lab';
import { bundleCli } from '../scripts/bundle-node';
import type { Bench, Report } from './bench';
import { labConfig, memoryLab, watchRss } from './engine.bench';
import { historyFixture } from './history.bench';

const RUNS = 20;
const BUDGET_MS = 2000;

/** Confirmed change → accepted by a loopback ntfy server, median of 20 (each a new incident). */
async function delay(report: Report): Promise<void> {
  const lab = await startAlertLab();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-alerts-'));
  const http = createHttpClient();
  try {
    const alerts = alertsSchema.parse({
      channels: [{ id: 'phone', kind: 'ntfy', url: `${lab.base}/ntfy/bench-topic` }],
    });
    let delivered: (() => void) | null = null;
    const dispatcher = new AlertDispatcher({
      channels: makeChannels(alerts, { http, env: {}, now: Date.now }),
      outbox: new Outbox(dir),
      tr: createTranslator('en'),
      host: 'bench',
      events: alerts.events,
      now: Date.now,
      setTimer: (run, ms) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
      report: (r: AlertReport) => {
        if (r.kind !== 'delivered') throw new Error(`alert not delivered: ${JSON.stringify(r)}`);
        delivered?.();
      },
    });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const at = Date.now();
      const change = wentDown(`service-${i}`, at);
      const accepted = new Promise<void>((resolve) => (delivered = resolve));
      const started = performance.now();
      dispatcher.changes([change], snapshotOf(at, [change.current]));
      await accepted;
      times.push(performance.now() - started);
    }
    await dispatcher.close();
    if (lab.accepted('/ntfy/bench-topic').length !== RUNS)
      throw new Error('alerts bench: not every alert arrived');
    times.sort((a, b) => a - b);
    const median = ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2;
    report('alerts.delay_ms', Math.round(median * 10) / 10, 'ms');
    report('alerts.delay_budget_ms', BUDGET_MS, 'ms');
  } finally {
    await http.close();
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npx vigie watch` as engine.watch_rss_with_90d_history_mb runs it (50 services every 10 s,
 * 90 days of history), with four alert channels on: ntfy, Telegram, e-mail and a webhook.
 */
async function rss(report: Report): Promise<void> {
  const { lab, services } = await memoryLab();
  const channels = await startAlertLab();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-alerts-'));
  try {
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, lab.ca);
    const configFile = join(dir, 'watch-config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        ...labConfig(lab, services),
        intervalSeconds: 10,
        alerts: {
          channels: [
            { id: 'phone', kind: 'ntfy', url: `${channels.base}/ntfy/bench` },
            {
              id: 'tg',
              kind: 'telegram',
              token: LAB_TELEGRAM.token,
              chatId: LAB_TELEGRAM.chatId,
              apiUrl: channels.base,
            },
            {
              id: 'mail',
              kind: 'email',
              host: '127.0.0.1',
              port: channels.smtpPort,
              user: LAB_SMTP.user,
              password: LAB_SMTP.password,
              from: LAB_SMTP.user,
              to: ['owner@example.com'],
            },
            { id: 'team', kind: 'webhook', url: `${channels.base}/hook/bench`, format: 'slack' },
          ],
        },
      }),
    );
    // The same watch without channels, run side by side: memory figures move by several MB from
    // one run to the next on a busy machine, and what matters is what the channels add.
    const plainConfig = join(dir, 'plain-config.json');
    writeFileSync(
      plainConfig,
      JSON.stringify({ ...labConfig(lab, services), intervalSeconds: 10 }),
    );
    const data = join(dir, 'watch-data');
    const plainData = join(dir, 'plain-data');
    cpSync(historyFixture().dir, data, { recursive: true });
    cpSync(historyFixture().dir, plainData, { recursive: true });
    const cli = await bundleCli(join(dir, 'vigie.mjs'));
    const [peak, plain] = await Promise.all([
      watchRss(cli, configFile, caFile, data, 3 * MINUTE),
      watchRss(cli, plainConfig, caFile, plainData, 3 * MINUTE),
    ]);
    report('alerts.watch_rss_four_channels_mb', Math.round(peak * 10) / 10, 'MB');
    report('alerts.watch_rss_no_channels_mb', Math.round(plain * 10) / 10, 'MB');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await channels.close();
    await lab.stop();
  }
}

export const alertsBenches: readonly Bench[] = [
  { name: 'alerts.delay', run: delay },
  { name: 'alerts.watch_rss', run: rss },
];
