// No false alarms, told directly: a service is announced down only after `failureThreshold`
// failing checks and up after `successThreshold` good ones; "since" is when the trouble was first
// seen; a change of cause is news at once; a restarted engine announces nothing twice.
import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../../../shared/durations';
import type { Cause, ServiceStatus, VerdictState } from '../../../../shared/types';
import { ThresholdTracker } from '../../../../main/engine/thresholds';
import { REAL_START } from '../../../helpers/clock';

const CAUSES: Readonly<Record<VerdictState, Cause>> = {
  up: null,
  down: 'provider',
  degraded: 'provider',
  maintenance: 'provider',
  unknown: 'local',
};

/** Chat's raw verdict from one check, `at` ms after REAL_START. */
const check = (at: number, state: VerdictState, cause: Cause = CAUSES[state]): ServiceStatus => ({
  id: 'chat',
  name: 'Chat',
  critical: true,
  checkedAt: REAL_START + at,
  state,
  cause,
  summary: `chat is ${state} (${cause ?? 'no cause'})`,
  probes: [],
});

const tracker = (failureThreshold = 2, successThreshold = 1) =>
  new ThresholdTracker({ failureThreshold, successThreshold });

/** Feeds checks in order; returns what each published and announced. */
function feed(t: ThresholdTracker, ...checks: ServiceStatus[]) {
  return checks.map((c) => t.apply(c));
}

describe('an outage is announced only once confirmed', () => {
  it('one failure keeps "up" with the failure pending; the second announces "down since" the first', () => {
    const t = tracker();
    const [first, failing, confirming] = feed(
      t,
      check(0, 'up'),
      check(MINUTE, 'down'),
      check(MINUTE + 15 * SECOND, 'down'),
    );
    expect(first).toMatchObject({ change: null, pending: false });
    expect(failing).toMatchObject({ change: null, pending: true });
    expect(failing!.published).toMatchObject({
      state: 'up',
      cause: null,
      summary: 'chat is up (no cause)',
      pending: 'down',
      since: REAL_START,
      checkedAt: REAL_START + MINUTE,
    });
    expect(confirming!.pending).toBe(false);
    expect(confirming!.published).toMatchObject({ state: 'down', since: REAL_START + MINUTE });
    expect(confirming!.published.pending).toBeUndefined();
    expect(confirming!.change).toEqual({
      serviceId: 'chat',
      name: 'Chat',
      at: REAL_START + MINUTE + 15 * SECOND,
      previous: first!.published,
      current: confirming!.published,
    });
    expect(t.confirmed('chat')).toBe(confirming!.published);
  });

  it('stays "down since" the first failing check while it lasts, announced once', () => {
    const t = tracker();
    const results = feed(
      t,
      check(0, 'up'),
      check(MINUTE, 'down'),
      check(2 * MINUTE, 'down'),
      check(3 * MINUTE, 'down'),
      check(4 * MINUTE, 'down'),
    );
    expect(results.filter((r) => r.change)).toHaveLength(1);
    expect(results.at(-1)!.published.since).toBe(REAL_START + MINUTE);
  });

  it('with failureThreshold 3, two failures are still only pending', () => {
    const t = tracker(3);
    const results = feed(
      t,
      check(0, 'up'),
      check(MINUTE, 'down'),
      check(2 * MINUTE, 'down'),
      check(3 * MINUTE, 'down'),
    );
    expect(results.map((r) => r.published.state)).toEqual(['up', 'up', 'up', 'down']);
    expect(results.map((r) => r.change !== null)).toEqual([false, false, false, true]);
    expect(results[3]!.published.since).toBe(REAL_START + MINUTE);
  });

  it('a single degraded check waits for failureThreshold like a failure', () => {
    const t = tracker();
    const [, once, twice] = feed(
      t,
      check(0, 'up'),
      check(MINUTE, 'degraded'),
      check(2 * MINUTE, 'degraded'),
    );
    expect(once).toMatchObject({ change: null, pending: true });
    expect(once!.published).toMatchObject({ state: 'up', pending: 'degraded' });
    expect(twice!.change?.current).toMatchObject({
      state: 'degraded',
      since: REAL_START + MINUTE,
    });
  });

  it('a flap (one failure, then fine) announces nothing and starts the count again', () => {
    // successThreshold 2: a service that never went down needs no second good check to stay up.
    const t = tracker(2, 2);
    const results = feed(
      t,
      check(0, 'up'),
      check(MINUTE, 'down'),
      check(2 * MINUTE, 'up'),
      check(3 * MINUTE, 'down'),
    );
    expect(results.every((r) => r.change === null)).toBe(true);
    expect(results[2]!.published).toMatchObject({ state: 'up', since: REAL_START });
    expect(results[2]!.published.pending).toBeUndefined();
    expect(results[3]!.published).toMatchObject({ state: 'up', pending: 'down' });
  });

  it('a first check that fails says "checking again to confirm", never up, and nothing is announced', () => {
    const t = tracker();
    const first = t.apply(check(0, 'down'));
    expect(t.confirmed('chat')).toBeNull();
    const second = t.apply(check(15 * SECOND, 'down'));
    expect(first).toMatchObject({ change: null, pending: true });
    expect(first.published).toMatchObject({
      state: 'unknown',
      cause: null,
      summary: 'checking again to confirm',
      pending: 'down',
      since: REAL_START,
    });
    expect(second.change).toMatchObject({
      previous: null,
      current: { state: 'down', since: REAL_START },
    });
  });

  it('a first check that passes is shown at once and is no news', () => {
    const t = tracker(2, 3);
    const [first] = feed(t, check(0, 'up'));
    expect(first).toEqual({
      published: { ...check(0, 'up'), since: REAL_START },
      change: null,
      pending: false,
    });
  });
});

