// The Electron shell against a fake electron module, with the real scheduler, history and settings
// driven by a scripted world and fake timers: what a user would see in the tray, the notifications
// and the window, and what a hostile page could not do.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServiceConfig, VigieConfig } from '../../../../shared/config-schema';
import type { ServiceStatus, VerdictState } from '../../../../shared/types';
import { openHistory } from '../../../../main/history/store';
import { recorder, type FakeWindow, type MenuItemSpec } from '../../../helpers/fake-electron';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron')).fakeElectron());
vi.mock('electron-updater', async () =>
  (await import('../../../helpers/fake-updater')).fakeElectronUpdater(),
);

const world = vi.hoisted(() => ({
  states: {} as Record<string, { state: VerdictState; cause: ServiceStatus['cause'] }>,
  checks: 0,
  intervals: [] as number[],
}));

vi.mock('../../../../main/engine', async () => {
  const { Scheduler } = await import('../../../../main/engine/scheduler');
  const { localStatus } = await import('../../../../main/engine/cycle');
  return {
    createEngine: (config: VigieConfig, options: { initial?: readonly ServiceStatus[] } = {}) => {
      world.intervals.push(config.intervalSeconds);
      const checkService = async (s: ServiceConfig): Promise<ServiceStatus> => {
        const at = Date.now();
        const w = world.states[s.id] ?? { state: 'up', cause: null };
        return {
          id: s.id,
          name: s.name,
          critical: s.critical,
          ...(s.provider ? { provider: s.provider } : {}),
          checkedAt: at,
          state: w.state,
          cause: w.cause,
          summary: w.state === 'up' ? 'all checks passed' : 'DNS SERVFAIL for web.whatsapp.com',
          probes:
            w.state === 'up'
              ? []
              : [
                  {
                    kind: 'dns',
                    target: 'web.whatsapp.com',
                    state: 'down',
                    code: 'DNS_SERVFAIL',
                    latencyMs: 9,
                    bytes: 80,
                    detail: 'DNS SERVFAIL for web.whatsapp.com',
                    attempts: 2,
                  },
                ],
        };
      };
      // A check is counted by its connectivity check: one per interval, one for "Check now".
      const checkConnectivity = async () => {
        world.checks++;
        const at = Date.now();
        const connectivity = {
          state: 'online' as const,
          detail: '2/2 references answered',
          references: [],
          checkedAt: at,
        };
        return { connectivity, checkedAt: at, bytes: 100 };
      };
      const scheduler = new Scheduler({
        config,
        checkConnectivity,
        checkService,
        localStatus,
        now: () => Date.now(),
        random: () => 0.5,
        initial: options.initial,
      });
      const tryService = async (s: { id: string; name: string }): Promise<ServiceStatus> => ({
        id: s.id,
        name: s.name,
        critical: false,
        checkedAt: Date.now(),
        state: 'up',
        cause: null,
        summary: 'all checks passed',
        probes: [],
      });
      return { scheduler, tryService, close: async () => scheduler.stop() };
    },
  };
});

const tray = () => recorder.trays[0]!;
const autostart = () => join(recorder.userData, 'xdg', 'autostart', 'vigie.desktop');
const item = (items: MenuItemSpec[], label: string) => items.find((i) => i.label === label);

