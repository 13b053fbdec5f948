// The verdict table (docs/design.md#verdict), row by row (first matching row wins), with layered reachability:
// a look-up that answers never makes an unreachable service "partly up".
import { describe, expect, it } from 'vitest';
import type {
  DirectProbeKind,
  OfficialScope,
  OfficialState,
  OpinionOutcome,
  ProbeResult,
  ProbeState,
  PublicContext,
  SecondOpinion,
} from '../../../../shared/types';
import { evaluate } from '../../../../main/engine/evaluate';
import { REAL_START } from '../../../helpers/clock';

const probe = (
  kind: DirectProbeKind,
  state: ProbeState,
  code: ProbeResult['code'] = null,
): ProbeResult => ({
  kind,
  target: kind === 'http' ? 'https://chat.example/' : 'chat.example',
  state,
  code: state === 'down' ? (code ?? 'TIMEOUT') : code,
  latencyMs: 10,
  bytes: 100,
  detail: state === 'down' ? `no answer from chat.example (${kind})` : 'fine',
  attempts: 1,
});

const official = (
  state: OfficialState | 'unreachable',
  scope: OfficialScope = 'service',
): ProbeResult => {
  const base = {
    kind: 'statuspage' as const,
    target: 'https://status.example/api/v2/summary.json',
    latencyMs: 5,
    bytes: 50,
    attempts: 1,
    scope,
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
      ...(scope === 'related' ? { subject: 'Chat Business Platform' } : {}),
    },
  };
};

const opinion = (outcome: OpinionOutcome): SecondOpinion => ({
  country: { code: 'CI', asked: 3, reachable: outcome === 'network' ? 3 : 0 },
  world: { asked: 3, reachable: outcome === 'everywhere' ? 0 : 3 },
  checkedAt: REAL_START,
  outcome,
  check: 'http',
  target: 'chat.example',
  bytes: 0,
  ...(outcome === 'failed' ? { failure: 'rate-limited' } : {}),
});

const dnsUp = probe('dns', 'up');
const dnsDown = probe('dns', 'down', 'DNS_SERVFAIL');
const httpUp = probe('http', 'up');
const httpDown = probe('http', 'down', 'CONN_REFUSED');
const tcpUp = probe('tcp', 'up');
const tcpDown = probe('tcp', 'down', 'TIMEOUT');
const tlsDown = probe('tls', 'down', 'CONN_RESET');
const httpSlow = probe('http', 'degraded', 'SLOW');
/** Names resolve, every connection fails: the shape of most real outages and network blocks. */
const unreachable = [dnsUp, tcpDown, httpDown];

describe('layered reachability', () => {
  it('names that resolve do not rescue a service whose connections all fail', () => {
    expect(evaluate(unreachable)).toMatchObject({ state: 'down', cause: 'unconfirmed' });
  });

  it('TCP connects but TLS is reset (a block): unreachable all the same', () => {
    expect(evaluate([dnsUp, tcpUp, tlsDown, httpDown])).toMatchObject({ state: 'down' });
    expect(evaluate([dnsUp, tcpUp, httpDown, official('operational')])).toMatchObject({
      state: 'down',
      cause: 'network',
    });
  });

  it('some connections of the top layer pass, some fail: partial trouble', () => {
    const other = { ...httpDown, target: 'https://api.chat.example/' };
    expect(evaluate([dnsUp, httpUp, other])).toMatchObject({ state: 'degraded' });
    expect(evaluate([dnsUp, tcpDown, httpUp])).toMatchObject({ state: 'degraded' });
  });

  it('a service with only DNS probes is unreachable when every look-up fails', () => {
    expect(evaluate([dnsDown, dnsDown])).toMatchObject({ state: 'down', cause: 'unconfirmed' });
    expect(evaluate([dnsUp, dnsDown])).toMatchObject({ state: 'degraded', cause: 'unconfirmed' });
  });

  it('a failing look-up beside an answering connection is partial trouble', () => {
    expect(evaluate([dnsDown, httpUp])).toMatchObject({ state: 'degraded', cause: 'unconfirmed' });
  });
});

