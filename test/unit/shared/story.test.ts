// One story on every surface: for each overall state, in English, French and Arabic, the tray's
// icon, headline and tooltip, the window's banner and the command line's "Overall" line say the
// same thing, because they all come from story().
import { describe, expect, it } from 'vitest';
import { createTranslator, forSystem, type Language } from '../../../shared/i18n';
import { story } from '../../../shared/story';
import { defaultSettings } from '../../../shared/settings-schema';
import type { ServiceStatus, Snapshot } from '../../../shared/types';
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
    sentence:
      'This network wants you to sign in first (a Wi-Fi login page): services are checked again once you have',
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
