// The words of an alert: the desktop notification's, with the time and its zone and "Vigie on
// <computer>", in English, French and Arabic; grouped from three services; a down and its
// recovery as one sentence.
import { describe, expect, it } from 'vitest';
import {
  collapsedMessage,
  composeAlerts,
  itemOf,
  testMessage,
} from '../../../../main/alerts/words';
import { createTranslator } from '../../../../shared/i18n';
import { snapshotOf } from '../../../helpers/snapshots';
import { cameBack, OUTAGE_START, wentDown } from '../../../helpers/alerts';

const HOST = 'boutique-pc';
const MINUTE = 60_000;

describe('alert words', () => {
  const down = wentDown('whatsapp', OUTAGE_START);
  const snapshot = snapshotOf(OUTAGE_START, [down.current]);

  it('tells the notification’s story with the time, its zone and the computer (English)', () => {
    const tr = createTranslator('en');
    const [alert] = composeAlerts([down], snapshot, tr, OUTAGE_START, HOST);
    expect(alert?.message.title).toBe('WhatsApp is down for everyone');
    expect(alert?.message.body).toContain('Meta’s status page confirms it.');
    // The date and the local time with its zone, apart: "on October 4, 2021 at 03:40 PM UTC".
    expect(alert?.message.body).toMatch(/Seen on October 4, 2021 at 03:40 PM \S+ by Vigie/);
    expect(alert?.message.body).toContain('by Vigie on boutique-pc.');
    expect(alert?.items).toEqual([
      expect.objectContaining({
        serviceId: 'whatsapp',
        event: 'down',
        incident: `whatsapp@${OUTAGE_START}`,
      }),
    ]);
  });

  it('says it in French with no English sentence inside', () => {
    const tr = createTranslator('fr');
    const [alert] = composeAlerts([down], snapshot, tr, OUTAGE_START, HOST);
    const text = `${alert?.message.title}\n${alert?.message.body}`;
    expect(text).toContain('par Vigie sur boutique-pc.');
    expect(text).not.toMatch(/\b(is down|status page|Seen on|by Vigie)\b/);
  });

  it('says it in Arabic, right to left from its first character, the computer name isolated', () => {
    const tr = createTranslator('ar');
    const [alert] = composeAlerts([down], snapshot, tr, OUTAGE_START, HOST);
    expect(alert?.message.title.startsWith('\u200f')).toBe(true);
    expect(alert?.message.body.startsWith('\u200f')).toBe(true);
    expect(alert?.message.body).toContain('\u2068boutique-pc\u2069');
  });

  it('makes one grouped alert when three services change at once, one each below that', () => {
    const tr = createTranslator('en');
    const three = ['whatsapp', 'facebook', 'instagram'].map((id) => wentDown(id, OUTAGE_START));
    const grouped = composeAlerts(
      three,
      snapshotOf(
        OUTAGE_START,
        three.map((c) => c.current),
      ),
      tr,
      OUTAGE_START,
      HOST,
    );
    expect(grouped).toHaveLength(1);
    expect(grouped[0]?.items).toHaveLength(3);
    expect(grouped[0]?.message.title).toBe('3 services changed');
    const two = composeAlerts(three.slice(0, 2), snapshot, tr, OUTAGE_START, HOST);
    expect(two).toHaveLength(2);
  });

  it('says nothing of a first verdict after a start', () => {
    const tr = createTranslator('en');
    const first = { ...down, previous: null };
    expect(composeAlerts([first], snapshot, tr, OUTAGE_START, HOST)).toEqual([]);
  });

  it('gives a down and its recovery the same incident, and one sentence for both', () => {
    const tr = createTranslator('en');
    const back = cameBack('whatsapp', OUTAGE_START + 25 * MINUTE, OUTAGE_START);
    const downItem = itemOf(down, 'down');
    const backItem = itemOf(back, 'recovered');
    expect(backItem.incident).toBe(downItem.incident);
    const message = collapsedMessage(downItem, backItem, HOST, tr);
    expect(message.title).toBe(
      `WhatsApp was down from ${tr.time(OUTAGE_START, OUTAGE_START)} to ${tr.time(OUTAGE_START + 25 * MINUTE, OUTAGE_START)}`,
    );
    expect(message.body).toContain('It was down for 25 minutes.');
    expect(message.event).toBe('recovered');
  });

  it('says the day a down that began before midnight began on, in the language’s words', () => {
    const evening = new Date(2021, 9, 4, 23, 10).getTime();
    const morning = new Date(2021, 9, 5, 1, 5).getTime();
    const downItem = itemOf(
      { ...down, at: evening, current: { ...down.current, since: evening } },
      'down',
    );
    const backItem = itemOf(cameBack('whatsapp', morning, evening), 'recovered');
    const said = (language: 'fr' | 'ar') =>
      collapsedMessage(downItem, backItem, HOST, createTranslator(language)).title;
    expect(said('fr')).toBe('WhatsApp\u00a0: en panne depuis le 4 oct. à 23:10, jusqu’à 01:05');
    expect(said('ar')).toBe(
      '\u200fكانت خدمة WhatsApp متوقفة من 4 أكتوبر الساعة 23:10 حتى الساعة 01:05',
    );
  });

  it('has a test message in each language', () => {
    for (const language of ['en', 'fr', 'ar'] as const) {
      const message = testMessage('phone', OUTAGE_START, HOST, createTranslator(language));
      expect(message.event).toBe('test');
      expect(message.body).toContain('phone');
    }
  });
});
