// A writer racing for the history lock, trial after trial, in lock-step with the other writers:
// for each trial the test sends (over IPC) a folder; the writer lets go of the lock it won in the
// trial before and says it is ready; once every writer is ready the test sends "go" to all of them
// at once (a barrier: the messages leave within microseconds of each other); the writer tries
// once and says what it got. It holds a lock it won until the next trial, so a slow loser still
// finds it held.
import { acquireLock, HistoryLockedError, type HeldLock } from '../../main/history/lock';

/** What the test sends: a trial to run, or the end. */
export type ToChild = { readonly trial: number; readonly dir: string } | 'go' | 'end';

/** What the writer answers. */
export type FromChild =
  | { readonly ready: number }
  | {
      readonly trial: number;
      readonly pid: number;
      readonly got: boolean;
      /** The holder a loser was told about. */
      readonly holder?: {
        readonly pid: number;
        readonly elsewhere: string | null;
        readonly message: string;
      };
      readonly error?: string;
    };

let held: HeldLock | null = null;
let next: { readonly trial: number; readonly dir: string } | null = null;
const send = (message: FromChild) => process.send?.(message);

process.on('message', (message: ToChild) => {
  if (message !== 'go') {
    held?.release();
    held = null;
  }
  if (message === 'end') {
    process.disconnect();
    return;
  }
  if (message !== 'go') {
    next = message;
    send({ ready: message.trial });
    return;
  }
  if (!next) throw new Error('go before a trial');
  const { trial, dir } = next;
  try {
    held = acquireLock(dir);
    send({ trial, pid: process.pid, got: true });
  } catch (error) {
    if (error instanceof HistoryLockedError) {
      const { pid, elsewhere, message: said } = error;
      send({ trial, pid: process.pid, got: false, holder: { pid, elsewhere, message: said } });
    } else {
      send({ trial, pid: process.pid, got: false, error: String(error) });
    }
  }
});
