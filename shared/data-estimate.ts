// What watching a service costs in data, estimated before it is watched (the window shows the month
// of the chosen set while the user picks). Calibrated on the bench row
// engine.default_catalog_bytes_per_hour_with_ip_framing (the 17 default services measured against
// lab mirrors sized like the real endpoints: 725 kB an hour); once Vigie has run, Settings shows
// the month measured from the history instead.
import type { ProbeConfig, ServiceConfig } from './config-schema';
import { DAY, HOUR, SECOND } from './durations';

/** Bytes one run of a probe costs on the wire (TLS handshakes, headers, IP framing included). */
const PROBE_BYTES: Readonly<Record<ProbeConfig['kind'], number>> = {
  dns: 230,
  tcp: 600,
  tls: 5_500,
  http: 7_000,
  statuspage: 9_000,
  incidentio: 8_000,
  instatus: 8_000,
  'google-workspace': 40_000,
  slack: 6_500,
  feed: 9_000,
  metastatus: 9_000,
  m365: 7_500,
};

/** Bytes an hour one probe costs: it runs every cycle, or rests `everySeconds` between runs. */
function probeBytesPerHour(probe: ProbeConfig, intervalSeconds: number): number {
  const every = Math.max(intervalSeconds, probe.everySeconds ?? 0) * SECOND;
  return (PROBE_BYTES[probe.kind] * HOUR) / every;
}

/** Estimated bytes a month (30 days) of watching `service` at `intervalSeconds`. */
export function serviceBytesPerMonth(service: ServiceConfig, intervalSeconds: number): number {
  const hourly = service.probes.reduce((sum, p) => sum + probeBytesPerHour(p, intervalSeconds), 0);
  return Math.round((hourly * 30 * DAY) / HOUR);
}
