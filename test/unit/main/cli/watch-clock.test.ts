// `watch`'s clock in a terminal without a locale (LANG=C, POSIX, unset): the 24-hour HH:MM:SS that
// scripts parse, whatever the time of day; a terminal with a locale keeps that locale's clock.
import { describe, expect, it } from 'vitest';
import { createTranslator, isPlainLocale, languageFrom } from '../../../../shared/i18n';
import type { ServiceStatus, VerdictChange } from '../../../../shared/types';
import { describeChange } from '../../../../main/cli/output';

const MORNING = new Date(2022, 9, 25, 4, 26, 34).getTime();
const AFTERNOON = new Date(2022, 9, 25, 16, 26, 34).getTime();

/** The translator the command line makes for this locale. */
const terminal = (locale: string | undefined) =>
  createTranslator(languageFrom(locale), { isoClock: isPlainLocale(locale) });

const whatsappDown = (at: number): VerdictChange => {
  const status = (state: ServiceStatus['state']): ServiceStatus => ({
    id: 'whatsapp',
    name: 'WhatsApp',
    critical: true,
    checkedAt: at,
    state,
    cause: state === 'down' ? 'unconfirmed' : null,
    summary: '',
    probes: [],
  });
  return {
    serviceId: 'whatsapp',
    name: 'WhatsApp',
    at,
    previous: status('up'),
    current: status('down'),
  };
};

describe("watch's clock", () => {
  it.each([['C'], ['POSIX'], ['C.UTF-8'], [undefined], ['']])(
    'under LANG=%s prints 24-hour HH:MM:SS',
    (locale) => {
      const tr = terminal(locale);
      expect(tr.clock(MORNING)).toBe('04:26:34');
      expect(tr.clock(AFTERNOON)).toBe('16:26:34');
      expect(describeChange(whatsappDown(AFTERNOON), tr)).toMatch(
        /^16:26:34 {2}WhatsApp: up → down/,
      );
    },
  );

  it("a terminal with a locale keeps that locale's clock", () => {
    expect(terminal('en_US.UTF-8').clock(AFTERNOON)).toMatch(/^04:26:34\sPM$/);
    expect(terminal('fr_FR.UTF-8').clock(AFTERNOON)).toBe('16:26:34');
  });

  it('a locale that names a language is not taken for a plain one', () => {
    expect(['C', 'POSIX', 'C.UTF-8', 'c.utf8', undefined, ''].map(isPlainLocale)).toEqual(
      Array(6).fill(true),
    );
    expect(['en_US.UTF-8', 'fr_FR', 'ar', 'ca_ES.UTF-8', 'cs_CZ'].map(isPlainLocale)).toEqual(
      Array(5).fill(false),
    );
  });
});
