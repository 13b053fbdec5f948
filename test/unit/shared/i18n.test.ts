// Every string a user sees exists in English, French and Arabic, with the plural forms each needs.
import { describe, expect, it } from 'vitest';
import { createTranslator, languageFrom, LANGUAGES, RESOURCES } from '../../../shared/i18n';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  const reference = new Set(keys(RESOURCES.en).map((k) => k.replace(PLURAL, '')));
  it.each(LANGUAGES)('%s has every key of English and no stray one', (language) => {
    const own = new Set(keys(RESOURCES[language]).map((k) => k.replace(PLURAL, '')));
    expect([...reference].filter((k) => !own.has(k))).toEqual([]);
    expect([...own].filter((k) => !reference.has(k))).toEqual([]);
  });

  it.each(LANGUAGES)('%s covers every plural category its language uses', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const plural = keys(RESOURCES[language]).filter((k) => PLURAL.test(k));
    const bases = new Set(plural.map((k) => k.replace(PLURAL, '')));
    for (const base of bases) {
      for (const category of categories) expect(plural).toContain(`${base}_${category}`);
    }
  });

  it('uses the right plural forms and durations', () => {
    expect(createTranslator('en').duration(125 * 60_000)).toBe('2 hours and 5 minutes');
    expect(createTranslator('fr').duration(60 * 60_000)).toBe('1 heure');
    expect(createTranslator('ar').duration(2 * 60_000)).toBe('دقيقتان');
    expect(createTranslator('ar').duration(3 * 60_000)).toBe('3 دقائق');
  });

  it('writes lists with each language’s words and commas', () => {
    expect(createTranslator('en').list(['WhatsApp', 'Instagram'])).toBe('WhatsApp and Instagram');
    expect(createTranslator('fr').list(['SMS', 'téléphone', 'e-mail'], 'or')).toBe(
      'SMS, téléphone ou e-mail',
    );
    const arabic = createTranslator('ar').list(['أ', 'ب', 'ج'], 'plain');
    expect(arabic).toContain('، ');
    expect(arabic).not.toContain(', ');
  });

  it('picks the language from the system locale', () => {
    expect(languageFrom('fr-CA')).toBe('fr');
    expect(languageFrom('ar_MA')).toBe('ar');
    expect(languageFrom('de-DE')).toBe('en');
    expect(languageFrom(undefined)).toBe('en');
  });
});
