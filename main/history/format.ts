// The on-disk record formats of the history, version 1. Fixed-size binary records, each guarded by
// a CRC-32, in day segment files: appends are one write, loads are one read, and a torn or corrupt
// record is found and skipped without losing its neighbours.
import type { Cause, ProbeCode, VerdictState } from '../../shared/types';
import { crc32 } from './crc32';

/** Every segment starts with this header: magic, format version, record kind and size. */
export const MAGIC = 'VGH1';
export const HEADER_SIZE = 16;

export type SegmentKind = 'raw' | 'r5m' | 'r1h';

export const RECORD_SIZE: Readonly<Record<SegmentKind, number>> = { raw: 32, r5m: 48, r1h: 48 };
const KIND_CODE: Readonly<Record<SegmentKind, number>> = { raw: 1, r5m: 2, r1h: 3 };

// The three lists below are stored by position: APPEND ONLY. A value moved or removed would make
// every history already on disk read wrong; test/unit/main/history/format-lists.test.ts pins the
// order, and the checks after them make a value missing from a list a compile error.
export const STATES = ['up', 'degraded', 'down', 'maintenance', 'unknown'] as const;
const CAUSES = [null, 'provider', 'network', 'local', 'unconfirmed', 'regional'] as const;
export const CODES = [
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
] as const;

/** True when the list holds every value of T (else the constant below does not compile). */
type Covers<T, List extends readonly unknown[]> = [Exclude<T, List[number]>] extends [never]
  ? true
  : { missing: Exclude<T, List[number]> };
const statesCovered: Covers<VerdictState, typeof STATES> = true;
const causesCovered: Covers<Cause, typeof CAUSES> = true;
const codesCovered: Covers<ProbeCode, typeof CODES> = true;
// The codes are a 16-bit mask in a raw record: a 17th code needs a new record format.
const codesFit: (typeof CODES)['length'] extends
  0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16
  ? true
  : never = true;
void [statesCovered, causesCovered, codesCovered, codesFit];

/** The stored position of a value; a value the list lacks (impossible once compiled) is `fallback`. */
function positionIn<T>(list: readonly T[], value: T, fallback: number): number {
  const at = list.indexOf(value);
  return at < 0 ? fallback : at;
}

/** One service's verdict at one cycle, as stored. */
export interface RawSample {
  readonly service: number;
  readonly at: number;
  readonly state: VerdictState;
  readonly cause: Cause;
  /** Slowest passing direct probe, ms; -1 when none passed. */
  readonly latencyMs: number;
  readonly bytes: number;
  readonly codes: readonly ProbeCode[];
}

/** A rollup over a 5-minute or 1-hour bucket. */
export interface Rollup {
  readonly service: number;
  readonly start: number;
  /** Samples per state, in STATES order. */
  readonly counts: readonly [number, number, number, number, number];
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly bytes: number;
  /** The time of the last sample counted (so a rebuild after a crash can tell what is counted). */
  readonly lastAt: number;
}

/** The segment header for a kind. */
export function header(kind: SegmentKind): Buffer {
  const buffer = Buffer.alloc(HEADER_SIZE);
  buffer.write(MAGIC, 0, 'ascii');
  buffer.writeUInt16LE(1, 4);
  buffer.writeUInt8(KIND_CODE[kind], 6);
  buffer.writeUInt16LE(RECORD_SIZE[kind], 8);
  return buffer;
}

/** Whether a buffer starts with a valid header of this kind. */
export function headerMatches(buffer: Buffer, kind: SegmentKind): boolean {
  return (
    buffer.length >= HEADER_SIZE &&
    buffer.toString('ascii', 0, 4) === MAGIC &&
    buffer.readUInt16LE(4) === 1 &&
    buffer.readUInt8(6) === KIND_CODE[kind] &&
    buffer.readUInt16LE(8) === RECORD_SIZE[kind]
  );
}

/** Whether `buffer` is a header cut short: a new day's file whose making a crash stopped. */
export function headerCut(buffer: Buffer, kind: SegmentKind): boolean {
  return buffer.length < HEADER_SIZE && buffer.equals(header(kind).subarray(0, buffer.length));
}

