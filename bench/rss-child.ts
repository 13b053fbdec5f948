// Run bundled and with the command line's flags (scripts/bundle-node.ts), not through tsx: the headless
// engine as `npx vigie watch` runs it. Reads a config file, runs cycles, prints its memory as JSON.
import { readFileSync } from 'node:fs';
import { parseConfig } from '../shared/config-schema';
import { createEngine } from '../main/engine';
import { openHistory } from '../main/history/store';

const [configFile, caFile, cyclesArg, historyDir] = process.argv.slice(2);
if (!configFile || !caFile) throw new Error('usage: rss-child CONFIG CA [CYCLES]');
const parsed = parseConfig(JSON.parse(readFileSync(configFile, 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const baselineMb = process.memoryUsage().rss / 1024 / 1024;
const engine = createEngine(parsed.config, { extraCa: [readFileSync(caFile, 'utf8')] });
// With a data folder: the engine records every cycle into 90 days of history, as the app does.
const history = historyDir ? openHistory({ dir: historyDir }) : null;
const cycles = Number(cyclesArg ?? 100);
/** The highest resident memory so far, as the kernel kept it (Linux), in MB. */
const hwmMb = () =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;
// Where the start's spike happens: loading, the first cycle's checks, or its first recording.
const loadedHwmMb = hwmMb();
let firstChecksHwmMb = NaN;
let firstCycleHwmMb = NaN;
let up = 0;
let peakMb = 0;
for (let i = 0; i < cycles; i++) {
  const snapshot = await engine.checkOnce();
  if (i === 0) firstChecksHwmMb = hwmMb();
  history?.recordSnapshot(snapshot);
  if (i === 0) firstCycleHwmMb = hwmMb();
  up = snapshot.services.filter((s) => s.state === 'up').length;
  // Steady state: the peak over the second half, once caches and pools are warm.
  if (i >= cycles / 2) peakMb = Math.max(peakMb, process.memoryUsage().rss / 1024 / 1024);
}
await engine.close();
history?.close();
// The whole process's CPU (start and history included) over the checks it made.
const cpu = process.cpuUsage();
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  JSON.stringify({
    baselineMb,
    peakMb,
    up,
    cpuMs,
    checks: cycles * up,
    hwmMb: hwmMb(),
    loadedHwmMb,
    firstChecksHwmMb,
    firstCycleHwmMb,
  }),
);
