// The command line as a user runs it: `npx vigie` (the bundle npm install makes, under its node
// flags) with its exit codes, JSON and table, bad input.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../shared/config-schema';
import { Checklist } from '../../main/playbooks';
import { openHistory } from '../../main/history/store';
import { snapshotAt } from '../helpers/snapshots';
import {
  chatConfig,
  fixture,
  healthyReferences,
  roomyChatConfig,
  ROOMY_TIMEOUT_MS,
  startLab,
  type Lab,
} from './lab';
import { bundleCli, HEADLESS_NODE_ENV, HEADLESS_NODE_FLAGS } from '../../scripts/bundle-node';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let lab: Lab;
let dir: string;
let caFile: string;
/** The command line, bundled as `npm install` bundles it, and the node arguments to run it. */
let vigie: string[];

beforeAll(async () => {
  lab = await startLab();
  dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
  vigie = [...HEADLESS_NODE_FLAGS, await bundleCli(join(dir, 'vigie.mjs'))];
  caFile = join(dir, 'lab-ca.pem');
  writeFileSync(caFile, lab.certs.ca);
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  lab.http.clearRoutes();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in a child process (async, so the lab in this process keeps answering). */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...vigie, ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NO_COLOR: '1',
          NODE_EXTRA_CA_CERTS: caFile,
          LANG: 'C',
          LC_ALL: '',
          LC_MESSAGES: '',
          ...env,
        },
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function configFile(name: string, config: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return file;
}

function withMail(config: ConfigInput): ConfigInput {
  return {
    ...config,
    services: [
      ...config.services,
      {
        id: 'mail',
        name: 'Mail',
        category: 'email-office',
        probes: [{ kind: 'dns', host: 'chat.lab.test' }],
      },
    ],
  };
}

describe('npm run check', () => {
  it('exits 0 and prints the documented JSON object when all is up', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'ok' });
    lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-operational.json'),
    });
    const run = await cli([
      'check',
      '--json',
      '--config',
      configFile('up.json', roomyChatConfig(lab, ROOMY_TIMEOUT_MS)),
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      overall: 'ok',
      connectivity: { state: 'online', detail: '2/2 references answered' },
      services: [{ id: 'chat', name: 'Chat', state: 'up', cause: null, secondOpinion: null }],
    });
    expect(new Date(out.checkedAt).toISOString()).toBe(out.checkedAt);
    expect(Object.keys(out.services[0].probes[0])).toEqual([
      'kind',
      'target',
      'state',
      'code',
      'latencyMs',
      'bytes',
      'detail',
    ]);
  });

  it('exits 2 for a provider outage and says so in the table', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 503 });
    lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-major.json'),
    });
    const run = await cli([
      'check',
      '--config',
      configFile('down.json', roomyChatConfig(lab, ROOMY_TIMEOUT_MS)),
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /Chat\s+✗ down\s+on Chat’s side\s+chat\.lab\.test answered with error 503; ChatCo’s status page: Major System Outage/,
    );
    expect(run.stdout).not.toContain('\u001b[');
    // In the user's language, from LANG.
    const french = await cli(
      ['check', '--config', configFile('down.json', roomyChatConfig(lab, ROOMY_TIMEOUT_MS))],
      {
        LANG: 'fr_FR.UTF-8',
      },
    );
    expect(french.code).toBe(2);
    expect(french.stdout).toContain(
      'Connexion\u00a0: en ligne — serveurs de référence ayant répondu\u00a0: 2 sur 2',
    );
    expect(french.stdout).toMatch(
      /Chat\s+✗ en panne\s+du côté de Chat\s+chat\.lab\.test a répondu par l’erreur 503[\u202f ]?; page d’état de ChatCo\u00a0: Major System Outage/,
    );
    // The time is the local clock of the machine (here TZ=Asia/Kolkata), not UTC; the bytes
    // are in words and units of the language.
    const local = await cli(
      ['check', '--config', configFile('down.json', roomyChatConfig(lab, ROOMY_TIMEOUT_MS))],
      {
        LANG: 'fr_FR.UTF-8',
        TZ: 'Asia/Kolkata',
      },
    );
    const footer = local.stdout.trim().split('\n').at(-1) ?? '';
    expect(footer).toMatch(
      /^Vérifié à (\d\d):(\d\d):\d\d\u202f; données consommées\u00a0: [\d,]+[\u202f\u00a0 ](octets?|ko)\.$/,
    );
    const [, hh, mm] = /à (\d\d):(\d\d)/.exec(footer) ?? [];
    const utc = new Date();
    // Kolkata is UTC+5:30 all year: the minutes differ from UTC's by 30.
    expect((Number(mm) - utc.getUTCMinutes() + 60) % 60).toBeGreaterThanOrEqual(29);
    expect((Number(mm) - utc.getUTCMinutes() + 60) % 60).toBeLessThanOrEqual(31);
    expect(Number(hh)).not.toBeNaN();
  });

  it('exits 1 when something is only degraded, and --only limits the check', async () => {
    healthyReferences(lab);
    // The page answers at 600 ms at the earliest: past the 400 ms threshold on any machine, and
    // far within the roomy deadlines however busy the machine is.
    lab.http.route('/', { status: 200, body: 'ok', delayMs: 600 });
    lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-operational.json'),
    });
    const file = configFile('slow.json', withMail(roomyChatConfig(lab, 400)));
    const both = await cli(['check', '--json', '--config', file]);
    expect(both.code).toBe(1);
    const mailOnly = await cli(['check', '--json', '--only', 'mail', '--config', file]);
    expect(mailOnly.code).toBe(0);
    expect(JSON.parse(mailOnly.stdout).services.map((s: { id: string }) => s.id)).toEqual(['mail']);
  });

  it('exits 3 and calls nothing down when this machine is offline', async () => {
    const offline = chatConfig(lab);
    offline.connectivity = {
      targets: [{ url: 'http://127.0.0.1:1/generate_204', expectStatus: 204, timeoutMs: 500 }],
    };
    const run = await cli(['check', '--json', '--config', configFile('offline.json', offline)]);
    expect(run.code).toBe(3);
    const out = JSON.parse(run.stdout);
    expect(out.connectivity.state).toBe('offline');
    expect(out.services).toEqual([expect.objectContaining({ state: 'unknown', cause: 'local' })]);
  });

  it('exits 78 with the JSON path of each bad field', async () => {
    const bad = {
      ...chatConfig(lab),
      intervalSeconds: 1,
      services: [
        {
          id: 'chat',
          name: 'Chat',
          category: 'messaging',
          probes: [{ kind: 'http', url: 'ftp://x' }],
        },
      ],
    };
    const run = await cli(['check', '--config', configFile('bad.json', bad)]);
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('intervalSeconds:');
    expect(run.stderr).toContain('services[0].probes[0].url: expected an http:// or https:// URL');
  });

  it('exits 78 for a file that is not JSON, saying where', async () => {
    const run = await cli([
      'check',
      '--config',
      configFile('broken.json', '{\n  "version": 1,\n  oops\n}'),
    ]);
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/not valid JSON: .* line 3, column 3/);
  });

  it('exits 64 for bad usage: unknown flag, unknown service id', async () => {
    const flag = await cli(['check', '--frobnicate']);
    expect(flag.code).toBe(64);
    expect(flag.stderr).toContain('Usage:');
    const id = await cli([
      'check',
      '--only',
      'myspace',
      '--config',
      configFile('up2.json', chatConfig(lab)),
    ]);
    expect(id.code).toBe(64);
    expect(id.stderr).toContain('Unknown service: myspace.\n');
    // A typo gets what was probably meant; a name in any case is understood.
    const typo = await cli([
      'check',
      '--only',
      'chta',
      '--config',
      configFile('up2.json', chatConfig(lab)),
    ]);
    expect(typo.code).toBe(64);
    expect(typo.stderr).toContain('Unknown service: chta. Did you mean chat?');
    // A file where nothing is enabled checks nothing: said, never "All services are up".
    const base = chatConfig(lab) as { services: object[] };
    const none = configFile('none.json', {
      ...base,
      services: base.services.map((service) => ({ ...service, enabled: false })),
    });
    const empty = await cli(['check', '--config', none]);
    expect(empty.code).toBe(78);
    expect(empty.stderr).toBe(`Nothing to check: ${none} has no enabled service.\n`);
    expect(empty.stdout).not.toContain('All services are up');
  });
});

