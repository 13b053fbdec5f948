// Parses the command line; bad usage is an error that says what is wrong (exit 64).
import { parseArgs } from 'node:util';

export interface CliArgs {
  readonly command: 'check' | 'watch' | 'help';
  readonly config?: string;
  readonly json: boolean;
  readonly only?: readonly string[];
}

/** Thrown for bad usage; the CLI prints the message and the usage, then exits 64. */
export class UsageError extends Error {}

export const USAGE = `Usage:
  npm run check -- [--config FILE] [--json] [--only id,id]   one cycle, then exit
  npm run watch -- [--config FILE] [--only id,id]            check continuously, print changes

Exit status: 0 all up; 1 something degraded, in maintenance or unknown; 2 something down;
3 offline, captive portal or DNS broken here; 64 bad usage; 78 bad config file.`;

/** Reads argv (without node and the script). */
export function parseCli(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        json: { type: 'boolean', default: false },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', json: false };
  const [command, ...rest] = positionals;
  if (command !== 'check' && command !== 'watch') {
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (values.config !== undefined && values.config.trim() === '')
    throw new UsageError('--config needs a file path');
  let only: string[] | undefined;
  if (values.only !== undefined) {
    only = values.only
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (only.length === 0) throw new UsageError('--only needs at least one service id');
  }
  if (command === 'watch' && values.json) throw new UsageError('--json goes with check, not watch');
  return { command, config: values.config, json: values.json, only };
}
