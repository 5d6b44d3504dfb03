/**
 * One in-process benchmark measurement in a worker thread of its own, so each workload gets a fresh
 * JIT and heap (the raw simjs baselines and the engine would otherwise slow each other by sharing
 * simjs's queue code with objects of two shapes). Posts back the timed runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { adapterTimerWorkload, rawMmcWorkload, rawTimerWorkload } from '../engine/baselines.ts';
import { simulate } from '../engine/simulate.ts';
import { eventsOnly, replicationOnly } from './bench-floor.ts';
import { loadScenarioFile } from './io.ts';
import { pageFaults } from './bench-memory.ts';

/**
 * What to measure: simjs's timers or M/M/c, the kernel adapter's timers, a scenario's replications,
 * or the least a run of a scenario does — its first replication, cold, keeping no records and
 * writing only `events.csv` (to `out`), or nothing at all (`out` null).
 */
export type BenchJob =
  | { kind: 'raw-timers'; runs: number; events: number }
  | { kind: 'adapter-timers'; runs: number; events: number }
  | { kind: 'raw-mmc'; runs: number; customers: number; servers: number; ratePerS: number; meanServiceS: number }
  | { kind: 'scenario'; runs: number; scenarioPath: string; perRun: number; warmup: number; records?: boolean }
  | { kind: 'events-only'; scenarioPath: string; out: string | null };

/** One timed run: seconds, its page faults, and what it did (timer events, customers, or the replications' counts). */
export interface BenchRun {
  seconds: number;
  faults: number;
  events: number;
  customers: number;
  incidents: number;
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

function loadScenario(path: string) {
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.en}`).join('; '));
  return loaded.value;
}

function measure(job: BenchJob): BenchRun[] {
  const out: BenchRun[] = [];
  const timed = (f: () => Omit<BenchRun, 'seconds' | 'faults'>) => {
    const f0 = pageFaults();
    const t0 = process.hrtime.bigint();
    const r = f();
    out.push({ seconds: seconds(t0), faults: pageFaults() - f0, ...r });
  };
  if (job.kind === 'raw-timers' || job.kind === 'adapter-timers') {
    const work = job.kind === 'raw-timers' ? rawTimerWorkload : adapterTimerWorkload;
    work(Math.min(200_000, job.events));
    for (let r = 0; r < job.runs; r++) timed(() => ({ events: work(job.events), customers: 0, incidents: 0 }));
    return out;
  }
  if (job.kind === 'raw-mmc') {
    rawMmcWorkload(Math.min(20_000, job.customers), job.servers, job.ratePerS, job.meanServiceS);
    for (let r = 0; r < job.runs; r++) timed(() => ({ events: 0, customers: rawMmcWorkload(job.customers, job.servers, job.ratePerS, job.meanServiceS), incidents: 0 }));
    return out;
  }
  if (job.kind === 'events-only') {
    timed(() => {
      const scenario = loadScenario(job.scenarioPath);
      const res = job.out === null ? replicationOnly(scenario) : eventsOnly(scenario, job.out);
      return { events: res.kernelEvents, customers: res.calls, incidents: res.incidents };
    });
    return out;
  }
  const sc = job;
  const scenario = loadScenario(sc.scenarioPath);
  // As a batch runs them: records kept (unless the job says not), no event log. Warm-up replications
  // first, so the JIT has settled.
  const options = { log: false, records: sc.records ?? true };
  for (let k = 0; k < sc.warmup; k++) simulate(scenario, scenario.seed + 10_000 + k, options);
  for (let r = 0; r < sc.runs; r++) {
    timed(() => {
      const sum = { events: 0, customers: 0, incidents: 0 };
      for (let k = 0; k < sc.perRun; k++) {
        const res = simulate(scenario, scenario.seed + r * sc.perRun + k, options);
        sum.events += res.counts.kernelEvents;
        sum.customers += res.counts.calls;
        sum.incidents += res.counts.incidents;
      }
      return sum;
    });
  }
  return out;
}

parentPort?.postMessage(measure(workerData as BenchJob));
