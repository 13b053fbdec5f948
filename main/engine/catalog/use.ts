// `{ "use": "<id>" }` in a config file's services: the catalog entry, with what the file changes.
import type { z } from 'zod';
import {
  formatPath,
  serviceUseSchema,
  zodLanguage,
  type ConfigProblem,
  type ServiceConfig,
} from '../../../shared/config-schema';
import { createTranslator, type Language, type Translator } from '../../../shared/i18n';
import { defaultConfig } from './index';

export type UseResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/**
 * Replaces each `{ "use": id, ... }` of `value.services` by the catalog's entry for `id` (watched,
 * unless the file says `enabled: false`), its other fields over the entry's. Anything else is
 * left as it is, for the schema to judge.
 */
export function useCatalog(value: unknown, language: Language = 'en'): UseResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: true, value };
  const services = (value as { services?: unknown }).services;
  if (!Array.isArray(services) || !services.some(isUse)) return { ok: true, value };
  const catalog = new Map(defaultConfig().services.map((s) => [s.id, s]));
  const problems: ConfigProblem[] = [];
  // The translator (and the Intl data it loads) only once a problem is found.
  let made: Translator | null = null;
  const translator = () => (made ??= createTranslator(language));
  const zodWords = zodLanguage(translator);
  const expanded = services.map((entry: unknown, index) => {
    if (!isUse(entry)) return entry;
    const parsed = serviceUseSchema.safeParse(entry, zodWords);
    if (!parsed.success) {
      const { t } = translator();
      problems.push(...parsed.error.issues.flatMap((issue) => useProblems(issue, index, t)));
      return entry;
    }
    const { use, ...changes } = parsed.data;
    const found: ServiceConfig | undefined = catalog.get(use);
    if (!found) {
      problems.push({
        path: formatPath(['services', index, 'use']),
        message: translator().t('catalog.unknownUse', { id: use }),
      });
      return entry;
    }
    return { ...found, enabled: true, ...changes };
  });
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: { ...(value as object), services: expanded } };
}

/** The fields a file may change on a catalog entry. */
const CHANGEABLE = Object.keys(serviceUseSchema.shape).filter((key) => key !== 'use');

/**
 * A `use` entry's problem in the user's language: a bad id and a field the catalog entry keeps
 * are Vigie's words; a wrong type is zod's, in its locale.
 */
function useProblems(issue: z.core.$ZodIssue, index: number, t: Translator['t']): ConfigProblem[] {
  const at = (...path: PropertyKey[]) => formatPath(['services', index, ...path]);
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((field) => ({
      path: at(...issue.path, field),
      message: t('catalog.useFixedField', { field, allowed: CHANGEABLE.join(', ') }),
    }));
  if (issue.path.length === 1 && issue.path[0] === 'use')
    return [{ path: at('use'), message: t('catalog.useBadId') }];
  return [{ path: at(...issue.path), message: issue.message }];
}

function isUse(entry: unknown): boolean {
  return entry !== null && typeof entry === 'object' && 'use' in entry;
}
