// The concurrency cap, and its early release for work that hangs.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { Limiter } from '../../../../main/engine/limiter';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function task(log: string[], name: string, ms: number) {
  return () =>
    new Promise<void>((resolve) => {
      log.push(`start ${name}`);
      setTimeout(() => {
        log.push(`end ${name}`);
        resolve();
      }, ms);
    });
}

it('runs at most `limit` tasks at once', async () => {
  const limiter = new Limiter(2, 10_000);
  const log: string[] = [];
  const all = Promise.all(['a', 'b', 'c'].map((n) => limiter.run(task(log, n, 100))));
  await vi.advanceTimersByTimeAsync(0);
  expect(log).toEqual(['start a', 'start b']);
  await vi.advanceTimersByTimeAsync(100);
  expect(log).toContain('start c');
  await vi.advanceTimersByTimeAsync(100);
  await all;
});

it('a task that stalls hands its slot back so the others are not held up', async () => {
  const limiter = new Limiter(1, 2000);
  const log: string[] = [];
  const hanging = limiter.run(task(log, 'hang', 8000));
  const quick = limiter.run(task(log, 'quick', 10));
  await vi.advanceTimersByTimeAsync(1999);
  expect(log).toEqual(['start hang']);
  await vi.advanceTimersByTimeAsync(1);
  expect(log).toEqual(['start hang', 'start quick']);
  await vi.advanceTimersByTimeAsync(8000);
  await Promise.all([hanging, quick]);
});
