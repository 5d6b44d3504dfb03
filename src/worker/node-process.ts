/**
 * Entry point of a batch worker process: exposes the engine API over comlink on the process's IPC
 * channel (see `node-host.ts`). A process of its own per worker lets replications, which allocate
 * briskly, collect their garbage without stopping each other (threads of one process share more).
 */
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createEngineApi } from './engine.ts';
import { processEndpoint } from './process-endpoint.ts';

if (!process.send) throw new Error('worker/node-process.ts runs as a forked process with an IPC channel');
// The parent went away: nothing is left to answer.
process.on('disconnect', () => process.exit(0));
expose(createEngineApi(), nodeEndpoint(processEndpoint(process)));
