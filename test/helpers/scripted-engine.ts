// A stand-in for main/engine in tests of the app's wiring: the real scheduler over a scripted
// world (each service's state set by the test; no network), checked on the fake clock.
import type { ServiceConfig, VigieConfig } from '../../shared/config-schema';
import type { ServiceStatus, VerdictState } from '../../shared/types';

/** What the checks find: set by the test. */
export const world = {
  states: {} as Record<string, { state: VerdictState; cause: ServiceStatus['cause'] }>,
  checks: 0,
};

/** The module to give `vi.mock('…/main/engine', …)`. */
export async function scriptedEngine() {
  const { Scheduler } = await import('../../main/engine/scheduler');
  const { localStatus } = await import('../../main/engine/cycle');
  return {
    createEngine: (config: VigieConfig, options: { initial?: readonly ServiceStatus[] } = {}) => {
      const checkService = async (s: ServiceConfig): Promise<ServiceStatus> => {
        const w = world.states[s.id] ?? { state: 'up', cause: null };
        return {
          id: s.id,
          name: s.name,
          critical: s.critical,
          ...(s.provider ? { provider: s.provider } : {}),
          checkedAt: Date.now(),
          state: w.state,
          cause: w.cause,
          summary: w.state === 'up' ? 'all checks passed' : 'DNS SERVFAIL for web.whatsapp.com',
          probes: [],
        };
      };
      const checkConnectivity = async () => {
        world.checks++;
        const at = Date.now();
        return {
          connectivity: {
            state: 'online' as const,
            detail: '2/2 references answered',
            references: [],
            checkedAt: at,
          },
          checkedAt: at,
          bytes: 100,
        };
      };
      const scheduler = new Scheduler({
        config,
        checkConnectivity,
        checkService,
        localStatus,
        now: () => Date.now(),
        random: () => 0.5,
        initial: options.initial,
      });
      const tryService = async (s: { id: string; name: string }): Promise<ServiceStatus> => ({
        id: s.id,
        name: s.name,
        critical: false,
        checkedAt: Date.now(),
        state: 'up',
        cause: null,
        summary: 'all checks passed',
        probes: [],
      });
      return { scheduler, tryService, close: async () => scheduler.stop() };
    },
  };
}
