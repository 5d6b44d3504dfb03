/**
 * An agency's queue of unit requests that found no free unit (one per agency and unit type): a
 * binary heap keyed by (−grade, time queued, request number) — the most severe incident first, then
 * the longest waiting, then the order of requests — so that the next freed unit takes the right one
 * in O(log n). Deletion is lazy: requests of closed incidents (`forget`) and entries made stale by a
 * re-grade stay in the heap and are skipped when they reach the top. A request joins at the back of
 * its grade (time only moves forward), so its place in the queue comes from a count per grade in
 * O(1), not from a scan of every waiting request (a queue that only grows would make that quadratic).
 */

import { TurnoverMap } from '../turnover.ts';

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
  /** False once the request was re-keyed (a newer entry stands for it), popped or forgotten. */
  current: boolean;
  /** Counted among the live requests of its grade (the request was live when queued). */
  counted: boolean;
}

/** Is entry a ahead of entry b? */
const ahead = <R extends Queued>(a: Entry<R>, b: Entry<R>): boolean =>
  a.grade !== b.grade ? a.grade > b.grade : a.req.tQueued !== b.req.tQueued ? a.req.tQueued < b.req.tQueued : a.req.seq < b.req.seq;

export class RequestQueue<R extends Queued> {
  /** `live(r)`: is the request still wanted (its incident open)? Closed ones are also `forget`-ten. */
  constructor(private readonly live: (r: R) => boolean) {}
  private heap: Entry<R>[] = [];
  /** The current entry of each request in the queue. */
  private entries = new TurnoverMap<R, Entry<R>>();
  /** Current entries by grade (index), live ones only. */
  private byGrade: number[] = [];
  /** Current entries of requests queued at `lastT`, the latest time a request joined. */
  private sameTime: Entry<R>[] = [];
  private lastT = -Infinity;

  /** Requests waiting (live ones; stale entries not counted). */
  get size(): number {
    let n = 0;
    for (const c of this.byGrade) n += c ?? 0;
    return n;
  }

  /** Leaves `e` out of the counts (once). */
  private uncount(e: Entry<R>): void {
    if (!e.counted) return;
    e.counted = false;
    this.byGrade[e.grade]--;
  }

  /**
   * Queues `req` at `grade` (its `tQueued` is now, no earlier than any request queued before);
   * returns its place in the queue among live requests, from 1.
   */
  push(req: R, grade: number): number {
    // Ahead of it: every higher grade, and its own grade but for requests that joined at this very
    // time with a later request number.
    let ahead_ = 0;
    for (let g = grade; g < this.byGrade.length; g++) ahead_ += this.byGrade[g] ?? 0;
    if (req.tQueued !== this.lastT) {
      this.lastT = req.tQueued;
      this.sameTime = [];
    }
    for (const x of this.sameTime) if (x.counted && x.grade === grade && x.req.seq > req.seq) ahead_--;
    const e: Entry<R> = { req, grade, current: true, counted: this.live(req) };
    if (e.counted) this.byGrade[grade] = (this.byGrade[grade] ?? 0) + 1;
    this.entries.set(req, e);
    this.sameTime.push(e);
    this.siftUp(this.heap.push(e) - 1);
    return ahead_ + 1;
  }

  /** Moves a queued request to its place for a new grade (no-op when it is not queued). */
  rekey(req: R, grade: number): void {
    const old = this.entries.get(req);
    if (!old || old.grade === grade) return;
    old.current = false;
    const e: Entry<R> = { req, grade, current: true, counted: old.counted };
    if (old.counted) {
      this.byGrade[old.grade]--;
      this.byGrade[grade] = (this.byGrade[grade] ?? 0) + 1;
    }
    old.counted = false;
    this.entries.set(req, e);
    if (req.tQueued === this.lastT) this.sameTime.push(e);
    this.siftUp(this.heap.push(e) - 1);
  }

  /** A queued request is no longer wanted (its incident closed): it leaves the counts at once. */
  forget(req: R): void {
    const e = this.entries.get(req);
    if (!e) return;
    e.current = false;
    this.entries.delete(req);
    this.uncount(e);
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
      top.current = false;
      this.entries.delete(top.req);
      this.uncount(top);
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