describe('while in trouble', () => {
  const down = (t: ThresholdTracker) =>
    feed(t, check(0, 'up'), check(MINUTE, 'down'), check(2 * MINUTE, 'down'));

  it('a change of cause (their side → your network) is announced at once, since the check that saw it', () => {
    const t = tracker();
    down(t);
    const [blocked] = feed(t, check(3 * MINUTE, 'down', 'network'));
    expect(blocked!.pending).toBe(false);
    expect(blocked!.change).toMatchObject({
      at: REAL_START + 3 * MINUTE,
      previous: { state: 'down', cause: 'provider', since: REAL_START + MINUTE },
      current: { state: 'down', cause: 'network', since: REAL_START + 3 * MINUTE },
    });
  });

  it('a change of severity (down → degraded) is announced at once', () => {
    const t = tracker(3);
    feed(
      t,
      check(0, 'up'),
      check(MINUTE, 'down'),
      check(2 * MINUTE, 'down'),
      check(3 * MINUTE, 'down'),
    );
    const [better] = feed(t, check(4 * MINUTE, 'degraded'));
    expect(better!.change?.current).toMatchObject({
      state: 'degraded',
      since: REAL_START + 4 * MINUTE,
    });
  });

  it('recovery waits for successThreshold good checks, keeping the outage words meanwhile', () => {
    const t = tracker(2, 2);
    down(t);
    const [once, twice] = feed(t, check(3 * MINUTE, 'up'), check(4 * MINUTE, 'up'));
    expect(once).toMatchObject({ change: null, pending: true });
    expect(once!.published).toMatchObject({
      state: 'down',
      cause: 'provider',
      summary: 'chat is down (provider)',
      pending: 'up',
      since: REAL_START + MINUTE,
    });
    expect(twice!.change).toMatchObject({
      previous: { state: 'down' },
      current: { state: 'up', cause: null, since: REAL_START + 3 * MINUTE },
    });
  });

  it('a failure between two good checks starts the recovery count again', () => {
    const t = tracker(2, 2);
    down(t);
    const results = feed(
      t,
      check(3 * MINUTE, 'up'),
      check(4 * MINUTE, 'down'),
      check(5 * MINUTE, 'up'),
    );
    expect(results.every((r) => r.change === null)).toBe(true);
    expect(results[2]!.published).toMatchObject({ state: 'down', pending: 'up' });
  });
});

