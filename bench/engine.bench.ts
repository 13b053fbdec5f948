// Engine benchmarks (docs/design.md#budgets): a 200-service cycle with 10% hanging, the engine's memory,
// and the default catalog's network use in one hour, against lab mirrors in another process.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import { parseConfig, type ConfigInput, type VigieConfig } from '../shared/config-schema';
import { HOUR, MINUTE, SECOND } from '../shared/durations';
import { defaultConfig } from '../main/engine/catalog';
import { createEngine } from '../main/engine';
import { timedOutRetryMs } from '../main/engine/probes';
import { lowDataConfig } from '../main/engine/low-data';
import { historyFixture } from './history.bench';
import { startRemoteLab, type RemoteLab } from './lab-client';
import type { Bench, Report } from './bench';
import {
  bundleCli,
  bundleForNode,
  HEADLESS_NODE_ENV,
  HEADLESS_NODE_FLAGS,
} from '../scripts/bundle-node';

/** The environment `npx vigie` runs in (bin/vigie.mjs's first line). */
const SHIPPED_ENV = { ...process.env, ...HEADLESS_NODE_ENV };

function config(input: ConfigInput): VigieConfig {
  const parsed = parseConfig(input);
  if (!parsed.ok) throw new Error(`bench config: ${JSON.stringify(parsed.problems)}`);
  return parsed.config;
}

/** `count` lab services, svc-0 … svc-N on *.bench.test, each with the probes `probes(i)` gives. */
export function labServices<P>(count: number, probes: (i: number) => P[]) {
  return Array.from({ length: count }, (_, i) => ({
    id: `svc-${i}`,
    name: `Service ${i}`,
    category: 'other' as const,
    probes: probes(i),
  }));
}

/** A config over the lab: its DNS server, its connectivity target, these services. */
export function labConfig<S>(lab: RemoteLab, services: S[], extra: { concurrency?: number } = {}) {
  return {
    version: 1 as const,
    dnsServers: [lab.dnsServer],
    ...extra,
    connectivity: {
      targets: [{ url: `http://127.0.0.1:${lab.httpPort}/generate_204`, expectStatus: 204 }],
    },
    services,
  };
}

/**
 * The memory benchmarks' lab (`engine.rss`, `engine.flags`, `alerts.watch_rss`): 50 services, each
 * a DNS name and an HTTPS page that answers at once, and the connectivity reference.
 */
export async function memoryLab() {
  const lab = await startRemoteLab(['*.bench.test']);
  await lab.route('/ok', { status: 200, body: 'ok' });
  await lab.route('/generate_204', { status: 204 });
  const services = labServices(50, (i) => [
    { kind: 'dns' as const, host: `svc-${i}.bench.test` },
    { kind: 'http' as const, url: `https://svc-${i}.bench.test:${lab.httpsPort}/ok` },
  ]);
  return { lab, services };
}

const PROBE_TIMEOUT_MS = 2 * SECOND;
const run = promisify(execFile);

async function cycle200(report: Report): Promise<void> {
  const lab = await startRemoteLab(['*.bench.test']);
  await lab.route('/ok', { status: 200, body: 'ok' });
  await lab.route('/hang', { hang: true });
  await lab.route('/generate_204', { status: 204 });
  const services = labServices(200, (i) => [
    { kind: 'dns' as const, host: `svc-${i}.bench.test`, timeoutMs: PROBE_TIMEOUT_MS },
    {
      kind: 'http' as const,
      url: `https://svc-${i}.bench.test:${lab.httpsPort}/${i % 10 === 0 ? 'hang' : 'ok'}`,
      method: 'GET' as const,
      timeoutMs: PROBE_TIMEOUT_MS,
    },
  ]);
  const engine = createEngine(config(labConfig(lab, services)), { extraCa: [lab.ca] });
  await engine.checkOnce(new Set(['svc-1'])); // warm up the code paths, not the connections
  const cpu = process.cpuUsage();
  const started = performance.now();
  const snapshot = await engine.checkOnce();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const hanging = snapshot.services.filter((s) =>
    s.probes.some((p) => p.code === 'TIMEOUT'),
  ).length;
  await engine.close();
  await lab.stop();
  // A hang costs one timeout and the short retry after it (no second full timeout), plus 20 %.
  const budget = 1.2 * (PROBE_TIMEOUT_MS + timedOutRetryMs(PROBE_TIMEOUT_MS));
  report('engine.cycle_200_probe_timeout_ms', PROBE_TIMEOUT_MS, 'ms');
  report('engine.cycle_200_hanging_services', hanging, 'services');
  report('engine.cycle_200_wall_ms', Math.round(wall), 'ms');
  report('engine.cycle_200_wall_budget_ms', Math.round(budget), 'ms');
  report('engine.cycle_200_cpu_ms', Math.round((used.user + used.system) / 1000), 'ms');
}

