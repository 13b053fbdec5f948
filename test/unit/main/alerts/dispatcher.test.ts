// The outbox and the dispatcher: each alert once per channel, never through a channel whose
// service is down, back-off on network errors and 5xx, 429's wait, permanent errors that break a
// channel, nothing while offline, a down and its recovery as one message, and a restart that
// sends what was pending exactly once.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertDispatcher, type AlertReport } from '../../../../main/alerts/dispatcher';
import { Outbox, OUTBOX_FILE } from '../../../../main/alerts/outbox';
import { createTranslator } from '../../../../shared/i18n';
import type { ServiceStatus, VerdictChange } from '../../../../shared/types';
import { snapshotOf } from '../../../helpers/snapshots';
import {
  cameBack,
  FakeChannel,
  ManualClock,
  OUTAGE_START,
  statusOf,
  wentDown,
} from '../../../helpers/alerts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-outbox-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface World {
  clock: ManualClock;
  dispatcher: AlertDispatcher;
  reports: AlertReport[];
}

function world(channels: FakeChannel[], clock = new ManualClock(OUTAGE_START)): World {
  const reports: AlertReport[] = [];
  const dispatcher = new AlertDispatcher({
    channels,
    outbox: new Outbox(dir),
    tr: createTranslator('en'),
    host: 'boutique-pc',
    events: ['down', 'recovered'],
    now: clock.now,
    setTimer: clock.setTimer,
    report: (r) => reports.push(r),
  });
  return { clock, dispatcher, reports };
}

/** The changes of one cycle, with the snapshot they lead to (other services as given). */
async function cycle(
  w: World,
  changes: VerdictChange[],
  others: ServiceStatus[] = [],
  connectivity: 'online' | 'offline' = 'online',
): Promise<void> {
  w.dispatcher.changes(
    changes,
    snapshotOf(w.clock.now(), [...changes.map((c) => c.current), ...others], connectivity),
  );
  await w.dispatcher.idle();
}

async function advance(w: World, ms: number): Promise<void> {
  w.clock.advance(ms);
  await w.dispatcher.idle();
}

