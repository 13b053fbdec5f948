// What a channel's answer means for the next attempt (main/alerts/http-post.ts): accepted, wait
// what a 429 asks (within bounds), broken for good until the user fixes it, or retried later; and
// a network failure said in words that name the host only, never the address with its secret.
import { describe, expect, it } from 'vitest';
import { ProbeFailure } from '../../../../main/engine/net/errors';
import type { HttpClient, HttpRequest } from '../../../../main/engine/net/http-client';
import { jsonOf, outcomeOfStatus, post, waitOf } from '../../../../main/alerts/http-post';
import { REAL_START as OUTAGE_START } from '../../../helpers/clock';

const HOST = 'hooks.slack.com';

describe('the retry class of an answer', () => {
  it.each([
    [199, 'retry'],
    [200, 'accepted'],
    [204, 'accepted'],
    [299, 'accepted'],
    [300, 'retry'],
    [302, 'retry'],
    [400, 'broken'],
    [401, 'broken'],
    [402, 'retry'],
    [403, 'broken'],
    [404, 'broken'],
    [405, 'retry'],
    [410, 'broken'],
    [418, 'retry'],
    [429, 'wait'],
    [500, 'retry'],
    [502, 'retry'],
  ])('HTTP %i: %s', (status, kind) => {
    expect(outcomeOfStatus(status, HOST, () => 30_000).kind).toBe(kind);
  });

  it('says why in words the user reads, with the host and the status', () => {
    const values = { host: HOST, status: 0 };
    const reason = (status: number) =>
      (outcomeOfStatus(status, HOST, () => 30_000) as { reason?: unknown }).reason;
    expect(reason(400)).toEqual({
      key: 'alerts.reasonRefused',
      values: { ...values, status: 400 },
    });
    expect(reason(401)).toEqual({
      key: 'alerts.reasonUnauthorized',
      values: { ...values, status: 401 },
    });
    expect(reason(403)).toEqual({
      key: 'alerts.reasonUnauthorized',
      values: { ...values, status: 403 },
    });
    expect(reason(404)).toEqual({ key: 'alerts.reasonGone', values: { ...values, status: 404 } });
    expect(reason(410)).toEqual({ key: 'alerts.reasonGone', values: { ...values, status: 410 } });
    expect(reason(503)).toEqual({
      key: 'alerts.reasonServerError',
      values: { ...values, status: 503 },
    });
    expect(reason(200)).toBeUndefined();
  });

  it('a 429 waits what the server asked, said in seconds', () => {
    expect(outcomeOfStatus(429, HOST, () => 90_400)).toEqual({
      kind: 'wait',
      afterMs: 90_400,
      reason: { key: 'alerts.reasonRateLimited', values: { host: HOST, seconds: 90 } },
    });
  });

  it('asks for the wait only on a 429', () => {
    let asked = 0;
    const waitMs = () => {
      asked++;
      return 1000;
    };
    for (const status of [200, 400, 500]) outcomeOfStatus(status, HOST, waitMs);
    expect(asked).toBe(0);
  });
});

