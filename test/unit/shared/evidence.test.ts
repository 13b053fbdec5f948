// The evidence in the user's language, from codes: never the engine's English.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n';
import { displayTarget, localSummary } from '../../../shared/i18n/evidence';
import type { ProbeResult } from '../../../shared/types';

const probe = (fields: Partial<ProbeResult>): ProbeResult => ({
  kind: 'http',
  target: 'https://web.whatsapp.com/',
  state: 'up',
  code: null,
  latencyMs: 120,
  bytes: 0,
  detail: 'English detail',
  attempts: 1,
  ...fields,
});

describe('local summary', () => {
  const fb = [
    probe({ kind: 'dns', target: 'www.facebook.com', state: 'down', code: 'DNS_SERVFAIL' }),
    probe({
      kind: 'statuspage',
      target: 'https://status.example/api/v2/summary.json',
      state: 'unknown',
      code: 'TIMEOUT',
    }),
  ];
  it.each([
    ['en', 'DNS SERVFAIL for www.facebook.com; the status page could not be reached or read'],
    ['fr', 'DNS SERVFAIL pour www.facebook.com ; la page d’état est injoignable ou illisible'],
    // The host name is isolated (U+2068 … U+2069): its dots stay with it in Arabic.
    [
      'ar',
      'فشل DNS (SERVFAIL) للنطاق \u2068www.facebook.com\u2069؛ تعذّر الوصول إلى صفحة الحالة أو قراءتها',
    ],
  ] as const)('4 Oct 2021 in %s', (language, text) => {
    expect(localSummary(fb, createTranslator(language))).toBe(text);
  });

  it('says when the provider says all is well while nothing reaches it', () => {
    const blocked = [
      probe({ state: 'down', code: 'TIMEOUT' }),
      probe({
        kind: 'statuspage',
        state: 'up',
        official: { state: 'operational', description: 'All Systems Operational', messages: [] },
      }),
    ];
    expect(localSummary(blocked, createTranslator('en'))).toBe(
      'no answer from web.whatsapp.com; the status page says all is well',
    );
  });

  it('25 Oct 2022 in the check table: Meta’s status of its business platform, in each language', () => {
    const waba = [
      probe({}),
      probe({
        kind: 'metastatus',
        target: 'https://metastatus.com/data/orgs.json',
        state: 'down',
        scope: 'related',
        official: {
          state: 'major',
          description: 'Cloud API — High disruptions',
          messages: [],
          subject: 'WhatsApp Business Platform',
        },
      }),
    ];
    const said = (language: 'en' | 'fr' | 'ar', provider?: string) =>
      localSummary(waba, createTranslator(language), 'provider', null, { provider });
    expect(said('en', 'Meta')).toBe(
      'Meta’s status of WhatsApp Business Platform: Cloud API — High disruptions',
    );
    expect(said('fr', 'Meta')).toBe(
      'état de WhatsApp Business Platform selon Meta\u00a0: Cloud API — High disruptions',
    );
    expect(said('ar', 'Meta')).toBe(
      'حالة \u2068WhatsApp Business Platform\u2069 بحسب Meta: \u2068Cloud API — High disruptions\u2069',
    );
    // Without a provider (the window, whose banner names it): the words stay as they were.
    expect(said('en')).toBe('status of WhatsApp Business Platform: Cloud API — High disruptions');
  });

  it('slow probes say how slow; all good says so', () => {
    expect(
      localSummary(
        [probe({ state: 'degraded', code: 'SLOW', latencyMs: 4200 })],
        createTranslator('fr'),
      ),
    ).toBe('web.whatsapp.com répond lentement (4\u202f200 ms)');
    expect(localSummary([probe({})], createTranslator('en'))).toBe('all checks passed');
  });

  it('says nothing was judged when the cause is local', () => {
    expect(localSummary([], createTranslator('en'), 'local')).toBe(
      'not checked while this computer is offline, not signed in to this network or without DNS',
    );
  });

  it('shows host names, not URLs', () => {
    expect(displayTarget('https://web.whatsapp.com:8443/path?q')).toBe('web.whatsapp.com');
    expect(displayTarget('g.whatsapp.net:443')).toBe('g.whatsapp.net');
  });
});
