// Continuous mode with fake timers: thresholds, early re-check, no overlap, pause, grace periods.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig, type VigieConfig } from '../../../../shared/config-schema';
import type {
  ConnectivityState,
  ServiceStatus,
  Snapshot,
  VerdictChange,
  VerdictState,
} from '../../../../shared/types';
import type { CycleResult } from '../../../../main/engine/cycle';
import { Scheduler } from '../../../../main/engine/scheduler';

const SECOND = 1000;

function config(): VigieConfig {
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
  });
  if (!parsed.ok) throw new Error('bad test config');
  return parsed.config;
}

/** A scripted world: the test sets what each service and the network look like. */
class FakeWorld {
  states: Record<string, VerdictState> = { chat: 'up', mail: 'up' };
  connectivity: ConnectivityState = 'online';
  calls: { at: number; ids: string[] | 'all'; signal: AbortSignal }[] = [];
  /** When set, cycles wait for release() before answering. */
  hold = false;
  private releases: (() => void)[] = [];

  runCycle = async ({
    serviceIds,
    signal,
  }: {
    serviceIds?: ReadonlySet<string>;
    signal: AbortSignal;
  }): Promise<CycleResult> => {
    this.calls.push({ at: Date.now(), ids: serviceIds ? [...serviceIds] : 'all', signal });
    if (this.hold) await new Promise<void>((resolve) => this.releases.push(resolve));
    const ids = Object.keys(this.states).filter((id) => !serviceIds || serviceIds.has(id));
    const services: ServiceStatus[] = ids.map((id) => {
      const state = this.connectivity === 'online' ? (this.states[id] ?? 'up') : 'unknown';
      return {
        id,
        name: id.toUpperCase(),
        critical: false,
        checkedAt: Date.now(),
        state,
        cause: this.connectivity !== 'online' ? 'local' : state === 'down' ? 'provider' : null,
        summary: `${id} is ${state}`,
        probes: [],
      };
    });
    return {
      checkedAt: Date.now(),
      connectivity: { state: this.connectivity, detail: '', references: [] },
      services,
      bytes: 10,
    };
  };

  release(): void {
    for (const r of this.releases.splice(0)) r();
  }
}

let world: FakeWorld;
let scheduler: Scheduler;
let changes: VerdictChange[];
let snapshots: Snapshot[];

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2021-10-04T15:30:00Z') });
  world = new FakeWorld();
  scheduler = new Scheduler({
    config: config(),
    runCycle: world.runCycle,
    now: () => Date.now(),
    random: () => 0.5,
  });
  changes = [];
  snapshots = [];
  scheduler.on('change', (c) => changes.push(c));
  scheduler.on('snapshot', (s) => snapshots.push(s));
});

afterEach(() => {
  scheduler.stop();
  vi.useRealTimers();
});

const state = (id: string) => scheduler.snapshot().services.find((s) => s.id === id);

describe('scheduler', () => {
  it('checks at start, then every interval', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(world.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(world.calls).toHaveLength(2);
    expect(world.calls[1]?.at).toBe(world.calls[0]!.at + 60 * SECOND);
    expect(scheduler.snapshot().overall).toBe('ok');
  });

  it('jitters the interval by up to 10% either way', async () => {
    const early = new Scheduler({
      config: config(),
      runCycle: world.runCycle,
      now: () => Date.now(),
      random: () => 0,
    });
    early.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(54 * SECOND);
    expect(world.calls).toHaveLength(2);
    early.stop();
  });

  it('a single failed cycle raises nothing, and the service is re-checked early, alone', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    world.states.chat = 'down';
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(changes).toHaveLength(0);
    expect(state('chat')).toMatchObject({ state: 'up', pending: 'down' });
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(world.calls.at(-1)?.ids).toEqual(['chat']);
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

  it('recovers after successThreshold good cycles and reports since when', async () => {
    world.states.chat = 'down';
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(state('chat')?.state).toBe('down');
    const since = state('chat')?.since;
    world.states.chat = 'up';
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(changes.map((c) => c.current.state)).toEqual(['down', 'up']);
    expect(changes[1]?.previous?.since).toBe(since);
  });

  it('never overlaps cycles: checkNow during a cycle joins it', async () => {
    world.hold = true;
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    const joined = scheduler.checkNow();
    expect(world.calls).toHaveLength(1);
    world.release();
    const snapshot = await joined;
    expect(snapshot.services).toHaveLength(2);
    expect(world.calls).toHaveLength(1);
  });

  it('pauses until a time, says so, then resumes by itself', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    const until = Date.now() + 3600 * SECOND;
    scheduler.pause(until);
    expect(scheduler.snapshot()).toMatchObject({ overall: 'paused', pausedUntil: until });
    await vi.advanceTimersByTimeAsync(3599 * SECOND);
    expect(world.calls).toHaveLength(1);
    // (fake timers run a 0 ms timer set inside another timer 1 ms later)
    await vi.advanceTimersByTimeAsync(1 * SECOND + 1);
    expect(world.calls).toHaveLength(2);
    expect(scheduler.snapshot().overall).toBe('ok');
  });

  it('a network change cancels the running cycle and waits the grace period', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    world.hold = true;
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    const running = world.calls.at(-1)!;
    world.states.chat = 'down';
    scheduler.notifyNetworkChange();
    expect(running.signal.aborted).toBe(true);
    world.hold = false;
    world.release();
    await vi.advanceTimersByTimeAsync(19 * SECOND);
    expect(world.calls).toHaveLength(2);
    expect(state('chat')?.pending).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1 * SECOND);
    expect(world.calls).toHaveLength(3);
  });

  it('sleep stops checks; waking waits the grace period first', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.notifySuspend();
    await vi.advanceTimersByTimeAsync(600 * SECOND);
    expect(world.calls).toHaveLength(1);
    scheduler.notifyResume();
    await vi.advanceTimersByTimeAsync(19 * SECOND);
    expect(world.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 * SECOND);
    expect(world.calls).toHaveLength(2);
  });

  it('offline: every service unknown for a local cause, overall offline; back online waits before judging', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    world.connectivity = 'offline';
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(scheduler.snapshot().overall).toBe('offline');
    expect(state('chat')).toMatchObject({ state: 'unknown', cause: 'local' });
    world.connectivity = 'online';
    world.states.chat = 'down';
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    // The network just came back: no verdict yet, the next check comes after the grace period.
    expect(state('chat')).toMatchObject({ state: 'unknown', cause: 'local' });
    await vi.advanceTimersByTimeAsync(20 * SECOND);
    expect(state('chat')?.pending).toBe('down');
  });

  it('emits a snapshot after each cycle', async () => {
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(snapshots).toHaveLength(2);
    expect(snapshots[1]?.bytes).toBe(10);
  });
});
