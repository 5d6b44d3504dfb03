/**
 * A batch comparison in the app: runs on a pool of Web Workers and keeps its progress and results
 * until the next batch — whether its tab is open or not, whatever the language — so leaving the tab
 * loses nothing and a batch started and left shows its results on return. The workers are injected.
 */
import type { Variant } from '../../src/scenario/variants.ts';
import { comparisonCsv, comparisonOf, planJobs, type ComparisonRow, type Job } from '../../src/batch/plan.ts';
import { workThrough } from '../../src/batch/jobs.ts';
import { jobsWork, workersFor } from '../../src/batch/workers.ts';
import type { BatchMeta } from '../../src/batch/run.ts';
import type { ReplicationResult } from '../../src/worker/api.ts';
import type { EngineHandle } from '../engine-client.ts';
import type { Words } from '../../src/scenario/errors.ts';
import { internalFailure, seedsProblem } from './run-problems.ts';

/** Name of the pseudo-variant that reruns the baseline on other seeds (for a scenario without variants). */
export const OTHER_SEEDS = 'other-seeds';

export interface BatchRequest {
  scenarioName: string;
  variants: Variant[];
  reps: number;
  /** How many engine workers; null: as many as the work pays for, up to `cores` (`src/batch/workers.ts`). */
  workers: number | null;
  /** The machine's cores (`navigator.hardwareConcurrency`). */
  cores: number;
  seed: number;
  /** Compare the baseline with itself on the next block of seeds (what chance alone changes). */
  otherSeeds: boolean;
  otherSeedsTitle: string;
}

export interface BatchResult {
  scenarioName: string;
  meta: BatchMeta;
  rows: ReplicationResult[];
  cmp: ComparisonRow[];
  replicationsCsv: string;
  comparisonCsv: string;
}

/** `refused`: not started (its seeds pass the largest); `failed`: the engine failed. */
export type BatchPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed' | 'refused';

export class BatchControl {
  phase: BatchPhase = 'idle';
  /** Fraction of the jobs done (0–1). */
  progress = 0;
  result: BatchResult | null = null;
  /** Why the last batch failed: seeds past the largest, or the engine's own failure. */
  error: Words | null = null;
  /** The engine workers of the batch under way or last run, and whether the work chose their number. */
  workers: { n: number; byWork: boolean } | null = null;
  private pool: EngineHandle[] = [];
  private token = 0;

  /** `onChange` is called on every change of phase, progress or result. */
  constructor(
    private readonly startEngine: () => EngineHandle,
    private readonly onChange: () => void,
  ) {}

  /** Starts a batch; the previous results stay until this one finishes. */
  async start(req: BatchRequest): Promise<void> {
    this.stopPool();
    const token = ++this.token;
    this.workers = null;
    // The other-seeds block runs the next reps seeds after the baseline's.
    const tooHigh = seedsProblem(req.seed, req.otherSeeds ? 2 * req.reps : req.reps);
    if (tooHigh) {
      this.phase = 'refused';
      this.error = tooHigh;
      this.onChange();
      return;
    }
    const chosen = [...req.variants];
    if (req.otherSeeds && chosen.length) chosen.push({ ...chosen[0], name: OTHER_SEEDS, title: req.otherSeedsTitle, description: '' });
    // The other-seeds block runs seeds after the baseline's, so it shares none of them.
    const jobs: Job[] = planJobs(chosen.map((v) => v.name), req.reps, req.seed).map((j) => (j.variant === OTHER_SEEDS ? { ...j, seed: j.seed + req.reps } : j));
    this.phase = 'running';
    this.progress = 0;
    this.error = null;
    this.onChange();
    const scenarios = new Map(chosen.map((v) => [v.name, v.scenario]));
    const wanted = req.workers ?? workersFor(jobsWork(jobs, scenarios), req.cores, jobs.length);
    this.workers = { n: Math.max(1, Math.min(wanted, jobs.length)), byWork: req.workers === null };
    this.pool = Array.from({ length: this.workers.n }, () => this.startEngine());
    const results: ReplicationResult[] = [];
    try {
      await workThrough(this.pool, this.pool.map(() => new Map()), jobs, scenarios, (r) => {
        if (token !== this.token) return;
        results.push(r);
        this.progress = results.length / jobs.length;
        this.onChange();
      }, () => token !== this.token);
    } catch (e) {
      if (token !== this.token) return;
      this.stopPool();
      this.phase = 'failed';
      this.error = internalFailure(e);
      this.onChange();
      return;
    }
    if (token !== this.token) return;
    this.stopPool();
    const order = chosen.map((v) => v.name);
    const { replicationsCsv: replications, rows, cmp } = comparisonOf(results, order);
    this.result = {
      scenarioName: req.scenarioName,
      meta: {
        scenario: { name: chosen[0].scenario.name, title: chosen[0].scenario.title },
        variants: chosen.map((v) => ({ name: v.name, title: v.title, description: v.description })),
        reps: req.reps,
        seed: req.seed,
        shard: { index: 1, count: 1 },
      },
      rows,
      cmp,
      replicationsCsv: replications,
      comparisonCsv: comparisonCsv(cmp),
    };
    this.phase = 'done';
    this.onChange();
  }

  /** Stops the batch under way; earlier results stay. */
  cancel(): void {
    this.token++;
    this.stopPool();
    this.phase = this.result ? 'done' : 'cancelled';
    this.onChange();
  }

  private stopPool(): void {
    for (const w of this.pool) w.terminate();
    this.pool = [];
  }
}
