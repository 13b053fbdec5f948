// The user's playbooks file (`checklists/playbooks.json`): edited playbooks and messages over the
// shipped ones, which playbook each service follows, the "before" steps done, and who messages
// speak for. Every change is validated, then written whole or not at all (write aside, sync,
// rename). A file that cannot be read is kept aside and named; the shipped playbooks keep working.
import { messageOf } from '../../shared/errors';
import { formatPath } from '../../shared/config-schema';
import type { Translator } from '../../shared/i18n';
import { issueWords } from '../../shared/zod-words';
import { jsonProblem, type JsonProblem } from '../engine/json-text';
import type { z } from 'zod';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { writeAllAt } from '../history/journal';
import { dirname, join } from 'node:path';
import { NotSavedError, writeProblem } from '../history/problem';
import {
  messageTemplateSchema,
  playbookSchema,
  playbooksFileSchema,
  profileSchema,
  type MessageTemplate,
  type Playbook,
  type PlaybooksFile,
  type Profile,
} from '../../shared/playbook-schema';
import { defaultPlaybookId, defaults } from './defaults';
import { makeDir } from '../files/make-dir';

/**
 * A problem with the user's file and where the old file was kept. `message` names the file and,
 * for a value the schema refused, where it is ("…/playbooks.json (playbooks[0].title)"): no
 * English sentence, since the window puts it inside a sentence in the user's language. The
 * reason in English (the parser's or the schema's) is in `reason`, for the log.
 */
export interface PlaybooksProblem {
  readonly message: string;
  readonly reason: string;
  /** Why, for the window to word in the reader's language: the schema's finding, or the JSON's. */
  readonly why: PlaybooksWhy | null;
  readonly backup: string | null;
}

/** Why a playbooks file was refused, as data a translator can word. */
export type PlaybooksWhy =
  | { readonly kind: 'issue'; readonly issue: z.core.$ZodIssue }
  | { readonly kind: 'json'; readonly problem: JsonProblem };

/** The schema's own messages that are the checklist's words (`checklist.tooLong`, …). */
const CHECKLIST_WORDS = new Set(['empty', 'tooLong', 'badId', 'tooMany']);

/**
 * What the window says of a refused playbooks file, in the reader's language: the file and where
 * in it, then why ("…/playbooks.json (playbooks[0].id) : valeur attendue : un texte …").
 */
export function playbooksProblemWords(problem: PlaybooksProblem, tr: Translator): string {
  const { why } = problem;
  if (!why) return problem.message;
  const value =
    why.kind === 'json'
      ? tr.t(why.problem.key, why.problem.values)
      : CHECKLIST_WORDS.has(why.issue.message)
        ? tr.t(`checklist.${why.issue.message}`)
        : issueWords(why.issue as z.core.$ZodRawIssue, tr);
  return tr.t('join.label', { label: problem.message, value });
}

export class PlaybookStore {
  readonly path: string;
  private file: PlaybooksFile;
  /** Set when the file on disk could not be used (the defaults are in use). */
  readonly problem: PlaybooksProblem | null = null;

  constructor(
    dir: string,
    private readonly now: () => number = Date.now,
  ) {
    const folder = join(dir, 'checklists');
    makeDir(folder);
    this.path = join(folder, 'playbooks.json');
    this.file = playbooksFileSchema.parse({});
    if (!existsSync(this.path)) return;
    let reason: string;
    let where = '';
    let why: PlaybooksWhy | null = null;
    let text = '';
    try {
      text = readFileSync(this.path, 'utf8');
      // The input is kept on each issue: the window words "expected a number" from it.
      const parsed = playbooksFileSchema.safeParse(JSON.parse(text), { reportInput: true });
      if (parsed.success) {
        this.file = parsed.data;
        return;
      }
      const issue = parsed.error.issues[0];
      where = issue ? formatPath(issue.path, '') : '';
      reason = `${where || '(file)'}: ${issue?.message ?? 'invalid'}`;
      why = issue ? { kind: 'issue', issue } : null;
    } catch (error) {
      reason = messageOf(error);
      const json = text === '' ? null : jsonProblem(text.replace(/^\uFEFF/, ''));
      why = json ? { kind: 'json', problem: json } : null;
    }
    const backup = `${this.path}.damaged-${this.now()}`;
    const message = where ? `${this.path} (${where})` : this.path;
    try {
      renameSync(this.path, backup);
      this.problem = { message, reason, why, backup };
    } catch {
      this.problem = { message, reason, why, backup: null };
    }
  }