beforeAll(async () => {
  vi.useFakeTimers({
    now: new Date(2021, 9, 4, 15, 40).getTime(),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  recorder.userData = mkdtempSync(join(tmpdir(), 'vigie-app-'));
  // Launch at login on Linux writes an XDG autostart entry: here, never in the real ~/.config.
  process.env['XDG_CONFIG_HOME'] = join(recorder.userData, 'xdg');
  await import('../../../../main/app/index');
  recorder.ready();
  await vi.waitFor(() => expect(recorder.trays).toHaveLength(1));
});

afterAll(() => {
  recorder.appEvents.emit('before-quit');
  vi.useRealTimers();
  rmSync(recorder.userData, { recursive: true, force: true });
});

describe('the tray', () => {
  it('starts checking at once, then says all is well', async () => {
    expect(tray().image).toBe('/app/build/icons/tray-checking-32.png');
    await vi.advanceTimersByTimeAsync(0);
    expect(tray().tooltip).toBe('Vigie — All services are up');
    expect(tray().menu.map((i) => i.label ?? '—')).toEqual([
      'All services are up',
      'Facebook: up',
      'Instagram: up',
      'WhatsApp: up',
      'Gmail / Google Workspace: up',
      '—',
      'Check now',
      'Open Vigie',
      'Pause checks',
      '—',
      'Launch at login',
      'Quit Vigie',
    ]);
  });

  it('a single failed cycle changes nothing; a confirmed outage changes the icon and tells the user why', async () => {
    world.states['whatsapp'] = { state: 'down', cause: 'provider' };
    await vi.advanceTimersByTimeAsync(60_000);
    expect(tray().image).toBe('/app/build/icons/tray-ok-32.png');
    expect(recorder.notifications).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(tray().image).toBe('/app/build/icons/tray-outage-32.png');
    expect(tray().tooltip).toMatch(
      /^Vigie — WhatsApp has been down for everyone since \d\d:\d\d (AM|PM) — Meta’s status page confirms it$/,
    );
    expect(recorder.notifications.map((n) => n.options)).toEqual([
      {
        title: 'WhatsApp is down for everyone',
        body: 'Meta’s status page confirms it. DNS SERVFAIL for web.whatsapp.com\nOpen Vigie for the checklist.',
      },
    ]);
    // The tray offers the outage's checklist first.
    expect(tray().menu.map((i) => i.label)).toContain('Open the checklist (WhatsApp)');
  });

  it('"Check now" runs a check', async () => {
    const before = world.checks;
    item(tray().menu, 'Check now')!.click!();
    await vi.advanceTimersByTimeAsync(0);
    expect(world.checks).toBe(before + 1);
  });

  it('pauses for an hour, says so, and remembers it', async () => {
    item(item(tray().menu, 'Pause checks')!.submenu!, 'For 1 hour')!.click!();
    expect(tray().image).toBe('/app/build/icons/tray-paused-32.png');
    expect(tray().tooltip).toMatch(/^Vigie — Checks are paused until/);
    const saved = JSON.parse(readFileSync(join(recorder.userData, 'settings.json'), 'utf8'));
    expect(saved.pausedUntil).toBeGreaterThan(Date.now());
    item(tray().menu, 'Resume checks')!.click!();
    await vi.advanceTimersByTimeAsync(1);
    expect(tray().image).toBe('/app/build/icons/tray-outage-32.png');
  });

  it('launch at login is a checkbox that writes the XDG autostart entry on Linux', () => {
    item(tray().menu, 'Launch at login')!.click!();
    expect(readFileSync(autostart(), 'utf8')).toContain(`Exec="${process.execPath}" --hidden`);
    expect(item(tray().menu, 'Launch at login')!.checked).toBe(true);
    // Electron's login item does nothing on Linux: it is not what is used there.
    expect(recorder.loginItem).toBeNull();
  });

  it('records the history of what it saw', () => {
    const history = openHistory({ dir: recorder.userData, readOnly: true });
    expect(history.incidents()).toEqual([
      expect.objectContaining({ serviceId: 'whatsapp', end: null, cause: 'provider' }),
    ]);
    history.close();
  });
});

describe('the window', () => {
  let window: FakeWindow;

  it('opens on the outage’s checklist from its notification, locked down', () => {
    recorder.notifications[0]!.emit('click');
    expect(recorder.windows).toHaveLength(1);
    window = recorder.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String(window.options.webPreferences['preload'])).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.loaded).toMatch(/^file:\/\/.*renderer[\\/]index\.html$/);
    expect(window.webContents.sent).toContainEqual({
      channel: 'vigie:event',
      payload: { type: 'focusRun', runId: expect.stringMatching(/^run-\d+-whatsapp$/) },
    });
  });

  it('refuses navigation and pop-ups; only https links open, in the browser', () => {
    const navigation = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    window.webContents.emit('will-navigate', navigation, 'https://evil.example/');
    expect(navigation.prevented).toBe(true);
    expect(window.webContents.openHandler!({ url: 'https://metastatus.com/' })).toEqual({
      action: 'deny',
    });
    expect(window.webContents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({
      action: 'deny',
    });
    expect(recorder.opened).toEqual(['https://metastatus.com/']);
    let granted: boolean | null = null;
    window.webContents.permissionRequest!(
      window.webContents,
      'media',
      (answer) => (granted = answer),
    );
    expect(granted).toBe(false);
    expect(window.webContents.permissionCheck!()).toBe(false);
  });

  it('remembers its size and place a moment after they stop changing (Linux has no resized/moved)', async () => {
    const savedWindow = () =>
      JSON.parse(readFileSync(join(recorder.userData, 'settings.json'), 'utf8')).window;
    window.bounds = { width: 1000, height: 700, x: 50, y: 60 };
    window.emit('resize');
    window.emit('move');
    await vi.advanceTimersByTimeAsync(499);
    expect(savedWindow()).not.toEqual({ width: 1000, height: 700, x: 50, y: 60 });
    await vi.advanceTimersByTimeAsync(1);
    expect(savedWindow()).toEqual({ width: 1000, height: 700, x: 50, y: 60 });
    // And when it closes, whatever the timer.
    window.bounds = { width: 900, height: 640, x: 5, y: 6 };
    window.emit('move');
    window.emit('close');
    expect(savedWindow()).toEqual({ width: 900, height: 640, x: 5, y: 6 });
  });

  it('answers its own page, and only its own page, with validated requests', async () => {
    const ours = { sender: window.webContents, senderFrame: { url: window.loaded, parent: null } };
    const snapshot = (await recorder.handlers.get('snapshot:get')!(ours, [])) as {
      ok: boolean;
      value: { overall: string };
    };
    expect(snapshot).toMatchObject({ ok: true, value: { overall: 'outage' } });
    const stranger = { sender: { id: -1 }, senderFrame: { url: window.loaded, parent: null } };
    expect(await recorder.handlers.get('snapshot:get')!(stranger, [])).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    });
    const otherPage = {
      sender: window.webContents,
      senderFrame: { url: 'https://evil.example/index.html', parent: null },
    };
    expect(await recorder.handlers.get('snapshot:get')!(otherPage, [])).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    });
    expect(await recorder.handlers.get('engine:pause')!(ours, ['soon'])).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('until') },
    });
    expect(
      await recorder.handlers.get('shell:openExternal')!(ours, ['http://plain.example/']),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('only https links') },
    });
    expect(
      await recorder.handlers.get('settings:set')!(ours, [{ intervalSeconds: 1 }]),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await recorder.handlers.get('settings:set')!(ours, [{ language: 'fr' }])).toMatchObject({
      ok: true,
      value: { language: 'fr' },
    });
    // The tray speaks the new language at once.
    expect(tray().menu.map((i) => i.label)).toContain('Ouvrir Vigie');
  });

  it('is destroyed when closed, and made anew on demand', () => {
    window.destroyed = true;
    window.emit('closed');
    item(tray().menu, 'Ouvrir Vigie')!.click!();
    expect(recorder.windows).toHaveLength(2);
  });
});

