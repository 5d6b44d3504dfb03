import type { Scenario } from '../scenario/scenario.ts';

/**
 * The benchmark's stress scenario: `base` run for `days` days with `factor`× demand, units and
 * call-takers (a system `factor` times larger, so it stays stable rather than queueing forever).
 * Scripted incidents repeat daily.
 */
export function stressScenario(base: Scenario, days: number, factor: number): Scenario {
  const units = base.units.flatMap((u) => Array.from({ length: factor }, (_, k) => ({ ...u, id: `${u.id}#${k + 1}` })));
  return {
    ...base,
    name: `${base.name}-stress`,
    durationS: days * 86400,
    units,
    center: { ...base.center, callTakers: base.center.callTakers.map((c) => c * factor), nonEmergencyTakers: base.center.nonEmergencyTakers?.map((c) => c * factor) ?? null },
    demand: {
      background: base.demand.background.map((b) => ({ ...b, ratePerDay: b.ratePerDay * factor })),
      nonEmergency: base.demand.nonEmergency.map((n) => ({ ...n, ratePerDay: n.ratePerDay * factor })),
      fixed: Array.from({ length: days }, (_, d) => base.demand.fixed.map((f) => ({ ...f, t: f.t + d * 86400 }))).flat(),
    },
  };
}