async function rss(report: Report): Promise<void> {
  const { lab, services } = await memoryLab();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
  try {
    const configFile = join(dir, 'config.json');
    const caFile = join(dir, 'ca.pem');
    writeFileSync(configFile, JSON.stringify(labConfig(lab, services)));
    writeFileSync(caFile, lab.ca);
    // Bundle the engine as the command line is bundled, and run it under node with the command
    // line's flags: tsx's own ~35 MB of loader would otherwise be counted as the engine's.
    const bundle = await bundleForNode(
      new URL('./rss-child.ts', import.meta.url),
      join(dir, 'rss-child.mjs'),
    );
    const { stdout } = await run(
      process.execPath,
      [...HEADLESS_NODE_FLAGS, bundle, configFile, caFile, '120'],
      { env: SHIPPED_ENV },
    );
    const result = JSON.parse(stdout) as { baselineMb: number; peakMb: number; up: number };
    allUp(result.up);
    report('engine.rss_mb', Math.round(result.peakMb * 10) / 10, 'MB');
    report('engine.rss_baseline_mb', Math.round(result.baselineMb * 10) / 10, 'MB');
    // The budget of docs/design.md#budgets: the same engine recording into 90 days × 50 services of history.
    const historyDir = join(dir, 'data');
    cpSync(historyFixture().dir, historyDir, { recursive: true });
    const withHistory = await run(
      process.execPath,
      [...HEADLESS_NODE_FLAGS, bundle, configFile, caFile, '120', historyDir],
      { env: SHIPPED_ENV },
    );
    const recorded = JSON.parse(withHistory.stdout) as {
      peakMb: number;
      up: number;
      cpuMs: number;
      checks: number;
    };
    allUp(recorded.up);
    report('engine.rss_with_90d_history_mb', Math.round(recorded.peakMb * 10) / 10, 'MB');
    report(
      'engine.rss_cpu_ms_per_check',
      Math.round((recorded.cpuMs / recorded.checks) * 100) / 100,
      'ms',
    );
    // The real thing: `npx vigie watch` (the built command line, its flags) recording into the
    // same 90 days, every service on its 10-second clock, its memory read from outside.
    const cli = await bundleCli(join(dir, 'vigie.mjs'));
    const watchConfig = join(dir, 'watch-config.json');
    writeFileSync(
      watchConfig,
      JSON.stringify({ ...labConfig(lab, services), intervalSeconds: 10 }),
    );
    const watchData = join(dir, 'watch-data');
    cpSync(historyFixture().dir, watchData, { recursive: true });
    const watched = await watchRss(cli, watchConfig, caFile, watchData, 3 * MINUTE);
    report('engine.watch_rss_with_90d_history_mb', Math.round(watched * 10) / 10, 'MB');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await lab.stop();
  }
}

/** The 50 services of the memory benchmark all answered: a figure over fewer checks means nothing. */
function allUp(up: number): void {
  if (up !== 50) throw new Error(`rss bench: only ${up}/50 services up`);
}

