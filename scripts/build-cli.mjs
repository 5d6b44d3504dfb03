// Compiles the command line and its worker entries into build/ (bundled ES modules; `validate`,
// `run`, `batch`, `exercise` and a batch worker also as single CommonJS files started from V8's code
// cache), so `linkdrill` starts without compiling TypeScript. Runs on `npm install` (the `prepare` script) and as
// `npm run build:cli`; bin/linkdrill.js falls back to the TypeScript sources when they are newer.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cacheFileOf, loadCompiled } from '../bin/compiled.js';

/**
 * zod re-exports every one of its ~50 message languages (`z.locales`), half of its size; linkdrill
 * writes its own messages and uses none of them, so the bundle keeps English (zod's default) only
 * and each start parses that much less.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: new URL('../locales/en.js', `file://${args.importer}`).pathname, namespace: 'zod-locales' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: '/' }));
  },
};

/**
 * Leaves packages out of a CommonJS file: each is required from node_modules when first used (its
 * `import()` stays lazy). Excel workbooks are rare in a scenario, and exceljs is a third of validate's file.
 */
const requiredAtRunTime = (...names) => ({
  name: 'required-at-run-time',
  setup(b) {
    const filter = new RegExp(`^(${names.join('|')})$`);
    b.onResolve({ filter }, (args) => (args.namespace === 'run-time' ? { path: args.path, external: true } : { path: args.path, namespace: 'run-time' }));
    b.onLoad({ filter: /.*/, namespace: 'run-time' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});` }));
  },
});

const out = new URL('../build/', import.meta.url);
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts', 'bench-worker': 'src/cli/bench-worker.ts' },
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
  plugins: [zodEnglishOnly],
  logLevel: 'warning',
});

/**
 * `name` (a source file) as one CommonJS file, build/<name>.cjs, for bin/compiled.js to start from
 * V8's code cache; packages as in the command's build, exceljs required only when used.
 */
const singleFile = (name, source) =>
  build({
    entryPoints: { [name]: source },
    absWorkingDir: new URL('..', import.meta.url).pathname,
    outdir: 'build',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    plugins: [zodEnglishOnly, requiredAtRunTime('exceljs')],
    format: 'cjs',
    // Strict as the sources are, whether or not a tsconfig.json is beside them to say so; the file's
    // own URL and resolution where the sources ask for theirs (src/worker/node-host.ts finds the
    // workers beside it, and resolves tsx only when it runs from the sources).
    banner: {
      js: '"use strict";var __importMetaUrl=require("node:url").pathToFileURL(__filename).href;var __importMetaResolve=(s)=>require("node:url").pathToFileURL(require.resolve(s)).href;',
    },
    define: { 'import.meta.url': '__importMetaUrl', 'import.meta.resolve': '__importMetaResolve' },
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  });

const quiet = { out: () => {}, err: () => {}, tty: false };

/** Stops the build with `words` (a step that could not do its part on a bundled file). */
function fail(words) {
  console.error(`linkdrill build: ${words}`);
  process.exit(1);
}

/**
 * The command `name` as one CommonJS file (src/cli/<name>-main.ts), its code cache filled by running
 * `linkdrill <name> …args(path, folder)` once, silently, where `path` is the bundled file `input` and
 * `folder` a folder of the build's own in build/ for any output, removed after (or by the next
 * build, where this one is interrupted). A failed run stops the build; an interrupted one stops it
 * as the signal would.
 */
async function commandAlone(name, input, args) {
  await singleFile(name, `src/cli/${name}-main.ts`);
  const command = loadCompiled(fileURLToPath(new URL(`${name}.cjs`, out)), { saveCache: true });
  const path = fileURLToPath(new URL(`../${input}`, import.meta.url));
  if (!existsSync(path)) return;
  // Inside build/, which the next build empties, should the build be stopped before it removes it.
  const folder = mkdtempSync(join(fileURLToPath(out), '.warm-'));
  // A few seconds of work each: one that has not finished in five minutes is stuck.
  const stuck = setTimeout(() => fail(`\`${name}\` did not finish ${input} in five minutes`), 300_000);
  let code;
  try {
    code = await command.exports.main([name, ...args(path, folder)], quiet);
  } finally {
    clearTimeout(stuck);
    rmSync(folder, { recursive: true, force: true });
  }
  if (code === 130 || code === 143) process.kill(process.pid, code === 130 ? 'SIGINT' : 'SIGTERM');
  if (code !== 0) fail(`\`${name}\` could not run ${input} (exit code ${code})`);
  command.writeCache();
}

const sample = 'scenarios/default.yaml';
// `validate` loads none of the engine, and checking a scenario is what users do most often and wait
// for; `run` is what they run most after it; `exercise` is what a trainer plays, checks and replays.
await commandAlone('validate', sample, (path) => [path]);
await commandAlone('run', sample, (path, folder) => [path, '--out', join(folder, 'run')]);
await commandAlone('exercise', 'scenarios/exercises/chemical-leak-tabletop', (path, folder) => [path, '--out', join(folder, 'exercise')]);

// A batch worker process likewise: one CommonJS file started from its code cache by build/worker.js,
// which src/worker/node-host.ts forks. Its cache is made by the worker of `batch`'s warm-up below,
// started as every batch starts one (V8 rejects a cache made under other flags): it holds what that
// worker compiled for a few replications of the bundled scenario, written when the batch stops it.
await singleFile('worker', 'src/worker/node-process.ts');
const WRITE_WORKER_CACHE = 'LINKDRILL_WRITE_WORKER_CACHE';
writeFileSync(
  new URL('worker.js', out),
  `// A batch worker process (forked by src/worker/node-host.ts): worker.cjs, started from V8's code cache.
import { fileURLToPath } from 'node:url';
import { loadCompiled } from '../bin/compiled.js';

// Set by the build alone (scripts/build-cli.mjs): the worker then writes what it compiled when it is stopped.
const writing = process.env.${WRITE_WORKER_CACHE} === '1';
const { writeCache } = loadCompiled(fileURLToPath(new URL('./worker.cjs', import.meta.url)), { saveCache: writing });
if (writing) {
  process.on('SIGTERM', () => {
    try {
      writeCache();
    } finally {
      process.exit(0);
    }
  });
}
`,
);

// `batch` likewise, its cache made by a small batch of the bundled scenario on one worker, which
// inherits the variable that has it write its own cache.
process.env[WRITE_WORKER_CACHE] = '1';
await commandAlone('batch', sample, (path, folder) => [path, '--variants', 'baseline', '--reps', '4', '--workers', '1', '--out', join(folder, 'batch')]);
delete process.env[WRITE_WORKER_CACHE];
// Without its cache a worker only compiles as it goes, as it did before: say so, and go on.
if (!existsSync(cacheFileOf(fileURLToPath(new URL('worker.cjs', out))))) console.warn('linkdrill build: the batch worker wrote no code cache; workers will compile the engine as they run');
