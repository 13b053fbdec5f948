// The service-definition contract (docs/reference.md#config): the built-in catalog and the
// user's own services share it. Parsed with zod so a bad file names the field that is wrong.
import { z } from 'zod';
import { createTranslator, type Language, type Translator } from './i18n';
import { alertsSchema } from './alerts/schema';
import { httpUrl } from './http-url';
import { zodEn } from './i18n/zod-strings';
import { formatPath, ownWords, zodErrorMap } from './zod-words';

const DEFAULT_TIMEOUT_MS = 8000;

export { httpUrl };

const hostName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:_-]+$/, zodEn.hostName);

/** A DNS server, optionally with a port: `1.1.1.1`, `127.0.0.1:5353`, `[::1]:53`. */
const dnsServer = z
  .string()
  .regex(
    /^(\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?|\[[0-9A-Fa-f:]+\](:\d{1,5})?|[0-9A-Fa-f:]+)$/,
    zodEn.dnsServer,
  );

const statusCode = z.number().int().min(100).max(599);

/** One code, or an inclusive `[low, high]` range. */
export const expectStatus = z.union([
  statusCode,
  z.tuple([statusCode, statusCode]).refine(([low, high]) => low <= high, {
    message: 'expected [low, high] with low <= high',
    params: { key: 'config.range' },
  }),
]);

const timeoutMs = z.number().int().min(100).max(120_000).default(DEFAULT_TIMEOUT_MS);
/**
 * Let a probe rest between cycles: its last good answer is reused for this long, unless another
 * direct probe of the service fails (then it runs at once). Heavy sources and full HTTP requests
 * use it so that the catalog stays cheap on metered data.
 */
const everySeconds = z.number().int().min(0).max(86_400).optional();
const slowMs = z.number().int().min(1).optional();
const port = z.number().int().min(1).max(65535);
const dnsServers = z.array(dnsServer).min(1).max(8).optional();
const names = z.array(z.string().min(1).max(200)).min(1).max(50).optional();

/** Fields every probe takes. */
const common = { timeoutMs, everySeconds, dnsServers };

/**
 * Whom an official source speaks for: `service` (this service itself, the default) or `related`
 * (a neighbouring product of the same provider, e.g. the WhatsApp Business Platform for WhatsApp).
 */
const scope = z.enum(['service', 'related']).default('service');
/** Official sources take a scope on top of the common fields. */
const officialCommon = { ...common, scope };

const httpProbe = z.strictObject({
  kind: z.literal('http'),
  url: httpUrl,
  method: z.enum(['HEAD', 'GET']).default('HEAD'),
  expectStatus: expectStatus.default([200, 399]),
  expectBody: z.string().min(1).max(1000).optional(),
  slowMs,
  maxBytes: z
    .number()
    .int()
    .min(1)
    .max(16 * 1024 * 1024)
    .default(1024 * 1024),
  maxRedirects: z.number().int().min(0).max(10).default(3),
  ...common,
});

const dnsProbe = z.strictObject({
  kind: z.literal('dns'),
  host: hostName,
  slowMs,
  ...common,
});

const tcpProbe = z.strictObject({
  kind: z.literal('tcp'),
  host: hostName,
  port,
  slowMs,
  ...common,
});

const tlsProbe = z.strictObject({
  kind: z.literal('tls'),
  host: hostName,
  port: port.default(443),
  certWarningDays: z.number().int().min(0).max(365).default(14),
  slowMs,
  ...common,
});

const pageProbe = <K extends 'statuspage' | 'incidentio' | 'instatus'>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    url: httpUrl,
    components: names,
    ...officialCommon,
  });

const googleProbe = z.strictObject({
  kind: z.literal('google-workspace'),
  url: httpUrl,
  /** Google's stable product ids (`incidents.json` `affected_products[].id`); titles may change. */
  productIds: names,
  /** Product titles, matched case-insensitively when no id is given (titles are not stable). */
  products: names,
  ...officialCommon,
});

const slackProbe = z.strictObject({
  kind: z.literal('slack'),
  url: httpUrl,
  services: names,
  ...officialCommon,
});

const feedProbe = z.strictObject({
  kind: z.literal('feed'),
  url: httpUrl,
  /** An entry newer than this that does not say "resolved" counts as an ongoing incident. */
  recentHours: z.number().min(0.1).max(168).default(6),
  ...officialCommon,
});

/** A short machine name: letters, digits and dashes (Meta's org ids). */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, zodEn.serviceId);