/**
 * Runs `vigie watch` for `forMs` and returns its peak resident memory (MB) after the first minute
 * (pools and caches warm), read from /proc as the system sees it. Linux only, like the bench host.
 */
export async function watchRss(
  cli: string,
  configFile: string,
  caFile: string,
  dataDir: string,
  forMs: number,
): Promise<number> {
  const child = spawn(
    process.execPath,
    [...HEADLESS_NODE_FLAGS, cli, 'watch', '--config', configFile, '--data', dataDir],
    {
      env: { ...SHIPPED_ENV, NODE_EXTRA_CA_CERTS: caFile, NO_COLOR: '1', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const started = performance.now();
  let peakKb = 0;
  const sampler = setInterval(() => {
    if (performance.now() - started < MINUTE) return;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    peakKb = Math.max(peakKb, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
  }, 500);
  await Promise.race([new Promise((resolve) => setTimeout(resolve, forMs)), exited]);
  clearInterval(sampler);
  child.kill('SIGINT');
  const code = await exited;
  if (code !== 0 || stderr !== '' || !/all services are up/i.test(stdout)) {
    throw new Error(`vigie watch ended with ${code}: ${stderr || stdout.slice(-500)}`);
  }
  return peakKb / 1024;
}

/** Real-sized answers: header and body sizes as the real endpoints send them (estimated). */
function padHeaders(bytes: number): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'x-pad': 'x'.repeat(Math.max(0, bytes - 60)),
  };
}

const VOCABULARY = (
  'we are investigating reports of an issue with gmail google drive meet calendar chat docs users ' +
  'may be unable to send receive access messages files the problem has been resolved for most ' +
  'affected customers experiencing elevated error rates latency our engineering team is working on ' +
  'a fix and will provide another update within next hours thank you for your patience'
).split(' ');

function googleIncidents(count: number): string {
  // Random English words, so gzip compresses it like the real prose (not like a repeated block).
  const words = () =>
    Array.from({ length: 14 }, () => VOCABULARY[(randomBytes(1)[0] ?? 0) % VOCABULARY.length]).join(
      ' ',
    );
  return JSON.stringify(
    Array.from({ length: count }, (_, i) => ({
      id: randomBytes(9).toString('base64url'),
      begin: '2022-09-01T10:00:00+00:00',
      end: '2022-09-01T11:00:00+00:00',
      external_desc: words(),
      updates: [
        { text: `${words()} ${words()}`, status: 'AVAILABLE', when: '2022-09-01T11:00:00+00:00' },
      ],
      most_recent_update: { text: words(), status: 'AVAILABLE', when: '2022-09-01T11:00:00+00:00' },
      status_impact: 'SERVICE_DISRUPTION',
      severity: 'medium',
      service_name: 'Gmail',
      affected_products: [{ title: 'Gmail', id: `p${i}` }],
      uri: `incidents/${i}`,
    })),
  );
}

function statuspageSummary(components: number): string {
  return JSON.stringify({
    page: {
      id: 'kctbh9vrtdwd',
      name: 'Example',
      url: 'https://status.example.com',
      updated_at: '2022-10-25T07:40:00Z',
    },
    components: Array.from({ length: components }, (_, i) => ({
      id: randomBytes(6).toString('hex'),
      name: `${VOCABULARY[i % VOCABULARY.length]} ${VOCABULARY[(i * 7) % VOCABULARY.length]}`,
      status: 'operational',
      created_at: '2017-01-31T20:05:05.370Z',
      updated_at: '2022-10-25T07:40:00.000Z',
      position: i,
      description:
        i % 5 === 0 ? `${VOCABULARY[(i * 3) % VOCABULARY.length]} and related features` : null,
      showcase: true,
      group_id: null,
      page_id: 'kctbh9vrtdwd',
      group: false,
      only_show_if_degraded: false,
    })),
    incidents: [],
    scheduled_maintenances: [],
    status: { indicator: 'none', description: 'All Systems Operational' },
  });
}

/** Meta Status's org list, sized like the real one (~two dozen orgs of a few services). */
function metaOrgs(orgs: number): string {
  return JSON.stringify(
    Array.from({ length: orgs }, (_, i) => ({
      id: i === 0 ? 'whatsapp-business-api' : `org-${VOCABULARY[i % VOCABULARY.length]}-${i}`,
      name: `${VOCABULARY[(i * 3) % VOCABULARY.length]} platform`,
      rss_file_paths: [`outage-events-feed-org-${i}.rss`],
      services: Array.from({ length: 1 + (i % 5) }, (_, j) => ({
        id: i * 10 + j,
        name: `${VOCABULARY[(i + j) % VOCABULARY.length]} api`,
        status: 'No known issues',
        time: '2022-10-25T07:00:00+00:00',
      })),
    })).concat(
      ['graph-api', 'ig-messenger', 'messenger'].map((id, i) => ({
        id,
        name: `${id} platform`,
        rss_file_paths: [`outage-events-feed-${id}.rss`],
        services: [{ id: 900 + i, name: 'Platform Status', status: 'No known issues', time: '' }],
      })),
    ),
  );
}

/** Points every URL of the catalog at the lab, keeping host names (resolved by the lab's DNS). */
function mirror(
  catalog: VigieConfig,
  lab: { httpPort: number; httpsPort: number; dnsServer: string },
): VigieConfig {
  const move = (raw: string) => {
    const url = new URL(raw);
    if (/^\d+\.\d+\.\d+\.\d+$/.test(url.hostname)) url.hostname = '127.0.0.1';
    url.port = String(url.protocol === 'https:' ? lab.httpsPort : lab.httpPort);
    return url.toString();
  };
  return {
    ...catalog,
    // Never ask the real Globalping from a benchmark (its cost is measured on its own, below).
    secondOpinion: undefined,
    dnsServers: [lab.dnsServer],
    connectivity: {
      targets: catalog.connectivity.targets.map((t) => ({ ...t, url: move(t.url) })),
      dnsServers: [lab.dnsServer],
    },
    services: catalog.services.map((s) => ({
      ...s,
      probes: s.probes.map((p) => {
        if ('url' in p) return { ...p, url: move(p.url) };
        if (p.kind === 'tcp' || p.kind === 'tls') return { ...p, port: lab.httpsPort };
        return p;
      }),
    })),
  };
}

/** The catalog's endpoints on a lab mirror, each answering a calm payload of its real size. */
async function routeCatalog(lab: RemoteLab): Promise<void> {
  await lab.route('/generate_204', { status: 204, headers: padHeaders(180) });
  await lab.route('/success.txt', { status: 200, headers: padHeaders(200), body: 'success\n' });
  await lab.route('/hotspot-detect.html', {
    status: 200,
    headers: padHeaders(200),
    body: '<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>',
  });
  await lab.route('/connecttest.txt', {
    status: 200,
    headers: padHeaders(200),
    body: 'Microsoft Connect Test',
  });
  await lab.route('/cdn-cgi/trace', {
    status: 200,
    headers: padHeaders(250),
    body: 'fl=1\nh=1.1.1.1\nip=192.0.2.1\nts=1\nvisit_scheme=http\n'.repeat(2),
  });
  // A HEAD of a big site's home page answers ~2 KB of headers (cookies, CSP, HSTS...).
  await lab.route('/', { status: 200, headers: padHeaders(2048) });
  await lab.route('/api/v2/summary.json', {
    status: 200,
    headers: padHeaders(600),
    body: statuspageSummary(40),
    gzip: true,
  });
  await lab.route('/api/v2.0.0/current', {
    status: 200,
    headers: padHeaders(400),
    body: '{"status":"ok","active_incidents":[],"date_created":"2022-10-25T07:00:00-07:00","date_updated":"2022-10-25T07:00:00-07:00"}',
    gzip: true,
  });
  await lab.route('/data/orgs.json', {
    status: 200,
    headers: padHeaders(500),
    body: metaOrgs(24),
    gzip: true,
  });
  await lab.route('/api/posts/mac', {
    status: 200,
    headers: padHeaders(500),
    body: JSON.stringify(
      ['Microsoft Teams', 'Exchange Online'].map((name) => ({
        Id: randomBytes(4).toString('hex'),
        ServiceDisplayName: name,
        Status: 'Available',
        Title: '',
        Message: '',
        LastUpdatedTime: '2022-10-25T07:00:00Z',
      })),
    ),
    gzip: true,
  });
  await lab.route('/appsstatus/dashboard/incidents.json', {
    status: 200,
    headers: padHeaders(600),
    body: googleIncidents(1500),
    gzip: true,
  });
  await lab.route('/api/posts/m365Consumer', {
    status: 200,
    headers: padHeaders(500),
    body: readFileSync(new URL('../test/fixtures/m365-posts-available.json', import.meta.url)),
    gzip: true,
  });
  await lab.route('/api/v1/summary', {
    status: 200,
    headers: padHeaders(500),
    body: readFileSync(
      new URL('../test/fixtures/incidentio-widget-operational.json', import.meta.url),
    ),
    gzip: true,
  });
  await lab.route('/summary.json', {
    status: 200,
    headers: padHeaders(500),
    body: readFileSync(new URL('../test/fixtures/instatus-summary-up.json', import.meta.url)),
    gzip: true,
  });
}

/** Every host a config's probes and connectivity targets name (IP literals aside). */
function hostsOf(catalog: VigieConfig): string[] {
  const hosts = new Set<string>();
  for (const s of catalog.services)
    for (const p of s.probes) hosts.add('url' in p ? new URL(p.url).hostname : p.host);
  for (const t of catalog.connectivity.targets) hosts.add(new URL(t.url).hostname);
  return [...hosts].filter((h) => !/^\d/.test(h));
}

/**
 * 150 catalog services watched at once, against lab mirrors of their hosts and status pages: one
 * cold cycle's wall time, then the headless engine's memory over 30 cycles (bundled, CLI flags).
 */
async function catalog150(report: Report): Promise<void> {
  const whole = defaultConfig();
  const chosen: VigieConfig = {
    ...whole,
    services: whole.services.slice(0, 150).map((s) => ({ ...s, enabled: true })),
  };
  const lab = await startRemoteLab(hostsOf(chosen));
  await routeCatalog(lab);
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-150-'));
  try {
    const mirrored = mirror(chosen, lab);
    const engine = createEngine(mirrored, { extraCa: [lab.ca] });
    const started = performance.now();
    const snapshot = await engine.checkOnce();
    const wall = performance.now() - started;
    await engine.close();
    const up = snapshot.services.filter((s) => s.state === 'up').length;
    if (up !== 150) {
      const other = snapshot.services.find((s) => s.state !== 'up');
      throw new Error(`150 catalog bench: only ${up}/150 up (${other?.id}: ${other?.summary})`);
    }
    report('engine.cycle_150_catalog', Math.round(wall), 'ms');
    const configFile = join(dir, 'config.json');
    const caFile = join(dir, 'ca.pem');
    writeFileSync(configFile, JSON.stringify(mirrored));
    writeFileSync(caFile, lab.ca);
    const bundle = await bundleForNode(
      new URL('./rss-child.ts', import.meta.url),
      join(dir, 'rss-child.mjs'),
    );
    const { stdout } = await run(
      process.execPath,
      [...HEADLESS_NODE_FLAGS, bundle, configFile, caFile, '30'],
      { env: SHIPPED_ENV },
    );
    const result = JSON.parse(stdout) as { peakMb: number; up: number };
    if (result.up !== 150) throw new Error(`150 catalog rss: only ${result.up}/150 up`);
    report('engine.rss_150_catalog_mb', Math.round(result.peakMb * 10) / 10, 'MB');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await lab.stop();
  }
}

async function catalogBytes(report: Report): Promise<void> {
  // The default set: what is watched until the user picks.
  const whole = defaultConfig();
  const catalog = { ...whole, services: whole.services.filter((s) => s.enabled) };
  const lab = await startRemoteLab(hostsOf(catalog));
  await routeCatalog(lab);

  const standard = await catalogHour(catalog, lab);
  const low = await catalogHour(lowDataConfig(catalog), lab);
  await lab.stop();
  report('engine.default_catalog_bytes_per_hour', standard.bytes, 'bytes');
  report('engine.default_catalog_bytes_per_hour_with_ip_framing', standard.framed, 'bytes');
  report('engine.default_catalog_bytes_per_hour_engine_counted', standard.engineBytes, 'bytes');
  report('engine.default_catalog_connections_per_hour', standard.connections, 'connections');
  report('engine.default_catalog_dns_queries_per_hour', standard.queries, 'queries');
  // A month (30 days) of that hour, IP framing included: what a prepaid plan pays.
  const month = (hour: { framed: number }) => Math.round((hour.framed * 24 * 30) / 1e5) / 10;
  report('engine.default_catalog_mb_per_month', month(standard), 'MB');
  report('engine.low_data_mb_per_month', month(low), 'MB');
  report('engine.low_data_budget_mb_per_month', 100, 'MB');
}

/**
 * One engine on `catalog` against the lab mirrors, over as many hours as its longest-resting
 * probe rests (so each is fetched as often as in a month): what went over the wire, per hour.
 */
async function catalogHour(catalog: VigieConfig, lab: RemoteLab) {
  let now = Date.parse('2026-01-05T09:00:00Z');
  const engineConfig = mirror(catalog, lab);
  const longestRest = Math.max(
    ...catalog.services.flatMap((s) => s.probes.map((p) => p.everySeconds ?? 0)),
  );
  const hours = Math.max(1, Math.ceil((longestRest * SECOND) / HOUR));
  const cycles = hours * HOUR_CYCLES(catalog.intervalSeconds);
  const before = await lab.traffic();
  // One engine (resting probes and caches carry over); a fresh HTTP client each cycle, because real
  // servers close idle connections between cycles a minute apart: every cycle pays its handshakes.
  const { createHttpClient } = await import('../main/engine/net/http-client');
  let http = createHttpClient({ extraCa: [lab.ca] });
  const engine = createEngine(engineConfig, {
    now: () => now,
    http: { request: (req) => http.request(req), close: () => http.close() },
  });
  let engineBytes = 0;
  for (let i = 0; i < cycles; i++) {
    const snapshot = await engine.checkOnce();
    engineBytes += snapshot.bytes;
    await http.close();
    http = createHttpClient({ extraCa: [lab.ca] });
    now += catalog.intervalSeconds * SECOND;
  }
  await engine.close();
  const after = await lab.traffic();
  const per = (n: number) => Math.round(n / hours);
  const bytes = per(after.http.bytes - before.http.bytes + (after.dns.bytes - before.dns.bytes));
  const connections = per(after.http.connections - before.http.connections);
  const queries = per(after.dns.queries - before.dns.queries);
  // IP and TCP/UDP headers the sockets do not see: ~10 packets a short TCP connection, 2 a DNS query.
  const framed = bytes + connections * 10 * 52 + queries * 2 * 28;
  return { bytes, framed, engineBytes: per(engineBytes), connections, queries };
}

/** The bytes of one second opinion (two measurements of 3 probes, polled once in progress). */
async function secondOpinionBytes(report: Report): Promise<void> {
  const { startGlobalpingLab } = await import('../test/lab/globalping-lab');
  const { SecondOpinions } = await import('../main/engine/second-opinion');
  const { createHttpClient } = await import('../main/engine/net/http-client');
  const globalping = await startGlobalpingLab();
  globalping.play({
    mode: 'answer',
    countryCode: 'CI',
    country: { asked: 3, reachable: 3 },
    world: { asked: 3, reachable: 3 },
  });
  const http = createHttpClient();
  const opinions = new SecondOpinions(
    {
      enabled: true,
      url: globalping.url,
      probes: 3,
      timeoutMs: 10 * SECOND,
      minIntervalSeconds: 600,
      countryCode: 'CI',
      pollMs: 10,
    },
    http,
    Date.now,
  );
  const web = config({
    version: 1,
    connectivity: { targets: [{ url: 'http://127.0.0.1/generate_204' }] },
    services: [
      {
        id: 'whatsapp',
        name: 'WhatsApp',
        category: 'messaging',
        probes: [{ kind: 'http', url: 'https://web.whatsapp.com/' }],
      },
    ],
  }).services[0];
  if (!web) throw new Error('no service');
  const failed = {
    kind: 'http' as const,
    target: 'https://web.whatsapp.com/',
    state: 'down' as const,
    code: 'TIMEOUT' as const,
    latencyMs: 0,
    bytes: 0,
    detail: '',
    attempts: 2,
  };
  const opinion = await opinions.forService(web, [failed]);
  await http.close();
  await globalping.close();
  // Counted by the client (request and answer headers and bodies, uncompressed JSON as the lab sends it).
  report('engine.second_opinion_bytes', opinion?.bytes ?? 0, 'bytes');
}

function HOUR_CYCLES(intervalSeconds: number): number {
  return Math.round((60 * MINUTE) / (intervalSeconds * SECOND));
}

/** The engine's benchmarks. */
/**
 * The memory of one cycle in which 50 services answer 4 MiB bodies at once (each probe allows
 * 8 MiB, concurrency 50): peak RSS over the process before the cycle, sampled every 20 ms; bodies
 * nothing reads, then bodies an `expectBody` reads (held within the engine's 32 MiB body budget).
 */
async function cycleBodies(report: Report): Promise<void> {
  await bodiesCycle(report, false);
  await bodiesCycle(report, true);
}

async function bodiesCycle(report: Report, kept: boolean): Promise<void> {
  const lab = await startRemoteLab(['*.bench.test']);
  await lab.route('/big', { status: 200, body: 'x'.repeat(4 * 1024 * 1024) });
  await lab.route('/generate_204', { status: 204 });
  const services = labServices(50, (i) => [
    {
      kind: 'http' as const,
      url: `https://svc-${i}.bench.test:${lab.httpsPort}/big`,
      method: 'GET' as const,
      maxBytes: 8 * 1024 * 1024,
      timeoutMs: 30 * SECOND,
      // With `expectBody` the body is kept (and read); without it, counted and let go.
      ...(kept ? { expectBody: 'xxxx' } : {}),
    },
  ]);
  const engine = createEngine(config(labConfig(lab, services, { concurrency: 50 })), {
    extraCa: [lab.ca],
  });
  try {
    await engine.checkOnce(new Set(['svc-0']));
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const snapshot = await engine.checkOnce();
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const up = snapshot.services.filter((s) => s.state === 'up').length;
    if (up !== 50)
      throw new Error(
        `bodies bench: only ${up}/50 services up: ${snapshot.services.find((s) => s.state !== 'up')?.summary}`,
      );
    report(
      `engine.cycle_50_bodies_4mib_${kept ? 'kept' : 'unread'}_peak_added_mb`,
      Math.round((peak - before) / 1048576),
      'MB',
    );
  } finally {
    await engine.close();
    await lab.stop();
  }
}

export const engineBenches: readonly Bench[] = [
  { name: 'engine.cycle_200', run: cycle200 },
  { name: 'engine.rss', run: rss },
  { name: 'engine.default_catalog', run: catalogBytes },
  { name: 'engine.cycle_150_catalog', run: catalog150 },
  { name: 'engine.second_opinion', run: secondOpinionBytes },
  { name: 'engine.cycle_50_bodies', run: cycleBodies },
];
