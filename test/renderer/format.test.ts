// The window's numbers and sentences, in each language.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n';
import { incidentOf } from '../helpers/incidents';
import {
  formatBytes,
  formatDay,
  formatRatio,
  incidentSpan,
  incidentsOnDay,
  latencySummary,
  probeLine,
} from '../../renderer/format';

const en = createTranslator('en');
const fr = createTranslator('fr');
const ar = createTranslator('ar');
const at = (d: number, h = 0) => new Date(2021, 9, d, h).getTime();

const incident = (start: number, end: number | null) => incidentOf({ start, end });

describe('formatting', () => {
  it('never rounds an outage up to 100 %, and says when there is no data', () => {
    expect(formatRatio(1, en)).toBe('100%');
    expect(formatRatio(0.99996, en)).toBe('99.996%');
    expect(formatRatio(0.99999, en)).toBe('99.999%');
    expect(formatRatio(0.9972, fr)).toBe('99,72\u00a0%');
    expect(formatRatio(null, en)).toBe('no data yet');
  });

  it('writes Arabic uptimes and days with Latin digits, as every other number of the window', () => {
    expect(formatRatio(0.9972, ar)).toMatch(/^99\.72\u200e?%/u);
    expect(formatDay(at(4), ar)).toMatch(/ 4 أكتوبر$/u);
  });

  it('writes byte counts as people read them', () => {
    expect(formatBytes(120, en)).toBe('120 bytes');
    expect(formatBytes(120, fr)).toMatch(/^120\soctets$/);
    expect(formatBytes(21_340, en)).toBe('21.3 kB');
    expect(formatBytes(1_250_000, fr)).toBe('1,3\u202fMo');
    // Arabic spells the unit out: «م.ب» is not an abbreviation people read.
    expect(formatBytes(165_600_000, ar)).toMatch(/^165\.6\sميغابايت$/);
    expect(formatBytes(3_500, ar)).toMatch(/^3\.5\sكيلوبايت$/);
  });

  it('tells an incident’s span, ended or ongoing, in the language', () => {
    const now = at(4, 18);
    expect(incidentSpan(incident(at(4, 15), at(4, 17)), en, now)).toBe(
      'Started 03:00 PM · ended 05:00 PM · lasted 2 hours',
    );
    expect(incidentSpan(incident(at(4, 15), null), fr, now)).toBe(
      'Début 15:00 · en cours depuis 3 heures',
    );
    expect(incidentSpan(incident(at(4, 15), null), ar, now)).toMatch(
      /^بدأت .+ · مستمرة منذ 3 ساعات$/,
    );
  });

  it('finds the incidents of a day, including one that began the day before', () => {
    const overnight = incident(at(3, 23), at(4, 1));
    const later = incident(at(5, 2), at(5, 3));
    expect(incidentsOnDay([overnight, later], at(4), at(6))).toEqual([overnight]);
    expect(incidentsOnDay([incident(at(2), null)], at(4), at(6))).toHaveLength(1);
  });

  it('says what a probe found, from live results or stored evidence', () => {
    const base = { latencyMs: 12, bytes: 0, detail: 'x', attempts: 1 } as const;
    expect(
      probeLine({ ...base, kind: 'dns', target: 'web.whatsapp.com', state: 'up', code: null }, en),
    ).toBe('web.whatsapp.com answered in 12 ms');
    expect(
      probeLine(
        {
          kind: 'http',
          target: 'https://chat.example:8443/x',
          state: 'down',
          code: 'HTTP_STATUS',
          detail: 'HTTP 503',
        },
        fr,
      ),
    ).toBe('chat.example a répondu par l’erreur 503');
    expect(
      probeLine(
        {
          kind: 'statuspage',
          target: 'https://s/',
          state: 'down',
          code: null,
          detail: 'Major System Outage',
        },
        en,
      ),
    ).toBe('status page: Major System Outage');
    expect(
      probeLine(
        {
          kind: 'statuspage',
          target: 'https://s/',
          state: 'unknown',
          code: null,
          detail: 'status source unreachable: timeout',
        },
        en,
      ),
    ).toBe('the status page could not be reached or read');
  });

  it('sums up a latency series: the median of typical values, the worst slow one', () => {
    expect(latencySummary([])).toBeNull();
    expect(
      latencySummary([
        { t: 1, p50: 100, p95: 150, max: 200 },
        { t: 2, p50: 300, p95: 900, max: 950 },
        { t: 3, p50: 120, p95: 160, max: 170 },
      ]),
    ).toEqual({ p50: 120, p95: 900 });
  });
});

describe('the second opinion kept in an incident', () => {
  const evidence = {
    kind: 'second-opinion',
    target: 'web.whatsapp.com',
    state: 'country',
    code: null,
    detail: 'reached from other networks: 0/3 in MA, 3/3 elsewhere',
    opinion: {
      country: { code: 'MA', asked: 3, reachable: 0 },
      world: { asked: 3, reachable: 3 },
      checkedAt: 0,
      outcome: 'country' as const,
      check: 'http' as const,
      target: 'web.whatsapp.com',
      bytes: 0,
    },
  };
  it('reads in the reader’s language, with the country named in it', () => {
    expect(probeLine(evidence, en)).toBe(
      'unreachable from every network checked in Morocco, from 3 of 3 networks elsewhere',
    );
    expect(probeLine(evidence, fr)).toBe(
      'injoignable depuis tous les réseaux interrogés dans votre pays (Maroc), depuis 3 réseaux sur 3 ailleurs',
    );
    expect(probeLine(evidence, ar)).toContain('المغرب');
    expect(probeLine(evidence, ar)).toContain('في أماكن أخرى');
  });
});
