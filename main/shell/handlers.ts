// What each IPC channel does, over the engine, the history and the settings. Plain Node, so the
// end-to-end tests bridge a real page to exactly what the app runs.
import type { Channel, Replies, RequestOf } from '../../shared/ipc';
import type { Settings } from '../../shared/settings-schema';
import type { Scheduler } from '../engine/scheduler';
import type { HistoryStore } from '../history/store';

/** The implementation of each channel. */
export type Handlers = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Replies[C]> | Replies[C];
};

export interface HandlerDeps {
  /** The running scheduler (it is replaced when settings restart the engine). */
  readonly scheduler: () => Scheduler;
  readonly history: HistoryStore | null;
  readonly settings: () => Settings;
  readonly updateSettings: (patch: Partial<Settings>) => Settings;
  readonly openExternal: (url: string) => Promise<void>;
}

/** Builds the handlers of every channel. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { history } = deps;
  return {
    'snapshot:get': () => deps.scheduler().snapshot(),
    'engine:checkNow': () => deps.scheduler().checkNow(),
    'engine:pause': ({ until }) => {
      deps.scheduler().pause(until);
      return deps.scheduler().snapshot();
    },
    'engine:resume': () => {
      deps.scheduler().resume();
      return deps.scheduler().snapshot();
    },
    'history:uptime': ({ serviceId }) => history?.uptime(serviceId) ?? [],
    'history:days': ({ serviceId, days }) => history?.dailyCells(serviceId, days) ?? [],
    'history:daysMany': ({ serviceIds, days }) =>
      Object.fromEntries(serviceIds.map((id) => [id, history?.dailyCells(id, days) ?? []])),
    'history:latency': ({ serviceId, from, to }) =>
      history?.latencySeries(serviceId, from, to) ?? { resolution: '1h', points: [] },
    'history:incidents': (filter) => history?.incidents(filter) ?? [],
    'settings:get': () => deps.settings(),
    'settings:set': (patch) => deps.updateSettings(patch),
    'shell:openExternal': async ({ url }) => {
      await deps.openExternal(url);
      return null;
    },
  };
}
