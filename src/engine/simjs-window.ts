/**
 * Lends simjs a `window` to register itself on (see `kernel.ts`, which imports this just before
 * simjs: ES modules run in the order they are imported). In a browser page `window` is there and
 * nothing is lent; in a worker or Node it is, and `kernel.ts` takes it back once simjs has loaded.
 */
const g = globalThis as unknown as { window?: { Sim?: unknown } };

/** Whether there was a `window` before simjs loaded, and what it held as `Sim`. */
export const before = { hadWindow: 'window' in g, window: g.window, sim: g.window?.Sim };

if (!before.hadWindow) g.window = {};