describe('what cannot be judged is taken as it comes', () => {
  it('offline (unknown) and maintenance are shown and announced at once', () => {
    const t = tracker(3, 3);
    const [, offline, maintenance] = feed(
      t,
      check(0, 'up'),
      check(MINUTE, 'unknown'),
      check(2 * MINUTE, 'maintenance'),
    );
    expect(offline!.change?.current).toMatchObject({
      state: 'unknown',
      since: REAL_START + MINUTE,
    });
    expect(maintenance!.change).toMatchObject({
      previous: { state: 'unknown' },
      current: { state: 'maintenance', since: REAL_START + 2 * MINUTE },
    });
  });

  it('a first check while offline is news: there is no earlier verdict to keep', () => {
    const [first] = feed(tracker(), check(0, 'unknown'));
    expect(first!.change).toMatchObject({ previous: null, current: { state: 'unknown' } });
  });

  it('a failure before going offline does not count toward the one after', () => {
    const t = tracker();
    const results = feed(
      t,
      check(0, 'up'),
      check(MINUTE, 'down'),
      check(2 * MINUTE, 'unknown'),
      check(3 * MINUTE, 'up'),
      check(4 * MINUTE, 'down'),
    );
    expect(results[4]!.published).toMatchObject({ state: 'up', pending: 'down' });
    expect(results[4]!.change).toBeNull();
  });

  it('a good check after being offline waits for successThreshold', () => {
    const t = tracker(2, 2);
    const results = feed(t, check(0, 'unknown'), check(MINUTE, 'up'), check(2 * MINUTE, 'up'));
    expect(results[1]!.published).toMatchObject({ state: 'unknown', pending: 'up' });
    expect(results[2]!.change?.current).toMatchObject({ state: 'up', since: REAL_START + MINUTE });
  });
});

describe('seed and forget', () => {
  it('a restarted engine seeded with the known outage announces nothing twice and keeps its "since"', () => {
    const t = tracker();
    const known = { ...check(-MINUTE, 'down'), since: REAL_START - 10 * MINUTE };
    t.seed(known);
    expect(t.confirmed('chat')).toBe(known);
    const [still, over] = feed(t, check(0, 'down'), check(MINUTE, 'up'));
    expect(still).toMatchObject({ change: null, pending: false });
    expect(still!.published.since).toBe(REAL_START - 10 * MINUTE);
    expect(over!.change).toMatchObject({
      previous: { state: 'down', since: REAL_START - 10 * MINUTE },
      current: { state: 'up', since: REAL_START + MINUTE },
    });
  });

  it('a seeded verdict without "since" holds since its check', () => {
    const t = tracker();
    t.seed(check(-MINUTE, 'down'));
    const [still] = feed(t, check(0, 'down'));
    expect(still!.published.since).toBe(REAL_START - MINUTE);
  });

  it('a seeded outage is not shortened by the failures counted before the restart', () => {
    const t = tracker();
    feed(t, check(-2 * MINUTE, 'up'), check(-MINUTE, 'down'));
    t.seed({ ...check(-MINUTE, 'up'), since: REAL_START - 2 * MINUTE });
    const [first] = feed(t, check(0, 'down'));
    expect(first).toMatchObject({ change: null, pending: true });
  });

  it('a forgotten service (removed from the config) starts again from nothing', () => {
    const t = tracker();
    feed(t, check(0, 'up'), check(MINUTE, 'down'), check(2 * MINUTE, 'down'));
    t.forget('chat');
    expect(t.confirmed('chat')).toBeNull();
    const [again] = feed(t, check(3 * MINUTE, 'down'));
    expect(again!.published).toMatchObject({
      state: 'unknown',
      summary: 'checking again to confirm',
    });
  });

  it('services are tracked apart', () => {
    const t = tracker();
    feed(t, check(0, 'up'), check(MINUTE, 'down'));
    const mail = t.apply({ ...check(2 * MINUTE, 'down'), id: 'mail', name: 'Mail' });
    expect(mail.published).toMatchObject({ id: 'mail', state: 'unknown', pending: 'down' });
    expect(t.confirmed('mail')).toBeNull();
  });
});
