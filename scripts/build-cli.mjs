// Compiles the command line and its worker entries into build/ (bundled ES modules), so `linkdrill`
// starts without compiling TypeScript. Runs on `npm install` (the `prepare` script) and as
// `npm run build:cli`; bin/linkdrill.js falls back to the TypeScript sources when they are newer.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const out = new URL('../build/', import.meta.url);
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/worker/node-process.ts', 'bench-worker': 'src/cli/bench-worker.ts' },
  absWorkingDir: new URL('..', import.meta.url).pathname,
  outdir: 'build',
  bundle: true,
  // Commands load on demand; chunks stay beside the entries so workers are found next to them.
  splitting: true,
  chunkNames: '[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Smaller files parse faster at every start; names are kept for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // Bundled CommonJS packages may require Node's built-ins.
  banner: { js: "import { createRequire as __linkdrillRequire } from 'node:module'; const require = __linkdrillRequire(import.meta.url);" },
  logLevel: 'warning',
});
