/**
 * One benchmark measurement in a worker thread of its own, so each workload gets a fresh JIT and
 * heap (the raw simjs baseline and the engine would otherwise slow each other by sharing simjs's
 * queue code with objects of two shapes). Posts back the timed runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { adapterTimerWorkload, rawTimerWorkload } from '../engine/baselines.ts';
import { simulate } from '../engine/simulate.ts';
import { loadScenarioFile } from './io.ts';
import { stressScenario } from './stress.ts';

export interface BenchJob {
  kind: 'raw' | 'adapter' | 'scenario' | 'stress';
  runs: number;
  rawEvents?: number;
  scenarioPath?: string;
  days?: number;
  log?: boolean;
}

export interface BenchRun {
  seconds: number;
  events: number;
  incidents: number;
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

function measure(job: BenchJob): BenchRun[] {
  const out: BenchRun[] = [];
  if (job.kind === 'raw' || job.kind === 'adapter') {
    const work = job.kind === 'raw' ? rawTimerWorkload : adapterTimerWorkload;
    work(Math.min(200_000, job.rawEvents!));
    for (let r = 0; r < job.runs; r++) {
      const t0 = process.hrtime.bigint();
      const n = work(job.rawEvents!);
      out.push({ seconds: seconds(t0), events: n, incidents: 0 });
    }
    return out;
  }
  const loaded = loadScenarioFile(job.scenarioPath!);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const scenario = job.kind === 'stress' ? stressScenario(loaded.value, job.days!, 10) : loaded.value;
  const options = { log: job.log ?? false, records: job.kind !== 'stress' };
  // A one-day run takes milliseconds: time batches of replications, after enough of them that the
  // JIT has settled. The 30-day stress run is long enough alone, after one warm-up run.
  const batch = job.kind === 'stress' ? 1 : 20;
  for (let k = 0; k < (job.kind === 'stress' ? 1 : 40); k++) simulate(scenario, scenario.seed + 10_000 + k, options);
  for (let r = 0; r < job.runs; r++) {
    const t0 = process.hrtime.bigint();
    let events = 0;
    let incidents = 0;
    for (let k = 0; k < batch; k++) {
      const res = simulate(scenario, scenario.seed + r * batch + k, options);
      events += res.counts.kernelEvents;
      incidents += res.counts.incidents;
    }
    out.push({ seconds: seconds(t0), events, incidents });
  }
  return out;
}

parentPort?.postMessage(measure(workerData as BenchJob));