describe('settings from the window', () => {
  it('a new interval restarts the engine without announcing known outages again', async () => {
    const window = recorder.windows.at(-1)!;
    const ours = { sender: window.webContents, senderFrame: { url: window.loaded, parent: null } };
    const notified = recorder.notifications.length;
    expect(
      await recorder.handlers.get('settings:set')!(ours, [{ intervalSeconds: 120 }]),
    ).toMatchObject({ ok: true });
    expect(world.intervals.at(-1)).toBe(120);
    const checks = world.checks;
    await vi.advanceTimersByTimeAsync(1);
    expect(world.checks).toBe(checks + 1);
    await vi.advanceTimersByTimeAsync(119_000);
    expect(world.checks).toBe(checks + 1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(world.checks).toBe(checks + 2);
    expect(recorder.notifications).toHaveLength(notified);
    expect(tray().image).toBe('/app/build/icons/tray-outage-32.png');
    // Only the interval changed: the language and the login item are as the user left them.
    const saved = JSON.parse(readFileSync(join(recorder.userData, 'settings.json'), 'utf8'));
    expect(saved).toMatchObject({ intervalSeconds: 120, language: 'fr', launchAtLogin: true });
    expect(tray().menu.map((i) => i.label)).toContain('Quitter Vigie');
  });
});

describe("the window's other requests", () => {
  const ours = () => {
    const window = recorder.windows.at(-1)!;
    return { sender: window.webContents, senderFrame: { url: window.loaded, parent: null } };
  };

  it('exports incidents where the person chose, and writes nothing when they cancel', async () => {
    const target = join(recorder.userData, 'export.csv');
    recorder.saveAnswer = target;
    const saved = await recorder.handlers.get('history:export')!(ours(), ['csv']);
    expect(saved).toEqual({ ok: true, value: { path: target } });
    expect(recorder.saveDialogs.at(-1)?.defaultPath).toMatch(
      /^\/documents\/vigie-incidents-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync(target, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'id,service,start,end,duration_minutes,worst_state,cause,end_note,evidence,official_messages',
    );
    expect(csv).toContain('WhatsApp');
    // A place that refuses the file leaves nothing there, and says so in the window's language
    // (French since a test above), not in the file system's English.
    const missing = join(recorder.userData, 'unplugged-key');
    recorder.saveAnswer = join(missing, 'export.csv');
    expect(await recorder.handlers.get('history:export')!(ours(), ['csv'])).toEqual({
      ok: false,
      error: {
        code: 'FAILED',
        message: `Non enregistré\u00a0: le fichier n’a pas pu être écrit dans ${missing}\u202f; choisissez un autre emplacement.`,
      },
    });
    recorder.saveAnswer = null;
    expect(await recorder.handlers.get('history:export')!(ours(), ['json'])).toEqual({
      ok: true,
      value: { path: null },
    });
  });

  it('turns launch at login on and off from the settings view', async () => {
    await recorder.handlers.get('settings:set')!(ours(), [{ launchAtLogin: false }]);
    expect(existsSync(autostart())).toBe(false);
    await recorder.handlers.get('settings:set')!(ours(), [{ launchAtLogin: true }]);
    expect(existsSync(autostart())).toBe(true);
  });

  it('lists the catalog with the choices in effect, and tries a new service once', async () => {
    const catalog = (await recorder.handlers.get('catalog:get')!(ours(), [])) as {
      value: { id: string; critical: boolean; custom: boolean }[];
    };
    expect(catalog.value.length).toBeGreaterThan(10);
    expect(catalog.value.find((e) => e.id === 'whatsapp')).toMatchObject({ custom: false });
    const tried = await recorder.handlers.get('services:try')!(ours(), [
      { name: 'My shop', url: 'https://shop.example/', expectStatus: null },
    ]);
    expect(tried).toMatchObject({
      ok: true,
      value: { service: { id: 'own-my-shop', name: 'My shop' }, status: { state: 'up' } },
    });
    expect(
      await recorder.handlers.get('services:try')!(ours(), [
        { name: 'WhatsApp', url: 'https://shop.example/', expectStatus: null },
      ]),
      // In the window's language (French since a test above), as the form says it.
    ).toMatchObject({ ok: false, error: { message: 'Un service porte déjà ce nom.' } });
    const info = (await recorder.handlers.get('app:info')!(ours(), [])) as {
      value: { dataDir: string; bytesToday: number; bytesPerMonth: number };
    };
    expect(info.value.dataDir).toBe(recorder.userData);
    expect(info.value.bytesToday).toBeGreaterThan(0);
    // A month at the interval set: far more than today's few cycles.
    expect(info.value.bytesPerMonth).toBeGreaterThan(info.value.bytesToday);
  });
});

describe('the checklist from the window', () => {
  const ours = () => {
    const window = recorder.windows.at(-1)!;
    return { sender: window.webContents, senderFrame: { url: window.loaded, parent: null } };
  };
  const invoke = (channel: string, ...args: unknown[]) =>
    recorder.handlers.get(channel)!(ours(), args) as Promise<{
      ok: boolean;
      value: never;
      error?: { message: string };
    }>;

  it('shows the run the outage opened, ticks a step, copies a message and exports the report', async () => {
    const state = (await invoke('checklist:get')).value as {
      runs: { id: string; services: { id: string }[]; steps: { key: string; done: unknown }[] }[];
    };
    expect(state.runs).toHaveLength(1);
    const run = state.runs[0]!;
    expect(run.services.map((s) => s.id)).toEqual(['whatsapp']);
    const ticked = (await invoke('checklist:tick', run.id, 'd-tell-team', true))
      .value as typeof state;
    expect(ticked.runs[0]!.steps.find((s) => s.key === 'd-tell-team')!.done).toMatchObject({
      at: expect.any(Number),
    });
    expect(await invoke('checklist:tick', run.id, 'D!', true)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('key') },
    });
    expect(await invoke('clipboard:write', 'Call us at 06 12 34 56 78')).toMatchObject({
      ok: true,
    });
    expect(recorder.clipboard).toEqual(['Call us at 06 12 34 56 78']);
    const target = join(recorder.userData, 'report.md');
    recorder.saveAnswer = target;
    expect(await invoke('checklist:report', run.id, 'md')).toMatchObject({
      ok: true,
      value: { path: target },
    });
    expect(recorder.saveDialogs.at(-1)?.defaultPath).toMatch(/vigie-report-whatsapp-.*\.md$/);
    const report = readFileSync(target, 'utf8');
    expect(report).toMatch(/^# Rapport d’incident\u00a0: WhatsApp/);
    expect(report).toContain('Fait\u00a0: Prévenez l’équipe sur le canal de secours');
  });
});

describe('the log file', () => {
  it('holds the confirmed outages and a window page that stopped, in userData/logs', () => {
    recorder.appEvents.emit('render-process-gone', {}, {}, { reason: 'crashed', exitCode: 139 });
    const logs = join(recorder.userData, 'logs');
    const text = readFileSync(join(logs, readdirSync(logs)[0]!), 'utf8');
    expect(text).toMatch(/INFO {2}\[app\] started version=0\.1\.0-test/);
    expect(text).toMatch(/\[engine\] whatsapp up → down cause=provider/);
    expect(text).toMatch(/ERROR \[window\] the window's page stopped \(crashed\) exitCode=139/);
  });
});

describe('quitting', () => {
  it('"Quit" quits', () => {
    item(tray().menu, 'Quitter Vigie')!.click!();
    expect(recorder.quit).toBe(1);
  });
});
