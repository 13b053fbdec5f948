// History stores states, causes and probe codes by their position in three lists: a value moved or
// removed would make every history already on disk read wrong. These are the positions version 1
// wrote; a new value may only be added at the end.
import { describe, expect, it } from 'vitest';
import {
  CODES,
  decodeRaw,
  encodeRaw,
  intact,
  RECORD_SIZE,
  STATES,
} from '../../../../main/history/format';
import type { ProbeCode } from '../../../../shared/types';

const V1_STATES = ['up', 'degraded', 'down', 'maintenance', 'unknown'];
const V1_CODES = [
  'DNS_SERVFAIL',
  'DNS_NXDOMAIN',
  'DNS_TIMEOUT',
  'TIMEOUT',
  'CONN_REFUSED',
  'CONN_RESET',
  'TLS_ERROR',
  'CERT_EXPIRING',
  'HTTP_STATUS',
  'SLOW',
  'TOO_LARGE',
  'BAD_PAYLOAD',
];
const AT = Date.UTC(2021, 9, 4, 15, 40);

describe('the stored lists', () => {
  it('keep version 1 positions: new values only at the end', () => {
    expect(STATES.slice(0, V1_STATES.length)).toEqual(V1_STATES);
    expect(CODES.slice(0, V1_CODES.length)).toEqual(V1_CODES);
    // A raw record holds the codes as a 16-bit mask.
    expect(CODES.length).toBeLessThanOrEqual(16);
  });

  it('a record written with version 1 bits reads back the same codes and cause', () => {
    const buffer = Buffer.alloc(RECORD_SIZE.raw);
    const codes: ProbeCode[] = ['DNS_SERVFAIL', 'HTTP_STATUS', 'BAD_PAYLOAD'];
    encodeRaw(
      { service: 3, at: AT, state: 'down', cause: 'regional', latencyMs: -1, bytes: 512, codes },
      buffer,
      0,
    );
    // Bits 0, 8 and 11: the v1 positions of those codes; cause 'regional' is 5, state 'down' 2.
    expect(buffer.readUInt16LE(24)).toBe((1 << 0) | (1 << 8) | (1 << 11));
    expect(buffer.readUInt8(6)).toBe(2);
    expect(buffer.readUInt8(7)).toBe(5);
    expect(intact(buffer, 0, RECORD_SIZE.raw)).toBe(true);
    expect(decodeRaw(buffer, 0)).toMatchObject({ state: 'down', cause: 'regional', codes });
  });

  it('a code the lists do not know (a newer Vigie) is left out, never a failed write', () => {
    const buffer = Buffer.alloc(RECORD_SIZE.raw);
    const codes = ['TIMEOUT', 'QUIC_BLOCKED'] as unknown as ProbeCode[];
    expect(() =>
      encodeRaw(
        { service: 1, at: AT, state: 'down', cause: 'network', latencyMs: -1, bytes: 0, codes },
        buffer,
        0,
      ),
    ).not.toThrow();
    expect(decodeRaw(buffer, 0).codes).toEqual(['TIMEOUT']);
  });
});
