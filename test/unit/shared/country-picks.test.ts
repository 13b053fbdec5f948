// The first run's country suggestions as data: every pick a catalog service, every country's list
// with the public facts behind it, and what no source supports marked as a judgement.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../main/engine/catalog';
import { COUNTRY_PICK_SOURCES, countryPicks } from '../../../shared/country-picks';

const catalogIds = new Set(defaultConfig().services.map((s) => s.id));
const countries = Object.entries(COUNTRY_PICK_SOURCES);

describe('the country suggestions', () => {
  it('cover the countries the first run offers, each by its ISO code', () => {
    expect(countries.length).toBeGreaterThanOrEqual(20);
    for (const [country] of countries) expect(country).toMatch(/^[A-Z]{2}$/);
  });

  it.each(countries)('%s names catalog services that exist, once each', (_, pick) => {
    expect(pick.ids.length).toBeGreaterThan(0);
    expect(pick.ids.filter((id) => !catalogIds.has(id))).toEqual([]);
    expect(new Set(pick.ids).size).toBe(pick.ids.length);
  });

  it.each(countries)('%s says where its picks come from, and which are a judgement', (_, pick) => {
    // A note that names a source and a date, or says plainly that none was found.
    expect(pick.source.length).toBeGreaterThan(40);
    expect(pick.source).toMatch(/\b(19|20)\d\d\b|no public figure/i);
    expect(pick.judgement.filter((id) => !pick.ids.includes(id))).toEqual([]);
    // Whatever no source supports is said so in the note as well.
    if (pick.judgement.length > 0) expect(pick.source).toMatch(/no public (figure|source)/i);
  });

  it('keeps the picks the issue names for Côte d’Ivoire and France, and drops what nothing supports', () => {
    expect(countryPicks('ci')).toEqual(
      expect.arrayContaining([
        'whatsapp',
        'facebook',
        'tiktok',
        'orange-money',
        'mtn-momo',
        'wave',
      ]),
    );
    expect(countryPicks('FR')).toEqual(
      expect.arrayContaining(['instagram', 'linkedin', 'google-workspace', 'canva']),
    );
    expect(COUNTRY_PICK_SOURCES['FR']?.judgement).toEqual(
      expect.arrayContaining(['google-workspace', 'canva']),
    );
    expect(countryPicks('TG')).not.toContain('paydunya');
    expect(countryPicks('ZZ')).toBeNull();
    expect(countryPicks(null)).toBeNull();
  });
});
