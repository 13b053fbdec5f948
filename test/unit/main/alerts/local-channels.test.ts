// The two local channels, the desktop notification and `watch`'s lines: the same AlertChannel as
// ntfy or e-mail, always there and never configured. What each shows or prints, what it answers
// (accepted, or broken with the reason in words when the system refuses), what a click opens.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localMessage, type ClickTarget } from '../../../../main/alerts/channel';
import { desktopChannel, desktopMessage, type Desktop } from '../../../../main/alerts/desktop';
import { terminalChannel } from '../../../../main/alerts/terminal';
import { loadConfigFile } from '../../../../main/engine/config-file';
import type { Run } from '../../../../shared/checklist-types';
import { alertsSchema } from '../../../../shared/alerts/schema';
import { createTranslator } from '../../../../shared/i18n';
import { cameBack, OUTAGE_START, wentDown } from '../../../helpers/alerts';

/** A desktop that records what it shows and what clicks open. */
function recordingDesktop(supported = true) {
  const shown: { title: string; body: string; click: () => void }[] = [];
  const opened: (ClickTarget | undefined)[] = [];
  const desktop: Desktop = {
    supported: () => supported,
    show: (title, body, onClick) => shown.push({ title, body, click: onClick }),
    open: (target) => opened.push(target),
  };
  return { desktop, shown, opened };
}

const en = createTranslator('en');
const down = wentDown('whatsapp', OUTAGE_START);

/** A checklist run that the outage of `serviceId` opened. */
function runFor(serviceId: string, name: string): Run {
  return {
    id: 'run-1',
    startedAt: OUTAGE_START,
    endedAt: null,
    services: [{ id: serviceId, name }],
    incidentIds: [`${serviceId}@${OUTAGE_START}`],
    openIncidentIds: [`${serviceId}@${OUTAGE_START}`],
    steps: [],
    events: [],
  };
}

describe('the desktop channel', () => {
  it('is a local channel: no platform it depends on, a kind of its own', () => {
    const channel = desktopChannel(recordingDesktop().desktop);
    expect(channel).toMatchObject({ id: 'desktop', kind: 'desktop', dependsOn: [] });
  });

  it('shows the title and body at once, and says it was accepted', async () => {
    const { desktop, shown } = recordingDesktop();
    const sending = desktopChannel(desktop).send(
      localMessage('WhatsApp is down for everyone', 'Meta’s status page confirms it.', down),
    );
    // Shown before the promise settles: notices keep the order they were sent in.
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'WhatsApp is down for everyone', body: 'Meta’s status page confirms it.' },
    ]);
    expect(await sending).toEqual({ kind: 'accepted' });
  });

  it('a click opens what the message names, or the window as it is', async () => {
    const { desktop, shown, opened } = recordingDesktop();
    const channel = desktopChannel(desktop);
    await channel.send(localMessage('a', 'b', down, { runId: 'run-1' }));
    await channel.send(localMessage('c', 'd', null));
    expect(opened).toEqual([]);
    shown[1]!.click();
    shown[0]!.click();
    expect(opened).toEqual([undefined, { runId: 'run-1' }]);
  });

  it('on a system without notifications, shows nothing and says why in each language', async () => {
    const { desktop, shown } = recordingDesktop(false);
    const outcome = await desktopChannel(desktop).send(localMessage('a', 'b', down));
    expect(shown).toEqual([]);
    expect(outcome).toEqual({
      kind: 'broken',
      reason: { key: 'localChannels.desktopUnsupported' },
    });
    if (outcome.kind !== 'broken') throw new Error('not broken');
    expect(en.t(outcome.reason.key)).toBe('this system does not show notifications');
    expect(createTranslator('fr').t(outcome.reason.key)).toBe(
      'ce système n’affiche pas de notifications',
    );
    expect(createTranslator('ar').t(outcome.reason.key)).toBe('لا يعرض هذا النظام الإشعارات');
  });

  it('a notification the system refuses is a broken outcome in words, never a throw', async () => {
    const channel = desktopChannel({
      supported: () => true,
      show: () => {
        throw new Error('DBus: org.freedesktop.Notifications not provided');
      },
      open: () => undefined,
    });
    const outcome = await channel.send(localMessage('a', 'b', down));
    expect(outcome).toEqual({ kind: 'broken', reason: { key: 'localChannels.desktopRefused' } });
    expect(createTranslator('fr').t('localChannels.desktopRefused')).toBe(
      'le système a refusé d’afficher la notification',
    );
  });
});

