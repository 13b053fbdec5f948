// A run and the team's incident: which incident a run belongs to, the events a tick, an untick or
// a note becomes, the digest split under the envelope's limit, the runs the window shows (who did
// each step, the same next step for everyone, a teammate's incident not seen here) and the
// report's team timeline.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Checklist } from '../../../../main/playbooks';
import type { TeamEvent } from '../../../../main/team/events';
import { mergeTeam, type TeamIncident } from '../../../../main/team/merge';
import { digestParts } from '../../../../main/team/participant';
import { MAX_PLAINTEXT_BYTES } from '../../../../main/team/envelope';
import { actionsOf, teamIncidentOf } from '../../../../main/team/shared-run';
import {
  findShownRun,
  runViews,
  sharedRun,
  teamRunId,
  type TeamAccess,
} from '../../../../main/team/run-view';
import type { TeamMembership } from '../../../../main/team/store';
import { parseInvite } from '../../../../main/team/keys';
import { createTranslator } from '../../../../shared/i18n';
import { createHandlers, type HandlerDeps } from '../../../../main/shell/handlers';
import { parseCall } from '../../../../shared/ipc';
import { defaultSettings } from '../../../../shared/settings-schema';
import { defaultConfig } from '../../../../main/engine/catalog';
import type { RunView } from '../../../../shared/checklist-types';
import { HOUR, MINUTE } from '../../../../shared/durations';
import { REAL_START } from '../../../helpers/clock';
import { snapshotAt } from '../../../helpers/snapshots';

const T = REAL_START + 40 * MINUTE;
const names = { awa: 'Awa Traoré', koffi: 'Koffi Yao', zoe: 'Zoé Bamba' } as const;
type Member = keyof typeof names;
let n = 0;
function ev(fields: Record<string, unknown> & { m: Member; lc: number }, minutes = 0): TeamEvent {
  return {
    v: 1,
    eid: `e${++n}`,
    n: names[fields.m],
    ts: new Date(T + minutes * MINUTE).toISOString(),
    ...fields,
  } as unknown as TeamEvent;
}
const open = (m: Member, service: string, since: number, lc = 1): TeamEvent =>
  ev({ type: 'incident.open', m, lc, inc: `${service}@o-${m}`, service, cause: 'provider', since });

/** The window's next step (renderer/components/RunPanel.tsx): the first open one that can be done. */
const nextStep = (run: RunView) =>
  run.steps.find((s) => s.section === 'during' && !s.done && !s.channelDown);

const invite = parseInvite(`vigie-team:1:${'A'.repeat(43)}:https://ntfy.example`);
if ('problem' in invite) throw new Error('bad test invite');
const me = (member: Member): TeamMembership => ({ invite, member, name: names[member] });

