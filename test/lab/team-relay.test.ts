// Two members on a loopback ntfy-compatible relay: what one does reaches the other, what is not a
// team envelope is dropped and counted, a 429 (on a post or on the stream) is waited out, a member
// away catches up from its last id, and the relay holds nothing in clear.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpClient, type HttpClient } from '../../main/engine/net/http-client';
import { createTeam, joinTeam, TeamStore, type TeamMembership } from '../../main/team/store';
import { inviteText, teamKeys } from '../../main/team/keys';
import { readStreamLine, Subscription } from '../../main/team/relay';
import { TeamSync } from '../../main/team/sync';
import type { TeamEvent } from '../../main/team/events';
import { NtfyRelay } from './ntfy-relay';

let relay: NtfyRelay;
let http: HttpClient;
const dirs: string[] = [];
const syncs: TeamSync[] = [];

beforeEach(async () => {
  relay = await new NtfyRelay().start();
  http = createHttpClient();
});
afterEach(async () => {
  for (const s of syncs.splice(0)) await s.close();
  await http.close();
  await relay.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-team-lab-'));
  dirs.push(dir);
  return dir;
}

function ok(m: TeamMembership | { problem: string }): TeamMembership {
  if ('problem' in m) throw new Error(m.problem);
  return m;
}

async function member(dir: string, membership: TeamMembership): Promise<TeamSync> {
  const sync = new TeamSync(new TeamStore(dir, membership), { http });
  syncs.push(sync);
  await sync.start();
  return sync;
}

/** Resolves at the first event the member receives that matches. */
function next(sync: TeamSync, match: (e: TeamEvent) => boolean): Promise<TeamEvent> {
  return new Promise((resolve) => sync.onEvent((e) => match(e) && resolve(e)));
}

describe('the relay stream', () => {
  it('reads ntfy documented JSON stream lines', () => {
    const lines = readFileSync(join(__dirname, '../fixtures/ntfy-json-stream.ndjson'), 'utf8')
      .trim()
      .split('\n');
    expect(lines.map(readStreamLine)).toEqual([
      { event: 'open' },
      { id: 'hwQ2YpKdmg', body: 'Disk full', attachment: false },
      { event: 'keepalive' },
    ]);
  });

  it('opens the stream again when it stays silent', async () => {
    relay.silent = true;
    // No message seen yet: the stream starts from ntfy's cache window.
    const noLastId = (): string | null => null;
    const lost = await new Promise<string>((resolve) => {
      const s = new Subscription(
        { server: relay.url, topic: 'vg_x', http, silenceMs: 150 },
        noLastId,
        { message: () => undefined, lost: (why) => resolve(why) },
      );
      syncs.push({ close: () => s.close() } as unknown as TeamSync);
    });
    expect(lost).toBe('silent');
  });

  it('opens a refused or dropped stream again with back-off, from 1 s again once it opened', async () => {
    relay.refuseSubscriptions = 2;
    relay.refuseStatus = 503;
    const lost: [string, number][] = [];
    const noLastId = (): string | null => null;
    let opened = 0;
    await new Promise<void>((resolve) => {
      const s = new Subscription({ server: relay.url, topic: 'vg_x', http }, noLastId, {
        message: () => undefined,
        lost: (why, afterMs) => lost.push([why, afterMs]),
        opened: () => {
          opened += 1;
          // Dropped once open (a relay restarting), then open again: done.
          if (opened === 1) relay.dropStreams();
          else resolve();
        },
      });
      syncs.push({ close: () => s.close() } as unknown as TeamSync);
    });
    expect(lost).toEqual([
      ['refused', 1000],
      ['refused', 2000],
      ['closed', 1000],
    ]);
  });

  it('waits as long as the relay asks when it refuses the stream with 429, then opens it', async () => {
    relay.refuseSubscriptions = 1;
    relay.retryAfterSeconds = 2;
    const lost: [string, number][] = [];
    const noLastId = (): string | null => null;
    await new Promise<void>((resolve) => {
      const s = new Subscription({ server: relay.url, topic: 'vg_x', http }, noLastId, {
        message: () => undefined,
        lost: (why, afterMs) => lost.push([why, afterMs]),
        opened: resolve,
      });
      syncs.push({ close: () => s.close() } as unknown as TeamSync);
    });
    // Retry-After: 2 (seconds), not the first step of the back-off (1 s).
    expect(lost).toEqual([['rate-limited', 2000]]);
    expect(relay.subscriptions).toBe(1);
  });
});

describe('two members on one relay', () => {
  it('share events end to end, and the relay keeps only envelopes', async () => {
    const awaDir = folder();
    const koffiDir = folder();
    const awa = ok(createTeam(awaDir, relay.url, 'Awa Traoré'));
    const koffi = ok(joinTeam(koffiDir, inviteText(awa.invite), 'Koffi Yao'));
    const a = await member(awaDir, awa);
    const k = await member(koffiDir, koffi);

    const ticked = next(k, (e) => e.type === 'step.set');
    a.act('incident.open', {
      inc: 'whatsapp@e1',
      service: 'whatsapp',
      cause: 'provider',
      since: Date.UTC(2021, 9, 4, 15, 40),
    });
    a.act('step.set', {
      inc: 'whatsapp@e1',
      step: 'call-customers',
      done: true,
    });
    a.act('note.add', { inc: 'whatsapp@e1', text: 'Called Mme Konan about her order' });
    await ticked;
    await k.settled();
    const [incident] = k.store.state().incidents;
    expect(incident?.service).toBe('whatsapp');
    expect(incident?.steps['call-customers']).toMatchObject({ done: true, byName: 'Awa Traoré' });

    await a.settled();
    const bodies = relay.bodies();
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const body of bodies) {
      expect(body).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
      for (const clear of ['whatsapp', 'call-customers', 'Konan', 'Awa', 'Koffi', 'provider'])
        expect(body.toLowerCase()).not.toContain(clear.toLowerCase());
    }
    expect(relay.messages.every((m) => /^vg_[A-Za-z0-9_-]{40}$/.test(m.topic))).toBe(true);
  });

  it('drops and counts what is not a team envelope, and never shows it', async () => {
    const dir = folder();
    const awa = ok(createTeam(dir, relay.url, 'Awa'));
    const a = await member(dir, awa);
    const { topic } = await teamKeys(awa.invite.secret);
    const otherTeam = await teamKeys(new Uint8Array(32).fill(9));
    const { seal } = await import('../../main/team/envelope');
    relay.inject(topic, 'WhatsApp is down!');
    relay.inject(topic, await seal('{"v":1}', otherTeam));
    relay.inject(topic, await seal('{"v":1}', { ...otherTeam, topic }), true);
    const keys = await teamKeys(awa.invite.secret);
    relay.inject(topic, await seal('{"v":1,"type":"nope"}', keys));
    const heard = next(a, () => true);
    relay.inject(
      topic,
      await seal(
        JSON.stringify({ v: 1, eid: 'x1', m: 'z', n: 'Zoé', lc: 1, ts: 't', type: 'member.hello' }),
        keys,
      ),
    );
    await heard;
    expect(a.drops).toEqual({ 'not-v1': 1, 'bad-tag': 1, attachment: 1, 'bad-event': 1 });
    expect(a.store.state().members.map((m) => m.name)).toEqual(['Zoé']);
  });

  it('waits out a 429, and a member away catches up from its last id', async () => {
    const awaDir = folder();
    const koffiDir = folder();
    const awa = ok(createTeam(awaDir, relay.url, 'Awa'));
    const koffi = ok(joinTeam(koffiDir, inviteText(awa.invite), 'Koffi'));
    const a = await member(awaDir, awa);
    let k = await member(koffiDir, koffi);
    const hello = next(k, () => true);
    a.act('member.hello', {});
    await hello;
    await k.close();

    relay.refuse = 1;
    relay.retryAfterSeconds = 1;
    const posted = new Promise<TeamEvent>((resolve) => a.onSent(resolve));
    a.act('step.set', { inc: 'whatsapp@e1', step: 'notice', done: true });
    expect(a.store.outbox()).toHaveLength(1);
    await posted;
    expect(a.store.outbox()).toHaveLength(0);
    expect(relay.refuse).toBe(0);

    const before = relay.subscriptions;
    k = await member(koffiDir, koffi);
    const caught = next(k, (e) => e.type === 'step.set');
    expect((await caught).m).toBe(awa.member);
    expect(relay.subscriptions).toBe(before + 1);
    // Only what came after the last id it kept: the hello is not sent again.
    expect(k.store.all().filter((e) => e.type === 'member.hello')).toHaveLength(1);
  });
});
