/**
 * The replay player: the time shown (s from the scenario start), play/pause, speed and steps. It
 * owns the only clock in the app and never feeds back into a run; the clock is injected, so tests
 * drive it frame by frame.
 */
import type { Clock } from './clock.ts';

/** Longest wall-clock gap (s) one frame may advance by: a background tab does not jump ahead. */
const MAX_FRAME_S = 0.25;

export class Player {
  /** Time shown (s from the scenario start), within [0, durationS]. */
  t = 0;
  playing = false;
  /** Simulated seconds per wall-clock second. */
  speed = 600;
  /** Length of the run being replayed (s). */
  durationS = 0;
  private handle: number | null = null;
  private lastMs: number | null = null;

  /** `onChange(t, playing)` is called after every change of time or of playing. */
  constructor(
    private readonly clock: Clock,
    private readonly onChange: (t: number, playing: boolean) => void,
  ) {}

  /** Moves to time t (clamped to the run). */
  seek(t: number): void {
    this.t = Math.max(0, Math.min(this.durationS, Number.isFinite(t) ? t : 0));
    this.onChange(this.t, this.playing);
  }

  /** Moves by `deltaS` simulated seconds. */
  step(deltaS: number): void {
    this.seek(this.t + deltaS);
  }

  play(): void {
    if (this.playing) return;
    if (this.t >= this.durationS) this.t = 0;
    this.playing = true;
    this.lastMs = null;
    this.handle = this.clock.request((ms) => this.frame(ms));
    this.onChange(this.t, true);
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    if (this.handle !== null) this.clock.cancel(this.handle);
    this.handle = null;
    this.onChange(this.t, false);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  private frame(nowMs: number): void {
    if (!this.playing) return;
    const dtS = this.lastMs === null ? 0 : Math.min(MAX_FRAME_S, (nowMs - this.lastMs) / 1000);
    this.lastMs = nowMs;
    this.t = Math.min(this.durationS, this.t + dtS * this.speed);
    if (this.t >= this.durationS) {
      this.playing = false;
      this.handle = null;
      this.onChange(this.t, false);
      return;
    }
    this.handle = this.clock.request((ms) => this.frame(ms));
    this.onChange(this.t, true);
  }
}
