// One story on every surface: for each overall state, in English, French and Arabic, the tray's
// icon, headline and tooltip, the window's banner and the command line's "Overall" line say the
// same thing, because they all come from story().
import { describe, expect, it } from 'vitest';
import { createTranslator, forSystem, type Language } from '../../../shared/i18n';
import { story } from '../../../shared/story';
import { defaultSettings } from '../../../shared/settings-schema';
import type { ProbeResult, SecondOpinion, ServiceStatus, Snapshot } from '../../../shared/types';
import { trayModel } from '../../../main/shell/tray-model';
import { banner } from '../../../renderer/selectors';
import { overallLine } from '../../../main/cli/output';
import { snapshotOf, statusOf } from '../../helpers/statuses';

const NOW = new Date(2021, 9, 4, 16, 0).getTime();
const SINCE = new Date(2021, 9, 4, 15, 42).getTime();

const service = (
  name: string,
  state: ServiceStatus['state'],
  cause: ServiceStatus['cause'] = null,
  extra: Partial<ServiceStatus> = {},
) => statusOf(name, state, cause, { at: NOW, since: SINCE }, { provider: 'Meta', ...extra });
const snapshot = (
  overall: Snapshot['overall'],
  services: ServiceStatus[],
  extra: Partial<Snapshot> = {},
) => snapshotOf(NOW, overall, services, extra);

/** This computer not online (`state`): every service unknown for a local cause. */
const notConnected = (state: Snapshot['connectivity']['state']) =>
  snapshot('offline', [service('WhatsApp', 'unknown', 'local')], {
    connectivity: { state, detail: '', references: [] },
  });

/** Every overall state a person can meet, with what the English story must say. */
const CASES: readonly {
  name: string;
  snapshot: Snapshot;
  icon: string;
  headline: string;
  sentence: string;
}[] = [
  {
    name: 'before the first check',
    snapshot: snapshot('ok', [], { checkedAt: 0 }),
    icon: 'checking',
    headline: 'Checking…',
    sentence: 'The first check is running…',
  },
  {
    name: 'all up',
    snapshot: snapshot('ok', [service('WhatsApp', 'up')]),
    icon: 'ok',
    headline: 'All services are up',
    sentence: 'All services are up',
  },
  {
    name: 'a service in maintenance',
    snapshot: snapshot('degraded', [
      service('WhatsApp', 'up'),
      service('Slack', 'maintenance', null, { provider: 'Slack' }),
    ]),
    icon: 'degraded',
    headline: 'A service is in maintenance',
    sentence: 'Slack has been in maintenance since 03:42 PM, as Slack announced',
  },
  {
    name: 'a service that cannot be checked',
    snapshot: snapshot('degraded', [service('WhatsApp', 'up'), service('Chat', 'unknown')]),
    icon: 'degraded',
    headline: 'A service cannot be checked',
    sentence: expect.stringMatching(/^Chat /) as unknown as string,
  },
  {
    name: 'an outage on their side, and another service down',
    snapshot: snapshot('outage', [
      service('WhatsApp', 'down', 'provider'),
      service('Instagram', 'down', 'provider'),
    ]),
    icon: 'outage',
    headline: 'Outage',
    sentence: expect.stringMatching(
      /^Instagram .*since 03:42 PM.*\. One other service is affected too\.$/,
    ) as unknown as string,
  },
  {
    name: 'blocked by the network',
    snapshot: snapshot('outage', [service('WhatsApp', 'down', 'network')]),
    icon: 'outage',
    headline: 'Outage',
    sentence: 'Your network may be blocking WhatsApp: Meta says all is well',
  },
  {
    name: 'offline',
    snapshot: notConnected('offline'),
    icon: 'offline',
    headline: 'You are offline',
    sentence: 'You are offline: services are checked again once the connection is back',
  },
  {
    name: 'behind a Wi-Fi login page',
    snapshot: notConnected('captive'),
    icon: 'offline',
    headline: 'Sign-in needed on this network',
    sentence: 'Sign-in needed on this network: sign in on its page, and services are checked again',
  },
  {
    name: 'no DNS',
    snapshot: notConnected('dns-broken'),
    icon: 'offline',
    headline: 'No DNS on this network',
    sentence: 'This network cannot look up addresses (DNS): services are checked again once it can',
  },
  {
    name: 'paused',
    snapshot: snapshot('paused', [], { pausedUntil: NOW + 60 * 60 * 1000 }),
    icon: 'paused',
    headline: 'Checks paused',
    sentence: 'Checks are paused until 05:00 PM',
  },
];

