// `npx vigie services`: the catalog, searched by name, alias or category, as a table by category
// or as JSON (an array of catalog entries).
import { CATALOG_CATEGORIES, type Category, type ServiceConfig } from '../../shared/config-schema';
import { catalogEntry, searchServices } from '../../shared/catalog';
import type { Translator } from '../../shared/i18n';
import { forTerminal, padTo } from './terminal-text';

/** What `services` was asked for. */
export interface ServicesQuery {
  readonly search?: string;
  readonly category?: Category;
  readonly json: boolean;
}

/** The services a query selects, best match first when searching. */
export function selectServices(
  services: readonly ServiceConfig[],
  query: ServicesQuery,
): ServiceConfig[] {
  const inCategory = query.category
    ? services.filter((s) => s.category === query.category)
    : services;
  return searchServices(inCategory, query.search ?? '');
}

/** The text `services` prints: JSON, a table by category, or why nothing matched. */
export function servicesOutput(
  services: readonly ServiceConfig[],
  query: ServicesQuery,
  tr: Translator,
): { readonly out: string; readonly found: number } {
  const found = selectServices(services, query);
  if (query.json)
    return { out: JSON.stringify(found.map(catalogEntry), null, 2), found: found.length };
  if (found.length === 0)
    return {
      out: tr.t('catalog.noMatch', { search: forTerminal(query.search ?? query.category ?? '') }),
      found: 0,
    };
  const idWidth = Math.max(...found.map((s) => s.id.length));
  const nameWidth = Math.max(...found.map((s) => forTerminal(s.name).length));
  const official = (s: ServiceConfig) =>
    catalogEntry(s).sources.length > 0 ? tr.t('catalog.official') : tr.t('catalog.directOnly');
  const officialWidth = Math.max(
    tr.t('catalog.official').length,
    tr.t('catalog.directOnly').length,
  );
  const categories: readonly string[] = [
    ...CATALOG_CATEGORIES,
    ...new Set(found.map((s) => s.category)),
  ];
  const lines: string[] = [];
  for (const category of new Set(categories)) {
    const inIt = found.filter((s) => s.category === category);
    if (inIt.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(tr.t(`catalog.cat-${category}`));
    for (const s of inIt) {
      const columns = [padTo(s.id, idWidth), padTo(forTerminal(s.name), nameWidth), official(s)];
      if (s.enabled) columns[2] = padTo(official(s), officialWidth);
      lines.push(`  ${columns.join('  ')}${s.enabled ? `  ${tr.t('catalog.byDefault')}` : ''}`);
    }
  }
  lines.push('', tr.t('catalog.listed', { count: found.length }), tr.t('catalog.hint'));
  return { out: lines.join('\n'), found: found.length };
}
