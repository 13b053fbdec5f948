// Global handlers: an uncaught error or an unhandled rejection anywhere in the process lands in the
// log instead of vanishing (or killing Vigie without a word).
import type { Logger } from './logger';

interface ProcessLike {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

interface Installed {
  log: Logger;
  onFatal: (error: Error) => void;
}

/** One pair of listeners per process: installing again (an engine restarted) only re-points them. */
const installed = new WeakMap<ProcessLike, Installed>();

/**
 * Logs every uncaught exception and unhandled rejection. `onFatal` decides what happens after an
 * uncaught exception (the process state is unknown: the command line exits, the app keeps its
 * tray); a rejection is logged and the process goes on.
 */
export function logUncaught(
  target: ProcessLike,
  log: Logger,
  onFatal: (error: Error) => void,
): void {
  const current = installed.get(target);
  if (current) {
    current.log = log;
    current.onFatal = onFatal;
    return;
  }
  const state: Installed = { log, onFatal };
  installed.set(target, state);
  target.on('uncaughtException', (error) => {
    state.log.error('uncaught exception', error);
    state.onFatal(error);
  });
  target.on('unhandledRejection', (reason) => {
    state.log.error('unhandled promise rejection', reason);
  });
}
