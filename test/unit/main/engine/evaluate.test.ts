// The verdict table of DESIGN, row by row (first matching row wins).
import { describe, expect, it } from 'vitest';
import type { OfficialState, ProbeResult, ProbeState } from '../../../../shared/types';
import { evaluate } from '../../../../main/engine/evaluate';

const direct = (state: ProbeState, code: ProbeResult['code'] = null): ProbeResult => ({
  kind: 'http',
  target: 'https://chat.example/',
  state,
  code: state === 'down' ? (code ?? 'TIMEOUT') : code,
  latencyMs: 10,
  bytes: 100,
  detail: state === 'down' ? 'no answer from https://chat.example/' : 'HTTP 200',
  attempts: 1,
});

const official = (state: OfficialState | 'unreachable'): ProbeResult => {
  const base = {
    kind: 'statuspage' as const,
    target: 'https://status.example/api/v2/summary.json',
    latencyMs: 5,
    bytes: 50,
    attempts: 1,
  };
  if (state === 'unreachable')
    return {
      ...base,
      state: 'unknown',
      code: 'BAD_PAYLOAD',
      detail: 'status source unreachable: HTML',
    };
  const probeState = (
    { operational: 'up', degraded: 'degraded', major: 'down', maintenance: 'maintenance' } as const
  )[state];
  return {
    ...base,
    state: probeState,
    code: null,
    detail: state,
    official: {
      state,
      description: `page says ${state}`,
      messages: state === 'operational' ? [] : [{ title: 'Messages failing' }],
    },
  };
};

const up = direct('up');
const down = direct('down');
const slow = direct('degraded', 'SLOW');

describe('verdict and cause (DESIGN, Detection 3)', () => {
  it.each([
    // official says,        direct probes,  verdict,       cause
    ['major', [up, up], 'down', 'provider'],
    ['major', [down, down], 'down', 'provider'],
    ['operational', [down, down], 'down', 'network'],
    ['degraded', [down, down], 'down', 'provider'],
    ['maintenance', [down, down], 'down', 'provider'],
    ['unreachable', [down, down], 'down', 'provider'],
    ['none', [down, down], 'down', 'unconfirmed'],
    ['degraded', [up, down], 'degraded', 'provider'],
    ['degraded', [up, up], 'degraded', 'provider'],
    ['operational', [up, down], 'degraded', 'unconfirmed'],
    ['none', [up, slow], 'degraded', 'unconfirmed'],
    ['maintenance', [up, down], 'degraded', 'unconfirmed'],
    ['unreachable', [up, slow], 'degraded', 'unconfirmed'],
    ['maintenance', [up, up], 'maintenance', 'provider'],
    ['operational', [up, up], 'up', null],
    ['unreachable', [up, up], 'up', null],
    ['none', [up, up], 'up', null],
  ] as const)('official %s with direct %j is %s / %s', (says, probes, state, cause) => {
    const results = says === 'none' ? [...probes] : [...probes, official(says)];
    expect(evaluate(results)).toMatchObject({ state, cause });
  });

  it.each([
    ['major', 'down', 'provider'],
    ['degraded', 'degraded', 'provider'],
    ['maintenance', 'maintenance', 'provider'],
    ['operational', 'up', null],
    ['unreachable', 'unknown', null],
  ] as const)('a service with only an official source that says %s is %s', (says, state, cause) => {
    expect(evaluate([official(says)])).toMatchObject({ state, cause });
  });

  it('two official sources: the worst that answered counts, an unreachable one is ignored', () => {
    expect(evaluate([up, official('unreachable'), official('degraded')])).toMatchObject({
      state: 'degraded',
      cause: 'provider',
    });
  });

  it('the summary names what failed and what the provider says', () => {
    const verdict = evaluate([direct('down', 'DNS_SERVFAIL'), official('unreachable')]);
    expect(verdict.summary).toBe('no answer from https://chat.example/; status page unreachable');
    expect(evaluate([up, official('major')]).summary).toBe(
      'status page: page says major — "Messages failing"',
    );
    expect(evaluate([up, up]).summary).toBe('all 2 check(s) passed');
  });
});