describe('a run and the team’s incidents', () => {
  it('a run belongs to its service’s incident that overlaps it, not to an older one', () => {
    const state = mergeTeam([
      open('awa', 'whatsapp', T - 3 * 24 * HOUR),
      ev({ type: 'incident.close', m: 'awa', lc: 2, inc: 'whatsapp@o-awa', end: T - 70 * HOUR }),
      open('koffi', 'whatsapp', T, 3),
      open('koffi', 'slack', T, 4),
    ]);
    const run = { services: [{ id: 'whatsapp', name: 'WhatsApp' }], startedAt: T + MINUTE };
    expect(teamIncidentOf({ ...run, endedAt: null }, state)?.inc).toBe('whatsapp@o-koffi');
    // An old run, long over, has the old incident.
    expect(
      teamIncidentOf({ ...run, startedAt: T - 71 * HOUR, endedAt: T - 70 * HOUR }, state)?.inc,
    ).toBe('whatsapp@o-awa');
    expect(
      teamIncidentOf(
        { services: [{ id: 'facebook', name: 'Facebook' }], startedAt: T, endedAt: null },
        state,
      ),
    ).toBeNull();
  });

  it('a tick with its note, an untick and a long note become team events', () => {
    const incident = { inc: 'whatsapp@x' } as TeamIncident;
    expect(
      actionsOf(
        { type: 'tick', runId: 'r', key: 'tell', at: T, note: 'Signal group told' },
        incident,
      ),
    ).toEqual([
      { type: 'step.set', inc: 'whatsapp@x', step: 'tell', done: true },
      { type: 'note.add', inc: 'whatsapp@x', text: 'Signal group told' },
    ]);
    expect(actionsOf({ type: 'untick', runId: 'r', key: 'tell', at: T }, incident)).toEqual([
      { type: 'step.set', inc: 'whatsapp@x', step: 'tell', done: false },
    ]);
    // A run note may be 2,000 characters; an event carries 500: nothing is cut, it goes in parts.
    const long = 'é'.repeat(1200);
    const parts = actionsOf({ type: 'note', runId: 'r', at: T, text: long }, incident);
    expect(parts.map((p) => (p.type === 'note.add' ? p.text.length : 0))).toEqual([500, 500, 200]);
    expect(parts.map((p) => (p.type === 'note.add' ? p.text : '')).join('')).toBe(long);
    expect(actionsOf({ type: 'tick', runId: 'r', key: 'tell', at: T }, null)).toEqual([]);
  });

  it('a digest is split so that each event stays under 2,800 bytes, and holds everything once', () => {
    const events: TeamEvent[] = [open('awa', 'whatsapp', T)];
    for (let i = 0; i < 60; i++)
      events.push(
        ev({
          type: 'step.set',
          m: 'koffi',
          lc: 2 + i,
          inc: 'whatsapp@o-awa',
          step: `step-number-${i}`,
          done: i % 3 !== 0,
        }),
      );
    for (let i = 0; i < 12; i++)
      events.push(
        ev({
          type: 'note.add',
          m: 'zoe',
          lc: 70 + i,
          inc: 'whatsapp@o-awa',
          text: 'ن'.repeat(480),
        }),
      );
    const incident = mergeTeam(events).incidents[0]!;
    const budget = MAX_PLAINTEXT_BYTES - 300;
    const parts = digestParts(incident, budget);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify(part))).toBeLessThan(budget);
    expect(parts.flatMap((p) => p.steps.map((s) => s[0])).sort()).toEqual(
      Object.keys(incident.steps).sort(),
    );
    expect(parts.flatMap((p) => p.notes.map((x) => x.eid))).toEqual(
      incident.notes.map((x) => x.eid),
    );
    // Merged back, the parts give the same steps and notes as the events they sum up.
    const again = mergeTeam([
      events[0]!,
      ...parts.map((p, i) => ev({ type: 'digest', m: 'awa', lc: 200 + i, ...p })),
    ]).incidents[0]!;
    expect(Object.keys(again.steps).sort()).toEqual(Object.keys(incident.steps).sort());
    expect(again.notes.map((x) => x.eid)).toEqual(incident.notes.map((x) => x.eid));
  });
});

describe('a step known from a digest', () => {
  it('has no time until the set itself arrives, whatever the order', () => {
    const opening = open('awa', 'chat', T);
    const set = ev(
      { type: 'step.set', m: 'koffi', lc: 2, inc: 'chat@o-awa', step: 'tell', done: true },
      2,
    );
    const digest = ev(
      {
        type: 'digest',
        m: 'awa',
        lc: 3,
        inc: 'chat@o-awa',
        steps: [['tell', true, 2, 'koffi']],
        notes: [],
      },
      600,
    );
    expect(mergeTeam([opening, digest]).incidents[0]!.steps['tell']).toMatchObject({
      by: 'koffi',
      ts: '',
    });
    for (const order of [
      [opening, digest, set],
      [set, digest, opening],
      [digest, opening, set, digest],
    ])
      expect(mergeTeam(order).incidents[0]!.steps['tell']).toMatchObject({
        by: 'koffi',
        byName: 'Koffi Yao',
        ts: new Date(T + 2 * MINUTE).toISOString(),
      });
  });
});

