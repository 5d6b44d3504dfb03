/**
 * An agency's queue of unit requests that found no free unit (one per agency and unit type): a
 * binary heap keyed by (−grade, time queued, request number) — the most severe incident first, then
 * the longest waiting, then the order of requests — so that the next freed unit takes the right one
 * in O(log n). Deletion is lazy: requests of closed incidents and entries made stale by a re-grade
 * stay in the heap and are skipped when they reach the top.
 */

/** A queued request as the queue sees it. */
export interface Queued {
  /** Request number: unique and increasing, the last tie-break. */
  seq: number;
  tQueued: number;
}

interface Entry<R> {
  req: R;
  /** Grade index the entry was keyed with (0 = IV … 3 = I). */
  grade: number;
  /** False once the request was re-keyed (a newer entry stands for it). */
  current: boolean;
}

/** Is entry a ahead of entry b? */
const ahead = <R extends Queued>(a: Entry<R>, b: Entry<R>): boolean =>
  a.grade !== b.grade ? a.grade > b.grade : a.req.tQueued !== b.req.tQueued ? a.req.tQueued < b.req.tQueued : a.req.seq < b.req.seq;

export class RequestQueue<R extends Queued> {
  /** `live(r)`: is the request still wanted (its incident open)? */
  constructor(private readonly live: (r: R) => boolean) {}
  private heap: Entry<R>[] = [];
  /** The current entry of each request in the queue. */
  private entries = new Map<R, Entry<R>>();

  /** Requests waiting (live ones; stale entries not counted). */
  get size(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.current && this.live(e.req)) n++;
    return n;
  }

  /** Queues `req` at `grade`; returns its place in the queue among live requests, from 1. */
  push(req: R, grade: number): number {
    const e: Entry<R> = { req, grade, current: true };
    this.entries.set(req, e);
    this.siftUp(this.heap.push(e) - 1);
    let ahead_ = 0;
    for (const x of this.entries.values()) if (x !== e && this.live(x.req) && ahead(x, e)) ahead_++;
    return ahead_ + 1;
  }

  /** Moves a queued request to its place for a new grade (no-op when it is not queued). */
  rekey(req: R, grade: number): void {
    const old = this.entries.get(req);
    if (!old || old.grade === grade) return;
    old.current = false;
    const e: Entry<R> = { req, grade, current: true };
    this.entries.set(req, e);
    this.siftUp(this.heap.push(e) - 1);
  }

  /** Takes the first live request off the queue, or null when none waits. */
  pop(): R | null {
    while (this.heap.length > 0) {
      const top = this.heap[0];
      const last = this.heap.pop()!;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        this.siftDown(0);
      }
      if (!top.current) continue;
      this.entries.delete(top.req);
      if (this.live(top.req)) return top.req;
    }
    return null;
  }

  private siftUp(i: number): void {
    const h = this.heap;
    const e = h[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!ahead(e, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = e;
  }

  private siftDown(i: number): void {
    const h = this.heap;
    const e = h[i];
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && ahead(h[r], h[l]) ? r : l;
      if (!ahead(h[c], e)) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = e;
  }
}
