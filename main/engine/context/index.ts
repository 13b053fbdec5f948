// Context from public measurements: on doubt, what route collectors (RIPEstat), OONI's volunteers
// and IODA see, as evidence with its source and age. Bounded: a service is asked about at most
// once per 10 minutes while its trouble lasts, every platform answer is kept 10 minutes (services
// of one country share IODA's), and no more than 30 requests leave in any hour; a platform that
// says 429 is left alone as long as it asks. A silent or failing platform changes nothing.
import type { ContextConfig, ServiceConfig } from '../../../shared/config-schema';
import { HOUR, MINUTE, SECOND } from '../../../shared/durations';
import type {
  ContextFailure,
  IodaContext,
  OoniContext,
  PrefixRoutes,
  RoutesContext,
} from '../../../shared/types';
import type { HttpClient } from '../net/http-client';
import { askIoda } from './ioda';
import { askOoni, ooniWindow } from './ooni';
import { ContextError } from './platform';
import { allWithdrawn, askRoutes } from './ripestat';

/** Requests at most per hour to all three platforms together. */
export const MAX_CONTEXT_REQUESTS_PER_HOUR = 30;
/** A service is asked about again at most this often while its trouble lasts. */
export const CONTEXT_INTERVAL_MS = 10 * MINUTE;
/** How long a platform's answer is reused. */
export const CONTEXT_CACHE_MS = 10 * MINUTE;
/** How long one request may take. */
const DEFAULT_TIMEOUT_MS = 10 * SECOND;
/** How long to leave a platform alone after a 429 that does not say. */
const DEFAULT_BACKOFF_MS = 10 * MINUTE;

type Platform = 'ripestat' | 'ooni' | 'ioda';

/** The settings context runs with, once the user's country is known. */
export interface ContextSettings extends ContextConfig {
  /** The user's country, resolved (config, then settings, then the system locale); null if unknown. */
  readonly countryCode: string | null;
  readonly timeoutMs?: number;
}

type Answer<T> =
  | { readonly ok: true; readonly value: T; readonly bytes: number }
  | {
      readonly ok: false;
      readonly failure: ContextFailure;
      readonly message?: string;
      readonly bytes: number;
    };

/** The country context of one service: OONI's tests and IODA's outage events. */
export interface CountryContext {
  readonly ooni: OoniContext | null;
  readonly ioda: IodaContext | null;
}

/** Asks the platforms on doubt, within the bounds above. */
export class PublicContexts {
  private readonly asked: number[] = [];
  private readonly cache = new Map<string, { readonly at: number; readonly value: unknown }>();
  private readonly blockedUntil = new Map<Platform, number>();
  private readonly inflight = new Map<string, Promise<Answer<unknown>>>();
  private readonly lastRoutes = new Map<string, RoutesContext>();
  private readonly lastCountry = new Map<string, CountryContext & { readonly at: number }>();

  constructor(
    private readonly settings: ContextSettings,
    private readonly http: HttpClient,
    private readonly now: () => number,
  ) {}

  /** Whether a service may be asked about: context is on and its definition says what to ask. */
  covers(service: ServiceConfig): boolean {
    return this.settings.enabled && service.context !== undefined;
  }

  /** The service is reachable again: its next trouble gets fresh context. */
  forget(serviceId: string): void {
    this.lastRoutes.delete(serviceId);
    this.lastCountry.delete(serviceId);
  }

  /** What the route collectors see of the service's name-server prefixes; null when it has none. */
  async routes(service: ServiceConfig, signal?: AbortSignal): Promise<RoutesContext | null> {
    const prefixes = service.context?.routes;
    if (!prefixes || !this.covers(service)) return null;
    const now = this.now();
    const recent = this.lastRoutes.get(service.id);
    if (recent && now - recent.checkedAt < CONTEXT_INTERVAL_MS) return { ...recent, bytes: 0 };
    const answers = await Promise.all(
      prefixes.map((prefix) =>
        this.ask('ripestat', `ripestat ${prefix}`, async () => {
          const { routes, bytes } = await askRoutes(
            this.http,
            this.settings.ripestatUrl,
            prefix,
            this.options(signal),
          );
          return { value: routes, bytes };
        }),
      ),
    );
    const seen = answers.flatMap((a): PrefixRoutes[] => (a.ok ? [a.value] : []));
    const failed = answers.find((a) => !a.ok);
    const routes: RoutesContext = {
      checkedAt: now,
      prefixes: seen,
      withdrawn: !failed && allWithdrawn(seen),
      ...(failed && !failed.ok ? { failure: failed.failure } : {}),
      bytes: answers.reduce((sum, a) => sum + a.bytes, 0),
    };
    this.lastRoutes.set(service.id, routes);
    return routes;
  }

