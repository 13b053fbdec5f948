// French typography in every French string the app shows: a non-breaking space (U+00A0) before
// ":" and inside « », a narrow one (U+202F) before ; ? ! and %, so no line starts with a colon or
// a question mark. Customer messages (SMS) are the exception: they stay in the SMS alphabet.
import { describe, expect, it } from 'vitest';
import { fr } from '../../../shared/i18n/fr';

/** Every string of a catalogue, with its key path (feature files are referenced from fr.ts). */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

/** What a French editor would mark, with why. */
const RULES: readonly [RegExp, string][] = [
  [/[ \u202f]:(?=\s|$)/, 'a plain or narrow space before ":" (U+00A0 wanted)'],
  // A JSON key in a hint (`"alerts": {…}`) is code, not French: its colon keeps no space.
  [/[^\s\u00a0\u202f/:{"]:(?=\s)/, 'no space before ":"'],
  [/ [;?!%]/, 'a plain space before ; ? ! or % (U+202F wanted)'],
  [/«(?!\u00a0)/, '« not followed by U+00A0'],
  [/(?<!\u00a0)»/, '» not preceded by U+00A0'],
];

// Legends where the sign is a symbol, not punctuation ("! dégradé" in the history table).
const SYMBOL_LEGEND = /[✓✗~·] /;

describe('French typography', () => {
  const all = strings(fr);

  it('finds the strings to check (the catalogue and its feature files)', () => {
    expect(all.length).toBeGreaterThan(500);
  });

  it.each(RULES.map(([rule, why]) => [why, rule] as const))('has no %s', (_why, rule) => {
    const wrong = all
      .filter(([, text]) => !SYMBOL_LEGEND.test(text))
      .filter(([, text]) => rule.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(wrong).toEqual([]);
  });
});
