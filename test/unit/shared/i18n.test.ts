// Every string a user sees exists in English, French and Arabic, with the plural forms each needs.
import { describe, expect, it } from 'vitest';
import { createTranslator, languageFrom, LANGUAGES, RESOURCES } from '../../../shared/i18n';
import { keyGaps, missingPluralForms } from '../../helpers/catalogue';

const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('translations', () => {
  it.each(LANGUAGES)('%s has every key of English and no stray one', (language) => {
    const { missing, stray } = keyGaps(RESOURCES.en, RESOURCES[language]);
    expect(missing).toEqual([]);
    expect(stray).toEqual([]);
  });

  it.each(LANGUAGES)('%s covers every plural category its language uses', (language) => {
    expect(missingPluralForms(RESOURCES[language], language)).toEqual([]);
  });

  it.each(LANGUAGES)(
    '%s says every counted thing with plural forms, never one fixed form',
    (language) => {
      const flat = (messages: object, prefix = ''): [string, string][] =>
        Object.entries(messages).flatMap(([k, v]) =>
          typeof v === 'object' && v !== null
            ? flat(v as object, `${prefix}${k}.`)
            : [[`${prefix}${k}`, String(v)] as [string, string]],
        );
      const fixed = flat(RESOURCES[language])
        .filter(([key, text]) => text.includes('{{count}}') && !PLURAL.test(key))
        .map(([key]) => key);
      expect(fixed).toEqual([]);
    },
  );

  it('counts in each language: one service, two, a few, many', () => {
    const watching = (language: 'en' | 'fr' | 'ar', count: number) =>
      createTranslator(language).t('cli.watching', { count, seconds: 60 });
    expect(watching('en', 1)).toBe('Watching 1 service every 60 s. Ctrl-C stops.');
    expect(watching('fr', 2)).toBe(
      'Surveillance de 2 services toutes les 60 s. Ctrl-C pour arrêter.',
    );
    expect(watching('ar', 2)).toBe('مراقبة خدمتين كل 60 ثانية. اضغط Ctrl-C للإيقاف.');
    expect(watching('ar', 11)).toBe('مراقبة 11 خدمة كل 60 ثانية. اضغط Ctrl-C للإيقاف.');
    expect(createTranslator('ar').t('notify.group', { count: 3 })).toBe('تغيّرت حالة 3 خدمات');
    expect(createTranslator('ar').t('notify.group', { count: 11 })).toBe('تغيّرت حالة 11 خدمة');
  });

  it('uses the right plural forms and durations', () => {
    expect(createTranslator('en').duration(125 * 60_000)).toBe('2 hours and 5 minutes');
    expect(createTranslator('fr').duration(60 * 60_000)).toBe('1 heure');
    expect(createTranslator('ar').duration(2 * 60_000)).toBe('دقيقتين');
    expect(createTranslator('ar').duration(3 * 60_000)).toBe('3 دقائق');
    // A week is 7 days, not "168 hours"; past a day, hours are the finest unit.
    expect(createTranslator('en').duration(7 * 24 * 3_600_000)).toBe('7 days');
    expect(createTranslator('fr').duration(26 * 3_600_000 + 20 * 60_000)).toBe(
      '1 jour et 2 heures',
    );
    expect(createTranslator('ar').duration(2 * 24 * 3_600_000)).toBe('يومين');
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
