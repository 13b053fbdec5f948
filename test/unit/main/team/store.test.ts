// The team's files in the data folder: the secret readable by this account only, events kept
// across a restart, the outbox holding what the relay has not taken.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  changeSecret,
  renameMember,
  createTeam,
  joinTeam,
  leaveTeam,
  readMembership,
  TeamStore,
  type TeamMembership,
} from '../../../../main/team/store';
import { inviteText } from '../../../../main/team/keys';

const NOW = Date.UTC(2021, 9, 4, 15, 42);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-team-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function created(): TeamMembership {
  const team = createTeam(dir, 'https://ntfy.example/', 'Awa');
  if ('problem' in team) throw new Error(team.problem);
  return team;
}

describe('the team store', () => {
  it('keeps the invite in a file only this account can read', () => {
    const team = created();
    expect(team.invite.server).toBe('https://ntfy.example');
    const file = join(dir, 'team', 'team.json');
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'team')).mode & 0o777).toBe(0o700);
    }
    expect(readFileSync(file, 'utf8')).toContain(inviteText(team.invite));
    expect(readMembership(dir)).toEqual(team);
    expect(createTeam(dir, 'https://ntfy.sh', 'Koffi')).toEqual({ problem: 'already-member' });
  });

  it('joins from an invite, refusing a bad one or an empty name', () => {
    const other = mkdtempSync(join(tmpdir(), 'vigie-team-'));
    try {
      const team = created();
      expect(joinTeam(other, 'https://ntfy.sh/x', 'Koffi')).toEqual({ problem: 'not-an-invite' });
      expect(joinTeam(other, inviteText(team.invite), '  ')).toEqual({ problem: 'bad-name' });
      const joined = joinTeam(other, inviteText(team.invite), 'Koffi');
      expect(joined).toMatchObject({ invite: team.invite, name: 'Koffi' });
      expect((joined as TeamMembership).member).not.toBe(team.member);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('keeps events and the outbox across a restart, counting Lamport from the greatest seen', () => {
    const team = created();
    const store = new TeamStore(dir, team, { now: () => NOW });
    const open = store.act('incident.open', {
      inc: 'whatsapp@x',
      service: 'whatsapp',
      cause: 'provider',
      since: NOW,
    });
    expect(open).toMatchObject({ lc: 1, m: team.member, n: 'Awa', ts: '2021-10-04T15:42:00.000Z' });
    const theirs = {
      v: 1 as const,
      eid: 'k1',
      m: 'koffi',
      n: 'Koffi',
      lc: 7,
      ts: open.ts,
      type: 'step.set' as const,
      inc: 'whatsapp@x',
      step: 'tell-team',
      done: true,
    };
    expect(store.receive('msg1', theirs)).toBe(true);
    expect(store.receive('msg2', theirs)).toBe(false);
    const tick = store.act('step.set', { inc: 'whatsapp@x', step: 'call', done: true });
    expect(tick.lc).toBe(8);
    store.sent(open.eid);

    const again = new TeamStore(dir, team);
    expect(again.lastId).toBe('msg2');
    expect(again.outbox().map((e) => e.eid)).toEqual([tick.eid]);
    const [incident] = again.state().incidents;
    expect(incident?.steps['tell-team']).toMatchObject({ done: true, byName: 'Koffi' });
    expect(incident?.steps['call']).toMatchObject({ done: true, byName: 'Awa' });
    expect(again.act('note.add', { inc: 'whatsapp@x', text: 'called 3' }).lc).toBe(9);
  });

  it('leaves: the secret is gone from the computer', () => {
    created();
    expect(leaveTeam(dir)).toBe(true);
    expect(readMembership(dir)).toBeNull();
    expect(leaveTeam(dir)).toBe(false);
  });

  it('renames this member, refusing an empty or overlong name', () => {
    const team = created();
    expect(renameMember(dir, '  Awa K. ')).toMatchObject({ member: team.member, name: 'Awa K.' });
    expect(renameMember(dir, '')).toEqual({ problem: 'bad-name' });
    expect(renameMember(dir, 'x'.repeat(81))).toEqual({ problem: 'bad-name' });
    expect(readMembership(dir)?.name).toBe('Awa K.');
  });

  it('takes a new secret: same member and relay, what was shared before left on this computer', () => {
    const team = created();
    const store = new TeamStore(dir, team, { now: () => NOW });
    store.act('member.hello', {});
    store.receive('msg1', {
      v: 1,
      eid: 'k1',
      m: 'koffi',
      n: 'Koffi',
      lc: 3,
      ts: 'x',
      type: 'member.hello',
    });
    const changed = changeSecret(dir, undefined, () => NOW);
    if ('problem' in changed) throw new Error(changed.problem);
    expect(changed).toMatchObject({ member: team.member, name: 'Awa' });
    expect(changed.invite.server).toBe(team.invite.server);
    expect(inviteText(changed.invite)).not.toBe(inviteText(team.invite));
    expect(readdirSync(join(dir, 'team')).sort()).toEqual([
      'events-before-2021-10-04T15-42-00-000Z.jsonl',
      'outbox-before-2021-10-04T15-42-00-000Z.jsonl',
      'team.json',
    ]);
    const after = new TeamStore(dir, changed);
    // The new topic is read from its start, with nobody seen yet.
    expect(after.lastId).toBeNull();
    expect(after.state().members).toEqual([]);
    expect(after.outbox()).toEqual([]);
    expect(changeSecret(dir, inviteText(changed.invite))).toEqual({ problem: 'same-team' });
    expect(changeSecret(dir, 'vigie-team:1:short:https://ntfy.sh')).toEqual({
      problem: 'bad-secret',
    });
    leaveTeam(dir);
    expect(changeSecret(dir)).toEqual({ problem: 'no-team' });
  });
});
