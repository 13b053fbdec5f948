// The faults the detection benchmark stages, and what each one changes in the lab's world.
import { SECOND } from '../shared/durations';
import type { LabChange } from './lab-process';

/** One kind of fault a service can suffer. */
export interface FaultKind {
  readonly id: string;
  /** What a person would call it (the docs' tables). */
  readonly label: string;
  /** What changes in the lab for service `i` when the fault starts. */
  readonly changes: (i: number) => readonly LabChange[];
  /** How long it lasts; null: until it is confirmed (and 2 s more). */
  readonly lastsMs: number | null;
  /** Whether a check can only see it by waiting its whole timeout (the service stays silent). */
  readonly silent: boolean;
}

const path = (i: number) => `/svc-${i}`;
const name = (i: number) => `svc-${i}.bench.test`;

/** What a healthy service answers. */
export const HEALTHY: { readonly status: number; readonly body: string } = {
  status: 200,
  body: 'ok',
};

/** Puts service `i` back as it was: its page answers, its name resolves to the lab. */
export function repair(i: number): readonly LabChange[] {
  return [
    { path: path(i), route: HEALTHY },
    { name: name(i), dns: { a: '127.0.0.1' } },
  ];
}

export const FAULT_KINDS: readonly FaultKind[] = [
  {
    id: 'http500',
    label: 'HTTP 500',
    changes: (i) => [{ path: path(i), route: { status: 500, body: 'error' } }],
    lastsMs: null,
    silent: false,
  },
  {
    id: 'reset',
    label: 'connection reset',
    changes: (i) => [{ path: path(i), route: { reset: true } }],
    lastsMs: null,
    silent: false,
  },
  {
    // The server process is gone: its name now leads to an address where nothing listens
    // (127.0.0.2; the lab listens on 127.0.0.1 only), and a connection kept alive is reset.
    id: 'refused',
    label: 'connection refused',
    changes: (i) => [
      { name: name(i), dns: { a: '127.0.0.2' } },
      { path: path(i), route: { reset: true } },
    ],
    lastsMs: null,
    silent: false,
  },
  {
    id: 'hang',
    label: 'no answer (hang)',
    changes: (i) => [{ path: path(i), route: { hang: true } }],
    lastsMs: null,
    silent: true,
  },
  {
    id: 'dns',
    label: 'DNS failure (SERVFAIL)',
    changes: (i) => [{ name: name(i), dns: { rcode: 'SERVFAIL' } }],
    lastsMs: null,
    silent: false,
  },
  {
    id: 'flap45',
    label: '45 s flap (HTTP 500)',
    changes: (i) => [{ path: path(i), route: { status: 500, body: 'error' } }],
    lastsMs: 45 * SECOND,
    silent: false,
  },
  {
    id: 'outage90',
    label: '90 s outage (hang)',
    changes: (i) => [{ path: path(i), route: { hang: true } }],
    lastsMs: 90 * SECOND,
    silent: true,
  },
];

/**
 * A flaky but healthy service: one answer in five slower than the probe's timeout, one in twenty
 * a connection reset, the rest at once. It must never raise an alarm.
 */
export function flakyRoute(timeoutMs: number) {
  const slow = { status: 200, body: 'ok', delayMs: timeoutMs + 2 * SECOND };
  return {
    oneOf: [
      ...Array.from({ length: 15 }, () => HEALTHY),
      ...Array.from({ length: 4 }, () => slow),
      { reset: true as const },
    ],
  };
}

/**
 * The fastest a fault can be confirmed with these settings: half an interval on average before the
 * next check, then two failing checks (thresholds), each of which needs `show` to see the fault
 * (a silent service: its whole timeout; any other: nothing) and the second of which starts
 * `recheck` after the first started, or when it ended.
 */
export function physicalBoundMs(
  kind: FaultKind,
  settings: { intervalMs: number; recheckMs: number; timeoutMs: number },
): number {
  const show = kind.silent ? settings.timeoutMs : 0;
  return settings.intervalMs / 2 + Math.max(settings.recheckMs, show) + show;
}
