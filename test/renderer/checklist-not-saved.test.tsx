// @vitest-environment happy-dom
// A tick the disk refused is not shown as done: the step stays as it was, the window says why, and
// "Try again" sends the same tick, shown once main has saved it.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChecklistState, VigieApi } from '../../shared/ipc';
import { profileSchema } from '../../shared/playbook-schema';
import { ChecklistView } from '../../renderer/views/ChecklistView';
import { fire, render, type Rendered } from './render';

const T = Date.UTC(2021, 9, 4, 15, 40);
const NOT_SAVED = 'Not saved: the disk holding /data/checklists is full; free some space.';

function state(done: boolean): ChecklistState {
  return {
    runs: [
      {
        id: 'run-1-whatsapp',
        startedAt: T,
        endedAt: null,
        services: [{ id: 'whatsapp', name: 'WhatsApp' }],
        incidentIds: ['whatsapp@1'],
        openIncidentIds: ['whatsapp@1'],
        events: [],
        phase: 'during',
        downChannels: [],
        steps: [
          {
            key: 'd-tell-team',
            section: 'during',
            title: {
              en: 'Tell the team on the backup channel',
              fr: 'Prévenez l’équipe sur le canal de secours',
              ar: 'أبلغوا الفريق عبر القناة الاحتياطية',
            },
            done: done ? { at: T + 60_000 } : null,
            channelDown: false,
            alternatives: [],
          },
        ],
      },
    ],
    readiness: { ready: 0, total: 0, steps: [] },
    profile: profileSchema.parse({}),
    messages: [],
    editedMessages: [],
    problem: null,
  };
}

let view: Rendered;
afterEach(() => view.unmount());

/** Main, whose disk refuses the first tick and takes the second. */
function bridge(): { ticks: number } {
  const calls = { ticks: 0 };
  window.vigie = new Proxy({} as VigieApi, {
    get: (_, name: string) => {
      if (name === 'onEvent') return () => () => undefined;
      if (name === 'checklist') return async () => ({ ok: true, value: state(false) });
      if (name === 'tick')
        return async () =>
          ++calls.ticks === 1
            ? { ok: false, error: { code: 'FAILED', message: NOT_SAVED } }
            : { ok: true, value: state(true) };
      return async () => ({ ok: false, error: { code: 'FAILED', message: `${name}: not here` } });
    },
  });
  return calls;
}

describe('a tick the disk refused', () => {
  it('is not shown as done, says why, and is saved by "Try again"', async () => {
    const main = bridge();
    view = await render(
      <ChecklistView runId={undefined} runsVersion={0} checkedAt={T} now={T} onRun={() => {}} />,
    );
    await act(async () => undefined);
    const box = () => view.container.querySelector<HTMLInputElement>('.step input[type=checkbox]')!;
    const status = () => view.container.querySelector('[role=status]');
    await fire(() => box().click());
    await act(async () => undefined);
    expect(main.ticks).toBe(1);
    expect(box().checked).toBe(false);
    expect(status()?.textContent).toBe(`Vigie could not answer: ${NOT_SAVED} Try again`);
    await fire(() => status()!.querySelector('button')!.click());
    await act(async () => undefined);
    expect(main.ticks).toBe(2);
    expect(box().checked).toBe(true);
    expect(status()?.textContent).toBe('');
  });
});
