/**
 * What building a scenario and its variants can share: a variant changes a few paths, yet every
 * build would read and parse the same road network, check the same places against it and validate
 * the same unchanged parts. A {@link BuildCache} lives for one load (a scenario with its variants)
 * and remembers the results of pure steps under a key that holds their whole input — the exact
 * input value, a side file's full text, or an object the cache itself handed out — so a change a
 * variant makes can never be answered from a stale entry.
 */
import type { ReadFile } from './files.ts';

/** Results of pure steps of one load, by a key that holds all of their input. */
export class BuildCache {
  private readonly byKey = new Map<string, unknown>();
  private readonly byObject = new WeakMap<object, Map<string, unknown>>();
  private readonly files = new Map<string, ReturnType<ReadFile>>();

  /** `compute()`, or what it returned before for the same `key`. */
  memo<T>(key: string, compute: () => T): T {
    if (this.byKey.has(key)) return this.byKey.get(key) as T;
    const v = compute();
    this.byKey.set(key, v);
    return v;
  }

  /** `compute()`, or what it returned before for the same object (compared by identity) and `key`. */
  memoOn<T>(obj: object, key: string, compute: () => T): T {
    let m = this.byObject.get(obj);
    if (!m) this.byObject.set(obj, (m = new Map()));
    if (m.has(key)) return m.get(key) as T;
    const v = compute();
    m.set(key, v);
    return v;
  }

  /** `readFile` reading each file once per load (a variant sees the same file its base saw). */
  reader(readFile: ReadFile): ReadFile {
    return (rel) => {
      if (this.files.has(rel)) return this.files.get(rel)!;
      const r = readFile(rel);
      this.files.set(rel, r);
      return r;
    };
  }
}

/**
 * A text that tells apart every two plain-data values that differ in anything a parser could see —
 * types, key order, -0, NaN, `undefined` and holes included — or `undefined` for a value it does not
 * describe (a class instance, a function, one nested too deeply, an object met twice — YAML aliases,
 * whose text could grow exponentially): such a value is never cached.
 */
export function inputKey(v: unknown): string | undefined {
  try {
    return keyOf(v, new Set());
  } catch {
    return undefined;
  }
}

class NotPlain extends Error {}

function keyOf(v: unknown, seen: Set<object>): string {
  switch (typeof v) {
    case 'number':
      return Object.is(v, -0) ? 'n-0' : `n${v}`;
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'object': {
      if (v === null) return 'z';
      if (seen.has(v)) throw new NotPlain();
      seen.add(v);
      if (Array.isArray(v)) {
        let s = '[';
        for (let i = 0; i < v.length; i++) s += (i in v ? keyOf(v[i], seen) : 'h') + ',';
        return s + ']';
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new NotPlain();
      if (Object.getOwnPropertySymbols(v).length) throw new NotPlain();
      let s = proto === null ? '<' : '{';
      for (const k of Object.keys(v)) s += `${JSON.stringify(k)}:${keyOf((v as Record<string, unknown>)[k], seen)},`;
      return s + '}';
    }
    default:
      throw new NotPlain();
  }
}
