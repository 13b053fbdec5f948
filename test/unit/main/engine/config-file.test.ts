// A config file that is not JSON says what is wrong and where, on one line.
import { describe, expect, it } from 'vitest';
import { jsonWhere } from '../../../../main/engine/config-file';

const where = (text: string) => {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonWhere(text, error);
  }
  throw new Error('valid JSON');
};

describe('JSON errors', () => {
  it.each([
    ['{\n  "version": 1,\n  oops\n}', /at line 3, column 3$/],
    ['{\n  "version": ', /^the file ends before the JSON does, at line 2, column 14$/],
    ['   ', /^the file is empty$/],
    ['{"a": 1,}', /at line 1, column 9$/],
  ])('%j → %s', (text, expected) => {
    const message = where(text);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it('a message that quotes the text keeps to one line, without the quote', () => {
    const error = new SyntaxError('Unexpected token \'o\', "{\n  oops\n}" is not valid JSON');
    expect(jsonWhere('{\n  oops\n}', error)).toBe("Unexpected token 'o'");
  });
});

describe('what is not a config file', () => {
  it('a pipe, a folder or a device is refused at once, never read (it would hang)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadConfigFile } = await import('../../../../main/engine/config-file');
    const dir = mkdtempSync(join(tmpdir(), 'vigie-config-'));
    try {
      const fifo = join(dir, 'services.json');
      execFileSync('mkfifo', [fifo]);
      for (const path of [fifo, dir, '/dev/zero'])
        expect(await loadConfigFile(path)).toMatchObject({
          ok: false,
          problems: [
            { path: '(file)', message: 'not a regular file (a folder, a pipe or a device)' },
          ],
        });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