const metastatusProbe = z.strictObject({
  kind: z.literal('metastatus'),
  /** Meta Status base URL; Vigie reads `<url>/data/orgs.json` and `<url>/data/outages/<org>.json`. */
  url: httpUrl.default('https://metastatus.com'),
  /** Meta Status organisation id, e.g. `whatsapp-business-api`. */
  org: slug,
  /** The org's services that count (names or numeric ids); all of them when absent. */
  services: z
    .array(z.union([z.string().min(1), z.number().int()]))
    .min(1)
    .optional(),
  ...officialCommon,
});

const m365Probe = z.strictObject({
  kind: z.literal('m365'),
  /** The full posts endpoint, e.g. `https://status.cloud.microsoft/api/posts/m365Consumer`. */
  url: httpUrl,
  /** Services that count, by display name (`ServiceDisplayName`); all of them when absent. */
  services: names,
  ...officialCommon,
});

/** One probe of a service. */
export const probeSchema = z.discriminatedUnion('kind', [
  httpProbe,
  dnsProbe,
  tcpProbe,
  tlsProbe,
  pageProbe('statuspage'),
  pageProbe('incidentio'),
  pageProbe('instatus'),
  googleProbe,
  slackProbe,
  feedProbe,
  metastatusProbe,
  m365Probe,
]);

/** The catalog's categories, in the order the window lists them. */
export const CATALOG_CATEGORIES = [
  'messaging',
  'social',
  'ads',
  'ecommerce',
  'payments',
  'social-tools',
  'design',
  'email-marketing',
  'office',
  'hosting',
  'delivery',
  'developer',
] as const;

/** A service's category: the catalog's, or one of the older ones a user's file may still use. */
export const categorySchema = z.enum([
  ...CATALOG_CATEGORIES,
  'ads-commerce',
  'email-office',
  'website',
  'other',
]);

/** An IPv4 or IPv6 prefix written as announced ("129.134.30.0/23", "2a03:2880:f0fc::/47"). */
const prefix = z
  .string()
  .regex(
    /^(?:\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}|[0-9a-fA-F:]+:[0-9a-fA-F:]*\/\d{1,3})$/,
    zodEn.prefix,
  );

/** OONI's tests of one app, or its web connectivity test of some domains. */
const ooniTest = z.union([
  z.strictObject({ test: z.enum(['whatsapp', 'facebook_messenger', 'telegram', 'signal']) }),
  z.strictObject({
    test: z.literal('web_connectivity'),
    domains: z
      .array(z.string().regex(/^[a-z0-9.-]+$/, zodEn.domain))
      .min(1)
      .max(10),
  }),
]);

/** A service's public context: its OONI test, and its provider's own name-server prefixes. */
export const serviceContextSchema = z.strictObject({
  ooni: ooniTest.optional(),
  /** The provider's own DNS-server prefixes, exact as announced. */
  routes: z.array(prefix).min(1).max(8).optional(),
});

/** One watched service. */
export const serviceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, zodEn.serviceId),
  name: z.string().min(1).max(80),
  /** Other names people search by (a former name, a French or Arabic spelling). */
  aliases: z.array(z.string().min(1).max(80)).max(20).optional(),
  category: categorySchema,
  critical: z.boolean().default(false),
  enabled: z.boolean().default(true),
  playbook: z.string().min(1).max(64).optional(),
  /** Who runs the service ("Meta"), for "Meta's status page confirms". */
  provider: z.string().min(1).max(60).optional(),
  /** The provider's human status page, shown to the user. */
  statusPageUrl: httpUrl.optional(),
  /** Where the facts behind this definition come from, and whether they were checked. */
  verified: z.string().max(2000).optional(),
  /**
   * Whether this service may be checked from other networks when it is unreachable from here
   * (its addresses are sent to Globalping). Absent: as the file's `secondOpinion.enabled` says.
   */
  secondOpinion: z.boolean().optional(),
  /** What public measurement platforms are asked about this service on doubt (catalog entries). */
  context: serviceContextSchema.optional(),
  probes: z.array(probeSchema).min(1, zodEn.noProbe).max(20),
});

/**
 * A catalog entry included by id in a config file's `services` (`{ "use": "wave" }`), with what
 * the file changes about it. It is watched unless `enabled` says otherwise.
 */
export const serviceUseSchema = z.strictObject({
  use: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, zodEn.catalogId),
  name: z.string().min(1).max(80).optional(),
  critical: z.boolean().optional(),
  enabled: z.boolean().optional(),
  playbook: z.string().min(1).max(64).optional(),
  secondOpinion: z.boolean().optional(),
});
export type ServiceUse = z.infer<typeof serviceUseSchema>;

const connectivityTarget = z.strictObject({
  url: httpUrl,
  expectStatus: expectStatus.default(200),
  expectBody: z.string().min(1).max(1000).optional(),
  timeoutMs: timeoutMs,
});

