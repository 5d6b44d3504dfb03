/** `linkdrill report DIR [--lang zh|en]`: renders DIR/report.html again from the run's CSV files. */
import { join } from 'node:path';
import { readRunCsv, RECORD_CSV_FILES } from '../report/read.ts';
import { buildReport, renderReport, type RunMeta } from '../report/aar.ts';
import { formatErrors, type Words } from '../scenario/errors.ts';
import { langOption, parse, say, usageError, type Io } from './args.ts';
import { fileList, folderOwner, KIND_WORDS, replaceOwnFile } from '../worker/node-fs.ts';
import { REPORT_USAGE } from './usage.ts';
import { parseRunMeta } from '../report/run-meta.ts';
import { readFolderFiles } from './io.ts';
import { NO_SUCH_FOLDER } from '../scenario/files.ts';
import { fileForFolder } from './wrong-kind.ts';


export function reportCommand(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, { lang: { type: 'string' } });
  if (positionals.length !== 1) throw usageError(REPORT_USAGE);
  const lang = langOption(values.lang);
  const dir = positionals[0];
  const file = fileForFolder(dir, 'run');
  if (file) {
    io.err(formatErrors([{ path: dir, ...file }], lang));
    return 1;
  }
  const owner = folderOwner(dir);
  if (owner !== 'run') {
    io.err(formatErrors([{ path: dir, ...notARunFolder(owner) }], lang));
    return 1;
  }
  // The folder is linkdrill's, but its files may since have been edited, cut or replaced.
  const { files, errors: problems } = readFolderFiles(dir, ['run.json', ...RECORD_CSV_FILES]);
  const metaText = files['run.json'];
  if (metaText === undefined) {
    io.err(formatErrors(problems.length ? problems : [{ path: join(dir, 'run.json'), zh: '缺失——这是 linkdrill run 写出的文件夹吗？', en: 'missing — is this a folder written by linkdrill run?' }], lang));
    return 1;
  }
  const parsedMeta = parseRunMeta(metaText, join(dir, 'run.json'));
  if (!parsedMeta.ok) {
    io.err(formatErrors(parsedMeta.errors, lang));
    return 1;
  }
  const meta: RunMeta = parsedMeta.value;
  const { reps, errors } = readRunCsv(files);
  if (problems.length || errors.length) {
    io.err(formatErrors([...problems, ...errors.map((e) => ({ ...e, path: join(dir, e.path) }))], lang));
    return 1;
  }
  if (reps.length === 0) {
    io.err(formatErrors([{ path: join(dir, 'incidents.csv'), zh: '文件夹中没有任何一次重复的记录', en: 'no replications in the folder' }], lang));
    return 1;
  }
  const html = renderReport(buildReport(meta, reps), lang);
  const target = join(dir, 'report.html');
  replaceOwnFile(target, html);
  io.out(say(lang)(`已写入 ${target}`, `wrote ${target}`));
  return 0;
}

/** Why a folder that is not a linkdrill run folder cannot be re-rendered. */
function notARunFolder(owner: Exclude<ReturnType<typeof folderOwner>, 'run'>): Words {
  if (owner === 'absent') return NO_SUCH_FOLDER;
  if (owner === 'empty') return { zh: '文件夹是空的', en: 'the folder is empty' };
  if (typeof owner === 'object') {
    const listed = fileList(owner.foreign);
    return { zh: `含有并非 linkdrill 写出的文件（${listed.zh}）；report 只重新生成 linkdrill 写出的运行结果文件夹`, en: `holds files linkdrill did not write (${listed.en}); report re-renders only a run folder linkdrill wrote` };
  }
  return { zh: `是 linkdrill 的${KIND_WORDS[owner].zh}文件夹，而不是运行结果文件夹`, en: `is a linkdrill ${KIND_WORDS[owner].en} folder, not a run folder` };
}
