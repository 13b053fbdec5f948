// The engine's config as the user chose it: the catalog, the user's choices and own services.
import type { VigieConfig } from '../../shared/config-schema';
import type { Settings } from '../../shared/settings-schema';
import { lowDataConfig } from '../engine/low-data';

/** Applies the settings to a catalog config (and low-data mode when it is on). */
export function configFromSettings(catalog: VigieConfig, settings: Settings): VigieConfig {
  const chosen = chosenConfig(catalog, settings);
  return settings.lowData ? lowDataConfig(chosen) : chosen;
}

/** Public context as the settings allow: on unless turned off, and in low-data mode only if asked. */
function contextFrom(catalog: VigieConfig, settings: Settings): VigieConfig['context'] {
  const context = catalog.context;
  const allowed = settings.context.enabled && (!settings.lowData || settings.context.lowData);
  if (!context || !allowed) return undefined;
  return { ...context, country: settings.secondOpinion.country ?? context.country };
}

function chosenConfig(catalog: VigieConfig, settings: Settings): VigieConfig {
  const own = settings.customServices
    .filter((s) => !catalog.services.some((c) => c.id === s.id))
    // The user's own addresses leave the machine only with their own opt-in; public
    // measurement platforms are never asked about them.
    .map((s) => ({ ...s, context: undefined, secondOpinion: s.secondOpinion === true }));
  const opinion = catalog.secondOpinion;
  return {
    ...catalog,
    secondOpinion:
      opinion && settings.secondOpinion.enabled
        ? { ...opinion, country: settings.secondOpinion.country ?? opinion.country }
        : undefined,
    context: contextFrom(catalog, settings),
    intervalSeconds: settings.intervalSeconds,
    failureThreshold: settings.failureThreshold,
    successThreshold: settings.successThreshold,
    services: [...catalog.services, ...own].map((service) => {
      const choice = settings.services[service.id];
      return {
        ...service,
        enabled: choice?.enabled ?? service.enabled,
        critical: choice?.critical ?? service.critical,
      };
    }),
  };
}
