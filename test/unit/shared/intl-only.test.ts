// Numbers, percentages and dates a person reads are formatted by Intl in their language (through
// the translator or shared/format.ts), never by hand: a test that fails when code or a message
// formats one itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ar } from '../../../shared/i18n/ar';
import { en } from '../../../shared/i18n/en';
import { fr } from '../../../shared/i18n/fr';

const ROOT = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe('formatting goes through Intl', () => {
  it('no code formats a number or a date by hand (toFixed, toLocale… without a language)', () => {
    const hand = /\.toFixed\(|\.toLocale(Date|Time)?String\(\)/;
    const found = ['main', 'renderer', 'shared'].flatMap((dir) =>
      sources(join(ROOT, dir))
        .filter((file) => hand.test(readFileSync(file, 'utf8')))
        .map((file) => relative(ROOT, file)),
    );
    expect(found).toEqual([]);
  });

  it('every Intl formatter takes its locale from intlLocale: Arabic keeps Latin digits', () => {
    // `new Intl.DateTimeFormat(tr.language, …)` writes Arabic with Arabic-Indic digits and a
    // 12-hour clock, unlike every other number and time of Vigie.
    const bare = /new Intl\.(DateTimeFormat|NumberFormat)\(\s*(tr\.)?language\b/;
    const found = ['main', 'renderer', 'shared'].flatMap((dir) =>
      sources(join(ROOT, dir))
        .filter((file) => bare.test(readFileSync(file, 'utf8')))
        .map((file) => relative(ROOT, file)),
    );
    expect(found).toEqual([]);
  });

  it('no message glues a % or a unit to a raw number: values come formatted', () => {
    for (const messages of [en, fr, ar]) {
      const glued = strings(messages).filter(([, text]) => /\{\{\s*\w+\s*\}\}\s?%/.test(text));
      expect(glued).toEqual([]);
    }
  });
});
