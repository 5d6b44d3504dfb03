/** Builders of minimal scenarios whose behaviour has a closed form. */
import { buildScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';

export function mustBuild(input: unknown): Scenario {
  const r = buildScenario(input, 'test');
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.en}`).join('\n'));
  return r.value;
}

/**
 * Call-takers as M/M/c: Poisson calls at `ratePerHour`, exponential handling with mean `meanHandleS`,
 * `c` positions, no abandonment, and no units (the center settles every call by phone).
 */
export function mmcScenario(c: number, ratePerHour: number, meanHandleS: number, hours: number): Scenario {
  return mustBuild({
    start: '2026-01-01T00:00:00+08:00',
    duration: hours * 3600,
    zones: [{ id: 'Z', population: 1, lon: 120, lat: 30 }],
    agencies: [{ id: 'A', kind: 'ems' }],
    stations: [{ id: 'S', lon: 120, lat: 30 }],
    units: [{ id: 'U', agency: 'A', type: 't', station: 'S' }],
    center: { callTakers: c, answerTime: 0, handlingTime: { dist: 'exponential', mean: meanHandleS }, verificationTime: 0, planTime: 0 },
    incidentTypes: [{ id: 'call', callers: { count: 1, delay: 0 } }],
    plans: [{ type: 'call', response: [] }],
    demand: { background: [{ type: 'call', ratePerDay: ratePerHour * 24, zones: 'uniform' }] },
  });
}

/**
 * Fixed-preference dispatch for Larson's hypercube model: one unit per station, zone j prefers the
 * stations in `preference[j]` order (through tiny matrix travel times), exponential on-scene time,
 * every other delay zero.
 */
export function hypercubeScenario(opts: {
  zoneRatesPerHour: number[];
  meanServiceS: number;
  preference: number[][];
  mode: 'loss' | 'queue';
  hours: number;
}): Scenario {
  const N = opts.preference[0].length;
  const zones = opts.zoneRatesPerHour.map((_, j) => ({ id: `Z${j}`, population: 1, lon: 120 + j * 0.01, lat: 30 }));
  const stations = Array.from({ length: N }, (_, i) => ({ id: `S${i}`, lon: 120 + i * 0.01, lat: 30.01 }));
  const matrix: Record<string, Record<string, number>> = {};
  opts.preference.forEach((pref, j) => {
    matrix[`Z${j}`] = {};
    // Travel of a millisecond or so: it fixes the order of preference and adds nothing measurable.
    pref.forEach((i, rank) => (matrix[`Z${j}`][`S${i}`] = 0.001 * (rank + 1)));
  });
  const total = opts.zoneRatesPerHour.reduce((a, b) => a + b, 0);
  return mustBuild({
    start: '2026-01-01T00:00:00+08:00',
    duration: opts.hours * 3600,
    zones,
    travel: { model: 'matrix', matrix, emergencyFactor: 1 },
    agencies: [{ id: 'A', kind: 'fire', channels: { platform: 0 }, alertDelay: 0 }],
    stations,
    units: stations.map((s, i) => ({ id: `U${i}`, agency: 'A', type: 'engine', station: s.id, turnout: 0 })),
    center: { callTakers: 100, answerTime: 0, handlingTime: 0, verificationTime: 0, planTime: 0 },
    incidentTypes: [{ id: 'x', callers: { count: 1, delay: 0 }, workTime: { dist: 'exponential', mean: opts.meanServiceS } }],
    plans: [{ type: 'x', response: [{ agency: 'A', unitType: 'engine' }] }],
    dispatch: { whenNoneFree: opts.mode === 'loss' ? 'lose' : 'queue' },
    demand: {
      background: [
        {
          type: 'x',
          ratePerDay: total * 24,
          zones: Object.fromEntries(opts.zoneRatesPerHour.map((r, j) => [`Z${j}`, r])),
        },
      ],
    },
  });
}
