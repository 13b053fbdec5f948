// A moment placed in a sentence: today the time alone ("since 15:42"), another day the date and
// the time as separate values, worded by each language around them ("depuis le 3 oct. à 15:42"),
// never a date-and-time string built in one shape for every language.
import { describe, expect, it } from 'vitest';
import { createTranslator, RESOURCES } from '../../../shared/i18n';
import { story } from '../../../shared/story';
import { snapshotOf, statusOf } from '../../helpers/statuses';

const NOW = new Date(2021, 9, 4, 17, 30).getTime();
const TODAY = new Date(2021, 9, 4, 15, 42).getTime();
const YESTERDAY = new Date(2021, 9, 3, 15, 42).getTime();

const down = (since: number) =>
  snapshotOf(NOW, 'outage', [
    statusOf('WhatsApp', 'down', 'provider', { at: NOW, since }, { provider: 'Meta' }),
  ]);

describe('the banner says since when', () => {
  it.each([
    ['en', 'since 03:42 PM', 'since Oct 3 at 03:42 PM'],
    ['fr', 'depuis 15:42', 'depuis le 3 oct. à 15:42'],
    ['ar', 'منذ 15:42', 'منذ 3 أكتوبر الساعة 15:42'],
  ] as const)('in %s', (language, today, otherDay) => {
    const tr = createTranslator(language);
    expect(story(down(TODAY), tr, NOW).sentence).toContain(today);
    expect(story(down(YESTERDAY), tr, NOW).sentence).toContain(otherDay);
  });
});

describe('tr.at', () => {
  it('words a finished incident in French with its own article and preposition', () => {
    const tr = createTranslator('fr');
    expect(tr.at('incidents.ended', TODAY, NOW)).toBe('fin 15:42');
    expect(tr.at('incidents.ended', YESTERDAY, NOW)).toBe('fin le 3 oct. à 15:42');
    expect(tr.at('checklist.doneAt', YESTERDAY, NOW)).toBe('fait le 3 oct. à 15:42');
  });

  it('gives a key without a form for another day the date and time as one value', () => {
    const tr = createTranslator('en');
    expect(tr.at('cli.footer', YESTERDAY, NOW, { used: '3 kB' })).toContain('Oct 3');
  });

  it.each(['en', 'fr', 'ar'] as const)(
    '%s: every form for another day places both {{date}} and {{time}}',
    (language) => {
      const forms: string[] = [];
      for (const section of Object.values(RESOURCES[language]))
        for (const [key, text] of Object.entries(section as Record<string, string>))
          if (key.endsWith('_day')) forms.push(text);
      expect(forms.length).toBeGreaterThanOrEqual(20);
      for (const text of forms) {
        expect(text).toContain('{{date}}');
        expect(text).toContain('{{time}}');
      }
    },
  );
});
