// Ticks on a disk that fills up midway: what the checklist shows is what it saved. 17 steps ticked
// (each with a note), the disk full after the 8th; then a restart on the still-full disk shows
// exactly the ticks shown before it. On a real tmpfs the test mounts (root), and always through
// the fault layer too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../shared/durations';
import { Checklist } from '../../main/playbooks';
import { openHistory } from '../../main/history/store';
import { snapshotAt } from '../helpers/snapshots';
import { faultDisk, smallDisk, type SmallDisk } from '../helpers/small-disk';

const T0 = Date.UTC(2021, 9, 4, 15, 40);
const SERVICES = ['wa', 'ig', 'shop', 'mail', 'site'];
const PLAYBOOKS = [
  'default-messaging',
  'default-social',
  'default-ads-commerce',
  'default-email-office',
  'default-website',
];

/** The steps shown as done, with their notes, in the run the outage opened. */
function shown(checklist: Checklist): string[] {
  const run = checklist.views([])[0];
  return (run?.steps ?? []).flatMap((s) => (s.done ? [`${s.key}: ${s.done.note ?? ''}`] : []));
}

function ticksAcrossRestart(disk: SmallDisk): void {
  const dir = join(disk.dir, 'data');
  let now = T0;
  const clock = () => now;
  // Five critical services down at once share one run (their playbooks' steps deduplicated).
  const history = openHistory({ dir, now: clock });
  const checklist = new Checklist(dir, clock);
  SERVICES.forEach((id, i) => checklist.playbooks.assign(id, PLAYBOOKS[i]!));
  const down = Object.fromEntries(SERVICES.map((id) => [id, { state: 'down' as const }]));
  history.recordSnapshot(snapshotAt(now, down));
  checklist.observe(snapshotAt(now, down), history.incidents());
  const run = checklist.views([])[0]!;
  expect(run.steps.length).toBeGreaterThanOrEqual(17);
  const refused: string[] = [];
  const said: string[] = [];
  run.steps.slice(0, 17).forEach((step, i) => {
    if (i === 8) disk.fill();
    now += MINUTE;
    // A note long enough that nine of them need more than the page a tmpfs may have left.
    const note = `${step.key} done by the shop: ${'called the customers on the list; '.repeat(12)}`;
    try {
      checklist.tick(run.id, step.key, true, note);
    } catch (error) {
      refused.push(step.key);
      said.push((error as Error).message);
    }
  });
  const before = shown(checklist);
  checklist.close();
  history.close();
  // A restart, the disk still full: the same ticks.
  const again = new Checklist(dir, clock);
  expect(shown(again)).toEqual(before);
  // The disk filled: some ticks were refused, said so, and are not shown as done.
  expect(refused.length).toBeGreaterThan(0);
  for (const message of said)
    expect(message).toMatch(/^Not saved: the disk holding .* is full; free some space\.$/);
  expect(before).toHaveLength(17 - refused.length);
  for (const key of refused) expect(before.some((line) => line.startsWith(`${key}:`))).toBe(false);
  again.close();
}

describe('ticks on a disk that fills up midway', () => {
  it('shows after a restart exactly the ticks it showed before (a real tmpfs where it can mount)', () => {
    const disk = smallDisk(512 * 1024);
    try {
      ticksAcrossRestart(disk);
    } finally {
      disk.close();
    }
  });

  it('the same through the fault layer (every machine)', () => {
    const disk = faultDisk();
    try {
      ticksAcrossRestart(disk);
    } finally {
      disk.close();
    }
  });
});
