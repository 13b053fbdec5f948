// Parses the command line; bad usage is an error that says what is wrong (exit 64).
import { parseArgs } from 'node:util';
import { closest } from './service-ids';
import { DAY, HOUR, MINUTE } from '../../shared/durations';

export type HistoryFormat = 'table' | 'json' | 'csv';

export interface CliArgs {
  readonly command: 'check' | 'watch' | 'history' | 'help';
  readonly config?: string;
  readonly json: boolean;
  readonly only?: readonly string[];
  /** The data folder (history); the app's folder on this OS when not given. */
  readonly data?: string;
  readonly service?: string;
  /** How far back `history` looks, in ms. */
  readonly sinceMs: number;
  readonly format: HistoryFormat;
  /** What `history --format csv` lists. */
  readonly csv: 'incidents' | 'days';
  /** `history --report ID`: the incident report of a checklist run (or of an incident's run). */
  readonly report?: string;
}

/** Thrown for bad usage; the CLI prints the message and the usage, then exits 64. */
export class UsageError extends Error {}

export const USAGE = `Usage:
  npm run check -- [--config FILE] [--json] [--only id,id]
      one cycle, then exit
  npm run watch -- [--config FILE] [--only id,id] [--data DIR]
      check continuously, print changes, record history in DIR
  npm run history -- [--data DIR] [--service ID] [--since 7d] [--format table|json|csv] [--csv incidents|days]
      uptime, daily states and incidents from the recorded history
  npm run history -- [--data DIR] --report ID
      the incident report (Markdown) of a checklist run, by run or incident id

Exit status: 0 all up; 1 something degraded, in maintenance or unknown; 2 something down;
3 offline, captive portal or DNS broken here; 64 bad usage; 78 bad config file;
74 the history could not be read.`;

const UNITS: Readonly<Record<string, number>> = { m: MINUTE, h: HOUR, d: DAY };

/** `90d`, `24h`, `30m` → milliseconds (up to 90 days). */
export function parseSince(text: string): number {
  const match = /^(\d+)([mhd])$/.exec(text.trim());
  const unit = match ? UNITS[match[2] as string] : undefined;
  if (!match || unit === undefined)
    throw new UsageError(`--since takes a duration like 24h, 7d or 90d, not "${text}"`);
  const ms = Number(match[1]) * unit;
  if (ms <= 0 || ms > 90 * DAY) throw new UsageError('--since must be between 1m and 90d');
  return ms;
}

/** The options `parseArgs` understands (and "did you mean" offers). */
const OPTIONS = {
  config: { type: 'string' },
  json: { type: 'boolean', default: false },
  only: { type: 'string' },
  data: { type: 'string' },
  service: { type: 'string' },
  since: { type: 'string' },
  format: { type: 'string' },
  csv: { type: 'string' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * Node's parser explains itself for programmers ("To specify a positional argument starting with
 * a '-', place it at the end…"); say instead which option was not understood, and what was meant.
 */
function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-{1,2}[^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const meant = closest(option.replace(/^-+/, '').split('=')[0] ?? '', Object.keys(OPTIONS));
    return meant
      ? `unknown option ${option}; did you mean --${meant}?`
      : `unknown option ${option}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return `${option.split(' ')[0]} needs a value`;
  }
  return message;
}

/** Reads argv (without node and the script). */
export function parseCli(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (error) {
    throw new UsageError(argumentProblem(error));
  }
  const { values, positionals } = parsed;
  const base = {
    json: false,
    sinceMs: 7 * DAY,
    format: 'table' as const,
    csv: 'incidents' as const,
  };
  if (values.help) return { command: 'help', ...base };
  const [command, ...rest] = positionals;
  if (command !== 'check' && command !== 'watch' && command !== 'history') {
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  for (const [name, value] of [
    ['config', values.config],
    ['data', values.data],
  ] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${name} needs a path`);
  }
  const allowed: Readonly<Record<typeof command, readonly string[]>> = {
    check: ['config', 'json', 'only'],
    watch: ['config', 'only', 'data'],
    history: ['config', 'data', 'service', 'since', 'format', 'csv', 'report'],
  };
  for (const [name, value] of Object.entries(values)) {
    if (name === 'help' || value === undefined || value === false) continue;
    if (!allowed[command].includes(name))
      throw new UsageError(`--${name} does not go with ${command}`);
  }
  let only: string[] | undefined;
  if (values.only !== undefined) {
    only = values.only
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (only.length === 0) throw new UsageError('--only needs at least one service id');
  }
  // `--csv days` alone means CSV; with another format it would be ignored, so it is refused.
  const format = values.format ?? (values.csv !== undefined ? 'csv' : 'table');
  if (format !== 'table' && format !== 'json' && format !== 'csv') {
    throw new UsageError(`--format takes table, json or csv, not "${format}"`);
  }
  if (values.csv !== undefined && format !== 'csv')
    throw new UsageError(`--csv goes with --format csv, not --format ${format}`);
  if (values.report !== undefined && values.report.trim() === '')
    throw new UsageError('--report needs a run or incident id');
  const csv = values.csv ?? 'incidents';
  if (csv !== 'incidents' && csv !== 'days')
    throw new UsageError(`--csv takes incidents or days, not "${csv}"`);
  return {
    command,
    config: values.config,
    json: values.json ?? false,
    only,
    data: values.data,
    service: values.service,
    sinceMs: values.since !== undefined ? parseSince(values.since) : 7 * DAY,
    format,
    csv,
    ...(values.report !== undefined ? { report: values.report.trim() } : {}),
  };
}
