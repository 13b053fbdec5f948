// A config file that is not JSON says what is wrong and where, on one line, in the user's
// language: every mistake a hand-edited file really has, with the line and column an editor shows.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../../main/engine/config-file';
import type { Language } from '../../../../shared/i18n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VALID =
  '{"version": 1, "connectivity": {"targets": [{"url": "http://127.0.0.1/"}]}, "services": []}';

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'be' ? Buffer.from(le).swap16() : le;
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

/** The message of a file's only problem, in `language`. */
async function problemOf(name: string, bytes: string | Buffer, language: Language = 'en') {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const loaded = await loadConfigFile(file, language);
  if (loaded.ok) return null;
  expect(loaded.problems).toHaveLength(1);
  return loaded.problems[0]?.message ?? '';
}

// [name, file content, English, French, Arabic]: each names the position, or the problem.
const CORPUS: readonly (readonly [string, string | Buffer, RegExp, RegExp, RegExp])[] = [
  [
    'truncated literal at the end',
    '{"version": 1, "lowData": tru',
    /ends before the JSON does, at line 1, column 30$/,
    /avant la fin du JSON, ligne 1, colonne 30$/,
    /السطر 1، العمود 30$/,
  ],
  [
    'truncated literal inside',
    '{\n  "version": 1,\n  "lowData": tru\n}',
    /^not valid JSON: "tru" is not a JSON value, at line 3, column 17$/,
    /«\u00a0tru\u00a0» n’est pas une valeur JSON, ligne 3, colonne 17$/,
    /«tru» ليست قيمة JSON، في السطر 3، العمود 17$/,
  ],
  [
    'trailing comma in a list',
    '{"version": 1, "services": [1,]}',
    /a comma before "]" at line 1, column 31: JSON allows no comma after the last item$/,
    /une virgule avant «\u00a0]\u00a0» ligne 1, colonne 31/,
    /فاصلة قبل «]» في السطر 1، العمود 31/,
  ],
  [
    'trailing comma in an object, on its own line',
    '{\n  "version": 1,\n  "services": [],\n}\n',
    /a comma before "}" at line 4, column 1/,
    /ligne 4, colonne 1/,
    /السطر 4، العمود 1/,
  ],
  [
    'undefined',
    '{"version": 1, "intervalSeconds": undefined}',
    /"undefined" is not a JSON value, at line 1, column 35$/,
    /«\u00a0undefined\u00a0» n’est pas une valeur JSON, ligne 1, colonne 35$/,
    /«undefined» ليست قيمة JSON، في السطر 1، العمود 35$/,
  ],
  [
    'NaN',
    '{"version": 1, "intervalSeconds": NaN}',
    /"NaN" is not a JSON value, at line 1, column 35$/,
    /ligne 1, colonne 35$/,
    /السطر 1، العمود 35$/,
  ],
  [
    'a line comment',
    '{\n  // my services\n  "version": 1\n}',
    /a comment at line 2, column 3: JSON allows no comments$/,
    /un commentaire ligne 2, colonne 3\u00a0: le JSON n’admet pas de commentaires$/,
    /تعليق في السطر 2، العمود 3/,
  ],
  [
    'a block comment',
    '{"version": 1 /* v1 */}',
    /a comment at line 1, column 15/,
    /ligne 1, colonne 15/,
    /السطر 1، العمود 15/,
  ],
  [
    'single quotes',
    "{'version': 1}",
    /single quotes at line 1, column 2/,
    /des apostrophes ligne 1, colonne 2/,
    /السطر 1، العمود 2/,
  ],
  [
    'a name without quotes',
    '{\n  version: 1\n}',
    /a name without double quotes at line 2, column 3$/,
    /ligne 2, colonne 3$/,
    /السطر 2، العمود 3$/,
  ],
  [
    'a missing comma',
    '{\n  "version": 1\n  "services": []\n}',
    /expected a comma or "}" before """, at line 3, column 3$/,
    /une virgule ou «\u00a0}\u00a0» attendue avant «\u00a0"\u00a0», ligne 3, colonne 3$/,
    /السطر 3، العمود 3$/,
  ],
  [
    'an unclosed text',
    '{"version": 1, "services": [{"name": "Shop\n}]}',
    /a line break inside a text at line 1, column 43/,
    /ligne 1, colonne 43/,
    /السطر 1، العمود 43/,
  ],
  [
    'a BOM before a mistake: columns count from after it',
    '\uFEFF{"version": 1,}',
    /a comma before "}" at line 1, column 15/,
    /ligne 1, colonne 15/,
    /السطر 1، العمود 15/,
  ],
  [
    'UTF-16 LE with its BOM, with a mistake',
    utf16('{\r\n  "version": 1,\r\n}', 'le'),
    /a comma before "}" at line 3, column 1/,
    /ligne 3, colonne 1/,
    /السطر 3، العمود 1/,
  ],
  [
    'UTF-16 BE with its BOM, with a mistake',
    utf16('{"version": tru}', 'be'),
    /"tru" is not a JSON value, at line 1, column 16/,
    /ligne 1, colonne 16/,
    /السطر 1، العمود 16/,
  ],
  [
    'UTF-16 without a BOM',
    Buffer.from(VALID, 'utf16le'),
    /saved as UTF-16 without a byte order mark: save it as UTF-8$/,
    /UTF-16 sans indicateur d’ordre des octets\u00a0: enregistrez-le en UTF-8$/,
    /UTF-16 بلا علامة ترتيب البايتات/,
  ],
  [
    'Latin-1 text',
    Buffer.from('{"version": 1,\n "name": "Caf\xe9"}', 'latin1'),
    /not UTF-8 text \(line 2, column 14\): save it as UTF-8$/,
    /pas un texte UTF-8 \(ligne 2, colonne 14\)/,
    /UTF-8 \(السطر 2، العمود 14\)/,
  ],
  [
    'an empty file',
    '',
    /^not valid JSON: the file is empty$/,
    /le fichier est vide$/,
    /الملف فارغ$/,
  ],
  ['a file of blank lines', '\n\n  \n', /the file is empty$/, /vide$/, /فارغ$/],
  [
    'two objects',
    '{"version": 1}\n{"version": 1}',
    /more text after the end of the JSON, at line 2, column 1$/,
    /du texte après la fin du JSON, ligne 2, colonne 1$/,
    /السطر 2، العمود 1$/,
  ],
  [
    'a leading zero',
    '{"version": 01}',
    /a malformed number at line 1, column 14$/,
    /ligne 1, colonne 14$/,
    /السطر 1، العمود 14$/,
  ],
];

describe('a corpus of broken config files', () => {
  it.each(CORPUS)('%s', async (name, bytes, en, fr, ar) => {
    const file = `${name.replace(/\W+/g, '-')}.json`;
    for (const [language, expected] of [
      ['en', en],
      ['fr', fr],
      ['ar', ar],
    ] as const) {
      const message = await problemOf(file, bytes, language);
      expect(message).toMatch(expected);
      expect(message).not.toContain('\n');
    }
  });

  it('the French and Arabic messages carry no English from V8', async () => {
    for (const [name, bytes] of CORPUS) {
      for (const language of ['fr', 'ar'] as const) {
        const message = await problemOf(`${name.replace(/\W+/g, '-')}.json`, bytes, language);
        expect(message).not.toMatch(/Unexpected|position|is not valid|Bad control/);
      }
    }
  });

  it('a BOM, UTF-16 LE and UTF-16 BE files with valid JSON load', async () => {
    for (const [name, bytes] of [
      ['bom.json', `\uFEFF${VALID}`],
      ['le.json', utf16(VALID, 'le')],
      ['be.json', utf16(VALID, 'be')],
    ] as const) {
      expect(await problemOf(name, bytes)).toBeNull();
    }
  });
});

describe('what is not a config file', () => {
  it('a pipe, a folder or a device is refused at once, never read (it would hang)', async () => {
    const fifo = join(dir, 'services.fifo');
    execFileSync('mkfifo', [fifo]);
    const folder = join(dir, 'services.d');
    mkdirSync(folder);
    for (const path of [fifo, folder, '/dev/zero'])
      expect(await loadConfigFile(path)).toMatchObject({
        ok: false,
        problems: [
          { path: '(file)', message: 'not a regular file (a folder, a pipe or a device)' },
        ],
      });
    expect(await loadConfigFile(folder, 'fr')).toMatchObject({
      problems: [
        {
          path: '(fichier)',
          message: 'pas un fichier ordinaire (un dossier, un tube ou un périphérique)',
        },
      ],
    });
    expect(await loadConfigFile(folder, 'ar')).toMatchObject({
      problems: [{ path: '(الملف)', message: 'ليس ملفًا عاديًا (مجلد أو أنبوب أو جهاز)' }],
    });
  });
});
