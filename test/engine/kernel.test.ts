import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKernel, Simjs } from '../../src/engine/kernel.ts';
import { adapterTimerWorkload, rawMmcWorkload, rawTimerWorkload } from '../../src/engine/baselines.ts';

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

  it('call runs a step with its arguments, in the same order as after would, and can be cancelled', () => {
    const k = createKernel();
    const log: string[] = [];
    const step = (who: string, n: number, c?: string) => log.push(`${who}${n}${c ?? ''}@${k.now()}`);
    k.call(5, step, 'a', 1);
    k.after(5, () => {
      log.push(`b@${k.now()}`);
      k.call(0, step, 'c', 3, '!');
      k.after(0, () => log.push(`d@${k.now()}`));
    });
    k.call(2, step, 'e', 5);
    k.call(3, step, 'never', 0).cancel();
    expect(() => k.call(-1, step, 'x', 0)).toThrow(RangeError);
    k.advanceTo(10);
    expect(log).toEqual(['e5@2', 'a1@5', 'b@5', 'c3!@5', 'd@5']);
    expect(k.delivered()).toBe(5);
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

  it('zero-delay steps run exactly where a single time-and-insertion-ordered queue puts them, cancelled ones skipped', () => {
    // Each fired event follows one step of a script: schedule children (delays often 0), cancel a pending timer.
    const step = fc.record({ delays: fc.array(fc.constantFrom(0, 0, 0, 1, 2.5), { maxLength: 3 }), cancel: fc.option(fc.nat(50), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 0, 1, 3), { minLength: 1, maxLength: 5 }), fc.array(step, { maxLength: 60 }), (roots, script) => {
        const run = (after: (delayS: number, fn: () => void) => { cancel(): void }, drain: () => void) => {
          const fired: string[] = [];
          const pending: { cancel(): void }[] = [];
          let n = 0;
          const event = (name: string) => () => {
            fired.push(name);
            const s = script[n++];
            if (!s) return;
            s.delays.forEach((d, i) => pending.push(after(d, event(`${name}.${i}`))));
            if (s.cancel !== undefined && pending.length > 0) pending[s.cancel % pending.length].cancel();
          };
          roots.forEach((d, i) => pending.push(after(d, event(`r${i}`))));
          drain();
          return fired;
        };
        const k = createKernel();
        const viaKernel = run((d, fn) => k.after(d, fn), () => k.advanceTo(Infinity));
        // The reference: one list, the earliest (time, insertion number) first.
        let now = 0;
        let order = 0;
        const queue: { at: number; order: number; fn: () => void; cancelled: boolean }[] = [];
        const reference = run(
          (d, fn) => {
            const e = { at: now + d, order: order++, fn, cancelled: false };
            queue.push(e);
            return { cancel: () => void (e.cancelled = true) };
          },
          () => {
            for (;;) {
              const live = queue.filter((e) => !e.cancelled);
              if (live.length === 0) return;
              const e = live.reduce((a, b) => (b.at < a.at || (b.at === a.at && b.order < a.order) ? b : a));
              e.cancelled = true;
              now = e.at;
              e.fn();
            }
          },
        );
        expect(viaKernel).toEqual(reference);
        expect(k.delivered()).toBe(reference.length);
      }),
      { numRuns: 300 },
    );
  });

  it('the benchmark workloads run exactly the events or customers asked for', () => {
    expect(rawTimerWorkload(5000, 10)).toBe(5000);
    expect(adapterTimerWorkload(5000, 10)).toBe(5000);
    expect(rawMmcWorkload(3000, 5, 240 / 3600, 60)).toBe(3000);
  });
});
