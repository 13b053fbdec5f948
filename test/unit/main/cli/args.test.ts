// Command-line arguments as people mistype them: said in one plain sentence, with what was meant.
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../../../main/cli/args';

const problem = (argv: string[]) => {
  try {
    parseCli(argv);
    return null;
  } catch (error) {
    return (error as Error).message;
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
});
