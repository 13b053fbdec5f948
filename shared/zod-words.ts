// zod's problems worded by Vigie's own catalogues (shared/i18n/zod-strings.ts), in the user's
// language: zod's French and Arabic locales have slips of their own ("chaîne de caractères reçu")
// and its English is a developer's ("Invalid input: expected int, received number").
import type { z } from 'zod';
import type { Translator } from './i18n';
import { zodEn } from './i18n/zod-strings';

type Issue = z.core.$ZodRawIssue;

/** The catalogue key of one of the schema's own English messages ("expected a domain name"). */
const OWN = new Map<string, string>(
  Object.entries(zodEn).map(([key, text]) => [text, `zod.${key}`] as const),
);

/** A config value as the file writes it: `"http"`, `200`. */
const asJson = (value: unknown) => JSON.stringify(value) ?? String(value);

/** `token` read left to right, whatever the direction of the sentence around it. */
function isolated(token: string, tr: Translator): string {
  return tr.language === 'ar' ? `\u2066${token}\u2069` : token;
}

function typeName(expected: string, tr: Translator): string {
  const known = ['string', 'number', 'int', 'boolean', 'object', 'array'];
  const name = known.includes(expected) ? expected : 'other';
  return tr.t(`zod.type${name.charAt(0).toUpperCase()}${name.slice(1)}`);
}

function sizeWords(issue: Issue & { code: 'too_small' | 'too_big' }, tr: Translator): string {
  const small = issue.code === 'too_small';
  const bound = small ? issue.minimum : issue.maximum;
  const value = { minimum: String(bound), maximum: String(bound) };
  if (issue.origin === 'string') {
    if (small && Number(bound) === 1) return tr.t('zod.empty');
    return tr.t(small ? 'zod.tooShort' : 'zod.tooLong', value);
  }
  if (issue.origin === 'array' || issue.origin === 'set')
    return tr.t(small ? 'zod.tooFew' : 'zod.tooMany', value);
  const exclusive = issue.inclusive === false ? 'Exclusive' : '';
  return tr.t(`${small ? 'zod.tooSmall' : 'zod.tooBig'}${exclusive}`, value);
}

/** What one issue says, in the translator's language. */
export function issueWords(issue: Issue, tr: Translator): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeName(String(issue.expected), tr);
      return tr.t(issue.input === undefined ? 'zod.missing' : 'zod.invalidType', { expected });
    }
    case 'too_small':
    case 'too_big':
      return sizeWords(issue, tr);
    case 'invalid_format':
      return tr.t('zod.format');
    case 'unrecognized_keys':
      return tr.t('zod.unknownFields', {
        count: issue.keys.length,
        keys: tr.list(issue.keys.map((key) => isolated(asJson(key), tr))),
      });
    case 'invalid_value':
      return tr.t('zod.oneOf', {
        values: tr.list(
          issue.values.map((v) => isolated(asJson(v), tr)),
          'or',
        ),
      });
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options && options.length > 0)
        return tr.t('zod.oneOf', {
          values: tr.list(
            options.map((v) => isolated(asJson(v), tr)),
            'or',
          ),
        });
      return tr.t('zod.noForm');
    }
    case 'not_multiple_of':
      return tr.t('zod.multipleOf', { divisor: String(issue.divisor) });
    case 'invalid_key':
      return tr.t('zod.badKey');
    case 'invalid_element':
      return tr.t('zod.badItem');
    default: {
      const params = (issue as { params?: Record<string, string> }).params;
      if (params?.['key']) return tr.t(params['key'], params);
      return tr.t('zod.invalid');
    }
  }
}

/**
 * A per-parse error map: every issue worded in the translator's language. Messages the schema
 * sets itself win over any map (zod's rule): `ownWords` translates those afterwards.
 */
export function zodErrorMap(tr: Translator): z.core.$ZodErrorMap {
  return (issue) => issueWords(issue, tr);
}

/** Formats a zod path as the JSON path a person would write; `whole` names the file itself. */
export function formatPath(path: readonly PropertyKey[], whole = '(top level)'): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? whole : out;
}

/**
 * The first problem of a value a schema refused, parsed with `zodErrorMap(tr)`, as the window
 * shows it: "url: expected an http:// or https:// URL", the field named as the settings or the
 * form's request name it (left to right inside Arabic), the problem in the reader's language.
 */
export function firstProblem(
  issues: readonly {
    code: string;
    message: string;
    path: readonly PropertyKey[];
    params?: unknown;
  }[],
  tr: Translator,
  /** The field's label as a form shows it, when it has one ("Port"); else its path is named. */
  labelOf: (path: readonly PropertyKey[]) => string | null = () => null,
): string {
  const issue = issues[0];
  if (!issue) return tr.t('zod.invalid');
  const problem = ownWords(issue, tr);
  if (issue.path.length === 0) return problem;
  const label = labelOf(issue.path) ?? isolated(formatPath(issue.path), tr);
  return tr.t('join.label', { label, value: problem });
}

/**
 * A finished issue's message in the translator's language: the schema's own English sentence
 * (one of the catalogue's), a `params.key` of a custom check, or what the error map said.
 */
export function ownWords(
  issue: { code: string; message: string; params?: unknown },
  tr: Translator,
): string {
  const params =
    issue.code === 'custom' ? (issue.params as Record<string, string> | undefined) : undefined;
  if (params?.['key']) return tr.t(params['key'], params);
  const key = OWN.get(issue.message);
  return key ? tr.t(key) : issue.message;
}