describe('npm run watch', () => {
  it('prints a confirmed outage as it happens and stops cleanly on Ctrl-C', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 503 });
    lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-major.json'),
    });
    const file = configFile('watch.json', {
      ...chatConfig(lab),
      recheckSeconds: 1,
      intervalSeconds: 10,
    });
    const data = join(dir, 'watch-data');
    const child = spawn(process.execPath, [...vigie, 'watch', '--config', file, '--data', data], {
      cwd: ROOT,
      env: {
        ...process.env,
        NO_COLOR: '1',
        NODE_EXTRA_CA_CERTS: caFile,
        LANG: 'C',
        LC_ALL: '',
        LC_MESSAGES: '',
      },
    });
    let stdout = '';
    const confirmed = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        // The outage, then the checklist run it opened (as the app would).
        if (/Chat: start → down \(on Chat’s side\)[^]*Checklist started for Chat/.test(stdout))
          resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    await confirmed;
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('Connectivity: online — 2/2 references answered');
    expect(stdout).toContain('Overall: Outage');
    expect(stdout.trim().split('\n').at(-1)).toBe('Stopped.');
    // Every cycle was recorded, and the confirmed outage is an open incident with its evidence.
    const store = openHistory({ dir: data, readOnly: true });
    try {
      expect(store.uptime('chat')[0]!.down).toBeGreaterThanOrEqual(1);
      expect(store.incidents()).toEqual([
        expect.objectContaining({
          serviceId: 'chat',
          end: null,
          worstState: 'down',
          cause: 'provider',
        }),
      ]);
      expect(store.incidents()[0]!.messages.map((m) => m.title)).toEqual([
        'Messages are failing to send',
      ]);
    } finally {
      store.close();
    }
    // The run `watch` started has its report from the command line alone, steps included.
    const runId = /Checklist started for Chat; its report: npx vigie history --report (\S+)/.exec(
      stdout,
    )?.[1];
    expect(runId).toMatch(/^run-/);
    const report = await cli(['history', '--data', data, '--report', runId!]);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^# Incident report: Chat\n/);
    expect(report.stdout).toMatch(/- \[ \] Confirm it is not you/);
    // What happened stays findable after the terminal is gone: the data folder's log.
    const logs = join(data, 'logs');
    const log = readFileSync(join(logs, readdirSync(logs)[0]!), 'utf8');
    expect(log).toMatch(/INFO {2}\[watch\] started services=1/);
    expect(log).toMatch(/INFO {2}\[engine\] chat first → down cause=provider/);
    expect(log).toMatch(/INFO {2}\[watch\] stopped/);
  });
});

