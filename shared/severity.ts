// How bad a verdict is, and the order people read services in during trouble — one definition
// for the tray, the notifications and the window.
import type { ServiceStatus, VerdictState } from './types';

/** down > degraded > maintenance > unknown = up. */
export const SEVERITY: Readonly<Record<VerdictState, number>> = {
  down: 3,
  degraded: 2,
  maintenance: 1,
  unknown: 0,
  up: 0,
};

/** Whether a state is trouble worth telling (down or degraded). */
export function isTrouble(state: VerdictState): boolean {
  return SEVERITY[state] >= 2;
}

/** Worst first, critical first, then by name. */
export function sortServices(services: readonly ServiceStatus[]): ServiceStatus[] {
  return [...services].sort(
    (a, b) =>
      SEVERITY[b.state] - SEVERITY[a.state] ||
      Number(b.critical) - Number(a.critical) ||
      a.name.localeCompare(b.name),
  );
}

/** The service in trouble a person should hear about first, if any. */
export function worstService(services: readonly ServiceStatus[]): ServiceStatus | undefined {
  return sortServices(services).find((s) => isTrouble(s.state));
}

/**
 * The service that is not fully up a person should hear about when nothing is down or degraded:
 * one in maintenance, or one that cannot be judged (for a reason other than this computer).
 */
export function attentionService(services: readonly ServiceStatus[]): ServiceStatus | undefined {
  return sortServices(services).find(
    (s) => (s.state === 'maintenance' || s.state === 'unknown') && s.cause !== 'local',
  );
}
