// The tray in words and shapes, for every overall state, in three languages.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../../shared/i18n';
import { defaultSettings } from '../../../../shared/settings-schema';
import type { ServiceStatus, Snapshot } from '../../../../shared/types';
import { fitTooltip, tomorrowMorning, trayModel } from '../../../../main/shell/tray-model';
import { snapshotOf, statusOf } from '../../../helpers/statuses';

const NOW = new Date(2021, 9, 4, 16, 0).getTime();
const SINCE = new Date(2021, 9, 4, 15, 42).getTime();

const service = (
  id: string,
  state: ServiceStatus['state'],
  cause: ServiceStatus['cause'] = null,
  critical = true,
) =>
  statusOf(
    id === 'wa' ? 'WhatsApp' : id === 'fb' ? 'Facebook' : id,
    state,
    cause,
    {
      at: NOW,
      since: SINCE,
    },
    { id, critical },
  );
const snapshot = (
  overall: Snapshot['overall'],
  services: ServiceStatus[],
  extra: Partial<Snapshot> = {},
) => snapshotOf(NOW, overall, services, extra);

const ctx = (language: 'en' | 'fr' | 'ar' = 'en', checking = false) => ({
  settings: defaultSettings(),
  tr: createTranslator(language),
  now: NOW,
  checking,
});

describe('tray model', () => {
  it('one icon per overall state', () => {
    const services = {
      ok: [service('wa', 'up')],
      degraded: [service('wa', 'degraded', 'provider')],
      outage: [service('wa', 'down', 'provider')],
      offline: [],
      paused: [],
    };
    for (const overall of ['ok', 'degraded', 'outage', 'offline', 'paused'] as const) {
      expect(trayModel(snapshot(overall, services[overall]), ctx()).icon).toBe(overall);
    }
    // Before the first check: grey "checking", never green.
    expect(trayModel(snapshot('ok', [], { checkedAt: 0 }), ctx()).icon).toBe('checking');
  });

  it('starts every Arabic line the system lays out with a right-to-left mark', () => {
    // The tooltip opens on "Vigie" and a service line on a brand: without the mark, Windows and
    // macOS would lay the Arabic out left to right.
    const model = trayModel(snapshot('outage', [service('wa', 'down', 'provider')]), ctx('ar'));
    expect(model.tooltip.startsWith('\u200F')).toBe(true);
    const labels = model.menu.flatMap((item) => [item, ...(item.submenu ?? [])]);
    for (const item of labels) if (item.label) expect(item.label.startsWith('\u200F')).toBe(true);
    // Other languages are left as they are.
    const english = trayModel(snapshot('outage', [service('wa', 'down', 'provider')]), ctx('en'));
    expect(english.tooltip).toMatch(/^Vigie/);
  });

  it('says who is at fault, in words, since when', () => {
    expect(trayModel(snapshot('outage', [service('wa', 'down', 'provider')]), ctx()).tooltip).toBe(
      'Vigie — WhatsApp has been down for everyone since 03:42 PM — the platform’s status page confirms it',
    );
    expect(trayModel(snapshot('outage', [service('wa', 'down', 'network')]), ctx()).tooltip).toBe(
      'Vigie — Your network may be blocking WhatsApp: the platform says all is well',
    );
    expect(
      trayModel(
        snapshot('outage', [
          service('wa', 'down', 'provider'),
          service('fb', 'down', 'provider'),
          service('x', 'degraded', 'unconfirmed', false),
        ]),
        ctx(),
      ).tooltip,
    ).toBe(
      'Vigie — Facebook has been down for everyone since 03:42 PM — the platform’s status page confirms it. 2 other services are affected too.',
    );
    expect(trayModel(snapshot('offline', []), ctx()).tooltip).toBe(
      'Vigie — You are offline: services are checked again once the connection is back',
    );
    expect(trayModel(snapshot('ok', [service('wa', 'up')]), ctx('fr')).tooltip).toBe(
      'Vigie — Tous les services fonctionnent',
    );
    expect(
      trayModel(snapshot('outage', [service('wa', 'down', 'provider')]), ctx('ar')).tooltip,
    ).toContain('WhatsApp متوقفة لدى الجميع');
  });

  it('lists critical services and offers check, open, pause, launch at login, quit', () => {
    const model = trayModel(
      snapshot('outage', [service('wa', 'down', 'provider'), service('x', 'up', null, false)]),
      ctx(),
    );
    expect(model.menu.map((i) => (i.separator ? '—' : i.label))).toEqual([
      'Outage',
      'WhatsApp: down',
      '—',
      'Check now',
      'Open Vigie',
      'Pause checks',
      '—',
      'Launch at login',
      'Quit Vigie',
    ]);
    expect(model.menu[1]?.action).toEqual({ type: 'open', serviceId: 'wa' });
    const pause = model.menu.find((i) => i.label === 'Pause checks');
    expect(pause?.submenu?.map((i) => i.action)).toEqual([
      { type: 'pause', until: NOW + 3600_000 },
      { type: 'pause', until: tomorrowMorning(NOW) },
    ]);
    expect(new Date(tomorrowMorning(NOW)).getHours()).toBe(8);
  });

  it('offers the checklist of the outage under way first, in the user’s language', () => {
    const model = trayModel(snapshot('outage', [service('wa', 'down', 'provider')]), {
      ...ctx('fr'),
      activeRun: { id: 'run-1-wa', services: ['WhatsApp', 'Instagram'] },
    });
    expect(model.menu[3]).toEqual({
      label: 'Ouvrir la liste d’actions (WhatsApp et Instagram)',
      action: { type: 'openRun', runId: 'run-1-wa' },
    });
  });

  it('shows progress while checking, and resume with the end of a pause', () => {
    expect(
      trayModel(snapshot('ok', []), ctx('en', true)).menu.find((i) => i.label === 'Checking…')
        ?.enabled,
    ).toBe(false);
    const paused = trayModel(snapshot('paused', [], { pausedUntil: NOW + 3600_000 }), ctx());
    expect(paused.tooltip).toBe('Vigie — Checks are paused until 05:00 PM');
    expect(paused.menu.some((i) => i.action?.type === 'resume')).toBe(true);
  });
});

