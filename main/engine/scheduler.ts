// Continuous mode: each service on its own clock. A service is due one interval (with jitter)
// after its previous check *started*, whatever the others do, so a hanging service delays only
// itself; a service in doubt is re-checked `recheckSeconds` after its failure (and a recovery as
// quickly). Connectivity runs on its own clock too, and is judged again before any failure counts,
// so "offline" still beats every verdict. Every confirmed change is published as it happens.
import { setMaxListeners } from 'node:events';
import type { ServiceConfig, VigieConfig } from '../../shared/config-schema';
import { SECOND } from '../../shared/durations';
import type { Connectivity, ServiceStatus, Snapshot, VerdictChange } from '../../shared/types';
import { ConnectivityClock } from './connectivity-clock';
import type { ConnectivityCheck } from './cycle';
import { computeOverall, type OverallOptions } from './overall';
import { ThresholdTracker } from './thresholds';

/** Events the scheduler emits. */
export interface SchedulerEvents {
  snapshot: (snapshot: Snapshot) => void;
  change: (change: VerdictChange) => void;
  error: (error: unknown) => void;
}

/** What the scheduler needs: its two checks, a clock and a source of randomness. */
export interface SchedulerDeps {
  readonly config: VigieConfig;
  /** Checks this machine's connectivity. */
  readonly checkConnectivity: (signal: AbortSignal) => Promise<ConnectivityCheck>;
  /** Checks one service (the engine caps how many run at once). */
  readonly checkService: (service: ServiceConfig, signal: AbortSignal) => Promise<ServiceStatus>;
  /** An unknown status for a local cause, for every service while this machine is not online. */
  readonly localStatus: (
    service: ServiceConfig,
    state: Exclude<Connectivity['state'], 'online'>,
    checkedAt: number,
  ) => ServiceStatus;
  /** The bytes a service's check used. */
  readonly bytesOf?: (status: ServiceStatus) => number;
  readonly now: () => number;
  /** In [0, 1); jitter spreads checks of many users so they do not hit providers together. */
  readonly random?: () => number;
  readonly overall?: OverallOptions;
  /** Confirmed verdicts to start from (a restart with new settings), so no change is announced twice. */
  readonly initial?: readonly ServiceStatus[];
}

/** Share of the interval by which a check may come early or late. */
const JITTER_SHARE = 0.1;
/** Services due within this window of each other start together (fewer timers, same clocks). */
const BATCH_MS = 250;

const CONNECTING: Connectivity = { state: 'online', detail: 'not checked yet', references: [] };

/** One service's clock. */
interface Clock {
  dueAt: number;
  /** The check under way, if any (its token tells a stale run from the current one). */
  running: { readonly token: object; readonly done: Promise<void> } | null;
}

const isBad = (s: ServiceStatus) => s.state === 'down' || s.state === 'degraded';

/** Runs every service on its own clock and turns raw verdicts into confirmed ones. */
export class Scheduler {
  private readonly listeners: { [K in keyof SchedulerEvents]: Set<SchedulerEvents[K]> } = {
    snapshot: new Set(),
    change: new Set(),
    error: new Set(),
  };
  private readonly tracker: ThresholdTracker;
  private readonly statuses = new Map<string, ServiceStatus>();
  private readonly clocks = new Map<string, Clock>();
  private connectivity: Connectivity = CONNECTING;
  private readonly connectivityClock: ConnectivityClock;
  private lastCheckedAt = 0;
  private unpublishedBytes = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private epoch = this.newEpoch();
  private waiters: ((snapshot: Snapshot) => void)[] = [];
  private started = false;
  private suspended = false;
  private pausedUntil: number | null | undefined = undefined;
  private pauseTimer: ReturnType<typeof setTimeout> | null = null;
  private graceUntil = 0;

