// Settings → Team's calls in the app, against the fake electron module and a loopback
// ntfy-compatible relay: a bad invite is refused naming what is wrong; a team made in the app
// shows a teammate once their events pass, the secret never comes back except in the invite, a
// new name and a new secret reach the teammate, and leaving keeps history.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { recorder, type FakeWindow } from '../../../helpers/fake-electron';
import { NtfyRelay } from '../../../lab/ntfy-relay';
import { createHttpClient, type HttpClient } from '../../../../main/engine/net/http-client';
import { AppTeam } from '../../../../main/team/app-team';
import { createTeam, leaveTeam, readMembership } from '../../../../main/team/store';
import { startAppTeam } from '../../../../main/app/team';
import { silentLogger } from '../../../../main/log/logger';
import { base64url } from '../../../../main/team/keys';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron')).fakeElectron());
vi.mock('electron-updater', async () =>
  (await import('../../../helpers/fake-updater')).fakeElectronUpdater(),
);
vi.mock('../../../../main/engine', async () =>
  (await import('../../../helpers/silent-engine')).silentEngineModule(),
);

let relay: NtfyRelay;
let window: FakeWindow;
let http: HttpClient;
let teammateDir: string;
let teammate: AppTeam;

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** Calls a handler as the app's own page does. */
async function call(channel: string, ...args: unknown[]): Promise<Reply> {
  const ours = { sender: window.webContents, senderFrame: { url: window.loaded, parent: null } };
  return (await recorder.handlers.get(channel)!(ours, args)) as Reply;
}

