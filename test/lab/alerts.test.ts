// Alerts end to end: `npx vigie watch` (the bundle npm install makes) against loopback channel
// servers. A down then a recovery reach every channel once; a channel whose service is down is
// not called; 429 waits, 503 retries, 403 stops; a SIGKILL with an alert pending, then a restart,
// delivers it exactly once; `alert-test` says what each channel answered; no secret is printed
// or written anywhere.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../shared/config-schema';
import { Outbox } from '../../main/alerts/outbox';
import { findPairedChat, pairingCode } from '../../main/alerts/telegram-pairing';
import { createHttpClient } from '../../main/engine/net/http-client';
import { bundleCli, HEADLESS_NODE_FLAGS } from '../../scripts/bundle-node';
import { LAB_SMTP, LAB_TELEGRAM, startAlertLab, type AlertLab } from './alert-lab';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NTFY_TOKEN = 'tk_lab-ntfy-secret-token';
const HOOK_SECRET = 'T0LAB/B0LAB/lab-webhook-secret-path';
const SECRETS = [NTFY_TOKEN, LAB_TELEGRAM.token, LAB_SMTP.password, HOOK_SECRET];

let lab: AlertLab;
let dir: string;
let vigie: string[];

beforeAll(async () => {
  lab = await startAlertLab();
  dir = mkdtempSync(join(tmpdir(), 'vigie-alerts-'));
  vigie = [...HEADLESS_NODE_FLAGS, await bundleCli(join(dir, 'vigie.mjs'))];
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

const ENV = {
  NO_COLOR: '1',
  LANG: 'C',
  LC_ALL: '',
  LC_MESSAGES: '',
  NTFY_TOKEN,
  TG_TOKEN: LAB_TELEGRAM.token,
  SMTP_PASSWORD: LAB_SMTP.password,
};

/** A config: WhatsApp and Slack probed on the lab, checked every 10 s, confirmed at once. */
function config(channels: unknown[]): ConfigInput {
  const service = (id: string, name: string) => ({
    id,
    name,
    category: 'messaging' as const,
    critical: true,
    probes: [
      {
        kind: 'http' as const,
        url: `${lab.base}/svc/${id}`,
        method: 'GET' as const,
        timeoutMs: 1000,
      },
    ],
  });
  return {
    version: 1,
    intervalSeconds: 10,
    recheckSeconds: 1,
    failureThreshold: 1,
    graceSeconds: 0,
    connectivity: {
      targets: [{ url: `${lab.base}/generate_204`, expectStatus: 204, timeoutMs: 1000 }],
    },
    services: [service('whatsapp', 'WhatsApp'), service('slack', 'Slack')],
    alerts: { channels },
  } as ConfigInput;
}

/** A running `watch`, its output so far, and a way to wait for something in it. */
class Watch {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  private waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  constructor(file: string, data: string, env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [...vigie, 'watch', '--config', file, '--data', data], {
      cwd: ROOT,
      env: { ...process.env, ...ENV, ...env },
    });
    const heard = () => {
      for (const waiter of this.waiters) waiter();
    };
    this.child.stdout?.on('data', (chunk: Buffer) => ((this.stdout += chunk.toString()), heard()));
    this.child.stderr?.on('data', (chunk: Buffer) => ((this.stderr += chunk.toString()), heard()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /**
   * Resolves once `pattern` matches at least `count` times in stdout and stderr together; fails
   * with everything `watch` said when it has not after `deadlineMs`.
   */
  until(pattern: RegExp, count = 1, deadlineMs = 60_000): Promise<void> {
    const global = new RegExp(pattern.source, 'g');
    const enough = () => (`${this.stdout}${this.stderr}`.match(global)?.length ?? 0) >= count;
    if (enough()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const deadline = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`watch never said ${pattern}:\n${this.stdout}\n${this.stderr}`));
      }, deadlineMs);
      const check = () => {
        if (!enough()) return;
        clearTimeout(deadline);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  async stop(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }
}

/** Every file under `root`, as text. */
function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path, 'latin1')];
  });
}

