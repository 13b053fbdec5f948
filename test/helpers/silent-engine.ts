// An engine whose checks never answer (the tray stays on "checking"), for app tests that are about
// the desktop, not the verdicts: vi.mock('…/main/engine', silentEngineModule).
import type { VigieConfig } from '../../shared/config-schema';

export async function silentEngineModule() {
  const { Scheduler } = await import('../../main/engine/scheduler');
  const { localStatus } = await import('../../main/engine/cycle');
  return {
    createEngine: (config: VigieConfig) => {
      const never = () => new Promise<never>(() => undefined);
      const scheduler = new Scheduler({
        config,
        checkConnectivity: never,
        checkService: never,
        localStatus,
        now: () => Date.now(),
      });
      return { scheduler, close: async () => scheduler.stop() };
    },
  };
}
