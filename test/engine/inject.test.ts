import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulate.ts';
import { loadFile } from '../helpers.ts';

describe('injection at the current time', () => {
  const small = loadFile('test/fixtures/small.yaml');

  it('an injected incident happens at the current time and runs its chain', () => {
    const sim = createSimulation(small, 5);
    sim.advanceTo(3000);
    const id = sim.inject({ kind: 'incident', type: 'fire', zone: 'Z1', grade: 'III' })!;
    const { records, log } = sim.finish();
    const inc = records.incidents.find((i) => i.incidentId === id)!;
    expect(inc.tOccur).toBe(3000);
    expect(inc.gradeTrue).toBe('III');
    expect(inc.tFirstArrival).not.toBeNull();
    expect(log.some((e) => e.kind === 'inject' && e.t === 3000)).toBe(true);
  });

  it('a unit taken out of service is never dispatched until put back', () => {
    const sim = createSimulation(small, 5);
    sim.inject({ kind: 'unitOutOfService', unit: 'E-1' });
    sim.advanceTo(3 * 3600);
    sim.inject({ kind: 'unitInService', unit: 'E-1' });
    const { records } = sim.finish();
    const e1 = records.dispatches.filter((d) => d.unitId === 'E-1');
    expect(e1.length).toBeGreaterThan(0);
    expect(e1.every((d) => d.tOrder >= 3 * 3600)).toBe(true);
    // …while E-2 worked all along.
    expect(records.dispatches.some((d) => d.unitId === 'E-2' && d.tOrder < 3 * 3600)).toBe(true);
  });

  it('bad injections are refused with a message', () => {
    const sim = createSimulation(small, 5);
    expect(() => sim.inject({ kind: 'incident', type: 'nope', zone: 'Z1' })).toThrow(/unknown incident type "nope"/);
    expect(() => sim.inject({ kind: 'unitOutOfService', unit: 'X9' })).toThrow(/unknown unit "X9"/);
  });
});
