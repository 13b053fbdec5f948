// The overview's words: who is at fault, said in one sentence, in the user's language.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n';
import type { ServiceStatus, Snapshot } from '../../../shared/types';
import { banner, latencyOf, sortServices } from '../../../renderer/selectors';

const NOW = new Date(2021, 9, 4, 16, 0).getTime();
const SINCE = new Date(2021, 9, 4, 15, 42).getTime();
const en = createTranslator('en');

function service(
  id: string,
  state: ServiceStatus['state'],
  cause: ServiceStatus['cause'],
  extra: Partial<ServiceStatus> = {},
): ServiceStatus {
  return {
    id,
    name: id,
    critical: false,
    checkedAt: NOW,
    since: SINCE,
    state,
    cause,
    summary: '',
    probes: [],
    ...extra,
  };
}

function snapshot(
  services: ServiceStatus[],
  connectivity: Snapshot['connectivity']['state'] = 'online',
  overall: Snapshot['overall'] = 'outage',
): Snapshot {
  return {
    checkedAt: NOW,
    overall,
    connectivity: { state: connectivity, detail: '', references: [] },
    services,
    bytes: 0,
  };
}

describe('banner', () => {
  it('names the provider when it confirms, and the network when it does not', () => {
    expect(
      banner(snapshot([service('WhatsApp', 'down', 'provider', { provider: 'Meta' })]), en, NOW),
    ).toEqual({
      tone: 'danger',
      text: 'WhatsApp has been down for everyone since 03:42 PM — Meta’s status page confirms it',
    });
    expect(
      banner(snapshot([service('WhatsApp', 'down', 'network', { provider: 'Meta' })]), en, NOW)
        .text,
    ).toBe('Your network may be blocking WhatsApp: Meta says all is well');
  });
  it('counts the others, and says when nothing is judged', () => {
    const many = snapshot([
      service('A', 'down', 'unconfirmed'),
      service('B', 'degraded', 'unconfirmed'),
      service('C', 'down', 'provider'),
    ]);
    expect(banner(many, en, NOW).text).toMatch(/\. 2 other services are affected too\.$/);
    expect(banner(snapshot([], 'offline', 'offline'), en, NOW)).toEqual({
      tone: 'muted',
      text: 'You are offline: services are checked again once the connection is back',
    });
    expect(banner(snapshot([], 'captive', 'offline'), createTranslator('fr'), NOW).text).toMatch(
      /^Identification requise sur ce réseau/,
    );
    expect(banner(snapshot([service('A', 'up', null)], 'online', 'ok'), en, NOW)).toEqual({
      tone: 'ok',
      text: 'All services are up',
    });
  });
});

describe('service order and latency', () => {
  it('puts the worst and the critical first', () => {
    const order = sortServices([
      service('b', 'up', null, { critical: true }),
      service('a', 'up', null),
      service('c', 'down', 'provider'),
    ]);
    expect(order.map((s) => s.id)).toEqual(['c', 'b', 'a']);
  });
  it('shows the slowest passing direct probe, not cached ones', () => {
    const probes: ServiceStatus['probes'] = [
      {
        kind: 'dns',
        target: 'x',
        state: 'up',
        code: null,
        latencyMs: 12,
        bytes: 0,
        detail: '',
        attempts: 1,
      },
      {
        kind: 'http',
        target: 'x',
        state: 'up',
        code: null,
        latencyMs: 340,
        bytes: 0,
        detail: '',
        attempts: 1,
        cached: true,
      },
      {
        kind: 'tcp',
        target: 'x',
        state: 'up',
        code: null,
        latencyMs: 40,
        bytes: 0,
        detail: '',
        attempts: 1,
      },
    ];
    expect(latencyOf(service('a', 'up', null, { probes }))).toBe(40);
    expect(latencyOf(service('a', 'down', 'provider'))).toBeNull();
  });
});