describe('a notice as the desktop channel’s message', () => {
  const notice = {
    title: 'WhatsApp is down for everyone',
    body: 'Meta’s status page confirms it. DNS SERVFAIL for web.whatsapp.com',
    serviceId: 'whatsapp',
  };

  it('an outage that opened a checklist offers it on a line of its own; a click opens the run', () => {
    const message = desktopMessage(notice, [down], [runFor('whatsapp', 'WhatsApp')], en);
    expect(message).toMatchObject({
      title: 'WhatsApp is down for everyone',
      body: 'Meta’s status page confirms it. DNS SERVFAIL for web.whatsapp.com\nOpen Vigie for the checklist.',
      opens: { runId: 'run-1' },
      event: 'notice',
      service: { id: 'whatsapp', name: 'WhatsApp' },
      state: 'down',
      cause: 'provider',
      urgent: true,
    });
  });

  it('with no checklist, the body is the notice’s and a click opens the service', () => {
    const message = desktopMessage(notice, [down], [runFor('facebook', 'Facebook')], en);
    expect(message.body).toBe(notice.body);
    expect(message.opens).toEqual({ serviceId: 'whatsapp' });
  });

  it('the checklist line is in the notice’s language, right to left in Arabic', () => {
    const ar = createTranslator('ar');
    const message = desktopMessage(notice, [down], [runFor('whatsapp', 'WhatsApp')], ar);
    const line = message.body.split('\n')[1]!;
    expect(line.startsWith('\u200f')).toBe(true);
    expect(line).toContain(ar.t('checklist.openNotice'));
  });

  it('a grouped or offline notice is about no one service and opens the window as it is', () => {
    const message = desktopMessage(
      { title: '3 services changed', body: 'Facebook, Instagram and WhatsApp are down.' },
      [down, wentDown('facebook', OUTAGE_START), wentDown('instagram', OUTAGE_START)],
      [],
      en,
    );
    expect(message).toMatchObject({ service: null, state: null, urgent: false });
    expect(message).not.toHaveProperty('opens');
  });
});

describe('the terminal channel (watch’s lines)', () => {
  it('is a local channel: no platform it depends on, a kind of its own', () => {
    expect(terminalChannel(() => undefined)).toMatchObject({
      id: 'terminal',
      kind: 'terminal',
      dependsOn: [],
    });
  });

  it('writes the line at once, then the body when there is one, and says it was accepted', async () => {
    const lines: string[] = [];
    const channel = terminalChannel((line) => lines.push(line));
    const back = cameBack('whatsapp', OUTAGE_START + 25 * 60_000, OUTAGE_START);
    const sending = channel.send(localMessage('04:05:00 PM  WhatsApp: down → up', '', back));
    expect(lines).toEqual(['04:05:00 PM  WhatsApp: down → up']);
    expect(await sending).toEqual({ kind: 'accepted' });
    await channel.send(localMessage('Vigie', 'Your settings were reset.', null));
    expect(lines.slice(1)).toEqual(['Vigie', 'Your settings were reset.']);
  });

  it('a terminal that cannot be written to is a broken outcome in words, never a throw', async () => {
    const channel = terminalChannel(() => {
      throw new Error('EBADF: bad file descriptor, write');
    });
    const outcome = await channel.send(localMessage('a line', '', null));
    expect(outcome).toEqual({ kind: 'broken', reason: { key: 'localChannels.terminalRefused' } });
    expect(createTranslator('ar').t('localChannels.terminalRefused')).toBe(
      'تعذّرت الكتابة في الطرفية',
    );
  });
});

describe('the local kinds are not kinds of a config file', () => {
  it.each(['desktop', 'terminal'])('the alerts object refuses "kind": "%s"', (kind) => {
    expect(alertsSchema.safeParse({ channels: [{ id: 'here', kind }] }).success).toBe(false);
  });

  it('a config file with a desktop channel is refused, naming where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-local-kinds-'));
    try {
      const file = join(dir, 'vigie.json');
      writeFileSync(
        file,
        JSON.stringify({
          version: 1,
          connectivity: { targets: [{ url: 'http://127.0.0.1/' }] },
          services: [],
          alerts: { channels: [{ id: 'here', kind: 'desktop' }] },
        }),
      );
      const loaded = await loadConfigFile(file, 'en');
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(loaded.problems.map((p) => p.path)).toContain('alerts.channels[0].kind');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
