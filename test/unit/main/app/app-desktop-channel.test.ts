// The app's notices leave through the desktop channel (main/alerts/desktop.ts), the same
// AlertChannel as ntfy or e-mail: the app against the fake electron module and a scripted engine,
// on the fake clock. What the channel is sent is what the notification shows; its click opens the
// checklist the outage started; a system without notifications gets a broken outcome, logged.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AlertMessage, Outcome } from '../../../../main/alerts/channel';
import type * as DesktopModule from '../../../../main/alerts/desktop';
import { FakeNotification, recorder } from '../../../helpers/fake-electron';
import { world } from '../../../helpers/scripted-engine';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron')).fakeElectron());
vi.mock('electron-updater', async () =>
  (await import('../../../helpers/fake-updater')).fakeElectronUpdater(),
);
vi.mock('../../../../main/engine', async () =>
  (await import('../../../helpers/scripted-engine')).scriptedEngine(),
);

/** Every message the desktop channel was sent, with what it answered. */
const sent = vi.hoisted(() => [] as { message: AlertMessage; outcome: Outcome }[]);

// The real desktop channel, with a record of each send() and its outcome.
vi.mock('../../../../main/alerts/desktop', async (importOriginal) => {
  const real = await importOriginal<typeof DesktopModule>();
  return {
    ...real,
    desktopChannel: (desktop: Parameters<typeof real.desktopChannel>[0]) => {
      const channel = real.desktopChannel(desktop);
      return {
        ...channel,
        send: async (message: AlertMessage, signal?: AbortSignal) => {
          const outcome = await channel.send(message, signal);
          sent.push({ message, outcome });
          return outcome;
        },
      };
    },
  };
});

/** The text of today's log files. */
function logText(): string {
  const dir = join(recorder.userData, 'logs');
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}

beforeAll(async () => {
  vi.useFakeTimers({
    now: new Date(2021, 9, 4, 15, 40).getTime(),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  recorder.userData = mkdtempSync(join(tmpdir(), 'vigie-desktop-channel-'));
  process.env['XDG_CONFIG_HOME'] = join(recorder.userData, 'xdg');
  await import('../../../../main/app/index');
  recorder.ready();
  await vi.waitFor(() => expect(recorder.trays).toHaveLength(1));
  // The first checks: every service up, nothing to tell.
  await vi.advanceTimersByTimeAsync(0);
});

afterAll(() => {
  recorder.appEvents.emit('before-quit');
  vi.useRealTimers();
  vi.restoreAllMocks();
  rmSync(recorder.userData, { recursive: true, force: true });
});

describe('the app’s notices through the desktop channel', () => {
  it('a confirmed outage’s notice is sent to the desktop channel, and that is what is shown', async () => {
    expect(sent).toEqual([]);
    world.states['whatsapp'] = { state: 'down', cause: 'provider' };
    await vi.advanceTimersByTimeAsync(75_000);
    expect(sent).toHaveLength(1);
    const [{ message, outcome }] = sent as [(typeof sent)[number]];
    expect(outcome).toEqual({ kind: 'accepted' });
    expect(message).toMatchObject({
      title: 'WhatsApp is down for everyone',
      event: 'notice',
      service: { id: 'whatsapp', name: 'WhatsApp' },
      state: 'down',
      opens: { runId: expect.stringMatching(/^run-\d+-whatsapp$/) },
    });
    expect(message.body).toMatch(/\nOpen Vigie for the checklist\.$/);
    expect(recorder.notifications.map((n) => n.options)).toEqual([
      { title: message.title, body: message.body },
    ]);
  });

  it('its click opens the window on the checklist the message names', () => {
    const opens = sent[0]!.message.opens;
    recorder.notifications[0]!.emit('click');
    expect(recorder.windows.at(-1)!.webContents.sent).toContainEqual({
      channel: 'vigie:event',
      payload: { type: 'focusRun', runId: opens && 'runId' in opens ? opens.runId : null },
    });
  });

  it('on a system without notifications, the recovery is refused as broken and logged; nothing shows', async () => {
    vi.spyOn(FakeNotification, 'isSupported').mockReturnValue(false);
    const shown = recorder.notifications.length;
    world.states['whatsapp'] = { state: 'up', cause: null };
    await vi.advanceTimersByTimeAsync(180_000);
    expect(sent.at(-1)).toMatchObject({
      message: { title: 'WhatsApp is back', state: 'up' },
      outcome: { kind: 'broken', reason: { key: 'localChannels.desktopUnsupported' } },
    });
    expect(recorder.notifications).toHaveLength(shown);
    expect(logText()).toContain(
      '[notify] notice not shown reason=localChannels.desktopUnsupported',
    );
  });
});
