// The user's settings: what the tray, notifications and (later) the window read and change.
// Validated with zod; every field has a default, so a damaged file never stops Vigie.
import { z } from 'zod';
import { zodEn } from './i18n/zod-strings';
import { serviceSchema } from './config-schema';
import { salvageValue } from './salvage';
import { CHANNELS } from './playbook-schema';
import { appAlertsSchema } from './alerts/app-settings';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, zodEn.clock);

/** Per-service choices over the catalog. */
export const serviceChoiceSchema = z.strictObject({
  enabled: z.boolean().optional(),
  critical: z.boolean().optional(),
  muted: z.boolean().default(false),
});

export const SETTINGS_VERSION = 1;

/** Bounds that keep the settings file small and every save quick (a page could ask for more). */
export const SETTINGS_LIMITS = { services: 500, customServices: 50, screen: 100_000 } as const;

const choiceKey = z.string().regex(/^[a-z0-9~][a-z0-9-]{0,62}$/, zodEn.serviceRef);
/** A window coordinate: on any screen a person could have, never a million pixels away. */
const coordinate = z.number().int().min(-SETTINGS_LIMITS.screen).max(SETTINGS_LIMITS.screen);

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  services: z
    .record(choiceKey, serviceChoiceSchema)
    .refine((r) => Object.keys(r).length <= SETTINGS_LIMITS.services, {
      message: `too many services (maximum: ${SETTINGS_LIMITS.services})`,
      // Worded in the reader's language by shared/zod-words.ts.
      params: { key: 'zod.tooManyServices', maximum: String(SETTINGS_LIMITS.services) },
    })
    .meta({ maxEntries: SETTINGS_LIMITS.services })
    .default({}),
  customServices: z
    .array(serviceSchema)
    // zod's own "too many items (maximum: 50)", worded in the reader's language.
    .max(SETTINGS_LIMITS.customServices)
    .default([]),
  intervalSeconds: z.number().int().min(30).max(3600).default(60),
  /** Low data: cycles every 5 minutes at least, resting probes rest 4× longer (main/engine/low-data.ts). */
  lowData: z.boolean().default(false),
  failureThreshold: z.number().int().min(1).max(10).default(2),
  successThreshold: z.number().int().min(1).max(10).default(1),
  notifications: z
    .strictObject({
      enabled: z.boolean().default(true),
      down: z.boolean().default(true),
      degraded: z.boolean().default(true),
      recovered: z.boolean().default(true),
      offline: z.boolean().default(false),
    })
    .default({ enabled: true, down: true, degraded: true, recovered: true, offline: false }),
  /** A non-critical service raises the tray at most to `degraded`. */
  nonCriticalMaxDegraded: z.boolean().default(false),
  quietHours: z
    .strictObject({
      enabled: z.boolean().default(false),
      from: clock.default('22:00'),
      to: clock.default('07:00'),
    })
    .default({ enabled: false, from: '22:00', to: '07:00' }),
  language: z.enum(['system', 'en', 'fr', 'ar']).default('system'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  launchAtLogin: z.boolean().default(false),
  /** Look for new versions daily, download them in the background, install them on quit. */
  updates: z.boolean().default(true),
  /**
   * Asking other networks (Globalping) when a service is unreachable from here. The user's own
   * services are asked about only when each says so (`secondOpinion: true`).
   */
  secondOpinion: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** The user's country (ISO 3166-1 alpha-2); null: from the system's region settings. */
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, zodEn.countryCode)
        .nullable()
        .default(null),
    })
    .default({ enabled: true, country: null }),
  /**
   * Asking public measurement platforms (RIPEstat, OONI, IODA) about a catalog service Vigie
   * cannot reach; the country is the second opinion's. Off in low-data mode unless `lowData`.
   * The user's own services are never asked about.
   */
  context: z
    .strictObject({
      enabled: z.boolean().default(true),
      lowData: z.boolean().default(false),
    })
    .default({ enabled: true, lowData: false }),
  pausedUntil: z.number().nullable().default(null),
  /**
   * The first-run welcome: `pending` shows it (a fresh install starts so, and Settings can ask for
   * it again), `done` once finished or skipped. Absent means done: settings from before it existed.
   */
  firstRun: z.enum(['pending', 'done']).default('done'),
  /** The backup channels the user said they reach customers by; the checklist offers them first. */
  backupChannels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
  /** Alerts beyond this computer: the channels without their secrets (docs/alerts.md). */
  alerts: appAlertsSchema.default({ events: ['down', 'recovered'], channels: [] }),
  window: z
    .strictObject({
      width: z.number().int().min(480).max(10_000).default(960),
      height: z.number().int().min(360).max(10_000).default(680),
      x: coordinate.optional(),
      y: coordinate.optional(),
    })
    .default({ width: 960, height: 680 }),
});

export type Settings = z.infer<typeof settingsSchema>;

/** The defaults, as a fresh object. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/**
 * Reads stored settings: valid fields are kept, each invalid one falls back to its default and is
 * named in `problems` (so a person can be told what was reset). Salvage goes field by field at
 * every depth: a bad `muted` of one service keeps that service's `enabled`, a bad probe field of
 * one own service keeps the rest of it (shared/salvage.ts).
 */
export function salvageSettings(value: unknown): { settings: Settings; problems: string[] } {
  const whole = settingsSchema.safeParse(value);
  if (whole.success) return { settings: whole.data, problems: [] };
  const problems = whole.error.issues.map(
    (i) => `${i.path.map(String).join('.') || '(file)'}: ${i.message}`,
  );
  const kept = salvageValue(settingsSchema, value);
  const settings = kept.ok ? settingsSchema.safeParse(kept.value) : null;
  return { settings: settings?.success ? settings.data : defaultSettings(), problems };
}
