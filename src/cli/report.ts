/** `linkdrill report DIR [--lang zh|en]`: renders DIR/report.html again from the run's CSV files. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRunCsv } from '../report/read.ts';
import { buildReport, renderReport, type RunMeta } from '../report/aar.ts';
import { formatErrors } from '../scenario/errors.ts';
import { langOption, parse, UsageError, type Io } from './args.ts';
import { folderOwner, replaceOwnFile } from '../worker/node-fs.ts';

export const REPORT_USAGE = 'linkdrill report DIR [--lang zh|en]';

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
  const read = (name: string) => {
    const p = join(dir, name);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  };
  const metaText = read('run.json');
  if (metaText === undefined) {
    io.err(`${join(dir, 'run.json')}: missing — is this a folder written by linkdrill run?`);
    return 1;
  }
  let meta: RunMeta;
  try {
    meta = JSON.parse(metaText) as RunMeta;
    if (!meta.scenario || !Array.isArray(meta.seeds)) throw new Error('not a linkdrill run description');
  } catch (e) {
    io.err(`${join(dir, 'run.json')}: ${(e as Error).message}`);
    return 1;
  }
  const names = ['incidents.csv', 'calls.csv', 'dispatches.csv', 'units.csv', 'agencies.csv', 'depots.csv'];
  const { reps, errors } = readRunCsv(Object.fromEntries(names.map((n) => [n, read(n)])));
  if (errors.length) {
    io.err(formatErrors(errors.map((e) => ({ ...e, path: join(dir, e.path) }))));
    return 1;
  }
  if (reps.length === 0) {
    io.err(`${join(dir, 'incidents.csv')}: no replications in the folder`);
    return 1;
  }
  const html = renderReport(buildReport(meta, reps), lang);
  const target = join(dir, 'report.html');
  replaceOwnFile(target, html);
  io.out(`wrote ${target}`);
  return 0;
}
