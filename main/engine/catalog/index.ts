// The built-in catalog: data, not code, so an endpoint can be corrected without touching logic.
// default-catalog.json holds the file's settings and the services watched until the user picks;
// services/<category>.json hold the rest of the catalog, switched off until chosen. Every entry
// carries a `verified` note: nothing in it could be reached from our build machines.
import { parseConfig, type ServiceConfig, type VigieConfig } from '../../../shared/config-schema';
import base from './default-catalog.json';
import ads from './services/ads.json';
import delivery from './services/delivery.json';
import design from './services/design.json';
import developer from './services/developer.json';
import ecommerce from './services/ecommerce.json';
import emailMarketing from './services/email-marketing.json';
import hosting from './services/hosting.json';
import messaging from './services/messaging.json';
import office from './services/office.json';
import payments from './services/payments.json';
import social from './services/social.json';
import socialTools from './services/social-tools.json';

/** The catalog's data files, in the order their services are listed. */
const MORE: readonly (readonly unknown[])[] = [
  messaging,
  social,
  ads,
  ecommerce,
  payments,
  socialTools,
  design,
  emailMarketing,
  office,
  hosting,
  delivery,
  developer,
];

let cached: VigieConfig | null = null;

/** Freezes a parsed value all the way down (the catalog is shared by every caller). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The whole catalog, validated once (a broken catalog is a bug: it throws with the field) and
 * frozen: callers derive their own configs from it, never change it.
 */
export function defaultConfig(): VigieConfig {
  if (cached) return cached;
  const parsed = parseConfig({ ...base, services: [...base.services, ...MORE.flat()] });
  if (!parsed.ok) {
    const first = parsed.problems[0];
    throw new Error(`built-in catalog is invalid at ${first?.path}: ${first?.message}`);
  }
  cached = deepFreeze(parsed.config);
  return cached;
}

/** One catalog entry by id, or undefined. */
export function catalogService(id: string): ServiceConfig | undefined {
  return defaultConfig().services.find((s) => s.id === id);
}
