// Reads a config file and explains exactly what is wrong with a bad one.
import { readFile } from 'node:fs/promises';
import { parseConfig, type ConfigProblem, type VigieConfig } from '../../shared/config-schema';

export type LoadConfigResult =
  | { readonly ok: true; readonly config: VigieConfig }
  | { readonly ok: false; readonly file: string; readonly problems: readonly ConfigProblem[] };

/** Loads and validates a JSON config file. */
export async function loadConfigFile(file: string): Promise<LoadConfigResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot read (${code ?? 'error'})`;
    return { ok: false, file, problems: [{ path: '(file)', message: why }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      file,
      problems: [{ path: '(file)', message: `not valid JSON: ${jsonWhere(text, error)}` }],
    };
  }
  const parsed = parseConfig(value);
  return parsed.ok ? parsed : { ok: false, file, problems: parsed.problems };
}

/** Turns "at position N" into "line L, column C" so a person can find the mistake. */
function jsonWhere(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  if (!match) return message;
  const position = Number(match[1]);
  const before = text.slice(0, position).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}
