// The app in its data folder's team: nothing without one; Settings → Team's reload() after a team
// is made starts taking part (the window is told), and after leaving stops it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppTeam } from '../../../../main/app/team';
import { createHttpClient, type HttpClient } from '../../../../main/engine/net/http-client';
import { silentLogger } from '../../../../main/log/logger';
import { createTeam, leaveTeam } from '../../../../main/team/store';
import { NtfyRelay } from '../../../lab/ntfy-relay';

let relay: NtfyRelay;
let http: HttpClient;
let dir: string;

beforeEach(async () => {
  relay = await new NtfyRelay().start();
  http = createHttpClient();
  dir = mkdtempSync(join(tmpdir(), 'vigie-app-team-'));
});
afterEach(async () => {
  await http.close();
  await relay.stop();
  rmSync(dir, { recursive: true, force: true });
});

const recording = { checklist: null, onRecorded: () => () => undefined };

describe('the app in a team', () => {
  it('takes part once a team is made, and stops when it is left', async () => {
    let told = 0;
    const team = startAppTeam(dir, recording, () => (told += 1), silentLogger, http);
    await team.reload();
    expect(team.current()).toBeNull();

    createTeam(dir, relay.url, 'Awa Traoré');
    const before = told;
    await team.reload();
    expect(team.current()?.membership.name).toBe('Awa Traoré');
    expect(told).toBeGreaterThan(before);
    // It says hello to the team on the relay.
    await expect.poll(() => relay.messages.length).toBeGreaterThan(0);

    leaveTeam(dir);
    await team.reload();
    expect(team.current()).toBeNull();
    await team.close();
  });
});
