// Parses the command line; bad usage is an error that says what is wrong (exit 64).
import { messageOf } from '../../shared/errors';
import { parseArgs } from 'node:util';
import { closest } from './service-ids';
import { DAY, HOUR, MINUTE } from '../../shared/durations';
import { CATALOG_CATEGORIES, type Category } from '../../shared/config-schema';

export type HistoryFormat = 'table' | 'json' | 'csv';

export interface CliArgs {
  readonly command:
    'check' | 'watch' | 'history' | 'alert-test' | 'services' | 'team' | 'checklist' | 'help';
  /** `team create|join|leave`, `checklist done` (absent: show). */
  readonly action?: 'create' | 'join' | 'leave' | 'done';
  /** `team join INVITE`, `checklist done STEP`. */
  readonly target?: string;
  /** `team create --server URL` (ntfy.sh when not given). */
  readonly server?: string;
  /** `team create|join --name NAME`: the display name the team sees. */
  readonly name?: string;
  /** `checklist done STEP --note TEXT`. */
  readonly note?: string;
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
  /** `alert-test --channel ID`: only this channel. */
  readonly channel?: string;
  /** `services --search TEXT`: what to look for in the catalog. */
  readonly search?: string;
  /** `services --category C`: one category of the catalog. */
  readonly category?: Category;
}

/**
 * What was wrong with the command line: a `usage.*` message and its values, worded by the CLI;
 * `lists` are written in the language's own list format ("a, b et c", «أ، ب و ج»).
 */
export type UsageProblem = {
  readonly key: string;
  readonly values?: Record<string, string>;
  readonly lists?: Record<string, readonly string[]>;
};

/** Thrown for bad usage; the CLI prints the problem in the user's language and the usage, exit 64. */
export class UsageError extends Error {
  constructor(readonly problem: UsageProblem) {
    super(problem.key);
  }
}

const problem = (key: string, values?: Record<string, string>) =>
  new UsageError(values ? { key: `usage.${key}`, values } : { key: `usage.${key}` });

/** The commands as typed (flags are not translated), each with what it does. */
const SYNOPSIS = [
  ['npx vigie check [--config FILE] [--json] [--only id,id]', 'usage.check'],
  ['npx vigie watch [--config FILE] [--only id,id] [--data DIR]', 'usage.watch'],
  [
    'npx vigie history [--data DIR] [--service ID] [--since 7d] [--format table|json|csv] [--csv incidents|days]',
    'usage.history',
  ],
  ['npx vigie history [--data DIR] --report ID', 'usage.report'],
  ['npx vigie alert-test [--config FILE] [--channel ID]', 'usage.alertTest'],
  ['npx vigie services [--search TEXT] [--category C] [--json]', 'usage.services'],
  ['npx vigie team create [--server URL] --name NAME [--data DIR]', 'team.usageCreate'],
  ['npx vigie team join INVITE --name NAME [--data DIR]', 'team.usageJoin'],
  ['npx vigie team [--data DIR] [--json]', 'team.usageShow'],
  ['npx vigie team leave [--data DIR]', 'team.usageLeave'],
  ['npx vigie checklist [--data DIR] [--json]', 'team.usageChecklist'],
  ['npx vigie checklist done STEP [--note TEXT] [--data DIR]', 'team.usageDone'],
] as const;

/** The usage, in the user's language. */
export function usageText(t: (key: string) => string): string {
  const commands = SYNOPSIS.map(([line, what]) => `  ${line}\n      ${t(what)}`);
  return [t('usage.heading'), ...commands, '', t('usage.exit')].join('\n');
}

const UNITS: Readonly<Record<string, number>> = { m: MINUTE, h: HOUR, d: DAY };

