// `npx vigie team join` with a damaged invite says what is wrong with it, in the words the window
// uses (one implementation: main/team/view.ts), and leaves the data folder without a team.
import { mkdtempSync, rmSync } from 'node:fs';
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
