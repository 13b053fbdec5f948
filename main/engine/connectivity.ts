// Connectivity first (docs/design.md#connectivity): is this machine online, behind a captive portal, or
// unable to resolve names? Judged from several independent reference endpoints.
import { isIP } from 'node:net';
import type { ConnectivityTarget } from '../../shared/config-schema';
import type { Connectivity, ProbeResult } from '../../shared/types';
import { failed, result, type ProbeContext } from './probes/context';
import { describeExpect, statusMatches } from './probes/expect-status';
import { withRetry } from './probes';

const REFERENCE_MAX_BYTES = 64 * 1024;

function isDnsCode(res: ProbeResult): boolean {
  return res.code === 'DNS_SERVFAIL' || res.code === 'DNS_NXDOMAIN' || res.code === 'DNS_TIMEOUT';
}

/** Asks one reference; a redirect is never followed (it means a captive portal). */
async function askReference(
  target: ConnectivityTarget,
  ctx: ProbeContext,
  servers?: readonly string[],
): Promise<ProbeResult> {
  try {
    const res = await ctx.http.request({
      url: target.url,
      method: 'GET',
      timeoutMs: target.timeoutMs,
      maxBytes: REFERENCE_MAX_BYTES,
      maxRedirects: 0,
      dnsServers: servers,
      signal: ctx.signal,
    });
    const bodyOk =
      target.expectBody === undefined || res.body.toString('utf8').includes(target.expectBody);
    if (statusMatches(res.status, target.expectStatus) && bodyOk) {
      return result('http', target.url, 'up', {
        latencyMs: res.latencyMs,
        bytes: res.bytes,
        detail: `answered as expected`,
      });
    }
    const where = res.headers['location'] ? ` to ${res.headers['location']}` : '';
    const redirected = res.status >= 300 && res.status < 400;
    const what = redirected
      ? `redirected${where}`
      : `answered HTTP ${res.status}${bodyOk ? '' : ' with an unexpected page'}, expected ${describeExpect(target.expectStatus)}`;
    // A portal redirects, answers 511 (RFC 6585) or serves its own page with a success status;
    // `degraded` marks that. Other errors (a middlebox's 404, a 503) are plain failures.
    const portal = redirected || res.status === 511 || (res.status >= 200 && res.status < 300);
    return result('http', target.url, portal ? 'degraded' : 'down', {
      code: 'HTTP_STATUS',
      latencyMs: res.latencyMs,
      bytes: res.bytes,
      detail: what,
    });
  } catch (error) {
    return failed('http', target.url, error, 0);
  }
}

/** Decides the connectivity state from the references' answers. */
export function judgeConnectivity(
  targets: readonly ConnectivityTarget[],
  answers: readonly ProbeResult[],
): Connectivity {
  const total = answers.length;
  const ok = answers.filter((a) => a.state === 'up').length;
  const captive = answers.filter((a) => a.state === 'degraded');
  const named = answers.filter((_, i) => !isIP(hostOf(targets[i]?.url ?? '')));
  const literal = answers.filter((_, i) => isIP(hostOf(targets[i]?.url ?? '')));
  const counted = `${ok}/${total} references answered`;

  if (named.length > 0 && named.every(isDnsCode) && literal.some((a) => a.state === 'up')) {
    return {
      state: 'dns-broken',
      detail: `${counted}: names do not resolve here while IP addresses answer`,
      references: answers,
    };
  }
  if (ok * 2 >= total && ok > 0) return { state: 'online', detail: counted, references: answers };
  if (captive.length > 0) {
    return {
      state: 'captive',
      detail: `${counted}; ${captive.length} reference(s) ${captive[0]?.detail ?? 'answered oddly'} — a captive portal (hotel, café, airport Wi-Fi login?)`,
      references: answers,
    };
  }
  const odd = answers.find((a) => a.code === 'HTTP_STATUS');
  const aside = odd ? ` (${odd.target} ${odd.detail})` : '';
  return {
    state: 'offline',
    detail: `${counted}: this machine looks offline${aside}`,
    references: answers,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/** What connectivity remembers between cycles: whose turn it is, and whether all was well. */
export interface ConnectivityMemory {
  rotation: number;
  online: boolean;
}

/**
 * Checks the references, cheap first: one of them after a cycle that was online, two otherwise (a
 * different one each cycle, so every vendor is asked in turn); if they answer as expected the
 * machine is online. Otherwise every reference is asked (each retried once) and judged together,
 * so a single vendor's outage never makes this machine look offline.
 */
export async function checkConnectivity(
  targets: readonly ConnectivityTarget[],
  ctx: ProbeContext,
  servers: readonly string[] | undefined,
  retryDelayMs: number,
  memory: ConnectivityMemory = { rotation: 0, online: false },
): Promise<Connectivity> {
  const ask = (t: ConnectivityTarget) =>
    withRetry(
      (timeoutMs) => askReference({ ...t, timeoutMs }, ctx, servers),
      t.timeoutMs,
      retryDelayMs,
      ctx.signal,
    );
  const firstCount = memory.online ? 1 : 2;
  const order = targets.map((_, i) => (i + memory.rotation) % targets.length);
  memory.rotation += firstCount;
  const first = order.slice(0, Math.min(firstCount, targets.length));
  const answers: (ProbeResult | undefined)[] = targets.map(() => undefined);
  await Promise.all(
    first.map(async (i) => (answers[i] = await ask(targets[i] as ConnectivityTarget))),
  );
  if (first.length < targets.length && first.every((i) => answers[i]?.state === 'up')) {
    const asked = first.map((i) => answers[i] as ProbeResult);
    memory.online = true;
    return {
      state: 'online',
      detail: `${asked.length}/${asked.length} references answered`,
      references: asked,
    };
  }
  await Promise.all(
    order
      .slice(first.length)
      .map(async (i) => (answers[i] = await ask(targets[i] as ConnectivityTarget))),
  );
  const judged = judgeConnectivity(targets, answers as ProbeResult[]);
  memory.online = judged.state === 'online';
  return judged;
}
