// Reads a config file and explains exactly what is wrong with a bad one.
import { readFile, stat } from 'node:fs/promises';
import { parseConfig, type ConfigProblem, type VigieConfig } from '../../shared/config-schema';
import { createTranslator, type Language, type Translator } from '../../shared/i18n';
import { useCatalog } from './catalog/use';

export type LoadConfigResult =
  | { readonly ok: true; readonly config: VigieConfig }
  | { readonly ok: false; readonly file: string; readonly problems: readonly ConfigProblem[] };

/** A config with hundreds of services is tens of kB; anything this large is not one. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** Loads and validates a JSON config file; what is wrong is said in `language`. */
export async function loadConfigFile(
  file: string,
  language: Language = 'en',
): Promise<LoadConfigResult> {
  // The words of a problem, in `language`; the translator is made only when one is said.
  let tr: Translator | null = null;
  const t = (key: string, values?: Record<string, unknown>) =>
    (tr ??= createTranslator(language)).t(key, values);
  let text: string;
  try {
    // A pipe, a device or a folder in its place would hang or read forever: only plain files,
    // and none larger than a config can be.
    const info = await stat(file);
    if (!info.isFile())
      return {
        ok: false,
        file,
        problems: [{ path: '(file)', message: t('config.notRegular') }],
      };
    if (info.size > MAX_CONFIG_BYTES)
      return {
        ok: false,
        file,
        problems: [
          { path: '(file)', message: t('config.tooLarge', { mb: MAX_CONFIG_BYTES / 1024 / 1024 }) },
        ],
      };
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? t('config.notFound')
        : code === 'EACCES'
          ? t('config.permission')
          : t('config.cannotRead', { code: code ?? 'error' });
    return { ok: false, file, problems: [{ path: '(file)', message: why }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      file,
      problems: [
        { path: '(file)', message: t('config.notJson', { where: jsonWhere(text, error) }) },
      ],
    };
  }
  // Catalog entries included by id (`{ "use": "wave" }`) are expanded first.
  const used = useCatalog(value, language);
  if (!used.ok) return { ok: false, file, problems: used.problems };
  const parsed = parseConfig(used.value, language);
  return parsed.ok ? parsed : { ok: false, file, problems: parsed.problems };
}

/** Where a position of the text is, as a person counts: "line L, column C". */
function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * What is wrong with a JSON text, and where: V8's "at position N" becomes a line and column; its
 * "Unexpected end of JSON input" points at the end; a message that quotes the text (with its line
 * breaks) is cut to its first clause, so the error stays on one line.
 */
export function jsonWhere(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  if (match) {
    const what = message.replace(/ in JSON at position \d+.*$/s, '');
    return `${what} at ${lineColumn(text, Number(match[1]))}`;
  }
  if (/Unexpected end of JSON input/.test(message)) {
    return text.trim() === ''
      ? 'the file is empty'
      : `the file ends before the JSON does, at ${lineColumn(text, text.length)}`;
  }
  return message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/\s+/g, ' ')
    .trim();
}
