// The shipped customer messages, filled as the checklist fills them, across what changes them:
// one service or three (Facebook, Instagram and WhatsApp on 4 October 2021), a named provider or
// none, a phone or an e-mail, an outage that began today or yesterday. French and English stay in
// the SMS alphabet and cost at most 2 SMS; Arabic opens with an Arabic word.
import { describe, expect, it } from 'vitest';
import { defaults } from '../../../main/playbooks/defaults';
import { fillMessage, type Placeholder } from '../../../shared/messages';
import { textIn } from '../../../shared/playbook-schema';
import { createTranslator, LANGUAGES, type Language } from '../../../shared/i18n';
import { nonGsmCharacters, opensInArabic, smsLength } from '../../../shared/sms';

// Local times, so the filled text reads the same in any time zone.
const NOW = new Date(2021, 9, 4, 17, 30).getTime();
const SERVICES = { one: ['WhatsApp'], three: ['Facebook', 'Instagram', 'WhatsApp'] } as const;
const CONTACTS = { phone: '+33 6 12 34 56 78', email: 'contact@boutique-awa.example' } as const;
const STARTS = {
  today: new Date(2021, 9, 4, 15, 42).getTime(),
  yesterday: new Date(2021, 9, 3, 21, 5).getTime(),
};

interface Case {
  readonly label: string;
  readonly values: Record<Placeholder, string>;
}

function cases(language: Language): Case[] {
  const tr = createTranslator(language);
  const out: Case[] = [];
  for (const [services, names] of Object.entries(SERVICES))
    for (const named of [true, false])
      for (const [contactKind, contact] of Object.entries(CONTACTS))
        for (const [day, start] of Object.entries(STARTS))
          out.push({
            label: `${services} service(s), ${named ? 'named provider' : 'no provider'}, ${contactKind}, ${day}`,
            values: {
              service: tr.list(names),
              provider: named ? 'Meta' : tr.t('checklist.ourProvider'),
              business: 'Boutique Awa',
              contact,
              start: tr.when(start, NOW),
              update: tr.when(NOW + 3_600_000, NOW),
            },
          });
  return out;
}

function filled(language: Language) {
  return defaults().messages.flatMap((m) =>
    cases(language).map((c) => {
      const { text, missing } = fillMessage(textIn(m.text, language), c.values, () => '?');
      expect(missing).toEqual([]);
      return { id: m.id, label: c.label, text, cost: smsLength(text) };
    }),
  );
}

describe('customer messages', () => {
  it.each(['en', 'fr'] as const)(
    'in %s stay in the SMS alphabet and cost at most 2 SMS in every case',
    (language) => {
      for (const m of defaults().messages)
        expect(nonGsmCharacters(textIn(m.text, language)), m.id).toEqual([]);
      for (const { id, label, text, cost } of filled(language)) {
        expect(cost.encoding, `${id}, ${label}: ${text}`).toBe('gsm7');
        expect(cost.segments, `${id}, ${label}: ${text}`).toBeLessThanOrEqual(2);
      }
    },
  );

  it('cost what the checklist shows today (1 SMS short, 2 at worst)', () => {
    const costs = Object.fromEntries(
      LANGUAGES.map((language) => [
        language,
        Object.fromEntries(
          defaults().messages.map((m) => {
            const segments = filled(language)
              .filter((f) => f.id === m.id)
              .map((f) => f.cost.segments);
            return [m.id, [Math.min(...segments), Math.max(...segments)]];
          }),
        ),
      ]),
    );
    expect(costs).toEqual(COSTS);
  });

  it('in Arabic open with an Arabic word, so the phone lays them out right to left', () => {
    for (const m of defaults().messages)
      expect(opensInArabic(textIn(m.text, 'ar')), m.id).toBe(true);
    for (const { id, text } of filled('ar')) expect(opensInArabic(text), id).toBe(true);
  });

  it('never make the list of services the subject of a verb', () => {
    // "Facebook, Instagram and WhatsApp is not working": the list is never what the verb agrees with.
    const subject: Record<Language, RegExp> = {
      en: /(^|[.:] )\{service\}|\{service\} (is|are|works?|has|have|was|were)\b/,
      fr: /(^|[.:] )\{service\}|\{service\} (est|sont|fonctionnen?t?|marchen?t?)\b/,
      ar: /(خدمة|تعمل|تعود|متوقفة?|عادت|توقفت) \{service\}/,
    };
    for (const language of LANGUAGES)
      for (const m of defaults().messages)
        expect(textIn(m.text, language), `${language} ${m.id}`).not.toMatch(subject[language]);
  });

  it('read as written with three services down, in three languages', () => {
    const sample = (language: Language, id: string) =>
      filled(language).find(
        (f) => f.id === id && f.label === 'three service(s), named provider, phone, today',
      )?.text;
    expect(sample('en', 'm-down-notice')).toBe(
      'Boutique Awa: an outage at Meta has cut off our messages on Facebook, Instagram, and WhatsApp since 3:42 PM. Contact us at +33 6 12 34 56 78. Next update by 6:30 PM.',
    );
    expect(sample('fr', 'm-down-notice')).toBe(
      "Boutique Awa : une panne chez Meta coupe nos échanges sur Facebook, Instagram et WhatsApp depuis 15:42. Pour nous joindre : +33 6 12 34 56 78. Prochaines nouvelles d'ici 18:30.",
    );
    expect(sample('ar', 'm-down-notice')).toBe(
      'من Boutique Awa: انقطعت رسائلنا عبر Facebook وInstagram وWhatsApp منذ الساعة 15:42 بسبب عطل لدى Meta. تواصلوا معنا على +33 6 12 34 56 78، وسنوافيكم بالجديد قبل الساعة 18:30.',
    );
  });
});

/** Fewest and most SMS each message costs across the cases above. */
const COSTS = {
  en: { 'm-down-notice': [1, 2], 'm-pending-order': [2, 2], 'm-back': [1, 1] },
  fr: { 'm-down-notice': [1, 2], 'm-pending-order': [2, 2], 'm-back': [1, 1] },
  ar: { 'm-down-notice': [3, 3], 'm-pending-order': [3, 3], 'm-back': [2, 2] },
};
