// The second opinion (docs/design.md#second-opinion): when a service is unreachable from here and no source
// says it is down, the same check is run from other networks in the user's country and elsewhere,
// bounded per service and per hour, so "blocked on your network", "blocked in your country" and
// "down for everyone" can be told apart.
import type {
  ProbeConfig,
  SecondOpinionConfig,
  ServiceConfig,
} from '../../../shared/config-schema';
import { HOUR, SECOND } from '../../../shared/durations';
import { isDirectKind } from '../../../shared/probes';
import { directHost, isDirect } from '../probes';
import type {
  OpinionGroup,
  OpinionOutcome,
  ProbeResult,
  SecondOpinion,
} from '../../../shared/types';
import type { HttpClient } from '../net/http-client';
import { OpinionFailure, runMeasurement, type GroupAnswer, type OpinionCheck } from './globalping';

/** Measurements at most per hour for all services together (Globalping allows 250 anonymous tests an hour). */
export const MAX_OPINIONS_PER_HOUR = 20;

/** How long to leave Globalping alone after a 429 that does not say for how long. */
const DEFAULT_BACKOFF_SECONDS = 600;

const DNS_CODES = new Set(['DNS_SERVFAIL', 'DNS_NXDOMAIN', 'DNS_TIMEOUT']);

function hostOf(probe: ProbeConfig): string | null {
  return isDirect(probe) ? directHost(probe) : null;
}

function range(expect: number | readonly [number, number]): readonly [number, number] {
  return typeof expect === 'number' ? [expect, expect] : expect;
}

/**
 * The check other networks should run for a service whose results are in `results` (same order
 * as its probes): its HTTP check, or a DNS look-up when its failures are name failures.
 */
export function opinionCheck(
  service: ServiceConfig,
  results: readonly ProbeResult[],
): OpinionCheck | null {
  const direct = service.probes
    .map((probe, i) => ({ probe, result: results[i] }))
    .filter(({ probe }) => isDirectKind(probe.kind));
  const failing = direct.filter(({ result }) => result?.state === 'down');
  const nameFailure =
    failing.length > 0 && failing.every(({ result }) => result?.code && DNS_CODES.has(result.code));
  const http = direct.find(({ probe }) => probe.kind === 'http')?.probe;
  const socket = direct.find(({ probe }) => probe.kind === 'tls' || probe.kind === 'tcp')?.probe;
  const named = http ?? socket ?? direct[0]?.probe;
  const host = named ? hostOf(named) : null;
  if (!host) return null;
  if (nameFailure || !(http ?? socket)) return { check: 'dns', host };
  if (http?.kind === 'http') {
    const url = new URL(http.url);
    const https = url.protocol === 'https:';
    return {
      check: 'http',
      host,
      protocol: https ? 'HTTPS' : 'HTTP',
      port: url.port ? Number(url.port) : https ? 443 : 80,
      path: url.pathname || '/',
      query: url.search.replace(/^\?/, ''),
      method: http.method,
      expect: range(http.expectStatus),
    };
  }
  if (socket && (socket.kind === 'tls' || socket.kind === 'tcp')) {
    // Only a connection is known to be expected here: any HTTP answer means it is reachable.
    return {
      check: 'http',
      host,
      protocol: socket.kind === 'tls' || socket.port === 443 ? 'HTTPS' : 'HTTP',
      port: socket.port,
      path: '/',
      query: '',
      method: 'HEAD',
      expect: [100, 599],
    };
  }
  return null;
}

const mostly = (g: OpinionGroup) => g.asked > 0 && g.reachable * 2 > g.asked;
const mostlyNot = (g: OpinionGroup) => g.asked > 0 && g.reachable * 2 < g.asked;

/** What the two groups say together (docs/design.md#verdict). */
export function judgeOpinion(country: OpinionGroup, world: OpinionGroup): OpinionOutcome {
  if (mostly(country)) return 'network';
  if (mostlyNot(country) && mostly(world)) return 'country';
  if (mostlyNot(world) && (country.asked === 0 || mostlyNot(country))) return 'everywhere';
  return 'inconclusive';
}

/** The settings a second opinion runs with, once the user's country is known. */
export interface OpinionSettings extends SecondOpinionConfig {
  /** The user's country, resolved (config, then settings, then the system locale); null if unknown. */
  readonly countryCode: string | null;
  /** Pause between polls (tests shorten it). */
  readonly pollMs?: number;
}

