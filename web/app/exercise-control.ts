/**
 * Running an exercise in the page: the session (src/exercise) over a live engine session in the
 * Web Worker. Every action is queued, so the worker's answers arrive in order whatever the user
 * clicks; continuous play moves the clock by frames of the injectable clock; in continuous play a
 * decision not taken within its timeout takes its listed default. It also ends the exercise (the
 * files the CLI would write), and runs a branch of it for the debrief.
 */
import type { Remote } from 'comlink';
import type { AppApi } from '../engine-api.ts';
import type { EngineHandle } from '../engine-client.ts';
import type { Clock } from './clock.ts';
import { ExerciseSession, engineLink } from '../../src/exercise/session.ts';
import { defaultRationale } from '../../src/exercise/text.ts';
import { replayLog, readExerciseLog, type Branch } from '../../src/exercise/replay.ts';
import { exerciseFiles } from '../../src/exercise/outputs.ts';
import type { ExercisePackage } from '../../src/exercise/package.ts';
import type { ExerciseLog } from '../../src/exercise/log.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import { formatError, type Result, type Words } from '../../src/scenario/errors.ts';
import { ExerciseError, thrownWords } from '../../src/exercise/problems.ts';
import type { RunResult } from '../../src/engine/simulate.ts';
import type { Lang } from '../../src/report/i18n.ts';
import { replicationKpis, type Kpi } from '../../src/metrics/kpis.ts';
import type { ScoreResult } from '../../src/metrics/score.ts';

/** Figures the debrief compares between the exercise and a branch. */
export const BRANCH_KPIS: Kpi[] = ['score', 'answer_wait_s_p90', 'call_to_arrival_s_p90', 'response_s_p90', 'incidents_waited_for_unit', 'escalations', 'notification_tier2_s_p90'];

export interface BranchResult {
  branch: Branch;
  /** Exercise time (s) of the changed decision: the two runs are the same before it. */
  t: number;
  rows: { kpi: string; original: number; branched: number }[];
  /** The focus incidents' chains side by side: step, time in the exercise, time in the branch (scenario s). */
  chain: { incident: string; step: string; original: number | null; branched: number | null }[];
}

let sessions = 0;

export class ExerciseControl {
  session: ExerciseSession | null = null;
  pkg: ExercisePackage | null = null;
  scenario: Scenario | null = null;
  /** The finished run, once the exercise has ended. */
  result: RunResult | null = null;
  /** The finished run's linkage score, as the report and evaluation.csv have it (the indicators' evidence). */
  score: ScoreResult | null = null;
  playing = false;
  /** Simulated seconds per real second in continuous play. */
  speed = 60;
  branchResult: BranchResult | null = null;
  /** The branch last asked for (the debrief's choice shows it until another is asked), and whether it is still running. */
  branchAsked: Branch | null = null;
  branchRunning = false;
  private queue: Promise<unknown> = Promise.resolve();
  private frame = -1;
  private lastFrameMs = 0;
  /** Wall time (ms) the pending decision has waited while playing. */
  private waitedMs = 0;

  constructor(
    private readonly engine: EngineHandle,
    private readonly clock: Clock,
    private readonly changed: () => void,
    private readonly failed: (problem: Words) => void,
  ) {}

  private get api(): Remote<AppApi> {
    return this.engine.api;
  }

  /** Runs `op` after everything queued before it; a failure is reported and the queue goes on. */
  private enqueue<T>(op: () => Promise<T>): Promise<T | undefined> {
    const next = this.queue.then(op).catch((e: unknown) => {
      this.pauseClock();
      this.failed(thrownWords(e));
      return undefined;
    });
    this.queue = next.then(() => this.changed());
    return next;
  }

  /** Key of the worker session this control has open (finished sessions are gone from the worker already). */
  private liveKey: string | null = null;

  /** A key for a new worker session; the one open before it is closed in the worker (it would hold its run to the end of the page). */
  private nextKey(prefix: string): string {
    this.closeLive();
    this.liveKey = `${prefix}-${++sessions}`;
    return this.liveKey;
  }

  private closeLive(): void {
    if (this.liveKey !== null) void this.api.closeSession(this.liveKey);
    this.liveKey = null;
  }

  /** Opens an exercise (ending any open one). */
  open(pkg: ExercisePackage, scenario: Scenario): Promise<unknown> {
    return this.enqueue(async () => {
      this.pauseClock();
      this.pkg = pkg;
      this.scenario = scenario;
      this.result = null;
      this.score = null;
      this.forgetBranch();
      this.speed = pkg.playSpeed;
      this.session = await ExerciseSession.open(pkg, scenario, engineLink(this.api, this.nextKey('exercise')));
    });
  }

  /** Opens a recorded exercise from its log, replayed to where it stopped. */
  async openLog(pkg: ExercisePackage, scenario: Scenario, text: string, fileName: string): Promise<Result<null>> {
    const log = readExerciseLog(text, fileName);
    if (!log.ok) return log;
    const out = await this.enqueue(async () => {
      this.pauseClock();
      const r = await replayLog(pkg, scenario, engineLink(this.api, this.nextKey('exercise')), log.value, fileName);
      if (!r.ok) {
        this.closeLive();
        return r;
      }
      this.pkg = pkg;
      this.scenario = scenario;
      this.result = null;
      this.score = null;
      this.forgetBranch();
      this.session = r.value.session;
      // A log that played to the end opens ended: its files, debrief and branches are there at once.
      if (this.session.done) await this.finishRun();
      return { ok: true as const, value: null };
    });
    return out ?? { ok: false, errors: [{ path: fileName, zh: '回放失败', en: 'the replay failed' }] };
  }

