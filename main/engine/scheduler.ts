// Continuous mode: cycles at the configured interval with jitter, never overlapping; an early
// re-check after a first failure; pause, resume, and a grace period after sleep or a network change.
import { setMaxListeners } from 'node:events';
import type { VigieConfig } from '../../shared/config-schema';
import { SECOND } from '../../shared/durations';
import type { Connectivity, ServiceStatus, Snapshot, VerdictChange } from '../../shared/types';
import type { CycleResult } from './cycle';
import { computeOverall, type OverallOptions } from './overall';
import { ThresholdTracker } from './thresholds';

/** Events the scheduler emits. */
export interface SchedulerEvents {
  snapshot: (snapshot: Snapshot) => void;
  change: (change: VerdictChange) => void;
  error: (error: unknown) => void;
}

/** What the scheduler needs: a way to run a cycle, a clock and a source of randomness. */
export interface SchedulerDeps {
  readonly config: VigieConfig;
  readonly runCycle: (options: {
    serviceIds?: ReadonlySet<string>;
    signal: AbortSignal;
  }) => Promise<CycleResult>;
  readonly now: () => number;
  /** In [0, 1); jitter spreads cycles of many users so they do not hit providers together. */
  readonly random?: () => number;
  readonly overall?: OverallOptions;
  /** Confirmed verdicts to start from (a restart with new settings), so no change is announced twice. */
  readonly initial?: readonly ServiceStatus[];
}

/** Share of the interval by which a cycle may start early or late. */
const JITTER_SHARE = 0.1;

const CONNECTING: Connectivity = { state: 'online', detail: 'not checked yet', references: [] };

/** Runs cycles over time and turns raw verdicts into confirmed ones. */
export class Scheduler {
  private readonly listeners: { [K in keyof SchedulerEvents]: Set<SchedulerEvents[K]> } = {
    snapshot: new Set(),
    change: new Set(),
    error: new Set(),
  };
  private readonly tracker: ThresholdTracker;
  private readonly statuses = new Map<string, ServiceStatus>();
  private connectivity: Connectivity = CONNECTING;
  private lastCheckedAt = 0;
  private lastBytes = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: { promise: Promise<Snapshot>; controller: AbortController } | null = null;
  private waiters: ((snapshot: Snapshot) => void)[] = [];
  private pendingIds = new Set<string>();
  private started = false;
  private suspended = false;
  private pausedUntil: number | null | undefined = undefined;
  private graceUntil = 0;

  constructor(private readonly deps: SchedulerDeps) {
    this.tracker = new ThresholdTracker(deps.config);
    for (const status of deps.initial ?? []) {
      if (status.checkedAt === 0 || status.cause === 'local') continue;
      this.tracker.seed(status);
      this.statuses.set(status.id, status);
    }
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof SchedulerEvents>(event: K, listener: SchedulerEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  /** Starts continuous checking with a first cycle right away. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Stops all timers and cancels a running cycle. */
  stop(): void {
    this.started = false;
    this.clearTimer();
    this.cancelRunning();
  }

  /** The latest snapshot. */
  snapshot(): Snapshot {
    const services = this.deps.config.services
      .filter((s) => s.enabled)
      .flatMap((s) => {
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
      bytes: this.lastBytes,
      pausedUntil: paused ? (this.pausedUntil ?? null) : undefined,
    };
  }

  /** Runs a full cycle now (or joins the one running); during a grace period, waits for its end. */
  checkNow(): Promise<Snapshot> {
    if (this.running) return this.running.promise;
    if (this.deps.now() < this.graceUntil || this.suspended)
      return new Promise((resolve) => this.waiters.push(resolve));
    this.clearTimer();
    return this.cycle(undefined);
  }

  /** Pauses checks until `until` (epoch ms) or until resume() when null. */
  pause(until: number | null = null): void {
    this.pausedUntil = until;
    this.clearTimer();
    this.cancelRunning();
    if (until !== null && this.started)
      this.timer = setTimeout(() => this.resume(), Math.max(0, until - this.deps.now()));
    this.emit('snapshot', this.snapshot());
  }

  /** Ends a pause and checks at once. */
  resume(): void {
    if (!this.isPaused()) return;
    this.pausedUntil = undefined;
    if (this.started) this.schedule(0);
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

  private isPaused(): boolean {
    return this.pausedUntil !== undefined;
  }

  private startGrace(): void {
    this.graceUntil = this.deps.now() + this.deps.config.graceSeconds * SECOND;
    this.cancelRunning();
    if (this.started && !this.isPaused()) this.schedule(this.deps.config.graceSeconds * SECOND);
  }

  private schedule(delayMs: number, serviceIds?: ReadonlySet<string>): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.cycle(serviceIds).catch((error: unknown) => this.emit('error', error));
    }, delayMs);
  }

  private nextDelay(): number {
    const interval = this.deps.config.intervalSeconds * SECOND;
    const random = this.deps.random ?? Math.random;
    return Math.round(interval * (1 + (random() * 2 - 1) * JITTER_SHARE));
  }

  private async cycle(serviceIds: ReadonlySet<string> | undefined): Promise<Snapshot> {
    const controller = new AbortController();
    // Every probe of the cycle follows this signal: hundreds of listeners are expected.
    setMaxListeners(0, controller.signal);
    const promise = this.runAndFold(serviceIds, controller);
    this.running = { promise, controller };
    try {
      return await promise;
    } finally {
      if (this.running?.promise === promise) this.running = null;
    }
  }

  private async runAndFold(
    serviceIds: ReadonlySet<string> | undefined,
    controller: AbortController,
  ): Promise<Snapshot> {
    let raw: CycleResult;
    try {
      raw = await this.deps.runCycle({ serviceIds, signal: controller.signal });
    } catch (error) {
      if (!controller.signal.aborted) {
        this.emit('error', error);
        this.afterCycle(false);
      }
      return this.snapshot();
    }
    // A cycle cancelled by sleep, a network change, a pause or stop() says nothing about services.
    if (controller.signal.aborted) return this.snapshot();
    const wasOnline = this.connectivity.state === 'online' || this.connectivity === CONNECTING;
    this.connectivity = raw.connectivity;
    this.lastCheckedAt = raw.checkedAt;
    this.lastBytes = raw.bytes;
    if (raw.connectivity.state === 'online' && !wasOnline) {
      // The network came back: grace period before any verdict (DESIGN, Detection 4).
      this.graceUntil = this.deps.now() + this.deps.config.graceSeconds * SECOND;
      const snapshot = this.snapshot();
      this.emit('snapshot', snapshot);
      if (this.started && !this.isPaused()) this.schedule(this.deps.config.graceSeconds * SECOND);
      return snapshot;
    }
    const changes: VerdictChange[] = [];
    const pending = new Set<string>();
    for (const status of raw.services) {
      const folded = this.tracker.apply(status);
      this.statuses.set(status.id, folded.published);
      if (folded.change) changes.push(folded.change);
      if (folded.pending) pending.add(status.id);
    }
    this.pendingIds = pending;
    for (const change of changes) this.emit('change', change);
    const snapshot = this.snapshot();
    this.emit('snapshot', snapshot);
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(snapshot);
    this.afterCycle(true);
    return snapshot;
  }

  private afterCycle(ok: boolean): void {
    if (!this.started || this.isPaused() || this.suspended) return;
    if (ok && this.pendingIds.size > 0) {
      this.schedule(this.deps.config.recheckSeconds * SECOND, new Set(this.pendingIds));
    } else {
      this.schedule(this.nextDelay());
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private cancelRunning(): void {
    this.running?.controller.abort();
    this.running = null;
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
