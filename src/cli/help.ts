/**
 * `linkdrill --help` and `linkdrill COMMAND --help` (also `linkdrill help [COMMAND]`): what each
 * command does and what each of its options means, in the language the rest of the command line
 * speaks (Chinese unless `--lang en`). The usage lines themselves come from `usage.ts`, which the
 * commands' own usage errors and the README's table are held to.
 */
import type { Lang, Words } from '../scenario/errors.ts';
import { DEFAULT_MAX_EVENTS } from '../engine/estimate.ts';
import * as usage from './usage.ts';
import { DEFAULTS as D } from './defaults.ts';

/** One option and what it does. */
type Option = readonly [flag: string, words: Words];

interface CommandHelp {
  /** The usage line(s), as the command's usage error prints them. */
  usage: string;
  /** What the command does, in a few words (the overview's line). */
  brief: Words;
  /** What the command does, in a sentence or two. */
  what: Words;
  options: readonly Option[];
  /** A command line to copy. */
  example: string;
}

const LANG: Option = ['--lang zh|en', { zh: '提示、结果与报告的语言（默认 zh 中文）', en: 'language of messages, results and reports (default zh, Chinese)' }];
const MAX_EVENTS: Option = [
  '--max-events N',
  { zh: `一次重复估算的工作量上限（记录的事件数，默认 ${DEFAULT_MAX_EVENTS}）；超过即拒绝运行`, en: `ceiling on one replication's estimated work (logged events, default ${DEFAULT_MAX_EVENTS}); above it the run is refused` },
];
const EXCEL: Option = ['--excel', { zh: 'CSV 文件以 UTF-8 BOM 开头，Excel 直接打开时中文不乱码', en: 'start CSV files with a UTF-8 BOM, so Excel shows Chinese text' }];
const FORCE_FILE: Option = ['--force', { zh: '替换已有的输出文件（否则拒绝覆盖）', en: 'replace an existing output file (otherwise refused)' }];
const MAPPING: Option = ['--mapping FILE', { zh: '映射文件（YAML）：本地记录的列名与取值对应到 linkdrill 的字段', en: "mapping file (YAML): the records' own column names and values, named once" }];
const DROP_BAD: Option = ['--drop-bad-rows', { zh: '舍去有问题的行，计数并列入 problems.csv（否则报错停止）', en: 'leave bad rows out, counted and listed in problems.csv (otherwise stop with an error)' }];
const HISTORY_REP: Option = ['--rep R', { zh: `历史为 linkdrill 运行文件夹时，取第 R 次重复（默认 ${D.historyRep}）`, en: `when the history is a linkdrill run folder, the replication to read (default ${D.historyRep})` }];

