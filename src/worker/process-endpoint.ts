/**
 * A Node process's IPC channel (a forked child, or `process` inside it) as the endpoint comlink's Node
 * adapter expects: `postMessage` sends, `on`/`off` listen. Messages cross with the structured-clone
 * serialisation (`serialization: 'advanced'`), so NaN, Maps and typed arrays arrive as they left.
 */
import type { NodeEndpoint } from 'comlink/dist/esm/node-adapter.mjs';

/** Either side of an IPC channel. */
interface IpcChannel {
  send?(message: unknown, callback?: (error: Error | null) => void): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

export function processEndpoint(p: IpcChannel): NodeEndpoint {
  return {
    // comlink's second argument lists objects to transfer; an IPC channel transfers nothing.
    // A send to a process that has gone fails quietly: its end is reported once, by the exit watch
    // (`EngineWorker.died`), not again as an uncaught 'error' event.
    postMessage: (message: unknown) => void p.send!(message, () => {}),
    on: (type, listener) => void p.on(type as 'message', listener),
    off: (type, listener) => void p.off(type as 'message', listener),
  };
}
