import { describe, expect, it } from 'vitest';
import { adapterTimerWorkload, createKernel, rawTimerWorkload, Simjs } from '../../src/engine/kernel.ts';

describe('kernel over simjs', () => {
  it('loads simjs without leaving a global window behind', () => {
    expect(typeof Simjs.Sim).toBe('function');
    expect('window' in globalThis).toBe(false);
  });

  it('runs events in time order, ties in scheduling order, and skips cancelled ones', () => {
    const k = createKernel();
    const log: string[] = [];
    k.after(5, () => log.push(`a@${k.now()}`));
    k.after(5, () => {
      log.push(`b@${k.now()}`);
      k.after(0, () => log.push(`c@${k.now()}`));
    });
    k.after(2, () => log.push(`d@${k.now()}`));
    k.after(3, () => log.push('never')).cancel();
    k.advanceTo(10);
    expect(log).toEqual(['d@2', 'a@5', 'b@5', 'c@5']);
    expect(k.delivered()).toBe(4);
    expect(k.now()).toBe(10);
  });

  it('advanceTo stops at the boundary without losing the next event (unlike simjs simulate)', () => {
    const k = createKernel();
    const seen: number[] = [];
    for (const t of [1, 2, 3, 4]) k.after(t, () => seen.push(t));
    k.advanceTo(2.5);
    expect(seen).toEqual([1, 2]);
    expect(k.now()).toBe(2.5);
    expect(k.nextTime()).toBe(3);
    k.advanceTo(3); // an event exactly at the boundary runs
    expect(seen).toEqual([1, 2, 3]);
    k.advanceTo(100);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(k.nextTime()).toBe(Infinity);
  });

  it('nextTime skips cancelled timers at the head', () => {
    const k = createKernel();
    k.after(1, () => {}).cancel();
    k.after(2, () => {});
    expect(k.nextTime()).toBe(2);
  });

  it('refuses negative or non-finite delays', () => {
    const k = createKernel();
    expect(() => k.after(-1, () => {})).toThrow(RangeError);
    expect(() => k.after(NaN, () => {})).toThrow(RangeError);
  });

  it('the benchmark workloads run exactly the events asked for', () => {
    expect(rawTimerWorkload(5000, 10)).toBe(5000);
    expect(adapterTimerWorkload(5000, 10)).toBe(5000);
  });
});
