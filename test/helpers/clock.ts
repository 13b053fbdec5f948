// Where test clocks start: a real afternoon, never the epoch. A clock at 0 hides every mistake in
// a time window ("less than an hour ago" is true of everything when now is 0) and every date
// that gets printed; the lint forbids it in tests (eslint.config.js).
import { vi } from 'vitest';

/** 4 October 2021, 15:00 UTC: the afternoon WhatsApp, Instagram and Facebook went down for six hours. */
export const REAL_START = Date.UTC(2021, 9, 4, 15, 0);

/** A hand-driven clock for code that takes `now: () => number`. */
export interface ManualClock {
  /** The current time, in epoch milliseconds. */
  readonly now: () => number;
  /** Moves the clock forward by `ms` (never backward) and returns the new time. */
  advance(ms: number): number;
}

/** A clock that stands at `start` (REAL_START unless said) until the test moves it. */
export function fakeClockAt(start: number = REAL_START): ManualClock {
  let at = start;
  return {
    now: () => at,
    advance(ms) {
      if (ms < 0) throw new Error(`a test clock only moves forward, not by ${ms} ms`);
      at += ms;
      return at;
    },
  };
}

/** Vitest's fake timers, with Date.now() at `start` (REAL_START unless said). */
export function useFakeTimersAt(start: number = REAL_START): void {
  vi.useFakeTimers({ now: start });
}