  moveTo(kind: 'inject' | 'decision' | 'by', byS = 0): Promise<unknown> {
    return this.enqueue(async () => {
      const s = this.session;
      if (!s || s.pending || this.result) return;
      if (kind === 'by') await s.moveTo(s.t + byS, 'by');
      else await s.moveTo(s.nextStop(kind), kind === 'inject' ? 'next-inject' : 'next-decision');
    });
  }

  decide(id: string, choice: string, o: Parameters<ExerciseSession['decide']>[2]): Promise<unknown> {
    return this.enqueue(async () => {
      // A second confirm (a double click, or the timeout as the room decides) finds it taken already.
      if (this.session?.pending?.id !== id) return;
      await this.session.decide(id, choice, o);
      this.waitedMs = 0;
    });
  }

  run<T>(op: (s: ExerciseSession) => Promise<T> | T): Promise<T | undefined> {
    return this.enqueue(async () => (this.session ? op(this.session) : undefined));
  }

  /** Continuous play (functional exercises): the clock runs at `speed` until paused, a decision or the end. */
  play(on: boolean): void {
    if (!on) return this.pauseClock();
    if (this.playing || !this.session || this.result) return;
    this.playing = true;
    this.lastFrameMs = 0;
    this.frame = this.clock.request((ms) => this.tick(ms));
    this.changed();
  }

  private pauseClock(): void {
    if (this.frame >= 0) this.clock.cancel(this.frame);
    this.frame = -1;
    if (this.playing) {
      this.playing = false;
      this.changed();
    }
  }

  private tick(nowMs: number): void {
    const s = this.session;
    if (!this.playing || !s) return;
    const dtMs = this.lastFrameMs ? Math.min(250, nowMs - this.lastFrameMs) : 0;
    this.lastFrameMs = nowMs;
    if (s.done) return this.pauseClock();
    if (s.pending) {
      // The room has the decision's timeout (simulated seconds, at the play speed) to decide.
      this.waitedMs += dtMs;
      const d = s.pending;
      if (d.timeoutS !== null && this.waitedMs >= (d.timeoutS / this.speed) * 1000) {
        void this.decide(d.id, d.default, { ...defaultRationale('timeout'), timedOut: true });
      }
      this.frame = this.clock.request((ms) => this.tick(ms));
      return;
    }
    // One step in flight at a time: the next frame asks again once this one is done.
    void this.enqueue(async () => {
      if (dtMs > 0 && !s.pending && !s.done) await s.moveTo(s.t + (dtMs / 1000) * this.speed, 'play');
    }).then(() => {
      if (this.playing) this.frame = this.clock.request((ms) => this.tick(ms));
    });
  }

  /** Ends the exercise: the clock runs to the end (defaults taken), the run is finished. */
  end(): Promise<unknown> {
    return this.enqueue(async () => {
      this.pauseClock();
      await this.finishRun();
    });
  }

  private async finishRun(): Promise<void> {
    if (!this.session || this.result) return;
    this.result = await this.session.finish();
    this.score = exerciseFiles(this.session, this.result, { lang: 'zh' }).score;
  }

  /** Every file the CLI writes for this exercise (after it ended). */
  files(lang: Lang): Record<string, string> | null {
    if (!this.session || !this.result) return null;
    return exerciseFiles(this.session, this.result, { lang }).files;
  }

  /** The log as it stands (replayable from any point). */
  log(): ExerciseLog | null {
    return this.session ? this.session.log : null;
  }

  private forgetBranch(): void {
    this.branchResult = null;
    this.branchAsked = null;
    this.branchRunning = false;
  }

  /** Replays the ended exercise with one decision changed, and compares the two runs. */
  runBranch(branch: Branch): Promise<unknown> {
    // Asked at once, so every redraw until the answer shows the branch chosen, not the one shown before.
    this.branchAsked = branch;
    this.branchRunning = true;
    return this.enqueue(async () => {
      try {
        const s = this.session;
        if (!s || !this.result || !this.pkg || !this.scenario) return;
        const r = await replayLog(this.pkg, this.scenario, engineLink(this.api, `branch-${++sessions}`), s.log, 'exercise-log.json', branch);
        if (!r.ok) throw new ExerciseError({ zh: r.errors.map((e) => formatError(e, 'zh')).join('；'), en: r.errors.map((e) => formatError(e, 'en')).join('; ') });
        const other = await r.value.session.finish();
        const a = replicationKpis(this.scenario, this.result.records).kpis;
        const b = replicationKpis(this.scenario, other.records).kpis;
        const chain: BranchResult['chain'] = [];
        for (const name of this.pkg.focus) {
          const id = s.incidentIds.get(name);
          const x = this.result.records.incidents.find((i) => i.incidentId === id);
          const y = other.records.incidents.find((i) => i.incidentId === r.value.session.incidentIds.get(name));
          for (const step of ['tAnswered', 'tPlan', 'tFirstArrival', 'tReported', 'tApproved', 'tCommandPost', 'tControlled', 'tClosed'] as const) {
            chain.push({ incident: name, step, original: x ? x[step] : null, branched: y ? y[step] : null });
          }
        }
        this.branchResult = { branch, t: r.value.branchT ?? 0, rows: BRANCH_KPIS.map((k) => ({ kpi: k, original: a[k], branched: b[k] })), chain };
      } finally {
        // Done or failed: a later ask, queued behind this one, keeps running.
        if (this.branchAsked === branch) this.branchRunning = false;
      }
    });
  }
}
