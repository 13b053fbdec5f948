// The `dns` probe: does the service's name resolve? Tells SERVFAIL, NXDOMAIN and timeout apart.
import { countOf } from '../../../shared/format';
import { performance } from 'node:perf_hooks';
import type { ProbeConfig } from '../../../shared/config-schema';
import type { ProbeResult } from '../../../shared/types';
import { resolveWith } from '../net/resolve';
import { failed, result, withSlow, type ProbeContext } from './context';

type DnsProbe = Extract<ProbeConfig, { kind: 'dns' }>;

// A query is a 12-byte header, the name and 4 bytes of type and class; each answer about 16 more.
const DNS_HEADER_BYTES = 12;
const DNS_QUESTION_EXTRA = 6;
const DNS_ANSWER_BYTES = 16;

/** Resolves A (then AAAA) records for the host. */
export async function runDnsProbe(probe: DnsProbe, ctx: ProbeContext): Promise<ProbeResult> {
  const started = performance.now();
  const query = DNS_HEADER_BYTES + probe.host.length + DNS_QUESTION_EXTRA;
  try {
    const { addresses } = await resolveWith(
      probe.host,
      probe.dnsServers ?? ctx.dnsServers,
      probe.timeoutMs,
    );
    const latencyMs = performance.now() - started;
    const family = addresses[0]?.family === 6 ? 'AAAA' : 'A';
    const ok = result('dns', probe.host, 'up', {
      latencyMs,
      bytes: 2 * query + addresses.length * DNS_ANSWER_BYTES,
      detail: `${countOf(addresses.length, `${family} record`)} in ${Math.round(latencyMs)} ms`,
    });
    return withSlow(ok, probe.slowMs);
  } catch (error) {
    return failed('dns', probe.host, error, performance.now() - started, query);
  }
}
