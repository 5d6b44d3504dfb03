/**
 * The first few of a long stream, kept as they arrive: what a stable sort's first `k` would be,
 * without sorting (or even holding) the rest.
 */

/**
 * Puts `item` into `top` — at most `k` items, in the order of `before` (negative: `a` comes first)
 * — after every item it does not come before, and drops what falls past `k`: fed a stream, `top`
 * stays the first `k` of the stream's stable sort.
 */
export function keepFirst<T>(top: T[], item: T, k: number, before: (a: T, b: T) => number): void {
  if (top.length >= k && before(top[top.length - 1], item) <= 0) return;
  let p = top.length;
  while (p > 0 && before(top[p - 1], item) > 0) p--;
  top.splice(p, 0, item);
  if (top.length > k) top.pop();
}
