// What a chosen set of services is estimated to cost in data, shown while the user picks.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../main/engine/catalog';
import { serviceBytesPerMonth } from '../../../shared/data-estimate';

const catalog = defaultConfig();
const month = (ids?: readonly string[]) =>
  catalog.services
    .filter((s) => (ids ? ids.includes(s.id) : s.enabled))
    .reduce((sum, s) => sum + serviceBytesPerMonth(s, catalog.intervalSeconds), 0);

describe('the data estimate', () => {
  it('gives the default set what the bench measured (522 MB a month), under 1 MB an hour', () => {
    const mb = month() / 1e6;
    expect(mb).toBeGreaterThan(470);
    expect(mb).toBeLessThan(575);
    expect(month() / (30 * 24)).toBeLessThan(1e6);
  });

  it('grows with what is chosen, and shrinks with a longer interval', () => {
    const wave = catalog.services.find((s) => s.id === 'wave');
    if (!wave) throw new Error('no wave');
    expect(month(['whatsapp', 'wave'])).toBeGreaterThan(month(['whatsapp']));
    expect(serviceBytesPerMonth(wave, 300)).toBeLessThan(serviceBytesPerMonth(wave, 60));
  });
});
