// Numbers as people read them, in their language, for the window and the command line: byte
// counts and uptime ratios, through Intl.
import { intlLocale, type Translator } from './i18n';

/** "1.2 MB", "830 kB", "120 bytes" with the language's digits and units. */
export function formatBytes(bytes: number, tr: Translator): string {
  const [unit, value] =
    bytes >= 1e6
      ? ['megabyte', bytes / 1e6]
      : bytes >= 1e3
        ? ['kilobyte', bytes / 1e3]
        : ['byte', bytes];
  // Latin digits in Arabic, as the rest of Vigie writes them (a phone set to Arabic shows so).
  return new Intl.NumberFormat(intlLocale(tr.language), {
    style: 'unit',
    unit,
    // "120 bytes", but "21.3 kB"; Arabic spells the unit out («ميغابايت»): its short form
    // («م.ب») is not one people read.
    unitDisplay: unit === 'byte' || tr.language === 'ar' ? 'long' : 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** "99.95 %" (or the language's own way); null when there is no data. */
export function formatRatio(ratio: number | null, tr: Translator): string {
  if (ratio === null) return tr.t('service.noData');
  // Never round a failure up to 100 %.
  const digits = ratio < 1 && ratio >= 0.9999 ? 3 : 2;
  const floored = Math.floor(ratio * 10 ** (digits + 2)) / 10 ** (digits + 2);
  return new Intl.NumberFormat(intlLocale(tr.language), {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(floored);
}

/**
 * "1 record", "60 records": a count and an English noun, for the words that stay English (probe
 * details, a history's warnings on stderr). What a person reads in their language goes through
 * i18n plurals instead.
 */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
