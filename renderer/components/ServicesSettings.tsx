// Settings → Services: the services watched, and the whole catalog searched by name, other name
// or category (accents and Arabic spellings found), one click to watch or make critical, with the
// month of data the chosen set is estimated to cost.
import { useId, useState } from 'react';
import { CATALOG_CATEGORIES, type Category } from '../../shared/config-schema';
import { searchServices } from '../../shared/catalog';
import type { CatalogEntry } from '../../shared/ipc';
import type { Settings } from '../../shared/settings-schema';
import { formatBytes } from '../format';
import { useTr } from '../i18n';

/** Rows shown for a search: enough to find a service, never the whole catalog at once. */
const MAX_ROWS = 60;

type Choice = Settings['services'][string];

/** The per-service choices, each a checkbox column. */
const CHOICES = [
  ['enabled', 'prefs.watch'],
  ['critical', 'prefs.critical'],
  ['muted', 'prefs.mute'],
] as const;

export function ServicesSettings({
  entries,
  choose,
  remove,
}: {
  /** The catalog and the user's own services, with the choices in effect. */
  readonly entries: readonly CatalogEntry[];
  readonly choose: (id: string, change: Partial<Choice>) => void;
  readonly remove: (id: string) => void;
}) {
  const tr = useTr();
  const { t } = tr;
  const id = useId();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  // A service changed here stays listed (unwatching it must not take its row away).
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const change = (serviceId: string, value: Partial<Choice>) => {
    setKept((ids) => new Set(ids).add(serviceId));
    choose(serviceId, value);
  };
  const searching = query.trim() !== '' || category !== '';
  const inCategory = category ? entries.filter((e) => e.category === category) : entries;
  const found = searching
    ? searchServices(inCategory, query)
    : entries.filter((e) => e.enabled || e.custom || kept.has(e.id));
  const watched = entries.filter((e) => e.enabled);
  const month = watched.reduce((sum, e) => sum + e.monthBytes, 0);
  return (
    <>
      <div className="catalog-search">
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('catalog.searchLabel')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            placeholder={t('catalog.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('catalog.categoryLabel')}</label>
          <select
            id={`${id}-category`}
            value={category}
            onChange={(e) => setCategory(e.target.value as Category | '')}
          >
            <option value="">{t('catalog.allCategories')}</option>
            {CATALOG_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`catalog.cat-${c}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" aria-live="polite" className="catalog-count">
        {searching
          ? t('catalog.found', { count: found.length })
          : t('catalog.watchedCount', { count: watched.length })}
      </p>
      <p className="field-hint">{t('catalog.dataMonth', { amount: formatBytes(month, tr) })}</p>
      {found.length === 0 ? (
        <p className="state-note">{t('catalog.nothingFound')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('prefs.services')}>
          <table className="choices">
            <thead>
              <tr>
                <th scope="col">{t('prefs.name')}</th>
                <th scope="col">{t('prefs.watch')}</th>
                <th scope="col">{t('prefs.critical')}</th>
                <th scope="col">{t('prefs.mute')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('prefs.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {found.slice(0, MAX_ROWS).map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">
                    <bdi>{entry.name}</bdi>
                    {entry.custom && <span className="tag">{t('prefs.own')}</span>}
                    <span className="catalog-meta">
                      <span>{t(`catalog.cat-${entry.category}`)}</span>
                      <span>
                        {entry.official ? t('catalog.official') : t('catalog.directOnly')}
                      </span>
                    </span>
                  </th>
                  {CHOICES.map(([field, label]) => (
                    <td key={field}>
                      <input
                        type="checkbox"
                        checked={entry[field]}
                        aria-label={t('join.label', { label: t(label), value: entry.name })}
                        onChange={(e) =>
                          change(
                            entry.id,
                            // Making a service critical watches it too.
                            field === 'critical' && e.target.checked
                              ? { critical: true, enabled: true }
                              : { [field]: e.target.checked },
                          )
                        }
                      />
                    </td>
                  ))}
                  <td>
                    {entry.custom && (
                      <button
                        type="button"
                        aria-label={t('prefs.removeLabel', { service: entry.name })}
                        onClick={() => remove(entry.id)}
                      >
                        {t('prefs.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="field-hint">{t('catalog.ownHint')}</p>
    </>
  );
}
