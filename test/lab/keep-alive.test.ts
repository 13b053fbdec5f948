// HTTP probes send HEAD and keep their connection (docs/design.md#cheap-on-data): a check of a
// healthy service costs a request, not a new TCP and TLS handshake. A server that wrongly sends a
// body with its HEAD answer must never make a check wrong.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpRequest } from '../../main/engine/net/http-client';
import { startLab, type Lab } from './lab';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
  lab.http.route('/page', { status: 200, body: 'a page' });
});
afterAll(async () => {
  await lab.close();
});

const head = (url: string): HttpRequest => ({
  url,
  method: 'HEAD',
  timeoutMs: 10_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 0,
  dnsServers: [lab.dns.server],
  discardBody: true,
});

it('checks a service by HEAD three times over one kept-alive TLS connection', async () => {
  const client = createHttpClient({ extraCa: [lab.certs.ca] });
  const before = lab.http.traffic().connections;
  try {
    for (let i = 0; i < 3; i++) {
      const answer = await client.request(head(`${lab.https('chat')}/page`));
      expect(answer.status).toBe(200);
      // Checks come seconds apart; undici lends a connection again only after a turn of the loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(lab.http.traffic().connections - before).toBe(1);
  } finally {
    await client.close();
  }
});

it('gives the connection back at once when asked to: a probe that rests an hour keeps none', async () => {
  const client = createHttpClient({ extraCa: [lab.certs.ca] });
  const before = lab.http.traffic().connections;
  try {
    for (let i = 0; i < 2; i++) {
      const answer = await client.request({
        ...head(`${lab.https('chat')}/page`),
        keepConnection: false,
      });
      expect(answer.status).toBe(200);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(lab.http.traffic().connections - before).toBe(2);
  } finally {
    await client.close();
  }
});

/** A server that answers every request, HEAD included, with a body (which HTTP forbids). */
async function startBodyWithHead(): Promise<{
  url: string;
  connections: () => number;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = '';
    socket.on('data', (chunk) => {
      pending += chunk.toString('latin1');
      while (pending.includes('\r\n\r\n')) {
        pending = pending.slice(pending.indexOf('\r\n\r\n') + 4);
        socket.write(
          'HTTP/1.1 200 OK\r\nContent-Length: 11\r\nKeep-Alive: timeout=60\r\n\r\nhello there',
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

it('a server that sends a body with HEAD still gets right answers, on a new connection each', async () => {
  const server = await startBodyWithHead();
  const client = createHttpClient();
  try {
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) {
      answers.push((await client.request(head(server.url))).status);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(answers).toEqual([200, 200, 200, 200]);
    // Each stray body spoiled its connection, which was dropped: the next check made a new one.
    expect(server.connections()).toBe(4);
  } finally {
    await client.close();
    await server.close();
  }
});
