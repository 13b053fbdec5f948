// How fast continuous mode confirms an outage, on loopback, in real time: 50 and 200 HTTP services
// checked every 20 s at the default 8 s timeout (threshold 2, re-check 5 s after a failing check
// started). Some services suffer faults of each kind (bench/detect-faults.ts) again and again,
// each fault staged at a known phase of that service's own clock (spread evenly over an interval,
// so a few dozen faults give a steady median); some are flaky but healthy; the rest are fine.
// For each kind: median and p95 from the fault to the confirmed change, beside the physical bound
// for these settings; outages missed; changes of healthy services (false alarms).
import { parseConfig, type VigieConfig } from '../shared/config-schema';
import { MINUTE, SECOND } from '../shared/durations';
import type { VerdictChange } from '../shared/types';
import { createEngine } from '../main/engine';
import { createHttpClient, type HttpClient } from '../main/engine/net/http-client';
import type { Bench, Report } from './bench';
import { FAULT_KINDS, HEALTHY, flakyRoute, physicalBoundMs, repair } from './detect-faults';
import type { FaultKind } from './detect-faults';
import { median } from './history.bench';
import { startRemoteLab, type RemoteLab } from './lab-client';

const INTERVAL_S = 20;
const RECHECK_S = 5;
/** Before the first fault: every service checked and confirmed up. */
const SETTLE_MS = 25 * SECOND;
/** A fault not confirmed this long after it started (or after its repair) is missed. */
const CONFIRM_WAIT_MS = 150 * SECOND;
/** How long a repaired service has to be confirmed up before its next fault. */
const RECOVER_WAIT_MS = 90 * SECOND;
/** A lasting fault stays this long after it is confirmed, then is repaired. */
const HOLD_MS = 2 * SECOND;
/** Golden-ratio steps: successive faults of a kind fall at evenly spread phases of the interval. */
const PHASE_STEP = (Math.sqrt(5) - 1) / 2;

/**
 * Shortens the staging to this many seconds, to check the benchmark's plumbing in a few minutes
 * (every faulty service still gets at least one fault of its kind, the 90 s outage included); its
 * figures are too few to quote. The generated results name it when it was set.
 */
const STAGING_KNOB = 'VIGIE_DETECT_STAGING_S';

/**
 * How many services of each role at a size, and how long new faults are staged (those under way
 * then run to their end): about 50 faults of each kind at 50 services, 80 at 200.
 */
function layout(count: number) {
  const perKind = count >= 200 ? 20 : 6;
  const flaky = count >= 200 ? 20 : 4;
  const knob = process.env[STAGING_KNOB];
  const stagingMs =
    knob !== undefined ? stagingSeconds(knob) * SECOND : count >= 200 ? 4 * MINUTE : 8 * MINUTE;
  return { perKind, flaky, faulty: perKind * FAULT_KINDS.length, stagingMs };
}

function stagingSeconds(knob: string): number {
  const seconds = Number(knob);
  if (!/^\d+$/.test(knob) || seconds < 1) {
    throw new Error(`${STAGING_KNOB} must be a whole number of seconds (1 or more), not "${knob}"`);
  }
  return seconds;
}

/** Every confirmed change with the time it was told, and waiters for the next one. */
class ChangeLog {
  readonly all: { at: number; change: VerdictChange }[] = [];
  private readonly waiters = new Set<() => void>();

  record(change: VerdictChange): void {
    this.all.push({ at: Date.now(), change });
    for (const wake of [...this.waiters]) wake();
  }

