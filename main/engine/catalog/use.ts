// `{ "use": "<id>" }` in a config file's services: the catalog entry, with what the file changes.
import {
  formatPath,
  serviceUseSchema,
  type ConfigProblem,
  type ServiceConfig,
} from '../../../shared/config-schema';
import { createTranslator, type Language } from '../../../shared/i18n';
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
  const expanded = services.map((entry: unknown, index) => {
    if (!isUse(entry)) return entry;
    const parsed = serviceUseSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({
          path: formatPath(['services', index, ...issue.path]),
          message: issue.message,
        });
      return entry;
    }
    const { use, ...changes } = parsed.data;
    const found: ServiceConfig | undefined = catalog.get(use);
    if (!found) {
      problems.push({
        path: formatPath(['services', index, 'use']),
        message: createTranslator(language).t('catalog.unknownUse', { id: use }),
      });
      return entry;
    }
    return { ...found, enabled: true, ...changes };
  });
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: { ...(value as object), services: expanded } };
}

function isUse(entry: unknown): boolean {
  return entry !== null && typeof entry === 'object' && 'use' in entry;
}
