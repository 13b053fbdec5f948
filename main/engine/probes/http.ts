// The `http` probe: is the service's web front answering as expected, and how fast?
import { performance } from 'node:perf_hooks';
import type { ProbeConfig } from '../../../shared/config-schema';
import type { ProbeResult } from '../../../shared/types';
import { failed, result, withSlow, type ProbeContext } from './context';
import { describeExpect, statusMatches } from './expect-status';
import { CONNECTION_KEPT_MS } from '../net/http-client';
import { SECOND } from '../../../shared/durations';

type HttpProbe = Extract<ProbeConfig, { kind: 'http' }>;

/** Runs one HEAD or GET and judges status, body, size and speed. */
export async function runHttpProbe(probe: HttpProbe, ctx: ProbeContext): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const res = await ctx.http.request({
      url: probe.url,
      method: probe.method,
      timeoutMs: probe.timeoutMs,
      maxBytes: probe.maxBytes,
      maxRedirects: probe.maxRedirects,
      dnsServers: probe.dnsServers ?? ctx.dnsServers,
      signal: ctx.signal,
      // Only `expectBody` reads the body: without it, the bytes are counted and let go.
      discardBody: probe.expectBody === undefined,
      // A probe that rests longer than a connection is kept would find it gone: it closes it.
      keepConnection: (probe.everySeconds ?? 0) * SECOND < CONNECTION_KEPT_MS,
    });
    const latencyMs = res.latencyMs;
    const via =
      res.redirects === 1
        ? ' after 1 redirect'
        : res.redirects > 1
          ? ` after ${res.redirects} redirects`
          : '';
    const stillRedirecting =
      probe.maxRedirects > 0 &&
      res.redirects >= probe.maxRedirects &&
      res.status >= 300 &&
      res.status < 400 &&
      res.headers['location'] !== undefined;
    if (stillRedirecting) {
      // A loop, or more hops than allowed: the page itself was never reached.
      return result('http', probe.url, 'down', {
        code: 'HTTP_STATUS',
        latencyMs,
        bytes: res.bytes,
        detail: `HTTP ${res.status}: still redirecting${via} (a redirect loop?)`,
      });
    }
    if (!statusMatches(res.status, probe.expectStatus)) {
      return result('http', probe.url, 'down', {
        code: 'HTTP_STATUS',
        latencyMs,
        bytes: res.bytes,
        detail: `HTTP ${res.status}${via}, expected ${describeExpect(probe.expectStatus)}`,
      });
    }
    if (probe.expectBody !== undefined && !res.body.toString('utf8').includes(probe.expectBody)) {
      return result('http', probe.url, 'down', {
        code: 'BAD_PAYLOAD',
        latencyMs,
        bytes: res.bytes,
        detail: `HTTP ${res.status}${via}, but the page lacks "${probe.expectBody}"`,
      });
    }
    const ok = result('http', probe.url, 'up', {
      latencyMs,
      bytes: res.bytes,
      detail: `HTTP ${res.status}${via} in ${latencyMs} ms`,
    });
    return withSlow(ok, probe.slowMs);
  } catch (error) {
    return failed('http', probe.url, error, performance.now() - started);
  }
}
