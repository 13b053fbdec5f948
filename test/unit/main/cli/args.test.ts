// Command-line arguments as people mistype them: said in one plain sentence, with what was meant.
import { describe, expect, it } from 'vitest';
import { parseCli, usageText, UsageError } from '../../../../main/cli/args';
import { createTranslator, type Language } from '../../../../shared/i18n';

/** What the command line says of `argv`, in `language` (null when it is fine). */
const problem = (argv: string[], language: Language = 'en') => {
  try {
    parseCli(argv);
    return null;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return createTranslator(language).t(error.problem.key, error.problem.values);
  }
};

describe('arguments', () => {
  it('an unknown option is named, with the one probably meant, and no advice for programmers', () => {
    expect(problem(['check', '--jsonn'])).toBe('unknown option --jsonn; did you mean --json?');
    expect(problem(['history', '--formt', 'csv'])).toBe(
      'unknown option --formt; did you mean --format?',
    );
    expect(problem(['check', '--zzz'])).toBe('unknown option --zzz');
    expect(problem(['check', '--config'])).toBe('--config needs a value');
  });

  it('--csv days alone means CSV; with another format it is refused, not ignored', () => {
    expect(parseCli(['history', '--csv', 'days'])).toMatchObject({ format: 'csv', csv: 'days' });
    expect(problem(['history', '--format', 'json', '--csv', 'days'])).toBe(
      '--csv goes with --format csv, not --format json',
    );
  });

  it('says it in the user’s language, flags and values untouched', () => {
    expect(problem(['check', '--jsonn'], 'fr')).toBe(
      'option inconnue --jsonn ; vouliez-vous dire --json ?',
    );
    expect(problem(['history', '--since', '3x'], 'ar')).toBe(
      'يقبل \u2066--since\u2069 مدة مثل 24h أو 7d أو 90d، لا «3x»',
    );
    expect(problem([], 'fr')).toBe(
      'aucune commande donnée\u00a0: check, watch, history, alert-test, services, team ou checklist',
    );
  });

  it('the usage names the command as installed (npx vigie), in each language', () => {
    for (const language of ['en', 'fr', 'ar'] as Language[]) {
      const { t } = createTranslator(language);
      const usage = usageText(t);
      expect(usage.startsWith(t('usage.heading'))).toBe(true);
      expect(usage).toContain('  npx vigie check [--config FILE] [--json] [--only id,id]\n');
      expect(usage).toContain(t('usage.watch'));
      expect(usage).not.toContain('npm run');
    }
    expect(usageText(createTranslator('en').t)).toContain('70 something went wrong inside Vigie');
  });
});
