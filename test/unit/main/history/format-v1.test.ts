// A history written by format version 1 stays readable (docs/design.md#history-format: older formats keep their fixtures).
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openHistory } from '../../../../main/history/store';

const DIR = fileURLToPath(new URL('../../../fixtures/history-v1/', import.meta.url));
const END = Date.parse('2021-10-04T18:00:00Z');

it('reads the version-1 fixture: uptime, incident, latency', () => {
  const store = openHistory({ dir: DIR, readOnly: true, now: () => END });
  try {
    expect(store.warnings).toEqual([]);
    expect(store.services().sort()).toEqual(['facebook', 'signal']);
    expect(store.uptime('facebook', END)[0]).toMatchObject({ up: 119, down: 61 });
    expect(store.uptime('signal', END)[0]).toMatchObject({ up: 179, degraded: 1 });
    expect(store.incidents()).toEqual([
      expect.objectContaining({
        serviceId: 'signal',
        worstState: 'degraded',
        end: Date.parse('2021-10-04T15:51:00Z'),
      }),
      expect.objectContaining({
        serviceId: 'facebook',
        start: Date.parse('2021-10-04T15:39:00Z'),
        end: Date.parse('2021-10-04T16:40:00Z'),
        messages: [expect.objectContaining({ title: 'Facebook is down' })],
      }),
    ]);
    const latency = store.latencySeries('facebook', END - 3 * 3600_000, END, END);
    expect(latency.resolution).toBe('raw');
    expect(latency.points).toHaveLength(119);
    // Two local days, so that the sum holds in any time zone.
    const bytes = store.bytesPerDay(2, END).reduce((sum, d) => sum + d.bytes, 0);
    expect(bytes).toBe(180 * 400 + 180 * 400 + 61 * 900);
  } finally {
    store.close();
  }
});
