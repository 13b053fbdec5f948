// @vitest-environment happy-dom
// The service view's 90 days: one tab stop, arrows move in time, and the day's checks and
// incidents are told below — what a keyboard or mouse user would notice.
import { afterEach, describe, expect, it } from 'vitest';
import type { DayCell } from '../../shared/history-types';
import { incidentOf } from '../helpers/incidents';
import { DayBar } from '../../renderer/components/DayBar';
import { fire, render, type Rendered } from './render';

const day = (i: number) => new Date(2021, 7, 1 + i).getTime();
const cells: DayCell[] = Array.from({ length: 5 }, (_, i) => ({
  day: day(i),
  state: i === 2 ? 'down' : i === 0 ? 'none' : 'up',
  up: i === 0 ? 0 : 70,
  degraded: 0,
  down: i === 2 ? 2 : 0,
  maintenance: 0,
  unknown: 0,
}));
const incident = incidentOf({ start: day(2) + 15 * 3_600_000, end: day(2) + 17 * 3_600_000 });

let view: Rendered;
afterEach(() => view.unmount());

const key = (target: Element, k: string) =>
  fire(() => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));

describe('the 90-day bar', () => {
  it('is one tab stop; arrows, Home and End move through the days and tell each one', async () => {
    view = await render(<DayBar cells={cells} incidents={[incident]} now={day(5)} label="Chat" />);
    const buttons = () => [...view.container.querySelectorAll('button')];
    const detail = () => view.container.querySelector('.day-detail')?.textContent;
    expect(buttons().map((b) => b.tabIndex)).toEqual([-1, -1, -1, -1, 0]);
    expect(detail()).toBe(
      'Thu, Aug 5: upChecks up: 70; degraded: 0; down: 0; in maintenance: 0No incident that day.',
    );

    await key(buttons()[4]!, 'ArrowLeft');
    await key(buttons()[3]!, 'ArrowLeft');
    expect(buttons().map((b) => b.tabIndex)).toEqual([-1, -1, 0, -1, -1]);
    expect(document.activeElement).toBe(buttons()[2]);
    expect(detail()).toMatch(
      /^Tue, Aug 3: down.*down: 2.*1 incident that day:down — Started on Aug 3 at 03:00 PM · ended on Aug 3 at 05:00 PM · lasted 2 hours$/,
    );

    await key(buttons()[2]!, 'Home');
    expect(detail()).toBe('Sun, Aug 1: no dataVigie was not checking this service that day.');
    await key(buttons()[0]!, 'ArrowLeft');
    expect(buttons()[0]!.tabIndex).toBe(0);
    await key(buttons()[0]!, 'End');
    expect(buttons()[4]!.tabIndex).toBe(0);
  });

  it('follows the mouse, and names each day for screen readers in the chosen language', async () => {
    view = await render(<DayBar cells={cells} incidents={[]} now={day(5)} label="Chat" />, 'fr');
    const second = view.container.querySelectorAll('button')[1]!;
    await fire(() => second.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    expect(second.getAttribute('aria-label')).toBe('lun. 2 août\u00a0: en service');
    expect(view.container.querySelector('.day-detail')?.textContent).toMatch(
      /^lun\. 2 août\u00a0: en serviceVérifications en service\u00a0: 70\u202f;/,
    );
    expect(view.container.querySelector('.daybar-cells')?.getAttribute('dir')).toBe('ltr');
  });
});