function seal(buffer: Buffer, offset: number, size: number): void {
  buffer.writeUInt32LE(crc32(buffer, offset + 4, offset + size), offset);
}

/** Whether the record at `offset` is intact. */
export function intact(buffer: Buffer, offset: number, size: number): boolean {
  return buffer.readUInt32LE(offset) === crc32(buffer, offset + 4, offset + size);
}

/** Writes a raw sample at `offset` (32 bytes). */
export function encodeRaw(sample: RawSample, buffer: Buffer, offset: number): void {
  buffer.writeUInt16LE(sample.service, offset + 4);
  buffer.writeUInt8(positionIn(STATES, sample.state, STATES.indexOf('unknown')), offset + 6);
  buffer.writeUInt8(positionIn(CAUSES, sample.cause, 0), offset + 7);
  buffer.writeDoubleLE(sample.at, offset + 8);
  buffer.writeFloatLE(sample.latencyMs, offset + 16);
  buffer.writeUInt32LE(Math.min(0xffffffff, Math.max(0, Math.round(sample.bytes))), offset + 20);
  let mask = 0;
  // A code the list lacks is left out, never a negative shift that would make the write throw.
  for (const code of sample.codes) if (CODES.includes(code)) mask |= 1 << CODES.indexOf(code);
  buffer.writeUInt16LE(mask, offset + 24);
  buffer.fill(0, offset + 26, offset + 32);
  seal(buffer, offset, RECORD_SIZE.raw);
}

/** Reads the raw sample at `offset` (the caller checked it is intact). */
export function decodeRaw(buffer: Buffer, offset: number): RawSample {
  const mask = buffer.readUInt16LE(offset + 24);
  return {
    service: buffer.readUInt16LE(offset + 4),
    state: STATES[buffer.readUInt8(offset + 6)] ?? 'unknown',
    cause: CAUSES[buffer.readUInt8(offset + 7)] ?? null,
    at: buffer.readDoubleLE(offset + 8),
    latencyMs: buffer.readFloatLE(offset + 16),
    bytes: buffer.readUInt32LE(offset + 20),
    codes: CODES.filter((_, i) => mask & (1 << i)),
  };
}

/** Writes a rollup at `offset` (48 bytes). */
export function encodeRollup(rollup: Rollup, buffer: Buffer, offset: number): void {
  buffer.fill(0, offset, offset + RECORD_SIZE.r5m);
  buffer.writeUInt16LE(rollup.service, offset + 4);
  buffer.writeDoubleLE(rollup.start, offset + 8);
  rollup.counts.forEach((count, i) =>
    buffer.writeUInt16LE(Math.min(0xffff, count), offset + 16 + i * 2),
  );
  buffer.writeFloatLE(rollup.p50, offset + 28);
  buffer.writeFloatLE(rollup.p95, offset + 32);
  buffer.writeFloatLE(rollup.max, offset + 36);
  buffer.writeUInt32LE(Math.min(0xffffffff, Math.max(0, Math.round(rollup.bytes))), offset + 40);
  buffer.writeUInt32LE(
    Math.min(0xffffffff, Math.max(0, Math.round(rollup.lastAt - rollup.start))),
    offset + 44,
  );
  seal(buffer, offset, RECORD_SIZE.r5m);
}

/** Reads the rollup at `offset` (the caller checked it is intact). */
export function decodeRollup(buffer: Buffer, offset: number): Rollup {
  const count = (i: number) => buffer.readUInt16LE(offset + 16 + i * 2);
  const start = buffer.readDoubleLE(offset + 8);
  return {
    service: buffer.readUInt16LE(offset + 4),
    start,
    counts: [count(0), count(1), count(2), count(3), count(4)],
    p50: buffer.readFloatLE(offset + 28),
    p95: buffer.readFloatLE(offset + 32),
    max: buffer.readFloatLE(offset + 36),
    bytes: buffer.readUInt32LE(offset + 40),
    lastAt: start + buffer.readUInt32LE(offset + 44),
  };
}