describe('verdict and cause (docs/design.md#verdict), one test per row', () => {
  it('row 1: a source of either scope reports a major outage → down / provider', () => {
    expect(evaluate([dnsUp, httpUp, official('major')])).toMatchObject({
      state: 'down',
      cause: 'provider',
    });
    expect(evaluate([...unreachable, official('major', 'related')])).toMatchObject({
      state: 'down',
      cause: 'provider',
    });
  });

  it('row 1b: unreachable, every routes prefix withdrawn → down / provider, whatever else says', () => {
    const routes = (seeing: number): PublicContext => ({
      routes: {
        checkedAt: Date.UTC(2021, 9, 4, 15, 45),
        prefixes: [
          { prefix: '129.134.30.0/23', collectors: 3, seeing: 0 },
          { prefix: '185.89.218.0/23', collectors: 3, seeing },
        ],
        withdrawn: seeing === 0,
        bytes: 0,
      },
      ooni: null,
      ioda: null,
    });
    const names = [dnsDown, probe('http', 'down', 'DNS_SERVFAIL'), official('operational')];
    expect(evaluate(names, opinion('network'), routes(0))).toMatchObject({
      state: 'down',
      cause: 'provider',
    });
    // One prefix still announced: routing is evidence only.
    expect(evaluate(names, opinion('network'), routes(3))).toMatchObject({ cause: 'network' });
    // Withdrawn routes never make a reachable service down.
    expect(evaluate([dnsUp, httpUp], null, routes(0))).toMatchObject({ state: 'up' });
  });

  it('row 2: unreachable, unreachable from most networks everywhere → down / provider', () => {
    expect(
      evaluate([...unreachable, official('operational')], opinion('everywhere')),
    ).toMatchObject({ state: 'down', cause: 'provider' });
  });

  it('row 3: unreachable, unreachable in the country but reachable elsewhere → down / regional', () => {
    expect(evaluate(unreachable, opinion('country'))).toMatchObject({
      state: 'down',
      cause: 'regional',
    });
  });

  it('row 4: unreachable, reachable from other networks in the country → down / network', () => {
    expect(
      evaluate([...unreachable, official('operational', 'related')], opinion('network')),
    ).toMatchObject({ state: 'down', cause: 'network' });
  });

  it('row 5: unreachable, a service source says operational → down / network', () => {
    expect(evaluate([...unreachable, official('operational')])).toMatchObject({
      state: 'down',
      cause: 'network',
    });
    // An inconclusive or failed second opinion leaves the row as it was.
    expect(evaluate([...unreachable, official('operational')], opinion('failed'))).toMatchObject({
      cause: 'network',
    });
  });

  it('row 6: unreachable, a service source reports degraded or maintenance → down / provider', () => {
    for (const says of ['degraded', 'maintenance'] as const) {
      expect(evaluate([...unreachable, official(says)])).toMatchObject({
        state: 'down',
        cause: 'provider',
      });
    }
  });

  it('row 7: unreachable, nothing else (no source, related all well, sources unreachable) → down / unconfirmed', () => {
    for (const extra of [[], [official('operational', 'related')], [official('unreachable')]]) {
      expect(evaluate([...unreachable, ...extra], opinion('inconclusive'))).toMatchObject({
        state: 'down',
        cause: 'unconfirmed',
      });
    }
  });

  it('row 8: a source of either scope reports degraded while reachable → degraded / provider', () => {
    expect(evaluate([dnsUp, httpUp, official('degraded')])).toMatchObject({
      state: 'degraded',
      cause: 'provider',
    });
    expect(evaluate([dnsUp, tcpDown, httpUp, official('degraded', 'related')])).toMatchObject({
      state: 'degraded',
      cause: 'provider',
    });
  });

  it('row 9: some direct probes fail, or one is slow → degraded / unconfirmed', () => {
    expect(evaluate([dnsDown, tcpDown, httpUp, official('operational')])).toMatchObject({
      state: 'degraded',
      cause: 'unconfirmed',
    });
    expect(evaluate([dnsUp, httpSlow])).toMatchObject({ state: 'degraded', cause: 'unconfirmed' });
  });

  it('row 10: a service source reports maintenance, all direct probes pass → maintenance / provider', () => {
    expect(evaluate([dnsUp, httpUp, official('maintenance')])).toMatchObject({
      state: 'maintenance',
      cause: 'provider',
    });
    expect(evaluate([dnsUp, httpUp, official('maintenance', 'related')])).toMatchObject({
      state: 'up',
    });
  });

  it('row 11: otherwise → up', () => {
    for (const extra of [[], [official('operational')], [official('unreachable')]]) {
      expect(evaluate([dnsUp, httpUp, ...extra])).toMatchObject({ state: 'up', cause: null });
    }
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
    expect(evaluate([httpUp, official('unreachable'), official('degraded')])).toMatchObject({
      state: 'degraded',
      cause: 'provider',
    });
  });
});

