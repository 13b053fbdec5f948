// What `watch` records, and what it says about it: the history and the checklist's runs of its data
// folder (one writer: `watch` writes them only while it holds the history's writer lock), each
// fault on a line of stderr in the user's language as it happens, and a line when it is saved again.
import type { Run } from '../../shared/checklist-types';
import type { Translator } from '../../shared/i18n';
import { problemSentence, writeProblem, type HistoryProblem } from '../history/problem';
import { Recording } from '../shell/recording';
import { forTerminal } from './terminal-text';

interface RecordingIo {
  readonly tr: Translator;
  out(line: string): void;
  err(line: string): void;
}

/**
 * Opens the recording of `dir` for `watch`. When the history cannot be written (another Vigie
 * records there, a full disk, a folder Vigie may not write), watching goes on, says why, and tries
 * again by itself.
 */
export function openWatchRecording(dir: string, io: RecordingIo): Recording {
  const sayChecklist = (problem: HistoryProblem) =>
    io.err(
      forTerminal(
        io.tr.t('saving.checklistLine', {
          reason: io.tr.t(problem.words.key, problem.words.values),
        }),
      ),
    );
  const recording = new Recording({
    dir,
    onOpen: (store) => {
      for (const warning of store.warnings) io.err(`history: ${warning}`);
      io.out(io.tr.t('cli.recording', { dir: store.dir }));
    },
    onChecklistFailed: (error) => sayChecklist(writeProblem(error, dir, Date.now())),
  });
  const say = (problem: HistoryProblem) =>
    io.err(forTerminal(problemSentence(problem.words, io.tr)));
  if (recording.history.problem) say(recording.history.problem);
  recording.history.onProblem((problem) =>
    problem ? say(problem) : io.err(io.tr.t('cli.savedAgain')),
  );
  for (const warning of recording.checklist?.runs.warnings ?? []) io.err(`checklist: ${warning}`);
  recording.onChecklistProblem((problem) =>
    problem ? sayChecklist(problem) : io.err(io.tr.t('saving.checklistSavedAgain')),
  );
  return recording;
}

/** Says each checklist run a cycle started, with the command that prints its report. */
export function sayRunsStarted(runs: readonly Run[], io: RecordingIo): void {
  for (const run of runs) {
    io.out(
      forTerminal(
        io.tr.t('cli.runStarted', {
          services: io.tr.list(run.services.map((s) => s.name)),
          id: run.id,
        }),
      ),
    );
  }
}
