// `npx vigie team join` with a damaged invite says what is wrong with it, in the words the window
// uses (one implementation: main/team/view.ts), and leaves the data folder without a team;
// `team create`, `team` and `team leave` make, show and remove the team of a data folder.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseCli } from '../../../../main/cli/args';
import { teamCommand } from '../../../../main/cli/team-command';
import { readMembership } from '../../../../main/team/store';
import { createTranslator } from '../../../../shared/i18n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-team-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function joinWith(invite: string, language: 'en' | 'fr' = 'en') {
  const err: string[] = [];
  const code = teamCommand(parseCli(['team', 'join', invite, '--name', 'Koffi', '--data', dir]), {
    out: () => undefined,
    err: (line) => err.push(line),
    tr: createTranslator(language),
  });
  return { code, err: err.join('\n') };
}

it('names what is wrong with an invite, in the language of the terminal', () => {
  const secret = 'A'.repeat(43);
  expect(joinWith('https://ntfy.sh/vg_x').err).toBe(
    'This is not a Vigie team invite: an invite starts with vigie-team:1:…',
  );
  expect(joinWith(`vigie-team:1:${secret.slice(1)}:https://ntfy.sh`).err).toBe(
    'The invite’s secret is damaged: it must be 43 characters (32 bytes). Copy the whole invite again.',
  );
  expect(joinWith(`vigie-team:1:${secret}:ntfy.sh`, 'fr').err).toMatch(
    /^L’adresse du relais n’est pas utilisable par Vigie\u00a0:/,
  );
  expect(joinWith(`vigie-team:3:${secret}:https://ntfy.sh`).code).not.toBe(0);
  expect(readMembership(dir)).toBeNull();
});

function team(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = teamCommand(parseCli(['team', ...args, '--data', dir]), {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    tr: createTranslator('en'),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

it('makes a team and prints its invite, shows it, refuses a second, and leaves it', () => {
  const made = team(['create', '--server', 'https://ntfy.example.org', '--name', 'Awa']);
  expect(made.code).toBe(0);
  const invite = made.out.split('\n').at(-1)!;
  expect(invite).toMatch(/^vigie-team:1:[A-Za-z0-9_-]{43}:https:\/\/ntfy\.example\.org$/);
  expect(team([]).out).toBe(
    [
      'Relay: https://ntfy.example.org (it sees only encrypted messages)',
      'You: Awa',
      'No member seen yet.',
      'No shared incident.',
    ].join('\n'),
  );
  expect(JSON.parse(team(['--json']).out)).toMatchObject({ members: [], incidents: [] });
  expect(team(['join', invite, '--name', 'Koffi']).err).toBe(
    'This data folder already has a team; leave it first (npx vigie team leave).',
  );

  const left = team(['leave']);
  expect(left).toMatchObject({
    code: 0,
    out: `You left the team: its secret and events are gone from ${dir}.`,
  });
  expect(existsSync(join(dir, 'team'))).toBe(false);
  expect(readMembership(dir)).toBeNull();
  expect(team(['leave']).err).toMatch(/^This data folder has no team/);
  expect(team([]).code).not.toBe(0);
});