  /** The first change of `id` at or after `from` matching `want`, or null once `until` passes. */
  async first(
    id: string,
    from: number,
    until: number,
    want: (change: VerdictChange) => boolean,
  ): Promise<number | null> {
    for (;;) {
      const found = this.all.find(
        (c) => c.change.serviceId === id && c.at >= from && want(c.change),
      );
      if (found) return found.at;
      const left = until - Date.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }
}

/** One staged fault and what became of it. */
interface Outcome {
  readonly kind: string;
  readonly confirmMs: number | null;
  readonly recoverMs: number | null;
}

/** Counts the engine's requests to the services (each check, retries included). */
function counted(http: HttpClient): { http: HttpClient; requests: () => number } {
  let requests = 0;
  return {
    http: {
      request: (req) => {
        if (req.url.includes('/svc-')) requests++;
        return http.request(req);
      },
      close: () => http.close(),
    },
    requests: () => requests,
  };
}

function benchConfig(lab: RemoteLab, count: number): VigieConfig {
  const parsed = parseConfig({
    version: 1,
    intervalSeconds: INTERVAL_S,
    recheckSeconds: RECHECK_S,
    failureThreshold: 2,
    successThreshold: 1,
    dnsServers: [lab.dnsServer],
    connectivity: {
      targets: [{ url: `http://127.0.0.1:${lab.httpPort}/generate_204`, expectStatus: 204 }],
    },
    // Each probe at the default timeout (8 s), as the catalog's.
    services: Array.from({ length: count }, (_, i) => ({
      id: `svc-${i}`,
      name: `Service ${i}`,
      category: 'other',
      probes: [
        { kind: 'http', url: `http://svc-${i}.bench.test:${lab.httpPort}/svc-${i}`, method: 'GET' },
      ],
    })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
}

/** Stages faults of `kind` on service `i`, one after another, until staging ends. */
async function faultLoop(
  lab: RemoteLab,
  log: ChangeLog,
  kind: FaultKind,
  i: number,
  phases: { next: number },
  stagingEnds: number,
  intervalMs: number,
): Promise<Outcome[]> {
  const id = `svc-${i}`;
  const outcomes: Outcome[] = [];
  while (Date.now() < stagingEnds) {
    const phase = (phases.next++ * PHASE_STEP) % 1;
    const faultAt = await lab.phased(`/svc-${i}`, Math.round(phase * intervalMs), kind.changes(i));
    const notUp = (c: VerdictChange) => c.current.state !== 'up';
    let confirmedAt: number | null;
    let repairAt: number;
    if (kind.lastsMs === null) {
      confirmedAt = await log.first(id, faultAt, faultAt + CONFIRM_WAIT_MS, notUp);
      await sleep(HOLD_MS);
      repairAt = await lab.apply(repair(i));
    } else {
      await sleep(faultAt + kind.lastsMs - Date.now());
      repairAt = await lab.apply(repair(i));
      // A check under way at the repair may still confirm the fault: late, but not missed.
      confirmedAt = await log.first(id, faultAt, repairAt + CONFIRM_WAIT_MS / 2, notUp);
    }
    const upAt =
      confirmedAt === null
        ? null
        : await log.first(
            id,
            repairAt,
            repairAt + RECOVER_WAIT_MS,
            (c) => c.current.state === 'up',
          );
    outcomes.push({
      kind: kind.id,
      confirmMs: confirmedAt === null ? null : confirmedAt - faultAt,
      recoverMs: upAt === null ? null : upAt - repairAt,
    });
  }
  return outcomes;
}

async function detect(report: Report, count: number): Promise<void> {
  const lab = await startRemoteLab(['*.bench.test']);
  const { perKind, flaky, faulty, stagingMs } = layout(count);
  await lab.route('/generate_204', { status: 204 });
  const config = benchConfig(lab, count);
  const timeoutMs = config.services[0]?.probes[0]?.timeoutMs ?? NaN;
  for (let i = 0; i < count; i++) {
    const isFlaky = i >= faulty && i < faulty + flaky;
    await lab.route(`/svc-${i}`, isFlaky ? flakyRoute(timeoutMs) : HEALTHY);
  }
  const client = counted(createHttpClient());
  const engine = createEngine(config, { http: client.http });
  const log = new ChangeLog();
  engine.scheduler.on('change', (change) => log.record(change));
  const cpu = process.cpuUsage();
  const started = Date.now();
  engine.scheduler.start();
  await sleep(SETTLE_MS);
  const intervalMs = INTERVAL_S * SECOND;
  const stagingEnds = Date.now() + stagingMs;
  const loops = FAULT_KINDS.flatMap((kind, k) => {
    const phases = { next: 0 };
    return Array.from({ length: perKind }, (_, j) =>
      faultLoop(lab, log, kind, k * perKind + j, phases, stagingEnds, intervalMs),
    );
  });
  const outcomes = (await Promise.all(loops)).flat();
  const used = process.cpuUsage(cpu);
  const wallMs = Date.now() - started;
  await engine.close();
  await lab.stop();

  const prefix = `engine.detect_${count}`;
  const settings = { intervalMs, recheckMs: RECHECK_S * SECOND, timeoutMs };
  const confirmed = (kinds: readonly FaultKind[]) =>
    outcomes
      .filter((o) => kinds.some((k) => k.id === o.kind))
      .flatMap((o) => (o.confirmMs === null ? [] : [o.confirmMs]));
  for (const kind of FAULT_KINDS) {
    const mine = outcomes.filter((o) => o.kind === kind.id);
    const times = confirmed([kind]);
    report(`${prefix}_${kind.id}_faults`, mine.length, 'faults');
    report(`${prefix}_${kind.id}_median_ms`, Math.round(median(times)), 'ms');
    report(`${prefix}_${kind.id}_p95_ms`, Math.round(percentile(times, 0.95)), 'ms');
    report(`${prefix}_${kind.id}_bound_ms`, physicalBoundMs(kind, settings), 'ms');
    report(`${prefix}_${kind.id}_missed`, mine.length - times.length, 'outages');
  }
  const quick = FAULT_KINDS.filter((k) => !k.silent && k.lastsMs === null);
  const silent = FAULT_KINDS.filter((k) => k.silent);
  const interval = INTERVAL_S * SECOND;
  const recheck = RECHECK_S * SECOND;
  report(`${prefix}_fail_ms`, Math.round(median(confirmed(quick))), 'ms');
  report(`${prefix}_budget_fail_ms`, interval / 2 + recheck + 2 * SECOND, 'ms');
  report(`${prefix}_hang_ms`, Math.round(median(confirmed(silent))), 'ms');
  report(`${prefix}_budget_hang_ms`, interval / 2 + 2 * timeoutMs + recheck + 2 * SECOND, 'ms');
  const recovered = outcomes.flatMap((o) => (o.recoverMs === null ? [] : [o.recoverMs]));
  report(`${prefix}_recover_ms`, Math.round(median(recovered)), 'ms');
  report(`${prefix}_missed`, outcomes.filter((o) => o.confirmMs === null).length, 'outages');
  report(`${prefix}_budget_missed`, 0, 'outages');
  const healthy = (c: VerdictChange) => Number(c.serviceId.slice(4)) >= faulty;
  const flakyChanges = log.all.filter((c) => healthy(c.change)).length;
  report(`${prefix}_false_alarms`, flakyChanges, 'changes');
  report(`${prefix}_budget_false_alarms`, 0, 'changes');
  report(`${prefix}_flaky_services`, flaky, 'services');
  report(
    `${prefix}_cpu_ms_per_request`,
    Math.round(((used.user + used.system) / 1000 / client.requests()) * 100) / 100,
    'ms',
  );
  report(`${prefix}_wall_s`, Math.round(wallMs / SECOND), 's');
}

/** The value below which `share` of the values fall (nearest rank). */
function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? NaN;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** The detection benchmarks (10 and 7 minutes of wall time: faults are staged in real time). */
export const detectBenches: readonly Bench[] = [
  { name: 'engine.detect_50', run: (report) => detect(report, 50), knobs: [STAGING_KNOB] },
  { name: 'engine.detect_200', run: (report) => detect(report, 200), knobs: [STAGING_KNOB] },
];
