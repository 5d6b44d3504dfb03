/** The command options' defaults, in one small module: the commands take them, and their help (`help.ts`) says them. */
export const DEFAULTS = {
  /** run's replications. */
  runReps: 1,
  /** batch's and validate-history's replications. */
  batchReps: 20,
  /** calibrate's goodness-of-fit resamples, and its seed. */
  resamples: 199,
  fitSeed: 1,
  /** validate-history's first seed, and its significance level. */
  historySeed: 1,
  alpha: 0.01,
  /** The replication read from a run folder given as a history. */
  historyRep: 1,
  /** geo import-osm: the largest share of road length dropped as disconnected. */
  maxDropped: 0.25,
} as const;
