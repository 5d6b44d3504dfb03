/**
 * Loading and running, one at a time: a run is cancelled by ending its worker (its call never
 * answers) and starting a fresh one; loading another scenario cancels the run under way, so a late
 * answer can never be shown as the new scenario's. The engine is injected (tests pass a fake).
 */
import { proxy } from 'comlink';
import type { EngineHandle } from '../engine-client.ts';
import type { ScenarioSource } from '../scenarios.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import type { Result } from '../../src/scenario/errors.ts';
import type { Lang } from '../i18n/index.ts';
import { runMeta } from '../../src/report/outputs.ts';
import type { RunView } from './state.ts';

/** What a run needs; the run is named by its scenario's own name (`name:`) in the status line, the link and every export. */
export interface RunRequest {
  source: ScenarioSource;
  scenario: Scenario;
  seed: number;
  reps: number;
  lang: Lang;
}

export class RunControl {
  private engine: EngineHandle;
  private token = 0;
  private busy = false;

  constructor(private readonly startEngine: () => EngineHandle) {
    this.engine = startEngine();
  }

  /** A run is under way. */
  get running(): boolean {
    return this.busy;
  }

  /** Reads and validates a scenario; a run under way is cancelled first. */
  async load(src: ScenarioSource): Promise<Result<Scenario>> {
    if (this.busy) this.cancel();
    return this.engine.api.load(src.text, src.fileName, src.files);
  }

  /** The variants of a scenario (baseline first), or its problems. */
  async variants(src: ScenarioSource) {
    return this.engine.api.loadVariants(src.text, src.fileName, src.files);
  }

  /**
   * Runs; resolves to the run, or to null when it was cancelled or another run or load came first.
   * Throws only when the engine failed.
   */
  async run(req: RunRequest, onProgress: (fraction: number) => void): Promise<RunView | null> {
    if (this.busy) this.cancel();
    const token = ++this.token;
    this.busy = true;
    try {
      const res = await this.engine.api.runForApp(req.scenario, req.seed, req.reps, req.lang, proxy(onProgress));
      if (token !== this.token) return null;
      return {
        ...res,
        id: token,
        scenarioName: req.scenario.name,
        fromFile: !req.source.bundled,
        scenario: req.scenario,
        seed: req.seed,
        reps: req.reps,
        meta: runMeta(req.scenario, [req.seed]),
        agencyNames: new Map(req.scenario.agencies.map((a) => [a.id, a.name])),
      };
    } catch (e) {
      if (token !== this.token) return null;
      throw e;
    } finally {
      if (token === this.token) this.busy = false;
    }
  }

  /** Ends the run under way (if any); its answer is ignored. */
  cancel(): void {
    this.token++;
    this.busy = false;
    this.engine.terminate();
    this.engine = this.startEngine();
  }
}
