// Continuous mode with fake timers: each service on its own clock, thresholds, early re-checks,
// connectivity judged before any failure counts, pause, sleep and grace periods.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  parseConfig,
  type ServiceConfig,
  type VigieConfig,
} from '../../../../shared/config-schema';
import type {
  ConnectivityState,
  ServiceStatus,
  Snapshot,
  VerdictChange,
  VerdictState,
} from '../../../../shared/types';
import { localStatus } from '../../../../main/engine/cycle';
import { Scheduler } from '../../../../main/engine/scheduler';

const SECOND = 1000;

function config(overrides: Record<string, unknown> = {}): VigieConfig {
  const parsed = parseConfig({
    version: 1,
    intervalSeconds: 60,
    connectivity: { targets: [{ url: 'http://ref.example/' }] },
    services: ['chat', 'mail'].map((id) => ({
      id,
      name: id.toUpperCase(),
      category: 'messaging',
      probes: [{ kind: 'dns', host: `${id}.example` }],
    })),
    ...overrides,
  });
  if (!parsed.ok) throw new Error('bad test config');
  return parsed.config;
}

/** A scripted world: the test sets what each service and the network look like. */
class FakeWorld {
  states: Record<string, VerdictState> = { chat: 'up', mail: 'up' };
  connectivity: ConnectivityState = 'online';
  /** Service checks, in the order they started. */
  calls: { at: number; id: string; signal: AbortSignal }[] = [];
  connectivityCalls: number[] = [];
  /** Services whose checks wait for release() before answering. */
  held = new Set<string>();
  private releases: (() => void)[] = [];

  checkConnectivity = async () => {
    this.connectivityCalls.push(Date.now());
    const at = Date.now();
    return {
      connectivity: { state: this.connectivity, detail: '', references: [], checkedAt: at },
      checkedAt: at,
      bytes: 4,
    };
  };

  checkService = async (service: ServiceConfig, signal: AbortSignal): Promise<ServiceStatus> => {
    this.calls.push({ at: Date.now(), id: service.id, signal });
    if (this.held.has(service.id))
      await new Promise<void>((resolve) => this.releases.push(resolve));
    const state = this.states[service.id] ?? 'up';
    return {
      id: service.id,
      name: service.name,
      critical: false,
      checkedAt: Date.now(),
      state,
      cause: state === 'down' ? 'provider' : null,
      summary: `${service.id} is ${state}`,
      probes: [],
    };
  };

  callsOf(id: string): number[] {
    return this.calls.filter((c) => c.id === id).map((c) => c.at);
  }

  release(): void {
    for (const r of this.releases.splice(0)) r();
  }
}

let world: FakeWorld;
let scheduler: Scheduler;
let changes: VerdictChange[];
let snapshots: Snapshot[];

function make(cfg = config(), random = () => 0.5): Scheduler {
  const s = new Scheduler({
    config: cfg,
    checkConnectivity: world.checkConnectivity,
    checkService: world.checkService,
    localStatus,
    bytesOf: () => 10,
    now: () => Date.now(),
    random,
  });
  s.on('change', (c) => changes.push(c));
  s.on('snapshot', (snap) => snapshots.push(snap));
  return s;
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2021-10-04T15:30:00Z') });
  world = new FakeWorld();
  changes = [];
  snapshots = [];
  scheduler = make();
});

afterEach(() => {
  scheduler.stop();
  vi.useRealTimers();
});

const state = (id: string) => scheduler.snapshot().services.find((s) => s.id === id);
const t0 = () => Date.parse('2021-10-04T15:30:00Z');

describe('each service on its own clock', () => {
  it('checks connectivity and every service at start, then each one interval after its last check started', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(world.callsOf('chat')).toEqual([t0()]);
    expect(world.connectivityCalls).toEqual([t0()]);
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(world.callsOf('chat')).toEqual([t0(), t0() + 60 * SECOND]);
    expect(world.callsOf('mail')).toEqual([t0(), t0() + 60 * SECOND]);
    expect(world.connectivityCalls).toHaveLength(2);
    expect(scheduler.snapshot().overall).toBe('ok');
  });

  it('jitters the interval by up to 10% either way', async () => {
    scheduler = make(config(), () => 0);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(54 * SECOND);
    expect(world.callsOf('chat')).toEqual([t0(), t0() + 54 * SECOND]);
  });

  it('a hanging service delays only itself: the others keep their clock and publish at once', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    world.held.add('chat');
    world.states.mail = 'down';
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    // Mail's outage is confirmed while chat's check is still hanging.
    expect(changes.map((c) => [c.serviceId, c.current.state])).toEqual([['mail', 'down']]);
    expect(world.callsOf('chat')).toEqual([t0(), t0() + 60 * SECOND]);
    await vi.advanceTimersByTimeAsync(120 * SECOND);
    // Chat is not checked twice at once; mail kept checking every interval meanwhile.
    expect(world.callsOf('chat')).toHaveLength(2);
    expect(world.callsOf('mail').length).toBeGreaterThanOrEqual(5);
    world.held.clear();
    world.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(state('chat')?.state).toBe('up');
  });

  it('"Check now" checks everything at once and joins a check already under way', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    world.held.add('chat');
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    const done = scheduler.checkNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(world.callsOf('chat')).toHaveLength(2);
    expect(world.callsOf('mail')).toHaveLength(3);
    world.release();
    const snapshot = await done;
    expect(snapshot.services).toHaveLength(2);
    expect(world.callsOf('chat')).toHaveLength(2);
  });
});

