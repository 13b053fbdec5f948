// A loopback server that plays the three public measurement platforms Vigie asks on doubt:
// RIPEstat's looking-glass (`/data/looking-glass/data.json`), OONI's aggregation
// (`/api/v1/aggregation`) and IODA's outage events (`/v2/outages/events`), in the shapes of
// test/fixtures/{ripestat,ooni,ioda}. Each platform can also hang, say 429, answer garbage, or
// answer an error with HTTP 200, and every request it receives is kept for the test to read.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const read = (file: string): unknown =>
  JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as unknown;

/** What a platform does this time. */
export type Failure = 'hang' | 'rate-limited' | 'garbage' | 'error';

/** One network's OONI counts. */
export interface Network {
  readonly asn: number;
  readonly ok: number;
  readonly anomaly: number;
  readonly confirmed?: number;
  readonly failure?: number;
}

export interface ContextLab {
  readonly url: string;
  /** The base URLs a config's `context` takes. */
  readonly urls: {
    readonly ripestatUrl: string;
    readonly ooniUrl: string;
    readonly iodaUrl: string;
  };
  /** Prefixes announced now (any other prefix asked is answered with its covering route only). */
  announce(prefixes: readonly string[], collectors?: number): void;
  ooni(networks: readonly Network[]): void;
  /** An IODA country outage since `since` (ms) still going on at `until` (ms); null for none. */
  ioda(
    outage: { readonly since: number; readonly until: number; readonly country: string } | null,
  ): void;
  fail(platform: 'ripestat' | 'ooni' | 'ioda', failure: Failure | null): void;
  /** Every request received, as path and query. */
  readonly requests: string[];
  reset(): void;
  close(): Promise<void>;
}

/** Starts the platforms' lab on 127.0.0.1. */
export async function startContextLab(): Promise<ContextLab> {
  const lookingGlass = read('ripestat/looking-glass-announced.json') as {
    data: { rrcs: { rrc: string; location: string; peers: Record<string, unknown>[] }[] };
  };
  const peer = lookingGlass.data.rrcs[0]?.peers[0] ?? {};
  const ooniShape = read('ooni/aggregation-probe-asn.json') as Record<string, unknown>;
  const iodaShape = read('ioda/events-default.json') as Record<string, unknown>;
  const iodaEvent = (iodaShape['data'] as Record<string, unknown>[])[0] ?? {};

  let announced = new Set<string>();
  let collectors = 3;
  let networks: readonly Network[] = [];
  let outage: { since: number; until: number; country: string } | null = null;
  const failures = new Map<string, Failure>();
  const requests: string[] = [];
  const sockets = new Set<Socket>();

  const json = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const rrcs = (prefix: string) =>
    Array.from({ length: collectors }, (_, i) => ({
      rrc: `RRC${String(i).padStart(2, '0')}`,
      location: lookingGlass.data.rrcs[0]?.location ?? '',
      peers: [
        {
          ...peer,
          // A withdrawn /23 is still covered by its provider's wider route (129.134.0.0/17 in 2021).
          prefix: announced.has(prefix) ? prefix : prefix.replace(/^(\d+\.\d+)\..*$/, '$1.0.0/16'),
        },
      ],
    }));

  const answer = (url: URL, res: ServerResponse) => {
    if (url.pathname === '/data/looking-glass/data.json') {
      const prefix = url.searchParams.get('resource') ?? '';
      json(res, { ...lookingGlass, data: { rrcs: rrcs(prefix) } });
    } else if (url.pathname === '/api/v1/aggregation') {
      json(res, {
        ...ooniShape,
        result: networks.map((n) => ({
          anomaly_count: n.anomaly,
          confirmed_count: n.confirmed ?? 0,
          failure_count: n.failure ?? 0,
          measurement_count: n.ok + n.anomaly + (n.confirmed ?? 0) + (n.failure ?? 0),
          ok_count: n.ok,
          probe_asn: n.asn,
        })),
      });
    } else if (url.pathname === '/v2/outages/events') {
      const code = url.searchParams.get('entityCode') ?? '';
      const data =
        outage && outage.country === code
          ? [
              {
                ...iodaEvent,
                location: `country/${code}`,
                location_name: code,
                start: Math.floor(outage.since / 1000),
                duration: Math.floor((outage.until - outage.since) / 1000),
                overlaps_window: true,
              },
            ]
          : [];
      json(res, { ...iodaShape, data });
    } else {
      res.writeHead(404).end();
    }
  };

  const platformOf = (path: string) =>
    path.startsWith('/data/') ? 'ripestat' : path.startsWith('/api/') ? 'ooni' : 'ioda';

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const failure = failures.get(platformOf(url.pathname));
    switch (failure) {
      case 'hang':
        return;
      case 'rate-limited':
        res.writeHead(429, { 'retry-after': '600' }).end('Too Many Requests');
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops</html>');
        return;
      case 'error':
        json(
          res,
          platformOf(url.pathname) === 'ooni'
            ? read('ooni/aggregation-error.json')
            : platformOf(url.pathname) === 'ioda'
              ? read('ioda/events-error.json')
              : { ...lookingGlass, status: 'error', data: { rrcs: [] } },
        );
        return;
      case undefined:
        answer(url, res);
        return;
      default: {
        const never: never = failure;
        return never;
      }
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    urls: { ripestatUrl: url, ooniUrl: url, iodaUrl: `${url}/v2` },
    announce(prefixes, count = 3) {
      announced = new Set(prefixes);
      collectors = count;
    },
    ooni(list) {
      networks = list;
    },
    ioda(next) {
      outage = next;
    },
    fail(platform, failure) {
      if (failure) failures.set(platform, failure);
      else failures.delete(platform);
    },
    requests,
    reset() {
      announced = new Set();
      collectors = 3;
      networks = [];
      outage = null;
      failures.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
