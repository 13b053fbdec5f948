// Loopback HTTP and HTTPS servers that play routes set by each test: fixed answers, slow ones,
// hanging ones, bodies that never end, conditional requests. Bytes are counted per socket.
import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/** How the lab answers one path. */
export type Route =
  | PlainRoute
  /** One of these at random for each request (a flaky service). */
  | { readonly oneOf: readonly PlainRoute[] };

/** One way of answering. */
export type PlainRoute =
  | {
      readonly status?: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: string | Buffer;
      readonly delayMs?: number;
      /** Answer 304 to a matching If-None-Match. */
      readonly etag?: string;
      /** Compress with gzip when the client accepts it. */
      readonly gzip?: boolean;
    }
  | { readonly hang: true }
  | { readonly endless: true; readonly chunk?: string; readonly everyMs?: number }
  | { readonly reset: true };

export interface HttpLab {
  readonly httpPort: number;
  readonly httpsPort: number;
  /** Sets the answer for a path (both servers share the table). */
  route(path: string, route: Route): void;
  /** Forgets every route and every count (between tests). */
  clearRoutes(): void;
  /** How many requests each path received. */
  hits(path: string): number;
  /** The headers of the last request to a path. */
  lastHeaders(path: string): IncomingMessage['headers'] | undefined;
  /** Bytes read and written on all sockets so far, and how many connections were opened. */
  traffic(): { bytes: number; connections: number };
  close(): Promise<void>;
}

/** Starts both servers on 127.0.0.1 with ephemeral ports. */
export async function startHttpLab(tls: { key: string; cert: string }): Promise<HttpLab> {
  const routes = new Map<string, Route>();
  const hitCount = new Map<string, number>();
  const headersSeen = new Map<string, IncomingMessage['headers']>();
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closedBytes = 0;
  let connections = 0;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hitCount.set(path, (hitCount.get(path) ?? 0) + 1);
    headersSeen.set(path, req.headers);
    const set = routes.get(path) ?? { status: 404, body: 'no route' };
    const route =
      'oneOf' in set
        ? (set.oneOf[Math.floor(Math.random() * set.oneOf.length)] ?? set.oneOf[0])
        : set;
    if (!route) return;
    if ('hang' in route) return;
    if ('reset' in route) {
      req.socket.destroy();
      return;
    }
    if ('endless' in route) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":');
      const timer = setInterval(() => res.write(route.chunk ?? ' '), route.everyMs ?? 20);
      timers.add(timer as unknown as ReturnType<typeof setTimeout>);
      res.on('close', () => clearInterval(timer));
      return;
    }
    const answer = () => {
      if (route.etag && req.headers['if-none-match'] === route.etag) {
        res.writeHead(304, { etag: route.etag });
        res.end();
        return;
      }
      let body =
        typeof route.body === 'string' ? Buffer.from(route.body) : (route.body ?? Buffer.alloc(0));
      const headers: Record<string, string> = { ...route.headers };
      if (route.etag) headers['etag'] = route.etag;
      if (route.gzip && String(req.headers['accept-encoding'] ?? '').includes('gzip')) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(route.status ?? 200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (route.delayMs) {
      const timer = setTimeout(answer, route.delayMs);
      timers.add(timer);
    } else {
      answer();
    }
  };

  const track = (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesRead + socket.bytesWritten;
      sockets.delete(socket);
    });
  };
  const http = createHttp(handler);
  const https = createHttps({ key: tls.key, cert: tls.cert }, handler);
  http.on('connection', track);
  // For TLS, count the raw TCP socket so the handshake is included.
  https.on('connection', track);
  await Promise.all([listen(http), listen(https)]);

  return {
    httpPort: (http.address() as AddressInfo).port,
    httpsPort: (https.address() as AddressInfo).port,
    route: (path, route) => routes.set(path, route),
    clearRoutes: () => {
      routes.clear();
      hitCount.clear();
      headersSeen.clear();
    },
    hits: (path) => hitCount.get(path) ?? 0,
    lastHeaders: (path) => headersSeen.get(path),
    traffic: () => {
      let open = 0;
      for (const s of sockets) open += s.bytesRead + s.bytesWritten;
      return { bytes: closedBytes + open, connections };
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await Promise.all([close(http), close(https)]);
    },
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
