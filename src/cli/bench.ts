/**
 * `linkdrill bench [--quick]` (also `npm run bench`): the engine's speed and memory beside the raw
 * simjs kernel's timer rate measured in the same run, so the ratio means something on a shared,
 * noisy machine. Each workload runs in a fresh worker thread; every figure is a median, and each
 * engine measurement sits between two raw-kernel measurements whose mean is its baseline.
 */
import { Worker } from 'node:worker_threads';
import { createSimulation } from '../engine/simulate.ts';
import { formatErrors } from '../scenario/errors.ts';
import { parse, type Io } from './args.ts';
import { loadScenarioFile } from './io.ts';
import { stressScenario } from './stress.ts';
import type { BenchJob, BenchRun } from './bench-worker.ts';
import { tsWorkerBootstrap, siblingModule } from '../worker/node-host.ts';
import { planJobs } from '../batch/plan.ts';
import { createPool } from '../batch/pool.ts';

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

/** Runs one job in a fresh worker thread (TypeScript through tsx, as in the main thread). */
function inWorker(job: BenchJob): Promise<BenchRun[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(tsWorkerBootstrap(siblingModule('bench-worker', import.meta.url)), { eval: true, workerData: job });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`bench worker exited with code ${code}`)));
  });
}

const rate = (runs: BenchRun[], pick: (r: BenchRun) => number) => median(runs.map((r) => pick(r) / r.seconds));

export async function benchCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { quick: { type: 'boolean' }, scenario: { type: 'string' } });
  const quick = values.quick === true;
  const scenarioPath = (values.scenario as string | undefined) ?? 'scenarios/default.yaml';
  const loaded = loadScenarioFile(scenarioPath);
  if (!loaded.ok) {
    io.err(formatErrors(loaded.errors));
    return 1;
  }
  const base = loaded.value;
  const runs = quick ? 3 : 5;
  const rawEvents = quick ? 1_000_000 : 2_000_000;
  const days = quick ? 5 : 30;
  const f = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const raw = () => inWorker({ kind: 'raw', runs, rawEvents }).then((r) => rate(r, (x) => x.events));

  io.out(`linkdrill bench — node ${process.version}; every figure a median of ${runs} runs in a fresh worker thread`);
  io.out('');
  const raw0 = await raw();
  const adapter = rate(await inWorker({ kind: 'adapter', runs, rawEvents }), (x) => x.events);
  const def = await inWorker({ kind: 'scenario', runs, scenarioPath });
  const defLog = await inWorker({ kind: 'scenario', runs, scenarioPath, log: true });
  const raw1 = await raw();
  const stress = await inWorker({ kind: 'stress', runs: quick ? 2 : 3, scenarioPath, days });
  const raw2 = await raw();
  const rawA = (raw0 + raw1) / 2;
  const rawB = (raw1 + raw2) / 2;
  io.out(`raw simjs kernel:          ${f(raw0)} / ${f(raw1)} / ${f(raw2)} timer events/s (Entity.setTimer → done, no model; before, between, after)`);
  io.out(`linkdrill kernel adapter:  ${f(adapter)} timer events/s (simjs's event queue, no model) → ${(adapter / rawA).toFixed(2)}× raw`);
  const dEv = rate(def, (x) => x.events);
  io.out(`default scenario (24 h):   ${f(dEv)} events/s, ${f(rate(def, (x) => x.incidents))} incidents/s → ${(dEv / rawA).toFixed(2)}× raw  (batches of 20 replications, records kept, no log)`);
  const dlEv = rate(defLog, (x) => x.events);
  io.out(`  with the event log too:  ${f(dlEv)} events/s → ${(dlEv / rawA).toFixed(2)}× raw`);
  const sEv = rate(stress, (x) => x.events);
  io.out(`stress (${days} days, 10× demand and resources, no log, no records): ${f(sEv)} events/s, ${f(rate(stress, (x) => x.incidents))} incidents/s → ${(sEv / rawB).toFixed(2)}× raw (target ≥ 0.30)`);

  // Batch throughput: replications of the default scenario on 1 and 2 worker threads.
  // Workers start and warm up (JIT, road-graph cache) before the timed replications.
  const scenarios = new Map([['baseline', base]]);
  const poolRate = async (workers: number, counts: number[]) => {
    const pool = createPool(workers);
    try {
      await pool.run(planJobs(['baseline'], 10 * workers, base.seed + 5000), scenarios, () => {});
      const out: { perS: number; seconds: number }[] = [];
      for (const n of counts) {
        const t0 = process.hrtime.bigint();
        await pool.run(planJobs(['baseline'], n, base.seed), scenarios, () => {});
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        out.push({ perS: n / seconds, seconds });
      }
      return out;
    } finally {
      await pool.close();
    }
  };
  const nReps = quick ? 60 : 200;
  const [one] = await poolRate(1, [nReps]);
  const [two, thousand] = await poolRate(2, quick ? [nReps] : [nReps, 1000]);
  const speedup = two.perS / one.perS;
  io.out(`batch, default scenario: ${one.perS.toFixed(1)} replications/s on 1 worker, ${two.perS.toFixed(1)}/s on 2 → speed-up ${speedup.toFixed(2)}× (target ≥ 1.8× on 2 cores; ${nReps} replications each): ${speedup >= 1.8 ? 'met' : 'NOT met'}`);
  if (thousand) io.out(`  1,000 replications on 2 workers: ${thousand.seconds.toFixed(1)} s`);
  else io.out(`  1,000 replications on 2 workers: about ${(1000 / two.perS).toFixed(0)} s (extrapolated; run without --quick to time it)`);

  // Memory, untimed, in this thread: live heap after each simulated day above the heap at the start.
  const scenario = stressScenario(base, days, 10);
  const heapStart = heapMiB();
  const sim = createSimulation(scenario, scenario.seed, { log: false, records: false });
  const series: number[] = [];
  for (let d = 1; d <= days; d++) {
    sim.advanceTo(d * 86400);
    series.push(heapMiB() - heapStart);
  }
  sim.finish();
  const early = series[Math.min(2, series.length - 1)];
  io.out(`  live heap above start${gc ? '' : ' (approximate: run node with --expose-gc)'}: after day ${Math.min(3, days)} ${early.toFixed(2)} MiB, after day ${days} ${series[series.length - 1].toFixed(2)} MiB, peak ${Math.max(...series).toFixed(2)} MiB`);
  // Flat means: after the first days fill the active set, the heap grows by less than 1% of a day's
  // records per further day (judged against what keeping every record costs, measured below).
  const perDayAfter = days > 3 ? (series[series.length - 1] - early) / (days - 3) : 0;
  const kept = createSimulation(scenario, scenario.seed, { log: false, records: true });
  kept.advanceTo(days * 86400);
  const keptMiB = heapMiB() - heapStart;
  io.out(`  for scale, keeping every record instead: ${keptMiB.toFixed(1)} MiB after day ${days}`);
  const flat = perDayAfter < 0.01 * (keptMiB / days);
  io.out(`  → ${flat ? 'flat' : 'NOT flat'}: ${perDayAfter >= 0 ? '+' : ''}${perDayAfter.toFixed(3)} MiB per day after day 3, against ${(keptMiB / days).toFixed(2)} MiB per day of records`);
  kept.finish();
  return 0;
}
