// `npm run bench [-- PREFIX]`: runs every benchmark, or those whose names start with PREFIX.
import type { Bench } from './bench';
import { alertsBenches } from './alerts.bench';
import { checklistBenches } from './checklist.bench';
import { detectBenches } from './detect.bench';
import { engineBenches } from './engine.bench';
import { flagsBenches } from './flags.bench';
import { historyBenches } from './history.bench';
import { killRemoteLabs } from './lab-client';
import { rendererBenches } from './renderer.bench';
import { teamBenches } from './team.bench';

const all: readonly Bench[] = [
  ...engineBenches,
  ...flagsBenches,
  ...detectBenches,
  ...historyBenches,
  ...checklistBenches,
  ...rendererBenches,
  ...teamBenches,
  ...alertsBenches,
];

const prefix = process.argv[2] ?? '';
const chosen = all.filter((b) => b.name.startsWith(prefix) || prefix.startsWith(b.name));
if (chosen.length === 0) {
  console.error(
    `no benchmark starts with "${prefix}"; known: ${all.map((b) => b.name).join(', ')}`,
  );
  process.exit(64);
}
try {
  for (const bench of chosen) {
    await bench.run((name, value, unit) => {
      if (name.startsWith(prefix) || bench.name.startsWith(prefix))
        console.log(`bench ${name} ${value} ${unit}`);
    });
  }
} catch (error) {
  // Say what failed and end: a lab process left running would keep `npm run bench` waiting.
  console.error(error);
  process.exitCode = 1;
} finally {
  killRemoteLabs();
}
