/**
 * `linkdrill bench [--quick]` (also `npm run bench`): every figure issue 14 sets a target for, each
 * beside its target and a verdict computed from the measurement. Commands run end to end as a user
 * runs them (a fresh `node bin/linkdrill.js …` each time, its wall time, CPU time and peak memory
 * taken from the process itself); engine figures run in a fresh worker thread each. The machine is
 * shared and noisy, so every figure is a median of several runs, and ratios are taken against
 * baselines measured in the same run — SimPy's M/M/c loop when python3 with SimPy is installed.
 */
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatErrors } from '../scenario/errors.ts';
import { parse, type Io } from './args.ts';
import { loadScenarioFile } from './io.ts';
import type { BenchRun } from './bench-worker.ts';
import { COMPILED, ENGINE_YOUNG_GENERATION_MB } from '../worker/node-host.ts';
import { countLines } from './bench-memory.ts';
import { cliOk, DEFAULT, f0, f2, findSimpy, freshMemory, inWorker, median, MM5, MM5_PARAMS, oneWorkerCores, rate, runNode, simpyRun, workersReady, type Measured } from './bench-measure.ts';

/** Verdicts gathered as figures are printed. */
class Verdicts {
  readonly rows: { name: string; met: boolean | null }[] = [];
  constructor(private readonly io: Io) {}
  /** Prints `label: figure  (target …): met | NOT met | not judged (why)`. */
  judge(label: string, figure: string, target: string, met: boolean | null, why = ''): void {
    this.rows.push({ name: label, met });
    const verdict = met === null ? `not judged${why ? ` (${why})` : ''}` : met ? 'met' : 'NOT met';
    this.io.out(`  ${label}: ${figure}   target ${target}: ${verdict}`);
  }
  note(text: string): void {
    this.io.out(`  ${text}`);
  }
}

