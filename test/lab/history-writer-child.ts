// A writer that records as fast as it can, saying after each cycle how many it has recorded.
// The crash test kills it with SIGKILL at a moment of its choosing.
import { MINUTE } from '../../shared/durations';
import { openHistory } from '../../main/history/store';
import { snapshotAt } from '../helpers/snapshots';

const [dir, firstArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: history-writer-child DIR FIRST');
const first = Number(firstArg ?? 0);
const base = Date.parse('2021-10-04T00:00:00Z');
const services = Object.fromEntries(
  Array.from({ length: 20 }, (_, i) => [`svc-${i}`, { state: 'up' as const }]),
);
let cycle = first;
const store = openHistory({ dir, now: () => base + cycle * MINUTE });
const step = (): void => {
  store.recordSnapshot(snapshotAt(base + cycle * MINUTE, services));
  cycle++;
  process.stdout.write(`${cycle}\n`);
  setImmediate(step);
};
step();
