// The preload: exposes one typed object, window.vigie, and nothing else (no raw ipcRenderer).
// Built as CommonJS: sandboxed preloads cannot load ES modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Channel, IpcResult, Replies, RequestOf, VigieApi, VigieEvent } from '../shared/ipc';

const EVENT_CHANNEL = 'vigie:event';

function invoke<C extends Channel>(
  channel: C,
  request?: RequestOf<C>,
): Promise<IpcResult<Replies[C]>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResult<Replies[C]>>;
}

const vigie: VigieApi = {
  snapshot: () => invoke('snapshot:get'),
  checkNow: () => invoke('engine:checkNow'),
  pause: (until) => invoke('engine:pause', { until }),
  resume: () => invoke('engine:resume'),
  uptime: (serviceId) => invoke('history:uptime', { serviceId }),
  days: (serviceId, days) => invoke('history:days', { serviceId, days }),
  daysMany: (serviceIds, days) => invoke('history:daysMany', { serviceIds: [...serviceIds], days }),
  latency: (serviceId, from, to) => invoke('history:latency', { serviceId, from, to }),
  incidents: (filter) => invoke('history:incidents', filter),
  exportIncidents: (format, serviceId) =>
    invoke('history:export', serviceId ? { format, serviceId } : { format }),
  catalog: () => invoke('catalog:get'),
  tryService: (form) => invoke('services:try', form),
  info: () => invoke('app:info'),
  settings: () => invoke('settings:get'),
  updateSettings: (patch) => invoke('settings:set', patch),
  openExternal: (url) => invoke('shell:openExternal', { url }),
  checklist: () => invoke('checklist:get'),
  tick: (runId, key, done, note) =>
    invoke(
      'checklist:tick',
      note === undefined ? { runId, key, done } : { runId, key, done, note },
    ),
  addNote: (runId, text) => invoke('checklist:note', { runId, text }),
  exportReport: (runId, format) => invoke('checklist:report', { runId, format }),
  setReady: (stepId, ready) => invoke('checklist:ready', { stepId, ready }),
  setProfile: (profile) => invoke('checklist:profile', profile),
  saveMessage: (template) => invoke('messages:save', { template }),
  restoreMessage: (id) => invoke('messages:restore', { id }),
  playbooks: () => invoke('playbooks:get'),
  savePlaybook: (playbook) => invoke('playbooks:save', { playbook }),
  restorePlaybook: (id) => invoke('playbooks:restore', { id }),
  assignPlaybook: (serviceId, playbookId) => invoke('playbooks:assign', { serviceId, playbookId }),
  copy: (text) => invoke('clipboard:write', { text }),
  onEvent(listener) {
    const wrapped = (_: IpcRendererEvent, event: VigieEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('vigie', vigie);