describe('npm run watch, history not saved', () => {
  it('says why in the user’s language, at once, and keeps checking', async () => {
    healthyReferences(lab);
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const file = configFile('watch-fr.json', chatConfig(lab));
    const child = spawn(
      process.execPath,
      [...vigie, 'watch', '--config', file, '--data', join(blocker, 'data')],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
      },
    );
    let stderr = '';
    let stdout = '';
    // The reason (stderr), then "Watching…" (stdout, written once Ctrl-C is handled).
    const said = new Promise<void>((resolve) => {
      const both = () => stderr.includes('\n') && stdout.includes('\n') && resolve();
      child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), both()));
      child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), both()));
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    await said;
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toBe(
      `historique non enregistré\u00a0: une partie de ${join(blocker, 'data')} est un fichier, pas un dossier\u202f; choisissez un autre dossier avec --data. Vigie continue de vérifier.\n`,
    );
    expect(stdout).toMatch(/^Surveillance de 1 service /);
  });
});

describe('npm run history', () => {
  const T = Date.now();
  let data: string;
  beforeAll(() => {
    data = join(dir, 'history-data');
    const store = openHistory({ dir: data, now: () => T });
    for (let m = 120; m > 0; m--) {
      const at = T - m * 60_000;
      const down = m <= 30 && m > 10;
      store.recordSnapshot(
        snapshotAt(at, {
          whatsapp: down
            ? { state: 'down', since: T - 30 * 60_000, official: { title: '=HYPERLINK("x")' } }
            : { state: 'up', since: T - 10 * 60_000 },
        }),
      );
    }
    store.close();
  });

  it('a pipe that closes early (| head) ends it quietly', async () => {
    // Thousands of short incidents: far more output than a pipe holds.
    const many = join(dir, 'history-many');
    const store = openHistory({ dir: many, now: () => T });
    for (let m = 4000; m > 0; m--)
      store.recordSnapshot(
        snapshotAt(T - m * 60_000, { whatsapp: { state: m % 2 === 0 ? 'down' : 'up' } }),
      );
    store.close();
    const child = spawn(
      process.execPath,
      [...vigie, 'history', '--data', many, '--format', 'csv'],
      {
        cwd: ROOT,
        env: { ...process.env, LANG: 'C', NO_COLOR: '1' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -1`: read the first chunk, then go away.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it('prints uptime, the daily strip and incidents as a table, with names from the catalog', async () => {
    const run = await cli(['history', '--data', data, '--since', '7d']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/WhatsApp\s+83\.33%/);
    expect(run.stdout).toMatch(/WhatsApp: down, on WhatsApp’s side — no answer from chat\.example/);
    expect(run.stdout).toContain('(20 minutes)');
    const french = await cli(['history', '--data', data, '--since', '7d'], { LANG: 'fr_FR.UTF-8' });
    expect(french.stdout).toMatch(
      /WhatsApp\u00a0: en panne, du côté de WhatsApp — pas de réponse de chat\.example/,
    );
    expect(french.stdout).toContain('Incidents, du plus récent au plus ancien\u00a0:');
    // Percentages as French writes them: a decimal comma and a space before the sign.
    expect(french.stdout).toMatch(/WhatsApp\s+83,33[\u202f\u00a0 ]%/);
  });

  it('names a service of the user’s own by the name it was recorded under, without --config', async () => {
    const own = join(dir, 'history-own');
    // Its own "now": the suite's T may be long past on a loaded machine ("for 2 minutes").
    const now = Date.now();
    const store = openHistory({ dir: own, now: () => now });
    // snapshotAt names each service by its id in capitals: "MA-BOUTIQUE".
    store.recordSnapshot(snapshotAt(now - 60_000, { 'ma-boutique': { state: 'up' } }));
    store.close();
    const run = await cli(['history', '--data', own]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^MA-BOUTIQUE\s+100(\.00)?%\*/m);
    expect(run.stdout).not.toMatch(/^ma-boutique\s/m);
    // One minute recorded: every uptime is marked, and the line under the table says why.
    expect(run.stdout).toContain(
      '* covers only what was recorded so far: MA-BOUTIQUE for 1 minute',
    );
    const json = JSON.parse((await cli(['history', '--data', own, '--format', 'json'])).stdout);
    expect(json.services[0].recordedSince).toBe(new Date(now - 60_000).toISOString());
  });

  it('exports JSON and CSV (formula-safe) for one service', async () => {
    const json = JSON.parse(
      (await cli(['history', '--data', data, '--service', 'whatsapp', '--format', 'json'])).stdout,
    );
    expect(json.services[0].uptime['24h']).toMatchObject({ up: 100, down: 20 });
    expect(json.services[0].days).toHaveLength(7);
    expect(json.incidents).toHaveLength(1);
    const csv = (await cli(['history', '--data', data, '--format', 'csv'])).stdout
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe(
      'id,service,start,end,duration_minutes,worst_state,cause,end_note,evidence,official_messages',
    );
    expect(csv[1]).toMatch(/,20,down,provider,,no answer .*,"'=HYPERLINK\(""x""\)"$/);
    const days = (
      await cli(['history', '--data', data, '--format', 'csv', '--csv', 'days', '--since', '2d'])
    ).stdout.split('\r\n');
    expect(days[0]).toBe('date,service_id,service,state,up,degraded,down,maintenance,unknown');
    expect(days.filter((l) => l.includes(',whatsapp,'))).toHaveLength(2);
  });

  it('prints a checklist run’s report in Markdown, found by run or by incident id', async () => {
    const store = openHistory({ dir: data, readOnly: true });
    const incident = store.incidents()[0]!;
    store.close();
    // Recorded by `watch`, with no checklist run yet: the report is the incident alone.
    const alone = await cli(['history', '--data', data, '--report', incident.id]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toMatch(/^# Incident report: /);
    expect(alone.stdout).toMatch(/: down \(on WHATSAPP’s side\) \|/);
    const checklist = new Checklist(data, () => T - 25 * 60_000);
    const [run] = checklist.observe(snapshotAt(T - 25 * 60_000, { whatsapp: { state: 'down' } }), [
      { ...incident, end: null },
    ]);
    checklist.tick(run!.id, 'd-tell-team', true, 'Signal group');
    checklist.close();
    const byRun = await cli(['history', '--data', data, '--report', run!.id]);
    expect(byRun.code).toBe(0);
    expect(byRun.stdout).toMatch(/^# Incident report: WHATSAPP\n/);
    expect(byRun.stdout).toMatch(/\| WHATSAPP: down \(on WHATSAPP’s side\) \|/);
    expect(byRun.stdout).toMatch(
      /- \[x\] Tell the team on the backup channel — .* \(Signal group\)/,
    );
    const french = await cli(['history', '--data', data, '--report', incident.id], {
      LANG: 'fr_FR.UTF-8',
    });
    expect(french.stdout).toMatch(/^# Rapport d’incident\u00a0: WHATSAPP\n/);
    const unknown = await cli(['history', '--data', data, '--report', 'run-1-nope']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain(
      `No checklist or incident "run-1-nope". Checklists: ${run!.id}; \`npx vigie history --format json\` lists the incidents.`,
    );
    const inArabic = await cli(['history', '--data', data, '--report', 'run-1-nope'], {
      LANG: 'ar_MA.UTF-8',
    });
    expect(inArabic.stderr).toContain('لا توجد قائمة إجراءات ولا حادثة بالمعرّف «run-1-nope»');
    expect(inArabic.stderr).not.toMatch(/No checklist|Runs|incidents/);
  });

  it('says so when nothing was recorded yet, and refuses an unknown service', async () => {
    const empty = await cli(['history', '--data', join(dir, 'nothing-here')]);
    expect(empty).toMatchObject({ code: 0 });
    expect(empty.stdout).toContain('No history recorded in');
    // An export of nothing is still a file that parses; the words go to stderr.
    const json = await cli(['history', '--data', join(dir, 'nothing-here'), '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ services: [], incidents: [] });
    expect(json.stderr).toContain('No history recorded in');
    const csv = await cli(['history', '--data', join(dir, 'nothing-here'), '--csv', 'days']);
    expect(csv.stdout.trim()).toBe(
      'date,service_id,service,state,up,degraded,down,maintenance,unknown',
    );
    const unknown = await cli(['history', '--data', data, '--service', 'myspace']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('No history for service "myspace". Recorded: whatsapp');
    const inFrench = await cli(['history', '--data', data, '--service', 'myspace'], {
      LANG: 'fr_FR.UTF-8',
    });
    expect(inFrench.stderr).toContain(
      'Aucun historique pour le service «\u00a0myspace\u00a0». Services enregistrés\u00a0: whatsapp',
    );
  });
});

describe('npx vigie', () => {
  it('runs node with the flags and allocator settings the memory budget was measured with', () => {
    const shebang = readFileSync(join(ROOT, 'bin', 'vigie.mjs'), 'utf8').split('\n')[0];
    const env = Object.entries(HEADLESS_NODE_ENV).map(([name, value]) => `${name}=${value}`);
    expect(shebang).toBe(
      `#!/usr/bin/env -S ${env.join(' ')} node ${HEADLESS_NODE_FLAGS.join(' ')}`,
    );
  });

  it('starts through its first line, as npm links it', async () => {
    if (process.platform === 'win32') return;
    const launched = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(join(ROOT, 'bin', 'vigie.mjs'), ['--help'], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', LANG: 'C' },
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => resolve({ code, out }));
    });
    expect(launched.out).toContain('npx vigie check');
    expect(launched.code).toBe(0);
  });
});
