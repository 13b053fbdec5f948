// The outbox and the dispatcher: each alert once per channel, never through a channel whose
// service is down, back-off on network errors and 5xx, 429's wait, permanent errors that break a
// channel, nothing while offline, a down and its recovery as one message, and a restart that
// sends what was pending exactly once.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertMessage, Outcome } from '../../../../main/alerts/channel';
import { AlertDispatcher, alertFilter, type AlertReport } from '../../../../main/alerts/dispatcher';
import { Outbox, OUTBOX_FILE } from '../../../../main/alerts/outbox';
import { emptySnapshot } from '../../../../main/shell/tray-model';
import { alertsSchema } from '../../../../shared/alerts/schema';
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

/** A channel whose attempts end when the test says, or a turn after a stop aborts them. */
class SlowChannel extends FakeChannel {
  private readonly ends: ((outcome: Outcome) => void)[] = [];

  override send(message: AlertMessage, signal?: AbortSignal): Promise<Outcome> {
    this.sent.push(message);
    return new Promise((resolve) => {
      this.ends.push(resolve);
      // Like a request on a socket: the abort ends it as a network error, on a later turn.
      const aborted = () =>
        setImmediate(() =>
          resolve({ kind: 'retry', reason: { key: 'alerts.reasonNetOther', values: {} } }),
        );
      if (signal?.aborted) aborted();
      else signal?.addEventListener('abort', aborted, { once: true });
    });
  }

  /** Ends the oldest attempt under way. */
  finish(outcome: Outcome = { kind: 'accepted' }): void {
    const end = this.ends.shift();
    if (!end) throw new Error(`${this.id}: no attempt under way`);
    end(outcome);
  }
}

