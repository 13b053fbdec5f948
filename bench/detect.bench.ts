// How fast continuous mode notices an outage, on loopback with outages staged at known times:
// at 50 and 200 HTTP services checked every 20 s (2 s timeout, one retry, confirmed after 2
// failing checks, re-checked 5 s after a first failure), 5 % start answering 500 and 5 % stop
// answering for 90 s. Reports the median time from the fault to the confirmed change, from the
// repair to the confirmed recovery, the outages never reported, and each budget beside its figure.
import { parseConfig, type VigieConfig } from '../shared/config-schema';
import { SECOND } from '../shared/durations';
import type { VerdictChange } from '../shared/types';
import { createEngine } from '../main/engine';
import type { Bench, Report } from './bench';
import { median } from './history.bench';
import { startRemoteLab } from './lab-client';

const INTERVAL_S = 20;
const RECHECK_S = 5;
const TIMEOUT_MS = 2 * SECOND;
const OUTAGE_MS = 90 * SECOND;
/** When the faults start, after the engine has settled. */
const FAULT_AT_MS = 25 * SECOND;
/** How long after the repair the run goes on, so recoveries can be confirmed. */
const TAIL_MS = 45 * SECOND;

/** What happens to one service during the run. */
type Fate = 'fail' | 'hang' | 'fine';

function fateOf(i: number, count: number): Fate {
  const share = Math.max(1, Math.round(count * 0.05));
  if (i < share) return 'fail';
  if (i < 2 * share) return 'hang';
  return 'fine';
}

async function detect(report: Report, count: number): Promise<void> {
  const lab = await startRemoteLab(['*.bench.test']);
  await lab.route('/generate_204', { status: 204 });
  for (let i = 0; i < count; i++) await lab.route(`/svc-${i}`, { status: 200, body: 'ok' });
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
    services: Array.from({ length: count }, (_, i) => ({
      id: `svc-${i}`,
      name: `Service ${i}`,
      category: 'other',
      probes: [
        {
          kind: 'http',
          url: `http://svc-${i}.bench.test:${lab.httpPort}/svc-${i}`,
          method: 'GET',
          timeoutMs: TIMEOUT_MS,
        },
      ],
    })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const config: VigieConfig = parsed.config;
  const engine = createEngine(config);
  const changes: { at: number; change: VerdictChange }[] = [];
  engine.scheduler.on('change', (change) => changes.push({ at: Date.now(), change }));
  const cpu = process.cpuUsage();
  const started = Date.now();
  engine.scheduler.start();
  // Each faulty service fails at its own known time, spread over one interval, so the faults fall
  // at every phase of the services' clocks (they all started together).
  const faulty = Array.from({ length: count }, (_, i) => i).filter(
    (i) => fateOf(i, count) !== 'fine',
  );
  const faultAt = new Map<number, number>();
  const repairAt = new Map<number, number>();
  // Within each kind of fault, the faults are spread evenly over one interval.
  const spread = (i: number) => {
    const same = faulty.filter((j) => fateOf(j, count) === fateOf(i, count));
    return Math.round((same.indexOf(i) / same.length) * INTERVAL_S * SECOND);
  };
  const staged = faulty.map(async (i) => {
    await sleep(FAULT_AT_MS + spread(i));
    faultAt.set(i, Date.now());
    await lab.route(
      `/svc-${i}`,
      fateOf(i, count) === 'fail' ? { status: 500, body: 'error' } : { hang: true },
    );
    await sleep(OUTAGE_MS);
    repairAt.set(i, Date.now());
    await lab.route(`/svc-${i}`, { status: 200, body: 'ok' });
  });
  await Promise.all(staged);
  await sleep(TAIL_MS);
  const used = process.cpuUsage(cpu);
  const wall = Date.now() - started;
  await engine.close();
  await lab.stop();

  const detected = (fate: Fate) =>
    Array.from({ length: count }, (_, i) => i)
      .filter((i) => fateOf(i, count) === fate)
      .map((i) => {
        const fault = faultAt.get(i) ?? 0;
        const repair = repairAt.get(i) ?? 0;
        const down = changes.find(
          (c) =>
            c.change.serviceId === `svc-${i}` &&
            c.at >= fault &&
            c.at <= repair + TAIL_MS &&
            c.change.current.state !== 'up',
        );
        const up = changes.find(
          (c) =>
            c.change.serviceId === `svc-${i}` && c.at >= repair && c.change.current.state === 'up',
        );
        return { down: down ? down.at - fault : null, up: up ? up.at - repair : null };
      });
  const failed = detected('fail');
  const hung = detected('hang');
  const all = [...failed, ...hung];
  const missed = all.filter((d) => d.down === null).length;
  const falseAlarms = changes.filter(
    (c) => fateOf(Number(c.change.serviceId.slice(4)), count) === 'fine',
  ).length;
  const known = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  const prefix = `engine.detect_${count}`;
  const interval = INTERVAL_S * SECOND;
  const recheck = RECHECK_S * SECOND;
  report(`${prefix}_fail_ms`, Math.round(median(known(failed.map((d) => d.down)))), 'ms');
  report(`${prefix}_budget_fail_ms`, interval / 2 + recheck + 2 * SECOND, 'ms');
  report(`${prefix}_hang_ms`, Math.round(median(known(hung.map((d) => d.down)))), 'ms');
  report(`${prefix}_budget_hang_ms`, interval / 2 + recheck + 2 * TIMEOUT_MS + 2 * SECOND, 'ms');
  report(`${prefix}_recover_ms`, Math.round(median(known(all.map((d) => d.up)))), 'ms');
  report(`${prefix}_missed`, missed, 'outages');
  report(`${prefix}_false_alarms`, falseAlarms, 'changes');
  report(`${prefix}_cpu_ms_per_check`, cpuPerCheck(used, wall, count), 'ms');
}

/** CPU per check, assuming each service was checked once per interval (the figure is an upper bound). */
function cpuPerCheck(used: NodeJS.CpuUsage, wall: number, count: number): number {
  const checks = (wall / (INTERVAL_S * SECOND)) * count;
  return Math.round(((used.user + used.system) / 1000 / checks) * 100) / 100;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The detection benchmarks (minutes of wall time each: outages are staged in real time). */
export const detectBenches: readonly Bench[] = [
  { name: 'engine.detect_50', run: (report) => detect(report, 50) },
  { name: 'engine.detect_200', run: (report) => detect(report, 200) },
];
