// @vitest-environment happy-dom
// While an alert channel is broken, the window says which and why under its banner (as the tray
// does), and stops once the channel works again.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertChannelView } from '../../shared/alerts/app-settings';
import type { VigieApi, VigieEvent } from '../../shared/ipc';
import { defaultSettings } from '../../shared/settings-schema';
import type { Snapshot } from '../../shared/types';
import { App } from '../../renderer/components/App';
import { REAL_START } from '../helpers/clock';
import { render, type Rendered } from './render';

const snapshot: Snapshot = {
  checkedAt: REAL_START,
  overall: 'ok',
  connectivity: { state: 'online', detail: '', references: [] },
  services: [],
  bytes: 0,
};

const channel = (id: string, broken: string | null): AlertChannelView => ({
  channel: { id, kind: 'webhook', format: 'slack' },
  secrets: { url: true },
  dependsOn: ['Slack'],
  lastDelivery: null,
  broken,
  skipped: [],
});

let view: Rendered;
afterEach(() => view.unmount());

/** A bridge that answers what the overview asks; `channels` is what main says of the channels. */
function bridge(channels: { list: AlertChannelView[] }): { emit: (event: VigieEvent) => void } {
  const listeners: ((event: VigieEvent) => void)[] = [];
  const answers: Partial<Record<keyof VigieApi, () => unknown>> = {
    snapshot: () => snapshot,
    settings: () => ({ ...defaultSettings(), language: 'fr', firstRun: 'done' }),
    info: () => ({ dataDir: '/data', bytesToday: 0, version: 'test', historyProblem: null }),
    daysMany: () => ({}),
    alertChannels: () => channels.list,
  };
  window.vigie = new Proxy({} as VigieApi, {
    get: (_, name: string) =>
      name === 'onEvent'
        ? (listener: (event: VigieEvent) => void) => {
            listeners.push(listener);
            return () => undefined;
          }
        : async () => {
            const answer = answers[name as keyof VigieApi];
            return answer
              ? { ok: true, value: answer() }
              : { ok: false, error: { code: 'FAILED', message: `${name}: not in this test` } };
          },
  });
  return { emit: (event) => listeners.forEach((l) => l(event)) };
}

describe('the window while an alert channel is broken', () => {
  it('says which and why in the chosen language, and stops once the channel works again', async () => {
    const channels = {
      list: [
        channel('phone', null),
        channel('team', 'hooks.slack.com a refusé le jeton ou le mot de passe (erreur 403)'),
      ],
    };
    const main = bridge(channels);
    view = await render(<App />);
    await act(async () => undefined);
    const notices = () =>
      [...view.container.querySelectorAll('.notice-warn')].map((n) => n.textContent);
    expect(notices()).toEqual([
      'Le canal d’alerte team ne fonctionne plus\u00a0: hooks.slack.com a refusé le jeton ou le mot de passe (erreur 403)',
    ]);
    // Fixed in Settings: the next check no longer shows it.
    channels.list = [channel('phone', null), channel('team', null)];
    await act(async () =>
      main.emit({ type: 'snapshot', snapshot: { ...snapshot, checkedAt: REAL_START + 60_000 } }),
    );
    await act(async () => undefined);
    expect(notices()).toEqual([]);
  });
});