describe('no false alarms', () => {
  it('a single failure raises nothing, and the service is re-checked early, alone', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    world.states.chat = 'down';
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(changes).toHaveLength(0);
    expect(state('chat')).toMatchObject({ state: 'up', pending: 'down' });
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(world.callsOf('chat').at(-1)).toBe(t0() + 75 * SECOND);
    expect(world.callsOf('mail')).toHaveLength(2);
    expect(changes.map((c) => [c.serviceId, c.previous?.state, c.current.state])).toEqual([
      ['chat', 'up', 'down'],
    ]);
    expect(scheduler.snapshot().overall).toBe('outage');
  });

  it('a flap (one failure, then fine) never becomes a change', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    world.states.mail = 'down';
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    world.states.mail = 'up';
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(changes).toHaveLength(0);
    expect(state('mail')).toMatchObject({ state: 'up' });
    expect(state('mail')?.pending).toBeUndefined();
  });

  it('recovers after successThreshold good checks, re-checked as quickly as a failure', async () => {
    scheduler = make(config({ successThreshold: 2 }));
    world.states.chat = 'down';
    scheduler.start();
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(state('chat')?.state).toBe('down');
    const since = state('chat')?.since;
    world.states.chat = 'up';
    // Due one interval after the re-check that confirmed the outage started (at 15 s).
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(state('chat')).toMatchObject({ state: 'down', pending: 'up' });
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(changes.map((c) => c.current.state)).toEqual(['down', 'up']);
    expect(changes[1]?.previous?.since).toBe(since);
    expect(changes[1]?.at).toBe(t0() + 90 * SECOND);
  });

  it('connectivity is judged before a failure counts: offline found then means no outage', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    world.states.chat = 'down';
    world.connectivity = 'offline';
    // Chat's re-check is due before connectivity's own clock: it asks for connectivity itself.
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(changes.every((c) => c.current.cause === 'local')).toBe(true);
    expect(scheduler.snapshot().overall).toBe('offline');
    expect(state('chat')).toMatchObject({ state: 'unknown', cause: 'local' });
  });
});

describe('pause, sleep, network changes', () => {
  it('pauses until a time, says so, then resumes by itself', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    const until = Date.now() + 3600 * SECOND;
    scheduler.pause(until);
    expect(scheduler.snapshot()).toMatchObject({ overall: 'paused', pausedUntil: until });
    await vi.advanceTimersByTimeAsync(3599 * SECOND);
    expect(world.callsOf('chat')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 * SECOND + 1);
    expect(world.callsOf('chat')).toHaveLength(2);
    expect(scheduler.snapshot().overall).toBe('ok');
  });

  it('a network change cancels the checks under way and waits the grace period', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    world.held.add('chat');
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    const running = world.calls.at(-2)!;
    expect(running.id).toBe('chat');
    world.states.chat = 'down';
    scheduler.notifyNetworkChange();
    expect(running.signal.aborted).toBe(true);
    world.held.clear();
    world.release();
    await vi.advanceTimersByTimeAsync(19 * SECOND);
    expect(world.callsOf('chat')).toHaveLength(2);
    expect(state('chat')?.pending).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1 * SECOND);
    expect(world.callsOf('chat')).toHaveLength(3);
  });

  it('sleep stops checks; waking waits the grace period first', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.notifySuspend();
    await vi.advanceTimersByTimeAsync(600 * SECOND);
    expect(world.callsOf('chat')).toHaveLength(1);
    scheduler.notifyResume();
    await vi.advanceTimersByTimeAsync(19 * SECOND);
    expect(world.callsOf('chat')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 * SECOND);
    expect(world.callsOf('chat')).toHaveLength(2);
  });

  it('offline: every service unknown for a local cause, none checked; back online waits before judging', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    world.connectivity = 'offline';
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(scheduler.snapshot().overall).toBe('offline');
    expect(state('chat')).toMatchObject({ state: 'unknown', cause: 'local' });
    const checked = world.calls.length;
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(world.calls.length).toBe(checked);
    world.connectivity = 'online';
    world.states.chat = 'down';
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    // The network just came back: no verdict yet, the next check comes after the grace period.
    expect(state('chat')).toMatchObject({ state: 'unknown', cause: 'local' });
    // Meanwhile nothing is said to be wrong: no passing "Some services are degraded".
    expect(scheduler.snapshot().overall).toBe('ok');
    await vi.advanceTimersByTimeAsync(20 * SECOND);
    expect(state('chat')?.pending).toBe('down');
  });

  it('publishes one snapshot for checks that settle together, with the bytes they used', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.bytes).toBe(4 + 2 * 10);
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(snapshots).toHaveLength(2);
  });
});

describe('"Check now" without continuous checking', () => {
  it('checks once and publishes, with no timer left behind', async () => {
    const snapshot = await scheduler.checkNow();
    expect(snapshot.services.map((s) => s.state)).toEqual(['up', 'up']);
    expect(world.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(600 * SECOND);
    expect(world.calls).toHaveLength(2);
  });
});