async function value<T>(channel: string, ...args: unknown[]): Promise<T> {
  const reply = await call(channel, ...args);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

interface View {
  server: string;
  member: string;
  name: string;
  members: { id: string; name: string; lastSeen: string }[];
}

const bareRecording = {
  checklist: null,
  onRecorded: () => () => undefined,
  history: { store: {} },
};

const SECRET = base64url(new Uint8Array(32).fill(7));

beforeAll(async () => {
  relay = await new NtfyRelay().start();
  http = createHttpClient();
  recorder.userData = mkdtempSync(join(tmpdir(), 'vigie-app-team-'));
  teammateDir = mkdtempSync(join(tmpdir(), 'vigie-app-teammate-'));
  teammate = new AppTeam({ dir: teammateDir, http, recording: bareRecording });
  await import('../../../../main/app/index');
  recorder.ready();
  await vi.waitFor(() => expect(recorder.windows).toHaveLength(1));
  window = recorder.windows[0]!;
});

afterAll(async () => {
  recorder.appEvents.emit('before-quit');
  await teammate.close();
  await http.close();
  await relay.stop();
  rmSync(recorder.userData, { recursive: true, force: true });
  rmSync(teammateDir, { recursive: true, force: true });
});

describe('Settings → Team in the app', () => {
  it('refuses a bad invite naming what is wrong with it, and keeps no team', async () => {
    expect(await value('team:get')).toBeNull();
    const refused = async (invite: string, name = 'Koffi') => {
      const reply = await call('team:join', invite, name);
      return reply.ok ? 'accepted' : reply.error.message;
    };
    expect(await refused('https://ntfy.sh/vg_abc')).toBe(
      'This is not a Vigie team invite: an invite starts with vigie-team:1:…',
    );
    expect(await refused(`vigie-team:2:${SECRET}:https://ntfy.sh`)).toBe(
      'This invite is for another version of Vigie teams (this Vigie reads vigie-team:1:…): update Vigie, or ask for a new invite.',
    );
    expect(await refused(`vigie-team:1:${SECRET.slice(0, 30)}:https://ntfy.sh`)).toBe(
      'The invite’s secret is damaged: it must be 43 characters (32 bytes). Copy the whole invite again.',
    );
    expect(await refused(`vigie-team:1:${SECRET}:ftp://ntfy.sh`)).toMatch(
      /^The relay address is not one Vigie can use: it must start with http:\/\/ or https:\/\//,
    );
    expect(await refused(`vigie-team:1:${SECRET}:https://ntfy.sh`, '   ')).toBe(
      'Give your name (1 to 80 characters): your team sees it beside what you do.',
    );
    expect((await call('team:create', 'ntfy.sh', 'Awa')).ok).toBe(false);
    expect(await value('team:get')).toBeNull();
    expect(existsSync(join(recorder.userData, 'team'))).toBe(false);
  });

  it('makes a team, shows a teammate once their events pass, and keeps the secret in the invite only', async () => {
    const made = await value<View>('team:create', relay.url, 'Awa');
    expect(made).toMatchObject({ server: relay.url, name: 'Awa' });
    const invite = (await value<{ invite: string }>('team:invite')).invite;
    const secret = invite.split(':')[2]!;
    expect(invite).toBe(`vigie-team:1:${secret}:${relay.url}`);
    expect(JSON.stringify(made)).not.toContain(secret);
    expect(JSON.stringify(await value('team:get'))).not.toContain(secret);

    const events = () =>
      window.webContents.sent.filter((s) => (s.payload as { type?: string }).type === 'team')
        .length;
    const before = events();
    await teammate.join(invite, 'Koffi');
    await vi.waitFor(
      async () =>
        expect((await value<View>('team:get')).members.map((m) => m.name).sort()).toEqual([
          'Awa',
          'Koffi',
        ]),
      { timeout: 5000 },
    );
    // The window was told, so it reads the team again by itself.
    expect(events()).toBeGreaterThan(before);
    await vi.waitFor(
      () =>
        expect(
          teammate
            .view()
            ?.members.map((m) => m.name)
            .sort(),
        ).toEqual(['Awa', 'Koffi']),
      { timeout: 5000 },
    );
    // The relay carried envelopes only: no member name in clear.
    expect(relay.bodies().length).toBeGreaterThanOrEqual(2);
    for (const body of relay.bodies()) {
      expect(body).toMatch(/^v1\./);
      expect(body).not.toContain('Awa');
      expect(body).not.toContain('Koffi');
    }
  });

  it('passes a new name on to the teammate', async () => {
    const renamed = await value<View>('team:rename', '  Awa K.  ');
    expect(renamed.name).toBe('Awa K.');
    expect((await call('team:rename', 'x'.repeat(81))).ok).toBe(false);
    await vi.waitFor(
      () => expect(teammate.view()?.members.map((m) => m.name)).toContain('Awa K.'),
      { timeout: 5000 },
    );
  });

  it('makes a new secret: the old events are left behind here, and the teammate follows with the new invite', async () => {
    const old = (await value<{ invite: string }>('team:invite')).invite;
    const member = readMembership(recorder.userData)!.member;
    const view = await value<View>('team:rekey');
    const invite = (await value<{ invite: string }>('team:invite')).invite;
    expect(invite).not.toBe(old);
    expect(readMembership(recorder.userData)).toMatchObject({ member, name: 'Awa K.' });
    // Only this member, until the others take the new invite.
    expect(view.members.map((m) => m.name)).toEqual(['Awa K.']);
    const kept = readdirSync(join(recorder.userData, 'team'));
    expect(kept.some((f) => /^events-before-.*\.jsonl$/.test(f))).toBe(true);
    expect((await call('team:rekey', invite)).ok).toBe(false);

    await teammate.rekey(invite);
    await vi.waitFor(
      async () =>
        expect((await value<View>('team:get')).members.map((m) => m.name).sort()).toEqual([
          'Awa K.',
          'Koffi',
        ]),
      { timeout: 5000 },
    );
  });

  it('leaves the team: its secret and events go, history stays', async () => {
    expect(await value('team:leave')).toBeNull();
    expect(await value('team:get')).toBeNull();
    expect(existsSync(join(recorder.userData, 'team'))).toBe(false);
    expect(existsSync(join(recorder.userData, 'history'))).toBe(true);
    const again = await call('team:leave');
    expect(again).toMatchObject({ ok: false, error: { message: 'This computer has no team.' } });
    expect(await call('team:invite')).toMatchObject({ ok: false });
  });
});

describe('the app taking part in its folder’s team', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-app-team-run-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes part once a team is made, and stops when it is left', async () => {
    let told = 0;
    const team = startAppTeam(dir, bareRecording, () => (told += 1), silentLogger, http);
    await team.team.reload();
    expect(team.team.current()).toBeNull();

    createTeam(dir, relay.url, 'Awa Traoré');
    const before = told;
    await team.team.reload();
    expect(team.team.current()?.membership.name).toBe('Awa Traoré');
    expect(told).toBeGreaterThan(before);
    // It says hello to the team on the relay.
    await expect.poll(() => relay.messages.length).toBeGreaterThan(0);

    leaveTeam(dir);
    await team.team.reload();
    expect(team.team.current()).toBeNull();
    await team.close();
  });
});
