// Name resolution: the system resolver, or the configured `dnsServers` (docs/reference.md#config).
import {
  getServers,
  lookup as systemLookup,
  type LookupAddress,
  type LookupOptions,
} from 'node:dns';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  DnsError,
  parseServer,
  queryAddresses,
  type DnsServer,
  type QueryPolicy,
} from './dns-client';
import { abortable, startDeadline } from './deadline';
import { dnsFailure, ProbeFailure } from './errors';

/** The addresses a name resolved to. */
export interface Resolved {
  readonly addresses: readonly LookupAddress[];
}

// Each server gets two tries of 2 s (c-ares's defaults); the probe's own deadline is enforced on top.
const POLICY: QueryPolicy = { tryMs: 2000, tries: 2 };
const pending = new Set<AbortController>();
const parsed = new Map<string, readonly DnsServer[]>();

/** The servers to ask: the configured ones, or the system's (as read from its resolver settings). */
function serversFor(servers: readonly string[] | undefined): readonly DnsServer[] {
  const texts = servers && servers.length > 0 ? servers : getServers();
  const key = texts.join(',');
  let found = parsed.get(key);
  if (!found) {
    found = texts.map(parseServer);
    parsed.set(key, found);
  }
  return found;
}

/**
 * Cancels every look-up still waiting on a DNS server, so that a process can exit as soon as it
 * has answered: the command line calls this once it has. (It cancels the look-ups of every engine
 * of the process, so the app does not.)
 */
export function cancelPendingLookups(): void {
  for (const controller of pending) controller.abort();
}

/**
 * The look-ups under way, by name and servers. A connection's look-up (`makeLookup`) joins the one
 * a `dns` probe of the same check already sent instead of asking the same server the same question
 * again a millisecond later: one query per check, not two. A `dns` probe always sends its own (its
 * twin and its retry are there to re-send a query a network may have lost).
 */
const underWay = new Map<string, Promise<Resolved>>();

/** Resolves A then AAAA records through the given servers (the system's when none), within `timeoutMs`. */
export function resolveWith(
  host: string,
  servers: readonly string[] | undefined,
  timeoutMs: number,
  { join = false }: { readonly join?: boolean } = {},
): Promise<Resolved> {
  if (isIP(host)) return Promise.resolve({ addresses: [{ address: host, family: isIP(host) }] });
  const key = `${host.toLowerCase()}|${servers?.join(',') ?? ''}`;
  const shared = join ? underWay.get(key) : undefined;
  if (shared) return joined(shared, host, servers, timeoutMs);
  const own = resolveOwn(host, servers, timeoutMs);
  underWay.set(key, own);
  const forget = () => {
    if (underWay.get(key) === own) underWay.delete(key);
  };
  own.then(forget, forget);
  return own;
}

/**
 * The answer of a look-up already under way, within this caller's own deadline. If that look-up
 * ran out of time first (a `dns` probe with a shorter deadline), this one asks again with the time
 * it has left: a look-up never gets less time than it was given.
 */
async function joined(
  shared: Promise<Resolved>,
  host: string,
  servers: readonly string[] | undefined,
  timeoutMs: number,
): Promise<Resolved> {
  const started = performance.now();
  const deadline = startDeadline(timeoutMs);
  try {
    return await abortable(shared, deadline.signal);
  } catch (error) {
    if (deadline.signal.aborted)
      throw new ProbeFailure('DNS_TIMEOUT', `DNS timeout for ${host} after ${timeoutMs} ms`);
    const left = Math.floor(timeoutMs - (performance.now() - started));
    if (error instanceof ProbeFailure && error.code === 'DNS_TIMEOUT' && left >= 1)
      return resolveOwn(host, servers, left);
    throw error;
  } finally {
    deadline.done();
  }
}

async function resolveOwn(
  host: string,
  servers: readonly string[] | undefined,
  timeoutMs: number,
): Promise<Resolved> {
  const controller = new AbortController();
  pending.add(controller);
  // A plain timer (referenced until the look-up settles) aborts every socket of the look-up.
  const timer = setTimeout(() => {
    controller.abort(new DnsError('ETIMEOUT', `DNS timeout for ${host} after ${timeoutMs} ms`));
  }, timeoutMs);
  try {
    return await resolveBoth(serversFor(servers), host, controller.signal);
  } catch (error) {
    if (error instanceof DnsError && error.code === 'ETIMEOUT' && controller.signal.aborted) {
      throw new ProbeFailure('DNS_TIMEOUT', error.message);
    }
    throw dnsFailure(error, host);
  } finally {
    clearTimeout(timer);
    pending.delete(controller);
  }
}

async function resolveBoth(
  servers: readonly DnsServer[],
  host: string,
  signal: AbortSignal,
): Promise<Resolved> {
  if (servers.length === 0)
    throw new ProbeFailure('DNS_SERVFAIL', `no DNS server to ask for ${host}`);
  try {
    const v4 = await queryAddresses(host, 'A', servers, POLICY, signal);
    return { addresses: v4.map((address) => ({ address, family: 4 })) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ENODATA') throw error;
  }
  const v6 = await queryAddresses(host, 'AAAA', servers, POLICY, signal);
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
    resolveWith(hostname, servers, timeoutMs, { join: true }).then(
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
