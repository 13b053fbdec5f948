// The preload: exposes one typed object, window.vigie, and nothing else (no raw ipcRenderer). Its
// methods are the contract's table (shared/ipc.ts), given to this file at build time as a map of
// method → channel: a sandboxed preload may not load zod, which the table's schemas need. Built as
// CommonJS: sandboxed preloads cannot load ES modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeTable, VigieApi, VigieEvent } from '../shared/ipc';

/** shared/ipc.ts's `bridgeTable()`, written in by the build (electron.vite.config.ts). */
declare const __VIGIE_BRIDGE__: BridgeTable;

const calls = Object.fromEntries(
  Object.entries(__VIGIE_BRIDGE__.calls).map(([name, channel]) => [
    name,
    // The arguments travel as they are; main packs them into the request and parses it.
    (...args: unknown[]) => ipcRenderer.invoke(channel, args),
  ]),
);

function onEvent(listener: (event: VigieEvent) => void): () => void {
  const wrapped = (_: IpcRendererEvent, event: VigieEvent) => listener(event);
  ipcRenderer.on(__VIGIE_BRIDGE__.event, wrapped);
  return () => ipcRenderer.removeListener(__VIGIE_BRIDGE__.event, wrapped);
}

// The table has one method per entry of VigieApi (it is made from the same contract).
const vigie = { ...calls, onEvent } as unknown as VigieApi;

contextBridge.exposeInMainWorld('vigie', vigie);
