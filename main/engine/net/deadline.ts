// A deadline that always fires. `AbortSignal.timeout()` combined through `AbortSignal.any()` can
// be garbage-collected on Node 20 while the combined signal still waits (nodejs/node#57736), so a
// request to a server that never answers would wait for the server or undici to give up. This
// deadline is a plain timer, referenced until `done()`, that aborts its own controller, and it
// follows an outer signal (the cycle's) for as long as the work runs.

/** An abort signal for one piece of work: its own deadline, or the outer signal, whichever first. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Clears the timer and stops following the outer signal; call when the work settles. */
  done(): void;
}

/** The error a deadline aborts with (named like the one `AbortSignal.timeout` gives). */
function timeoutReason(ms: number): Error {
  const error = new Error(`deadline of ${ms} ms reached`);
  error.name = 'TimeoutError';
  return error;
}

/** Starts a deadline of `ms` milliseconds, tied to `outer` when given. */
export function startDeadline(ms: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timeoutReason(ms)), ms);
  const follow = () => controller.abort(outer?.reason);
  if (outer?.aborted) follow();
  else outer?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', follow);
    },
  };
}

/**
 * Settles with `work`, or rejects with the signal's reason as soon as it aborts. undici does not
 * abort a request whose connection is still being made (a TLS handshake that never completes:
 * nodejs/undici#386), so the deadline is enforced here too; a late answer is consumed and dropped.
 */
export function abortable<T>(
  work: Promise<T>,
  signal: AbortSignal,
  drop: (late: T) => void = () => undefined,
): Promise<T> {
  if (signal.aborted) {
    work.then(drop, () => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      settled = true;
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (settled) drop(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (!settled) reject(error as Error);
      },
    );
  });
}