/**
 * Asks other networks once when a service's trouble starts, then at most once per
 * `minIntervalSeconds` while it lasts, and never more than a few times an hour in all.
 */
export class SecondOpinions {
  private readonly last = new Map<string, SecondOpinion>();
  private readonly asked: number[] = [];
  private blockedUntil = 0;

  constructor(
    private readonly settings: OpinionSettings,
    private readonly http: HttpClient,
    private readonly now: () => number,
  ) {}

  /** The service is reachable again: its trouble is over, and the next one gets a fresh opinion. */
  forget(serviceId: string): void {
    this.last.delete(serviceId);
  }

  /** Whether a service may be asked about: the file's choice unless the service says otherwise. */
  covers(service: ServiceConfig): boolean {
    return service.secondOpinion ?? this.settings.enabled;
  }

  /** The opinion on an unreachable service: a fresh one, the recent one, or a failure that says why. */
  async forService(
    service: ServiceConfig,
    results: readonly ProbeResult[],
    signal?: AbortSignal,
  ): Promise<SecondOpinion | null> {
    const check = opinionCheck(service, results);
    if (!check) return null;
    const now = this.now();
    const recent = this.last.get(service.id);
    if (recent && now - recent.checkedAt < this.settings.minIntervalSeconds * SECOND) {
      return { ...recent, bytes: 0 };
    }
    while (this.asked.length > 0 && now - (this.asked[0] ?? 0) >= HOUR) this.asked.shift();
    if (now < this.blockedUntil) return this.failed(check, now, 'rate-limited', 0);
    if (this.asked.length >= MAX_OPINIONS_PER_HOUR) {
      return this.failed(check, now, 'hourly limit reached', 0);
    }
    this.asked.push(now);
    const opinion = await this.ask(check, now, signal);
    this.last.set(service.id, opinion);
    return opinion;
  }

  private failed(check: OpinionCheck, now: number, failure: string, bytes: number): SecondOpinion {
    return {
      country: { code: this.settings.countryCode, asked: 0, reachable: 0 },
      world: { asked: 0, reachable: 0 },
      checkedAt: now,
      outcome: 'failed',
      check: check.check,
      target: check.host,
      failure,
      bytes,
    };
  }

  private async ask(
    check: OpinionCheck,
    now: number,
    signal?: AbortSignal,
  ): Promise<SecondOpinion> {
    const code = this.settings.countryCode;
    const options = {
      url: this.settings.url,
      timeoutMs: this.settings.timeoutMs,
      signal,
      pollMs: this.settings.pollMs,
    };
    const none: GroupAnswer = { asked: 0, reachable: 0, bytes: 0 };
    const [country, world] = await Promise.allSettled([
      code
        ? runMeasurement(this.http, check, this.settings.probes, { country: code }, options)
        : Promise.resolve(none),
      runMeasurement(
        this.http,
        check,
        this.settings.probes,
        { country: null, excludeCountry: code },
        options,
      ),
    ]);
    const failures = [country, world].flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    const bytes = [country, world].reduce(
      (sum, r) =>
        sum +
        (r.status === 'fulfilled'
          ? r.value.bytes
          : r.reason instanceof OpinionFailure
            ? r.reason.bytes
            : 0),
      0,
    );
    const rateLimited = failures.find(
      (f): f is OpinionFailure => f instanceof OpinionFailure && f.reason === 'rate-limited',
    );
    if (rateLimited) {
      this.blockedUntil = now + (rateLimited.retryAfterSeconds ?? DEFAULT_BACKOFF_SECONDS) * SECOND;
    }
    if (country.status === 'rejected' || world.status === 'rejected') {
      const first = failures[0];
      const reason = first instanceof OpinionFailure ? first.reason : 'unreachable';
      return this.failed(check, now, reason, bytes);
    }
    const home = { code, asked: country.value.asked, reachable: country.value.reachable };
    const away = { asked: world.value.asked, reachable: world.value.reachable };
    return {
      country: home,
      world: away,
      checkedAt: now,
      outcome: judgeOpinion(home, away),
      check: check.check,
      target: check.host,
      bytes,
    };
  }
}

/** The region of a locale tag, when it names one ("fr-CI" → "CI", "ar_MA.UTF-8" → "MA"). */
export function localeCountry(locale: string | undefined): string | null {
  if (!locale) return null;
  const tag = locale.split('.')[0]?.replace(/_/g, '-') ?? '';
  try {
    const region = new Intl.Locale(tag).region;
    return region && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    return null;
  }
}