describe('the summary', () => {
  it('names what failed, what the provider says, and for which product', () => {
    expect(evaluate([dnsDown, official('unreachable')]).summary).toBe(
      'no answer from chat.example (dns); status page unreachable',
    );
    expect(evaluate([httpUp, official('major')], null, null, 'ChatCo').summary).toBe(
      'down for everyone — ChatCo’s status page confirms; ChatCo’s status page: page says major — "Messages failing"',
    );
    expect(
      evaluate([...unreachable, official('major', 'related')], null, null, 'ChatCo').summary,
    ).toContain('ChatCo’s status page: Chat Business Platform: page says major');
    expect(evaluate([dnsUp, httpUp]).summary).toBe('all 2 checks passed');
    expect(evaluate([])).toMatchObject({ state: 'unknown', summary: 'no probe configured' });
  });

  it('says what other networks saw', () => {
    expect(evaluate(unreachable, opinion('country')).summary).toContain(
      'reached from other networks: 0/3 in CI, 3/3 elsewhere',
    );
    expect(evaluate(unreachable, opinion('failed')).summary).toContain(
      'no second opinion (rate-limited)',
    );
  });

  // The banner's sentence for each cause (shared/story.ts), and the summary's first words.
  it.each([
    [
      'a related product in major disruption',
      () => evaluate([dnsUp, httpUp, official('major', 'related')], null, null, 'ChatCo'),
      'down for everyone — ChatCo reports a major disruption of Chat Business Platform; ',
    ],
    [
      'its own page in major outage',
      () => evaluate([dnsUp, httpUp, official('major')], null, null, 'ChatCo'),
      'down for everyone — ChatCo’s status page confirms; ',
    ],
    [
      'other networks everywhere fail too',
      () => evaluate(unreachable, opinion('everywhere'), null, 'ChatCo'),
      'down for everyone — checks from other networks confirm it; no answer from chat.example (tcp)',
    ],
    [
      'unreachable in the country only',
      () => evaluate(unreachable, opinion('country'), null, 'ChatCo'),
      'unreachable from your country; networks elsewhere reach it; ',
    ],
    [
      'reachable from other networks in the country',
      () => evaluate(unreachable, opinion('network'), null, 'ChatCo'),
      'your connection cannot reach it, while other networks in your country can; ',
    ],
    [
      'the provider says all is well',
      () => evaluate([...unreachable, official('operational')], null, null, 'ChatCo'),
      'your network may be blocking it: ChatCo says all is well; ',
    ],
    [
      'the provider reports problems',
      () => evaluate([dnsUp, httpUp, official('degraded')], null, null, 'ChatCo'),
      'problems — ChatCo reports them; ',
    ],
    [
      'no provider named: the banner’s own words',
      () => evaluate([dnsUp, httpUp, official('major')]),
      'down for everyone — the platform’s status page confirms; ',
    ],
  ])('%s: says who, as the banner does', (_case, verdict, start) => {
    expect(verdict().summary.startsWith(start)).toBe(true);
  });

  it('nobody known at fault: the evidence alone, no verdict words', () => {
    expect(evaluate(unreachable, null, null, 'ChatCo').summary).toBe(
      'no answer from chat.example (tcp); no answer from chat.example (http)',
    );
  });
});

describe('the summary a person reads in the command line and the logs', () => {
  it('when all is well: one check, several checks, or only the status page', () => {
    expect(evaluate([httpUp]).summary).toBe('the check passed');
    expect(evaluate([dnsUp, httpUp, official('operational')]).summary).toBe('all 2 checks passed');
    expect(evaluate([official('operational')]).summary).toBe('status page says all is well');
  });

  it('a failing check beside a status page that says all is well says both', () => {
    expect(evaluate([dnsUp, httpDown, official('operational')]).summary).toBe(
      'your network may be blocking it: the platform says all is well; no answer from chat.example (http); status page says all is well',
    );
  });

  it('a failing check and no status page: only what failed', () => {
    expect(evaluate([dnsUp, httpDown]).summary).toBe('no answer from chat.example (http)');
  });

  it('quotes the worst status page, the first of them when several say the same', () => {
    const second = {
      ...official('major'),
      official: { state: 'major' as const, description: 'second page', messages: [] },
    };
    expect(
      evaluate([httpUp, official('operational'), official('degraded'), official('major'), second])
        .summary,
    ).toBe(
      'down for everyone — the platform’s status page confirms; status page: page says major — "Messages failing"',
    );
  });

  it('a page without a message title is quoted without one', () => {
    const quiet = {
      ...official('degraded'),
      official: { state: 'degraded' as const, description: 'Partial outage', messages: [] },
    };
    expect(evaluate([httpUp, quiet]).summary).toBe(
      'problems — the platform reports them; status page: Partial outage',
    );
  });

  it("names the product only for a related product's page that names it", () => {
    const ownWithSubject = {
      ...official('major'),
      official: { ...official('major').official!, subject: 'Chat' },
    };
    expect(evaluate([httpUp, ownWithSubject]).summary).toBe(
      'down for everyone — the platform’s status page confirms; status page: page says major — "Messages failing"',
    );
    const relatedWithout = {
      ...official('major', 'related'),
      official: { state: 'major' as const, description: 'page says major', messages: [] },
    };
    expect(evaluate([httpUp, relatedWithout]).summary).toBe(
      'down for everyone — the platform’s status page confirms; status page: page says major',
    );
  });
});
