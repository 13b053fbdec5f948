// One request's life in a view: loading, an error written for a person, or the value; `reload`
// asks again. A stale answer (the view moved on) is dropped.
import { messageOf } from '../../shared/errors';
import { useCallback, useEffect, useState } from 'react';
import type { IpcResult } from '../../shared/ipc';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly value: T };

export function useAsync<T>(
  load: () => Promise<IpcResult<T>>,
  deps: readonly unknown[],
): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (reply) => {
        if (!live) return;
        setState(
          reply.ok
            ? { status: 'ready', value: reply.value }
            : { status: 'error', message: reply.error.message },
        );
      },
      (error: unknown) =>
        live &&
        setState({
          status: 'error',
          message: messageOf(error),
        }),
    );
    return () => {
      live = false;
    };
    // The caller names what the request depends on; `round` is a reload.
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
