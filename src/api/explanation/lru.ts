/**
 * A least-recently-used map of bounded size: a Map keeps insertion order, so a hit is moved to the
 * end and the first key is the one to evict.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    /** Entries kept at most. */
    readonly capacity: number,
  ) {
    if (!(Number.isInteger(capacity) && capacity > 0)) {
      throw new RangeError(`invalid LRU capacity: ${capacity}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as K);
    }
  }
}
