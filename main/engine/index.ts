// The engine's entry: wires the real side effects (undici, timers, clock) around the pure parts.
import type { ServiceConfig, VigieConfig } from '../../shared/config-schema';
import type { ServiceStatus, Snapshot } from '../../shared/types';
import {
  checkService,
  connectivityCheck,
  localStatus,
  serviceCheck,
  statusBytes,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_STALL_MS,
  ProbeMemo,
  runCycle,
  status,
  type CycleDeps,
} from './cycle';
import { Limiter } from './limiter';
import { createHttpClient, type HttpClient } from './net/http-client';
import { computeOverall, type OverallOptions } from './overall';
import { Scheduler, type SchedulerDeps } from './scheduler';
import { SecondOpinions } from './second-opinion';
import { PublicContexts } from './context';
import { SourceCache } from './sources';

export interface EngineOptions {
  /** Extra trusted CA certificates (PEM): the lab's generated one in tests. */
  readonly extraCa?: readonly string[];
  readonly retryDelayMs?: number;
  readonly stallMs?: number;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly overall?: OverallOptions;
  readonly http?: HttpClient;
  /** Confirmed verdicts to start from (see Scheduler). */
  readonly initial?: SchedulerDeps['initial'];
  /** The user's country for the second opinion when the config names none (settings, locale). */
  readonly country?: string | null;
  /** Pause between Globalping polls (tests shorten it; default 500 ms as Globalping asks). */
  readonly opinionPollMs?: number;
  /** How long one request to a public measurement platform may take (tests shorten it). */
  readonly contextTimeoutMs?: number;
}

/** A running engine: one-shot cycles for the command line, a scheduler for continuous mode. */
export interface Engine {
  /** Runs one cycle (no thresholds: the raw verdicts with their retry), optionally on some services. */
  checkOnce(only?: ReadonlySet<string>): Promise<Snapshot>;
  readonly scheduler: Scheduler;
  /**
   * Checks a service that is not in the config once (a user's own service, before it is saved):
   * its probes only, no memo, no thresholds.
   */
  tryService(service: ServiceConfig): Promise<ServiceStatus>;
  close(): Promise<void>;
}

/** Builds an engine for a validated config. */
export function createEngine(config: VigieConfig, options: EngineOptions = {}): Engine {
  const http = options.http ?? createHttpClient({ extraCa: options.extraCa });
  const now = options.now ?? Date.now;
  const deps: CycleDeps = {
    http,
    cache: new SourceCache(),
    memo: new ProbeMemo(),
    connectivity: { rotation: 0, online: false },
    now,
    retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
    stallMs: options.stallMs ?? DEFAULT_STALL_MS,
    extraCa: options.extraCa,
    opinions: opinionsFor(config, http, now, options),
    contexts: contextsFor(config, http, now, options),
  };
  // One cap for every check of continuous mode, whatever service's clock started it.
  const limiter = new Limiter(config.concurrency, deps.stallMs);
  const scheduler = new Scheduler({
    config,
    now,
    random: options.random,
    overall: options.overall,
    initial: options.initial,
    checkConnectivity: (signal) => connectivityCheck(config, deps, signal),
    checkService: (service, signal) => serviceCheck(config, deps, limiter, service, signal),
    localStatus,
    bytesOf: statusBytes,
  });
  return {
    scheduler,
    async checkOnce(only) {
      const raw = await runCycle(config, deps, { serviceIds: only });
      return {
        checkedAt: raw.checkedAt,
        overall: computeOverall(raw.connectivity.state, raw.services, options.overall),
        connectivity: raw.connectivity,
        services: raw.services,
        bytes: raw.bytes,
      };
    },
    async tryService(service) {
      const ctx = { http, dnsServers: config.dnsServers, extraCa: deps.extraCa, now };
      const verdict = await checkService(service, ctx, {
        cache: new SourceCache(),
        memo: new ProbeMemo(),
        retryDelayMs: deps.retryDelayMs,
      });
      return status(service, verdict, now());
    },
    async close() {
      scheduler.stop();
      await http.close();
    },
  };
}

/** The second-opinion asker, when the config turns it on for any service. */
function opinionsFor(
  config: VigieConfig,
  http: HttpClient,
  now: () => number,
  options: EngineOptions,
): SecondOpinions | undefined {
  const settings = config.secondOpinion;
  if (!settings) return undefined;
  if (!settings.enabled && !config.services.some((s) => s.secondOpinion === true)) return undefined;
  return new SecondOpinions(
    {
      ...settings,
      countryCode: settings.country ?? options.country ?? null,
      ...(options.opinionPollMs !== undefined ? { pollMs: options.opinionPollMs } : {}),
    },
    http,
    now,
  );
}

/** The public-context asker, when the config turns it on. */
function contextsFor(
  config: VigieConfig,
  http: HttpClient,
  now: () => number,
  options: EngineOptions,
): PublicContexts | undefined {
  const settings = config.context;
  if (!settings?.enabled) return undefined;
  return new PublicContexts(
    {
      ...settings,
      countryCode: settings.country ?? config.secondOpinion?.country ?? options.country ?? null,
      ...(options.contextTimeoutMs !== undefined ? { timeoutMs: options.contextTimeoutMs } : {}),
    },
    http,
    now,
  );
}

export type { Scheduler } from './scheduler';