const HELP: Record<string, CommandHelp> = {
  run: {
    usage: usage.RUN_USAGE,
    brief: { zh: '运行情景，写出评估报告与各 CSV 表', en: "runs a scenario and writes its after-action report and CSV files" },
    what: {
      zh: '运行情景 SCENARIO（YAML 或 JSON），边仿真边写出评估报告 report.html、各 CSV 表与 run.json。输出文件夹要么完整写出，要么什么也不留（Ctrl-C 亦然）。',
      en: 'runs the scenario SCENARIO (YAML or JSON) and writes the after-action report report.html, the CSV tables and run.json as it simulates. The output folder is written whole or not at all (Ctrl-C included).',
    },
    options: [
      ['--seed N', { zh: '第一次重复的随机种子（默认：情景的 seed）；其后各次为 N+1、N+2…', en: "seed of the first replication (default: the scenario's seed); the next ones N+1, N+2, …" }],
      ['--reps R', { zh: `重复次数（默认 ${D.runReps}）`, en: `number of replications (default ${D.runReps})` }],
      ['--duration D', { zh: '按 D 的时长运行（如 30d、8760h），需求、排班按时钟重复', en: 'run for D (30d, 8760h) instead of the scenario\'s length; demand and rosters repeat by the clock' }],
      ['--out DIR', { zh: '输出文件夹（默认 reports/<情景名>/）', en: 'output folder (default reports/<scenario-name>/)' }],
      EXCEL,
      ['--xlsx', { zh: '另写 run.xlsx：每张表一个工作表', en: 'also write run.xlsx, every table as a sheet' }],
      LANG,
      MAX_EVENTS,
    ],
    example: 'linkdrill run scenarios/default.yaml --reps 5 --out reports/latest',
  },
  validate: {
    usage: usage.VALIDATE_USAGE,
    brief: { zh: '检查情景及其各方案，不运行', en: "checks a scenario and its variants without running them" },
    what: {
      zh: '检查情景及其各方案是否有误并估算工作量，不运行。每个问题指出它在输入中的位置；没有问题则输出 ok。',
      en: 'checks a scenario and each of its variants and estimates their work, without running them. Every problem names its place in the input; with none, it prints ok.',
    },
    options: [MAX_EVENTS, LANG],
    example: 'linkdrill validate scenarios/default.yaml',
  },
  report: {
    usage: usage.REPORT_USAGE,
    brief: { zh: '由运行文件夹重新生成评估报告', en: "rewrites the report of a run's folder" },
    what: { zh: '由一次运行的文件夹（CSV 与 run.json）重新生成 report.html，可换一种语言。', en: "rewrites report.html from a run's folder (its CSV files and run.json), in either language." },
    options: [LANG],
    example: 'linkdrill report reports/latest --lang en',
  },
  batch: {
    usage: usage.BATCH_USAGE,
    brief: { zh: '多次重复比较各方案', en: "compares variants over many seeded replications" },
    what: {
      zh: '对情景的各方案做多次带种子的重复并比较：replications.csv、comparison.csv（均值、置信区间、配对差异）与 comparison.html。',
      en: 'compares the scenario\'s variants over many seeded replications: replications.csv, comparison.csv (means, confidence intervals, paired differences) and comparison.html.',
    },
    options: [
      ['--variants a,b,…', { zh: '只比较这些方案（基线总在其中；默认全部）', en: 'compare only these variants (the baseline always; default all)' }],
      ['--reps R', { zh: `每个方案的重复次数（默认 ${D.batchReps}）`, en: `replications of each variant (default ${D.batchReps})` }],
      ['--workers W', { zh: '并行的工作进程数（默认按工作量定，至多每核一个）', en: 'worker processes (default: chosen by the work, at most one per core)' }],
      ['--out DIR', { zh: '输出文件夹（默认 reports/<情景名>-batch/）', en: 'output folder (default reports/<scenario-name>-batch/)' }],
      ['--resume', { zh: '续完此前中断的批量运行，已完成的重复不再运行', en: 'finish an interrupted batch; replications already done are kept' }],
      ['--force', { zh: '替换已有的批量运行结果，从头再来', en: 'start over, replacing an earlier batch in DIR' }],
      ['--shard i/n', { zh: '只运行第 i 份（共 n 份）重复，分到多台机器后用 merge 合并', en: 'run only share i of n of the replications, for several machines; combine with merge' }],
      ['--seed N', { zh: '第一次重复的随机种子（默认：情景的 seed）', en: "seed of the first replication (default: the scenario's seed)" }],
      EXCEL,
      ['--xlsx', { zh: '另写 batch.xlsx', en: 'also write batch.xlsx' }],
      LANG,
      MAX_EVENTS,
    ],
    example: 'linkdrill batch scenarios/default.yaml --reps 40',
  },
  merge: {
    usage: usage.MERGE_USAGE,
    brief: { zh: '合并 batch --shard 的各份结果', en: "combines batch shards" },
    what: { zh: '把 batch --shard 分别写出的各文件夹合并为一个批量运行结果。', en: 'combines the folders that batch --shard wrote into one batch.' },
    options: [['--out DIR', { zh: '合并后的输出文件夹（必填）', en: 'output folder of the combined batch (required)' }], EXCEL, LANG],
    example: 'linkdrill merge reports/shard-1 reports/shard-2 --out reports/batch',
  },
  exercise: {
    usage: usage.EXERCISE_USAGE,
    brief: { zh: '无人值守推演或重放演练，检查演练包', en: "plays or replays an exercise package headless; checks one" },
    what: {
      zh: '无人值守地推演一个演练包（每个决策点取其默认选项），或按演练记录重放；写出运行文件与演练文件（aar.html、decisions.csv 等）。exercise check 只检查演练包。',
      en: 'plays an exercise package headless (every decision takes its default) or replays one from its log, writing the run\'s files and the exercise\'s (aar.html, decisions.csv, …). exercise check only checks the package.',
    },
    options: [
      ['--log LOG.json', { zh: '按这份演练记录重放（网页导出的 exercise-log.json）', en: "replay the exercise this log recorded (the web app's exercise-log.json)" }],
      ['--branch DECISION=OPTION', { zh: '重放时把决策 DECISION 改为选项 OPTION，看另一种选择的结果', en: 'in a replay, take OPTION at DECISION instead, to see where the other choice leads' }],
      ['--out DIR', { zh: '输出文件夹（默认 reports/<演练包名>/）', en: 'output folder (default reports/<package-name>/)' }],
      LANG,
      EXCEL,
      MAX_EVENTS,
    ],
    example: 'linkdrill exercise scenarios/exercises/chemical-leak-tabletop --log exercise-log.json --branch D4=shelter',
  },
  schema: {
    usage: usage.SCHEMA_USAGE,
    brief: { zh: '输出情景或演练包的 JSON Schema', en: "prints the JSON Schema of scenarios or exercise packages" },
    what: { zh: '输出情景格式的 JSON Schema，供编辑器补全与检查 YAML。', en: 'prints the JSON Schema of the scenario format, for an editor to complete and check YAML with.' },
    options: [['--exercise', { zh: '改为输出演练包（exercise.yaml）的 JSON Schema', en: 'the JSON Schema of exercise packages (exercise.yaml) instead' }], LANG],
    example: 'linkdrill schema > scenario.schema.json',
  },
  calibrate: {
    usage: usage.CALIBRATE_USAGE,
    brief: { zh: '由本县记录拟合需求与各环节时长', en: "fits demand and durations from a county's records" },
    what: {
      zh: '由本县的接处警记录（CSV、Excel 或 linkdrill 运行文件夹）拟合需求与各环节时长：calibrated.yaml（情景可 include 的片段）、calibration.html 与各参数及其区间的 CSV 表。',
      en: "fits demand and durations from a county's own records (CSV, Excel or a linkdrill run folder): calibrated.yaml (a fragment a scenario includes), calibration.html and CSV tables of every parameter with its interval.",
    },
    options: [
      MAPPING,
      ['--scenario SCENARIO', { zh: '对照此情景检查记录中的辖区、类型与单位', en: "check the records' zones, types and agencies against this scenario" }],
      ['--out DIR', { zh: '输出文件夹（默认 reports/calibration-<文件名>/）', en: 'output folder (default reports/calibration-<file-name>/)' }],
      DROP_BAD,
      ['--resamples B', { zh: `拟合优度检验的参数自助法重抽样次数（默认 ${D.resamples}）`, en: `parametric bootstrap resamples of the goodness-of-fit tests (default ${D.resamples})` }],
      ['--seed N', { zh: `重抽样的随机种子（默认 ${D.fitSeed}）`, en: `seed of the resampling (default ${D.fitSeed})` }],
      HISTORY_REP,
      EXCEL,
      LANG,
    ],
    example: 'linkdrill calibrate cad.csv --mapping mapping.yaml --scenario county.yaml --out reports/cal',
  },
  'validate-history': {
    usage: usage.VALIDATE_HISTORY_USAGE,
    brief: { zh: '对照历史记录检验情景', en: "checks a scenario against the county's records" },
    what: {
      zh: '在历史记录所覆盖的时段内运行情景 R 次，指出仿真与记录在哪里、差多少：validation.html 与 comparison.csv。',
      en: 'runs the scenario over the period of the history R times and says where it is off from the records and by how much: validation.html and comparison.csv.',
    },
    options: [
      MAPPING,
      ['--reps R', { zh: `重复次数（默认 ${D.batchReps}）`, en: `replications (default ${D.batchReps})` }],
      ['--workers W', { zh: '并行的工作进程数（默认按工作量定）', en: 'worker processes (default: chosen by the work)' }],
      ['--out DIR', { zh: '输出文件夹（默认 reports/validation-<情景名>/）', en: 'output folder (default reports/validation-<scenario-name>/)' }],
      DROP_BAD,
      ['--seed N', { zh: `第一次重复的随机种子（默认 ${D.historySeed}）`, en: `seed of the first replication (default ${D.historySeed})` }],
      ['--alpha A', { zh: `判定“偏离”的显著性水平，按 Holm 法校正（默认 ${D.alpha}）`, en: `significance level at which a measure is off, Holm-corrected (default ${D.alpha})` }],
      HISTORY_REP,
      EXCEL,
      LANG,
      MAX_EVENTS,
    ],
    example: 'linkdrill validate-history county.yaml cad.csv --mapping mapping.yaml --reps 20',
  },
  geo: {
    usage: usage.GEO_USAGE,
    brief: { zh: '由 OpenStreetMap 生成路网；转换 Shapefile', en: "builds a road network from OpenStreetMap; converts Shapefiles" },
    what: {
      zh: 'import-osm：由 OpenStreetMap 数据（.osm.pbf、.osm 或 Overpass JSON）生成路网，可另起草站点与医院。import-shp：把 Shapefile 转为 WGS-84 的 GeoJSON，属性名改为 linkdrill 所用。',
      en: 'import-osm: a road network (and drafts of stations and hospitals) from OpenStreetMap data (.osm.pbf, .osm or Overpass JSON). import-shp: a Shapefile as WGS-84 GeoJSON with the attribute names linkdrill reads.',
    },
    options: [
      ['--boundary F.geojson', { zh: '（import-osm）只保留此边界内的道路', en: '(import-osm) keep the roads inside this boundary' }],
      ['--bbox W,S,E,N', { zh: '（import-osm）只保留此经纬度范围内的道路', en: '(import-osm) keep the roads inside this box of longitudes and latitudes' }],
      ['--speeds F.yaml', { zh: '（import-osm）改写各道路等级的车速，如 {primary: 60}', en: '(import-osm) speeds of road classes, e.g. {primary: 60}' }],
      ['--max-dropped SHARE', { zh: `（import-osm）因不连通而舍去的道路长度占比上限（默认 ${D.maxDropped}）`, en: `(import-osm) largest share of road length dropped as disconnected (default ${D.maxDropped})` }],
      ['--stations F.geojson', { zh: '（import-osm）另写消防站、派出所、急救站草稿', en: '(import-osm) also write drafts of fire, police and ambulance stations' }],
      ['--hospitals F.geojson', { zh: '（import-osm）另写设急诊的医院草稿', en: '(import-osm) also write drafts of hospitals with an emergency department' }],
      ['--crs CRS', { zh: '（import-shp）坐标系，如 CGCS2000、EPSG:4527、GCJ02（默认取 .prj 所定）', en: '(import-shp) coordinate system, e.g. CGCS2000, EPSG:4527, GCJ02 (default: what the .prj says)' }],
      ['--encoding gbk|utf-8', { zh: '（import-shp）属性表的文字编码（默认取 .cpg 或文件头所定）', en: "(import-shp) text encoding of the attributes (default: the .cpg's or the header's)" }],
      ['--id F --name F --population F --agency F --speed F', { zh: '（import-shp）从属性 F 取 id、名称、人口、所属单位、车速（千米/时）', en: '(import-shp) take id, name, population, agency, speed (km/h) from the attribute F' }],
      ['--out F.geojson', { zh: '输出文件（必填）', en: 'output file (required)' }],
      FORCE_FILE,
      LANG,
    ],
    example: 'linkdrill geo import-osm county.osm.pbf --boundary county.geojson --out geo/roads.geojson',
  },
  bench: {
    usage: usage.BENCH_USAGE,
    brief: { zh: '测量性能指标（供开发者）', en: "measures the performance targets (for developers)" },
    what: {
      zh: '测量每项性能指标，与同一次测得的基准（SimPy、simjs）相比并给出是否达标（英文输出，供开发者）。',
      en: 'measures every performance target against baselines measured in the same run (SimPy, simjs) and says whether each is met (in English, for developers).',
    },
    options: [['--quick', { zh: '约一分半钟的简短测量', en: 'a shorter run of about a minute and a half' }]],
    example: 'linkdrill bench --quick',
  },
};

