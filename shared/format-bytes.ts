// Byte counts as people read them, in their language: the window, the tray and the command line.
import type { Translator } from './i18n';

/** "1.2 MB", "830 kB", "120 bytes" with the language's digits and units. */
export function formatBytes(bytes: number, tr: Translator): string {
  const [unit, value] =
    bytes >= 1e6
      ? ['megabyte', bytes / 1e6]
      : bytes >= 1e3
        ? ['kilobyte', bytes / 1e3]
        : ['byte', bytes];
  return new Intl.NumberFormat(tr.language, {
    style: 'unit',
    unit,
    // "120 bytes", but "21.3 kB".
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