describe('one story for the tray, the window and the command line', () => {
  for (const c of CASES) {
    it(`${c.name}: the same words everywhere, in each language`, () => {
      expect(story(c.snapshot, createTranslator('en'), NOW)).toEqual({
        icon: c.icon,
        tone: expect.any(String),
        headline: c.headline,
        sentence: c.sentence,
      });
      for (const language of ['en', 'fr', 'ar'] as Language[]) {
        const tr = createTranslator(language);
        const told = story(c.snapshot, tr, NOW);
        const tray = trayModel(c.snapshot, {
          settings: defaultSettings(),
          tr,
          now: NOW,
          checking: false,
        });
        expect(tray.icon).toBe(told.icon);
        // The system's surfaces carry a right-to-left mark in Arabic, and the same words.
        expect(tray.menu[0]?.label).toBe(forSystem(told.headline, language));
        expect(tray.tooltip).toBe(forSystem(`Vigie — ${told.sentence}`, language));
        expect(banner(c.snapshot, tr, NOW)).toEqual({ tone: told.tone, text: told.sentence });
        const line = overallLine(c.snapshot, tr, NOW);
        expect(line).toContain(told.headline);
        expect(line).toContain(told.sentence);
      }
    });
  }

  it('maintenance and unknown keep the tray from saying "all services are up"', () => {
    for (const c of CASES.filter((c) => c.icon === 'degraded')) {
      const told = story(c.snapshot, createTranslator('fr'), NOW);
      expect(told.headline).not.toBe('Tous les services fonctionnent');
      expect(told.tone).toBe('warning');
    }
  });
});

