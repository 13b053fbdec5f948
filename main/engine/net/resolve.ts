// Name resolution: the system resolver, or the configured `dnsServers` (DESIGN, config contract).
import { Resolver } from 'node:dns/promises';
import { lookup as systemLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { dnsFailure, ProbeFailure } from './errors';

/** The addresses a name resolved to. */
export interface Resolved {
  readonly addresses: readonly LookupAddress[];
}

// c-ares attempts: a query gets two tries of 2 s; the probe's own deadline is enforced on top.
const CARES_TIMEOUT_MS = 2000;
const CARES_TRIES = 2;
const resolvers = new Map<string, Resolver>();

/**
 * One resolver per server set, reused: each Resolver holds a native c-ares channel, and making one
 * per look-up leaves native memory waiting for the garbage collector.
 */
function resolverFor(servers: readonly string[] | undefined): Resolver {
  const key = servers?.join(',') ?? '';
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = new Resolver({ timeout: CARES_TIMEOUT_MS, tries: CARES_TRIES });
    if (servers && servers.length > 0) resolver.setServers([...servers]);
    resolvers.set(key, resolver);
  }
  return resolver;
}

/**
 * Cancels every look-up still waiting on a DNS server. A look-up past its probe's deadline stays
 * queued in c-ares until c-ares gives up (seconds), keeping a process alive after its verdict: the
 * command line calls this once it has answered. (It cancels the look-ups of every engine of the
 * process, so the app does not.)
 */
export function cancelPendingLookups(): void {
  for (const resolver of resolvers.values()) resolver.cancel();
}

/** Resolves A then AAAA records through the given servers (the system's when none), within `timeoutMs`. */
export async function resolveWith(
  host: string,
  servers: readonly string[] | undefined,
  timeoutMs: number,
): Promise<Resolved> {
  if (isIP(host)) return { addresses: [{ address: host, family: isIP(host) }] };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ProbeFailure('DNS_TIMEOUT', `DNS timeout for ${host} after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([resolveBoth(resolverFor(servers), host), deadline]);
  } catch (error) {
    throw dnsFailure(error, host);
  } finally {
    clearTimeout(timer);
  }
}

async function resolveBoth(resolver: Resolver, host: string): Promise<Resolved> {
  try {
    const v4 = await resolver.resolve4(host);
    if (v4.length > 0) return { addresses: v4.map((address) => ({ address, family: 4 })) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ENODATA') throw error;
  }
  const v6 = await resolver.resolve6(host);
  return { addresses: v6.map((address) => ({ address, family: 6 })) };
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` function for net/tls/undici that uses `servers` when given, the system otherwise. */
export function makeLookup(servers: readonly string[] | undefined, timeoutMs: number) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    if (!servers || servers.length === 0) {
      systemLookup(hostname, { ...options, all: true }, (error, addresses) => {
        if (error) return callback(dnsFailureErrno(error, hostname), '');
        deliver(addresses, options, callback);
      });
      return;
    }
    resolveWith(hostname, servers, timeoutMs).then(
      ({ addresses }) => deliver([...addresses], options, callback),
      (error: unknown) => callback(dnsFailureErrno(error, hostname), ''),
    );
  };
}

function deliver(addresses: LookupAddress[], options: LookupOptions, callback: LookupCallback) {
  const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
  const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
  if (usable.length === 0) {
    const error: NodeJS.ErrnoException = new Error('no address of the requested family');
    error.code = 'ENOTFOUND';
    return callback(error, '');
  }
  if (options.all) return callback(null, usable);
  const first = usable[0] as LookupAddress;
  callback(null, first.address, first.family);
}

/** Keeps the probe code on the error so it survives undici's wrapping. */
function dnsFailureErrno(error: unknown, host: string): NodeJS.ErrnoException {
  const failure = dnsFailure(error, host);
  const wrapped: NodeJS.ErrnoException = new Error(failure.message);
  wrapped.code =
    failure.code === 'DNS_NXDOMAIN'
      ? 'ENOTFOUND'
      : failure.code === 'DNS_TIMEOUT'
        ? 'ETIMEOUT'
        : 'ESERVFAIL';
  return wrapped;
}
