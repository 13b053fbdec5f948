// Merging a team's events: 10,000 events of a long outage shared by five members (ticks, unticks,
// notes, concurrent opens), merged from scratch as a member that comes back does. Budget 200 ms,
// measured as the process's CPU time (median of 5), so a loaded machine does not move it.
import type { TeamEvent } from '../main/team/events';
import { mergeTeam } from '../main/team/merge';
import type { Bench, Report } from './bench';

const EVENTS = 10_000;
const BUDGET_MS = 200;
const MEMBERS = ['awa', 'koffi', 'yao', 'fatou', 'ismael'];

function history(): TeamEvent[] {
  const since = Date.UTC(2021, 9, 4, 15, 40);
  const ts = new Date(since).toISOString();
  const events: TeamEvent[] = MEMBERS.map((m, i) => ({
    v: 1,
    eid: `open-${m}`,
    m,
    n: m,
    lc: 1,
    ts,
    type: 'incident.open',
    inc: `whatsapp@open-${m}`,
    service: 'whatsapp',
    cause: 'provider',
    since: since + i * 1000,
  }));
  for (let i = events.length; i < EVENTS; i++) {
    const m = MEMBERS[i % MEMBERS.length] ?? 'awa';
    const inc = `whatsapp@open-${MEMBERS[(i * 7) % MEMBERS.length]}`;
    const base = { v: 1 as const, eid: `e${i}`, m, n: m, lc: 2 + Math.floor(i / 3), ts, inc };
    events.push(
      i % 4 === 0
        ? { ...base, type: 'note.add', text: `called customer ${i}` }
        : { ...base, type: 'step.set', step: `d-step-${i % 12}`, done: i % 3 !== 0 },
    );
  }
  // As the relay and members' outboxes deliver them: any order.
  return events.reverse();
}

async function merge10k(report: Report): Promise<void> {
  const events = history();
  mergeTeam(events); // warm-up: the first call compiles
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    // CPU time of this process: what the merge costs, whatever else the machine is doing.
    const started = process.cpuUsage();
    const state = mergeTeam(events);
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
    if (state.incidents.length !== 1) throw new Error('team bench: the opens did not merge');
  }
  times.sort((a, b) => a - b);
  report('team.merge_10k_ms', Math.round((times[2] ?? Number.NaN) * 10) / 10, 'ms');
  report('team.merge_10k_budget_ms', BUDGET_MS, 'ms');
}

export const teamBenches: readonly Bench[] = [{ name: 'team.merge_10k_ms', run: merge10k }];
