import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSimulation, simulate } from '../../src/engine/simulate.ts';
import { eventsCsv } from '../../src/report/csv.ts';
import { loadFile } from '../helpers.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('determinism', () => {
  const small = loadFile('test/fixtures/small.yaml');
  const def = loadFile('scenarios/default.yaml');

  it('same scenario and seed give identical events.csv bytes', () => {
    const a = eventsCsv(1, simulate(def, 42).log);
    const b = eventsCsv(1, simulate(def, 42).log);
    expect(a.length).toBeGreaterThan(10_000);
    expect(sha(a)).toBe(sha(b));
  });

  it('different seeds give different logs', () => {
    expect(sha(eventsCsv(1, simulate(small, 1).log))).not.toBe(sha(eventsCsv(1, simulate(small, 2).log)));
  });

  it('seed 0 is a valid seed of its own', () => {
    const zero = eventsCsv(1, simulate(small, 0).log);
    expect(zero).not.toBe(eventsCsv(1, simulate(small, 1).log));
    expect(zero).toBe(eventsCsv(1, simulate(small, 0).log));
  });

  it('a run advanced in many small steps gives the same log as one run to the end', () => {
    const whole = eventsCsv(1, simulate(def, 7).log);
    const sim = createSimulation(def, 7);
    // Uneven steps, some landing exactly on event times, some between.
    for (let t = 0; t < def.durationS; t += 37.5) sim.advanceTo(t);
    const stepped = eventsCsv(1, sim.finish().log);
    expect(stepped).toBe(whole);
  });

  it('stepping to the time of each next event one at a time loses nothing', () => {
    const whole = simulate(small, 3).log;
    const seen: number[] = [];
    const s2 = createSimulation(small, 3, { onEvent: (e) => seen.push(e.t) });
    for (let k = 0; k < 20_000; k++) {
      const before = seen.length;
      const next = before < whole.length ? whole[before].t : small.durationS;
      s2.advanceTo(next);
      if (next >= small.durationS) break;
    }
    expect(s2.finish().log.map((e) => e.seq)).toEqual(whole.map((e) => e.seq));
    expect(seen).toEqual(whole.map((e) => e.t));
  });

  it('golden hash of the default scenario’s event log (seed 20260615)', () => {
    const csv = eventsCsv(1, simulate(def).log);
    // Update deliberately, when the model changes on purpose: `npx vitest run -u`.
    expect(sha(csv)).toMatchInlineSnapshot(`"172e6bf227a4fb77db3e232583dd82103dfeb7f910240f460a036bdac4e85d52"`);
  });
});
