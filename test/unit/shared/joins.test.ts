// Separators belong to the catalogue: the marks between translated pieces (": ", " — ", " · ",
// "→") come from `join.*`, so French puts its no-break space before a colon and Arabic points its
// arrow the way it reads. Code that writes them itself is found by a scan of the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeChange } from '../../../main/cli/output';
import { incidentSpan } from '../../../renderer/format';
import { createTranslator } from '../../../shared/i18n';
import type { Incident } from '../../../shared/history-types';
import type { VerdictChange } from '../../../shared/types';
import { statusOf } from '../../helpers/statuses';

const AT = new Date(2021, 9, 4, 17, 30).getTime();
const SINCE = new Date(2021, 9, 4, 15, 42).getTime();

const change = (
  from: 'up' | 'down',
  to: 'up' | 'down',
  cause: 'provider' | 'network' | null,
): VerdictChange => ({
  serviceId: 'whatsapp',
  name: 'WhatsApp',
  at: AT,
  previous: statusOf('WhatsApp', from, from === 'up' ? null : 'network', { at: AT, since: SINCE }),
  current: statusOf('WhatsApp', to, cause, { at: AT, since: AT }, { provider: 'Meta' }),
});

describe('a watch line joins its pieces the language’s way', () => {
  it('French puts a no-break space before the colon after the name', () => {
    const line = describeChange(change('up', 'down', 'provider'), createTranslator('fr'));
    expect(line).toContain('WhatsApp\u00a0: ');
    expect(line).not.toContain('WhatsApp: ');
  });

  it('Arabic points the arrow from the old state (on the right) to the new one', () => {
    const tr = createTranslator('ar');
    const line = describeChange(change('up', 'down', 'provider'), tr);
    expect(line).toContain(`${tr.t('state.up')} ← ${tr.t('state.down')}`);
    expect(line).not.toContain('→');
    const causes = describeChange(change('down', 'down', 'provider'), tr);
    expect(causes).toContain('←');
    expect(causes).not.toContain('→');
  });

  it('English keeps "up → down (cause) — evidence"', () => {
    const line = describeChange(change('up', 'down', 'provider'), createTranslator('en'));
    expect(line).toMatch(/WhatsApp: up → down \(on WhatsApp’s side\) — /);
  });
});

describe('the incident span of the window', () => {
  it('is joined by the catalogue’s dots', () => {
    const incident = {
      start: SINCE,
      end: AT,
    } as Incident;
    const tr = createTranslator('fr');
    const pieces = incidentSpan(incident, tr, AT).split(' · ');
    expect(pieces).toHaveLength(3);
  });
});

/** Source files whose text reaches a person in their language. */
const ROOTS = [
  'main/cli',
  'main/shell',
  'main/alerts',
  'main/playbooks',
  'main/app',
  'shared',
  'renderer',
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

it('no user-facing source writes a separator of its own', () => {
  const found: string[] = [];
  for (const file of ROOTS.flatMap(sources)) {
    // The catalogues are where separators live.
    if (/shared[/\\]i18n[/\\](en|fr|ar|.*-strings)\.ts$/.test(file)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const code = line.replace(/\/\/.*$|^\s*\*.*$|^\s*\/\*.*$/, '');
        // " — ", " · " and arrows inside a string, a template or JSX text.
        if (/(['"`}]|^\s*)[^'"`]*( — | · |→|←)/.test(code) && /( — | · |→|←)/.test(code))
          found.push(`${file}:${index + 1}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});
