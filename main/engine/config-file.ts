// Reads a config file and explains exactly what is wrong with a bad one.
import { readFile, stat } from 'node:fs/promises';
import { parseConfig, type ConfigProblem, type VigieConfig } from '../../shared/config-schema';
import { createTranslator, type Language, type Translator } from '../../shared/i18n';
import { decodeJsonText, jsonProblem, type JsonProblem } from './json-text';
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
  let bytes: Buffer;
  try {
    // A pipe, a device or a folder in its place would hang or read forever: only plain files,
    // and none larger than a config can be.
    const info = await stat(file);
    if (!info.isFile())
      return {
        ok: false,
        file,
        problems: [{ path: t('config.file'), message: t('config.notRegular') }],
      };
    if (info.size > MAX_CONFIG_BYTES)
      return {
        ok: false,
        file,
        problems: [
          {
            path: t('config.file'),
            message: t('config.tooLarge', { mb: MAX_CONFIG_BYTES / 1024 / 1024 }),
          },
        ],
      };
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? t('config.notFound')
        : code === 'EACCES'
          ? t('config.permission')
          : t('config.cannotRead', { code: code ?? 'error' });
    return { ok: false, file, problems: [{ path: t('config.file'), message: why }] };
  }
  const notJson = (problem: JsonProblem): LoadConfigResult => ({
    ok: false,
    file,
    problems: [
      {
        path: t('config.file'),
        message: t('config.notJson', { where: t(problem.key, problem.values) }),
      },
    ],
  });
  const decoded = decodeJsonText(bytes);
  if (!decoded.ok) return notJson(decoded.problem);
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch {
    // V8 words some mistakes without a position, and only in English: our own scan finds it.
    return notJson(
      jsonProblem(decoded.text) ?? { key: 'jsonError.token', values: { line: 1, column: 1 } },
    );
  }
  // Catalog entries included by id (`{ "use": "wave" }`) are expanded first.
  const used = useCatalog(value, language);
  if (!used.ok) return { ok: false, file, problems: used.problems };
  const parsed = parseConfig(used.value, language);
  return parsed.ok ? parsed : { ok: false, file, problems: parsed.problems };
}
