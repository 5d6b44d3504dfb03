// Loads a single-file CommonJS build (build/<name>.cjs) through V8's code cache (<name>.cjs.<hash>.cache,
// written by scripts/build-cli.mjs): Node 20 caches no compiled ES modules, and compiling the
// command's code at every start is most of what a short command waits for. A cache V8 rejects (another
// Node version) only costs the compile it would have saved.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * The code cache of the CommonJS file `file` (a path) whose text is `source` (read when not given).
 * It is named by the text it was made from: V8 checks a cache against the source's length only, so
 * a file rebuilt or patched to the same length would otherwise run the old code.
 */
export function cacheFileOf(file, source = readFileSync(file, 'utf8')) {
  return `${file}.${createHash('sha256').update(source).digest('hex').slice(0, 16)}.cache`;
}

/**
 * The exports of the CommonJS file `file` (a path), compiled with its code cache when there is one.
 * With `saveCache`, returns also a function that writes the cache of everything compiled so far.
 */
export function loadCompiled(file, { saveCache = false } = {}) {
  const source = readFileSync(file, 'utf8');
  const cacheFile = cacheFileOf(file, source);
  let cachedData;
  if (!saveCache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  // Written whole and then renamed into place, so a cache being written is never read half-made.
  const writeCache = () => {
    const part = `${cacheFile}.${process.pid}.part`;
    writeFileSync(part, script.createCachedData());
    renameSync(part, cacheFile);
  };
  return { exports: module.exports, writeCache };
}
