// What the engine and the history do that someone may later ask about ("Vigie said nothing during
// the outage"): confirmed changes, failed cycles, history problems and their end. The same for the
// app and for `watch`.
import type { VerdictChange } from '../../shared/types';
import type { Logger } from './logger';

interface SchedulerLike {
  on(event: 'change', listener: (change: VerdictChange) => void): () => void;
  on(event: 'error', listener: (error: unknown) => void): () => void;
}

interface ProblemSource {
  onProblem(
    listener: (problem: { readonly code: string; readonly message: string } | null) => void,
  ): () => void;
}

/** Logs confirmed changes and failed cycles; returns the function that stops logging them. */
export function logScheduler(scheduler: SchedulerLike, log: Logger): () => void {
  const offChange = scheduler.on('change', (change) => {
    const { state, cause } = change.current;
    log.info(`${change.serviceId} ${change.previous?.state ?? 'first'} → ${state}`, {
      cause: cause ?? 'none',
    });
  });
  const offError = scheduler.on('error', (error) => log.error('check failed', error));
  return () => {
    offChange();
    offError();
  };
}

interface RecordingLike {
  readonly history: ProblemSource;
  onChecklistProblem: ProblemSource['onProblem'];
}

/** Logs a data folder's history and checklist problems (the app and `watch` alike). */
export function logRecording(
  recording: RecordingLike,
  logs: { logger(name: string): Logger },
): void {
  logHistoryProblems(recording.history, logs.logger('history'));
  logHistoryProblems(
    { onProblem: (listener) => recording.onChecklistProblem(listener) },
    logs.logger('checklist'),
  );
}

/** Logs each history problem (full disk, lock, permission) and when saving works again. */
export function logHistoryProblems(source: ProblemSource, log: Logger): () => void {
  let failing = false;
  return source.onProblem((problem) => {
    if (problem) {
      failing = true;
      log.warn(`history not saved (${problem.code}): ${problem.message}`);
    } else if (failing) {
      failing = false;
      log.info('history saved again');
    }
  });
}
