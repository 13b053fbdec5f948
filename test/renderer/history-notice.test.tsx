// @vitest-environment happy-dom
// While history is not being saved, the window says why under its banner, and stops saying it
// once history is saved again.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { VigieApi, VigieEvent } from '../../shared/ipc';
import { defaultSettings } from '../../shared/settings-schema';
import type { Snapshot } from '../../shared/types';
import { App } from '../../renderer/components/App';
import { render, type Rendered } from './render';

const snapshot: Snapshot = {
  checkedAt: Date.now(),
  overall: 'ok',
  connectivity: { state: 'online', detail: '', references: [] },
  services: [],
  bytes: 0,
};

let view: Rendered;
afterEach(() => view.unmount());

/** A bridge that answers what the overview asks, with history not saved because the disk is full. */
function bridge(): { emit: (event: VigieEvent) => void } {
  const listeners: ((event: VigieEvent) => void)[] = [];
  const answers: Partial<Record<keyof VigieApi, unknown>> = {
    snapshot,
    settings: { ...defaultSettings(), language: 'fr' },
    info: { dataDir: '/data', bytesToday: 0, version: 'test', historyProblem: 'DISK_FULL' },
    daysMany: {},
  };
  window.vigie = new Proxy({} as VigieApi, {
    get: (_, name: string) =>
      name === 'onEvent'
        ? (listener: (event: VigieEvent) => void) => {
            listeners.push(listener);
            return () => undefined;
          }
        : async () =>
            name in answers
              ? { ok: true, value: answers[name as keyof VigieApi] }
              : // What this test does not need says it failed; the page shows its error state.
                { ok: false, error: { code: 'FAILED', message: `${name}: not in this test` } },
  });
  return { emit: (event) => listeners.forEach((l) => l(event)) };
}

describe('the window while history is not being saved', () => {
  it('says why in the chosen language, and stops once it is saved again', async () => {
    const main = bridge();
    view = await render(<App />);
    await act(async () => undefined);
    const notice = () => view.container.querySelector('.notice-warn')?.textContent ?? null;
    expect(notice()).toBe(
      'L’historique n’est pas enregistré : le disque est plein. Vigie continue de vérifier ; libérez de la place.',
    );
    await act(async () => main.emit({ type: 'history', problem: null }));
    expect(notice()).toBeNull();
  });
});
