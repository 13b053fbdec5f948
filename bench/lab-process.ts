// The lab in its own process, so the benchmark process measures only the engine's CPU and memory.
// Driven over IPC: start, route, dns default, traffic.
import { generateCerts } from '../test/lab/certs';
import { startDnsLab, type DnsLab } from '../test/lab/dns-lab';
import { startHttpLab, type HttpLab, type Route } from '../test/lab/http-lab';

export type LabRequest =
  | { readonly type: 'start'; readonly names: readonly string[] }
  | { readonly type: 'route'; readonly path: string; readonly route: Route }
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
