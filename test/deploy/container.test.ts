import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATCH_USAGE, MERGE_USAGE } from '../../src/cli/usage.ts';
import { ROOT } from '../helpers.ts';

// Docker cannot build here (no daemon): these check what can be checked without one — that every
// file, script and path the Dockerfile and the deploy manifests name exists and agrees.
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile.split('\n').filter((l) => /^[A-Z]+ /.test(l));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const deploy = ['deploy/k8s-indexed-job.yaml', 'deploy/k8s-merge-job.yaml', 'deploy/slurm-array.sh'].map((f) => readFileSync(join(ROOT, f), 'utf8'));

describe('the container image and the deploy manifests', () => {
  it('copies only files that exist, installs production dependencies alone from the lockfile, on a slim base', () => {
    for (const l of instructions.filter((x) => x.startsWith('COPY ') && !x.includes('--from='))) {
      for (const src of l.split(/\s+/).slice(1, -1)) expect(existsSync(join(ROOT, src)), src).toBe(true);
    }
    expect(instructions.filter((l) => l.startsWith('FROM ')).every((l) => /node:20-[a-z]+-slim/.test(l))).toBe(true);
    expect(dockerfile).toMatch(/RUN npm ci --omit=dev/);
    expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true);
  });

  it('compiles the CLI with the npm script install runs, to build/, and runs it through the command', () => {
    for (const [, script] of dockerfile.matchAll(/npm run ([\w:-]+)/g)) expect(pkg.scripts[script], script).toBeDefined();
    expect(pkg.scripts['build:cli']).toBe('node scripts/build-cli.mjs');
    expect(pkg.scripts.prepare).toBe(pkg.scripts['build:cli']);
    const buildScript = readFileSync(join(ROOT, 'scripts/build-cli.mjs'), 'utf8');
    expect(buildScript).toMatch(/outdir: 'build'/);
    // The build stage has every script the build compiles or runs.
    const copied = instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from=')).flatMap((l) => l.split(/\s+/).slice(1, -1));
    for (const [file] of buildScript.matchAll(/scripts\/[\w-]+\.(?:ts|mjs)/g)) expect(copied, file).toContain(file);
    expect(dockerfile).toContain('COPY --from=build /app/build ./build');
    // The command runs build/cli.js (the image has no sources, so the build is never older than them).
    const entry = `/app/${pkg.bin.linkdrill}`;
    expect(dockerfile).toContain(`ENTRYPOINT ["node", "${entry}"]`);
    // A production install cannot run `prepare` (esbuild is a development dependency).
    expect(dockerfile).toMatch(/npm ci --omit=dev --ignore-scripts/);
    // Without a build (install scripts skipped), the command runs the sources through tsx.
    expect(pkg.dependencies.tsx).toBeDefined();
    for (const text of deploy) for (const [path] of text.matchAll(/\/app\/(?:bin|build|dist)\/[\w/.-]+\.js/g)) expect(path).toBe(entry);
  });

  it('the deploy manifests call commands and options the CLI has, on scenarios the image holds', () => {
    const options = (usage: string) => new Set([...usage.matchAll(/--([a-z-]+)/g)].map((m) => m[1]));
    const known = { batch: options(BATCH_USAGE), merge: options(MERGE_USAGE) };
    let calls = 0;
    for (const text of deploy) {
      for (const m of text.matchAll(/(?:linkdrill\.js|^linkdrill) (batch|merge)([^\n;]*(?:\\?\n\s+--[^\n;]*)*)/gm)) {
        calls++;
        for (const [, opt] of m[2].matchAll(/--([a-z-]+)/g)) expect(known[m[1] as 'batch' | 'merge'].has(opt), `${m[1]} --${opt}`).toBe(true);
      }
      for (const [, rel] of text.matchAll(/\/app\/scenarios\/([\w.-]+\.yaml)/g)) expect(existsSync(join(ROOT, 'scenarios', rel)), rel).toBe(true);
    }
    expect(calls).toBe(4);
  });
});
