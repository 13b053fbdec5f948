// The participant (what `watch` and the app run) on a loopback ntfy-compatible relay: a member whose
// own Vigie sees the outage joins the team's incident instead of opening a second one; a tick made
// here travels with the member's name; a member that was not listening for longer than the relay
// keeps messages asks with `sync.request`, and the answers (the opening as it was, then a digest)
// bring it to the same state, an identical digest not sent twice; a relay that restarts without its
// cache loses nothing that members still hold.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpClient, type HttpClient } from '../../main/engine/net/http-client';
import { teamFolder } from '../helpers/team-folder';
import { open as openEnvelope } from '../../main/team/envelope';
import { parseTeamEvent, type TeamEvent } from '../../main/team/events';
import { teamKeys } from '../../main/team/keys';
import { TeamParticipant, type ParticipantOptions } from '../../main/team/participant';
import { createTeam, joinTeam, type TeamMembership } from '../../main/team/store';
import { inviteText } from '../../main/team/keys';
import { HOUR } from '../../shared/durations';
import { snapshotAt } from '../helpers/snapshots';
import { NtfyRelay } from './ntfy-relay';

let relay: NtfyRelay;
let http: HttpClient;
const dirs: string[] = [];
const members: TeamParticipant[] = [];

beforeEach(async () => {
  relay = await new NtfyRelay().start();
  http = createHttpClient();
});
afterEach(async () => {
  for (const m of members.splice(0)) await m.close();
  await http.close();
  await relay.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function ok(m: TeamMembership | { problem: string }): TeamMembership {
  if ('problem' in m) throw new Error(m.problem);
  return m;
}

/** A data folder with a run for Chat that started now, and the recording a participant follows. */
function folder(startedAt: number) {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-participant-'));
  dirs.push(dir);
  const f = teamFolder(dir, startedAt, [
    { key: 'tell-team', title: 'Tell the team' },
    { key: 'call-customers', title: 'Call the customers' },
  ]);
  return { ...f, close: () => f.runs.close() };
}

async function start(
  f: ReturnType<typeof folder>,
  options: ParticipantOptions = {},
): Promise<TeamParticipant> {
  const p = await TeamParticipant.start(f.dir, f.recording, { http, random: () => 0, ...options });
  if (!p) throw new Error('no team');
  members.push(p);
  return p;
}

/** Waits until a condition holds. */
async function until(check: () => boolean): Promise<void> {
  await expect.poll(check, { timeout: 10_000 }).toBe(true);
}

/** Resolves at the first teammate's event that matches. */
function next(p: TeamParticipant, match: (e: TeamEvent) => boolean): Promise<TeamEvent> {
  return new Promise((resolve) => p.onEvent((e) => match(e) && resolve(e)));
}

/** Every event the relay holds, opened with the team's key (what members can read). */
async function onRelay(secret: Uint8Array): Promise<TeamEvent[]> {
  const keys = await teamKeys(secret);
  const out: TeamEvent[] = [];
  for (const body of relay.bodies()) {
    const opened = await openEnvelope(body, keys);
    if ('plaintext' in opened) {
      const event = parseTeamEvent(opened.plaintext);
      if (event) out.push(event);
    }
  }
  return out;
}

const down = (at: number) =>
  snapshotAt(at, { chat: { state: 'down', since: at, cause: 'provider' } });

describe('a member taking part', () => {
  it('joins the team’s incident its own Vigie sees, and its ticks travel with its name', async () => {
    const now = Date.now();
    const [a, b] = [folder(now), folder(now)];
    const awa = ok(createTeam(a.dir, relay.url, 'Awa Traoré'));
    ok(joinTeam(b.dir, inviteText(awa.invite), 'Koffi Yao'));
    const [pa, pb] = [await start(a), await start(b)];

    const opened = next(pb, (e) => e.type === 'incident.open');
    a.record(down(now));
    await opened;
    // Koffi's Vigie sees the outage too: it joins, it does not open a second incident.
    b.record(down(now + 1000));
    await pb.sync.settled();
    expect(pb.events().filter((e) => e.type === 'incident.open')).toHaveLength(1);
    expect(pb.state().incidents).toHaveLength(1);

    const ticked = next(pb, (e) => e.type === 'step.set');
    a.runs.commit({ type: 'tick', runId: a.runId, key: 'tell-team', at: now, note: 'On Signal' });
    await ticked;
    await next(pb, (e) => e.type === 'note.add');
    const incident = pb.state().incidents[0]!;
    expect(incident.steps['tell-team']).toMatchObject({ done: true, byName: 'Awa Traoré' });
    expect(incident.notes.map((n) => [n.byName, n.text])).toEqual([['Awa Traoré', 'On Signal']]);

    // And back: Koffi unticks it; Awa sees it undone, by Koffi.
    const unticked = next(pa, (e) => e.type === 'step.set');
    b.runs.commit({ type: 'untick', runId: b.runId, key: 'tell-team', at: now + 2000 });
    await unticked;
    expect(pa.state().incidents[0]!.steps['tell-team']).toMatchObject({
      done: false,
      byName: 'Koffi Yao',
    });
    a.close();
    b.close();
  }, 30_000);

  it('catches up beyond the relay’s cache with sync.request and one digest', async () => {
    const now = Date.now();
    const [a, b, c] = [folder(now), folder(now), folder(now)];
    const awa = ok(createTeam(a.dir, relay.url, 'Awa Traoré'));
    const invite = inviteText(awa.invite);
    ok(joinTeam(b.dir, invite, 'Koffi Yao'));
    ok(joinTeam(c.dir, invite, 'Zoé Bamba'));
    // Koffi answers a sync.request only when the test says (after Awa's digest is out).
    let release: () => void = () => undefined;
    const koffiWaits = new Promise<void>((resolve) => (release = resolve));
    const pa = await start(a);
    const pb = await start(b, { wait: () => koffiWaits });
    const opened = next(pb, (e) => e.type === 'incident.open');
    a.record(down(now));
    await opened;
    const noted = next(pa, (e) => e.type === 'note.add');
    a.runs.commit({ type: 'tick', runId: a.runId, key: 'tell-team', at: now });
    b.runs.commit({ type: 'note', runId: b.runId, at: now, text: 'Called Mme Konan' });
    await noted;
    await Promise.all([pa.sync.settled(), pb.sync.settled()]);

    // More than 12 hours later the relay has forgotten it all; Zoé joins now.
    relay.messages.splice(0);
    const koffiHeardDigest = next(pb, (e) => e.type === 'digest');
    const pc = await start(c);
    const digest = next(pc, (e) => e.type === 'digest');
    await digest;
    await koffiHeardDigest;
    const zoe = pc.state().incidents;
    expect(zoe).toHaveLength(1);
    expect(zoe[0]).toMatchObject({ service: 'chat', openedBy: awa.member, end: null });
    expect(zoe[0]!.steps['tell-team']).toMatchObject({ done: true, byName: 'Awa Traoré' });
    expect(zoe[0]!.notes.map((n) => [n.byName, n.text])).toEqual([
      ['Koffi Yao', 'Called Mme Konan'],
    ]);

    // Koffi's answer comes after Awa's identical digest: its digest is not sent again.
    release();
    await new Promise<void>((resolve) => setImmediate(resolve));
    await pb.sync.settled();
    const seen = await onRelay(awa.invite.secret);
    expect(seen.filter((e) => e.type === 'sync.request').map((e) => e.n)).toEqual(['Zoé Bamba']);
    expect(seen.filter((e) => e.type === 'digest').map((e) => e.n)).toEqual(['Awa Traoré']);
    a.close();
    b.close();
    c.close();
  }, 30_000);

  it('asks to catch up after more than 12 hours without hearing the relay, not before', async () => {
    const now = Date.now();
    const a = folder(now);
    const awa = ok(createTeam(a.dir, relay.url, 'Awa Traoré'));
    const b = folder(now);
    ok(joinTeam(b.dir, inviteText(awa.invite), 'Koffi Yao'));
    const pa = await start(a);
    // Koffi hears Awa once, then stops.
    let pb = await start(b);
    const hello = next(pb, (e) => e.type === 'member.hello' || e.type === 'sync.request');
    pa.sync.act('member.hello', {});
    await hello;
    // Its first request (it had never heard the relay) is out before it stops.
    await pb.sync.settled();
    await pb.close();
    const requests = async () =>
      (await onRelay(awa.invite.secret)).filter(
        (e) => e.type === 'sync.request' && e.m !== awa.member,
      );
    const before = (await requests()).length;

    // Back an hour later: the relay still has everything; no request.
    pb = await start(b, { now: () => Date.now() + HOUR });
    await pb.sync.settled();
    await pb.close();
    expect(await requests()).toHaveLength(before);

    // Back 13 hours later: it asks.
    const asked = next(pa, (e) => e.type === 'sync.request');
    pb = await start(b, { now: () => Date.now() + 13 * HOUR });
    await asked;
    expect(await requests()).toHaveLength(before + 1);
    a.close();
    b.close();
  }, 30_000);

  it('goes on receiving after a listener failed on one event, and says so', async () => {
    const now = Date.now();
    const [a, b] = [folder(now), folder(now)];
    const awa = ok(createTeam(a.dir, relay.url, 'Awa Traoré'));
    ok(joinTeam(b.dir, inviteText(awa.invite), 'Koffi Yao'));
    const failures: unknown[] = [];
    const pa = await start(a);
    const pb = await start(b, { eventFailed: (error) => failures.push(error) });
    pb.onEvent((e) => {
      if (e.type === 'incident.open') throw new Error('a window that went away');
    });
    const ticked = next(pb, (e) => e.type === 'step.set');
    a.record(down(now));
    await until(() => pa.state().incidents.length === 1);
    a.runs.commit({ type: 'tick', runId: a.runId, key: 'tell-team', at: now });
    await ticked;
    expect(failures).toEqual([new Error('a window that went away')]);
    expect(pb.state().incidents[0]!.steps['tell-team']).toMatchObject({ done: true });
    a.close();
    b.close();
  }, 30_000);
});

/** What a member shows of the team's incidents: who set each step, the notes, open or ended. */
function shown(p: TeamParticipant) {
  return p.state().incidents.map((i) => ({
    inc: i.inc,
    service: i.service,
    end: i.end,
    steps: Object.fromEntries(
      Object.entries(i.steps).map(([step, s]) => [step, [s.done, s.by, s.byName]]),
    ),
    notes: i.notes.map((n) => [n.eid, n.byName, n.text]),
  }));
}

describe('a relay that restarts without its cache', () => {
  it('loses nothing members still hold: those back ask, the outbox goes out once it is back', async () => {
    const now = Date.now();
    const [a, b, c, d] = [folder(now), folder(now), folder(now), folder(now)];
    const awa = ok(createTeam(a.dir, relay.url, 'Awa Traoré'));
    const invite = inviteText(awa.invite);
    ok(joinTeam(b.dir, invite, 'Koffi Yao'));
    ok(joinTeam(c.dir, invite, 'Zoé Bamba'));
    const pa = await start(a);
    const pb = await start(b);
    let pc = await start(c);
    const opened = [pb, pc].map((p) => next(p, (e) => e.type === 'incident.open'));
    a.record(down(now));
    await Promise.all(opened);
    await pc.sync.settled();

    // Zoé's Vigie stops. Meanwhile Awa ticks a step with a note and Koffi writes a note: the relay
    // has them, Zoé has not.
    await pc.close();
    const koffiHas = next(pb, (e) => e.type === 'note.add');
    a.runs.commit({ type: 'tick', runId: a.runId, key: 'tell-team', at: now, note: 'On Signal' });
    await koffiHas;
    const awaHas = next(pa, (e) => e.type === 'note.add');
    b.runs.commit({ type: 'note', runId: b.runId, at: now, text: 'Called Mme Konan' });
    await awaHas;
    await Promise.all([pa.sync.settled(), pb.sync.settled()]);

    // The relay stops: every stream drops. Koffi ticks a step while it is down: the send fails
    // and the tick waits in his outbox.
    const relayDown = await relay.down();
    b.runs.commit({ type: 'tick', runId: b.runId, key: 'call-customers', at: now + 1000 });
    await pb.sync.settled();
    expect(pb.sync.store.outbox().map((e) => e.type)).toEqual(['step.set']);

    // It comes back without its cache: the streams open again (with back-off), the tick goes out.
    const awaGetsTick = next(pa, (e) => e.type === 'step.set' && e.step === 'call-customers');
    await relayDown.back();
    await awaGetsTick;
    await until(() => pb.sync.store.outbox().length === 0);
    const expected = shown(pa);
    expect(expected).toEqual([
      expect.objectContaining({
        service: 'chat',
        end: null,
        steps: {
          'tell-team': [true, awa.member, 'Awa Traoré'],
          'call-customers': [true, expect.any(String), 'Koffi Yao'],
        },
        notes: [
          [expect.any(String), 'Awa Traoré', 'On Signal'],
          [expect.any(String), 'Koffi Yao', 'Called Mme Konan'],
        ],
      }),
    ]);
    await expect.poll(() => shown(pb), { timeout: 10_000 }).toEqual(expected);

    // Zoé comes back: the relay no longer knows her last message, she asks and gets it all.
    pc = await start(c);
    await expect.poll(() => shown(pc), { timeout: 10_000 }).toEqual(expected);
    // Didier joins afterwards: the same.
    ok(joinTeam(d.dir, invite, 'Didier Kouassi'));
    const pd = await start(d);
    await expect.poll(() => shown(pd), { timeout: 10_000 }).toEqual(expected);
    // Each member back found the relay had forgotten its last message, and asked the team.
    const requests = (await onRelay(awa.invite.secret)).filter((e) => e.type === 'sync.request');
    expect(new Set(requests.map((e) => e.n))).toEqual(
      new Set(['Awa Traoré', 'Koffi Yao', 'Zoé Bamba', 'Didier Kouassi']),
    );

    // All the relay ever held, before and after its restart, is envelopes, each with its own IV:
    // the outbox sent again, the openings republished, all sealed afresh.
    const bodies = relay.everyBody();
    for (const body of bodies) expect(body).toMatch(/^v1\.[A-Za-z0-9_-]{16}\./);
    expect(new Set(bodies.map((b) => b.split('.')[1])).size).toBe(bodies.length);
    const republished = (await onRelay(awa.invite.secret)).filter(
      (e) => e.type === 'incident.open',
    );
    expect(republished.length).toBeGreaterThan(0);
    for (const f of [a, b, c, d]) f.close();
  }, 60_000);
});
