// What `watch` prints for each confirmed change, as a person reads it.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../../shared/i18n';
import type { ServiceStatus, VerdictChange } from '../../../../shared/types';
import { describeChange, saidByConnectivity } from '../../../../main/cli/output';

const AT = new Date(2021, 9, 4, 17, 12, 5).getTime();
const status = (
  state: ServiceStatus['state'],
  cause: ServiceStatus['cause'],
  since?: number,
): ServiceStatus => ({
  id: 'whatsapp',
  name: 'WhatsApp',
  critical: true,
  checkedAt: AT,
  state,
  cause,
  summary: '',
  probes: [],
  ...(since !== undefined ? { since } : {}),
});
const change = (previous: ServiceStatus | null, current: ServiceStatus): VerdictChange => ({
  serviceId: 'whatsapp',
  name: 'WhatsApp',
  at: AT,
  previous,
  current,
});
const en = createTranslator('en');

describe('watch lines', () => {
  it('a recovery says how long the trouble lasted', () => {
    const line = describeChange(
      change(status('down', 'provider', AT - 90 * 60_000), status('up', null)),
      en,
    );
    expect(line).toMatch(
      /^05:12:05 PM {2}WhatsApp: down → up \(after 1 hour and 30 minutes down\) — /,
    );
  });

  it('a change of cause alone says the causes, never "down → down"', () => {
    const line = describeChange(change(status('down', 'network'), status('down', 'provider')), en);
    expect(line).toMatch(/^05:12:05 PM {2}WhatsApp: down \(your network → their side\) — /);
    expect(line).not.toContain('down → down');
  });

  it('in French, with the local clock', () => {
    const line = describeChange(
      change(status('down', 'provider', AT - 5 * 60_000), status('up', null)),
      createTranslator('fr'),
    );
    expect(line).toMatch(
      /^17:12:05 {2}WhatsApp: en panne → en service \(après 5 minutes en panne\)/,
    );
  });

  it('"unknown because this machine is offline" is left to the one connectivity line', () => {
    expect(saidByConnectivity(change(null, status('unknown', 'local')))).toBe(true);
    expect(saidByConnectivity(change(null, status('unknown', 'unconfirmed')))).toBe(false);
    expect(saidByConnectivity(change(status('up', null), status('down', 'network')))).toBe(false);
  });
});
