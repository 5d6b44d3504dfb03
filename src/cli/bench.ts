/**
 * `linkdrill bench [--quick]` (also `npm run bench`): the engine's speed and memory, each figure
 * beside the raw simjs kernel's timer rate measured in the same run, so the ratio means something on
 * a shared, noisy machine. Every timing is the median of several runs.
 */
import { createSimulation, simulate } from '../engine/simulate.ts';
import { rawTimerWorkload } from '../engine/kernel.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { formatErrors } from '../scenario/errors.ts';
import { parse } from './args.ts';
import { loadScenarioFile } from './io.ts';

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const gc = (globalThis as { gc?: () => void }).gc;
const heapMiB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** The default scenario scaled to `days` days with `factor`× demand, units and call-takers. */
export function stressScenario(base: Scenario, days: number, factor: number): Scenario {
  const units = base.units.flatMap((u) => Array.from({ length: factor }, (_, k) => ({ ...u, id: `${u.id}#${k + 1}` })));
  return {
    ...base,
    name: `${base.name}-stress`,
    durationS: days * 86400,
    units,
    center: { ...base.center, callTakers: base.center.callTakers.map((c) => c * factor) },
    demand: {
      background: base.demand.background.map((b) => ({ ...b, ratePerDay: b.ratePerDay * factor })),
      // Scripted events repeat daily in the stress run.
      fixed: Array.from({ length: days }, (_, d) => base.demand.fixed.map((f) => ({ ...f, t: f.t + d * 86400 }))).flat(),
    },
  };
}

export async function benchCommand(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const { values } = parse(argv, { quick: { type: 'boolean' }, scenario: { type: 'string' } });
  const quick = values.quick === true;
  const path = (values.scenario as string | undefined) ?? 'scenarios/default.yaml';
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) {
    io.err(formatErrors(loaded.errors));
    return 1;
  }
  const base = loaded.value;
  const runs = quick ? 3 : 5;
  const rawEvents = quick ? 1_000_000 : 3_000_000;
  const rawRate = () => {
    const t0 = process.hrtime.bigint();
    const n = rawTimerWorkload(rawEvents);
    return n / seconds(t0);
  };
  const f = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

  io.out(`linkdrill bench — node ${process.version}, ${runs} runs each, medians${gc ? '' : ' (run with --expose-gc for exact heap figures)'}`);
  // Warm up the JIT on both workloads before measuring.
  rawTimerWorkload(200_000);
  simulate(base, base.seed, { log: false });

  const raw1: number[] = [];
  const defEv: number[] = [];
  const defInc: number[] = [];
  const defLogEv: number[] = [];
  for (let r = 0; r < runs; r++) {
    raw1.push(rawRate());
    let t0 = process.hrtime.bigint();
    const res = simulate(base, base.seed + r, { log: false });
    let dt = seconds(t0);
    defEv.push(res.counts.kernelEvents / dt);
    defInc.push(res.counts.incidents / dt);
    t0 = process.hrtime.bigint();
    const withLog = simulate(base, base.seed + r);
    dt = seconds(t0);
    defLogEv.push(withLog.counts.kernelEvents / dt);
  }
  const raw = median(raw1);
  io.out('');
  io.out(`raw simjs kernel:           ${f(raw)} timer events/s`);
  io.out(`default scenario (24 h):    ${f(median(defEv))} events/s, ${f(median(defInc))} incidents/s  → ${(median(defEv) / raw).toFixed(2)}× raw`);
  io.out(`  with event log and CSV records kept: ${f(median(defLogEv))} events/s → ${(median(defLogEv) / raw).toFixed(2)}× raw`);

  const days = quick ? 5 : 30;
  const stress = stressScenario(base, days, 10);
  const stressRuns = quick ? 1 : 3;
  const sEv: number[] = [];
  const sInc: number[] = [];
  const sRaw: number[] = [];
  let heapSeries: number[] = [];
  for (let r = 0; r < stressRuns; r++) {
    sRaw.push(rawRate());
    const heapStart = heapMiB();
    const sim = createSimulation(stress, stress.seed + r, { log: false, records: false });
    const series: number[] = [];
    let busy = 0;
    for (let d = 1; d <= days; d++) {
      const t0 = process.hrtime.bigint();
      sim.advanceTo(d * 86400);
      busy += seconds(t0);
      series.push(heapMiB() - heapStart);
    }
    const t0 = process.hrtime.bigint();
    const res = sim.finish();
    busy += seconds(t0);
    sEv.push(res.counts.kernelEvents / busy);
    sInc.push(res.counts.incidents / busy);
    heapSeries = series;
  }
  const sRate = median(sEv);
  const rawS = median(sRaw);
  io.out(`stress (${days} days, 10× demand and resources, no log): ${f(sRate)} events/s, ${f(median(sInc))} incidents/s → ${(sRate / rawS).toFixed(2)}× raw (target ≥ 0.30)`);
  const early = heapSeries[Math.min(2, heapSeries.length - 1)];
  const late = heapSeries[heapSeries.length - 1];
  io.out(`  heap above start, after day ${Math.min(3, days)}: ${early.toFixed(1)} MiB; after day ${days}: ${late.toFixed(1)} MiB; peak ${Math.max(...heapSeries).toFixed(1)} MiB (flat = memory follows what is active, not history)`);
  io.out(`  rss ${f(process.memoryUsage().rss / 2 ** 20)} MiB`);
  return 0;
}
