/** Web Workers running the engine: one for runs (restarted to cancel), a pool for batches. */
import { wrap, type Remote } from 'comlink';
import type { AppApi } from './engine-api.ts';

export interface EngineHandle {
  api: Remote<AppApi>;
  terminate(): void;
}

export function startEngine(): EngineHandle {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('error', (e) => console.error(`engine worker: ${e.message || 'failed to start'}`));
  return { api: wrap<AppApi>(worker), terminate: () => worker.terminate() };
}
