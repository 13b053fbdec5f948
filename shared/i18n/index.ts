// Translations through i18next: English, French and Arabic. Dates, times, durations and numbers go
// through Intl in the chosen language; Arabic is written right to left.
import i18next, { type TFunction } from 'i18next';
import { ar } from './ar';
import { en } from './en';
import { fr } from './fr';

export const LANGUAGES = ['en', 'fr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const RESOURCES = { en, fr, ar } as const;

/** Right-to-left languages. */
export function isRtl(language: Language): boolean {
  return language === 'ar';
}

/** Picks a supported language from a system locale (`fr-CA` → fr), English otherwise. */
export function languageFrom(locale: string | undefined): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}

/**
 * The locale Intl formats a language's numbers, dates and times in. Arabic as our users read it:
 * Latin digits (`ar-u-nu-latn`), as a phone set to Arabic shows them; with `hourCycle` below, a
 * 24-hour clock.
 */
export function intlLocale(language: Language): string {
  return language === 'ar' ? 'ar-u-nu-latn' : language;
}

/** The clock a language's times are read on: 24-hour in Arabic, the language's own otherwise. */
export function hourCycle(language: Language): { readonly hourCycle?: 'h23' } {
  return language === 'ar' ? { hourCycle: 'h23' } : {};
}

/**
 * Whether a locale names no language at all (`C`, `POSIX`, `C.UTF-8`, unset): a terminal set up
 * for scripts, which expect a 24-hour clock.
 */
export function isPlainLocale(locale: string | undefined): boolean {
  return !locale || /^(c|posix)([._@].*)?$/i.test(locale);
}

