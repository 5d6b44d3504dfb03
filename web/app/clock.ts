/**
 * The player's clock, injectable (as Excalibur's `Clock` / `TestClock`): the browser's animation
 * frames in the app, a clock stepped by hand in tests, so playback is testable without a browser.
 */

/** A source of frames: `request` calls back once, on the next frame, with the frame's time (ms). */
export interface Clock {
  request(onFrame: (nowMs: number) => void): number;
  cancel(handle: number): void;
}

/** Frames from `requestAnimationFrame` (the only wall clock the app reads). */
export class AnimationFrameClock implements Clock {
  request(onFrame: (nowMs: number) => void): number {
    return requestAnimationFrame(onFrame);
  }
  cancel(handle: number): void {
    cancelAnimationFrame(handle);
  }
}

/** A clock that moves only when told: `step(ms)` runs the frames asked for, at the new time. */
export class TestClock implements Clock {
  private pending = new Map<number, (nowMs: number) => void>();
  private next = 1;
  /** Current time (ms), from 0. */
  nowMs = 0;

  request(onFrame: (nowMs: number) => void): number {
    const id = this.next++;
    this.pending.set(id, onFrame);
    return id;
  }
  cancel(handle: number): void {
    this.pending.delete(handle);
  }
  /** Advances by `ms` and runs the callbacks that were waiting (those they ask for wait for the next step). */
  step(ms: number): void {
    this.nowMs += ms;
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const f of due) f(this.nowMs);
  }
  /** Frames waiting for the next step. */
  get waiting(): number {
    return this.pending.size;
  }
}
