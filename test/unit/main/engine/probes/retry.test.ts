// The retry inside a check, with fake timers: a quick failure (reset, 5xx) is tried again after a
// short pause, a timeout at once under a short deadline, so a service that stops answering is
// confirmed after two checks of about one timeout each, not two of two timeouts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig, type VigieConfig } from '../../../../../shared/config-schema';
import type { VerdictChange } from '../../../../../shared/types';
import { createEngine, type Engine } from '../../../../../main/engine';
import type {
  HttpClient,
  HttpRequest,
  HttpResponse,
} from '../../../../../main/engine/net/http-client';
import { ProbeFailure } from '../../../../../main/engine/net/errors';
import { timedOutRetryMs } from '../../../../../main/engine/probes';

const SECOND = 1000;
const T0 = Date.UTC(2022, 9, 25, 7, 0);
const INTERVAL_S = 20;
const RECHECK_S = 5;
const TIMEOUT_MS = 8 * SECOND;

type Behaviour = 'ok' | 'error' | 'reset' | 'hang';

/** An HTTP client whose answers the test scripts per host; a hang lasts the request's deadline. */
class FakeHttp implements HttpClient {
  behaviour = new Map<string, Behaviour>();
  /** Behaviours to play once each, before `behaviour` applies again. */
  queued = new Map<string, Behaviour[]>();
  calls: { at: number; host: string; timeoutMs: number }[] = [];

  request(req: HttpRequest): Promise<HttpResponse> {
    const host = new URL(req.url).hostname;
    this.calls.push({ at: Date.now(), host, timeoutMs: req.timeoutMs });
    const play = this.queued.get(host)?.shift() ?? this.behaviour.get(host) ?? 'ok';
    const answer = (status: number): HttpResponse => ({
      status,
      headers: {},
      body: Buffer.alloc(0),
      bytes: 100,
      url: req.url,
      redirects: 0,
      latencyMs: 5,
    });
    switch (play) {
      case 'ok':
        return Promise.resolve(answer(host === 'ref.example' ? 204 : 200));
      case 'error':
        return Promise.resolve(answer(500));
      case 'reset':
        return Promise.reject(new ProbeFailure('CONN_RESET', `${host}: connection reset`));
      case 'hang':
        return new Promise((_, reject) => {
          const timer = setTimeout(
            () => reject(new ProbeFailure('TIMEOUT', `${host}: timed out`)),
            req.timeoutMs,
          );
          req.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('aborted'));
          });
        });
      default: {
        const never: never = play;
        return never;
      }
    }
  }

  async close(): Promise<void> {}

  callsTo(host: string) {
    return this.calls.filter((c) => c.host === host);
  }
}

function config(): VigieConfig {
  const parsed = parseConfig({
    version: 1,
    intervalSeconds: INTERVAL_S,
    recheckSeconds: RECHECK_S,
    connectivity: { targets: [{ url: 'http://ref.example/generate_204', expectStatus: 204 }] },
    services: [
      {
        id: 'chat',
        name: 'Chat',
        category: 'messaging',
        probes: [{ kind: 'http', url: 'http://chat.example/', timeoutMs: TIMEOUT_MS }],
      },
    ],
  });
  if (!parsed.ok) throw new Error('bad test config');
  return parsed.config;
}

let http: FakeHttp;
let engine: Engine;
let changes: { at: number; change: VerdictChange }[];

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  http = new FakeHttp();
  // No jitter: every check comes exactly one interval after the previous one started.
  engine = createEngine(config(), { http, random: () => 0.5 });
  changes = [];
  engine.scheduler.on('change', (change) => changes.push({ at: Date.now(), change }));
});

afterEach(async () => {
  await engine.close();
  vi.useRealTimers();
});

/** A time in whole seconds (the scheduler's own timers add a millisecond here and there). */
const seconds = (ms: number) => Math.round(ms / SECOND);

