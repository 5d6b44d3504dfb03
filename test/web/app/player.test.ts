import { describe, expect, it } from 'vitest';
import { Player } from '../../../web/app/player.ts';
import { TestClock } from '../../../web/app/clock.ts';

function setup(durationS = 3600) {
  const clock = new TestClock();
  const seen: [number, boolean][] = [];
  const p = new Player(clock, (t, playing) => seen.push([t, playing]));
  p.durationS = durationS;
  return { clock, p, seen };
}

describe('replay player on an injected clock', () => {
  it('advances by wall time × speed per frame, from the second frame on', () => {
    const { clock, p } = setup();
    p.speed = 600;
    p.play();
    clock.step(16); // first frame: no previous frame, no advance
    expect(p.t).toBe(0);
    clock.step(100); // 0.1 s of wall time at 600×
    expect(p.t).toBeCloseTo(60, 9);
    clock.step(50);
    expect(p.t).toBeCloseTo(90, 9);
  });

  it('a long gap between frames (background tab) advances at most a quarter second of wall time', () => {
    const { clock, p } = setup();
    p.speed = 10;
    p.play();
    clock.step(16);
    clock.step(10_000);
    expect(p.t).toBeCloseTo(2.5, 9);
  });

  it('pausing stops asking for frames, and time stands still', () => {
    const { clock, p } = setup();
    p.play();
    clock.step(16);
    clock.step(100);
    p.pause();
    const t = p.t;
    expect(clock.waiting).toBe(0);
    clock.step(1000);
    expect(p.t).toBe(t);
    expect(p.playing).toBe(false);
  });

  it('stops at the end of the run and says so', () => {
    const { clock, p, seen } = setup(100);
    p.speed = 3600;
    p.play();
    clock.step(16);
    clock.step(200);
    expect(p.t).toBe(100);
    expect(p.playing).toBe(false);
    expect(seen.at(-1)).toEqual([100, false]);
    expect(clock.waiting).toBe(0);
  });

  it('seek and step clamp to the run; playing again from the end starts over', () => {
    const { p } = setup(100);
    p.seek(-5);
    expect(p.t).toBe(0);
    p.step(1000);
    expect(p.t).toBe(100);
    p.seek(Number.NaN);
    expect(p.t).toBe(0);
    p.seek(100);
    p.play();
    expect(p.t).toBe(0);
  });
});