describe('the runs the window shows with a team', () => {
  let dir: string;
  let checklist: Checklist;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-team-run-'));
    checklist = new Checklist(dir, () => T);
  });
  afterEach(() => {
    checklist.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const describeService = (id: string) =>
    id === 'chat'
      ? { id, name: 'Chat', provider: 'ChatCo', category: 'messaging' }
      : { id, name: id === 'whatsapp' ? 'WhatsApp' : id, category: 'messaging' };

  function startRun(): string {
    const snapshot = snapshotAt(T, { chat: { state: 'down', since: T, cause: 'provider' } });
    const services = snapshot.services.map((s) => ({ ...s, name: 'Chat', critical: true }));
    const [run] = checklist.observe({ ...snapshot, services }, [
      {
        id: 'inc-1',
        serviceId: 'chat',
        serviceName: 'Chat',
        start: T,
        end: null,
      } as never,
    ]);
    return run!.id;
  }

  const access = (member: Member, events: TeamEvent[]): TeamAccess => ({
    membership: me(member),
    state: () => mergeTeam(events),
    events: () => events,
    setStep: () => undefined,
    addNote: () => undefined,
  });

  it('each step says who set it and when; the next step is the same for every member', () => {
    const runId = startRun();
    const steps = checklist.runs.book.get(runId)!.steps;
    const [first, second] = [steps[0]!.key, steps[1]!.key];
    // Awa ticked the first step here; Koffi (another computer) ticked the second.
    checklist.tick(runId, first, true);
    const events = [
      open('koffi', 'chat', T),
      ev({ type: 'step.set', m: 'awa', lc: 2, inc: 'chat@o-koffi', step: first, done: true }, 2),
      ev({ type: 'step.set', m: 'koffi', lc: 3, inc: 'chat@o-koffi', step: second, done: true }, 3),
      ev({ type: 'note.add', m: 'koffi', lc: 4, inc: 'chat@o-koffi', text: 'Called Mme Konan' }, 4),
    ];
    const [view] = runViews(checklist, [], [], access('awa', events), describeService);
    expect(view!.team).toMatchObject({
      inc: 'chat@o-koffi',
      openedBy: 'Koffi Yao',
      openedByMe: false,
      seenHere: true,
      notes: [{ by: 'Koffi Yao', text: 'Called Mme Konan', me: false }],
    });
    const byKey = new Map(view!.steps.map((s) => [s.key, s]));
    expect(byKey.get(first)!.by).toEqual({ name: 'Awa Traoré', at: T + 2 * MINUTE, me: true });
    expect(byKey.get(second)!.by).toEqual({ name: 'Koffi Yao', at: T + 3 * MINUTE, me: false });
    expect(byKey.get(second)!.done).toEqual({ at: T + 3 * MINUTE });
    // Koffi sees the same steps done, so the same next step (this computer ticked only one).
    const koffis = runViews(checklist, [], [], access('koffi', events), describeService)[0]!;
    expect(nextStep(koffis)?.key).toBe(nextStep(view!)?.key);
    expect(nextStep(view!)?.key).not.toBe(second);
  });

  it('a teammate’s incident this computer does not see shows as a run, marked as such', () => {
    const events = [open('koffi', 'whatsapp', T)];
    const team = access('awa', events);
    const [view] = runViews(checklist, [], [], team, describeService);
    expect(view).toMatchObject({
      id: teamRunId('whatsapp@o-koffi'),
      phase: 'during',
      services: [{ id: 'whatsapp', name: 'WhatsApp' }],
      team: { openedBy: 'Koffi Yao', seenHere: false },
    });
    expect(view!.steps.length).toBeGreaterThan(3);
    expect(findShownRun(checklist, view!.id, team, describeService)).toMatchObject({
      seenHere: false,
      incident: { inc: 'whatsapp@o-koffi' },
    });
  });

  it('the report holds the whole team’s timeline: who ticked what, when, and the notes', () => {
    const runId = startRun();
    const steps = checklist.runs.book.get(runId)!.steps;
    const [first, second] = [steps[0]!.key, steps[1]!.key];
    checklist.tick(runId, first, true, 'Signal group told');
    const events = [
      open('awa', 'chat', T),
      ev({ type: 'step.set', m: 'awa', lc: 2, inc: 'chat@o-awa', step: first, done: true }, 2),
      ev({ type: 'note.add', m: 'awa', lc: 3, inc: 'chat@o-awa', text: 'Signal group told' }, 2),
      ev({ type: 'step.set', m: 'koffi', lc: 4, inc: 'chat@o-awa', step: second, done: true }, 3),
      ev({ type: 'step.set', m: 'zoe', lc: 5, inc: 'chat@o-awa', step: second, done: false }, 5),
      ev(
        { type: 'note.add', m: 'zoe', lc: 6, inc: 'chat@o-awa', text: 'Not yet: no SMS credit' },
        6,
      ),
    ];
    const state = mergeTeam(events);
    const incident = state.incidents[0]!;
    const run = checklist.runs.book.get(runId)!;
    const shared = sharedRun(run, incident, state, me('awa'), true);
    const report = checklist.reportOf(shared.run, 'md', [], createTranslator('en'), {
      me: 'awa',
      own: false,
      incident,
      events,
      myName: 'Awa Traoré',
      members: shared.team.members,
      openedBy: shared.team.openedBy,
      seenHere: true,
      nameOf: (m) => names[m as Member],
    });
    const title = (key: string) =>
      String((steps.find((s) => s.key === key)!.title as { en: string }).en ?? '');
    expect(report).toContain(`Done by Awa Traoré: ${title(first)}`);
    expect(report).toContain(`Done by Koffi Yao: ${title(second)}`);
    expect(report).toContain(`Undone by Zoé Bamba: ${title(second)}`);
    expect(report).toContain('Note from Zoé Bamba: Not yet: no SMS credit');
    expect(report).toContain('**Team:** Awa Traoré, Koffi Yao, and Zoé Bamba');
    // Awa's own tick is in the run: said once, not again from the team's copy.
    expect(report.split(`Done by Awa Traoré: ${title(first)}`)).toHaveLength(2);
    const fr = checklist.reportOf(shared.run, 'md', [], createTranslator('fr'), {
      me: 'awa',
      own: false,
      incident,
      events,
      myName: 'Awa Traoré',
      members: shared.team.members,
      openedBy: shared.team.openedBy,
      seenHere: true,
      nameOf: (m) => names[m as Member],
    });
    expect(fr).toContain('Note de Zoé Bamba\u00a0: Not yet: no SMS credit');
  });

  it('the window ticks and notes a teammate’s incident through the team only', async () => {
    const events = [open('koffi', 'whatsapp', T)];
    const calls: unknown[][] = [];
    const team: TeamAccess = {
      ...access('awa', events),
      setStep: (...args) => void calls.push(['setStep', ...args]),
      addNote: (...args) => void calls.push(['addNote', ...args]),
    };
    const handlers = createHandlers({
      checklist,
      teamAccess: () => team,
      scheduler: () => ({ snapshot: () => ({ services: [] }) }),
      settings: defaultSettings,
      catalog: defaultConfig,
      translator: () => createTranslator('en'),
    } as unknown as HandlerDeps);
    const runId = teamRunId('whatsapp@o-koffi');
    // The window may name that run in its calls.
    const parsed = parseCall('checklist:tick', [runId, 'tell-team', true, 'On Signal']);
    expect(parsed.ok).toBe(true);
    expect(parseCall('checklist:tick', ['team-../x', 'tell-team', true]).ok).toBe(false);
    await handlers['checklist:tick']({ runId, key: 'tell-team', done: true, note: 'On Signal' });
    await handlers['checklist:note']({ runId, text: 'Customers told by SMS' });
    expect(calls).toEqual([
      ['setStep', 'whatsapp@o-koffi', 'tell-team', true, 'On Signal'],
      ['addNote', 'whatsapp@o-koffi', 'Customers told by SMS'],
    ]);
    // Nothing was written to this computer's runs.
    expect(checklist.runs.book.list()).toEqual([]);
    // Without a team, such a run does not exist.
    const alone = createHandlers({
      checklist,
      teamAccess: () => null,
      translator: () => createTranslator('en'),
    } as unknown as HandlerDeps);
    expect(() => alone['checklist:note']({ runId, text: 'x' })).toThrow(/no team incident/);
  });
});