  constructor(private readonly deps: SchedulerDeps) {
    this.tracker = new ThresholdTracker(deps.config);
    this.connectivityClock = new ConnectivityClock({
      check: deps.checkConnectivity,
      onResult: (result) => this.applyConnectivity(result),
      onError: (error) => this.emit('error', error),
      onSettled: () => this.arm(),
      signal: () => this.epoch.signal,
      now: deps.now,
      nextDelay: () => this.nextDelay(),
    });
    for (const status of deps.initial ?? []) {
      if (status.checkedAt === 0 || status.cause === 'local') continue;
      this.tracker.seed(status);
      this.statuses.set(status.id, status);
    }
    for (const service of this.services()) this.clocks.set(service.id, { dueAt: 0, running: null });
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof SchedulerEvents>(event: K, listener: SchedulerEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  /** Starts continuous checking: connectivity and every service right away. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.dueAll(this.deps.now());
    this.arm(0);
  }

  /** Stops all timers and cancels the checks under way. */
  stop(): void {
    this.started = false;
    this.clearTimer();
    this.cancelRunning();
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  /** The latest snapshot. */
  snapshot(): Snapshot {
    const services = this.services().flatMap((s) => {
      const status = this.statuses.get(s.id);
      return status ? [status] : [];
    });
    const paused = this.isPaused();
    return {
      checkedAt: this.lastCheckedAt,
      overall: paused
        ? 'paused'
        : computeOverall(this.connectivity.state, services, this.deps.overall),
      connectivity: this.connectivity,
      services,
      bytes: this.unpublishedBytes,
      pausedUntil: paused ? (this.pausedUntil ?? null) : undefined,
    };
  }

  /**
   * Checks connectivity and every service now (joining the checks already under way), whether or
   * not continuous checking runs; during a grace period or sleep, waits for the next snapshot.
   */
  async checkNow(): Promise<Snapshot> {
    if (this.suspended || this.deps.now() < this.graceUntil)
      return new Promise((resolve) => this.waiters.push(resolve));
    await this.connectivityClock.check(true);
    const runs =
      this.connectivity.state === 'online'
        ? this.services().map((s) => this.clockOf(s).running?.done ?? this.launch(s))
        : [];
    await Promise.all(runs);
    this.flush();
    this.arm();
    return this.snapshot();
  }

  /** Pauses checks until `until` (epoch ms) or until resume() when null. */
  pause(until: number | null = null): void {
    this.pausedUntil = until;
    this.clearTimer();
    this.cancelRunning();
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.pauseTimer = null;
    if (until !== null && this.started)
      this.pauseTimer = setTimeout(() => this.resume(), Math.max(0, until - this.deps.now()));
    this.emit('snapshot', this.snapshot());
  }

  /** Ends a pause and checks at once. */
  resume(): void {
    if (!this.isPaused()) return;
    this.pausedUntil = undefined;
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.pauseTimer = null;
    if (this.started) {
      this.dueAll(this.deps.now());
      this.arm(0);
    }
    this.emit('snapshot', this.snapshot());
  }

  /** The computer is going to sleep: stop checking until notifyResume(). */
  notifySuspend(): void {
    this.suspended = true;
    this.clearTimer();
    this.cancelRunning();
  }

  /** The computer woke up: wait the grace period, then check. */
  notifyResume(): void {
    this.suspended = false;
    this.startGrace();
  }

  /** The network changed (new Wi-Fi, cable, VPN): wait the grace period, then check. */
  notifyNetworkChange(): void {
    this.startGrace();
  }

  private services(): readonly ServiceConfig[] {
    return this.deps.config.services.filter((s) => s.enabled);
  }

  private clockOf(service: ServiceConfig): Clock {
    let clock = this.clocks.get(service.id);
    if (!clock) {
      clock = { dueAt: 0, running: null };
      this.clocks.set(service.id, clock);
    }
    return clock;
  }

  private isPaused(): boolean {
    return this.pausedUntil !== undefined;
  }

  private active(): boolean {
    return this.started && !this.isPaused() && !this.suspended;
  }

  private startGrace(): void {
    const now = this.deps.now();
    this.graceUntil = now + this.deps.config.graceSeconds * SECOND;
    this.cancelRunning();
    this.dueAll(this.graceUntil);
    if (this.active()) this.arm();
  }

  private dueAll(at: number): void {
    this.connectivityClock.dueAt = at;
    for (const service of this.services()) this.clockOf(service).dueAt = at;
  }

  private nextDelay(): number {
    const interval = this.deps.config.intervalSeconds * SECOND;
    const random = this.deps.random ?? Math.random;
    return Math.round(interval * (1 + (random() * 2 - 1) * JITTER_SHARE));
  }

  /** Sets the one timer to the next thing due (or to `delayMs` from now). */
  private arm(delayMs?: number): void {
    this.clearTimer();
    if (!this.active()) return;
    const now = this.deps.now();
    let next = delayMs !== undefined ? now + delayMs : Infinity;
    if (delayMs === undefined) {
      if (!this.connectivityClock.running) next = Math.min(next, this.connectivityClock.dueAt);
      if (this.connectivity.state === 'online') {
        for (const service of this.services()) {
          const clock = this.clockOf(service);
          if (!clock.running) next = Math.min(next, clock.dueAt);
        }
      }
      next = Math.max(next, this.graceUntil);
    }
    if (next === Infinity) return;
    this.timer = setTimeout(() => this.tick(), Math.max(0, next - now));
  }

  /** Starts whatever is due: connectivity, then the services due (only while online). */
  private tick(): void {
    this.timer = null;
    if (!this.active()) return;
    const now = this.deps.now();
    if (now < this.graceUntil) return this.arm();
    const clock = this.connectivityClock;
    if (!clock.running && clock.dueAt <= now) void clock.check(false);
    if (this.connectivity.state === 'online') {
      for (const service of this.services()) {
        const clock = this.clockOf(service);
        if (!clock.running && clock.dueAt <= now + BATCH_MS) void this.launch(service);
      }
    }
    this.arm();
  }

  private applyConnectivity(result: ConnectivityCheck): void {
    const wasOnline = this.connectivity.state === 'online' || this.connectivity === CONNECTING;
    this.connectivity = result.connectivity;
    this.lastCheckedAt = Math.max(this.lastCheckedAt, result.checkedAt);
    this.unpublishedBytes += result.bytes;
    const state = result.connectivity.state;
    if (state !== 'online') {
      // Nothing is judged: every service is unknown for a local cause, and none is checked.
      for (const service of this.services()) {
        this.fold(this.deps.localStatus(service, state, result.checkedAt), null);
      }
    } else if (!wasOnline) {
      // The network came back: a grace period before any verdict (docs/design.md#thresholds).
      this.graceUntil = this.deps.now() + this.deps.config.graceSeconds * SECOND;
      for (const service of this.services()) this.clockOf(service).dueAt = this.graceUntil;
    }
    this.markDirty();
  }

  /** Checks one service now; its next check is due one interval after this one started. */
  private launch(service: ServiceConfig): Promise<void> {
    const clock = this.clockOf(service);
    const token = {};
    const signal = this.epoch.signal;
    const startedAt = this.deps.now();
    clock.dueAt = startedAt + this.nextDelay();
    const done = this.deps
      .checkService(service, signal)
      .then(async (raw) => {
        if (signal.aborted) return;
        // Connectivity first: a failure counts only if this machine is still online.
        if (isBad(raw)) await this.connectivityClock.judgedSince(startedAt);
        if (signal.aborted || this.connectivity.state !== 'online') return;
        if (this.deps.now() < this.graceUntil) return;
        this.unpublishedBytes += this.deps.bytesOf?.(raw) ?? 0;
        this.fold(raw, startedAt);
        this.markDirty();
      })
      .catch((error: unknown) => {
        if (!signal.aborted) this.emit('error', error);
      })
      .finally(() => {
        if (clock.running?.token === token) clock.running = null;
        this.arm();
      });
    clock.running = { token, done };
    return done;
  }

  /**
   * Folds a raw status through the thresholds, publishes it and its change at once. `startedAt`
   * is when its check started (null for a status Vigie made up while offline).
   */
  private fold(raw: ServiceStatus, startedAt: number | null): void {
    const folded = this.tracker.apply(raw);
    this.statuses.set(raw.id, folded.published);
    this.lastCheckedAt = Math.max(this.lastCheckedAt, raw.checkedAt);
    if (startedAt !== null && folded.pending) {
      // In doubt (a first failure, or a first success after trouble): look again `recheckSeconds`
      // after that check started, as the next check is one interval after it started.
      const clock = this.clocks.get(raw.id);
      if (clock) clock.dueAt = startedAt + this.deps.config.recheckSeconds * SECOND;
    }
    if (folded.change) this.emit('change', folded.change);
  }

  /** A snapshot goes out once the checks that settle together are folded in. */
  private markDirty(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), 0);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const snapshot = this.snapshot();
    this.unpublishedBytes = 0;
    this.emit('snapshot', snapshot);
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(snapshot);
  }

  private newEpoch(): AbortController {
    const controller = new AbortController();
    // Every probe under way follows this signal: hundreds of listeners are expected.
    setMaxListeners(0, controller.signal);
    return controller;
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Cancels every check under way; what they answer later is ignored. */
  private cancelRunning(): void {
    this.epoch.abort();
    this.epoch = this.newEpoch();
    this.connectivityClock.forget();
    for (const clock of this.clocks.values()) clock.running = null;
  }

  private emit<K extends keyof SchedulerEvents>(
    event: K,
    ...args: Parameters<SchedulerEvents[K]>
  ): void {
    for (const listener of this.listeners[event]) {
      try {
        (listener as (...a: Parameters<SchedulerEvents[K]>) => void)(...args);
      } catch (error) {
        if (event !== 'error') this.emit('error', error);
      }
    }
  }
}