const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, zodEn.country)
  .transform((code) => code.toUpperCase());

/**
 * Asking other networks (Globalping) when a service is unreachable from here. Absent: never asked.
 * `enabled` covers every service of the file unless a service says `"secondOpinion": false`.
 */
export const secondOpinionSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** The Globalping API base (its `/v1/measurements` is used). */
  url: httpUrl.default('https://api.globalping.io'),
  /** The user's country; default: the app's setting, else the system locale's region. */
  country: countryCode.optional(),
  /** Probes asked per group (the user's country, the rest of the world). */
  probes: z.number().int().min(1).max(10).default(3),
  /** The whole measurement's deadline (create, then poll). */
  timeoutMs: z.number().int().min(1000).max(120_000).default(30_000),
  /** A service is asked again at most this often while its trouble lasts. */
  minIntervalSeconds: z.number().int().min(1).max(86_400).default(600),
});

/**
 * Asking public measurement platforms (RIPEstat, OONI, IODA) on doubt. Absent: never asked.
 */
export const contextSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** The user's country; default: the app's setting, else the system locale's region. */
  country: countryCode.optional(),
  ooniUrl: httpUrl.default('https://api.ooni.io'),
  iodaUrl: httpUrl.default('https://api.ioda.inetintel.cc.gatech.edu/v2'),
  ripestatUrl: httpUrl.default('https://stat.ripe.net'),
});

/** A whole configuration file. */
export const configSchema = z
  .strictObject({
    version: z.literal(1),
    intervalSeconds: z.number().int().min(10).max(86_400).default(60),
    recheckSeconds: z.number().int().min(1).max(3600).default(15),
    failureThreshold: z.number().int().min(1).max(20).default(2),
    successThreshold: z.number().int().min(1).max(20).default(1),
    graceSeconds: z.number().int().min(0).max(600).default(20),
    concurrency: z.number().int().min(1).max(256).default(16),
    dnsServers,
    secondOpinion: secondOpinionSchema.optional(),
    context: contextSchema.optional(),
    connectivity: z.strictObject({
      targets: z.array(connectivityTarget).min(1, 'at least one connectivity target is needed'),
      dnsServers,
    }),
    services: z.array(serviceSchema).max(1000),
    /** Alerts beyond this computer (docs/alerts.md). */
    alerts: alertsSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.services.forEach((service, index) => {
      if (seen.has(service.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['services', index, 'id'],
          message: `duplicate service id "${service.id}"`,
          params: { key: 'config.duplicateId', id: service.id },
        });
      }
      seen.add(service.id);
    });
  });

export type ProbeConfig = z.infer<typeof probeSchema>;
export type ServiceConfig = z.infer<typeof serviceSchema>;
export type VigieConfig = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type ConnectivityTarget = z.infer<typeof connectivityTarget>;
export type Category = z.infer<typeof categorySchema>;
export type SecondOpinionConfig = z.infer<typeof secondOpinionSchema>;
export type ContextConfig = z.infer<typeof contextSchema>;
export type ServiceContextConfig = z.infer<typeof serviceContextSchema>;

/** One problem in a config file: a JSON path like `services[2].probes[0].url` and what was expected. */
export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

export { formatPath };

export type ParseConfigResult =
  | { readonly ok: true; readonly config: VigieConfig }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** The options that make zod word its messages in `language`, through Vigie's own words. */
export function zodLanguage(language: Language | (() => Translator)): {
  error: z.core.$ZodErrorMap;
} {
  const translator = typeof language === 'string' ? lazyTranslator(language) : language;
  let map: z.core.$ZodErrorMap | null = null;
  // Made on the first problem only: a translator loads the language's Intl data (several MB that
  // a file without problems, the usual case, never needs).
  return { error: (issue) => (map ??= zodErrorMap(translator()))(issue) };
}

/** A translator made the first time it is asked for. */
function lazyTranslator(language: Language): () => Translator {
  let made: Translator | null = null;
  return () => (made ??= createTranslator(language));
}

/**
 * Validates an already-parsed JSON value against the contract; the problems are worded in
 * `language` by Vigie's own catalogues (shared/zod-words.ts), never by zod's locales.
 */
export function parseConfig(value: unknown, language: Language = 'en'): ParseConfigResult {
  const translator = lazyTranslator(language);
  const result = configSchema.safeParse(value, zodLanguage(translator));
  if (result.success) return { ok: true, config: result.data };
  const tr = translator();
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: formatPath(issue.path, tr.t('config.topLevel')),
      message: ownWords(issue, tr),
    })),
  };
}
