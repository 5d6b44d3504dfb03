#!/usr/bin/env node
// Entry point of the `linkdrill` command: runs the compiled CLI in build/ (made on `npm install`, or
// by `npm run build:cli`), or the TypeScript sources through tsx when they are newer than the build
// (or there is none), so an edited source is never shadowed by an old build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCompiled } from './compiled.js';

const root = new URL('../', import.meta.url);
const built = new URL('build/cli.js', root);

/** Newest modification time (ms) of the files under the folder `dir` (a path), or 0 when there are none. */
function newest(dir) {
  let t = 0;
  let names;
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  // Plain paths, not URLs: this runs over every source file at every start.
  for (const e of names) {
    const p = `${dir}/${e.name}`;
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function builtIsFresh() {
  try {
    return statSync(built).mtimeMs >= newest(fileURLToPath(new URL('src', root)));
  } catch {
    return false;
  }
}

let main;
let endQuietlyWhenOutputCloses;
if (builtIsFresh()) {
  // `validate`, `run`, `batch` and `exercise` have builds of their own, started from V8's code cache
  // (see compiled.js); their help is the CLI's.
  const args = process.argv.slice(3);
  const end = args.indexOf('--');
  const help = (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
  const command = process.argv[2];
  const alone = ['validate', 'run', 'batch', 'exercise'].includes(command) && !help ? new URL(`build/${command}.cjs`, root) : null;
  if (alone && existsSync(alone)) ({ main, endQuietlyWhenOutputCloses } = loadCompiled(fileURLToPath(alone)).exports);
  else ({ main, endQuietlyWhenOutputCloses } = await import(built.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main, endQuietlyWhenOutputCloses } = await import('../src/cli/main.ts'));
}
endQuietlyWhenOutputCloses();
process.exitCode = await main(process.argv.slice(2));
