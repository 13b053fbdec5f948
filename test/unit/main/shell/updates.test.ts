// When Vigie looks for a new version: shortly after start and daily, never offline (the missed
// look happens once the network is back), never when turned off, again sooner after a failure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY, HOUR } from '../../../../shared/durations';
import {
  FIRST_CHECK_DELAY_MS,
  RETRY_AFTER_FAILURE_MS,
  Updater,
  type UpdateCheck,
  type UpdateState,
} from '../../../../main/shell/updates';

interface Lab {
  updater: Updater;
  looks: number;
  states: UpdateState[];
  offline: boolean;
  enabled: boolean;
  answer: () => Promise<UpdateCheck | null>;
}

function lab(): Lab {
  const state: Lab = {
    looks: 0,
    states: [],
    offline: false,
    enabled: true,
    answer: () => Promise.resolve({ isUpdateAvailable: false, updateInfo: { version: '0.1.0' } }),
    updater: null as unknown as Updater,
  };
  state.updater = new Updater({
    source: {
      checkForUpdates: () => {
        state.looks++;
        return state.answer();
      },
    },
    enabled: () => state.enabled,
    offline: () => state.offline,
    now: () => Date.now(),
    onState: (s) => state.states.push(s),
  });
  return state;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the update schedule', () => {
  it('looks shortly after start, then once a day', async () => {
    const l = lab();
    l.updater.start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS - 1);
    expect(l.looks).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(l.looks).toBe(1);
    expect(l.updater.current()).toMatchObject({ kind: 'idle' });
    await vi.advanceTimersByTimeAsync(DAY - 1);
    expect(l.looks).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(l.looks).toBe(2);
    l.updater.stop();
  });

  it('never looks while offline: the missed look happens when the network is back', async () => {
    const l = lab();
    l.offline = true;
    l.updater.start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(l.looks).toBe(0);
    l.updater.connectivityChanged(true);
    expect(l.looks).toBe(0);
    l.offline = false;
    l.updater.connectivityChanged(false);
    expect(l.looks).toBe(1);
    // Only the missed look: other snapshots while online ask nothing more.
    l.updater.connectivityChanged(false);
    expect(l.looks).toBe(1);
    l.updater.stop();
  });

  it('turned off, it never looks', async () => {
    const l = lab();
    l.enabled = false;
    l.updater.start();
    await vi.advanceTimersByTimeAsync(3 * DAY);
    expect(l.looks).toBe(0);
    l.updater.stop();
  });

  it('reports downloading then ready with the version, and stops looking once ready', async () => {
    const l = lab();
    let finish: () => void = () => undefined;
    l.answer = () =>
      Promise.resolve({
        isUpdateAvailable: true,
        updateInfo: { version: '1.2.3' },
        downloadPromise: new Promise<void>((resolve) => (finish = resolve)),
      });
    l.updater.start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(l.updater.current()).toEqual({ kind: 'downloading', version: '1.2.3' });
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(l.updater.current()).toEqual({ kind: 'ready', version: '1.2.3' });
    expect(l.states.map((s) => s.kind)).toEqual(['checking', 'downloading', 'ready']);
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(l.looks).toBe(1);
    l.updater.stop();
  });

  it('a look that fails or hangs is given up on and tried again sooner than the next day', async () => {
    const l = lab();
    l.answer = () => Promise.reject(new Error('HttpError: 404 Not Found\n at a stack line'));
    l.updater.start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(l.updater.current()).toMatchObject({
      kind: 'failed',
      message: 'HttpError: 404 Not Found',
    });
    l.answer = () => new Promise<never>(() => undefined);
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_FAILURE_MS);
    expect(l.looks).toBe(2);
    expect(l.updater.current()).toEqual({ kind: 'checking' });
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(l.updater.current()).toMatchObject({ kind: 'failed', message: 'no answer within 60 s' });
    l.updater.stop();
  });
});
