// Three members, one outage: whatever order the relay delivers events in, however often, and even
// when some are lost then replayed, every member ends with the same incident, steps and notes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TeamEvent } from '../../../../main/team/events';
import { mergeTeam } from '../../../../main/team/merge';

const T = Date.UTC(2021, 9, 4, 15, 40);
const ts = (minutes: number) => new Date(T + minutes * 60_000).toISOString();
const who = { awa: 'Awa', koffi: 'Koffi', yao: 'Yao' } as const;
type Member = keyof typeof who;
let n = 0;
const ev = <E extends Omit<TeamEvent, 'v' | 'eid' | 'n' | 'ts'>>(
  e: E & { m: Member },
  minutes = 0,
): TeamEvent =>
  ({ v: 1, eid: `e${++n}`, n: who[e.m], ts: ts(minutes), ...e }) as unknown as TeamEvent;

/** An outage seen by all three: Awa and Koffi open at once; ticks, an untick, notes, a close. */
function outage(): TeamEvent[] {
  const openA = ev({
    type: 'incident.open',
    m: 'awa',
    lc: 1,
    inc: 'whatsapp@a1',
    service: 'whatsapp',
    cause: 'provider',
    since: T,
  });
  const openK = ev({
    type: 'incident.open',
    m: 'koffi',
    lc: 1,
    inc: 'whatsapp@k1',
    service: 'whatsapp',
    cause: 'provider',
    since: T + 5000,
  });
  return [
    ev({ type: 'member.hello', m: 'yao', lc: 1 }),
    openA,
    openK,
    ev(
      { type: 'step.set', m: 'awa', lc: 2, inc: 'whatsapp@a1', step: 'd-tell-team', done: true },
      2,
    ),
    ev(
      {
        type: 'step.set',
        m: 'koffi',
        lc: 2,
        inc: 'whatsapp@k1',
        step: 'd-call-customers',
        done: true,
      },
      2,
    ),
    ev(
      {
        type: 'step.set',
        m: 'yao',
        lc: 3,
        inc: 'whatsapp@a1',
        step: 'd-call-customers',
        done: false,
      },
      3,
    ),
    ev(
      {
        type: 'note.add',
        m: 'koffi',
        lc: 3,
        inc: 'whatsapp@k1',
        text: 'Called the 12 pending orders',
      },
      4,
    ),
    ev(
      {
        type: 'note.add',
        m: 'awa',
        lc: 4,
        inc: 'whatsapp@a1',
        text: 'Notice posted on the website',
      },
      5,
    ),
    ev(
      { type: 'step.set', m: 'awa', lc: 4, inc: 'whatsapp@a1', step: 'd-post-notice', done: true },
      5,
    ),
    ev({ type: 'incident.close', m: 'yao', lc: 5, inc: 'whatsapp@a1', end: T + 3_600_000 }, 60),
  ];
}

