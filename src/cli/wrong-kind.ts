/**
 * Files given where a command wants another kind of file or a folder — a CAD table for a scenario, a
 * scenario for the records, a run's report for its folder — recognised by their names and said in
 * one line with what to give instead, where reading them would end in a puzzle (`no column for
 * incident_id` for a scenario, `a scenario must be a mapping` for a table).
 */
import { existsSync, statSync, type Stats } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { Words } from '../scenario/errors.ts';

/** What is at `path`, or undefined where nothing can be told (absent, a loop of links, no permission): the readers then say why. */
export function tryStat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

// Not .txt: Notepad saves a YAML scenario as one.
const TABLE = new Set(['.csv', '.tsv', '.xlsx', '.xls', '.xlsm']);
const PAGE = new Set(['.html', '.htm']);
const SCENARIO_LIKE = new Set(['.yaml', '.yml', '.json']);

/** A file of a folder linkdrill wrote (a run's `report.html`): its folder, said as the thing to give. */
function giveItsFolder(path: string): Words {
  const dir = dirname(path);
  return { zh: `；请给出它所在的文件夹：${dir}`, en: `; give its folder: ${dir}` };
}

/** Why the file at `path`, given as a scenario, is none — or null where its name does not say. */
export function notAScenario(path: string): Words | null {
  const ext = extname(path).toLowerCase();
  if (TABLE.has(ext)) {
    return {
      zh: '是一张表（接处警记录？），不是场景：场景是 YAML 文件（如 scenarios/default.yaml）；记录请交给 linkdrill calibrate 记录.csv，或 linkdrill validate-history 场景.yaml 记录.csv（场景在前）',
      en: 'is a table (CAD records?), not a scenario: a scenario is a YAML file (e.g. scenarios/default.yaml); records go to linkdrill calibrate RECORDS.csv, or linkdrill validate-history SCENARIO.yaml RECORDS.csv (the scenario first)',
    };
  }
  if (PAGE.has(ext)) return { zh: '是网页（运行的报告？），不是场景：场景是 YAML 文件（如 scenarios/default.yaml）', en: "is a web page (a run's report?), not a scenario: a scenario is a YAML file (e.g. scenarios/default.yaml)" };
  return null;
}

/** Why the folder at `path`, given as a scenario, is none — a folder linkdrill wrote or an exercise package — or null where it does not say. */
export function folderNotAScenario(path: string): Words | null {
  if (existsSync(join(path, 'exercise.yaml'))) return { zh: `是演练包，不是场景：请用 linkdrill exercise ${path} 推演它`, en: `is an exercise package, not a scenario: play it with linkdrill exercise ${path}` };
  if (wroteBy(path, 'run')) {
    return {
      zh: `是运行结果文件夹，不是场景：场景是 YAML 文件（validate-history 与 calibrate --scenario 都要场景在前、记录在后）；重新生成这次运行的报告请用 linkdrill report ${path}`,
      en: `is a run's folder, not a scenario: a scenario is a YAML file (validate-history takes the scenario first, then the records); to render this run's report again use linkdrill report ${path}`,
    };
  }
  if (wroteBy(path, 'batch')) return { zh: '是批量运行结果文件夹，不是场景：场景是 YAML 文件（如 scenarios/default.yaml）', en: "is a batch's folder, not a scenario: a scenario is a YAML file (e.g. scenarios/default.yaml)" };
  return null;
}

/** Why the file at `path`, given as records (a CAD export or a run folder), is none — or null where its name does not say. */
export function notRecords(path: string): Words | null {
  const ext = extname(path).toLowerCase();
  if (SCENARIO_LIKE.has(ext)) {
    return {
      zh: '是 YAML 或 JSON 文件（场景？），不是记录：请给出接处警记录（CSV 或 xlsx）或 linkdrill run 写出的运行文件夹；检验场景请用 linkdrill validate-history 场景.yaml 记录.csv（场景在前）',
      en: 'is a YAML or JSON file (a scenario?), not records: give a CAD export (CSV or xlsx) or a folder linkdrill run wrote; to check a scenario against records use linkdrill validate-history SCENARIO.yaml RECORDS.csv (the scenario first)',
    };
  }
  if (PAGE.has(ext)) {
    const dir = dirname(path);
    if (wroteBy(dir, 'run')) return { zh: `是运行的报告，不是记录：请给出它所在的运行文件夹 ${dir}，或接处警记录（CSV 或 xlsx）`, en: `is a run's report, not records: give its run folder ${dir}, or a CAD export (CSV or xlsx)` };
    return { zh: '是网页，不是记录：请给出接处警记录（CSV 或 xlsx）或 linkdrill run 写出的运行文件夹', en: 'is a web page, not records: give a CAD export (CSV or xlsx) or a folder linkdrill run wrote' };
  }
  return null;
}

/**
 * Why `path`, given where a folder linkdrill wrote is read (`report`, `merge`), is not one because it
 * is a file — or null where it is no file. `wrote` names the command that writes such folders.
 */
export function fileForFolder(path: string, wrote: 'run' | 'batch'): Words | null {
  const st = tryStat(path);
  if (!st || st.isDirectory()) return null;
  const head = { zh: `是文件而不是文件夹：这里要的是 linkdrill ${wrote} 写出的文件夹`, en: `is a file, not a folder: this needs a folder linkdrill ${wrote} wrote` };
  // A file of such a folder (report.html, batch.json): its folder is what was meant.
  const folder = wroteBy(dirname(path), wrote) ? giveItsFolder(path) : { zh: '', en: '' };
  return { zh: head.zh + folder.zh, en: head.en + folder.en };
}

/** Whether `dir` looks like a folder `linkdrill <wrote>` wrote: it holds that command's own description of it. */
function wroteBy(dir: string, wrote: 'run' | 'batch'): boolean {
  return existsSync(join(dir, wrote === 'run' ? 'run.json' : 'batch.json'));
}
