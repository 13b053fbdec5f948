// In memory, each service's records of one kind live in one growable buffer sorted by time, so
// a range is found by binary search and decoded on demand: no full scan, little memory.
import {
  decodeRaw,
  decodeRollup,
  encodeRaw,
  encodeRollup,
  type RawSample,
  type Rollup,
} from './format';
import { mergeRollups } from './rollup';

abstract class Series<T> {
  private buffer: Buffer;
  private length = 0;

  constructor(private readonly size: number) {
    this.buffer = Buffer.alloc(size * 64);
  }

  /** Both record kinds keep their time (a sample's `at`, a bucket's `start`) at byte 8. */
  private timeAt(buffer: Buffer, offset: number): number {
    return buffer.readDoubleLE(offset + 8);
  }
  protected abstract encode(value: T, buffer: Buffer, offset: number): void;
  protected abstract decode(buffer: Buffer, offset: number): T;
  protected abstract merge(existing: T, added: T): T | null;

  get count(): number {
    return this.length;
  }

  /** Adds a record, in time order (late records, from a clock that went back, are inserted). */
  add(value: T, time: number): void {
    const index = this.lowerBound(time);
    if (index < this.length && this.timeAt(this.buffer, index * this.size) === time) {
      const merged = this.merge(this.decode(this.buffer, index * this.size), value);
      if (merged) {
        this.encode(merged, this.buffer, index * this.size);
        return;
      }
    }
    this.grow();
    if (index < this.length) {
      this.buffer.copy(
        this.buffer,
        (index + 1) * this.size,
        index * this.size,
        this.length * this.size,
      );
    }
    this.encode(value, this.buffer, index * this.size);
    this.length++;
  }

  /** Makes room for `more` records at once (loading), so the buffer does not double past need. */
  reserve(more: number): void {
    const needed = (this.length + more) * this.size;
    if (needed <= this.buffer.length) return;
    const bigger = Buffer.alloc(needed);
    this.buffer.copy(bigger, 0, 0, this.length * this.size);
    this.buffer = bigger;
  }

  /** Adds a record already in this series' binary layout (loading); in order it is a plain copy. */
  addBytes(source: Buffer, offset: number): void {
    const time = this.timeAt(source, offset);
    const lastTime =
      this.length > 0 ? this.timeAt(this.buffer, (this.length - 1) * this.size) : -Infinity;
    if (time <= lastTime) {
      this.add(this.decode(source, offset), time);
      return;
    }
    this.grow();
    source.copy(this.buffer, this.length * this.size, offset, offset + this.size);
    this.length++;
  }

  /**
   * Puts `older` (records all before this series' first) in front of this series' records: the
   * archive read on demand joins what was loaded at start and recorded since.
   */
  prependOlder(older: Series<T>): void {
    if (older.size !== this.size) throw new Error('series of different record sizes');
    const needed = (older.length + this.length) * this.size;
    // The archive was read with room for these records: no second copy of it is made.
    if (older.buffer.length < needed) older.reserve(this.length);
    this.buffer.copy(older.buffer, older.length * this.size, 0, this.length * this.size);
    this.buffer = older.buffer;
    this.length += older.length;
    older.buffer = Buffer.alloc(0);
    older.length = 0;
  }

  /** Records with from <= time < to. */
  range(from: number, to: number): T[] {
    const out: T[] = [];
    for (let i = this.lowerBound(from); i < this.length; i++) {
      if (this.timeAt(this.buffer, i * this.size) >= to) break;
      out.push(this.decode(this.buffer, i * this.size));
    }
    return out;
  }

  /** The last record, if any. */
  last(): T | undefined {
    return this.length > 0 ? this.decode(this.buffer, (this.length - 1) * this.size) : undefined;
  }

  /** Drops records older than `before`. */
  dropBefore(before: number): void {
    const index = this.lowerBound(before);
    if (index === 0) return;
    this.buffer.copy(this.buffer, 0, index * this.size, this.length * this.size);
    this.length -= index;
    // Give memory back when most of the buffer is now empty.
    if (this.length * this.size * 4 < this.buffer.length && this.buffer.length > 64 * this.size) {
      const smaller = Buffer.alloc(Math.max(64, this.length * 2) * this.size);
      this.buffer.copy(smaller, 0, 0, this.length * this.size);
      this.buffer = smaller;
    }
  }

  private lowerBound(time: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(this.buffer, mid * this.size) < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    if ((this.length + 1) * this.size <= this.buffer.length) return;
    // A quarter more (at least 64 records): a series sized exactly at load does not double its
    // memory with the first record, and appends stay amortised.
    const records = Math.max(this.length + 64, Math.ceil(this.length * 1.25));
    const bigger = Buffer.alloc(records * this.size);
    this.buffer.copy(bigger, 0, 0, this.length * this.size);
    this.buffer = bigger;
  }
}

/** A service's raw samples. */
export class RawSeries extends Series<RawSample> {
  constructor() {
    super(32);
  }
  protected encode(value: RawSample, buffer: Buffer, offset: number): void {
    encodeRaw(value, buffer, offset);
  }
  protected decode(buffer: Buffer, offset: number): RawSample {
    return decodeRaw(buffer, offset);
  }
  protected merge(): null {
    return null;
  }
}

/** A service's rollups of one resolution; two rollups of the same bucket are merged. */
export class RollupSeries extends Series<Rollup> {
  constructor() {
    super(48);
  }
  protected encode(value: Rollup, buffer: Buffer, offset: number): void {
    encodeRollup(value, buffer, offset);
  }
  protected decode(buffer: Buffer, offset: number): Rollup {
    return decodeRollup(buffer, offset);
  }
  protected merge(existing: Rollup, added: Rollup): Rollup {
    return mergeRollups(existing, added);
  }
}