describe('the team merge', () => {
  it('two concurrent opens make one incident, under the smaller (lc, m)', () => {
    const state = mergeTeam(outage());
    expect(state.incidents).toHaveLength(1);
    const [incident] = state.incidents;
    expect(incident).toMatchObject({
      inc: 'whatsapp@a1',
      openedBy: 'awa',
      aliases: ['whatsapp@k1'],
      end: T + 3_600_000,
    });
    // Yao unticked Koffi's step later (greater counter): the last writer wins.
    expect(incident!.steps['d-call-customers']).toMatchObject({
      done: false,
      by: 'yao',
      byName: 'Yao',
    });
    expect(incident!.steps['d-tell-team']).toMatchObject({ done: true, by: 'awa' });
    expect(incident!.notes.map((x) => `${x.byName}: ${x.text}`)).toEqual([
      'Koffi: Called the 12 pending orders',
      'Awa: Notice posted on the website',
    ]);
    expect(state.members.map((m) => m.name)).toEqual(['Awa', 'Koffi', 'Yao']);
    expect(state.lc).toBe(5);
  });

  it('an open after a close it had seen is a new incident', () => {
    const events = outage();
    const again = ev(
      {
        type: 'incident.open',
        m: 'koffi',
        lc: 6,
        inc: 'whatsapp@k2',
        service: 'whatsapp',
        cause: 'network',
        since: T + 7_200_000,
      },
      120,
    );
    const incidents = mergeTeam([...events, again]).incidents;
    expect(incidents.map((i) => [i.inc, i.end])).toEqual([
      ['whatsapp@a1', T + 3_600_000],
      ['whatsapp@k2', null],
    ]);
  });

  it('equal counters are broken by member id, the same way everywhere', () => {
    const open = ev({
      type: 'incident.open',
      m: 'awa',
      lc: 1,
      inc: 's@1',
      service: 's',
      cause: null,
      since: T,
    });
    const a = ev({ type: 'step.set', m: 'awa', lc: 2, inc: 's@1', step: 'x', done: true });
    const k = ev({ type: 'step.set', m: 'koffi', lc: 2, inc: 's@1', step: 'x', done: false });
    expect(mergeTeam([open, a, k]).incidents[0]!.steps['x']).toMatchObject({
      by: 'koffi',
      done: false,
    });
    expect(mergeTeam([k, a, open]).incidents[0]!.steps['x']).toMatchObject({
      by: 'koffi',
      done: false,
    });
  });

  it('a digest brings an away member to the same state as the events it sums up', () => {
    const events = outage();
    const full = mergeTeam(events).incidents[0]!;
    const digest = ev({
      type: 'digest',
      m: 'awa',
      lc: 9,
      inc: 'whatsapp@a1',
      steps: Object.entries(full.steps).map(([step, s]) => [step, s.done, s.lc, s.by]),
      notes: full.notes.map((x) => ({
        eid: x.eid,
        m: x.by,
        n: x.byName,
        lc: x.lc,
        ts: x.ts,
        text: x.text,
      })),
    });
    // The away member has the opening, the close and the digest; not the ticks and notes.
    const away = mergeTeam(
      events
        .filter((e) => e.type.startsWith('incident.') || e.type === 'member.hello')
        .concat(digest),
    );
    const got = away.incidents.find((i) => i.inc === 'whatsapp@a1')!;
    const doneOf = (i: typeof got) =>
      Object.fromEntries(Object.entries(i.steps).map(([k, s]) => [k, [s.done, s.by, s.lc]]));
    expect(doneOf(got)).toEqual(doneOf(full));
    expect(got.notes.map((x) => x.eid)).toEqual(full.notes.map((x) => x.eid));
  });

  it('gives the same state whatever the order, repeats and lost-then-replayed events (property)', () => {
    const events = outage();
    const expected = JSON.stringify(mergeTeam(events));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.nat(events.length - 1), { maxLength: 20 }),
        fc.array(fc.nat(events.length - 1), { maxLength: 5 }),
        (order, repeats, lost) => {
          const delivered = [...order, ...repeats.map((i) => events[i]!)];
          // Lost on first delivery, replayed later (ntfy's since=, or a digest).
          const firstPass = delivered.filter((e) => !lost.some((i) => events[i] === e));
          const replayed = [...firstPass, ...lost.map((i) => events[i]!)];
          expect(JSON.stringify(mergeTeam(replayed))).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('random histories from three members converge on every member (property)', () => {
    const member = fc.constantFrom<Member>('awa', 'koffi', 'yao');
    const action = fc.oneof(
      fc.record({
        type: fc.constant('step.set' as const),
        m: member,
        step: fc.constantFrom('a', 'b', 'c'),
        done: fc.boolean(),
      }),
      fc.record({
        type: fc.constant('note.add' as const),
        m: member,
        text: fc.string({ minLength: 1, maxLength: 20 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (actions, seeds) => {
          let counter = 1;
          const events: TeamEvent[] = [
            ev({
              type: 'incident.open',
              m: 'awa',
              lc: counter,
              inc: 'x@1',
              service: 'x',
              cause: null,
              since: T,
            }),
          ];
          for (const a of actions) {
            counter += (seeds[events.length % Math.max(1, seeds.length)] ?? 0) % 2; // concurrent or not
            events.push(ev({ ...a, lc: counter, inc: 'x@1' } as never));
          }
          const one = JSON.stringify(mergeTeam(events));
          const reversed = JSON.stringify(mergeTeam([...events].reverse()));
          const doubled = JSON.stringify(mergeTeam([...events, ...events.slice(0, 5)]));
          expect(reversed).toBe(one);
          expect(doubled).toBe(one);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the team merge, case by case', () => {
  const open = (m: Member, lc: number, inc: string, service = 'whatsapp') =>
    ev({ type: 'incident.open', m, lc, inc, service, cause: 'provider', since: T });
  const step = (m: Member, lc: number, inc: string, name: string, done: boolean, minutes = 0) =>
    ev({ type: 'step.set', m, lc, inc, step: name, done }, minutes);
  const note = (m: Member, lc: number, inc: string, text: string) =>
    ev({ type: 'note.add', m, lc, inc, text });
  const close = (m: Member, lc: number, inc: string, end: number) =>
    ev({ type: 'incident.close', m, lc, inc, end });

  it('concurrent opens while nothing is closed yet make one incident', () => {
    const state = mergeTeam([open('awa', 1, 'whatsapp@a1'), open('koffi', 1, 'whatsapp@k1')]);
    expect(state.incidents).toEqual([
      expect.objectContaining({ inc: 'whatsapp@a1', aliases: ['whatsapp@k1'], end: null }),
    ]);
  });

  it('two services down at once are two incidents, each with its own steps', () => {
    const state = mergeTeam([
      open('awa', 1, 'whatsapp@a1'),
      open('koffi', 1, 'slack@k1', 'slack'),
      step('awa', 2, 'whatsapp@a1', 'd-tell-team', true),
      step('koffi', 2, 'slack@k1', 'd-use-email', true),
    ]);
    expect(state.incidents.map((i) => [i.inc, i.service, i.aliases, Object.keys(i.steps)])).toEqual(
      [
        ['whatsapp@a1', 'whatsapp', [], ['d-tell-team']],
        ['slack@k1', 'slack', [], ['d-use-email']],
      ],
    );
  });

  it('an open that had not seen a close of the incident joins it, even with a close in between', () => {
    // Koffi closed at 3; Awa opened at 3 without having seen it (same counter): she joins.
    const state = mergeTeam([
      open('awa', 1, 'whatsapp@a1'),
      close('koffi', 3, 'whatsapp@a1', T + 600_000),
      open('yao', 2, 'whatsapp@y1'),
      open('awa', 3, 'whatsapp@a2'),
    ]);
    expect(state.incidents.map((i) => [i.inc, i.aliases])).toEqual([
      ['whatsapp@a1', ['whatsapp@y1', 'whatsapp@a2']],
    ]);
  });

  it('of two closes, the later (lc, m) gives the end, whatever the order they arrive in', () => {
    const events = [
      open('awa', 1, 'whatsapp@a1'),
      close('awa', 4, 'whatsapp@a1', T + 3_600_000),
      close('koffi', 4, 'whatsapp@a1', T + 3_660_000),
      close('yao', 2, 'whatsapp@a1', T + 1_800_000),
    ];
    expect(mergeTeam(events).incidents[0]!.end).toBe(T + 3_660_000);
    expect(mergeTeam([...events].reverse()).incidents[0]!.end).toBe(T + 3_660_000);
  });

  it('a digest never undoes a tick made after the state it sums up', () => {
    const inc = 'whatsapp@a1';
    // Koffi's digest (counter 9) carries the step as Awa ticked it at 2; Yao unticked it at 4.
    const digest = ev({
      type: 'digest',
      m: 'koffi',
      lc: 9,
      inc,
      steps: [['d-tell-team', true, 2, 'awa']],
      notes: [],
    });
    const state = mergeTeam([
      open('awa', 1, inc),
      step('yao', 4, inc, 'd-tell-team', false),
      digest,
    ]);
    expect(state.incidents[0]!.steps['d-tell-team']).toMatchObject({
      done: false,
      by: 'yao',
      lc: 4,
    });
  });

  it('after a digest, the next action counts from the greatest counter seen', () => {
    const inc = 'whatsapp@a1';
    const digest = ev({
      type: 'digest',
      m: 'koffi',
      lc: 9,
      inc,
      steps: [['d-tell-team', true, 7, 'awa']],
      notes: [{ eid: 'n-late', m: 'yao', n: 'Yao', lc: 12, ts: ts(20), text: 'Late note' }],
    });
    expect(mergeTeam([open('awa', 1, inc), digest]).lc).toBe(12);
    const plain = ev({ type: 'digest', m: 'koffi', lc: 9, inc, steps: [], notes: [] });
    expect(mergeTeam([open('awa', 1, inc), plain]).lc).toBe(9);
  });

  it('lists the notes oldest first, those a digest brought among the others', () => {
    const inc = 'whatsapp@a1';
    const digest = ev({
      type: 'digest',
      m: 'koffi',
      lc: 9,
      inc,
      steps: [],
      notes: [{ eid: 'z-first', m: 'yao', n: 'Yao', lc: 2, ts: ts(2), text: 'First' }],
    });
    // eids in the opposite order to the counters: the order is by counter, not by eid.
    const second = { ...note('awa', 4, inc, 'Second'), eid: 'y-second' } as TeamEvent;
    const third = { ...note('awa', 6, inc, 'Third'), eid: 'a-third' } as TeamEvent;
    const state = mergeTeam([open('awa', 1, inc), third, second, digest]);
    expect(state.incidents[0]!.notes.map((x) => x.text)).toEqual(['First', 'Second', 'Third']);
  });

  it('names each member by the latest name they gave, with the last time they were heard', () => {
    const inc = 'whatsapp@a1';
    const renamed = { ...step('awa', 3, inc, 'd-tell-team', true, 30), n: 'Awa Diop' } as TeamEvent;
    const state = mergeTeam([renamed, open('awa', 1, inc), note('koffi', 2, inc, 'On it')]);
    expect(state.members).toEqual([
      { m: 'awa', name: 'Awa Diop', lc: 3, ts: ts(30) },
      { m: 'koffi', name: 'Koffi', lc: 2, ts: ts(0) },
    ]);
    expect(state.incidents[0]!.steps['d-tell-team']!.byName).toBe('Awa Diop');
  });

  it('lists the members by id, whoever was heard first', () => {
    const state = mergeTeam([
      ev({ type: 'member.hello', m: 'yao', lc: 1 }),
      ev({ type: 'member.hello', m: 'koffi', lc: 2 }),
      ev({ type: 'member.hello', m: 'awa', lc: 3 }),
    ]);
    expect(state.members.map((m) => m.m)).toEqual(['awa', 'koffi', 'yao']);
  });

  it('keeps a step or note whose opening has not arrived, and shows it once it does', () => {
    const inc = 'whatsapp@a1';
    const early = [step('koffi', 2, inc, 'd-tell-team', true), note('koffi', 3, inc, 'Told')];
    expect(mergeTeam(early).incidents).toEqual([]);
    const state = mergeTeam([...early, open('awa', 1, inc)]);
    expect(state.incidents[0]!.steps['d-tell-team']).toMatchObject({ done: true, by: 'koffi' });
    expect(state.incidents[0]!.notes.map((x) => x.text)).toEqual(['Told']);
  });

  it('two events stamped alike (one member on two computers) still give one state everywhere', () => {
    const inc = 'whatsapp@a1';
    const events = [
      open('awa', 1, inc),
      step('koffi', 2, inc, 'd-tell-team', true),
      step('koffi', 2, inc, 'd-tell-team', false),
      step('koffi', 2, inc, 'd-tell-team', true),
      note('koffi', 2, inc, 'From the shop'),
      note('koffi', 2, inc, 'From home'),
      note('koffi', 2, inc, 'From the car'),
    ];
    const expected = JSON.stringify(mergeTeam(events));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (order) => {
          expect(JSON.stringify(mergeTeam(order))).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('one member on two computers (a copied data folder): an open at the counter of its own close had not seen it, and joins', () => {
    // Koffi's laptop closed at 3; Koffi's other computer, which had not seen that close, opened
    // at 3 too: concurrent, so one incident, as with two members.
    const state = mergeTeam([
      open('awa', 1, 'whatsapp@a1'),
      close('koffi', 3, 'whatsapp@a1', T + 600_000),
      open('koffi', 3, 'whatsapp@k3'),
    ]);
    expect(state.incidents.map((i) => [i.inc, i.aliases])).toEqual([
      ['whatsapp@a1', ['whatsapp@k3']],
    ]);
  });

  it('a digest that repeats a tick keeps the tick’s time, whatever the order', () => {
    const inc = 'whatsapp@a1';
    const tick = step('koffi', 2, inc, 'd-tell-team', true, 7);
    const digest = ev({
      type: 'digest',
      m: 'yao',
      lc: 5,
      inc,
      steps: [['d-tell-team', true, 2, 'koffi']],
      notes: [],
    });
    for (const events of [
      [open('awa', 1, inc), tick, digest],
      [digest, tick, open('awa', 1, inc)],
    ]) {
      expect(mergeTeam(events).incidents[0]!.steps['d-tell-team']).toEqual({
        done: true,
        by: 'koffi',
        byName: 'Koffi',
        ts: ts(7),
        lc: 2,
      });
    }
  });

  it('a tick known only from a digest says who, not when', () => {
    const inc = 'whatsapp@a1';
    const digest = ev({
      type: 'digest',
      m: 'yao',
      lc: 5,
      inc,
      steps: [['d-tell-team', true, 2, 'koffi']],
      notes: [],
    });
    expect(mergeTeam([open('awa', 1, inc), digest]).incidents[0]!.steps['d-tell-team']).toEqual({
      done: true,
      by: 'koffi',
      byName: 'koffi',
      ts: '',
      lc: 2,
    });
  });

  it('lists notes stamped alike (one member on two computers) in one order, whether each came as itself or in a digest', () => {
    const inc = 'whatsapp@a1';
    const fromShop = { ...note('koffi', 5, inc, 'From the shop'), eid: 'n-b' } as TeamEvent;
    const fromHome = { ...note('koffi', 5, inc, 'From home'), eid: 'n-a' } as TeamEvent;
    const digest = ev({
      type: 'digest',
      m: 'yao',
      lc: 9,
      inc,
      steps: [],
      notes: [{ eid: 'n-a', m: 'koffi', n: 'Koffi', lc: 5, ts: ts(0), text: 'From home' }],
    });
    const texts = (events: TeamEvent[]) => mergeTeam(events).incidents[0]!.notes.map((x) => x.text);
    const both = texts([open('awa', 1, inc), fromShop, fromHome]);
    expect(both).toHaveLength(2);
    expect(texts([open('awa', 1, inc), fromShop, digest])).toEqual(both);
  });
});
