/**
 * Entry point of the engine's Web Worker. The engine's modules finish loading asynchronously (simjs
 * is loaded with a top-level await), and a message that arrives meanwhile would find no listener:
 * hold them, then hand them to comlink once the API is exposed.
 */
import { expose } from 'comlink';

const held: MessageEvent[] = [];
const hold = (e: MessageEvent) => held.push(e);
self.addEventListener('message', hold);
const { appApi } = await import('./engine-api.ts');
expose(appApi);
self.removeEventListener('message', hold);
for (const e of held) self.dispatchEvent(new MessageEvent('message', { data: e.data, ports: [...e.ports] }));
