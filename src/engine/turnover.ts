/**
 * A Map and a Set for keys that come and go by the thousand in a run — open incidents, live calls,
 * queued requests — each renewed (copied into a fresh Map or Set) as its keys turn over.
 *
 * Why: a Map or Set that has deleted many keys gets a new hash table from V8, and V8 points the old
 * table at the new one (iterators already under way follow that pointer); the old table keeps its
 * entries. While the tables are young this costs nothing. But a full collection promotes whatever is
 * alive to the old generation, the table in use included, and a long run's records make full
 * collections happen. From then on each table is held by the one before it, through every scavenge,
 * with all its entries reach (incidents, calls, their records and timers), until the next full
 * collection promotes the table then in use and the chain starts again. In a 600-hour calls-only
 * replication that kept some 40% of everything allocated alive past each scavenge and made the
 * replication about three times slower. A fresh copy is not pointed to by the old table: the chain
 * ends at each renewal.
 *
 * Renewal comes at an insertion, never at a deletion, so keys may be deleted while iterating; a key
 * inserted while iterating may go unvisited (the engine inserts none). Copies keep insertion order.
 */

/** Insertions between renewals: at least this many, and at least as many as the keys held. */
const RENEW_EVERY = 1024;

export class TurnoverMap<K, V> {
  private map = new Map<K, V>();
  private inserted = 0;

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
    if (++this.inserted >= RENEW_EVERY && this.inserted >= this.map.size) {
      this.map = new Map(this.map);
      this.inserted = 0;
    }
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

export class TurnoverSet<T> {
  private set = new Set<T>();
  private inserted = 0;

  get size(): number {
    return this.set.size;
  }

  has(value: T): boolean {
    return this.set.has(value);
  }

  add(value: T): this {
    if (++this.inserted >= RENEW_EVERY && this.inserted >= this.set.size) {
      this.set = new Set(this.set);
      this.inserted = 0;
    }
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
