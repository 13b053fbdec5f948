// Who is at fault, said the same way by the notification, the tray and the window's banner, in
// English, French and Arabic: Meta's side (from its related platform's page), everyone (from
// other networks), your network, your country.
import { describe, expect, it } from 'vitest';
import { createTranslator, LANGUAGES } from '../../../../shared/i18n';
import { defaultSettings } from '../../../../shared/settings-schema';
import type {
  OpinionOutcome,
  ServiceStatus,
  Snapshot,
  VerdictChange,
} from '../../../../shared/types';
import { noticesFor } from '../../../../main/shell/notification-model';
import { snapshotOf } from '../../../helpers/snapshots';
import { trayModel } from '../../../../main/shell/tray-model';
import { banner as bannerOf } from '../../../../renderer/selectors';

const NOW = new Date(2022, 9, 25, 9, 45).getTime();

const front = {
  kind: 'http' as const,
  target: 'https://web.whatsapp.com/',
  state: 'down' as const,
  code: 'TIMEOUT' as const,
  latencyMs: 8000,
  bytes: 0,
  detail: 'no answer',
  attempts: 2,
};

function whatsapp(
  cause: ServiceStatus['cause'],
  extra: Partial<ServiceStatus> = {},
): ServiceStatus {
  return {
    id: 'whatsapp',
    name: 'WhatsApp',
    provider: 'Meta',
    critical: true,
    checkedAt: NOW,
    since: NOW,
    state: 'down',
    cause,
    summary: 'engine words',
    probes: [front],
    secondOpinion: null,
    ...extra,
  };
}

const related = whatsapp('provider', {
  probes: [
    { ...front, state: 'up', code: null },
    {
      kind: 'metastatus',
      target: 'https://metastatus.com/data/orgs.json',
      state: 'down',
      code: null,
      latencyMs: 100,
      bytes: 900,
      detail: 'Cloud API — High disruptions',
      attempts: 1,
      scope: 'related',
      official: {
        state: 'major',
        description: 'Cloud API — High disruptions',
        messages: [],
        subject: 'WhatsApp Business Platform',
      },
    },
  ],
});

const opinion = (outcome: OpinionOutcome, cause: ServiceStatus['cause']) =>
  whatsapp(cause, {
    secondOpinion: {
      country: { code: 'CI', asked: 3, reachable: outcome === 'network' ? 3 : 0 },
      world: { asked: 3, reachable: outcome === 'everywhere' ? 0 : 3 },
      checkedAt: NOW,
      outcome,
      check: 'http',
      target: 'web.whatsapp.com',
      bytes: 0,
    },
  });

const notice = (current: ServiceStatus, lang: (typeof LANGUAGES)[number] = 'en') => {
  const up = { ...current, state: 'up' as const, cause: null };
  const change: VerdictChange = {
    serviceId: 'whatsapp',
    name: 'WhatsApp',
    at: NOW,
    previous: up,
    current,
  };
  const [n] = noticesFor([change], {
    tr: createTranslator(lang),
    settings: defaultSettings(),
    now: NOW,
    snapshot: snapshotOf(NOW, [current]),
  });
  return n;
};

const snapshot = (service: ServiceStatus): Snapshot => ({
  checkedAt: NOW,
  overall: 'outage',
  connectivity: { state: 'online', detail: '', references: [] },
  services: [service],
  bytes: 0,
});

describe('25 Oct 2022: "WhatsApp is down — Meta reports a major disruption"', () => {
  it('the notification names Meta and the product it reported on', () => {
    expect(notice(related)).toMatchObject({
      title: 'WhatsApp is down for everyone',
      body: expect.stringContaining(
        'Meta reports a major disruption of WhatsApp Business Platform.',
      ),
    });
    expect(notice(related)?.body).toContain(
      'Status of WhatsApp Business Platform: Cloud API — High disruptions',
    );
  });

  it('the banner says the same', () => {
    const tr = createTranslator('en');
    expect(bannerOf(snapshot(related), tr, NOW).text).toMatch(
      /^WhatsApp has been down for everyone since .* — Meta reports a major disruption of WhatsApp Business Platform$/,
    );
  });
});

