// The built-in catalog: data, not code, so an endpoint can be corrected without touching logic.
// Every entry carries a `verified` note: nothing in it could be reached from our build machines.
import { parseConfig, type VigieConfig } from '../../../shared/config-schema';
import catalog from './default-catalog.json';

/** The default catalog, validated (a broken catalog is a bug: it throws with the field). */
export function defaultConfig(): VigieConfig {
  const parsed = parseConfig(catalog);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    throw new Error(`built-in catalog is invalid at ${first?.path}: ${first?.message}`);
  }
  return parsed.config;
}
