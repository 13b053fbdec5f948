// Text from a status page cannot take over the user's terminal or spreadsheet.
import { describe, expect, it } from 'vitest';
import { forTerminal, padTo } from '../../../../main/cli/terminal-text';
import { formatRatio } from '../../../../shared/format';
import { createTranslator } from '../../../../shared/i18n';
import { csvField } from '../../../../main/history/export';

const HOSTILE = [
  'Outage\u001b]0;pwned\u0007 now', // retitles the window
  'Outage\u001b[2J\u001b[H now', // clears the screen, moves home
  'Outage\u001b]8;;https://evil.example\u001b\\ now', // a hyperlink
  'Outage\u009b31m now', // an 8-bit CSI
  'Outage\r\n## forged line', // a line break forging output
  'Outage \u202eevil\u202c now', // a bidi override
];

describe('forTerminal', () => {
  it.each(HOSTILE)('%j keeps the words and loses every escape and control', (text) => {
    const safe = forTerminal(text);
    expect(safe).toMatch(/^Outage.* now|^Outage/);
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('keeps our isolates around "--since" in Arabic, and drops a stray one from outside text', () => {
    const arabic = createTranslator('ar').t('usage.sinceRange');
    expect(arabic).toContain('\u2066--since\u2069');
    expect(forTerminal(arabic)).toBe(arabic);
    // An isolate opened and never closed (or closed and never opened) would run past its words.
    expect(forTerminal('Outage \u2067evil now')).toBe('Outage  evil now');
    expect(forTerminal('Outage\u2069 now')).toBe('Outage  now');
    expect(padTo('\u2066--since\u2069', 9)).toBe('\u2066--since\u2069  ');
  });

  it('leaves ordinary text in any script as it is', () => {
    for (const text of ['Messages are failing — “Cloud API”', 'تعذّر الإرسال', 'Échec d’envoi']) {
      expect(forTerminal(text)).toBe(text);
    }
  });
});

describe('csvField', () => {
  it('drops escapes and controls, keeps line breaks inside the quoted field, and defuses formulas', () => {
    expect(csvField('Outage\u001b]0;pwned\u0007')).toBe('Outage]0;pwned');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://evil.example")')).toBe(
      `"'=HYPERLINK(""http://evil.example"")"`,
    );
    expect(csvField('\u202eevil')).toBe('evil');
  });
});

describe('padTo', () => {
  it('pads to the columns a terminal draws: direction and combining marks take none', () => {
    // An Arabic percentage as Intl writes it: "100‎%‎" is four columns wide.
    const percent = formatRatio(1, createTranslator('ar'));
    expect(percent).toMatch(/\u200e/);
    expect(padTo(percent, 6)).toBe(`${percent}  `);
    expect(padTo('e\u0301t\u00e9', 5)).toBe('e\u0301t\u00e9  ');
    expect(padTo('toolong', 3)).toBe('toolong');
  });
});
