/**
 * `linkdrill bench [--quick]` (also `npm run bench`): the engine's speed and memory, each figure
 * beside the raw simjs kernel's timer rate measured in the same run, so the ratio means something on
 * a shared, noisy machine. Every timing is the median of several runs.
 */
import { createSimulation, simulate } from '../engine/simulate.ts';
import { adapterTimerWorkload, rawTimerWorkload } from '../engine/kernel.ts';
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

  const adapter: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const n = adapterTimerWorkload(rawEvents);
    adapter.push(n / seconds(t0));
  }
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
  io.out(`raw simjs kernel:           ${f(raw)} timer events/s (Entity.setTimer → done, no model)`);
  io.out(`linkdrill kernel adapter:   ${f(median(adapter))} timer events/s (simjs's queue, no model) → ${(median(adapter) / raw).toFixed(2)}× raw`);
  io.out(`default scenario (24 h):    ${f(median(defEv))} events/s, ${f(median(defInc))} incidents/s  → ${(median(defEv) / raw).toFixed(2)}× raw`);
  io.out(`  with event log and CSV records kept: ${f(median(defLogEv))} events/s → ${(median(defLogEv) / raw).toFixed(2)}× raw`);

  const days = quick ? 5 : 30;
  const stress = stressScenario(base, days, 10);
  const stressRuns = quick ? 2 : 3;
  // Warm the JIT and the road graph's path cache on the stress workload before timing it.
  simulate(stress, stress.seed + 99, { log: false, records: false });
  // Each timed run sits between two raw-kernel measurements; the figure is the median of the
  // per-run ratios, so a burst of load on the shared machine moves both sides alike.
  const ratios: number[] = [];
  const sEv: number[] = [];
  const sInc: number[] = [];
  for (let r = 0; r < stressRuns; r++) {
    const before = rawRate();
    const t0 = process.hrtime.bigint();
    const res = simulate(stress, stress.seed + r, { log: false, records: false });
    const dt = seconds(t0);
    const after = rawRate();
    sEv.push(res.counts.kernelEvents / dt);
    sInc.push(res.counts.incidents / dt);
    ratios.push(res.counts.kernelEvents / dt / ((before + after) / 2));
  }
  io.out(`stress (${days} days, 10× demand and resources, no log): ${f(median(sEv))} events/s, ${f(median(sInc))} incidents/s → ${median(ratios).toFixed(2)}× raw (target ≥ 0.30; per run: ${ratios.map((x) => x.toFixed(2)).join(', ')})`);

  // Memory, in a separate untimed pass: heap after each simulated day, above the heap at the start.
  const heapStart = heapMiB();
  const sim = createSimulation(stress, stress.seed, { log: false, records: false });
  const series: number[] = [];
  for (let d = 1; d <= days; d++) {
    sim.advanceTo(d * 86400);
    series.push(heapMiB() - heapStart);
  }
  sim.finish();
  const early = series[Math.min(2, series.length - 1)];
  const late = series[series.length - 1];
  io.out(`  live heap above start, after day ${Math.min(3, days)}: ${early.toFixed(2)} MiB; after day ${days}: ${late.toFixed(2)} MiB; peak ${Math.max(...series).toFixed(2)} MiB`);
  io.out(`  (flat: memory follows what is active — open incidents, queues, units — not the history)`);
  const withRecords = createSimulation(stress, stress.seed, { log: false, records: true });
  withRecords.advanceTo(days * 86400);
  io.out(`  for scale, keeping every record instead: ${(heapMiB() - heapStart).toFixed(1)} MiB after day ${days}`);
  withRecords.finish();
  io.out(`  process rss ${f(process.memoryUsage().rss / 2 ** 20)} MiB`);
  return 0;
}
