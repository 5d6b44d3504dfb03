/** The default scenario run in Node (as the CLI runs it), to compare the browser with and to pick moments from. */
import { loadFile } from '../../helpers.ts';
import { simulate } from '../../../src/engine/simulate.ts';
import { runFolderFiles } from '../../../src/report/outputs.ts';
import { buildReplay } from '../../../web/model/replay.ts';

let cached: ReturnType<typeof make> | null = null;

function make() {
  const scenario = loadFile('scenarios/default.yaml');
  const run = simulate(scenario, scenario.seed);
  const files = runFolderFiles(scenario, [scenario.seed], [{ rep: 1, records: run.records, log: run.log }], { lang: 'zh' }).files;
  const replay = buildReplay(scenario, run.log, run.records);
  return { scenario, run, files, replay };
}

export function reference() {
  return (cached ??= make());
}