/** `90d`, `24h`, `30m` → milliseconds (up to 90 days). */
export function parseSince(text: string): number {
  const match = /^(\d+)([mhd])$/.exec(text.trim());
  const unit = match ? UNITS[match[2] as string] : undefined;
  if (!match || unit === undefined) throw problem('since', { value: text });
  const ms = Number(match[1]) * unit;
  if (ms <= 0 || ms > 90 * DAY) throw problem('sinceRange');
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
  channel: { type: 'string' },
  search: { type: 'string' },
  category: { type: 'string' },
  server: { type: 'string' },
  name: { type: 'string' },
  note: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * Node's parser explains itself for programmers ("To specify a positional argument starting with
 * a '-', place it at the end…"); say instead which option was not understood, and what was meant.
 */
function argumentProblem(error: unknown): UsageProblem {
  const message = messageOf(error);
  const code = (error as { code?: string }).code;
  const option = /'(-{1,2}[^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const meant = closest(option.replace(/^-+/, '').split('=')[0] ?? '', Object.keys(OPTIONS));
    return meant
      ? { key: 'usage.unknownOptionMeant', values: { option, meant } }
      : { key: 'usage.unknownOption', values: { option } };
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return { key: 'usage.needsValue', values: { option: option.split(' ')[0] ?? option } };
  }
  return { key: 'usage.other', values: { message } };
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
  if (
    command !== 'check' &&
    command !== 'watch' &&
    command !== 'history' &&
    command !== 'alert-test' &&
    command !== 'services' &&
    command !== 'team' &&
    command !== 'checklist'
  ) {
    throw command ? problem('unknownCommand', { command }) : problem('noCommand');
  }
  const { action, target, extra } = actionOf(command, rest);
  if (extra !== undefined) throw problem('unexpected', { argument: extra });
  for (const [name, value] of [
    ['config', values.config],
    ['data', values.data],
  ] as const) {
    if (value !== undefined && value.trim() === '') throw problem('needsPath', { option: name });
  }
  const allowed: Readonly<Record<typeof command, readonly string[]>> = {
    check: ['config', 'json', 'only'],
    watch: ['config', 'only', 'data'],
    history: ['config', 'data', 'service', 'since', 'format', 'csv', 'report'],
    'alert-test': ['config', 'channel'],
    services: ['config', 'json', 'search', 'category'],
    team:
      action === 'create'
        ? ['data', 'server', 'name']
        : action === 'join'
          ? ['data', 'name']
          : action === 'leave'
            ? ['data']
            : ['data', 'json'],
    checklist: action === 'done' ? ['data', 'note'] : ['data', 'json'],
  };
  for (const [name, value] of Object.entries(values)) {
    if (name === 'help' || value === undefined || value === false) continue;
    if (!allowed[command].includes(name))
      throw problem('notWith', {
        option: name,
        command: action ? `${command} ${action}` : command,
      });
  }
  let only: string[] | undefined;
  if (values.only !== undefined) {
    only = values.only
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (only.length === 0) throw problem('onlyEmpty');
  }
  // `--csv days` alone means CSV; with another format it would be ignored, so it is refused.
  const format = values.format ?? (values.csv !== undefined ? 'csv' : 'table');
  if (format !== 'table' && format !== 'json' && format !== 'csv') {
    throw problem('format', { value: format });
  }
  if (values.csv !== undefined && format !== 'csv') throw problem('csvWithFormat', { format });
  if (values.report !== undefined && values.report.trim() === '') throw problem('reportEmpty');
  const category = values.category?.trim().toLowerCase();
  if (category !== undefined && !(CATALOG_CATEGORIES as readonly string[]).includes(category))
    throw new UsageError({
      key: 'usage.category',
      values: { value: values.category ?? '' },
      lists: { list: CATALOG_CATEGORIES },
    });
  const csv = values.csv ?? 'incidents';
  if (csv !== 'incidents' && csv !== 'days') throw problem('csv', { value: csv });
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
    ...(values.channel !== undefined ? { channel: values.channel.trim() } : {}),
    ...(values.search !== undefined ? { search: values.search } : {}),
    ...(category !== undefined ? { category: category as Category } : {}),
    ...(action ? { action } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(values.server !== undefined ? { server: values.server.trim() } : {}),
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.note !== undefined ? { note: values.note } : {}),
  };
}

/** The words after `team` or `checklist`: what to do and on what; anything more is unexpected. */
function actionOf(
  command: string,
  rest: readonly string[],
): { action?: CliArgs['action']; target?: string; extra?: string } {
  const [first, second, third] = rest;
  if (command === 'team') {
    if (first === undefined) return {};
    if (first === 'create' || first === 'leave') return { action: first, extra: second };
    if (first === 'join') {
      if (second === undefined) throw problem('needsValue', { option: 'join INVITE' });
      return { action: 'join', target: second, extra: third };
    }
    return { extra: first };
  }
  if (command === 'checklist') {
    if (first === undefined) return {};
    if (first === 'done') {
      if (second === undefined) throw problem('needsValue', { option: 'done STEP' });
      return { action: 'done', target: second, extra: third };
    }
    return { extra: first };
  }
  return { extra: first };
}
