/** The default scenario run in Node (as the CLI runs it), to compare the browser with and to pick moments from. */
import { loadFile } from '../../helpers.ts';
import { simulate } from '../../../src/engine/simulate.ts';
import { runFolderFiles } from '../../../src/report/outputs.ts';
import { buildReplay } from '../../../web/model/replay.ts';
import { readScenarioFile } from '../../../src/cli/io.ts';
import { loadVariants } from '../../../src/scenario/variants.ts';
import { join } from 'node:path';
import { ROOT } from '../../helpers.ts';

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

/** The default scenario's variants, the baseline first. */
export function defaultVariantNames(): string[] {
  const path = join(ROOT, 'scenarios/default.yaml');
  const f = readScenarioFile(path);
  if (!f.ok) throw new Error(JSON.stringify(f.errors));
  const r = loadVariants(f.value.text, path, f.value.readFile);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.variants.map((v) => v.name);
}

/** The scripted 突发事件 of the default day (the chemical leak): a moment every view has something to show. */
export function scriptedIncident() {
  return reference().run.records.incidents.find((i) => i.source === 'scripted')!;
}

/** The first seed from the default one whose day has an incident only one caller reported, who hung up before an answer. */
export function seedWithLostIncident() {
  const { scenario } = reference();
  for (let seed = scenario.seed; seed < scenario.seed + 200; seed++) {
    const run = simulate(scenario, seed);
    const lost = buildReplay(scenario, run.log, run.records).incidents.find((i) => i.lost && i.tEnd - i.tOccur > 5);
    if (lost) return { seed, lost };
  }
  throw new Error('no seed of the default scenario within 200 has an incident whose only caller hung up');
}