/** How a translator writes the command line's clock. */
export interface TranslatorOptions {
  /** "15:42:07" (24-hour, ASCII digits) whatever the language: for a terminal without a locale. */
  readonly isoClock?: boolean;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A translator bound to one language. */
export interface Translator {
  readonly language: Language;
  readonly t: TFunction;
  /** "15:42", or "4 Oct, 15:42" when not today, in the language's own digits and order. */
  time(at: number, now: number): string;
  /**
   * "15:42" today, "Oct 4 at 15:42" another day: through the catalogue's `time.today` and
   * `time.otherDay`, so each language words the date and the hour its own way (customer messages).
   */
  when(at: number, now: number): string;
  /**
   * A template that places a moment, worded for when it is: today the key as it is, with the time
   * ("15:42") as `{{time}}` and as `{{<slot>}}`; another day the key's `_day` form, with
   * `{{date}}` ("4 Oct") and `{{time}}` apart, so each language puts its own words around them
   * ("since 4 Oct at 15:42", "depuis le 4 oct. à 15:42"). A key without a `_day` form gets the
   * date and time as one value.
   */
  at(key: string, at: number, now: number, values?: Record<string, unknown>, slot?: string): string;
  /**
   * A template that places a moment on the calendar whatever the day (an alert's footer, the
   * report's last line, a settings line): `{{date}}` ("4 October 2021") and `{{time}}` ("15:42";
   * with `zone`, "15:42 UTC+2") apart, so each language words them its own way ("le 4 octobre
   * 2021 à 15:42", "في 4 أكتوبر 2021 الساعة 15:42").
   */
  dated(
    key: string,
    at: number,
    values?: Record<string, unknown>,
    options?: { zone?: boolean },
  ): string;
  /**
   * "15:42:07": a local clock time to the second (the command line's lines), in the language, or
   * always 24-hour `HH:MM:SS` with `isoClock`.
   */
  clock(at: number): string;
  /**
   * "4 Oct 2021, 15:42": a local date and time whatever the day (tables and reports), in the
   * language; with `zone`, the time zone too ("… UTC+1"), for a report read elsewhere.
   */
  moment(at: number, options?: { zone?: boolean }): string;
  /** "2 hours and 5 minutes", "3 days and 2 hours". */
  duration(ms: number): string;
  /**
   * "WhatsApp and Instagram" (and), "SMS, phone or e-mail" (or), "a, b, c" (plain), with the
   * language's own commas.
   */
  list(items: readonly string[], kind?: 'and' | 'or' | 'plain'): string;
  /** A country's name from its ISO code ("CI" → "Côte d’Ivoire"), the code itself if unknown. */
  region(code: string): string;
}

/** Creates an independent i18next instance for a language (no global state). */
export function createTranslator(language: Language, options: TranslatorOptions = {}): Translator {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: Object.fromEntries(
      Object.entries(RESOURCES).map(([lng, messages]) => [lng, { translation: messages }]),
    ),
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const t = instance.t.bind(instance) as TFunction;
  const locale = intlLocale(language);
  const hours = hourCycle(language);
  // Building an Intl formatter costs far more than using one: two, made once, serve every call.
  const lists = {
    and: new Intl.ListFormat(locale, { type: 'conjunction' }),
    or: new Intl.ListFormat(locale, { type: 'disjunction' }),
    plain: new Intl.ListFormat(locale, { type: 'unit', style: 'short' }),
  };
  let regions: Intl.DisplayNames | null = null;
  let today: Intl.DateTimeFormat | null = null;
  let otherDay: Intl.DateTimeFormat | null = null;
  let hourOnly: Intl.DateTimeFormat | null = null;
  let dayOnly: Intl.DateTimeFormat | null = null;
  let dayMonth: Intl.DateTimeFormat | null = null;
  let seconds: Intl.DateTimeFormat | null = null;
  const moments = new Map<boolean, Intl.DateTimeFormat>();
  let fullDate: Intl.DateTimeFormat | null = null;
  const hoursAndMinutes = new Map<boolean, Intl.DateTimeFormat>();
  function timeOf(at: number, now: number): string {
    const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
    if (sameDay) {
      today ??= new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...hours });
      return today.format(at);
    }
    otherDay ??= new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      ...hours,
    });
    return otherDay.format(at);
  }
  return {
    language,
    t,
    time: timeOf,
    at(key, at, now, values = {}, slot = 'time') {
      const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
      today ??= new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...hours });
      const time = today.format(at);
      if (sameDay) return t(key, { ...values, [slot]: time, time });
      if (!instance.exists(`${key}_day`)) return t(key, { ...values, [slot]: timeOf(at, now) });
      dayMonth ??= new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: language === 'ar' ? 'long' : 'short',
      });
      return t(key, { ...values, context: 'day', date: dayMonth.format(at), time });
    },
    when(at, now) {
      const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
      hourOnly ??= new Intl.DateTimeFormat(locale, {
        hour: 'numeric',
        minute: '2-digit',
        ...hours,
      });
      const time = hourOnly.format(at);
      if (sameDay) return t('time.today', { time });
      // French in digits ("04/08"): "août" would make an SMS Unicode.
      dayOnly ??= new Intl.DateTimeFormat(
        locale,
        language === 'fr'
          ? { day: '2-digit', month: '2-digit' }
          : { day: 'numeric', month: 'short' },
      );
      return t('time.otherDay', { date: dayOnly.format(at), time });
    },
    dated(key, at, values = {}, options = {}) {
      const zone = options.zone ?? false;
      fullDate ??= new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      });
      let time = hoursAndMinutes.get(zone);
      if (!time) {
        time = new Intl.DateTimeFormat(locale, {
          hour: '2-digit',
          minute: '2-digit',
          ...hours,
          ...(zone ? { timeZoneName: 'short' } : {}),
        });
        hoursAndMinutes.set(zone, time);
      }
      return t(key, { ...values, date: fullDate.format(at), time: time.format(at) });
    },
    clock(at) {
      if (options.isoClock) {
        const d = new Date(at);
        return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
      }
      seconds ??= new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        ...hours,
      });
      return seconds.format(at);
    },
    moment(at, options = {}) {
      const zone = options.zone ?? false;
      let format = moments.get(zone);
      if (!format) {
        format = new Intl.DateTimeFormat(locale, {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          ...hours,
          ...(zone ? { timeZoneName: 'short' } : {}),
        });
        moments.set(zone, format);
      }
      return format.format(at);
    },
    list(items, kind = 'and') {
      return lists[kind].format(items);
    },
    region(code) {
      regions ??= new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
    duration(ms) {
      const totalMinutes = Math.max(1, Math.round(ms / 60_000));
      // From a day on, days and hours ("7 days", "2 days and 3 hours"): minutes no longer matter.
      if (totalMinutes >= 24 * 60) {
        const totalHours = Math.round(totalMinutes / 60);
        const days = Math.floor(totalHours / 24);
        const hours = totalHours % 24;
        const d = t('duration.days', { count: days });
        return hours === 0
          ? d
          : t('duration.daysHours', { days: d, hours: t('duration.hours', { count: hours }) });
      }
      const hours = Math.floor(totalMinutes / 60);
      const minutes = totalMinutes % 60;
      const m = t('duration.minutes', { count: minutes });
      const h = t('duration.hours', { count: hours });
      if (hours === 0) return m;
      if (minutes === 0) return h;
      return t('duration.hoursMinutes', { hours: h, minutes: m });
    },
  };
}

/**
 * A left-to-right token placed inside a sentence (a host name, an address, a provider's own
 * English words): in Arabic it is isolated (U+2068 … U+2069), so its dots, slashes and colons
 * stay with it instead of being laid out by the Arabic around it. Other languages need nothing.
 */
export function isolated(token: string, language: Language): string {
  return isRtl(language) && token !== '' ? `\u2068${token}\u2069` : token;
}

/** RIGHT-TO-LEFT MARK: sets the direction of a line the system lays out on its own. */
const RLM = '\u200F';

/**
 * Text for a surface the operating system lays out (tray tooltip and menu, notifications): it
 * guesses each line's direction from its first strong letter, often "DNS", "Vigie" or a brand, so
 * every Arabic line starts with a right-to-left mark. Other languages are returned as they are.
 */
export function forSystem(text: string, language: Language): string {
  if (!isRtl(language)) return text;
  return text
    .split('\n')
    .map((line) => (line.startsWith(RLM) ? line : RLM + line))
    .join('\n');
}

/**
 * Evidence placed after a full stop starts a sentence: its first letter in capitals ("No answer
 * from …"). A first word that is an address ("chat.example answered …") or a code is left as it
 * is, and so is Arabic, which has no capitals.
 */
export function sentenceStart(text: string, language: Language): string {
  const first = text.split(/\s/, 1)[0] ?? '';
  if (/[.:/]\S/.test(first) || /^\p{Lu}/u.test(first)) return text;
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}
