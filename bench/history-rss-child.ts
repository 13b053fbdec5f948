// Bundled and run under plain node: opens a 90-day history, answers a query, prints its memory.
import { DAY } from '../shared/durations';
import { openHistory } from '../main/history/store';

const [dir, nowArg] = process.argv.slice(2);
if (!dir || !nowArg) throw new Error('usage: history-rss-child DIR NOW');
const now = Number(nowArg);
const baselineMb = process.memoryUsage().rss / 1024 / 1024;
const store = openHistory({ dir, readOnly: true, now: () => now });
for (const id of store.services()) {
  store.uptime(id, now);
  store.dailyCells(id, 90, now);
  store.latencySeries(id, now - 90 * DAY, now, now);
}
const rssMb = process.memoryUsage().rss / 1024 / 1024;
store.close();
process.stdout.write(JSON.stringify({ rssMb, baselineMb }));
