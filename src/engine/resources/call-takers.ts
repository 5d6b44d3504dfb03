/**
 * The center's call-taker positions (接警坐席) as a resource: a number of positions staffed now, how
 * many are busy, and one first-come-first-served line of callers waiting for a free position. Callers
 * who hang up stay in the line marked `gone` and are skipped when their turn comes (lazy deletion),
 * so hanging up costs O(1). With exponential handling and no abandonment this is Erlang C's M/M/c.
 */

/** What waits in the line: anything that can be marked as gone (hung up). */
export interface Waiting {
  gone: boolean;
}

export class CallTakers<C extends Waiting> {
  /** Positions staffed in the current hour. */
  staffed = 0;
  /** Positions busy with a call now. */
  busy = 0;
  private line: C[] = [];
  private head = 0;

  /** Callers in the line, those who hung up but have not reached the front yet included. */
  get waiting(): number {
    return this.line.length - this.head;
  }

  /** Callers in the line who are still holding (a count for views; O(line)). */
  holding(): number {
    let n = 0;
    for (let i = this.head; i < this.line.length; i++) if (!this.line[i].gone) n++;
    return n;
  }

  /**
   * A caller asks for a position: true when one is free and nobody waits ahead (the position is
   * taken); false when the caller joins the line.
   */
  request(call: C): boolean {
    if (this.busy < this.staffed && this.waiting === 0) {
      this.busy++;
      return true;
    }
    this.line.push(call);
    return false;
  }

  /** A position finishes its call. */
  release(): void {
    this.busy--;
  }

  /** The next caller still on the line when a position is free (the position is taken), else null. */
  next(): C | null {
    while (this.busy < this.staffed && this.head < this.line.length) {
      const call = this.line[this.head++];
      if (call.gone) continue;
      this.busy++;
      this.compact();
      return call;
    }
    this.compact();
    return null;
  }

  /** Drops the served part of the line now and then, so memory follows the queue, not history. */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.line.length) {
      this.line = this.line.slice(this.head);
      this.head = 0;
    }
  }
}