describe('the wait a 429 asks for', () => {
  it.each([
    ['120', 120_000],
    ['1.5', 1_500],
    ['0', 1_000],
    ['0.2', 1_000],
    ['-5', 1_000],
    ['3600', 3_600_000],
    ['7200', 3_600_000],
  ])('Retry-After: %s waits %i ms (at least a second, at most an hour)', (header, ms) => {
    expect(waitOf({ 'retry-after': header }, undefined, OUTAGE_START)).toBe(ms);
  });

  it('reads an HTTP date, and a date already past waits a second', () => {
    const later = new Date(OUTAGE_START + 45_000).toUTCString();
    expect(waitOf({ 'retry-after': later }, undefined, OUTAGE_START)).toBe(45_000);
    const past = new Date(OUTAGE_START - 45_000).toUTCString();
    expect(waitOf({ 'retry-after': past }, undefined, OUTAGE_START)).toBe(1_000);
  });

  it("takes the body's retry_after when the header says nothing it can read", () => {
    expect(waitOf({}, 7, OUTAGE_START)).toBe(7_000);
    expect(waitOf({ 'retry-after': 'soon' }, 7, OUTAGE_START)).toBe(7_000);
    // The header wins when both are there.
    expect(waitOf({ 'retry-after': '3' }, 7, OUTAGE_START)).toBe(3_000);
  });

  it('waits a minute when nothing says how long', () => {
    expect(waitOf({}, undefined, OUTAGE_START)).toBe(60_000);
    expect(waitOf({ 'retry-after': 'soon' }, undefined, OUTAGE_START)).toBe(60_000);
    expect(waitOf({}, Number.NaN, OUTAGE_START)).toBe(60_000);
  });
});

/** An HTTP client that answers or fails as told, and keeps what it was asked. */
function client(answer: () => Promise<{ status: number; body: string }>) {
  const asked: HttpRequest[] = [];
  const http: HttpClient = {
    async request(req) {
      asked.push(req);
      const { status, body } = await answer();
      return {
        status,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(body),
        bytes: body.length,
        url: req.url,
        redirects: 0,
        latencyMs: 3,
      };
    },
    close: () => Promise.resolve(),
  };
  return { http, asked };
}

describe('one POST to a channel', () => {
  it('posts once, without following a redirect, within its deadline, and reads the answer', async () => {
    const { http, asked } = client(() => Promise.resolve({ status: 200, body: '{"ok":true}' }));
    const result = await post(http, `https://${HOST}/services/T0/B0/x`, { a: 'b' }, 'hi', HOST);
    expect(result).toEqual({
      kind: 'answer',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}',
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      method: 'POST',
      headers: { a: 'b' },
      body: 'hi',
      timeoutMs: 15_000,
      maxRedirects: 0,
      maxBytes: 64 * 1024,
    });
    expect(asked[0]?.signal).toBeUndefined();
    const stop = new AbortController();
    await post(http, `https://${HOST}/x`, {}, '', HOST, stop.signal);
    expect(asked[1]?.signal).toBe(stop.signal);
  });

  it.each([
    ['DNS_NXDOMAIN', 'alerts.reasonNetDns'],
    ['DNS_SERVFAIL', 'alerts.reasonNetDns'],
    ['DNS_TIMEOUT', 'alerts.reasonNetDns'],
    ['TIMEOUT', 'alerts.reasonNetTimeout'],
    ['CONN_REFUSED', 'alerts.reasonNetRefused'],
    ['TLS_ERROR', 'alerts.reasonNetTls'],
    ['CONN_RESET', 'alerts.reasonNetOther'],
  ] as const)(
    'a %s before any answer is "%s", naming the host, never the address',
    async (code, key) => {
      const { http } = client(() =>
        Promise.reject(new ProbeFailure(code, 'the address with its secret')),
      );
      const result = await post(http, `https://${HOST}/services/T0/B0/secret`, {}, '', HOST);
      expect(result).toEqual({ kind: 'failed', reason: { key, values: { host: HOST } } });
    },
  );

  it('an error that is not a probe failure is "other"', async () => {
    const { http } = client(() => Promise.reject(new Error('socket hang up')));
    expect(await post(http, `https://${HOST}/x`, {}, '', HOST)).toEqual({
      kind: 'failed',
      reason: { key: 'alerts.reasonNetOther', values: { host: HOST } },
    });
  });
});

describe('an answer read as JSON', () => {
  it('is the value, or nothing when it is not JSON', () => {
    expect(jsonOf('{"ok":false,"error_code":403}')).toEqual({ ok: false, error_code: 403 });
    expect(jsonOf('<html>Bad gateway</html>')).toBeUndefined();
    expect(jsonOf('')).toBeUndefined();
  });
});
