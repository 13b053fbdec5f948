// A moment placed in a sentence: today the time alone ("since 15:42"), another day the date and
// the time as separate values, worded by each language around them ("depuis le 3 oct. à 15:42"),
// never a date-and-time string built in one shape for every language.
import { describe, expect, it } from 'vitest';
import { footer } from '../../../main/alerts/words';
import { buildReport } from '../../../main/playbooks/report';
import type { Run } from '../../../shared/checklist-types';
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

/** A time zone as Intl names it in each language ("UTC", "UTC+2", "GMT+2", "غرينتش+2"). */
const ZONE = String.raw`(?:UTC|GMT|غرينتش)(?:[+−-]\d{1,2}(?::\d\d)?)?|[A-Z]{3,5}`;

describe('a moment on the calendar: {{date}} and {{time}} apart', () => {
  const run: Run = {
    id: 'run-1',
    startedAt: YESTERDAY,
    endedAt: null,
    services: [{ id: 'whatsapp', name: 'WhatsApp', provider: 'Meta' }],
    incidentIds: [],
    openIncidentIds: [],
    steps: [{ key: 'd-tell-team', section: 'during', title: 'Tell the team', done: { at: TODAY } }],
    events: [],
  };

  it.each([
    ['en', String.raw`^Seen on October 4, 2021 at 03:42 PM (${ZONE}) by Vigie on shop-laptop\.$`],
    ['fr', String.raw`^Constaté le 4 octobre 2021 à 15:42 (${ZONE}) par Vigie sur shop-laptop\.$`],
    [
      'ar',
      String.raw`^رصده Vigie على \u2068shop-laptop\u2069 في 4 أكتوبر 2021 الساعة 15:42 (${ZONE})\.$`,
    ],
  ] as const)(
    '%s: an alert’s footer says the day, then the local time with its zone',
    (language, shape) => {
      const tr = createTranslator(language);
      expect(footer(TODAY, 'shop-laptop', tr)).toMatch(new RegExp(shape, 'u'));
    },
  );

  it.each([
    [
      'en',
      'Written by Vigie on October 4, 2021 at 05:30 PM',
      'done on October 4, 2021 at 03:42 PM',
    ],
    ['fr', 'Rédigé par Vigie le 4 octobre 2021 à 17:30', 'fait le 4 octobre 2021 à 15:42'],
    ['ar', 'أعدّه Vigie في 4 أكتوبر 2021 الساعة 17:30', 'أُنجز في 4 أكتوبر 2021 الساعة 15:42'],
  ] as const)(
    '%s: the incident report says when it was written and when each step was done',
    (language, written, done) => {
      const tr = createTranslator(language);
      const report = buildReport(run, [], tr, NOW);
      expect(report.footer).toMatch(new RegExp(String.raw`^${written} (${ZONE})\.$`, 'u'));
      expect(report.steps[0]?.text).toContain(done);
    },
  );

  it.each([
    [
      'en',
      'Last alert delivered on October 3, 2021 at 03:42 PM',
      'Last seen on October 3, 2021 at 03:42 PM',
    ],
    [
      'fr',
      'Dernière alerte remise le 3 octobre 2021 à 15:42',
      'Vu pour la dernière fois le 3 octobre 2021 à 15:42',
    ],
    ['ar', 'سُلّم آخر تنبيه في 3 أكتوبر 2021 الساعة 15:42', 'آخر ظهور في 3 أكتوبر 2021 الساعة 15:42'],
  ] as const)(
    '%s: settings say when a channel last delivered and when a teammate was last seen',
    (language, delivered, seen) => {
      const tr = createTranslator(language);
      expect(tr.dated('alertSettings.lastDelivery', YESTERDAY)).toBe(delivered);
      expect(tr.dated('teamSettings.seen', YESTERDAY)).toBe(seen);
    },
  );

  it('keeps Arabic digits Latin and its clock 24-hour, whatever the hour', () => {
    const evening = new Date(2021, 9, 4, 21, 5).getTime();
    expect(createTranslator('ar').dated('report.doneOn', evening)).toBe(
      'أُنجز في 4 أكتوبر 2021 الساعة 21:05',
    );
  });
});

describe('who ticked a step or wrote a note, and the earlier checklists', () => {
  it.each([
    [
      'fr',
      ['Awa · 15:42', 'Awa · le 3 oct. à 15:42'],
      ['décochée par Awa · le 3 oct. à 15:42', 'WhatsApp — le 3 oct. à 15:42'],
    ],
    [
      'ar',
      ['Awa · 15:42', 'Awa · 3 أكتوبر الساعة 15:42'],
      ['ألغى Awa التأشير · 3 أكتوبر الساعة 15:42', 'WhatsApp — 3 أكتوبر الساعة 15:42'],
    ],
  ] as const)('%s: another day gets the date and the time apart', (language, by, more) => {
    const tr = createTranslator(language);
    expect(tr.at('teamRun.stepBy', TODAY, NOW, { name: 'Awa' })).toBe(by[0]);
    expect(tr.at('teamRun.stepBy', YESTERDAY, NOW, { name: 'Awa' })).toBe(by[1]);
    expect(tr.at('teamRun.noteBy', YESTERDAY, NOW, { name: 'Awa' })).toBe(by[1]);
    expect(tr.at('teamRun.stepUnticked', YESTERDAY, NOW, { name: 'Awa' })).toBe(more[0]);
    expect(tr.at('checklist.earlierRun', YESTERDAY, NOW, { services: 'WhatsApp' })).toBe(more[1]);
  });
});