/** Starts the engine, lets the first (healthy) check pass, then breaks chat 3 s later. */
async function breakChatAt3s(behaviour: Behaviour): Promise<void> {
  engine.scheduler.start();
  await vi.advanceTimersByTimeAsync(3 * SECOND);
  http.behaviour.set('chat.example', behaviour);
}

describe('a service that stops answering', () => {
  it('is confirmed down after two checks of one timeout and a short retry each, not doubled', async () => {
    await breakChatAt3s('hang');
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    const short = timedOutRetryMs(TIMEOUT_MS);
    expect(short).toBe(2 * SECOND);
    // The next check starts at 20 s; its attempt gets a twin at half its deadline (both end at
    // 28 s), then one retry of 2 s at once; the re-check (due 5 s after the check started)
    // starts as soon as it ends.
    const checks = http.callsTo('chat.example').slice(1, 7);
    expect(checks.map((c) => [seconds(c.at - T0), c.timeoutMs])).toEqual([
      [20, TIMEOUT_MS],
      [24, TIMEOUT_MS / 2],
      [28, short],
      [30, TIMEOUT_MS],
      [34, TIMEOUT_MS / 2],
      [38, short],
    ]);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.change.current.state).toBe('down');
    const confirmedAfterFault = (changes[0]?.at ?? 0) - (T0 + 3 * SECOND);
    // Next check 17 s after the fault, then 2 × (8 + 2) s: 37 s. With a second full timeout and
    // its 1 s pause in each check it would have been 17 + 2 × 17 = 51 s.
    expect(seconds(confirmedAfterFault)).toBe(37);
    expect(confirmedAfterFault).toBeLessThanOrEqual(
      17 * SECOND + TIMEOUT_MS + RECHECK_S * SECOND + TIMEOUT_MS + 2 * short,
    );
  });

  it('a flaky answer slower than the timeout is covered by its twin inside the check: no alarm', async () => {
    await breakChatAt3s('ok');
    // Every other check's first answer is too slow; its twin, sent at half the deadline, answers.
    http.queued.set('chat.example', ['hang', 'ok', 'ok', 'hang', 'ok', 'ok', 'hang', 'ok']);
    await vi.advanceTimersByTimeAsync(5 * 60 * SECOND);
    expect(http.callsTo('chat.example').filter((c) => c.timeoutMs < TIMEOUT_MS)).toHaveLength(3);
    expect(changes).toHaveLength(0);
  });

  it('when the twin is slow too, the short retry still saves the check', async () => {
    await breakChatAt3s('ok');
    http.queued.set('chat.example', ['hang', 'hang', 'ok', 'ok', 'hang', 'hang', 'ok']);
    await vi.advanceTimersByTimeAsync(5 * 60 * SECOND);
    const short = timedOutRetryMs(TIMEOUT_MS);
    expect(http.callsTo('chat.example').filter((c) => c.timeoutMs === short)).toHaveLength(2);
    expect(changes).toHaveLength(0);
    expect(engine.scheduler.snapshot().services[0]).toMatchObject({ state: 'up' });
    expect(engine.scheduler.snapshot().services[0]?.pending).toBeUndefined();
  });
});

describe('quick failures keep their quick retry', () => {
  it.each([
    ['connection reset', 'reset'],
    ['HTTP 500', 'error'],
  ] as const)(
    'a %s is tried again 1 s later with the full deadline, and re-checked 5 s after the check started',
    async (_, behaviour) => {
      await breakChatAt3s(behaviour);
      await vi.advanceTimersByTimeAsync(30 * SECOND);
      const checks = http.callsTo('chat.example').slice(1);
      expect(checks.map((c) => [seconds(c.at - T0), c.timeoutMs])).toEqual([
        [20, TIMEOUT_MS],
        [21, TIMEOUT_MS],
        [25, TIMEOUT_MS],
        [26, TIMEOUT_MS],
      ]);
      expect(changes.map((c) => [seconds(c.at - T0), c.change.current.state])).toEqual([
        [26, 'down'],
      ]);
    },
  );
});
