/** Each command's usage line, in one small module so `linkdrill` can print help without loading the commands. */
export const RUN_USAGE = 'linkdrill run SCENARIO [--seed N] [--reps R] [--duration D] [--out DIR] [--excel] [--xlsx] [--lang zh|en] [--max-events N]';
export const VALIDATE_USAGE = 'linkdrill validate SCENARIO [--max-events N] [--lang zh|en]';
export const REPORT_USAGE = 'linkdrill report DIR [--lang zh|en]';
export const BATCH_USAGE = 'linkdrill batch SCENARIO [--variants a,b,…] [--reps R] [--workers W] [--out DIR] [--resume | --force] [--shard i/n] [--seed N] [--excel] [--xlsx] [--lang zh|en] [--max-events N]';
export const MERGE_USAGE = 'linkdrill merge DIR… --out DIR [--excel] [--lang zh|en]';
export const GEO_USAGE = `linkdrill geo import-osm FILE(.osm.pbf|.osm|.json) [--boundary F.geojson | --bbox W,S,E,N] [--speeds F.yaml] [--max-dropped SHARE] --out roads.geojson [--stations F.geojson] [--hospitals F.geojson] [--force] [--lang zh|en]
  linkdrill geo import-shp FILE(.shp|.zip) [--crs CRS] [--encoding gbk|utf-8] [--id F] [--name F] [--population F] [--agency F] [--speed F] --out F.geojson [--force] [--lang zh|en]`;
export const SCHEMA_USAGE = 'linkdrill schema [--exercise] [--lang zh|en]';
export const BENCH_USAGE = 'linkdrill bench [--quick]';
export const CALIBRATE_USAGE = 'linkdrill calibrate CAD.csv|CAD.xlsx|RUN-DIR [--mapping FILE] [--scenario SCENARIO] [--out DIR] [--drop-bad-rows] [--resamples B] [--seed N] [--rep R] [--excel] [--lang zh|en]';
export const VALIDATE_HISTORY_USAGE = 'linkdrill validate-history SCENARIO CAD.csv|CAD.xlsx|RUN-DIR [--mapping FILE] [--reps R] [--workers W] [--out DIR] [--drop-bad-rows] [--seed N] [--alpha A] [--rep R] [--excel] [--lang zh|en] [--max-events N]';
export const EXERCISE_USAGE = 'linkdrill exercise PACKAGE [--log LOG.json [--branch DECISION=OPTION]] [--out DIR] [--lang zh|en] [--excel] [--max-events N]\n  linkdrill exercise check PACKAGE [--max-events N] [--lang zh|en]';
