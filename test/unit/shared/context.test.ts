// What Vigie lets itself say from public measurements. "Blocked in your country" is a strong
// word: it needs the second opinion (cause `regional`), OONI's volunteers (≥ 60 % anomalies of
// ≥ 5 tests on ≥ 2 networks) and a quiet IODA, all three. An IODA outage makes it an internet
// disruption; anything less is only "unreachable from your country". The links and the logged
// phrase name what each platform saw.
import { describe, expect, it } from 'vitest';
import {
  collectorsOf,
  contextCountry,
  contextWords,
  countryFinding,
  iodaLink,
  ooniEnough,
  ooniLink,
  ooniShowsBlock,
  ripestatLink,
  routesWithdrawn,
} from '../../../shared/context';
import type {
  Cause,
  IodaContext,
  OoniContext,
  OoniNetwork,
  PublicContext,
  RoutesContext,
} from '../../../shared/types';
import { REAL_START } from '../../helpers/clock';

const net = (asn: number, ok: number, anomaly: number, confirmed = 0): OoniNetwork => ({
  asn,
  ok,
  anomaly,
  confirmed,
});

function ooni(networks: OoniNetwork[], extra: Partial<OoniContext> = {}): OoniContext {
  return {
    checkedAt: REAL_START,
    country: 'CM',
    test: 'whatsapp',
    since: '2021-10-03',
    until: '2021-10-05',
    networks,
    bytes: 900,
    ...extra,
  };
}

function ioda(extra: Partial<IodaContext> = {}): IodaContext {
  return { checkedAt: REAL_START, country: 'CM', outage: null, bytes: 400, ...extra };
}

function routes(extra: Partial<RoutesContext> = {}): RoutesContext {
  return {
    checkedAt: REAL_START,
    prefixes: [
      { prefix: '129.134.30.0/24', collectors: 23, seeing: 0 },
      { prefix: '185.89.218.0/23', collectors: 25, seeing: 0 },
    ],
    withdrawn: true,
    bytes: 2000,
    ...extra,
  };
}

/** Six anomalous tests of eight on two networks: what a block looks like to OONI. */
const BLOCKING = [net(30986, 1, 3), net(15964, 1, 3)];

function finding(context: Partial<PublicContext> | null, cause: Cause = 'regional') {
  return countryFinding({
    cause,
    context: context ? { routes: null, ooni: null, ioda: null, ...context } : context,
  });
}

describe('what public measurements let Vigie say about the country', () => {
  it('blocked only when other networks, OONI and a quiet IODA all agree', () => {
    expect(finding({ ooni: ooni(BLOCKING), ioda: ioda() })).toBe('blocked');
    // Each source missing in turn: only "unreachable from your country".
    expect(finding({ ooni: ooni(BLOCKING), ioda: null })).toBe('unreachable');
    expect(finding({ ooni: null, ioda: ioda() })).toBe('unreachable');
    expect(finding(null)).toBe('unreachable');
    expect(countryFinding({ cause: 'regional' })).toBe('unreachable');
    // Not the second opinion's finding: nothing is said about the country at all.
    for (const cause of ['provider', 'network', 'local', 'unconfirmed', null] as const)
      expect(finding({ ooni: ooni(BLOCKING), ioda: ioda() }, cause)).toBeNull();
  });

  it('an IODA outage in the country is an internet disruption, whatever OONI says', () => {
    const outage = { since: REAL_START - 600_000, datasource: 'bgp', score: 120 };
    expect(finding({ ioda: ioda({ outage }) })).toBe('disruption');
    expect(finding({ ooni: ooni(BLOCKING), ioda: ioda({ outage }) })).toBe('disruption');
  });

  it('an IODA or OONI that could not be asked proves nothing', () => {
    expect(finding({ ooni: ooni(BLOCKING), ioda: ioda({ failure: 'rate-limited' }) })).toBe(
      'unreachable',
    );
    expect(finding({ ooni: ooni(BLOCKING, { failure: 'platform error' }), ioda: ioda() })).toBe(
      'unreachable',
    );
  });

  it('OONI shows a block from 60 % anomalies of 5 tests on 2 networks, not less', () => {
    // Exactly at each bound: 3 of 5, on 2 networks.
    expect(ooniShowsBlock(ooni([net(1, 1, 2), net(2, 1, 1)]))).toBe(true);
    // 2 of 5 anomalous: 40 %.
    expect(ooniShowsBlock(ooni([net(1, 2, 1), net(2, 1, 1)]))).toBe(false);
    // 4 tests, all anomalous: not enough tests.
    expect(ooniShowsBlock(ooni([net(1, 0, 2), net(2, 0, 2)]))).toBe(false);
    // 6 of 8 anomalous, but on one network only (the other's tests all passed).
    expect(ooniShowsBlock(ooni([net(1, 0, 6), net(2, 2, 0)]))).toBe(false);
    // Confirmed blocks count as anomalies, and their networks as anomalous.
    expect(ooniShowsBlock(ooni([net(1, 1, 0, 2), net(2, 1, 0, 1)]))).toBe(true);
    expect(ooniShowsBlock(ooni([net(1, 1, 0, 2), net(2, 1, 1)]))).toBe(true);
  });

  it('OONI has enough to say something from 5 tests, when it answered', () => {
    expect(ooniEnough(ooni([net(1, 4, 0), net(2, 1, 0)]))).toBe(true);
    expect(ooniEnough(ooni([net(1, 2, 1), net(2, 0, 0, 1)]))).toBe(false);
    expect(ooniEnough(ooni([net(1, 1, 1, 1), net(2, 1, 1)]))).toBe(true);
    expect(ooniEnough(ooni([net(1, 5, 0)], { failure: 'no answer in time' }))).toBe(false);
  });

  it('a provider outage rests on withdrawn routes only when the collectors said so', () => {
    expect(routesWithdrawn({ routes: routes(), ooni: null, ioda: null })).toBe(true);
    expect(routesWithdrawn({ routes: routes({ withdrawn: false }), ooni: null, ioda: null })).toBe(
      false,
    );
    expect(routesWithdrawn({ routes: null, ooni: null, ioda: null })).toBe(false);
    expect(routesWithdrawn(null)).toBe(false);
    expect(routesWithdrawn(undefined)).toBe(false);
  });

  it('names the country OONI speaks of, else IODA’s, else none', () => {
    expect(contextCountry({ routes: null, ooni: ooni([]), ioda: ioda({ country: 'GA' }) })).toBe(
      'CM',
    );
    expect(contextCountry({ routes: null, ooni: null, ioda: ioda({ country: 'GA' }) })).toBe('GA');
    expect(contextCountry({ routes: routes(), ooni: null, ioda: null })).toBeNull();
    expect(contextCountry(null)).toBeNull();
  });
});

