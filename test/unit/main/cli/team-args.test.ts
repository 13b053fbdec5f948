// `team` and `checklist` on the command line: what each takes, and what it refuses, said plainly.
import { describe, expect, it } from 'vitest';
import { parseCli, usageText, UsageError } from '../../../../main/cli/args';
import { createTranslator } from '../../../../shared/i18n';

const problem = (argv: string[]) => {
  try {
    parseCli(argv);
    return null;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return createTranslator('en').t(error.problem.key, error.problem.values);
  }
};

describe('team and checklist arguments', () => {
  it('reads each form the documentation gives', () => {
    expect(
      parseCli(['team', 'create', '--server', 'https://relay.example', '--name', 'Awa']),
    ).toMatchObject({
      command: 'team',
      action: 'create',
      server: 'https://relay.example',
      name: 'Awa',
    });
    expect(
      parseCli([
        'team',
        'join',
        'vigie-team:1:x:https://ntfy.sh',
        '--name',
        'Koffi',
        '--data',
        'd',
      ]),
    ).toMatchObject({
      command: 'team',
      action: 'join',
      target: 'vigie-team:1:x:https://ntfy.sh',
      data: 'd',
    });
    expect(parseCli(['team', '--json'])).toMatchObject({ command: 'team', json: true });
    expect(parseCli(['team', 'leave'])).toMatchObject({ command: 'team', action: 'leave' });
    expect(parseCli(['checklist', '--json'])).toMatchObject({ command: 'checklist', json: true });
    expect(parseCli(['checklist', 'done', 'call-customers', '--note', 'called 3'])).toMatchObject({
      command: 'checklist',
      action: 'done',
      target: 'call-customers',
      note: 'called 3',
    });
  });

  it('refuses what does not fit, naming it', () => {
    expect(problem(['team', 'join'])).toMatch(/join INVITE/);
    expect(problem(['checklist', 'done'])).toMatch(/done STEP/);
    expect(problem(['team', 'create', '--json'])).toMatch(/--json.*team create|team create.*json/);
    expect(problem(['checklist', 'undo', 'x'])).toBe('unexpected argument "undo"');
  });

  it('lists the commands in the usage, in each language', () => {
    for (const language of ['en', 'fr', 'ar'] as const) {
      const usage = usageText(createTranslator(language).t);
      expect(usage).toContain('npx vigie team create [--server URL] --name NAME [--data DIR]');
      expect(usage).toContain('npx vigie checklist done STEP [--note TEXT] [--data DIR]');
      expect(usage).not.toContain('team.usage');
    }
  });
});