describe('each cause in each language', () => {
  const cases = [
    ['related', related],
    ['everywhere', opinion('everywhere', 'provider')],
    ['network', opinion('network', 'network')],
    ['country', opinion('country', 'regional')],
  ] as const;

  it.each(cases)(
    '%s: a notification and a banner in en, fr and ar, all different',
    (_name, service) => {
      const texts = LANGUAGES.map((lang) => {
        const tr = createTranslator(lang);
        const n = notice(service, lang);
        return `${n?.title} / ${n?.body} / ${bannerOf(snapshot(service), tr, NOW).text}`;
      });
      expect(new Set(texts).size).toBe(3);
      for (const text of texts) expect(text).not.toMatch(/\{\{|undefined/);
    },
  );

  it('your country: Arabic says بلدك, French votre pays, and the country is named', () => {
    const service = opinion('country', 'regional');
    expect(notice(service, 'en')?.title).toBe('WhatsApp is unreachable from your country');
    expect(notice(service, 'fr')?.title).toBe('WhatsApp est injoignable depuis votre pays');
    expect(notice(service, 'ar')?.title).toContain('بلدك');
    expect(notice(service, 'en')?.body).toContain(
      'unreachable from every network checked in Côte d’Ivoire',
    );
    expect(notice(service, 'fr')?.body).toContain(
      'injoignable depuis tous les réseaux interrogés dans votre pays (Côte d’Ivoire)',
    );
  });

  it('everyone, from other networks: the words say checks from other networks confirm it', () => {
    const service = opinion('everywhere', 'provider');
    expect(notice(service)?.body).toMatch(/^Confirmed by checks from other networks\./);
    expect(bannerOf(snapshot(service), createTranslator('en'), NOW).text).toContain(
      'checks from other networks confirm it',
    );
  });

  it('your network, from other networks in your country', () => {
    const service = opinion('network', 'network');
    expect(notice(service)?.body).toMatch(/^Other networks in your country reach it/);
  });

  it('the tray tooltip says "your country" for a regional block', () => {
    const tray = trayModel(snapshot(opinion('country', 'regional')), {
      tr: createTranslator('en'),
      settings: defaultSettings(),
      now: NOW,
      checking: false,
    });
    expect(tray.tooltip).toMatch(/^Vigie — WhatsApp has been unreachable from your country since/);
  });

  it('a failed second opinion is said, never silently dropped', () => {
    const service = whatsapp('unconfirmed', {
      secondOpinion: {
        country: { code: 'CI', asked: 0, reachable: 0 },
        world: { asked: 0, reachable: 0 },
        checkedAt: NOW,
        outcome: 'failed',
        failure: 'rate-limited',
        check: 'http',
        target: 'web.whatsapp.com',
        bytes: 0,
      },
    });
    expect(notice(service)?.body).toContain(
      'no second opinion from other networks (too many checks asked, try later)',
    );
    expect(notice(service, 'fr')?.body).toContain('pas de second avis');
  });
});

describe('maintenance and a service that cannot be checked: the tray and the window agree', () => {
  it.each([
    [
      'maintenance',
      'provider',
      /^Vigie — WhatsApp has been in maintenance since/,
      /^WhatsApp has been in maintenance since .*, as Meta announced$/,
    ],
    [
      'unknown',
      null,
      /^Vigie — WhatsApp cannot be checked right now/,
      /^WhatsApp cannot be checked right now/,
    ],
  ] as const)('%s: never "all services are up" under an amber icon', (state, cause, tip, text) => {
    const service = whatsapp(cause, { state, probes: [] });
    const snap = { ...snapshot(service), overall: 'degraded' as const };
    for (const lang of LANGUAGES) {
      const tr = createTranslator(lang);
      const tray = trayModel(snap, { tr, settings: defaultSettings(), now: NOW, checking: false });
      expect(tray.tooltip).not.toBe(tr.t('tooltip.story', { sentence: tr.t('window.bannerOk') }));
      expect(tray.menu[0]?.label).not.toBe(tr.t('overall.ok'));
      expect(bannerOf(snap, tr, NOW).text).not.toBe(tr.t('window.bannerOk'));
    }
    const tr = createTranslator('en');
    expect(
      trayModel(snap, { tr, settings: defaultSettings(), now: NOW, checking: false }).tooltip,
    ).toMatch(tip);
    expect(bannerOf(snap, tr, NOW)).toMatchObject({
      tone: 'warning',
      text: expect.stringMatching(text),
    });
  });

  it('offline is not "cannot be checked": the local cause keeps its own words', () => {
    const service = whatsapp('local', { state: 'unknown', probes: [] });
    const snap = { ...snapshot(service), overall: 'offline' as const };
    const tr = createTranslator('en');
    expect(
      trayModel(snap, { tr, settings: defaultSettings(), now: NOW, checking: false }).tooltip,
    ).toBe(tr.t('tooltip.story', { sentence: tr.t('window.bannerOffline') }));
  });
});
