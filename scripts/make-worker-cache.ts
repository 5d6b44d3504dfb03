/**
 * Makes the batch worker's code cache (`build/worker.cjs.<hash>.cache`, see bin/compiled.js): starts
 * a worker as a batch does — the same V8 flags, which V8 checks a cache against — and runs a few
 * replications of the bundled default scenario in it; scripts/build-cli.mjs, which bundles this
 * into build/ and runs it, sets the variable that has the worker write what it compiled as it
 * stops. A worker started later loads the engine from the cache instead of compiling each function
 * at its first call.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../src/cli/io.ts';
import { startEngineWorker } from '../src/worker/node-host.ts';

const sample = fileURLToPath(new URL('../scenarios/default.yaml', import.meta.url));
const loaded = existsSync(sample) ? loadScenarioFile(sample) : null;
if (loaded?.ok) {
  const worker = startEngineWorker();
  try {
    await worker.api.prepare('warm', loaded.value);
    await Promise.race([worker.died, worker.api.replicateMany([1, 2, 3, 4].map((k) => ({ key: 'warm', rep: k, seed: k })))]);
  } finally {
    await worker.terminate();
  }
}