describe('where a person can see the measurements', () => {
  it('RIPEstat: the page of the first prefix, none without a prefix', () => {
    expect(ripestatLink(routes())).toBe('https://stat.ripe.net/129.134.30.0/24');
    expect(ripestatLink(routes({ prefixes: [] }))).toBeNull();
  });

  it('OONI Explorer: the chart of the same query, with the domains when there are some', () => {
    expect(ooniLink(ooni(BLOCKING))).toBe(
      'https://explorer.ooni.org/chart/mat?probe_cc=CM&test_name=whatsapp&since=2021-10-03' +
        '&until=2021-10-05&axis_x=measurement_start_day&axis_y=probe_asn',
    );
    expect(
      ooniLink(
        ooni(BLOCKING, {
          test: 'web_connectivity',
          domains: ['www.facebook.com', 'facebook.com'],
        }),
      ),
    ).toBe(
      'https://explorer.ooni.org/chart/mat?probe_cc=CM&test_name=web_connectivity' +
        '&domain=www.facebook.com%2Cfacebook.com&since=2021-10-03&until=2021-10-05' +
        '&axis_x=measurement_start_day&axis_y=probe_asn',
    );
    expect(ooniLink(ooni(BLOCKING, { domains: [] }))).not.toContain('domain=');
  });

  it('IODA: the country’s dashboard', () => {
    expect(iodaLink('CM')).toBe('https://ioda.inetintel.cc.gatech.edu/country/CM');
    expect(iodaLink('C M')).toBe('https://ioda.inetintel.cc.gatech.edu/country/C%20M');
  });

  it('counts the collectors that answered: the most for any prefix, 0 for none', () => {
    expect(collectorsOf(routes().prefixes)).toBe(25);
    expect(collectorsOf([])).toBe(0);
  });
});

describe('what the platforms saw, in one phrase for logs and stored evidence', () => {
  it('says each platform’s finding, in order, separated by semicolons', () => {
    const since = Date.UTC(2021, 9, 4, 15, 39);
    expect(
      contextWords({
        routes: routes(),
        ooni: ooni(BLOCKING),
        ioda: ioda({ outage: { since, datasource: 'bgp', score: 80 } }),
      }),
    ).toBe(
      'routes to its name servers withdrawn (RIPE RIS, 0 of 25 collectors); ' +
        'OONI whatsapp in CM: 6/8 anomalous, 2 networks; ' +
        'IODA: outage in CM since 2021-10-04T15:39:00.000Z',
    );
    expect(
      contextWords({
        routes: routes({ withdrawn: false }),
        ooni: null,
        ioda: ioda(),
      }),
    ).toBe('routes to its name servers still announced (RIPE RIS); IODA: no outage in CM');
  });

  it('says which platform could not be asked, and why', () => {
    expect(
      contextWords({
        routes: routes({ failure: 'hourly limit reached' }),
        ooni: ooni(BLOCKING, { failure: 'rate-limited' }),
        ioda: ioda({ failure: 'no answer in time' }),
      }),
    ).toBe(
      'RIPE RIS not asked (hourly limit reached); OONI not asked (rate-limited); ' +
        'IODA not asked (no answer in time)',
    );
    expect(contextWords({ routes: null, ooni: null, ioda: null })).toBe('');
  });
});
