/** Starting Node worker threads that run the TypeScript sources (through tsx, as the CLI does). */
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { EngineApi } from './api.ts';

/**
 * A sibling module of `base` by name: `.ts` when running the sources, `.js` when running the CLI
 * compiled to JavaScript (the container image), so worker threads load what the main thread runs.
 */
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.js') ? '.js' : '.ts'}`, base);
}

/** Code for `new Worker(…, {eval: true})` that registers tsx in the new thread, then loads `url`. */
export function tsWorkerBootstrap(url: URL): string {
  const api = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
}

/** A worker thread running the engine API, and its comlink proxy. */
export interface EngineWorker {
  api: Remote<EngineApi>;
  terminate(): Promise<void>;
}

/**
 * Replications allocate briskly: a young generation larger than V8's default keeps collections —
 * which compete for the same cores when every core runs a worker — rare.
 */
const YOUNG_GENERATION_MB = 96;

export function startEngineWorker(): EngineWorker {
  const worker = new Worker(tsWorkerBootstrap(siblingModule('node', import.meta.url)), { eval: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const api = wrap<EngineApi>(nodeEndpoint(worker));
  let ended: Promise<void> | null = null;
  return {
    api,
    terminate() {
      // Idempotent: a pool may end its workers on completion and on an interrupt at once.
      ended ??= (async () => {
        api[releaseProxy]();
        await worker.terminate();
      })();
      return ended;
    },
  };
}
