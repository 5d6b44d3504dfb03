/**
 * A Map and a Set for keys that come and go by the thousand in a run — open incidents, live calls,
 * queued requests — each copied into a fresh Map or Set as its keys turn over.
 *
 * Why: V8 gives a Map or Set a new hash table as it grows, shrinks or clears out deleted keys. When
 * the table in use is in the old generation, the new one is allocated there too, and the table it
 * replaces keeps its entries. Old-generation objects are freed only by a full collection, so every
 * replaced table stays until then, and each minor collection treats the tables' pointers to young
 * objects — incidents, calls, their records and timers, long finished — as live. A table reaches
 * the old generation when a full collection promotes what is alive, which a long run's records make
 * happen; from then on every later table is old. A copy (`new Map(map)`) is allocated young, so the
 * tables after it can die young again.
 *
 * Renewal comes only with `set` or `add`. A loop may delete keys while iterating if it inserts none
 * (the engine's loops over these insert none); one that inserts may find itself walking a replaced
 * copy, which misses keys inserted after the renewal and still holds keys deleted after it. Copies
 * keep insertion order.
 */

/** Calls of `set` or `add` between renewals: at least this many, and at least as many as the keys held. */
const RENEW_EVERY = 1024;

/** Counts the `set`s or `add`s since the last copy, and says when the next is due. */
class Renewal {
  private since = 0;

  /** One more insertion into a Map or Set of `size` keys: whether to copy it now (counting afresh). */
  due(size: number): boolean {
    if (++this.since < RENEW_EVERY || this.since < size) return false;
    this.since = 0;
    return true;
  }
}

/** A `Map` (the part the engine uses), copied afresh once it has had {@link RENEW_EVERY} `set`s, and as many as it holds, since the last copy. */
export class TurnoverMap<K, V> {
  private map = new Map<K, V>();
  private readonly renewal = new Renewal();

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): this {
    if (this.renewal.due(this.map.size)) this.map = new Map(this.map);
    this.map.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }
}

/** A `Set` (the part the engine uses), copied afresh once it has had {@link RENEW_EVERY} `add`s, and as many as it holds, since the last copy. */
export class TurnoverSet<T> {
  private set = new Set<T>();
  private readonly renewal = new Renewal();

  get size(): number {
    return this.set.size;
  }

  has(value: T): boolean {
    return this.set.has(value);
  }

  add(value: T): this {
    if (this.renewal.due(this.set.size)) this.set = new Set(this.set);
    this.set.add(value);
    return this;
  }

  delete(value: T): boolean {
    return this.set.delete(value);
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.set.values();
  }
}