/** Whether `name` is a command that has help of its own. */
export const isCommand = (name: string | undefined): name is string => name !== undefined && Object.hasOwn(HELP, name);

/** `linkdrill --help`: every command's usage line and what it does. */
export function overview(lang: Lang): string {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const lines = [t('linkdrill — 应急救援联动的离散事件仿真（同一随机种子，结果逐字节相同）', 'linkdrill — seeded discrete-event simulator of emergency-response linkage'), '', t('用法：', 'usage:')];
  for (const h of Object.values(HELP)) {
    for (const u of h.usage.split('\n')) lines.push(`  ${u.trim()}`);
    lines.push(`      ${h.brief[lang]}`);
  }
  lines.push(
    '',
    t('各命令的选项：linkdrill 命令 --help（如 linkdrill run --help）。', "Each command's options: linkdrill COMMAND --help (e.g. linkdrill run --help)."),
    t(
      `run、batch、validate 等在运行前估算一次重复的工作量，超过 --max-events（默认 ${DEFAULT_MAX_EVENTS} 条事件）即拒绝，并指出最重的部分。`,
      `run, batch, validate and the others estimate the work of one replication before anything runs and refuse a scenario above --max-events (default ${DEFAULT_MAX_EVENTS} logged events), naming what weighs most.`,
    ),
    t('提示与结果默认为中文，--lang en 为英文（bench 除外）。', 'Messages and results are in Chinese unless --lang en (every command but bench takes it).'),
    t('退出码：0 完成，1 输入有误（每个问题指出其位置），2 用法错误。', 'Exit codes: 0 done, 1 bad input (every problem named by its place), 2 usage error.'),
  );
  return lines.join('\n');
}

/** `linkdrill COMMAND --help`: its usage, what it does, each option, an example. */
export function commandHelp(name: string, lang: Lang): string {
  const h = HELP[name];
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const width = Math.min(28, Math.max(...h.options.map(([flag]) => flag.length)));
  const usageLines = h.usage.split('\n').map((u) => u.trim());
  const lines = [usageLines.length > 1 ? t('用法：', 'usage:') : `${t('用法：', 'usage: ')}${usageLines[0]}`];
  if (usageLines.length > 1) lines.push(...usageLines.map((u) => `  ${u}`));
  lines.push('', h.what[lang], '', t('选项：', 'options:'));
  for (const [flag, words] of h.options) lines.push(flag.length > width ? `  ${flag}\n  ${' '.repeat(width)}  ${words[lang]}` : `  ${flag.padEnd(width)}  ${words[lang]}`);
  lines.push('  -h, --help'.padEnd(width + 2) + `  ${t('显示本说明', 'show this help')}`, '', `${t('例：', 'example: ')}${h.example}`);
  return lines.join('\n');
}
