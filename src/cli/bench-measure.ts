/**
 * How `linkdrill bench` measures: commands run as a user runs them, each in a fresh `node` whose own
 * CPU time, peak memory and page faults it reports as it exits; engine figures in a fresh worker
 * thread each; SimPy's bare M/M/c loop in Python; batch worker processes timed from outside. The
 * figures, their targets and the verdicts are `bench.ts`'s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../scenario/scenario.ts';
import type { BenchJob, BenchRun } from './bench-worker.ts';
import { COMPILED, ENGINE_YOUNG_GENERATION_MB, startEngineWorker, startWorkerThread } from '../worker/node-host.ts';
import { MMC_PY } from './bench-simpy.ts';
import { FRESH_MEMORY_JS, type FreshMemory } from './bench-memory.ts';

const ROOT = fileURLToPath(new URL(COMPILED ? '../' : '../../', import.meta.url));
const BIN = join(ROOT, 'bin/linkdrill.js');
export const MM5 = join(ROOT, 'scenarios/bench/mm5-calls.yaml');
export const DEFAULT = join(ROOT, 'scenarios/default.yaml');
/** The M/M/5 of `mm5-calls.yaml`: 240 calls an hour, 60 s handling, 600 hours. */
export const MM5_PARAMS = { servers: 5, ratePerHour: 240, meanServiceS: 60, hours: 600 };

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const f0 = (x: number) => Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export const f2 = (x: number) => x.toFixed(2);

/** A command's run as measured from its own process. */
export interface Measured {
  code: number | null;
  wallS: number;
  cpuS: number;
  maxRssMiB: number;
  /** Page faults the process took, node's own start included. */
  faults: number;
  stdout: string;
  stderr: string;
}

/** Reports the process's CPU time and peak memory on fd 3 as it exits (loaded before the CLI). */
const RUSAGE_HOOK =
  'data:text/javascript,' +
  encodeURIComponent("import{writeSync}from'node:fs';process.on('exit',()=>{const r=process.resourceUsage();try{writeSync(3,JSON.stringify({cpuS:(r.userCPUTime+r.systemCPUTime)/1e6,maxRssKiB:r.maxRSS,faults:r.minorPageFault}))}catch{}});");

/** What fresh memory costs, measured in a process of its own (see `bench-memory.ts`), or null. */
export async function freshMemory(): Promise<FreshMemory | null> {
  try {
    return JSON.parse((await runNode(['--input-type=module', '-e', FRESH_MEMORY_JS])).stdout) as FreshMemory | null;
  } catch {
    return null;
  }
}

/** Runs `node bin/linkdrill.js …args` as a user would and measures it. */
const runCli = (args: string[]): Promise<Measured> => runNode([BIN, ...args]);

/** Runs `node …args` and measures it. */
export function runNode(args: string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', RUSAGE_HOOK, ...args], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], cwd: ROOT });
    let stdout = '';
    let stderr = '';
    let usage = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d) => (usage += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
      let u = { cpuS: NaN, maxRssKiB: NaN, faults: NaN };
      try {
        if (usage) u = JSON.parse(usage) as typeof u;
      } catch {
        // Figures of a process that did not say them stay NaN and print as such.
      }
      resolve({ code, wallS, cpuS: u.cpuS, maxRssMiB: u.maxRssKiB / 1024, faults: u.faults, stdout, stderr });
    });
  });
}

export async function cliOk(args: string[]): Promise<Measured> {
  const m = await runCli(args);
  if (m.code !== 0) throw new Error(`linkdrill ${args.join(' ')} failed (${m.code}): ${m.stderr.trim().split('\n')[0]}`);
  return m;
}

/**
 * Runs one measurement in a fresh worker thread, its heap configured as a batch worker's (the
 * engine and the simjs baselines alike), or — `asRun` — as V8 gives a command's process by default.
 */
export function inWorker(job: BenchJob, asRun = false): Promise<BenchRun[]> {
  return new Promise((resolve, reject) => {
    const heap = asRun ? {} : { resourceLimits: { maxYoungGenerationSizeMb: ENGINE_YOUNG_GENERATION_MB } };
    const w = startWorkerThread('bench-worker', new URL('./bench-worker.ts', import.meta.url), { workerData: job, ...heap });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`bench worker exited with code ${code}`)));
  });
}
export const rate = (runs: BenchRun[], pick: (r: BenchRun) => number) => median(runs.map((r) => pick(r) / r.seconds));

/** python3 with SimPy: the first interpreter that imports it, or why none does. */
export function findSimpy(): { exe: string; version: string } | { missing: string } {
  const tried: string[] = [];
  for (const exe of ['python3', '/usr/bin/python3', 'python']) {
    const r = spawnSync(exe, ['-c', 'import simpy, sys; print(simpy.__version__, sys.version.split()[0])'], { encoding: 'utf8' });
    if (r.status === 0) return { exe, version: r.stdout.trim() };
    tried.push(`${exe}: ${r.error ? 'not found' : 'no simpy'}`);
  }
  return { missing: tried.join('; ') };
}

/** SimPy's bare M/M/c loop: customers served and the loop's seconds. */
export function simpyRun(exe: string): { customers: number; seconds: number } {
  const p = MM5_PARAMS;
  const r = spawnSync(exe, ['-c', MMC_PY, String(p.servers), String(p.ratePerHour), String(p.meanServiceS), String(p.hours), '1'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`SimPy's M/M/c failed: ${r.stderr.trim().split('\n').pop()}`);
  return JSON.parse(r.stdout) as { customers: number; seconds: number };
}


/**
 * One batch worker process running `reps` replications of `scenario`: its wall seconds and the CPU
 * seconds of all its threads (V8 collects garbage and compiles on threads of its own), read from
 * Linux's /proc; null elsewhere.
 */
export async function oneWorkerCores(reps: number, scenario: Scenario): Promise<{ wallS: number; cpuS: number } | null> {
  const w = startEngineWorker();
  // utime + stime of the whole process, in clock ticks (100 a second on Linux).
  const cpuS = () => {
    try {
      const f = readFileSync(`/proc/${w.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      return NaN;
    }
  };
  try {
    await w.api.prepare('cores', scenario);
    const [t0, c0] = [process.hrtime.bigint(), cpuS()];
    for (let done = 0; done < reps; done += 8) await w.api.replicateMany(Array.from({ length: Math.min(8, reps - done) }, (_, k) => ({ key: 'cores', rep: done + k + 1, seed: done + k + 1 })));
    const r = { wallS: Number(process.hrtime.bigint() - t0) / 1e9, cpuS: cpuS() - c0 };
    return Number.isFinite(r.cpuS) ? r : null;
  } finally {
    await w.terminate();
  }
}

/** Seconds from starting `n` batch worker processes to each having taken a scenario. */
export async function workersReady(n: number, scenario: Scenario): Promise<number> {
  const t0 = process.hrtime.bigint();
  const ws = Array.from({ length: n }, () => startEngineWorker());
  try {
    await Promise.all(ws.map((w) => w.api.prepare('ready', scenario)));
    return Number(process.hrtime.bigint() - t0) / 1e9;
  } finally {
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