describe('who is at fault, in the words and the colour a person sees', () => {
  const en = createTranslator('en');
  const major = (scope: 'service' | 'related' = 'service', subject?: string): ProbeResult => ({
    kind: 'statuspage',
    target: 'https://metastatus.com/',
    state: 'down',
    code: null,
    latencyMs: 5,
    bytes: 50,
    detail: 'major',
    attempts: 1,
    scope,
    official: {
      state: 'major',
      description: 'Major outage',
      messages: [],
      ...(subject ? { subject } : {}),
    },
  });
  const opinion = (outcome: SecondOpinion['outcome']): SecondOpinion => ({
    country: { code: 'CI', asked: 3, reachable: outcome === 'network' ? 3 : 0 },
    world: { asked: 3, reachable: outcome === 'everywhere' ? 0 : 3 },
    checkedAt: SINCE,
    outcome,
    check: 'http',
    target: 'web.whatsapp.com',
    bytes: 0,
  });
  const outage = (s: ServiceStatus, overall: Snapshot['overall'] = 'outage') =>
    story(snapshot(overall, [s]), en, NOW);

  it('an outage their status page confirms is red, not amber', () => {
    expect(outage(service('WhatsApp', 'down', 'provider', { probes: [major()] }))).toEqual({
      icon: 'outage',
      tone: 'danger',
      headline: 'Outage',
      sentence:
        'WhatsApp has been down for everyone since 03:42 PM — Meta’s status page confirms it',
    });
  });

  it('an outage of a related product names that product', () => {
    const told = outage(
      service('WhatsApp', 'down', 'provider', {
        probes: [major('related', 'WhatsApp Business API')],
      }),
    );
    expect(told.sentence).toBe(
      'WhatsApp has been down for everyone since 03:42 PM — Meta reports a major disruption of WhatsApp Business API',
    );
    expect(told.tone).toBe('danger');
  });

  it('an outage other networks confirm says so', () => {
    const told = outage(
      service('WhatsApp', 'down', 'provider', { secondOpinion: opinion('everywhere') }),
    );
    expect(told.sentence).toBe(
      'WhatsApp has been down for everyone since 03:42 PM — checks from other networks confirm it',
    );
    expect(told.tone).toBe('danger');
  });

  it('trouble on their side short of an outage is amber and says they report it', () => {
    expect(outage(service('WhatsApp', 'degraded', 'provider'), 'degraded')).toEqual({
      icon: 'degraded',
      tone: 'warning',
      headline: 'Some services are degraded',
      sentence: 'WhatsApp has had problems since 03:42 PM — Meta reports them',
    });
  });

  it('blocked by this network, as other networks in the country show', () => {
    expect(
      outage(service('WhatsApp', 'down', 'network', { secondOpinion: opinion('network') })),
    ).toMatchObject({
      tone: 'danger',
      sentence: 'Your connection cannot reach WhatsApp, while other networks in your country can',
    });
  });

  it('unreachable from the country, reachable elsewhere', () => {
    expect(
      outage(service('WhatsApp', 'down', 'regional', { secondOpinion: opinion('country') })),
    ).toMatchObject({
      tone: 'danger',
      sentence:
        'WhatsApp has been unreachable from your country since 03:42 PM; networks elsewhere reach it',
    });
  });

  it('down without anyone confirming it says "has not confirmed it", whatever the cause is missing for', () => {
    for (const cause of ['unconfirmed', 'local', null] as const) {
      expect(outage(service('WhatsApp', 'down', cause)).sentence).toBe(
        'WhatsApp has been down since 03:42 PM; Meta has not confirmed it',
      );
    }
    expect(outage(service('Chat', 'degraded', 'unconfirmed'), 'degraded').sentence).toBe(
      'Chat has been degraded since 03:42 PM; Meta has not confirmed it',
    );
  });

  it('a service without a known provider: "the platform"; without "since": its last check', () => {
    const told = outage(
      service('Chat', 'down', 'unconfirmed', { provider: undefined, since: undefined }),
    );
    expect(told.sentence).toBe(
      'Chat has been down since 04:00 PM; the platform has not confirmed it',
    );
  });

  it('a non-critical service held at "degraded" stays amber even when it is down', () => {
    expect(outage(service('Chat', 'down', 'provider', { critical: false }), 'ok')).toMatchObject({
      icon: 'degraded',
      tone: 'warning',
      headline: 'Some services are degraded',
    });
  });

  it('the worst service is told, with how many others are in trouble', () => {
    const told = story(
      snapshot('outage', [
        service('Slack', 'degraded', 'provider'),
        service('WhatsApp', 'down', 'unconfirmed'),
        service('Mail', 'up'),
        service('Drive', 'degraded', 'provider'),
      ]),
      en,
      NOW,
    );
    expect(told.sentence).toBe(
      'WhatsApp has been down since 03:42 PM; Meta has not confirmed it. 2 other services are affected too.',
    );
  });

  it('the quiet states: green when all is up, grey while checking, offline or paused, amber otherwise', () => {
    const tones = CASES.map((c) => [c.name, story(c.snapshot, en, NOW).tone]);
    expect(Object.fromEntries(tones)).toEqual({
      'before the first check': 'muted',
      'all up': 'ok',
      'a service in maintenance': 'warning',
      'a service that cannot be checked': 'warning',
      'an outage on their side, and another service down': 'danger',
      'blocked by the network': 'danger',
      offline: 'muted',
      'behind a Wi-Fi login page': 'muted',
      'no DNS': 'muted',
      paused: 'muted',
    });
  });

  it('paused with no end says just that', () => {
    expect(story(snapshot('paused', [], { pausedUntil: null }), en, NOW)).toEqual({
      icon: 'paused',
      tone: 'muted',
      headline: 'Checks paused',
      sentence: 'Checks are paused',
    });
  });

  it('offline as the overall state, even with the connection said online', () => {
    expect(story(snapshot('offline', [service('WhatsApp', 'unknown', 'local')]), en, NOW)).toEqual({
      icon: 'offline',
      tone: 'muted',
      headline: 'You are offline',
      sentence: 'You are offline: services are checked again once the connection is back',
    });
  });

  it('a service that cannot be checked because this computer is offline does not make it amber', () => {
    expect(story(snapshot('ok', [service('WhatsApp', 'unknown', 'local')]), en, NOW)).toMatchObject(
      {
        icon: 'ok',
        tone: 'ok',
      },
    );
  });

  it('maintenance by a provider Vigie does not know is announced by "the platform", in amber', () => {
    expect(
      story(
        snapshot('ok', [service('Chat', 'maintenance', null, { provider: undefined })]),
        en,
        NOW,
      ),
    ).toEqual({
      icon: 'degraded',
      tone: 'warning',
      headline: 'A service is in maintenance',
      sentence: 'Chat has been in maintenance since 03:42 PM, as the platform announced',
    });
  });

  it('a service that cannot be checked, with the overall state the engine gave', () => {
    expect(story(snapshot('outage', [service('Chat', 'unknown')]), en, NOW)).toEqual({
      icon: 'outage',
      tone: 'warning',
      headline: 'A service cannot be checked',
      sentence: 'Chat cannot be checked right now: nothing Vigie asked gave an answer it can judge',
    });
  });
});
