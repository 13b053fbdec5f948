// A checklist that ticks and unticks as fast as it can, saying after each how many it has
// recorded. The crash test kills it with SIGKILL at a moment of its choosing.
import { Checklist } from '../../main/playbooks';
import { incidentOf } from '../helpers/incidents';
import { snapshotAt } from '../helpers/snapshots';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: runs-writer-child DIR');
const start = Date.parse('2021-10-04T15:42:00Z');
let now = start;
const checklist = new Checklist(dir, () => now);
const incident = incidentOf({ start, serviceName: 'CHAT' });
checklist.observe(snapshotAt(start, { chat: { state: 'down' } }), [incident]);
const run = checklist.runs.book.list()[0];
if (!run) throw new Error('no run started');
let written = run.events.length;
const step = (): void => {
  now += 1000;
  // Odd entries tick, even ones untick, with a note long enough to make torn writes likely.
  checklist.tick(run.id, 'd-tell-team', written % 2 === 0, `note ${written} ${'x'.repeat(200)}`);
  written++;
  process.stdout.write(`${written}\n`);
  setImmediate(step);
};
step();
