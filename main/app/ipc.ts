// IPC handlers: every request checks its sender (our window, our page) and parses its payload
// against the contract in shared/ipc.ts. A bad request gets an error back, never a crash.
import { messageOf, Refusal } from '../../shared/errors';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Translator } from '../../shared/i18n';
import {
  EVENT_CHANNEL,
  parseCall,
  requests,
  type Channel,
  type IpcResult,
  type Replies,
  type RequestOf,
  type VigieEvent,
} from '../../shared/ipc';

/** The implementation of each channel. */
export type Handlers = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Replies[C]> | Replies[C];
};

/** Whether an event comes from the window we created, showing our own page. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Registers every channel; returns the function that removes them. With `translator`, a request
 * the schema refuses is said in the window's language.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  trusted: SenderCheck,
  translator?: () => Translator,
): () => void {
  const channels = Object.keys(requests) as Channel[];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult<unknown>> => {
      // Only a page that is not ours gets this: no person reads it, so it stays in English.
      if (!trusted(event))
        return {
          ok: false,
          error: { code: 'UNTRUSTED_SENDER', message: 'this page may not talk to Vigie' },
        };
      const parsed = parseCall(channel, payload, translator?.());
      if (!parsed.ok) return parsed;
      try {
        // The schema for `channel` produced this value, so it is that channel's request type.
        const handler = handlers[channel] as (request: unknown) => Promise<unknown> | unknown;
        return { ok: true, value: await handler(parsed.request) };
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'FAILED',
            // A refusal a person can meet is said in the window's language.
            message:
              error instanceof Refusal && translator
                ? translator().t(error.key, error.values)
                : messageOf(error),
          },
        };
      }
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Pushes an event to the window's page, if it is still there (the one event channel). */
export function sendEvent(
  contents: { isDestroyed(): boolean; send(channel: string, event: VigieEvent): void } | undefined,
  event: VigieEvent,
): void {
  if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
}

/** A sender check for one window whose page was loaded from `pageUrl`. */
export function senderIs(webContentsId: () => number | null, pageUrl: string): SenderCheck {
  const expected = new URL(pageUrl);
  return (event) => {
    if (event.sender.id !== webContentsId()) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    try {
      const url = new URL(frame.url);
      return url.origin === expected.origin && url.pathname === expected.pathname;
    } catch {
      return false;
    }
  };
}