describe('alert dispatcher, order and timing', () => {
  const serverError = { kind: 'retry', reason: { key: 'alerts.reasonServerError' } } as const;
  const down = (id: string, at: number, since = OUTAGE_START) => statusOf(id, 'down', at, since);
  const tr = createTranslator('en');
  const wasDown = (from: number, to: number) =>
    `WhatsApp was down from ${tr.time(from, OUTAGE_START)} to ${tr.time(to, OUTAGE_START)}`;

  it('alerts only on the services of the alerts config', async () => {
    const phone = new FakeChannel('phone');
    const clock = new ManualClock(OUTAGE_START);
    const config = alertsSchema.parse({ services: ['facebook'], channels: [] });
    const dispatcher = new AlertDispatcher({
      channels: [phone],
      outbox: new Outbox(dir),
      tr,
      host: 'boutique-pc',
      ...alertFilter(config),
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
    expect(phone.sent.map((m) => m.title)).toEqual(['Facebook is down for everyone']);
  });

  it('a stop lets the attempt under way end, starts no other, and leaves nothing "interrupted"', async () => {
    const phone = new SlowChannel('phone');
    const w = world([phone]);
    const changes = [wentDown('whatsapp', OUTAGE_START), wentDown('facebook', OUTAGE_START)];
    w.dispatcher.changes(
      changes,
      snapshotOf(
        OUTAGE_START,
        changes.map((c) => c.current),
      ),
    );
    expect(phone.sent).toHaveLength(1);
    await w.dispatcher.close();
    expect(phone.sent).toHaveLength(1);
    // The next start knows how the attempt ended (a network error): both alerts still to send,
    // neither said to have been cut by the stop.
    const next = new Outbox(dir);
    expect(next.interrupted).toEqual([]);
    expect(next.pending().map((e) => [e.message.title, e.failures])).toEqual([
      ['WhatsApp is down for everyone', 1],
      ['Facebook is down for everyone', 0],
    ]);
    next.close();
  });

  it('never sends an alert twice at once when a snapshot comes during its attempt', async () => {
    const phone = new SlowChannel('phone');
    const w = world([phone]);
    const change = wentDown('whatsapp', OUTAGE_START);
    w.dispatcher.changes([change], snapshotOf(OUTAGE_START, [change.current]));
    w.clock.advance(MINUTE);
    w.dispatcher.observe(snapshotOf(w.clock.now(), [down('whatsapp', w.clock.now())]));
    expect(phone.sent).toHaveLength(1);
    phone.finish();
    await w.dispatcher.idle();
    expect(phone.sent).toHaveLength(1);
    expect(w.reports.filter((r) => r.kind === 'delivered')).toHaveLength(1);
  });

  it('sends nothing more once the connection is lost during an attempt, the rest once it is back', async () => {
    const phone = new SlowChannel('phone');
    const w = world([phone]);
    const changes = [wentDown('whatsapp', OUTAGE_START), wentDown('facebook', OUTAGE_START)];
    const services = () => [down('whatsapp', w.clock.now()), down('facebook', w.clock.now())];
    w.dispatcher.changes(changes, snapshotOf(OUTAGE_START, services()));
    w.clock.advance(MINUTE);
    w.dispatcher.observe(snapshotOf(w.clock.now(), services(), 'offline'));
    phone.finish();
    await w.dispatcher.idle();
    expect(phone.sent.map((m) => m.title)).toEqual(['WhatsApp is down for everyone']);
    w.clock.advance(MINUTE);
    w.dispatcher.observe(snapshotOf(w.clock.now(), services()));
    phone.finish();
    await w.dispatcher.idle();
    expect(phone.sent.map((m) => m.title)).toEqual([
      'WhatsApp is down for everyone',
      'Facebook is down for everyone',
    ]);
  });

  it('after a restart, sends nothing before the first check: a channel through a service found down is not tried', async () => {
    const chat = new FakeChannel('chat', ['slack'], 'webhook').answer(serverError);
    const w = world([chat]);
    const slackUp = statusOf('slack', 'up', OUTAGE_START, OUTAGE_START - 60 * MINUTE);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)], [slackUp]);
    expect(chat.sent).toHaveLength(1);
    // Stopped in its back-off; started again a minute later, before any check.
    const again = new FakeChannel('chat', ['slack'], 'webhook');
    const later = world([again], new ManualClock(OUTAGE_START + MINUTE));
    later.dispatcher.observe(emptySnapshot());
    await later.dispatcher.idle();
    expect(again.sent).toHaveLength(0);
    const now = later.clock.now();
    later.dispatcher.observe(
      snapshotOf(now, [down('whatsapp', now), statusOf('slack', 'down', now, now)]),
    );
    await later.dispatcher.idle();
    expect(again.sent).toHaveLength(0);
    expect(later.reports).toContainEqual({ kind: 'waiting', channels: ['chat'] });
  });

  it('says "offline" only when something waits, and again in each offline spell', async () => {
    const phone = new FakeChannel('phone');
    const w = world([phone]);
    const offline = (services: ServiceStatus[]) =>
      w.dispatcher.observe(snapshotOf(w.clock.now(), services, 'offline'));
    offline([statusOf('whatsapp', 'up', w.clock.now(), OUTAGE_START - 60 * MINUTE)]);
    expect(w.reports).toEqual([]);
    // Confirmed as the connection went: one alert waits, and that is said.
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)], [], 'offline');
    expect(w.reports).toEqual([{ kind: 'offline', count: 1 }]);
    w.clock.advance(MINUTE);
    await cycle(w, [], [down('whatsapp', w.clock.now())]);
    w.clock.advance(MINUTE);
    await cycle(w, [wentDown('facebook', w.clock.now())], [], 'offline');
    expect(w.reports.filter((r) => r.kind === 'offline')).toEqual([
      { kind: 'offline', count: 1 },
      { kind: 'offline', count: 1 },
    ]);
    expect(phone.sent.map((m) => m.title)).toEqual(['WhatsApp is down for everyone']);
  });

  it('holds an alert about several services while any of them is being checked again', async () => {
    const phone = new FakeChannel('phone');
    const w = world([phone]);
    const ids = ['whatsapp', 'facebook', 'instagram'];
    await cycle(
      w,
      ids.map((id) => wentDown(id, OUTAGE_START)),
      [],
      'offline',
    );
    w.clock.advance(MINUTE);
    const now = w.clock.now();
    // Back online: WhatsApp not checked again yet ("unknown, offline here"), the others still down.
    w.dispatcher.observe(
      snapshotOf(now, [
        statusOf('whatsapp', 'unknown', now, now, 'local'),
        down('facebook', now),
        down('instagram', now),
      ]),
    );
    await w.dispatcher.idle();
    expect(phone.sent).toHaveLength(0);
    w.clock.advance(MINUTE);
    w.dispatcher.observe(
      snapshotOf(
        w.clock.now(),
        ids.map((id) => down(id, w.clock.now())),
      ),
    );
    await w.dispatcher.idle();
    expect(phone.sent).toHaveLength(1);
  });

  it('skips a channel through a down service at once while another channel’s copy waits out a back-off', async () => {
    const phone = new FakeChannel('phone').answer(serverError);
    const chat = new FakeChannel('chat', ['slack'], 'webhook');
    const w = world([phone, chat]);
    await cycle(
      w,
      [wentDown('whatsapp', OUTAGE_START)],
      [statusOf('slack', 'down', OUTAGE_START, OUTAGE_START)],
    );
    expect(w.reports.filter((r) => r.kind === 'waiting' || r.kind === 'skipped')).toEqual([
      { kind: 'skipped', channel: 'chat', services: ['Slack'] },
    ]);
    await advance(w, 5 * SECOND);
    expect(phone.sent).toHaveLength(2);
    expect(chat.sent).toHaveLength(0);
  });

  it('a down and its recovery sent as one message count as delivered for the other channels', async () => {
    const chat = new FakeChannel('chat', ['slack'], 'webhook').answer({
      kind: 'wait',
      afterMs: 30 * MINUTE,
      reason: { key: 'alerts.reasonRateLimited' },
    });
    const phone = new FakeChannel('phone');
    const w = world([chat, phone]);
    const slack = (state: 'up' | 'down') => statusOf('slack', state, w.clock.now(), OUTAGE_START);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)], [slack('up')], 'offline');
    w.clock.advance(25 * MINUTE);
    await cycle(w, [cameBack('whatsapp', w.clock.now(), OUTAGE_START)], [slack('up')], 'offline');
    w.clock.advance(MINUTE);
    const up = () => statusOf('whatsapp', 'up', w.clock.now(), OUTAGE_START + 25 * MINUTE);
    await cycle(w, [], [up(), slack('up')]);
    expect(phone.sent.map((m) => m.title)).toEqual([
      wasDown(OUTAGE_START, OUTAGE_START + 25 * MINUTE),
    ]);
    // Slack goes down while chat's copy waits out its 429: the phone carried it already.
    w.clock.advance(MINUTE);
    await cycle(w, [], [up(), slack('down')]);
    expect(w.reports.filter((r) => r.kind === 'waiting')).toEqual([]);
    w.clock.advance(MINUTE);
    await cycle(w, [], [up(), slack('up')]);
    await advance(w, 60 * MINUTE);
    expect(chat.sent).toHaveLength(1);
  });

  it('never merges an alert about three services with one service’s recovery', async () => {
    const phone = new FakeChannel('phone');
    const w = world([phone]);
    const ids = ['whatsapp', 'facebook', 'instagram'];
    await cycle(
      w,
      ids.map((id) => wentDown(id, OUTAGE_START)),
      [],
      'offline',
    );
    w.clock.advance(20 * MINUTE);
    await cycle(w, [cameBack('whatsapp', w.clock.now(), OUTAGE_START)], [], 'offline');
    w.clock.advance(MINUTE);
    const now = w.clock.now();
    await cycle(
      w,
      [],
      [statusOf('whatsapp', 'up', now, now), down('facebook', now), down('instagram', now)],
    );
    expect(phone.sent).toHaveLength(2);
    expect(phone.sent.map((m) => m.title).at(-1)).toBe('WhatsApp is back');
    expect(phone.sent[0]?.body).toContain('Instagram');
  });

  it('never merges one service’s down with a recovery of three services', async () => {
    const phone = new FakeChannel('phone');
    const w = world([phone]);
    const ids = ['whatsapp', 'facebook', 'instagram'];
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)], [], 'offline');
    await cycle(
      w,
      [wentDown('facebook', OUTAGE_START), wentDown('instagram', OUTAGE_START)],
      [],
      'offline',
    );
    w.clock.advance(20 * MINUTE);
    await cycle(
      w,
      ids.map((id) => cameBack(id, w.clock.now(), OUTAGE_START)),
      [],
      'offline',
    );
    w.clock.advance(MINUTE);
    const now = w.clock.now();
    await cycle(
      w,
      [],
      ids.map((id) => statusOf(id, 'up', now, now - MINUTE)),
    );
    expect(phone.sent.map((m) => m.title).slice(0, 3)).toEqual([
      'WhatsApp is down for everyone',
      'Facebook is down for everyone',
      'Instagram is down for everyone',
    ]);
    expect(phone.sent).toHaveLength(4);
  });

  it('never merges one service’s down with another service’s recovery', async () => {
    const phone = new FakeChannel('phone');
    const w = world([phone]);
    await cycle(w, [wentDown('facebook', OUTAGE_START)]);
    w.clock.advance(10 * MINUTE);
    await cycle(w, [wentDown('whatsapp', w.clock.now())], [], 'offline');
    w.clock.advance(10 * MINUTE);
    await cycle(w, [cameBack('facebook', w.clock.now(), OUTAGE_START)], [], 'offline');
    w.clock.advance(MINUTE);
    const now = w.clock.now();
    await cycle(
      w,
      [],
      [down('whatsapp', now, now - 11 * MINUTE), statusOf('facebook', 'up', now, now)],
    );
    expect(phone.sent.map((m) => m.title)).toEqual([
      'Facebook is down for everyone',
      'WhatsApp is down for everyone',
      'Facebook is back',
    ]);
  });

  it('a recovery confirmed while its down waits out a back-off goes out with it as one message, never "back" before "down"', async () => {
    const phone = new FakeChannel('phone').answer(serverError, serverError, serverError);
    const w = world([phone]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    await advance(w, 5 * SECOND);
    await advance(w, 30 * SECOND);
    // Three failures: the next try is 2 minutes away. WhatsApp is back a minute later.
    w.clock.advance(MINUTE);
    const back = w.clock.now();
    await cycle(w, [cameBack('whatsapp', back, OUTAGE_START)]);
    await advance(w, 15 * MINUTE);
    expect(phone.sent.map((m) => m.title)).toEqual([
      'WhatsApp is down for everyone',
      'WhatsApp is down for everyone',
      'WhatsApp is down for everyone',
      wasDown(OUTAGE_START, back),
    ]);
  });

  it('a new alert during a 429’s wait waits for its end too, on that channel only', async () => {
    const phone = new FakeChannel('phone').answer({
      kind: 'wait',
      afterMs: 2 * MINUTE,
      reason: { key: 'alerts.reasonRateLimited' },
    });
    const mail = new FakeChannel('mail', [], 'email');
    const w = world([phone, mail]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    w.clock.advance(MINUTE);
    await cycle(w, [wentDown('facebook', w.clock.now())]);
    expect(phone.sent.map((m) => m.title)).toEqual(['WhatsApp is down for everyone']);
    expect(mail.sent).toHaveLength(2);
    await advance(w, MINUTE);
    expect(phone.sent.map((m) => m.title)).toEqual([
      'WhatsApp is down for everyone',
      'WhatsApp is down for everyone',
      'Facebook is down for everyone',
    ]);
  });

  it('an alert held for a re-check when its back-off ends waits for the answer without looping', async () => {
    const phone = new FakeChannel('phone').answer(serverError);
    const w = world([phone]);
    await cycle(w, [wentDown('whatsapp', OUTAGE_START)]);
    w.clock.advance(SECOND);
    // WhatsApp is being checked again (the verdict waits for the re-check that confirms it).
    w.dispatcher.observe(
      snapshotOf(w.clock.now(), [{ ...down('whatsapp', w.clock.now()), pending: 'up' }]),
    );
    await advance(w, 4 * SECOND);
    await advance(w, 10 * SECOND);
    expect(phone.sent).toHaveLength(1);
    await cycle(w, [], [down('whatsapp', w.clock.now())]);
    expect(phone.sent.map((m) => m.title)).toEqual([
      'WhatsApp is down for everyone',
      'WhatsApp is down for everyone',
    ]);
  });
});
