/** Entry point of a Node worker thread: exposes the engine API over comlink's Node adapter. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createEngineApi } from './engine.ts';

if (!parentPort) throw new Error('worker/node.ts runs in a worker thread');
expose(createEngineApi(), nodeEndpoint(parentPort));
