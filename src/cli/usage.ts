/** Each command's usage line, in one small module so `linkdrill` can print help without loading the commands. */
export const RUN_USAGE = 'linkdrill run SCENARIO [--seed N] [--reps R] [--out DIR] [--excel] [--lang zh|en]';
export const VALIDATE_USAGE = 'linkdrill validate SCENARIO';
export const REPORT_USAGE = 'linkdrill report DIR [--lang zh|en]';
export const BATCH_USAGE = 'linkdrill batch SCENARIO [--variants a,b,…] [--reps R] [--workers W] [--out DIR] [--resume | --force] [--shard i/n] [--seed N] [--lang zh|en]';
export const MERGE_USAGE = 'linkdrill merge DIR… --out DIR [--lang zh|en]';
export const SCHEMA_USAGE = 'linkdrill schema';
export const BENCH_USAGE = 'linkdrill bench [--quick]';
