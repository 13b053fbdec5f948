// The catalog as people pick from it: its public listing (`npx vigie services --json`, the
// window's search) and a search that finds a service by name, alias or category, whatever the
// accents, letter case or Arabic spelling.
import type { Category, ProbeConfig, ServiceConfig } from './config-schema';
import { RESOURCES } from './i18n';

/** One official source of a service, as listed: its kind and the URL it is read from. */
export interface CatalogSource {
  readonly kind: string;
  readonly url: string;
}

/** One catalog entry as `npx vigie services --json` lists it. */
export interface CatalogListing {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly category: Category;
  readonly provider: string | null;
  readonly sources: readonly CatalogSource[];
  /** Watched until the user picks. */
  readonly default: boolean;
}

/** The URL an official probe is read from (its base for status pages, as configured). */
function sourceOf(probe: ProbeConfig): CatalogSource | null {
  switch (probe.kind) {
    case 'http':
    case 'dns':
    case 'tcp':
    case 'tls':
      return null;
    case 'metastatus':
    case 'statuspage':
    case 'incidentio':
    case 'instatus':
    case 'google-workspace':
    case 'slack':
    case 'feed':
    case 'm365':
      return { kind: probe.kind, url: probe.url };
    default: {
      const never: never = probe;
      return never;
    }
  }
}

/** A service as the catalog lists it. */
export function catalogEntry(service: ServiceConfig): CatalogListing {
  return {
    id: service.id,
    name: service.name,
    aliases: service.aliases ?? [],
    category: service.category,
    provider: service.provider ?? null,
    sources: service.probes.flatMap((p) => sourceOf(p) ?? []),
    default: service.enabled,
  };
}

/**
 * Text folded for search: lower case, accents and Arabic vowel marks dropped, the Arabic letters
 * people write interchangeably made one (أ إ آ ٱ → ا, ة → ه, ى → ي, tatweel removed), dashes,
 * dots and apostrophes as spaces.
 */
export function foldForSearch(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // Written as escapes: the command line's bundle stays ASCII, so V8 holds its source in one
      // byte per character (one Arabic letter in it would double the 1.5 MB it keeps for ever).
      .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
      .replace(/\u0629/g, '\u0647')
      .replace(/\u0649/g, '\u064a')
      .replace(/\u0640/g, '')
      .replace(/[\s\-_.'\u2019/()&+]+/g, ' ')
      .trim()
  );
}

/** A category's names in every language (so "paiement" finds payments in an English window). */
function categoryWords(category: Category): string {
  return Object.values(RESOURCES)
    .map((messages) => (messages.catalog as Record<string, string>)[`cat-${category}`] ?? '')
    .join(' ');
}

/** What the search reads of a service (a catalog entry or a service as the window lists it). */
export interface Searchable {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly provider?: string | null;
  readonly category: Category;
}

/** Whether a service matches what was typed: every word of it, in name, alias, id or category. */
export function matchesSearch(service: Searchable, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(
    [
      service.name,
      service.id,
      ...(service.aliases ?? []),
      service.provider ?? '',
      service.category,
      categoryWords(service.category),
    ].join(' '),
  );
  // A name written without spaces ("mailchimp", "wetransfer") is found with them too.
  const squeezed = haystack.replace(/ /g, '');
  return words.every((w) => haystack.includes(w) || squeezed.includes(w));
}

/**
 * The services matching `query`, best first: a name or alias that starts with it before one that
 * only contains it, then the catalog's order.
 */
export function searchServices<S extends Searchable>(services: readonly S[], query: string): S[] {
  const folded = foldForSearch(query);
  const found = services.filter((s) => matchesSearch(s, query));
  if (folded === '') return found;
  const rank = (s: S) =>
    [s.name, s.id, ...(s.aliases ?? [])].some((n) => foldForSearch(n).startsWith(folded)) ? 0 : 1;
  return found
    .map((s, index) => ({ s, index, rank: rank(s) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ s }) => s);
}
