/**
 * The engine's worker API, as types only: what the browser (a Web Worker) and the Node batch pool
 * (worker threads, through comlink's Node adapter) call. Everything crossing it is plain data.
 */
import type { Scenario } from '../scenario/scenario.ts';
import type { Result } from '../scenario/errors.ts';
import type { Variant } from '../scenario/variants.ts';
import type { Kpi } from '../metrics/kpis.ts';
import type { Injection, InjectResult, RunResult, SimulateOptions, WorldSnapshot } from '../engine/simulate.ts';
import type { LogEvent } from '../engine/log.ts';
import type { RunRecords } from '../engine/records.ts';

/** One replication of one variant in a batch. */
export interface ReplicationResult {
  variant: string;
  rep: number;
  seed: number;
  kpis: Record<Kpi, number>;
  rating: string;
}

/** Where a live session stands after a step: its time, the events since the last step, and the state. */
export interface SessionStep {
  t: number;
  events: LogEvent[];
  snapshot: WorldSnapshot;
}

export interface EngineApi {
  /** Parses and validates a scenario; `files` holds its side files by relative path (text, or bytes for Shapefiles). */
  load(text: string, fileName: string, files: Record<string, string | Uint8Array>): Promise<Result<Scenario>>;
  /** The scenario and its variants (baseline first), each validated. */
  loadVariants(text: string, fileName: string, files: Record<string, string | Uint8Array>): Promise<Result<Variant[]>>;
  /** Keeps `scenario` under `key` for later replications (sent once per worker). */
  prepare(key: string, scenario: Scenario): void;
  /** Runs replications, each of the scenario prepared under its `key`, in order (one message for many); returns their KPIs. */
  replicateMany(jobs: readonly { key: string; rep: number; seed: number }[]): ReplicationResult[];
  /** Runs replication seed `seed` of the scenario prepared as `key`; returns its records (no event log). */
  records(key: string, seed: number): RunRecords;
  /** Opens a live session (an exercise's run) under `key`, at time 0. */
  openSession(key: string, scenario: Scenario, seed: number): SessionStep;
  /** Runs the session's events up to and including `tS`. */
  advanceSession(key: string, tS: number): SessionStep;
  /** Applies an injection at the session's current time. */
  injectSession(key: string, x: Injection): { result: InjectResult; step: SessionStep };
  /** Runs the session to its end and returns the log and records; the session is closed. */
  finishSession(key: string): RunResult;
  /** Drops a session without finishing it. */
  closeSession(key: string): void;
  /** Runs a scenario to the end; `onProgress(fraction)` is called as simulated hours pass. */
  run(scenario: Scenario, seed: number, options?: Pick<SimulateOptions, 'log'>, onProgress?: (fraction: number) => void): RunResult;
}
