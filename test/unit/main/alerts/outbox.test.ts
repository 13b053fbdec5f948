// The outbox on disk, across restarts: what was pending comes back with its back-off, what was
// delivered or dropped never does, an attempt cut by a stop is said once and never made again,
// the file stays private and small, and a failing disk leaves the alerts in memory.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertMessage } from '../../../../main/alerts/channel';
import { entryId, Outbox, OUTBOX_FILE } from '../../../../main/alerts/outbox';
import type { AlertItem } from '../../../../main/alerts/words';
import { OUTAGE_START } from '../../../helpers/alerts';

const MINUTE = 60_000;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-outbox-unit-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function itemOf(serviceId: string, event: 'down' | 'recovered', since = OUTAGE_START): AlertItem {
  const name = serviceId[0]!.toUpperCase() + serviceId.slice(1);
  return { serviceId, name, event, incident: `${serviceId}@${since}`, since, at: since };
}

function messageOf(item: AlertItem): AlertMessage {
  return {
    title: `${item.name} is ${item.event}`,
    body: 'Vigie on boutique-pc',
    event: item.event,
    service: { id: item.serviceId, name: item.name },
    state: item.event === 'down' ? 'down' : 'up',
    cause: item.event === 'down' ? 'provider' : null,
    since: item.since,
    urgent: item.event === 'down',
  };
}

/** Adds the alert of `items` for `channel` at `at`. */
function addTo(outbox: Outbox, channel: string, items: AlertItem[], at = OUTAGE_START) {
  return outbox.add({
    id: entryId(channel, items),
    channel,
    items,
    message: messageOf(items[0]!),
    createdAt: at,
  });
}

/** Closes the outbox and opens the same folder again, as a restarted Vigie does. */
function restart(outbox: Outbox): Outbox {
  outbox.close();
  return new Outbox(dir);
}

function fileLines(): { t: string; id: string }[] {
  return readFileSync(join(dir, OUTBOX_FILE), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { t: string; id: string });
}

