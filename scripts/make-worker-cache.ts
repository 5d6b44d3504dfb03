/**
 * Makes the batch worker's code cache (`build/worker.cjs.<hash>.cache`, see bin/compiled.js): starts
 * a worker as a batch does — the same V8 flags, which V8 checks a cache against — and runs a few
 * replications of the bundled default scenario in it; scripts/build-cli.mjs, which bundles this
 * into build/ and runs it, sets the variable that has the worker write what it compiled as it
 * stops. A worker started later loads the engine from the cache instead of compiling each function
 * at its first call.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../src/cli/io.ts';
import { startEngineWorker } from '../src/worker/node-host.ts';

const sample = fileURLToPath(new URL('../scenarios/default.yaml', import.meta.url));
const loaded = existsSync(sample) ? loadScenarioFile(sample) : null;
const hasCache = () => readdirSync(new URL('./', import.meta.url)).some((f) => /^worker\.cjs\.[0-9a-f]+\.cache$/.test(f));
if (loaded?.ok) {
  const worker = startEngineWorker();
  // Four replications take about a second; a worker that has not answered in two minutes is stuck.
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer in 120 s')), 120_000);
  });
  const alive = <T>(p: Promise<T>) => Promise.race([worker.died, stuck, p]);
  try {
    await alive(worker.api.prepare('warm', loaded.value));
    await alive(worker.api.replicateMany([1, 2, 3, 4].map((k) => ({ key: 'warm', rep: k, seed: k }))));
  } catch (e) {
    // A worker that cannot run the bundled scenario is a broken build: say so and fail.
    console.error(`linkdrill build: a batch worker could not run scenarios/default.yaml (${e instanceof Error ? e.message : String(e)})`);
    process.exitCode = 1;
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
  // Without its cache a worker only compiles as it goes, as it did before: say so, and go on.
  if (process.exitCode !== 1 && !hasCache()) console.warn('linkdrill build: the batch worker wrote no code cache; workers will compile the engine as they run');
}