  /** What OONI and IODA say of the user's country; both null when the country is not known. */
  async country(service: ServiceConfig, signal?: AbortSignal): Promise<CountryContext> {
    const country = this.settings.countryCode;
    if (!country || !this.covers(service)) return { ooni: null, ioda: null };
    const now = this.now();
    const recent = this.lastCountry.get(service.id);
    if (recent && now - recent.at < CONTEXT_INTERVAL_MS) {
      return {
        ooni: recent.ooni && { ...recent.ooni, bytes: 0 },
        ioda: recent.ioda && { ...recent.ioda, bytes: 0 },
      };
    }
    const [ooni, ioda] = await Promise.all([
      this.ooni(service, country, now, signal),
      this.ioda(country, now, signal),
    ]);
    this.lastCountry.set(service.id, { ooni, ioda, at: now });
    return { ooni, ioda };
  }

  private async ooni(
    service: ServiceConfig,
    country: string,
    now: number,
    signal?: AbortSignal,
  ): Promise<OoniContext | null> {
    const test = service.context?.ooni;
    if (!test) return null;
    const ask = {
      country,
      test: test.test,
      ...('domains' in test ? { domains: test.domains } : {}),
    };
    const window = ooniWindow(now);
    const key = `ooni ${country} ${test.test} ${ask.domains?.join(',') ?? ''} ${window.since}`;
    const answer = await this.ask('ooni', key, async () => {
      const { networks, bytes } = await askOoni(
        this.http,
        this.settings.ooniUrl,
        ask,
        now,
        this.options(signal),
      );
      return { value: networks, bytes };
    });
    return {
      checkedAt: now,
      ...ask,
      ...window,
      networks: answer.ok ? answer.value : [],
      ...failureOf(answer),
      bytes: answer.bytes,
    };
  }

  private async ioda(country: string, now: number, signal?: AbortSignal): Promise<IodaContext> {
    const answer = await this.ask('ioda', `ioda ${country}`, async () => {
      const { outage, bytes } = await askIoda(
        this.http,
        this.settings.iodaUrl,
        country,
        now,
        this.options(signal),
      );
      return { value: outage, bytes };
    });
    return {
      checkedAt: now,
      country,
      outage: answer.ok ? answer.value : null,
      ...failureOf(answer),
      bytes: answer.bytes,
    };
  }

  private options(signal?: AbortSignal) {
    return { timeoutMs: this.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal };
  }

  /** One platform answer: shared with a request already on its way for the same thing. */
  private async ask<T>(
    platform: Platform,
    key: string,
    run: () => Promise<{ readonly value: T; readonly bytes: number }>,
  ): Promise<Answer<T>> {
    const pending = this.inflight.get(key) as Promise<Answer<T>> | undefined;
    if (pending) return { ...(await pending), bytes: 0 };
    const asking = this.askNow(platform, key, run);
    this.inflight.set(key, asking);
    try {
      return await asking;
    } finally {
      this.inflight.delete(key);
    }
  }

  /** One platform answer: from the cache, or asked within the hourly budget, or why not. */
  private async askNow<T>(
    platform: Platform,
    key: string,
    run: () => Promise<{ readonly value: T; readonly bytes: number }>,
  ): Promise<Answer<T>> {
    const now = this.now();
    const cached = this.cache.get(key);
    if (cached && now - cached.at < CONTEXT_CACHE_MS) {
      return { ok: true, value: cached.value as T, bytes: 0 };
    }
    if (now < (this.blockedUntil.get(platform) ?? 0)) {
      return { ok: false, failure: 'rate-limited', bytes: 0 };
    }
    while (this.asked.length > 0 && now - (this.asked[0] ?? 0) >= HOUR) this.asked.shift();
    if (this.asked.length >= MAX_CONTEXT_REQUESTS_PER_HOUR) {
      return { ok: false, failure: 'hourly limit reached', bytes: 0 };
    }
    this.asked.push(now);
    try {
      const { value, bytes } = await run();
      this.cache.set(key, { at: now, value });
      return { ok: true, value, bytes };
    } catch (error) {
      if (!(error instanceof ContextError)) {
        return { ok: false, failure: 'unreachable', message: String(error), bytes: 0 };
      }
      if (error.failure === 'rate-limited') {
        const wait = error.retryAfterSeconds
          ? error.retryAfterSeconds * SECOND
          : DEFAULT_BACKOFF_MS;
        this.blockedUntil.set(platform, now + wait);
      }
      return {
        ok: false,
        failure: error.failure,
        ...(error.failure === 'platform error' ? { message: error.message.slice(0, 200) } : {}),
        bytes: error.bytes,
      };
    }
  }
}

function failureOf<T>(answer: Answer<T>) {
  if (answer.ok) return {};
  return { failure: answer.failure, ...(answer.message ? { message: answer.message } : {}) };
}
