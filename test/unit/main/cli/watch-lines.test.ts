// What `watch` prints for each confirmed change, as a person reads it.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../../shared/i18n';
import type { ServiceStatus, Snapshot, VerdictChange } from '../../../../shared/types';
import { describeChange, saidByConnectivity } from '../../../../main/cli/output';
import { WatchPrinter } from '../../../../main/cli/watch-printer';
import { terminalChannel } from '../../../../main/alerts/terminal';
import type { AlertChannel, AlertMessage } from '../../../../main/alerts/channel';

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
    expect(line).toMatch(/^05:12:05 PM {2}WhatsApp: down \(your network → on WhatsApp’s side\) — /);
    expect(line).not.toContain('down → down');
  });

  it('in French, with the local clock', () => {
    const line = describeChange(
      change(status('down', 'provider', AT - 5 * 60_000), status('up', null)),
      createTranslator('fr'),
    );
    expect(line).toMatch(
      /^17:12:05 {2}WhatsApp\u00a0: en panne → en service \(après 5 minutes en panne\)/,
    );
  });

  it('"unknown because this machine is offline" is left to the one connectivity line', () => {
    expect(saidByConnectivity(change(null, status('unknown', 'local')))).toBe(true);
    expect(saidByConnectivity(change(null, status('unknown', 'unconfirmed')))).toBe(false);
    expect(saidByConnectivity(change(status('up', null), status('down', 'network')))).toBe(false);
  });
});

describe('watch prints in time order', () => {
  const snapshot = (checkedAt: number, overall: Snapshot['overall']): Snapshot => ({
    checkedAt,
    overall,
    connectivity: { state: 'online', detail: '', references: [] },
    services: [],
    bytes: 0,
  });

  it('a check that started early but settled late is printed before the later lines', () => {
    const lines: string[] = [];
    const printer = new WatchPrinter(
      en,
      terminalChannel((line) => lines.push(line)),
      () => AT,
    );
    printer.snapshot(snapshot(AT - 10_000, 'ok'));
    const late = { ...change(status('up', null), status('down', 'provider')), at: AT - 2_000 };
    const early = { ...change(status('up', null), status('degraded', 'provider')), at: AT - 5_000 };
    printer.change(late);
    printer.change(early);
    // Nothing printed until the snapshot that follows the changes.
    expect(lines).toHaveLength(2);
    printer.snapshot(snapshot(AT, 'outage'));
    const stamps = lines.slice(2).map((line) => line.split('  ')[0]);
    expect(stamps).toEqual([en.clock(AT - 5_000), en.clock(AT - 2_000), en.clock(AT)]);
    expect(lines.at(-1)).toMatch(/ {2}Overall: /);
  });

  it('each line leaves through the terminal channel’s send(), about its service when it has one', () => {
    const sent: AlertMessage[] = [];
    const channel: AlertChannel = {
      ...terminalChannel(() => undefined),
      send: (message) => {
        sent.push(message);
        return Promise.resolve({ kind: 'accepted' });
      },
    };
    const printer = new WatchPrinter(en, channel, () => AT);
    printer.snapshot(snapshot(AT - 10_000, 'ok'));
    printer.change(change(status('up', null), status('down', 'provider')));
    printer.snapshot(snapshot(AT, 'outage'));
    expect(sent.map((m) => [m.event, m.service?.id ?? null, m.state, m.body])).toEqual([
      ['notice', null, null, ''],
      ['notice', null, null, ''],
      ['notice', 'whatsapp', 'down', ''],
      ['notice', null, null, ''],
    ]);
    expect(sent[2]!.title).toBe(
      describeChange(change(status('up', null), status('down', 'provider')), en),
    );
  });
});
