// The one place the window talks to main: window.vigie, typed.
import type { IpcResult, VigieApi } from '../shared/ipc';

declare global {
  interface Window {
    vigie: VigieApi;
  }
}

/** The bridge the preload exposes. */
export const vigie = (): VigieApi => window.vigie;

/** Unwraps an IPC result, throwing its message for error boundaries and error states. */
export async function unwrap<T>(result: Promise<IpcResult<T>>): Promise<T> {
  const reply = await result;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}