describe('alert dispatcher', () => {
  it('sends a down then a recovery through every channel once each', async () => {
    const phone = new FakeChannel('phone');
    const mail = new FakeChannel('mail', [], 'email');
    const w = world([phone, mail]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    w.clock.advance(25 * MINUTE);
    await cycle(w, [cameBack('whatsapp', w.clock.now(), OUTAGE_START)]);
    for (const channel of [phone, mail]) {
      expect(channel.sent.map((m) => m.title)).toEqual([
        'WhatsApp is down for everyone',
        'WhatsApp is back',
      ]);
    }
    expect(w.reports.filter((r) => r.kind === 'delivered')).toHaveLength(4);
  });

  it('writes the alert to the outbox before the first attempt, and no address or secret', async () => {
    const phone = new FakeChannel('phone');
    const w = world([phone]);
    let fileAtSend = '';
    phone.send = (message) => {
      fileAtSend = readFileSync(join(dir, OUTBOX_FILE), 'utf8');
      phone.sent.push(message);
      return Promise.resolve({ kind: 'accepted' });
    };
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    const lines = fileAtSend
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { t: string; channel?: string });
    expect(lines.map((l) => l.t)).toEqual(['add', 'try']);
    expect(lines[0]?.channel).toBe('phone');
  });

  it('skips a channel whose service is down and goes through the others', async () => {
    const phone = new FakeChannel('phone');
    const chat = new FakeChannel('chat', ['slack'], 'webhook');
    const w = world([phone, chat]);
    const slackDown = statusOf('slack', 'down', OUTAGE_START, OUTAGE_START - 5 * MINUTE);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)], [slackDown]);
    expect(phone.sent).toHaveLength(1);
    expect(chat.sent).toHaveLength(0);
    expect(w.reports).toContainEqual({ kind: 'skipped', channel: 'chat', services: ['Slack'] });
    // Slack back: the skipped alert is not sent late.
    w.clock.advance(MINUTE);
    w.dispatcher.observe(
      snapshotOf(w.clock.now(), [statusOf('slack', 'up', w.clock.now(), w.clock.now())]),
    );
    await w.dispatcher.idle();
    expect(chat.sent).toHaveLength(0);
  });

  it('waits for the first channel that comes back when no other can carry the alert', async () => {
    const chat = new FakeChannel('chat', ['slack'], 'webhook');
    const w = world([chat]);
    const slackDown = statusOf('slack', 'down', OUTAGE_START, OUTAGE_START);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)], [slackDown]);
    expect(chat.sent).toHaveLength(0);
    expect(w.reports).toContainEqual({ kind: 'waiting', channels: ['chat'] });
    w.clock.advance(10 * MINUTE);
    w.dispatcher.observe(
      snapshotOf(w.clock.now(), [
        statusOf('whatsapp', 'down', w.clock.now(), OUTAGE_START),
        statusOf('slack', 'up', w.clock.now(), w.clock.now()),
      ]),
    );
    await w.dispatcher.idle();
    expect(chat.sent.map((m) => m.title)).toEqual(['WhatsApp is down for everyone']);
  });

  it('retries a 503 after 5 s, 30 s, 2 min, 10 min, then every 15 min', async () => {
    const serverError = { kind: 'retry', reason: { key: 'alerts.reasonServerError' } } as const;
    const phone = new FakeChannel('phone').answer(
      ...Array<typeof serverError>(6).fill(serverError),
    );
    const w = world([phone]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const next = w.clock.nextTimer();
      if (next === null) throw new Error('no retry scheduled');
      waits.push(next - w.clock.now());
      await advance(w, next - w.clock.now());
    }
    expect(waits).toEqual([
      5 * SECOND,
      30 * SECOND,
      2 * MINUTE,
      10 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
    ]);
    expect(phone.sent).toHaveLength(7);
    expect(w.clock.nextTimer()).toBeNull();
  });

  it('waits as long as a 429 asks, then sends', async () => {
    const phone = new FakeChannel('phone').answer({
      kind: 'wait',
      afterMs: 34 * SECOND,
      reason: { key: 'alerts.reasonRateLimited' },
    });
    const w = world([phone]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    await advance(w, 33 * SECOND);
    expect(phone.sent).toHaveLength(1);
    await advance(w, SECOND);
    expect(phone.sent).toHaveLength(2);
    expect(w.reports.at(-1)).toMatchObject({ kind: 'delivered', channel: 'phone' });
  });

  it('stops at a 403: the channel is broken, said once, and nothing more goes through it', async () => {
    const tg = new FakeChannel('tg', [], 'telegram').answer({
      kind: 'broken',
      reason: {
        key: 'alerts.reasonUnauthorized',
        values: { host: 'api.telegram.org', status: 403 },
      },
    });
    const phone = new FakeChannel('phone');
    const w = world([tg, phone]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    await advance(w, 20 * MINUTE);
    await cycle(w, [cameBack('whatsapp', w.clock.now(), OUTAGE_START)]);
    expect(tg.sent).toHaveLength(1);
    expect(phone.sent).toHaveLength(2);
    expect(w.reports.filter((r) => r.kind === 'broken')).toEqual([
      {
        kind: 'broken',
        channel: 'tg',
        reason: expect.objectContaining({ key: 'alerts.reasonUnauthorized' }),
      },
    ]);
    expect(w.dispatcher.brokenChannels().has('tg')).toBe(true);
  });

  it('tries nothing offline, then sends a down and its recovery as one message', async () => {
    const phone = new FakeChannel('phone');
    const w = world([phone]);
    // The down was confirmed just before the connection went.
    const down = wentDown('whatsapp', OUTAGE_START);
    await cycle(w, [down], [], 'offline');
    w.clock.advance(25 * MINUTE);
    await cycle(w, [cameBack('whatsapp', w.clock.now(), OUTAGE_START)], [], 'offline');
    expect(phone.sent).toHaveLength(0);
    expect(w.reports).toContainEqual({ kind: 'offline', count: 1 });
    w.clock.advance(MINUTE);
    w.dispatcher.observe(
      snapshotOf(w.clock.now(), [statusOf('whatsapp', 'up', w.clock.now(), w.clock.now())]),
    );
    await w.dispatcher.idle();
    const tr = createTranslator('en');
    expect(phone.sent.map((m) => m.title)).toEqual([
      `WhatsApp was down from ${tr.time(OUTAGE_START, OUTAGE_START)} to ${tr.time(OUTAGE_START + 25 * MINUTE, OUTAGE_START)}`,
    ]);
  });

  it('tells a recovery seen after an offline spell, and merges it with the down still pending', async () => {
    const phone = new FakeChannel('phone').answer({
      kind: 'wait',
      afterMs: 30 * MINUTE,
      reason: { key: 'alerts.reasonRateLimited' },
    });
    const w = world([phone]);
    const down = wentDown('whatsapp', OUTAGE_START);
    await cycle(w, [down]);
    // Offline: WhatsApp becomes "unknown, local"; back online, it is up.
    w.clock.advance(10 * MINUTE);
    const local = statusOf('whatsapp', 'unknown', w.clock.now(), w.clock.now(), 'local');
    await cycle(
      w,
      [{ ...down, at: w.clock.now(), previous: down.current, current: local }],
      [],
      'offline',
    );
    w.clock.advance(15 * MINUTE);
    const up = statusOf('whatsapp', 'up', w.clock.now(), w.clock.now());
    await cycle(w, [{ ...down, at: w.clock.now(), previous: local, current: up }]);
    await advance(w, 30 * MINUTE);
    const tr = createTranslator('en');
    expect(phone.sent.map((m) => m.title)).toEqual([
      'WhatsApp is down for everyone',
      `WhatsApp was down from ${tr.time(OUTAGE_START, OUTAGE_START)} to ${tr.time(OUTAGE_START + 25 * MINUTE, OUTAGE_START)}`,
    ]);
  });

  it('back online, holds a pending down while its service is re-checked, then sends it with its recovery as one', async () => {
    const phone = new FakeChannel('phone').answer({
      kind: 'wait',
      afterMs: 30 * SECOND,
      reason: { key: 'alerts.reasonRateLimited' },
    });
    const w = world([phone]);
    const down = wentDown('whatsapp', OUTAGE_START);
    await cycle(w, [down]);
    expect(phone.sent).toHaveLength(1);
    w.clock.advance(10 * SECOND);
    const local = statusOf('whatsapp', 'unknown', w.clock.now(), w.clock.now(), 'local');
    await cycle(
      w,
      [{ ...down, at: w.clock.now(), previous: down.current, current: local }],
      [],
      'offline',
    );
    // Back online, long after the 429's wait. The first snapshot comes before WhatsApp is checked
    // again (still "unknown, offline here"), the next while its re-check confirms it: nothing yet.
    w.clock.advance(MINUTE);
    w.dispatcher.observe(snapshotOf(w.clock.now(), [local]));
    await advance(w, 0);
    expect(phone.sent).toHaveLength(1);
    w.clock.advance(SECOND);
    w.dispatcher.observe(snapshotOf(w.clock.now(), [{ ...local, cause: null, pending: 'up' }]));
    await advance(w, 0);
    expect(phone.sent).toHaveLength(1);
    w.clock.advance(SECOND);
    const up = statusOf('whatsapp', 'up', w.clock.now(), w.clock.now());
    await cycle(w, [{ ...down, at: w.clock.now(), previous: local, current: up }]);
    const tr = createTranslator('en');
    expect(phone.sent.map((m) => m.title)).toEqual([
      'WhatsApp is down for everyone',
      `WhatsApp was down from ${tr.time(OUTAGE_START, OUTAGE_START)} to ${tr.time(w.clock.now(), OUTAGE_START)}`,
    ]);
  });

  it('alerts only on the events and services asked for', async () => {
    const phone = new FakeChannel('phone');
    const reports: AlertReport[] = [];
    const clock = new ManualClock(OUTAGE_START);
    const dispatcher = new AlertDispatcher({
      channels: [phone],
      outbox: new Outbox(dir),
      tr: createTranslator('en'),
      host: 'boutique-pc',
      events: ['recovered'],
      services: ['whatsapp'],
      now: clock.now,
      setTimer: clock.setTimer,
      report: (r) => reports.push(r),
    });
    const changes = [wentDown('whatsapp', OUTAGE_START), wentDown('facebook', OUTAGE_START)];
    dispatcher.changes(
      changes,
      snapshotOf(
        OUTAGE_START,
        changes.map((c) => c.current),
      ),
    );
    await dispatcher.idle();
    expect(phone.sent).toHaveLength(0);
  });

  it('after a restart sends what was pending exactly once, and never resends an interrupted attempt', async () => {
    const serverError = { kind: 'retry', reason: { key: 'alerts.reasonServerError' } } as const;
    const phone = new FakeChannel('phone').answer(serverError);
    const w = world([phone]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    expect(phone.sent).toHaveLength(1);
    // Killed here: nothing closed. A later Vigie opens the same folder.
    const again = new FakeChannel('phone');
    const later = world([again], new ManualClock(OUTAGE_START + MINUTE));
    later.dispatcher.observe(
      snapshotOf(later.clock.now(), [
        statusOf('whatsapp', 'down', later.clock.now(), OUTAGE_START),
      ]),
    );
    await later.dispatcher.idle();
    expect(again.sent.map((m) => m.title)).toEqual(['WhatsApp is down for everyone']);
    // A third start finds nothing left to send.
    const third = new FakeChannel('phone');
    const last = world([third], new ManualClock(OUTAGE_START + 2 * MINUTE));
    last.dispatcher.observe(snapshotOf(last.clock.now(), []));
    await last.dispatcher.idle();
    expect(third.sent).toHaveLength(0);

    // An attempt cut by a kill (written "try", no outcome) is not sent again, and is said.
    const file = join(dir, OUTBOX_FILE);
    const add = {
      t: 'add',
      id: 'phone|facebook@1/down',
      channel: 'phone',
      items: [
        {
          serviceId: 'facebook',
          name: 'Facebook',
          event: 'down',
          incident: 'facebook@1',
          since: 1,
          at: 1,
        },
      ],
      message: again.sent[0],
      createdAt: OUTAGE_START,
    };
    writeFileSync(
      file,
      `${JSON.stringify(add)}\n${JSON.stringify({ t: 'try', id: add.id, at: OUTAGE_START })}\n`,
    );
    const fourth = new FakeChannel('phone');
    const after = world([fourth], new ManualClock(OUTAGE_START + 3 * MINUTE));
    after.dispatcher.observe(snapshotOf(after.clock.now(), []));
    await after.dispatcher.idle();
    expect(fourth.sent).toHaveLength(0);
    expect(after.reports).toContainEqual({ kind: 'interrupted', channel: 'phone' });
  });

  it('goes on from memory, and says why, when the data folder cannot hold the outbox', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const outbox = new Outbox(join(blocker, 'data'));
    expect(outbox.problem).toBe('ENOTDIR');
    const phone = new FakeChannel('phone');
    const clock = new ManualClock(OUTAGE_START);
    const dispatcher = new AlertDispatcher({
      channels: [phone],
      outbox,
      tr: createTranslator('en'),
      host: 'boutique-pc',
      events: ['down', 'recovered'],
      now: clock.now,
      setTimer: clock.setTimer,
      report: () => undefined,
    });
    const change = wentDown('whatsapp', OUTAGE_START);
    dispatcher.changes([change], snapshotOf(OUTAGE_START, [change.current]));
    await dispatcher.idle();
    expect(phone.sent).toHaveLength(1);
  });

  it('survives a line cut in half by a crash', async () => {
    writeFileSync(join(dir, OUTBOX_FILE), '{"t":"add","id":"phone|x');
    const phone = new FakeChannel('phone');
    const w = world([phone]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    expect(phone.sent).toHaveLength(1);
  });
});

describe('alert dispatcher, what else a user would notice', () => {
  const serverError = { kind: 'retry', reason: { key: 'alerts.reasonServerError' } } as const;

  it('sends nothing while Vigie is paused, and what is pending once it checks again', async () => {
    const phone = new FakeChannel('phone');
    const w = world([phone]);
    const change = wentDown('whatsapp', OUTAGE_START);
    w.dispatcher.changes([change], {
      ...snapshotOf(OUTAGE_START, [change.current]),
      overall: 'paused',
    });
    await w.dispatcher.idle();
    expect(phone.sent).toHaveLength(0);
    w.clock.advance(MINUTE);
    w.dispatcher.observe(snapshotOf(w.clock.now(), [change.current]));
    await w.dispatcher.idle();
    expect(phone.sent.map((m) => m.title)).toEqual(['WhatsApp is down for everyone']);
  });

  it('says once that it is offline, counting each alert once whatever its channels', async () => {
    const phone = new FakeChannel('phone');
    const mail = new FakeChannel('mail', [], 'email');
    const w = world([phone, mail]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)], [], 'offline');
    w.clock.advance(MINUTE);
    w.dispatcher.observe(
      snapshotOf(
        w.clock.now(),
        [statusOf('whatsapp', 'down', w.clock.now(), OUTAGE_START)],
        'offline',
      ),
    );
    await w.dispatcher.idle();
    expect(w.reports.filter((r) => r.kind === 'offline')).toEqual([{ kind: 'offline', count: 1 }]);
    expect(phone.sent).toHaveLength(0);
  });

  it('alerts only on the services asked for', async () => {
    const phone = new FakeChannel('phone');
    const clock = new ManualClock(OUTAGE_START);
    const dispatcher = new AlertDispatcher({
      channels: [phone],
      outbox: new Outbox(dir),
      tr: createTranslator('en'),
      host: 'boutique-pc',
      events: ['down', 'recovered'],
      services: ['whatsapp'],
      now: clock.now,
      setTimer: clock.setTimer,
      report: () => undefined,
    });
    const changes = [wentDown('whatsapp', OUTAGE_START), wentDown('facebook', OUTAGE_START)];
    dispatcher.changes(
      changes,
      snapshotOf(
        OUTAGE_START,
        changes.map((c) => c.current),
      ),
    );
    await dispatcher.idle();
    expect(phone.sent.map((m) => m.title)).toEqual(['WhatsApp is down for everyone']);
  });

  it('does not start a back-off again when the same change is seen twice', async () => {
    const phone = new FakeChannel('phone').answer(serverError, serverError);
    const w = world([phone]);
    const change = wentDown('whatsapp', OUTAGE_START);
    await cycle(w, [change]);
    await advance(w, 5 * SECOND);
    expect(phone.sent).toHaveLength(2);
    // The second failure waits 30 s; the same change again must not reset that to "now".
    await cycle(w, [change]);
    expect(phone.sent).toHaveLength(2);
    await advance(w, 30 * SECOND);
    expect(phone.sent).toHaveLength(3);
  });

  it('sends a new alert at once while an older one on the same channel is in back-off', async () => {
    const phone = new FakeChannel('phone').answer(serverError);
    const w = world([phone]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    w.clock.advance(SECOND);
    await cycle(w, [wentDown('facebook', w.clock.now())]);
    expect(phone.sent.map((m) => m.title)).toEqual([
      'WhatsApp is down for everyone',
      'Facebook is down for everyone',
    ]);
  });

  it('never skips an alert because another channel through the same down service has it', async () => {
    const chat = new FakeChannel('chat', ['slack'], 'webhook');
    const team = new FakeChannel('team', ['slack'], 'webhook');
    const w = world([chat, team]);
    const slackDown = statusOf('slack', 'down', OUTAGE_START, OUTAGE_START);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)], [slackDown]);
    w.clock.advance(MINUTE);
    w.dispatcher.observe(
      snapshotOf(w.clock.now(), [
        statusOf('whatsapp', 'down', w.clock.now(), OUTAGE_START),
        statusOf('slack', 'down', w.clock.now(), OUTAGE_START),
      ]),
    );
    await w.dispatcher.idle();
    expect(w.reports.filter((r) => r.kind === 'skipped')).toEqual([]);
    expect(w.reports.filter((r) => r.kind === 'waiting')).toHaveLength(1);
    w.clock.advance(MINUTE);
    w.dispatcher.observe(
      snapshotOf(w.clock.now(), [
        statusOf('whatsapp', 'down', w.clock.now(), OUTAGE_START),
        statusOf('slack', 'up', w.clock.now(), w.clock.now()),
      ]),
    );
    await w.dispatcher.idle();
    expect(chat.sent).toHaveLength(1);
    expect(team.sent).toHaveLength(1);
  });

  it('skips a waiting channel once another channel has delivered the alert', async () => {
    const chat = new FakeChannel('chat', ['slack'], 'webhook').answer({
      kind: 'wait',
      afterMs: 30 * MINUTE,
      reason: { key: 'alerts.reasonRateLimited' },
    });
    const phone = new FakeChannel('phone');
    const w = world([chat, phone]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    expect(phone.sent).toHaveLength(1);
    // Slack goes down while chat's copy waits out its 429: the phone already carried it.
    w.clock.advance(MINUTE);
    w.dispatcher.observe(
      snapshotOf(w.clock.now(), [
        statusOf('whatsapp', 'down', w.clock.now(), OUTAGE_START),
        statusOf('slack', 'down', w.clock.now(), w.clock.now()),
      ]),
    );
    await w.dispatcher.idle();
    expect(w.reports).toContainEqual({ kind: 'skipped', channel: 'chat', services: ['Slack'] });
    await advance(w, 60 * MINUTE);
    expect(chat.sent).toHaveLength(1);
  });

  it('a broken channel does not take the other channels’ alerts with it', async () => {
    const tg = new FakeChannel('tg', [], 'telegram').answer({
      kind: 'broken',
      reason: {
        key: 'alerts.reasonUnauthorized',
        values: { host: 'api.telegram.org', status: 403 },
      },
    });
    const phone = new FakeChannel('phone').answer(serverError);
    const w = world([phone, tg]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    await advance(w, 5 * SECOND);
    expect(phone.sent).toHaveLength(2);
    expect(w.reports.filter((r) => r.kind === 'delivered')).toEqual([
      expect.objectContaining({ channel: 'phone' }),
    ]);
  });

  it('two services down while offline go out as two messages, not merged', async () => {
    const phone = new FakeChannel('phone');
    const w = world([phone]);
    await cycle(
      w,
      [wentDown('whatsapp', OUTAGE_START), wentDown('facebook', OUTAGE_START)],
      [],
      'offline',
    );
    w.clock.advance(MINUTE);
    w.dispatcher.observe(
      snapshotOf(w.clock.now(), [
        statusOf('whatsapp', 'down', w.clock.now(), OUTAGE_START),
        statusOf('facebook', 'down', w.clock.now(), OUTAGE_START),
      ]),
    );
    await w.dispatcher.idle();
    expect(phone.sent.map((m) => m.title)).toEqual([
      'WhatsApp is down for everyone',
      'Facebook is down for everyone',
    ]);
  });

  it('sends nothing more once closed, and closes its channels', async () => {
    const phone = new FakeChannel('phone').answer(serverError);
    const w = world([phone]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    await w.dispatcher.close();
    expect(phone.closed).toBe(true);
    await advance(w, 60 * MINUTE);
    w.dispatcher.observe(
      snapshotOf(w.clock.now(), [statusOf('whatsapp', 'down', w.clock.now(), OUTAGE_START)]),
    );
    await w.dispatcher.idle();
    expect(phone.sent).toHaveLength(1);
  });
});