describe('alerts outbox', () => {
  it('names an alert by its channel and every change it carries', () => {
    const down = itemOf('whatsapp', 'down');
    const back = itemOf('whatsapp', 'recovered');
    expect(entryId('phone', [down])).toBe(`phone|whatsapp@${OUTAGE_START}/down`);
    expect(entryId('phone', [down, back])).toBe(
      `phone|whatsapp@${OUTAGE_START}/down+whatsapp@${OUTAGE_START}/recovered`,
    );
    expect(entryId('mail', [down])).not.toBe(entryId('phone', [down]));
  });

  it('brings back after a restart what was pending, oldest first, with its message whole', () => {
    const first = new Outbox(dir);
    const down = addTo(first, 'phone', [itemOf('whatsapp', 'down')]);
    const other = addTo(first, 'mail', [itemOf('facebook', 'down')], OUTAGE_START + MINUTE);
    expect(first.has(down.id)).toBe(true);
    const again = restart(first);
    expect(again.pending()).toEqual([down, other]);
    expect(again.pending()[0]).toMatchObject({ nextAt: 0, failures: 0 });
    expect(again.interrupted).toEqual([]);
    expect(again.problem).toBeNull();
    again.close();
  });

  it('keeps a back-off across restarts: the next attempt stays where it was, the step too', () => {
    const first = new Outbox(dir);
    const entry = addTo(first, 'phone', [itemOf('whatsapp', 'down')]);
    first.attempt(entry.id, OUTAGE_START);
    first.retry(entry.id, OUTAGE_START, OUTAGE_START + 2 * MINUTE, 3, {
      key: 'alerts.reasonServerError',
    });
    expect(first.pending()[0]).toMatchObject({ nextAt: OUTAGE_START + 2 * MINUTE, failures: 3 });
    const second = restart(first);
    expect(second.interrupted).toEqual([]);
    expect(second.pending()).toEqual([
      { ...entry, nextAt: OUTAGE_START + 2 * MINUTE, failures: 3 },
    ]);
    // Compacted to the alert and its back-off; opened once more, still the same.
    expect(fileLines().map((l) => l.t)).toEqual(['add', 'retry']);
    const third = restart(second);
    expect(third.pending()).toEqual([{ ...entry, nextAt: OUTAGE_START + 2 * MINUTE, failures: 3 }]);
    third.close();
  });

  it('keeps a 429 wait that came before any failure across a restart', () => {
    const first = new Outbox(dir);
    const entry = addTo(first, 'phone', [itemOf('whatsapp', 'down')]);
    first.attempt(entry.id, OUTAGE_START);
    first.retry(entry.id, OUTAGE_START, OUTAGE_START + 30 * MINUTE, 0, {
      key: 'alerts.reasonRateLimited',
    });
    const second = restart(first);
    const third = restart(second);
    expect(third.pending()).toEqual([
      { ...entry, nextAt: OUTAGE_START + 30 * MINUTE, failures: 0 },
    ]);
    third.close();
  });

  it('never brings back what was delivered or dropped, and leaves an empty file behind', () => {
    const first = new Outbox(dir);
    const sent = addTo(first, 'phone', [itemOf('whatsapp', 'down')]);
    const dropped = addTo(first, 'chat', [itemOf('whatsapp', 'down')]);
    first.attempt(sent.id, OUTAGE_START);
    first.sent(sent.id, OUTAGE_START + 1000);
    first.drop(dropped.id, OUTAGE_START, 'skipped');
    expect(first.pending()).toEqual([]);
    expect(first.has(sent.id)).toBe(false);
    const again = restart(first);
    expect(again.pending()).toEqual([]);
    expect(again.interrupted).toEqual([]);
    expect(readFileSync(join(dir, OUTBOX_FILE), 'utf8')).toBe('');
    again.close();
  });

  it('does not grow with every alert: a restart keeps only what is pending', () => {
    const first = new Outbox(dir);
    for (let i = 0; i < 20; i++) {
      const entry = addTo(first, 'phone', [itemOf(`service${i}`, 'down')]);
      first.attempt(entry.id, OUTAGE_START);
      first.sent(entry.id, OUTAGE_START);
    }
    const last = addTo(first, 'phone', [itemOf('whatsapp', 'down')]);
    restart(first).close();
    expect(fileLines()).toEqual([expect.objectContaining({ t: 'add', id: last.id })]);
  });

  it('says once, after a restart, an attempt that Vigie stopped during, and never makes it again', () => {
    const first = new Outbox(dir);
    const cut = addTo(first, 'phone', [itemOf('whatsapp', 'down')]);
    const retried = addTo(first, 'mail', [itemOf('whatsapp', 'down')]);
    first.attempt(cut.id, OUTAGE_START);
    first.attempt(retried.id, OUTAGE_START);
    first.retry(retried.id, OUTAGE_START, OUTAGE_START + 5000, 1, { key: 'alerts.reasonNetOther' });
    // Killed here: no outcome for the phone's attempt.
    const second = new Outbox(dir);
    expect(second.interrupted).toEqual([cut]);
    expect(second.pending().map((e) => e.id)).toEqual([retried.id]);
    second.close();
    const third = new Outbox(dir);
    expect(third.interrupted).toEqual([]);
    expect(third.pending().map((e) => e.id)).toEqual([retried.id]);
    third.close();
  });

  it('keeps its file to the user alone', () => {
    const outbox = new Outbox(dir);
    addTo(outbox, 'phone', [itemOf('whatsapp', 'down')]);
    expect(statSync(join(dir, OUTBOX_FILE)).mode & 0o777).toBe(0o600);
    restart(outbox).close();
    expect(statSync(join(dir, OUTBOX_FILE)).mode & 0o777).toBe(0o600);
  });

  it('writes each line before it returns, so a kill right after loses nothing', () => {
    const outbox = new Outbox(dir);
    const entry = addTo(outbox, 'phone', [itemOf('whatsapp', 'down')]);
    outbox.attempt(entry.id, OUTAGE_START);
    expect(fileLines()).toEqual([
      expect.objectContaining({ t: 'add', id: entry.id }),
      expect.objectContaining({ t: 'try', id: entry.id }),
    ]);
    outbox.close();
  });

  it('skips blank lines, lines cut by a crash and lines it does not know, and delivers the rest', () => {
    const entry = {
      t: 'add',
      id: 'phone|whatsapp@1/down',
      channel: 'phone',
      items: [itemOf('whatsapp', 'down', 1)],
      message: messageOf(itemOf('whatsapp', 'down', 1)),
      createdAt: OUTAGE_START,
    };
    const lines = [
      JSON.stringify(entry),
      '',
      '   ',
      JSON.stringify({ t: 'later-kind', id: entry.id, at: OUTAGE_START }),
      JSON.stringify({ t: 'retry', id: 'phone|gone@1/down', at: 1, next: 2, failures: 1 }),
      '{"t":"sent","id":"phone|whats',
      // JSON, but not a line of ours: a file edited by hand, a disk that garbled a line.
      'null',
      '42',
      '"sent"',
      JSON.stringify({ t: 'sent' }),
      JSON.stringify({ ...entry, id: 7 }),
    ];
    writeFileSync(join(dir, OUTBOX_FILE), `${lines.join('\n')}\n`);
    const outbox = new Outbox(dir);
    expect(outbox.problem).toBeNull();
    expect(outbox.pending()).toEqual([
      {
        id: entry.id,
        channel: 'phone',
        items: entry.items,
        message: entry.message,
        createdAt: OUTAGE_START,
        nextAt: 0,
        failures: 0,
      },
    ]);
    outbox.close();
  });

  it('goes on in memory, and says why, when the file cannot be read', () => {
    // A folder where the file should be: EISDIR on reading it.
    const blocked = join(dir, OUTBOX_FILE);
    mkdirSync(blocked);
    const outbox = new Outbox(dir);
    expect(outbox.problem).toBe('EISDIR');
    const entry = addTo(outbox, 'phone', [itemOf('whatsapp', 'down')]);
    outbox.attempt(entry.id, OUTAGE_START);
    outbox.retry(entry.id, OUTAGE_START, OUTAGE_START + 5000, 1, { key: 'alerts.reasonNetOther' });
    expect(outbox.pending()).toEqual([{ ...entry, nextAt: OUTAGE_START + 5000, failures: 1 }]);
    outbox.sent(entry.id, OUTAGE_START + 5000);
    expect(outbox.pending()).toEqual([]);
    outbox.close();
  });

  it.runIf(existsSync('/proc/self/fd') && existsSync('/dev/full'))(
    'goes on in memory when the disk is full, and keeps no file open',
    () => {
      const openFiles = () => readdirSync('/proc/self/fd').length;
      const before = openFiles();
      const outbox = new Outbox(dir);
      // The file fills the disk: opening it works, every write fails with ENOSPC.
      symlinkSync('/dev/full', join(dir, OUTBOX_FILE));
      const entry = addTo(outbox, 'phone', [itemOf('whatsapp', 'down')]);
      expect(outbox.problem).toBe('ENOSPC');
      expect(outbox.pending()).toEqual([entry]);
      expect(openFiles()).toBe(before);
      outbox.close();
    },
  );

  it.runIf(existsSync('/proc/self/fd'))(
    'lets go of its file when closed, however often it is opened again',
    () => {
      const openFiles = () => readdirSync('/proc/self/fd').length;
      const before = openFiles();
      for (let i = 0; i < 5; i++) {
        const outbox = new Outbox(dir);
        addTo(outbox, 'phone', [itemOf(`service${i}`, 'down')]);
        outbox.close();
      }
      expect(openFiles()).toBe(before);
      expect(new Outbox(dir).pending()).toHaveLength(5);
    },
  );

  it('goes on in memory, and says why, when the disk fails after the start', () => {
    const data = join(dir, 'data');
    const outbox = new Outbox(data);
    expect(outbox.problem).toBeNull();
    const first = addTo(outbox, 'phone', [itemOf('whatsapp', 'down')]);
    // The folder goes away while the file is open: writing goes on in the open file; a folder
    // that cannot be opened at all shows on the next open.
    outbox.close();
    rmSync(data, { recursive: true, force: true });
    writeFileSync(data, 'now a file');
    const second = addTo(outbox, 'mail', [itemOf('whatsapp', 'down')]);
    expect(outbox.problem).toBe('ENOTDIR');
    expect(outbox.pending().map((e) => e.id)).toEqual([first.id, second.id]);
    outbox.drop(first.id, OUTAGE_START, 'broken');
    expect(outbox.pending().map((e) => e.id)).toEqual([second.id]);
    expect(existsSync(join(dir, OUTBOX_FILE))).toBe(false);
    outbox.close();
  });
});
