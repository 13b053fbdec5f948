// Why history (or the checklist) is not saved, as words every surface says in its language: the
// tray, the window and `watch`'s stderr. Made from what the disk answered.
import { messageOf } from '../../shared/errors';
import { createTranslator, type Translator } from '../../shared/i18n';

/** Why history is not saved, as words any surface can say in its language (`historyReason.*`). */
export interface ProblemWords {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

/** Made on the first problem: most runs never have one. */
let english: Translator | null = null;

/** "history not saved: <why>. Vigie keeps checking.", in `tr`'s language. */
export function problemSentence(words: ProblemWords, tr: Translator): string {
  return tr.t('historyReason.line', { reason: tr.t(words.key, words.values) });
}

/** A problem with its words, and its English sentence (logs, the recorder's comparisons). */
export function historyProblem(
  code: HistoryProblem['code'],
  words: ProblemWords,
  at: number,
): HistoryProblem {
  english ??= createTranslator('en');
  return { code, words, message: problemSentence(words, english), at };
}

/** The usual reasons a folder cannot be written, each with words (the raw error otherwise). */
const WRITE_REASONS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT']);

/**
 * A write that failed, in the words the tray, the window and `watch` say: a full disk, or what the
 * disk answered. The engine keeps checking.
 */
export function writeProblem(error: unknown, dir: string, at: number): HistoryProblem {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOSPC')
    return historyProblem('DISK_FULL', { key: 'historyReason.diskFull', values: { dir } }, at);
  if (typeof code === 'string' && WRITE_REASONS.has(code))
    return historyProblem('WRITE_FAILED', { key: `historyReason.${code}`, values: { dir } }, at);
  const detail = messageOf(error);
  return historyProblem('WRITE_FAILED', { key: 'historyReason.other', values: { detail } }, at);
}

/** A write that failed: the engine keeps checking, the user is told. */
export interface HistoryProblem {
  readonly code: 'DISK_FULL' | 'WRITE_FAILED' | 'LOCKED';
  /** What happened, to be said in the reader's language. */
  readonly words: ProblemWords;
  /** The same in English. */
  readonly message: string;
  readonly at: number;
}

/** A change the disk refused (or another Vigie's writer lock): nothing of it was applied. */
export class NotSavedError extends Error {
  constructor(readonly problem: HistoryProblem) {
    english ??= createTranslator('en');
    super(
      english.t('saving.notSaved', { reason: english.t(problem.words.key, problem.words.values) }),
    );
    this.name = 'NotSavedError';
  }
}