export async function benchCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { quick: { type: 'boolean' } });
  const quick = values.quick === true;
  const loaded = loadScenarioFile(DEFAULT);
  if (!loaded.ok) {
    // bench's figures and verdicts are for developers, in English; so is the unlikely failure to load its own scenario.
    io.err(formatErrors(loaded.errors, 'en'));
    return 1;
  }
  const runs = quick ? 3 : 5;
  const tmp = mkdtempSync(join(tmpdir(), 'linkdrill-bench-'));
  const v = new Verdicts(io);
  const simpy = findSimpy();
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ');
  io.out(`linkdrill bench${quick ? ' --quick' : ''} — ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, node ${process.version}${COMPILED ? '' : ' (from the TypeScript sources: run `npm run build:cli` first for start-up figures)'}`);
  io.out(`SimPy: ${'exe' in simpy ? `SimPy ${simpy.version.split(' ')[0]} on Python ${simpy.version.split(' ')[1]} (${simpy.exe})` : `not available (${simpy.missing}); install python3-simpy3 or \`pip install simpy\` — the target against SimPy is not judged`}`);
  io.out(`load average at the start: ${load()} (1 / 5 / 15 min). Every figure is a median of ${runs} runs unless it says otherwise.`);
  try {
    const fresh = await freshMemory();
    io.out(
      fresh
        ? `fresh memory: touching a newly allocated MiB takes ${f2(fresh.msPerMiB)} ms here, ${f2(fresh.usPerFault)} µs a page fault of ${f0(fresh.kibPerFault)} KiB`
        : 'fresh memory: not measured (this system counts no page faults); the figures that use it are left out',
    );
    /** `faults` page faults as MiB brought in and seconds at this machine's price, or null unmeasured. */
    const faultCost = (faults: number) => (fresh && Number.isFinite(faults) ? `${f0((faults * fresh.kibPerFault) / 1024)} MiB, about ${f2((faults * fresh.usPerFault) / 1e6)} s` : null);
    // What any command pays before linkdrill's own code runs: node starting with nothing to do.
    const nodeAlone: Measured[] = [];
    for (let k = 0; k < 3; k++) nodeAlone.push(await runNode(['-e', '0']));
    const bare = median(nodeAlone.map((m) => m.wallS));
    const nodeRss = median(nodeAlone.map((m) => m.maxRssMiB));

    // 1. End to end against SimPy, alternating so both see the same machine.
    io.out('\n1. linkdrill run end to end: the calls-only M/M/5 (scenarios/bench/mm5-calls.yaml, 600 h, every file written)');
    const e2e: Measured[] = [];
    const sp: { customers: number; seconds: number }[] = [];
    // The least any such run does: node starting, and the scenario's replication, cold, writing only
    // events.csv (a fresh worker thread each time, without the run's records, other files and report).
    const floorRuns: BenchRun[] = [];
    const aloneRuns: BenchRun[] = [];
    for (let k = 0; k < runs; k++) {
      e2e.push(await cliOk(['run', MM5, '--out', join(tmp, 'mm5')]));
      if (!('exe' in simpy)) continue;
      sp.push(simpyRun(simpy.exe));
      floorRuns.push(...(await inWorker({ kind: 'events-only', scenarioPath: MM5, out: join(tmp, `events-only-${k}.csv`) }, true)));
      aloneRuns.push(...(await inWorker({ kind: 'events-only', scenarioPath: MM5, out: null }, true)));
      rmSync(join(tmp, `events-only-${k}.csv`));
    }
    // The calls served, as the run's own summary.csv counts them (rep,metric,value).
    const calls = Number(/^1,calls,(\d+)\r?$/m.exec(readFileSync(join(tmp, 'mm5', 'summary.csv'), 'utf8'))?.[1] ?? NaN);
    const ours = median(e2e.map((m) => calls / m.wallS));
    v.note(`linkdrill run: ${f0(calls)} customers in ${f2(median(e2e.map((m) => m.wallS)))} s (CPU ${f2(median(e2e.map((m) => m.cpuS)))} s) → ${f0(ours)} customers/s`);
    if (sp.length) {
      const theirs = median(sp.map((x) => x.customers / x.seconds));
      v.note(`SimPy's bare M/M/5 loop: ${f0(sp[0].customers)} customers in ${f2(median(sp.map((x) => x.seconds)))} s → ${f0(theirs)} customers/s`);
      v.judge('linkdrill run ÷ SimPy loop', `${f2(ours / theirs)}×`, '≥ 1×', ours / theirs >= 1);
      const floorS = bare + median(floorRuns.map((r) => r.seconds));
      const floor = calls / floorS / theirs;
      // Said for certain only with the figures most in the run's favour: the fastest of these runs
      // against SimPy's slowest loop. (The thread compiles the engine without the run's code cache,
      // tens of milliseconds; it also leaves out loading the run's own code, which the run pays.)
      const floorAtBest = calls / (bare + Math.min(...floorRuns.map((r) => r.seconds))) / Math.min(...sp.map((x) => x.customers / x.seconds));
      // SimPy's loop's time for these customers: what the whole run would have to fit in.
      const budgetS = calls / theirs;
      const aloneS = bare + median(aloneRuns.map((r) => r.seconds));
      v.note(
        `the least such a run does as it is built — node starting (${f2(bare)} s) and the replication, cold, writing only events.csv as it simulates, without records, the other files or the report (${f2(median(floorRuns.map((r) => r.seconds)))} s) — is ${f2(floor)}× SimPy's loop (${f2(floorAtBest)}× its fastest against the slowest loop): ${
          floorAtBest < 1
            ? 'while the events are written as they are now, no change to the rest of the run can meet the target on this machine'
            : floor < 1
              ? 'the rest of the run could meet the target only on a good minute'
              : `the rest of the run has ${f2(budgetS - floorS)} s to meet the target in`
        }`,
      );
      v.note(
        `the replication alone, cold, keeping and writing nothing, takes ${f2(median(aloneRuns.map((r) => r.seconds)))} s after node's start: were every file written and scored on the other core${
          cpus().length > 1 ? '' : ' (this machine has one)'
        }, ${budgetS > aloneS ? `all of that work would have ${f2(budgetS - aloneS)} s of SimPy's loop's ${f2(budgetS)} s to finish in` : `no time would be left for it within SimPy's loop's ${f2(budgetS)} s`}`,
      );
    } else v.judge('linkdrill run ÷ SimPy loop', '–', '≥ 1×', null, 'no SimPy');
    // What the run does that SimPy's loop does not: node starting, and the files.
    const outDir = join(tmp, 'mm5');
    let bytes = 0;
    let csvLines = 0;
    const names = readdirSync(outDir).filter((f) => !f.startsWith('.'));
    for (const f of names) {
      bytes += statSync(join(outDir, f)).size;
      if (f.endsWith('.csv')) csvLines += countLines(join(outDir, f));
    }
    v.note(
      `beside the simulation the run starts node (${f2(bare)} s alone) and writes ${names.length} files of ${f0(bytes / 2 ** 20)} MiB, ${f0(csvLines)} lines of CSV (every event, call and incident); SimPy's loop writes nothing`,
    );
    const runFaults = median(e2e.map((m) => m.faults)) - median(nodeAlone.map((m) => m.faults));
    const runCost = faultCost(runFaults);
    if (runCost) v.note(`beyond node's own start the run takes ${f0(runFaults)} page faults: ${runCost} at this machine's price`);
    const peak = Math.max(...e2e.map((m) => m.maxRssMiB));
    v.judge('peak memory', `${f0(peak)} MiB`, '≤ 600 MiB', peak <= 600);
    // Flat: an added replication costs next to nothing, where a run that kept them would pay a whole
    // replication's memory for each (its peak above node's own).
    const [few, many] = quick ? [2, 8] : [4, 16];
    const rss = async (reps: number) => (await cliOk(['run', DEFAULT, '--reps', String(reps), '--out', join(tmp, 'reps')])).maxRssMiB;
    const [rssOne, rssFew, rssMany] = [await rss(1), await rss(few), await rss(many)];
    const perRep = (rssMany - rssFew) / (many - few);
    const share = perRep / (rssOne - nodeRss);
    v.judge(
      `memory in --reps (default scenario; 1, ${few}, ${many} replications; node alone ${f0(nodeRss)} MiB)`,
      `${f0(rssOne)}, ${f0(rssFew)}, ${f0(rssMany)} MiB → ${perRep.toFixed(1)} MiB per added replication = ${(100 * share).toFixed(0)}% of one replication's ${f0(rssOne - nodeRss)} MiB`,
      'flat: ≤ 10% (100% if every replication were kept)',
      share <= 0.1,
    );

    // 2. The engine in process, against simjs's own M/M/c and timers.
    io.out(`\n2. The engine in process (a fresh worker thread per measurement, with a batch worker's ${ENGINE_YOUNG_GENERATION_MB} MiB young generation; records kept, no event log, as a batch runs; ${quick ? 'one round' : 'three rounds'} alternating with the baseline, each figure a median of ${quick ? runs : 3} runs)`);
    const p = MM5_PARAMS;
    const customers = Math.round(p.ratePerHour * p.hours);
    // The machine's speed drifts from minute to minute: each engine measurement sits between two of
    // its baseline's, its ratio is taken against their mean, and the median of the rounds' ratios is
    // judged.
    const rounds = quick ? 1 : 3;
    const inner = quick ? runs : 3;
    const alternate = async (baseline: () => Promise<number>, ours: () => Promise<BenchRun[]>) => {
      const base = [await baseline()];
      const mine: BenchRun[][] = [];
      for (let k = 0; k < rounds; k++) {
        mine.push(await ours());
        base.push(await baseline());
      }
      return { base, mine, ratios: (pick: (r: BenchRun) => number) => mine.map((m, k) => rate(m, pick) / ((base[k] + base[k + 1]) / 2)) };
    };
    const list = (xs: number[]) => xs.map(f0).join(' / ');
    const mmcBaseline = async () => rate(await inWorker({ kind: 'raw-mmc', runs: inner, customers, servers: p.servers, ratePerS: p.ratePerHour / 3600, meanServiceS: p.meanServiceS }), (r) => r.customers);
    const mmc = await alternate(
      mmcBaseline,
      () => inWorker({ kind: 'scenario', runs: inner, scenarioPath: MM5, perRun: 1, warmup: 1 }),
    );
    const mmcRatio = median(mmc.ratios((r) => r.customers));
    v.note(`simjs's M/M/5 (a FCFS Facility, no model), around each round: ${list(mmc.base)} customers/s`);
    v.judge('calls-only M/M/5 ÷ simjs M/M/5', `${list(mmc.mine.map((m) => rate(m, (r) => r.customers)))} customers/s → ${f2(mmcRatio)}× (median of ${rounds})`, '≥ 0.50×', mmcRatio >= 0.5);
    // What keeping the records costs: the same replications keeping none, between the last baseline
    // and one more.
    const unkeptRuns = await inWorker({ kind: 'scenario', runs: inner, scenarioPath: MM5, perRun: 1, warmup: 1, records: false });
    const around = (mmc.base[mmc.base.length - 1] + (await mmcBaseline())) / 2;
    const unkept = rate(unkeptRuns, (r) => r.customers);
    const kept = median(mmc.mine.map((m) => rate(m, (r) => r.customers)));
    const keptRuns = mmc.mine.flat();
    const recordsPerRep = median(keptRuns.map((r) => r.customers + r.incidents));
    v.note(
      `the same replications keeping no records: ${f0(unkept)} customers/s, ${f2(unkept / around)}× simjs's ${f0(around)} around them; keeping a replication's ${f0(recordsPerRep)} records (a call's and an incident's, each an object) takes ${f0(100 * (1 - kept / unkept))}% of the engine's time`,
    );
    const recordsCost = faultCost(median(keptRuns.map((r) => r.faults)) - median(unkeptRuns.map((r) => r.faults)));
    if (recordsCost) v.note(`the records' page faults, beyond those of keeping none: ${recordsCost} of a replication's ${f2(median(keptRuns.map((r) => r.seconds)))} s at this machine's price`);
    const events = quick ? 1_000_000 : 2_000_000;
    const timers = await alternate(
      async () => rate(await inWorker({ kind: 'raw-timers', runs: inner, events }), (r) => r.events),
      () => inWorker({ kind: 'scenario', runs: inner, scenarioPath: DEFAULT, perRun: quick ? 10 : 20, warmup: quick ? 10 : 40 }),
    );
    const defRatio = median(timers.ratios((r) => r.events));
    v.note(`simjs timers (Entity.setTimer → done, no model), around each round: ${list(timers.base)} events/s`);
    v.judge(
      'default scenario ÷ simjs timers',
      `${list(timers.mine.map((m) => rate(m, (r) => r.events)))} events/s (${f0(median(timers.mine.map((m) => rate(m, (r) => r.incidents))))} incidents/s) → ${f2(defRatio)}× (median of ${rounds})`,
      '≥ 0.30×',
      defRatio >= 0.3,
    );

    // 3. Start-up.
    io.out('\n3. Start-up');
    const validate: number[] = [];
    for (let k = 0; k < runs + 2; k++) validate.push((await cliOk(['validate', DEFAULT])).wallS);
    v.judge('linkdrill validate scenarios/default.yaml', `${f2(median(validate))} s (node alone starts in ${f2(bare)} s)`, '≤ 0.5 s', COMPILED ? median(validate) <= 0.5 : null, 'not compiled');
    const ready: number[] = [];
    for (let k = 0; k < runs; k++) ready.push(await workersReady(2, loaded.value));
    v.judge('2 batch workers started and answering', `${f2(median(ready))} s`, '≤ 0.5 s', COMPILED ? median(ready) <= 0.5 : null, 'not compiled');

    // 4. The batch on 1 and 2 workers, end to end.
    const reps = quick ? 60 : 200;
    io.out(`\n4. linkdrill batch end to end: ${reps} replications of the default scenario (--variants baseline)`);
    const batchOf = async (n: number, workers: number) => (await cliOk(['batch', DEFAULT, '--variants', 'baseline', '--reps', String(n), '--workers', String(workers), '--out', join(tmp, `batch${workers}`), '--force'])).wallS;
    const batchOfAll = async (workers: number) => (await cliOk(['batch', DEFAULT, '--workers', String(workers), '--out', join(tmp, 'batch-default'), '--force'])).wallS;
    const one: number[] = [];
    const two: number[] = [];
    // What no number of workers shortens: node and linkdrill starting, the scenario read, a worker
    // started and its first replications, the comparison written — a batch of 2 on 1 worker.
    const least: number[] = [];
    for (let k = 0; k < (quick ? 1 : 3); k++) {
      one.push(await batchOf(reps, 1));
      two.push(await batchOf(reps, 2));
      least.push(await batchOf(2, 1));
    }
    const speedup = median(one) / median(two);
    v.judge('speed-up on 2 workers', `${f2(median(one))} s on 1, ${f2(median(two))} s on 2 → ${f2(speedup)}×`, `≥ 1.8×${quick ? ` (for 200; here ${reps})` : ''}`, speedup >= 1.8);
    // A worker is more than one core's work: V8 collects and compiles on threads of its own.
    const alone: { wallS: number; cpuS: number }[] = [];
    for (let k = 0; k < (quick ? 1 : 3); k++) {
      const r = await oneWorkerCores(reps, loaded.value);
      if (r) alone.push(r);
    }
    if (alone.length) {
      const cores = median(alone.map((r) => r.cpuS / r.wallS));
      v.note(`one worker alone, ${reps} replications: ${f2(median(alone.map((r) => r.cpuS)))} s of CPU in ${f2(median(alone.map((r) => r.wallS)))} s, ${f2(cores)} cores busy: on ${cpus().length} cores, ${cpus().length} workers can be at most ${f2(cpus().length / cores)}× one`);
    } else v.note('one worker alone: its CPU time is read from /proc, which this system has not');
    // What a user waits for by default: the batch given no --workers chooses them by its work
    // (`batch/workers.ts`), alternated with the same batch on one worker per core.
    const defaults: Measured[] = [];
    const everyCore: number[] = [];
    for (let k = 0; k < (quick ? 1 : 3); k++) {
      defaults.push(await cliOk(['batch', DEFAULT, '--out', join(tmp, 'batch-default'), '--force']));
      everyCore.push(await batchOfAll(cpus().length));
    }
    const chose = /(\d+) 个工作进程/.exec(defaults[0].stdout)?.[1] ?? '?';
    v.note(`the default batch (every variant × 20, no --workers) on the ${chose} worker${chose === '1' ? '' : 's'} it chose: ${f2(median(defaults.map((m) => m.wallS)))} s, against ${f2(median(everyCore))} s on ${cpus().length} (one per core)`);
    const fixedS = median(least);
    v.note(
      `a batch of 2 replications on 1 worker takes ${f2(fixedS)} s (start, reading, a worker's start, the files): were the other ${f2(median(one) - fixedS)} s shared perfectly, 2 workers could give at most ${f2(median(one) / (fixedS + (median(one) - fixedS) / 2))}× (Amdahl's law)`,
    );

    // 5. A year, streamed.
    const [shortDays, longDays] = quick ? [15, 60] : [30, 365];
    io.out(`\n5. A year: linkdrill run scenarios/default.yaml --duration ${longDays}d --max-events 20000000 beside ${shortDays}d (every file written)`);
    // A year may be estimated above run's default ceiling of work: the bench is not the place to refuse it.
    const year = (days: number, out: string) => cliOk(['run', DEFAULT, '--duration', `${days}d`, '--max-events', '20000000', '--out', join(tmp, out)]);
    const short = await year(shortDays, 'short');
    const long = await year(longDays, 'long');
    const perDay = long.cpuS / longDays / (short.cpuS / shortDays);
    v.judge(`CPU time per simulated day, ${longDays} d ÷ ${shortDays} d`, `${f2(long.cpuS)} s ÷ ${f2(short.cpuS)} s → ${f2(perDay)}× per day (wall ${f2(long.wallS)} s)`, '≤ 1.25× (linear in days)', perDay <= 1.25);
    v.judge(`peak memory, ${longDays} days`, `${f0(long.maxRssMiB)} MiB`, '≤ 1,024 MiB', quick ? null : long.maxRssMiB <= 1024, `--quick runs ${longDays} days, not a year`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const judged = v.rows.filter((r) => r.met !== null);
  const met = judged.filter((r) => r.met);
  io.out(`\n${met.length} of ${judged.length} targets met${judged.length < v.rows.length ? ` (${v.rows.length - judged.length} not judged)` : ''}; load average at the end: ${load()}.`);
  const missed = judged.filter((r) => !r.met).map((r) => r.name);
  if (missed.length) io.out(`Not met: ${missed.join('; ')}.`);
  return 0;
}
