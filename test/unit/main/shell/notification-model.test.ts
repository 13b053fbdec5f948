// Notifications on confirmed changes: words for the cause, recoveries with their duration,
// quiet hours, mutes, and grouping instead of storms.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../../shared/i18n';
import { defaultSettings, type Settings } from '../../../../shared/settings-schema';
import type {
  Connectivity,
  ServiceStatus,
  Snapshot,
  VerdictChange,
} from '../../../../shared/types';
import { story } from '../../../../shared/story';
import { snapshotOf } from '../../../helpers/snapshots';
import { inQuietHours, noticesFor } from '../../../../main/shell/notification-model';

const NOW = new Date(2021, 9, 4, 15, 42).getTime();

function status(
  id: string,
  state: ServiceStatus['state'],
  cause: ServiceStatus['cause'],
  since = NOW,
): ServiceStatus {
  const probes: ServiceStatus['probes'] =
    state === 'down'
      ? [
          {
            kind: 'dns',
            target: 'www.facebook.com',
            state: 'down',
            code: 'DNS_SERVFAIL',
            latencyMs: 12,
            bytes: 90,
            detail: 'DNS SERVFAIL for www.facebook.com',
            attempts: 2,
          },
        ]
      : [];
  return {
    id,
    name: id[0]!.toUpperCase() + id.slice(1),
    critical: true,
    // As the engine fills it in from the service definition.
    ...(id === 'facebook' || id === 'whatsapp' ? { provider: 'Meta' } : {}),
    checkedAt: since,
    since,
    state,
    cause,
    summary: 'the engine summary, in English',
    probes,
  };
}

function change(id: string, from: ServiceStatus | null, to: ServiceStatus): VerdictChange {
  return { serviceId: id, name: to.name, at: to.checkedAt, previous: from, current: to };
}

/** The snapshot the changes lead to (what the scheduler publishes with them). */
const after = (changes: readonly VerdictChange[], connectivity?: Connectivity['state']) =>
  snapshotOf(
    NOW,
    changes.map((c) => c.current),
    connectivity,
  );

const ctx = (
  settings: Partial<Settings> = {},
  language: 'en' | 'fr' | 'ar' = 'en',
  snapshot: Snapshot = after([]),
) => ({
  settings: { ...defaultSettings(), ...settings },
  tr: createTranslator(language),
  now: NOW,
  snapshot,
});

describe('notifications', () => {
  it('say the cause in words', () => {
    const provider = noticesFor(
      [change('facebook', status('facebook', 'up', null), status('facebook', 'down', 'provider'))],
      ctx(),
    );
    expect(provider).toEqual([
      {
        serviceId: 'facebook',
        title: 'Facebook is down for everyone',
        body: 'Meta’s status page confirms it. DNS SERVFAIL for www.facebook.com',
      },
    ]);
    const network = noticesFor(
      [change('whatsapp', status('whatsapp', 'up', null), status('whatsapp', 'down', 'network'))],
      ctx(),
    );
    expect(network[0]?.title).toBe('Whatsapp is unreachable from your network');
    expect(network[0]?.body).toMatch(/^Meta says all is well/);
    expect(
      noticesFor(
        [change('facebook', null, status('facebook', 'down', 'provider'))],
        ctx({}, 'fr'),
      )[0],
    ).toMatchObject({
      title: 'Facebook est en panne pour tout le monde',
      body: 'La page d’état de Meta le confirme. DNS SERVFAIL pour www.facebook.com',
    });
  });

  it('a recovery says how long the outage lasted', () => {
    const down = status('facebook', 'down', 'provider', NOW - (6 * 60 + 1) * 60_000);
    const notices = noticesFor([change('facebook', down, status('facebook', 'up', null))], ctx());
    expect(notices[0]).toMatchObject({
      title: 'Facebook is back',
      body: 'It was down for 6 hours and 1 minute.',
    });
  });

  it('three or more changes in one cycle make one grouped notice telling the tray’s story', () => {
    const changes = ['facebook', 'instagram', 'whatsapp'].map((id) =>
      change(id, status(id, 'up', null), status(id, 'down', 'provider')),
    );
    const tr = createTranslator('en');
    const told = story(after(changes), tr, NOW);
    expect(told.sentence).toMatch(/Facebook/);
    expect(noticesFor(changes, ctx({}, 'en', after(changes)))).toEqual([
      {
        title: '3 services changed',
        body: `${told.sentence}\nFacebook: down, Instagram: down, Whatsapp: down`,
      },
    ]);
    expect(noticesFor(changes.slice(0, 2), ctx())).toHaveLength(2);
  });

  it('quiet hours and muted services stay silent; offline only when asked', () => {
    const fb = [
      change('facebook', status('facebook', 'up', null), status('facebook', 'down', 'provider')),
    ];
    expect(
      noticesFor(fb, ctx({ quietHours: { enabled: true, from: '15:00', to: '16:00' } })),
    ).toEqual([]);
    expect(
      noticesFor(fb, ctx({ quietHours: { enabled: true, from: '22:00', to: '07:00' } })),
    ).toHaveLength(1);
    expect(noticesFor(fb, ctx({ services: { facebook: { muted: true } } }))).toEqual([]);
    const offline = [
      change('facebook', status('facebook', 'up', null), status('facebook', 'unknown', 'local')),
    ];
    expect(noticesFor(offline, ctx())).toEqual([]);
    const asked = { notifications: { ...defaultSettings().notifications, offline: true } };
    expect(noticesFor(offline, ctx(asked, 'en', after(offline, 'offline')))).toEqual([
      {
        title: 'You are offline',
        body: 'You are offline: services are checked again once the connection is back',
      },
    ]);
    // The tray's words for why: a Wi-Fi login page is not "offline" without a reason.
    expect(noticesFor(offline, ctx(asked, 'fr', after(offline, 'captive')))[0]).toEqual({
      title: story(after(offline, 'captive'), createTranslator('fr'), NOW).headline,
      body: story(after(offline, 'captive'), createTranslator('fr'), NOW).sentence,
    });
  });

  it('quiet hours may run past midnight', () => {
    const settings = {
      ...defaultSettings(),
      quietHours: { enabled: true, from: '22:00', to: '07:00' },
    };
    expect(inQuietHours(settings, new Date(2021, 9, 4, 23, 30).getTime())).toBe(true);
    expect(inQuietHours(settings, new Date(2021, 9, 5, 6, 59).getTime())).toBe(true);
    expect(inQuietHours(settings, new Date(2021, 9, 5, 7, 0).getTime())).toBe(false);
  });
});
