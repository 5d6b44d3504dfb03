// simjs@2.0.3 ships no types and exports nothing: it assigns `window.Sim` (see kernel.ts).
declare module 'simjs';
