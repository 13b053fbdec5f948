// The lab in its own process, so the benchmark process measures only the engine's CPU and memory.
// Driven over IPC: start, route, names, faults staged at a phase of a service's own clock, traffic.
import { generateCerts } from '../test/lab/certs';
import { startDnsLab, type DnsAnswer, type DnsLab } from '../test/lab/dns-lab';
import { startHttpLab, type HttpLab, type Route } from '../test/lab/http-lab';

/** One change of the lab's world: a path's answer, or a name's. */
export type LabChange =
  | { readonly path: string; readonly route: Route }
  | { readonly name: string; readonly dns: DnsAnswer };

export type LabRequest =
  | { readonly type: 'start'; readonly names: readonly string[] }
  | { readonly type: 'route'; readonly path: string; readonly route: Route }
  /** Applies changes now; answers the time they were applied. */
  | { readonly type: 'apply'; readonly changes: readonly LabChange[] }
  /**
   * Waits for the next request on `watch` (a check starting), then `delayMs`, then applies the
   * changes; answers the time they were applied. A fault thus falls at a known phase of the
   * service's own clock.
   */
  | {
      readonly type: 'phased';
      readonly watch: string;
      readonly delayMs: number;
      readonly changes: readonly LabChange[];
    }
  | { readonly type: 'traffic' }
  | { readonly type: 'stop' };

export interface LabStarted {
  readonly httpPort: number;
  readonly httpsPort: number;
  readonly dnsServer: string;
  readonly ca: string;
}

let http: HttpLab | undefined;
let dns: DnsLab | undefined;

function reply(id: number, value: unknown): void {
  process.send?.({ id, value });
}

process.on('message', (message: { id: number; request: LabRequest }) => {
  const { id, request } = message;
  void (async () => {
    switch (request.type) {
      case 'start': {
        const certs = await generateCerts(request.names);
        http = await startHttpLab(certs.good);
        dns = await startDnsLab();
        dns.setDefault({ a: '127.0.0.1' });
        const started: LabStarted = {
          httpPort: http.httpPort,
          httpsPort: http.httpsPort,
          dnsServer: dns.server,
          ca: certs.ca,
        };
        reply(id, started);
        break;
      }
      case 'route':
        // Buffers arrive over IPC as { type: 'Buffer', data }; turn them back into bytes.
        http?.route(request.path, revive(request.route));
        reply(id, true);
        break;
      case 'apply':
        reply(id, apply(request.changes));
        break;
      case 'phased': {
        const seen = http?.hits(request.watch) ?? 0;
        while ((http?.hits(request.watch) ?? 0) === seen) await sleep(HIT_POLL_MS);
        await sleep(request.delayMs);
        reply(id, apply(request.changes));
        break;
      }
      case 'traffic':
        reply(id, { http: http?.traffic(), dns: dns?.traffic() });
        break;
      case 'stop':
        await Promise.all([http?.close(), dns?.close()]);
        reply(id, true);
        process.exit(0);
    }
  })();
});

/** How often a staged fault looks for the request it waits for (its phase is this precise). */
const HIT_POLL_MS = 10;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function apply(changes: readonly LabChange[]): number {
  for (const change of changes) {
    if ('path' in change) http?.route(change.path, revive(change.route));
    else dns?.set(change.name, change.dns);
  }
  return Date.now();
}

function revive(route: Route): Route {
  if (
    'body' in route &&
    route.body &&
    typeof route.body === 'object' &&
    !Buffer.isBuffer(route.body)
  ) {
    const raw = route.body as unknown as { data: number[] };
    return { ...route, body: Buffer.from(raw.data) };
  }
  return route;
}