describe('while history is not being saved', () => {
  it('the menu says why and the tooltip says it too, in each language', () => {
    const snap = snapshot('ok', [service('wa', 'up')]);
    const ctx = { settings: defaultSettings(), now: NOW, checking: false };
    const en = trayModel(snap, { ...ctx, tr: createTranslator('en'), historyProblem: 'DISK_FULL' });
    expect(en.menu[1]).toEqual({
      label:
        '⚠ History is not being saved: the disk is full. Vigie keeps checking; free some space.',
      enabled: false,
    });
    expect(en.tooltip).toBe('Vigie — All services are up · history not saved');
    const fr = trayModel(snap, { ...ctx, tr: createTranslator('fr'), historyProblem: 'LOCKED' });
    expect(fr.menu[1]?.label).toMatch(/^⚠ L’historique n’est pas enregistré\u00a0: un autre Vigie/);
    const ar = trayModel(snap, {
      ...ctx,
      tr: createTranslator('ar'),
      historyProblem: 'WRITE_FAILED',
    });
    expect(ar.tooltip).toMatch(/لا يُحفظ السجل$/);
    // Saved again: nothing is said.
    const fine = trayModel(snap, { ...ctx, tr: createTranslator('en'), historyProblem: null });
    expect(fine.tooltip).toBe('Vigie — All services are up');
    expect(fine.menu.some((item) => 'label' in item && item.label?.startsWith('⚠'))).toBe(false);
  });
});

describe('once an update is downloaded', () => {
  it('offers the restart with the version, in each language, and nothing before', () => {
    const snap = snapshot('ok', [service('wa', 'up')]);
    const line = (language: 'en' | 'fr' | 'ar', updateReady: string | null) =>
      trayModel(snap, { ...ctx(language), updateReady }).menu.find(
        (item) => item.action?.type === 'installUpdate',
      );
    expect(line('en', '1.2.3')).toEqual({
      label: 'Restart to update to 1.2.3',
      action: { type: 'installUpdate' },
    });
    expect(line('fr', '1.2.3')?.label).toBe('Redémarrer pour passer à la version 1.2.3');
    // Right to left on the system's menu: the label starts with a right-to-left mark.
    expect(line('ar', '1.2.3')?.label).toBe('\u200Fإعادة التشغيل للتحديث إلى الإصدار 1.2.3');
    expect(line('en', null)).toBeUndefined();
  });
});

describe('the tooltip on Windows', () => {
  it('fits in 127 characters, cut at a word with "…"; a short one is kept whole', () => {
    const long =
      'Vigie — Facebook is down for everyone since 03:40 PM — checks from other networks confirm it (and 4 other services)';
    expect(long.length).toBeGreaterThan(110);
    const longer = `${long} · history not saved`;
    const fitted = fitTooltip(longer);
    expect(fitted.length).toBeLessThanOrEqual(127);
    expect(fitted.endsWith('…')).toBe(true);
    expect(longer.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(fitted.slice(0, -1)).not.toMatch(/\s$/);
    expect(fitTooltip('Vigie — All services are up')).toBe('Vigie — All services are up');
  });
});