  /** Every playbook: the shipped ones (or their edited copy), then the user's own. */
  playbooks(): Playbook[] {
    const edited = new Map(this.file.playbooks.map((p) => [p.id, p]));
    const shipped = defaults().playbooks.map((p) => edited.get(p.id) ?? p);
    const own = this.file.playbooks.filter((p) => !defaults().playbooks.some((d) => d.id === p.id));
    return [...shipped, ...own];
  }

  /** Whether a playbook is a shipped one that the user has edited. */
  isEdited(id: string): boolean {
    return (
      defaults().playbooks.some((d) => d.id === id) && this.file.playbooks.some((p) => p.id === id)
    );
  }

  messages(): MessageTemplate[] {
    const edited = new Map(this.file.messages.map((m) => [m.id, m]));
    return defaults().messages.map((m) => edited.get(m.id) ?? m);
  }

  get(id: string): Playbook | undefined {
    return this.playbooks().find((p) => p.id === id);
  }

  /** The playbook a service follows: the user's choice, its definition's, or its category's. */
  playbookFor(service: { id: string; category?: string; playbook?: string }): Playbook {
    const chosen = this.file.assignments[service.id] ?? service.playbook;
    return (
      (chosen ? this.get(chosen) : undefined) ??
      this.get(defaultPlaybookId(service.category ?? 'messaging')) ??
      (defaults().playbooks[0] as Playbook)
    );
  }

  assignments(): Readonly<Record<string, string>> {
    return this.file.assignments;
  }

  readiness(): PlaybooksFile['readiness'] {
    return this.file.readiness;
  }

  profile(): Profile {
    return this.file.profile;
  }

  /** Saves an edited playbook (validated; a shipped one is kept as an edited copy). */
  save(playbook: unknown): Playbook {
    const parsed = playbookSchema.parse(playbook);
    this.write({
      ...this.file,
      playbooks: [...this.file.playbooks.filter((p) => p.id !== parsed.id), parsed],
    });
    return parsed;
  }

  /** Saves an edited message template (validated) over the shipped one. */
  saveMessage(template: unknown): MessageTemplate {
    const parsed = messageTemplateSchema.parse(template);
    // English on purpose: the window edits only the shipped messages it was given.
    if (!defaults().messages.some((m) => m.id === parsed.id))
      throw new Error(`no message ${parsed.id}`);
    this.write({
      ...this.file,
      messages: [...this.file.messages.filter((m) => m.id !== parsed.id), parsed],
    });
    return parsed;
  }

  /** Gives a message back its shipped text. */
  restoreMessage(id: string): void {
    this.write({ ...this.file, messages: this.file.messages.filter((m) => m.id !== id) });
  }

  /** The ids of the messages the user has edited. */
  editedMessages(): string[] {
    return this.file.messages.map((m) => m.id);
  }

  /** Gives a shipped playbook back its shipped steps. */
  restore(id: string): Playbook | undefined {
    this.write({ ...this.file, playbooks: this.file.playbooks.filter((p) => p.id !== id) });
    return this.get(id);
  }

  assign(serviceId: string, playbookId: string | null): void {
    // English on purpose: the window offers only the playbooks it was given, and none is removed.
    if (playbookId !== null && !this.get(playbookId)) throw new Error(`no playbook ${playbookId}`);
    const assignments = Object.fromEntries(
      Object.entries(this.file.assignments).filter(([id]) => id !== serviceId),
    );
    if (playbookId !== null) assignments[serviceId] = playbookId;
    this.write({ ...this.file, assignments });
  }

  /** Marks a "before" step done (or not), with an optional note. */
  setReady(stepId: string, ready: boolean, note?: string): void {
    const readiness = Object.fromEntries(
      Object.entries(this.file.readiness).filter(([id]) => id !== stepId),
    );
    if (ready) readiness[stepId] = { at: this.now(), ...(note ? { note } : {}) };
    this.write({ ...this.file, readiness });
  }

  setProfile(profile: unknown): Profile {
    const parsed = profileSchema.parse(profile);
    this.write({ ...this.file, profile: parsed });
    return parsed;
  }

  /** Validates the whole file, then replaces it atomically. */
  /**
   * Writes the file whole or not at all; a disk that refuses it (full, read-only) is a
   * NotSavedError, said in the window's language, and nothing changes.
   */
  private write(next: PlaybooksFile): void {
    const valid = playbooksFileSchema.parse(next);
    const temp = `${this.path}.tmp`;
    try {
      const fd = openSync(temp, 'w');
      try {
        // Every byte, or an error: a full disk's short write must never be renamed into place.
        writeAllAt(fd, Buffer.from(`${JSON.stringify(valid, null, 2)}\n`), 0);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw new NotSavedError(writeProblem(error, dirname(this.path), this.now()));
    }
    this.file = valid;
  }
}
