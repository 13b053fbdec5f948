// Connectivity first (docs/design.md#connectivity), judged from the references' answers.
import { describe, expect, it } from 'vitest';
import type { ConnectivityTarget } from '../../../../shared/config-schema';
import type { ProbeResult } from '../../../../shared/types';
import { judgeConnectivity } from '../../../../main/engine/connectivity';

const target = (url: string): ConnectivityTarget => ({ url, expectStatus: 204, timeoutMs: 1000 });
const answer = (
  state: ProbeResult['state'],
  code: ProbeResult['code'] = null,
  detail = '',
): ProbeResult => ({
  kind: 'http',
  target: 'x',
  state,
  code,
  latencyMs: 1,
  bytes: 1,
  detail,
  attempts: 1,
});

const targets = [
  target('http://a.example/'),
  target('http://b.example/'),
  target('http://1.1.1.1/'),
];

describe('judgeConnectivity', () => {
  it('is online when at least half the references answer as expected', () => {
    expect(
      judgeConnectivity(targets, [answer('up'), answer('up'), answer('down', 'TIMEOUT')]).state,
    ).toBe('online');
    expect(
      judgeConnectivity(targets.slice(0, 2), [answer('up'), answer('down', 'TIMEOUT')]).state,
    ).toBe('online');
  });
  it('is offline when fewer than half answer', () => {
    const result = judgeConnectivity(targets, [
      answer('up'),
      answer('down', 'TIMEOUT'),
      answer('down', 'CONN_REFUSED'),
    ]);
    expect(result).toMatchObject({
      state: 'offline',
      detail: '1/3 references answered: this machine looks offline',
    });
  });
  it('is captive when a reference answers with something else (a redirect, a login page)', () => {
    const result = judgeConnectivity(targets, [
      answer('degraded', 'HTTP_STATUS', 'redirected to http://login'),
      answer('down', 'TIMEOUT'),
      answer('down', 'TIMEOUT'),
    ]);
    expect(result.state).toBe('captive');
    expect(result.detail).toContain('redirected to http://login');
  });
  it('is dns-broken when names fail to resolve while IP literals answer', () => {
    const result = judgeConnectivity(targets, [
      answer('down', 'DNS_SERVFAIL'),
      answer('down', 'DNS_TIMEOUT'),
      answer('up'),
    ]);
    expect(result.state).toBe('dns-broken');
  });
  it('is plain offline when names fail and IP literals fail too', () => {
    expect(
      judgeConnectivity(targets, [
        answer('down', 'DNS_NXDOMAIN'),
        answer('down', 'DNS_NXDOMAIN'),
        answer('down', 'HTTP_STATUS'),
      ]).state,
    ).toBe('offline');
  });
});
