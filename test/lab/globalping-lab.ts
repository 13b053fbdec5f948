// A loopback server that plays Globalping's API (github.com/jsdelivr/globalping, public/v1/spec.yaml):
// POST /v1/measurements → 202 { id, probesCount } with a Location; GET /v1/measurements/{id} →
// "in-progress" once, then "finished" with one result per probe. Each test says how many probes
// of the user's country and of the world reach the service, or that the API limits or hangs.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';

/** How many probes of a group run the check, and how many reach the service. */
export interface Group {
  readonly asked: number;
  readonly reachable: number;
}

/** What the API does this time. */
export type Play =
  | {
      readonly mode: 'answer';
      readonly country: Group;
      readonly world: Group;
      readonly countryCode: string;
    }
  | { readonly mode: 'rate-limited' }
  | { readonly mode: 'hang' };

/** The request schema, from the spec's MeasurementRequest (the fields Vigie may send). */
export const measurementRequestSchema = z.strictObject({
  type: z.enum(['http', 'dns']),
  target: z.string().regex(/^[a-z0-9.-]+$/i),
  limit: z.number().int().min(1).max(500).optional(),
  locations: z
    .array(
      z.strictObject({ country: z.string().length(2), limit: z.number().int().min(1).max(200) }),
    )
    .optional(),
  measurementOptions: z
    .union([
      z.strictObject({
        protocol: z.enum(['HTTP', 'HTTPS', 'HTTP2']),
        port: z.number().int().min(0).max(65535),
        request: z.strictObject({
          method: z.enum(['HEAD', 'GET', 'OPTIONS']),
          path: z.string(),
          query: z.string().optional(),
        }),
      }),
      z.strictObject({ query: z.strictObject({ type: z.literal('A') }) }),
    ])
    .optional(),
});
export type MeasurementRequest = z.infer<typeof measurementRequestSchema>;

export interface GlobalpingLab {
  readonly url: string;
  play(play: Play): void;
  /** Every measurement request received, parsed. */
  readonly requests: MeasurementRequest[];
  /** Requests that did not match the spec's schema (the test fails on any). */
  readonly rejected: string[];
  close(): Promise<void>;
}

const WORLD = ['FR', 'US', 'BR', 'DE', 'JP', 'ZA', 'IN', 'NG'];

function probeOf(country: string) {
  return {
    continent: 'AF',
    region: 'Western Africa',
    country,
    state: null,
    city: 'Somewhere',
    asn: 64500,
    longitude: 0,
    latitude: 0,
    network: 'Lab Networks',
    tags: ['eyeball-network'],
    resolvers: ['private'],
  };
}

function resultOf(type: 'http' | 'dns', reachable: boolean) {
  if (type === 'dns') {
    return reachable
      ? {
          status: 'finished',
          statusCode: 0,
          statusCodeName: 'NOERROR',
          rawOutput: '',
          answers: [{ name: 'chat.example.', type: 'A', ttl: 60, class: 'IN', value: '192.0.2.1' }],
          timings: { total: 20 },
          resolver: '192.0.2.53',
        }
      : {
          status: 'finished',
          statusCode: 2,
          statusCodeName: 'SERVFAIL',
          rawOutput: '',
          answers: [],
          timings: { total: 20 },
          resolver: '192.0.2.53',
        };
  }
  return reachable
    ? {
        status: 'finished',
        statusCode: 200,
        statusCodeName: 'OK',
        rawHeaders: '',
        rawBody: null,
        truncated: false,
        headers: {},
        resolvedAddress: '192.0.2.1',
        timings: { total: 120, dns: 10, tcp: 20, tls: 30, firstByte: 50, download: 10 },
        tls: null,
        rawOutput: 'HTTP/1.1 200',
      }
    : { status: 'failed', failureSource: 'target', rawOutput: 'connect ETIMEDOUT 192.0.2.1:443' };
}

/** Answers with 3 probes in Côte d'Ivoire and 3 elsewhere, so many of each reaching the service. */
export function answerFrom(lab: GlobalpingLab, inCountry: number, elsewhere: number): void {
  lab.play({
    mode: 'answer',
    countryCode: 'CI',
    country: { asked: 3, reachable: inCountry },
    world: { asked: 3, reachable: elsewhere },
  });
}

/** Starts the fake API on 127.0.0.1. */
export async function startGlobalpingLab(): Promise<GlobalpingLab> {
  let current: Play = { mode: 'hang' };
  const requests: MeasurementRequest[] = [];
  const rejected: string[] = [];
  const measurements = new Map<string, { body: unknown; polls: number }>();
  const sockets = new Set<Socket>();
  let next = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  };

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const play = current;
    if (play.mode === 'hang') return;
    if (play.mode === 'rate-limited') {
      send(
        res,
        429,
        { error: { type: 'rate_limit_exceeded', message: 'API rate limit exceeded.' } },
        {
          'x-ratelimit-limit': '250',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '1200',
        },
      );
      return;
    }
    const path = req.url ?? '/';
    if (req.method === 'POST' && path === '/v1/measurements') {
      const parsed = measurementRequestSchema.safeParse(
        JSON.parse(Buffer.concat(chunks).toString('utf8')),
      );
      if (!parsed.success) {
        rejected.push(parsed.error.message);
        send(res, 400, {
          error: { type: 'validation_error', message: 'Parameter validation failed.' },
        });
        return;
      }
      requests.push(parsed.data);
      const id = `lab${++next}`;
      const inCountry = parsed.data.locations?.[0]?.country;
      const group = inCountry ? play.country : play.world;
      const type = parsed.data.type;
      // The world group also holds one probe of the user's country, which Vigie must leave out.
      const countries = inCountry
        ? Array.from({ length: group.asked }, () => inCountry)
        : [
            ...Array.from({ length: group.asked }, (_, i) => WORLD[i % WORLD.length] ?? 'FR'),
            play.countryCode,
          ];
      const results = countries.map((country, i) => ({
        probe: probeOf(country),
        result: resultOf(type, inCountry || i < group.asked ? i < group.reachable : false),
      }));
      measurements.set(id, {
        body: {
          id,
          type,
          status: 'finished',
          createdAt: '2022-10-25T07:45:00.000Z',
          updatedAt: '2022-10-25T07:45:02.000Z',
          target: parsed.data.target,
          probesCount: results.length,
          results,
        },
        polls: 0,
      });
      send(res, 202, { id, probesCount: results.length }, { location: `/v1/measurements/${id}` });
      return;
    }
    const match = /^\/v1\/measurements\/([^/?]+)$/.exec(path);
    const found = match ? measurements.get(match[1] ?? '') : undefined;
    if (req.method === 'GET' && found) {
      found.polls++;
      const body = found.body as { results: unknown[] };
      if (found.polls === 1) {
        send(res, 200, {
          ...body,
          status: 'in-progress',
          results: body.results.map((r) => ({
            ...(r as object),
            result: { status: 'in-progress', rawOutput: '' },
          })),
        });
        return;
      }
      send(res, 200, body);
      return;
    }
    send(res, 404, {
      error: { type: 'not_found', message: "Couldn't find the requested measurement." },
    });
  };

  const server = createServer((req, res) => void handler(req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    play: (play) => {
      current = play;
    },
    requests,
    rejected,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
