/** `linkdrill report DIR [--lang zh|en]`: renders DIR/report.html again from the run's CSV files. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readRunCsv } from '../report/read.ts';
import { buildReport, renderReport, type RunMeta } from '../report/aar.ts';
import { formatErrors } from '../scenario/errors.ts';
import { langOption, parse, say, UsageError, type Io } from './args.ts';
import { folderOwner, replaceOwnFile } from '../worker/node-fs.ts';
import { REPORT_USAGE } from './usage.ts';
import { parseRunMeta } from '../report/run-meta.ts';
import { readTextFile } from './io.ts';


export function reportCommand(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, { lang: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError(`usage: ${REPORT_USAGE}`);
  const lang = langOption(values.lang);
  const dir = positionals[0];
  const owner = folderOwner(dir);
  if (owner !== 'run') {
    const why = owner === 'absent' ? 'no such folder' : owner === 'empty' ? 'the folder is empty' : typeof owner === 'object' ? `holds files linkdrill did not write (${owner.foreign.slice(0, 4).join(', ')}); report re-renders only a run folder linkdrill wrote` : `is a linkdrill ${owner} folder, not a run folder`;
    io.err(`${dir}: ${why}`);
    return 1;
  }
  // The folder is linkdrill's, but its files may since have been edited, cut or replaced.
  const problems: { path: string; message: string }[] = [];
  const read = (name: string) => {
    const p = join(dir, name);
    if (!existsSync(p)) return undefined;
    const r = readTextFile(p);
    if (!r.ok) problems.push(...r.errors);
    return r.ok ? r.value : undefined;
  };
  const metaText = read('run.json');
  if (metaText === undefined) {
    io.err(formatErrors(problems.length ? problems : [{ path: join(dir, 'run.json'), message: 'missing — is this a folder written by linkdrill run?' }]));
    return 1;
  }
  const parsedMeta = parseRunMeta(metaText, join(dir, 'run.json'));
  if (!parsedMeta.ok) {
    io.err(formatErrors(parsedMeta.errors));
    return 1;
  }
  const meta: RunMeta = parsedMeta.value;
  const names = ['incidents.csv', 'calls.csv', 'dispatches.csv', 'units.csv', 'agencies.csv', 'depots.csv'];
  const { reps, errors } = readRunCsv(Object.fromEntries(names.map((n) => [n, read(n)])));
  if (problems.length || errors.length) {
    io.err(formatErrors([...problems, ...errors.map((e) => ({ ...e, path: join(dir, e.path) }))]));
    return 1;
  }
  if (reps.length === 0) {
    io.err(`${join(dir, 'incidents.csv')}: no replications in the folder`);
    return 1;
  }
  const html = renderReport(buildReport(meta, reps), lang);
  const target = join(dir, 'report.html');
  replaceOwnFile(target, html);
  io.out(say(lang)(`已写入 ${target}`, `wrote ${target}`));
  return 0;
}
