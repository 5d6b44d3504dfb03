/**
 * Fixed-preference dispatch with exponential busy times is Larson's hypercube queueing model. Unit
 * workloads and the fraction of dispatches from each unit to each zone must agree with the model's
 * exact solution, for the loss case (calls finding every unit busy go to outside backup) and with an
 * infinite FCFS queue. Tolerances: 99.9% t-intervals over independent replications.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { solveHypercube } from '../../src/metrics/queueing.ts';
import { replicationInterval, tQuantile } from '../../src/metrics/stats.ts';
import { hypercubeScenario } from './helpers.ts';

const REPS = 12;
const HOURS = 400;
const WARMUP_S = 10 * 3600;
const zoneRatesPerHour = [1.6, 1.0, 0.8];
const meanServiceS = 1800;
const preference = [
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
];

function measure(mode: 'loss' | 'queue') {
  const scenario = hypercubeScenario({ zoneRatesPerHour, meanServiceS, preference, mode, hours: HOURS });
  const end = scenario.durationS;
  const window = end - WARMUP_S;
  const workloads: number[][] = [[], [], []];
  const fractions: number[][][] = preference.map(() => zoneRatesPerHour.map(() => []));
  let dispatches = 0;
  for (let rep = 0; rep < REPS; rep++) {
    const { records } = simulate(scenario, 500 + rep, { log: false });
    const zoneOf = new Map(records.incidents.map((i) => [i.incidentId, Number(i.zone.slice(1))]));
    const busy = [0, 0, 0];
    const count = preference.map(() => zoneRatesPerHour.map(() => 0));
    let n = 0;
    for (const d of records.dispatches) {
      const i = Number(d.unitId.slice(1));
      const a = Math.max(WARMUP_S, d.tAlert ?? d.tOrder);
      const b = Math.min(end, d.tAvailable ?? end);
      if (b > a) busy[i] += b - a;
      if ((d.tAlert ?? Infinity) >= WARMUP_S) {
        count[i][zoneOf.get(d.incidentId)!]++;
        n++;
      }
    }
    dispatches += n;
    busy.forEach((s, i) => workloads[i].push(s / window));
    count.forEach((row, i) => row.forEach((c, j) => fractions[i][j].push(c / n)));
  }
  return { workloads, fractions, dispatches };
}

describe("dispatch agrees with Larson's hypercube model", () => {
  for (const mode of ['loss', 'queue'] as const) {
    it(`${mode} case: unit workloads and unit→zone dispatch fractions within the 99.9% interval`, () => {
      const theory = solveHypercube({ lambdaPerS: zoneRatesPerHour.map((r) => r / 3600), muPerS: 1 / meanServiceS, preference, mode });
      const { workloads, fractions, dispatches } = measure(mode);
      expect(dispatches).toBeGreaterThan(REPS * 1000);
      const scale = tQuantile(0.9995, REPS - 1) / tQuantile(0.975, REPS - 1);
      workloads.forEach((xs, i) => {
        const r = replicationInterval(xs);
        expect(Math.abs(r.mean - theory.workload[i]), `workload of unit ${i}`).toBeLessThan(scale * r.halfWidth);
        expect(scale * r.halfWidth).toBeLessThan(0.04);
      });
      fractions.forEach((row, i) =>
        row.forEach((xs, j) => {
          const r = replicationInterval(xs);
          expect(Math.abs(r.mean - theory.dispatchFraction[i][j]), `f[${i}][${j}]`).toBeLessThan(scale * r.halfWidth);
        }),
      );
    });
  }
});