describe('alerts from watch', () => {
  it('sends a down then a recovery through every channel once, skips the one through a down service, waits on 429, retries 503, stops at 403, and leaks no secret', async () => {
    lab.setService('whatsapp', true);
    lab.setService('slack', false);
    lab.script('/hook/json', { status: 503, body: 'Service Unavailable' });
    lab.script('/hook/discord', {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '1' },
      body: readFileSync(new URL('../fixtures/alerts/discord-429.json', import.meta.url), 'utf8'),
    });
    lab.script('/hook/gone', { status: 403, body: 'action_prohibited' });
    const channels = [
      {
        id: 'phone',
        kind: 'ntfy',
        url: `${lab.base}/ntfy/vigie-lab-topic`,
        token: { env: 'NTFY_TOKEN' },
      },
      {
        id: 'tg',
        kind: 'telegram',
        token: { env: 'TG_TOKEN' },
        chatId: LAB_TELEGRAM.chatId,
        apiUrl: lab.base,
      },
      {
        id: 'mail',
        kind: 'email',
        host: '127.0.0.1',
        port: lab.smtpPort,
        user: LAB_SMTP.user,
        password: { env: 'SMTP_PASSWORD' },
        from: LAB_SMTP.user,
        to: ['owner@example.com'],
      },
      { id: 'team', kind: 'webhook', url: { env: 'HOOK_URL' }, format: 'slack' },
      { id: 'json', kind: 'webhook', url: `${lab.base}/hook/json` },
      {
        id: 'discord',
        kind: 'webhook',
        url: `${lab.base}/hook/discord`,
        format: 'discord',
        dependsOn: [],
      },
      { id: 'gone', kind: 'webhook', url: `${lab.base}/hook/gone`, format: 'slack', dependsOn: [] },
    ];
    const file = join(dir, 'alerts.json');
    writeFileSync(file, JSON.stringify(config(channels)));
    const data = join(dir, 'data');
    const watch = new Watch(file, data, { HOOK_URL: `${lab.base}/hook/${HOOK_SECRET}` });
    await watch.until(/Watching 2 services/);
    await watch.until(/Slack/);
    lab.setService('whatsapp', false);
    const delivering = ['phone', 'tg', 'mail', 'json', 'discord'];
    for (const id of delivering)
      await watch.until(new RegExp(`alert sent through ${id}: WhatsApp looks down`));
    lab.setService('whatsapp', true);
    for (const id of delivering)
      await watch.until(new RegExp(`alert sent through ${id}: WhatsApp is back`));
    expect(await watch.stop()).toBe(0);

    // Every channel once per change.
    const ntfy = lab.accepted('/ntfy/vigie-lab-topic');
    expect(ntfy.map((r) => r.headers['title'])).toEqual([
      'WhatsApp looks down',
      'WhatsApp is back',
    ]);
    expect(ntfy[0]?.headers['authorization']).toBe(`Bearer ${NTFY_TOKEN}`);
    expect(ntfy[0]?.body).toContain('Vigie on ');
    const telegram = lab.accepted(`/bot${LAB_TELEGRAM.token}/sendMessage`);
    expect(
      telegram.map((r) => (JSON.parse(r.body) as { text: string }).text.split('\n')[0]),
    ).toEqual(['WhatsApp looks down', 'WhatsApp is back']);
    expect(lab.mails.map((m) => /^Subject: (.*)$/m.exec(m.data)?.[1])).toEqual([
      'WhatsApp looks down',
      'WhatsApp is back',
    ]);
    // Through Slack while Slack is down: never called, and said.
    expect(lab.received(`/hook/${HOOK_SECRET}`)).toEqual([]);
    expect(watch.stderr).toMatch(
      /alert not sent through team: it goes through a service that is down \(Slack\)/,
    );
    // 503 retried after its back-off, 429 after its wait: each delivered once per change.
    expect(lab.received('/hook/json').map((r) => r.status)).toEqual([503, 200, 200]);
    expect(watch.stderr).toMatch(
      /alert not sent through json: 127\.0\.0\.1:\d+ had a problem of its own \(error 503\); next try at/,
    );
    expect(lab.received('/hook/discord').map((r) => r.status)).toEqual([429, 200, 200]);
    expect(JSON.parse(lab.accepted('/hook/json')[0]?.body ?? '{}')).toMatchObject({
      event: 'down',
      service: { id: 'whatsapp', name: 'WhatsApp' },
      state: 'down',
    });
    // 403: the channel is broken, said in words, and not called again.
    expect(lab.received('/hook/gone')).toHaveLength(1);
    expect(watch.stderr).toMatch(
      /channel gone is broken: 127\.0\.0\.1:\d+ refused the token or password \(error 403\)/,
    );

    // No secret in anything Vigie printed or wrote.
    const everything = [watch.stdout, watch.stderr, ...filesUnder(data)];
    for (const secret of SECRETS) for (const text of everything) expect(text).not.toContain(secret);
  }, 90_000);

  it('delivers an alert pending at a SIGKILL exactly once after the restart', async () => {
    lab.setService('whatsapp', true);
    lab.setService('slack', true);
    lab.script('/ntfy/kill-topic', { status: 503 });
    const file = join(dir, 'kill.json');
    writeFileSync(
      file,
      JSON.stringify(config([{ id: 'phone', kind: 'ntfy', url: `${lab.base}/ntfy/kill-topic` }])),
    );
    const data = join(dir, 'kill-data');
    const first = new Watch(file, data);
    await first.until(/Watching 2 services/);
    await first.until(/All services are up/);
    lab.setService('whatsapp', false);
    await first.until(/alert not sent through phone: .*error 503/);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = new Watch(file, data);
    await second.until(/alert sent through phone: WhatsApp looks down/);
    expect(await second.stop()).toBe(0);
    expect(lab.accepted('/ntfy/kill-topic')).toHaveLength(1);
    expect(lab.received('/ntfy/kill-topic')).toHaveLength(2);
    // Nothing left to send by a third start.
    const outbox = new Outbox(data);
    expect(outbox.pending()).toEqual([]);
    outbox.close();
  }, 60_000);
});

