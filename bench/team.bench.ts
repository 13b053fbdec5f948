// Merging a team's events: 10,000 events of a long outage shared by five members (ticks, unticks,
// notes, concurrent opens), merged from scratch as a member that comes back does. Budget 200 ms,
// measured as the process's CPU time (median of 5), so a loaded machine does not move it.
// A teammate's tick: from the moment the relay (loopback, ntfy-compatible) keeps it to the moment
// the other member's run, as the window shows it, says the step done by that teammate. Budget 3 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHttpClient } from '../main/engine/net/http-client';
import { teamFolder } from '../test/helpers/team-folder';
import type { TeamEvent } from '../main/team/events';
import { inviteText } from '../main/team/keys';
import { mergeTeam } from '../main/team/merge';
import { TeamParticipant } from '../main/team/participant';
import { sharedRun } from '../main/team/run-view';
import { teamIncidentOf } from '../main/team/shared-run';
import { createTeam, joinTeam } from '../main/team/store';
import { snapshotAt } from '../test/helpers/snapshots';
import { NtfyRelay } from '../test/lab/ntfy-relay';
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

const TICKS = 20;
const TICK_BUDGET_MS = 3000;

/** A data folder with a run for Chat, and the recording a participant follows. */
function member(root: string, name: string, startedAt: number) {
  return teamFolder(join(root, name), startedAt, [{ key: 'tell-team', title: 'Tell the team' }]);
}

/** Relay kept a tick → the teammate's run shows it, median and slowest of 20 ticks and unticks. */
async function tickToPeer(report: Report): Promise<void> {
  const relay = await new NtfyRelay().start();
  const http = createHttpClient();
  const root = mkdtempSync(join(tmpdir(), 'vigie-bench-team-'));
  const started: TeamParticipant[] = [];
  try {
    const now = Date.now();
    const [a, b] = [member(root, 'awa', now), member(root, 'koffi', now)];
    const awa = createTeam(a.dir, relay.url, 'Awa');
    if ('problem' in awa) throw new Error(awa.problem);
    const koffi = joinTeam(b.dir, inviteText(awa.invite), 'Koffi');
    if ('problem' in koffi) throw new Error(koffi.problem);
    for (const m of [a, b]) {
      const p = await TeamParticipant.start(m.dir, m.recording, { http });
      if (!p) throw new Error('team bench: no team');
      started.push(p);
    }
    const [pa, pb] = started as [TeamParticipant, TeamParticipant];
    const opened = new Promise<void>((resolve) =>
      pb.onEvent((e) => e.type === 'incident.open' && resolve()),
    );
    a.record(snapshotAt(now, { chat: { state: 'down', since: now, cause: 'provider' } }));
    await opened;
    await pa.sync.settled();

    let kept = 0;
    relay.onMessage = () => (kept = performance.now());
    const times: number[] = [];
    for (let i = 0; i < TICKS; i++) {
      const done = i % 2 === 0;
      // Koffi's run as his window shows it: the step's state, and who set it.
      const shown = new Promise<void>((resolve) => {
        const off = pb.onChange(() => {
          const run = b.runs.book.get(b.runId);
          const state = pb.state();
          const incident = run ? teamIncidentOf(run, state) : null;
          if (!run || !incident) return;
          const view = sharedRun(run, incident, state, pb.membership, true);
          const step = view.run.steps.find((s) => s.key === 'tell-team');
          if ((step?.done != null) === done && view.by.get('tell-team')?.name === 'Awa') {
            times.push(performance.now() - kept);
            off();
            resolve();
          }
        });
      });
      a.runs.commit({
        type: done ? 'tick' : 'untick',
        runId: a.runId,
        key: 'tell-team',
        at: now + i,
      });
      await shown;
    }
    times.sort((x, y) => x - y);
    const median = ((times[TICKS / 2 - 1] ?? 0) + (times[TICKS / 2] ?? 0)) / 2;
    report('team.tick_to_peer_ms', Math.round(median * 10) / 10, 'ms');
    report(
      'team.tick_to_peer_slowest_ms',
      Math.round((times.at(-1) ?? Number.NaN) * 10) / 10,
      'ms',
    );
    report('team.tick_to_peer_budget_ms', TICK_BUDGET_MS, 'ms');
    a.runs.close();
    b.runs.close();
  } finally {
    for (const p of started) await p.close();
    await http.close();
    await relay.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

export const teamBenches: readonly Bench[] = [
  { name: 'team.merge_10k_ms', run: merge10k },
  { name: 'team.tick_to_peer_ms', run: tickToPeer },
];
