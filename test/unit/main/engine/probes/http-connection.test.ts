// An http probe keeps its connection for the next check, unless it rests longer than a connection
// is kept (the catalog's HTTPS requests rest an hour): then it gives it back at once, so 150 idle
// TLS connections do not hold memory for nothing.
import { describe, expect, it } from 'vitest';
import { probeSchema } from '../../../../../shared/config-schema';
import type { HttpClient, HttpRequest } from '../../../../../main/engine/net/http-client';
import { runHttpProbe } from '../../../../../main/engine/probes/http';
import { REAL_START } from '../../../../helpers/clock';

/** An HTTP client that answers 200 at once and remembers what it was asked. */
function recordingClient(): { http: HttpClient; asked: HttpRequest[] } {
  const asked: HttpRequest[] = [];
  const http: HttpClient = {
    request: (req) => {
      asked.push(req);
      return Promise.resolve({
        status: 200,
        headers: {},
        body: Buffer.alloc(0),
        bytes: 100,
        url: req.url,
        redirects: 0,
        latencyMs: 5,
      });
    },
    close: () => Promise.resolve(),
  };
  return { http, asked };
}

describe('an http probe and its connection', () => {
  it.each([
    [undefined, true],
    [60, true],
    [600, false],
    [3600, false],
  ])('resting %s s, keeps its connection: %s', async (everySeconds, kept) => {
    const probe = probeSchema.parse({
      kind: 'http',
      url: 'https://web.whatsapp.com/',
      ...(everySeconds !== undefined ? { everySeconds } : {}),
    });
    if (probe.kind !== 'http') throw new Error('not an http probe');
    const { http, asked } = recordingClient();
    const answer = await runHttpProbe(probe, { http, now: () => REAL_START });
    expect(answer.state).toBe('up');
    expect(asked[0]?.keepConnection).toBe(kept);
  });
});