describe('alerts while offline', () => {
  it('tries nothing offline, then sends the down and its recovery as one message', async () => {
    lab.setService('whatsapp', true);
    lab.setService('slack', true);
    lab.setOnline(true);
    // The phone's server keeps asking to wait 2 s: the down stays pending, tried every 2 s, until
    // the network goes (whatever the machine's speed).
    const topic = '/ntfy/offline-topic';
    const limited = {
      status: 429,
      headers: { 'retry-after': '2' },
      body: '{"code":42901,"http":429,"error":"limit reached: too many requests"}',
    };
    lab.script(topic, ...Array.from({ length: 500 }, () => limited));
    const file = join(dir, 'offline.json');
    writeFileSync(
      file,
      JSON.stringify(config([{ id: 'phone', kind: 'ntfy', url: `${lab.base}${topic}` }])),
    );
    const watch = new Watch(file, join(dir, 'offline-data'));
    await watch.until(/All services are up/);
    lab.setService('whatsapp', false);
    await watch.until(/alert held for phone/);
    lab.setOnline(false);
    await watch.until(/alerts held until this computer is back online/);
    // An attempt already under way when the cycle found the network gone has landed by the next
    // look at the reference; from there, two more looks (about two cycles) and no attempt.
    await lab.referenceAsked(1);
    const triedBeforeOffline = lab.received(topic).length;
    await lab.referenceAsked(2);
    expect(lab.received(topic)).toHaveLength(triedBeforeOffline);
    lab.unscript(topic);
    lab.setService('whatsapp', true);
    lab.setOnline(true);
    await watch.until(
      /alert sent through phone: WhatsApp was down from \d\d:\d\d [AP]M to \d\d:\d\d [AP]M/,
    );
    expect(await watch.stop()).toBe(0);
    expect(lab.accepted(topic).map((r) => r.headers['title'])).toEqual([
      expect.stringMatching(/^WhatsApp was down from .* to .*$/),
    ]);
    expect(lab.received(topic)).toHaveLength(triedBeforeOffline + 1);
  }, 120_000);
});

describe('alert-test', () => {
  function run(
    args: string[],
    env: Record<string, string> = {},
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [...vigie, 'alert-test', ...args], {
        cwd: ROOT,
        env: { ...process.env, ...ENV, ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('exits 0 when every channel accepted the test, 1 when one did not, and says why', async () => {
    const file = join(dir, 'test.json');
    writeFileSync(
      file,
      JSON.stringify(
        config([
          { id: 'phone', kind: 'ntfy', url: `${lab.base}/ntfy/test-topic` },
          {
            id: 'tg',
            kind: 'telegram',
            token: 'wrong-token',
            chatId: LAB_TELEGRAM.chatId,
            apiUrl: lab.base,
          },
        ]),
      ),
    );
    const one = await run(['--config', file, '--channel', 'phone']);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe('phone (ntfy): accepted\n');
    expect(lab.accepted('/ntfy/test-topic')[0]?.headers['title']).toBe('Vigie test alert');
    const both = await run(['--config', file]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(
      /tg \(telegram\): not accepted: 127\.0\.0\.1:\d+ refused the token or password \(error 401\)/,
    );
    const french = await run(['--config', file, '--channel', 'tg'], { LANG: 'fr_FR.UTF-8' });
    expect(french.stderr).toMatch(
      /tg \(telegram\)\u00a0: refusé — 127\.0\.0\.1:\d+ a refusé le jeton ou le mot de passe \(erreur 401\)/,
    );
  }, 60_000);

  it('names a missing environment variable as a config problem (exit 78), without a value', async () => {
    const file = join(dir, 'env.json');
    writeFileSync(
      file,
      JSON.stringify(
        config([
          {
            id: 'phone',
            kind: 'ntfy',
            url: `${lab.base}/ntfy/t`,
            token: { env: 'NOT_SET_HERE' },
          },
        ]),
      ),
    );
    const result = await run(['--config', file], { NOT_SET_HERE: '' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain(
      'alerts.channels[0].token: the environment variable NOT_SET_HERE is not set',
    );
  }, 30_000);
});

describe('Telegram pairing', () => {
  it('finds the chat that sent "/start <code>" through getUpdates', async () => {
    const http = createHttpClient();
    try {
      const code = pairingCode(new Uint8Array(12).fill(7));
      expect(await findPairedChat(http, lab.base, LAB_TELEGRAM.token, code)).toBeNull();
      lab.telegramMessage(424242, `/start ${code}`);
      expect(await findPairedChat(http, lab.base, LAB_TELEGRAM.token, code)).toBe('424242');
      expect(await findPairedChat(http, lab.base, 'wrong-token', code)).toBeNull();
    } finally {
      await http.close();
    }
  });
});
