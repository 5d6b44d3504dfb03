/**
 * What the app's engine worker offers: the same API the Node batch pool uses, plus what the app needs
 * in one call — run all replications, write the run folder's files, score, build the replay — all off
 * the main thread, so the page stays responsive.
 */
import { createEngineApi } from '../src/worker/engine.ts';
import { runFolderFiles } from '../src/report/outputs.ts';
import type { Scenario } from '../src/scenario/scenario.ts';
import type { Lang } from '../src/report/i18n.ts';
import type { RepOutput } from '../src/report/csv.ts';
import { buildReplay } from './model/replay.ts';

const engine = createEngineApi();

export const appApi = {
  ...engine,
  /** Runs `reps` replications (seeds seed…), then files, report and the replay of the first. */
  runForApp(scenario: Scenario, seed: number, reps: number, lang: Lang, onProgress?: (fraction: number) => void) {
    const outputs: RepOutput[] = [];
    for (let rep = 1; rep <= reps; rep++) {
      const res = engine.run(scenario, seed + rep - 1, { log: true }, (f) => onProgress?.((rep - 1 + f) / reps));
      outputs.push({ rep, records: res.records, log: res.log });
    }
    const { files, report } = runFolderFiles(scenario, outputs.map((o) => seed + o.rep - 1), outputs, { lang, bom: false });
    const replay = buildReplay(scenario, outputs[0].log, outputs[0].records);
    return { files, report, replay, records: outputs[0].records };
  },
};
export type AppApi = typeof appApi;

