// Low data: the default catalog in under 100 MB a month (measured by `npm run bench --
// engine.default_catalog`), for prepaid mobile plans. What it gives up, said in the settings: a
// failure is noticed within five minutes instead of one (cycles every 5 minutes at least); the
// direct probes that already rest (full pages, port checks, second names) rest four times longer;
// status pages are read once a day, so a provider's maintenance notice arrives later. A failing
// direct probe still wakes every resting probe of its service at once, so the provider's own word
// on an outage is still read when it matters.
import type { VigieConfig } from '../../shared/config-schema';
import { DAY, HOUR, MINUTE, SECOND } from '../../shared/durations';
import { isDirectKind } from '../../shared/probes';

/** The shortest interval between cycles in low-data mode. */
export const LOW_DATA_INTERVAL_SECONDS = (5 * MINUTE) / SECOND;
const REST_FACTOR = 4;
/** Resting probes never rest past a day, nor less than an hour. */
const MAX_REST_SECONDS = DAY / SECOND;
const MIN_REST_SECONDS = HOUR / SECOND;

/** The same services and probes, checked less often. */
export function lowDataConfig(config: VigieConfig): VigieConfig {
  return {
    ...config,
    intervalSeconds: Math.max(config.intervalSeconds, LOW_DATA_INTERVAL_SECONDS),
    services: config.services.map((service) => ({
      ...service,
      probes: service.probes.map((probe) => {
        if (!probe.everySeconds) return probe;
        // A status page is read at once when a direct probe fails: otherwise once a day is enough.
        if (!isDirectKind(probe.kind)) return { ...probe, everySeconds: MAX_REST_SECONDS };
        const rest = Math.max(MIN_REST_SECONDS, probe.everySeconds * REST_FACTOR);
        return { ...probe, everySeconds: Math.min(MAX_REST_SECONDS, rest) };
      }),
    })),
  };
}
