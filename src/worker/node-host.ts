/**
 * Starting Node workers: the compiled entry beside the compiled CLI (`build/`), or — when linkdrill
 * runs from its TypeScript sources (development, tests) — the source file through tsx. Batch workers
 * are processes of their own speaking the engine API over comlink; the benchmark's single
 * measurements run in threads.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { EngineApi } from './api.ts';
import { processEndpoint } from './process-endpoint.ts';
import type { Words } from '../scenario/errors.ts';

/** Whether this code runs compiled (from `build/`) rather than from its TypeScript sources. */
export const COMPILED = !import.meta.url.endsWith('.ts');

/** The file a worker named `name` runs: `build/<name>.js` when compiled, else the source `source`. */
function entry(name: string, source: URL): URL {
  return COMPILED ? new URL(`./${name}.js`, import.meta.url) : source;
}

/**
 * A worker thread running the entry `name` (`build/<name>.js` when compiled) or, from the sources,
 * the TypeScript file `source` through tsx.
 */
export function startWorkerThread(name: string, source: URL, options: ConstructorParameters<typeof Worker>[1] = {}): Worker {
  if (COMPILED) return new Worker(entry(name, source), options);
  return new Worker(tsWorkerBootstrap(source), { ...options, eval: true });
}

/** Code for `new Worker(…, {eval: true})` that registers tsx in the new thread, then loads `url`. */
export function tsWorkerBootstrap(url: URL): string {
  const api = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
}

/**
 * Starts the entry `name` as a child process with an IPC channel (structured-clone messages);
 * from the sources, through tsx. `v8Flags` go to the child's V8.
 */
export function startProcess(name: string, source: URL, v8Flags: string[] = []): ChildProcess {
  const tsx = COMPILED ? [] : ['--import', import.meta.resolve('tsx')];
  return fork(fileURLToPath(entry(name, source)), [], { execArgv: [...tsx, ...v8Flags], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** A worker process running the engine API, and its comlink proxy. */
export interface EngineWorker {
  api: Remote<EngineApi>;
  /** The worker's process id. */
  readonly pid: number | undefined;
  /** Rejects when the process ends before `terminate` was called (a crash, a kill). */
  readonly died: Promise<never>;
  terminate(): Promise<void>;
}

/**
 * Replications allocate briskly: a young generation larger than V8's default keeps collections
 * rare (a semi-space of this many MiB; the young generation is about three of them).
 */
const SEMI_SPACE_MB = 32;

/**
 * The same young generation for an engine in a worker thread (`resourceLimits`), whose size V8
 * counts as three semi-spaces: what the benchmark's engine measurements run with, as a batch does.
 */
export const ENGINE_YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;

/** A batch worker that ended while it had work (killed, out of memory), said in both languages; `message` is the English. */
export class WorkerStopped extends Error implements Words {
  readonly zh: string;
  readonly en: string;

  /** `signal` (SIGKILL) as the system names it, else the process's exit code. */
  constructor(signal: string | null, code: number | null) {
    super(`a batch worker stopped unexpectedly (${signal ?? `exit code ${code}`})`);
    this.en = this.message;
    this.zh = `一个批量运行工作进程意外终止（${signal ?? `退出码 ${code}`}）`;
  }
}

export function startEngineWorker(): EngineWorker {
  const child = startProcess('worker', new URL('./node-process.ts', import.meta.url), [`--max-semi-space-size=${SEMI_SPACE_MB}`]);
  const api = wrap<EngineApi>(nodeEndpoint(processEndpoint(child)));
  let ending = false;
  const died = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      if (!ending) reject(new WorkerStopped(signal, code));
    });
  });
  // Nobody may be waiting on it yet: an unexpected end is reported where it is awaited.
  died.catch(() => {});
  let ended: Promise<void> | null = null;
  return {
    api,
    pid: child.pid,
    died,
    terminate() {
      // Idempotent: a pool may end its workers on completion and on an interrupt at once.
      ended ??= (async () => {
        ending = true;
        if (child.exitCode !== null || child.signalCode !== null) return;
        api[releaseProxy]();
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill();
        await gone;
      })();
      return ended;
    },
  };
}
