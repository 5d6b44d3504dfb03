/**
 * A live exercise: the package's script played against a live engine session. The clock stands still
 * until someone moves it — to the next inject, the next decision point, by some minutes, or
 * continuously at a speed — and it stops at every decision point until the room decides. Scheduled
 * injects are delivered as the clock passes them, contingency injects when their expected action has
 * not happened in time, report prompts when 初报/续报/终报 fall due. Every step goes into the exercise
 * log, which replays the exercise (see `replay.ts`). The engine may sit in a worker (its calls are
 * awaited) or in the same thread.
 */
import type { Injection, InjectResult, Refusal, RunResult } from '../engine/simulate.ts';
import type { LogEvent } from '../engine/log.ts';
import type { WorldSnapshot } from '../engine/snapshot.ts';
import type { SessionStep } from '../worker/api.ts';
import type { DecisionPoint, ExercisePackage, Inject } from './package.ts';
import { LOG_FORMAT, LOG_VERSION, type Action, type ActionInput, type Delivery, type ExerciseLog } from './log.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { detectFromEvents, type Met } from './detect.ts';
import { defaultRationale, type AutoRationale } from './text.ts';
import { ExerciseError, NAMED, noOption, noSuch } from './problems.ts';

type MaybePromise<T> = T | Promise<T>;

/** The engine as a session sees it: one live run, possibly in a worker. */
export interface EngineLink {
  open(scenario: Scenario, seed: number): MaybePromise<SessionStep>;
  advance(tS: number): MaybePromise<SessionStep>;
  inject(x: Injection): MaybePromise<{ result: InjectResult; step: SessionStep }>;
  finish(): MaybePromise<RunResult>;
}

/** The calls of the worker API a session uses (the same in Node and, awaited, through comlink). */
interface SessionApi {
  openSession(key: string, scenario: Scenario, seed: number): MaybePromise<SessionStep>;
  advanceSession(key: string, tS: number): MaybePromise<SessionStep>;
  injectSession(key: string, x: Injection): MaybePromise<{ result: InjectResult; step: SessionStep }>;
  finishSession(key: string): MaybePromise<RunResult>;
}

/** The engine link of session `key` of a worker API (in-process, or a comlink proxy of a worker). */
export function engineLink(api: SessionApi, key: string): EngineLink {
  return {
    open: (scenario, seed) => api.openSession(key, scenario, seed),
    advance: (tS) => api.advanceSession(key, tS),
    inject: (x) => api.injectSession(key, x),
    finish: () => api.finishSession(key),
  };
}

/** A point the clock stops at, in exercise seconds: an inject, a contingency check, a decision, a report prompt, the end. */
interface Stop {
  t: number;
  kind: 'inject' | 'contingency' | 'decision' | 'prompt' | 'end';
  inject?: Inject;
  decision?: DecisionPoint;
  prompt?: { report: 'initial' | 'update' | 'final' };
}

export class ExerciseSession {
  /** Exercise time now (s from the exercise start). */
  t = 0;
  /** Every engine event so far, in order. */
  readonly events: LogEvent[] = [];
  snapshot!: WorldSnapshot;
  /** The decision point the clock waits at, or null. */
  pending: DecisionPoint | null = null;
  /** When the pending decision opened (for a timeout in continuous play). */
  pendingSince = 0;
  readonly log: ExerciseLog;
  /** When each scheduled or contingency inject was delivered (exercise s), or null for a contingency not needed. */
  readonly delivered = new Map<string, number | null>();
  /** Decisions made, by id. */
  readonly decided = new Map<string, Extract<Action, { type: 'decision' }>>();
  /** Expected actions seen, by id. */
  readonly met = new Map<string, Met>();
  /** Incident ids by the names the package uses, as they occur. */
  readonly incidentIds = new Map<string, string>();
  private promptsDone = new Set<string>();
  private finished = false;

  private constructor(
    readonly pkg: ExercisePackage,
    readonly scenario: Scenario,
    private readonly engine: EngineLink,
  ) {
    this.log = {
      format: LOG_FORMAT,
      version: LOG_VERSION,
      exercise: { name: pkg.name, hash: pkg.hash.package },
      scenario: { name: scenario.name, hash: pkg.hash.scenario },
      seed: pkg.seed,
      actions: [],
    };
  }

  /** Opens an exercise: the engine runs its warm-up to the exercise start, and T+0's script is played. */
  static async open(pkg: ExercisePackage, scenario: Scenario, engine: EngineLink): Promise<ExerciseSession> {
    const s = new ExerciseSession(pkg, scenario, engine);
    s.absorb(await engine.open(scenario, pkg.seed));
    s.absorb(await engine.advance(pkg.startS));
    s.t = 0;
    s.record({ type: 'clock', to: 0, how: 'start' });
    await s.playStopsUpTo(0);
    return s;
  }

  /** The end of the exercise (s from its start). */
  get end(): number {
    return this.pkg.durationS;
  }

  get done(): boolean {
    return this.t >= this.end && this.pending === null;
  }

  private record(a: ActionInput): Action {
    const action = { seq: this.log.actions.length + 1, t: this.t, ...a } as Action;
    this.log.actions.push(action);
    return action;
  }

  /** Takes in an engine step: its events (expected actions detected, names learnt) and the state. */
  private absorb(step: SessionStep): void {
    for (const e of step.events) {
      this.events.push(e);
      if (e.kind === 'incident.occur' && e.data.name) this.incidentIds.set(e.data.name, e.incident!);
    }
    detectFromEvents(this.pkg, step.events, this.incidentIds, this.pkg.startS, this.met);
    this.snapshot = step.snapshot;
  }

  /** Every stop still ahead, in time order (a decision before an inject at the same time, as the room answers first). */
  private stops(): Stop[] {
    const out: Stop[] = [];
    for (const inj of this.pkg.injects) if (!this.delivered.has(inj.id)) out.push({ t: inj.tS, kind: inj.contingency ? 'contingency' : 'inject', inject: inj });
    for (const d of this.pkg.decisions) if (!this.decided.has(d.id) && this.pending !== d) out.push({ t: d.tS, kind: 'decision', decision: d });
    for (const p of this.promptTimes()) if (!this.promptsDone.has(`${p.report}@${p.t}`)) out.push({ t: p.t, kind: 'prompt', prompt: { report: p.report } });
    out.push({ t: this.end, kind: 'end' });
    const order = { decision: 0, contingency: 1, inject: 2, prompt: 3, end: 4 };
    return out.sort((a, b) => a.t - b.t || order[a.kind] - order[b.kind]);
  }

  /** When 初报/续报/终报 fall due, once the reported incident's first call has been answered. */
  private promptTimes(): { t: number; report: 'initial' | 'update' | 'final' }[] {
    const r = this.pkg.reports;
    if (!r) return [];
    const id = this.incidentIds.get(r.incident);
    const answered = id === undefined ? undefined : this.events.find((e) => e.kind === 'call.answer' && e.incident === id);
    const out: { t: number; report: 'initial' | 'update' | 'final' }[] = [];
    if (answered) {
      const first = answered.t - this.pkg.startS + r.initialS;
      if (first <= this.end) out.push({ t: first, report: 'initial' });
      if (r.updatesS !== null) for (let t = first + r.updatesS; t < this.end; t += r.updatesS) out.push({ t, report: 'update' });
    }
    if (r.final) out.push({ t: this.end, report: 'final' });
    return out;
  }

  /** The next stop after now of a kind (any by default); the end when none is left. */
  nextStop(kind?: 'inject' | 'decision'): number {
    const s = this.stops().find((x) => x.t > this.t && (kind === undefined || x.kind === kind || (kind === 'inject' && x.kind === 'contingency')));
    return s ? s.t : this.end;
  }

  /**
   * Moves the clock to `to` (exercise s, clamped to the end), playing every stop on the way; a
   * decision point stops the clock there until it is decided. Returns the time reached.
   */
  async moveTo(to: number, how: Extract<Action, { type: 'clock' }>['how']): Promise<number> {
    if (this.pending) throw new ExerciseError({ zh: `决策点 ${this.pending.id} 正在等待决策：请先作出决策，再推进时钟`, en: `decision ${this.pending.id} is waiting; decide it before moving the clock` });
    const target = Math.min(Math.max(to, this.t), this.end);
    const from = this.t;
    await this.playStopsUpTo(target);
    if (!this.pending && this.t < target) await this.advanceEngine(target);
    if (this.t !== from || how === 'end') {
      // Continuous play moves the clock every frame: consecutive frames are one move in the log
      // (advancing in many small steps or one large one gives the same run).
      const last = this.log.actions[this.log.actions.length - 1];
      if (how === 'play' && last?.type === 'clock' && last.how === 'play') {
        last.to = this.t;
        last.t = this.t;
      } else this.record({ type: 'clock', to: this.t, how });
    }
    return this.t;
  }

  private async advanceEngine(t: number): Promise<void> {
    this.absorb(await this.engine.advance(this.pkg.startS + t));
    this.t = t;
  }

  /** Plays the stops due up to `target` in order; halts at a decision point. */
  private async playStopsUpTo(target: number): Promise<void> {
    for (;;) {
      const next = this.stops().find((s) => s.t <= target && s.kind !== 'end');
      if (!next) return;
      if (next.t > this.t) await this.advanceEngine(next.t);
      if (next.kind === 'decision') {
        this.pending = next.decision!;
        this.pendingSince = this.t;
        this.record({ type: 'decision-open', decision: next.decision!.id });
        return;
      }
      if (next.kind === 'prompt') {
        this.promptsDone.add(`${next.prompt!.report}@${next.t}`);
        this.record({ type: 'prompt', report: next.prompt!.report, incident: this.pkg.reports!.incident, role: this.pkg.reports!.role });
        continue;
      }
      const inj = next.inject!;
      if (next.kind === 'contingency') {
        const m = this.met.get(inj.contingency!.unless);
        const needed = !m || m.t > inj.tS;
        this.record({ type: 'contingency', inject: inj.id, unless: inj.contingency!.unless, delivered: needed });
        if (!needed) {
          this.delivered.set(inj.id, null);
          continue;
        }
      }
      this.delivered.set(inj.id, this.t);
      const delivery: Delivery | null = inj.action ? { injection: inj.action } : { message: inj.synopsis, from: inj.from, to: inj.to };
      const refused = inj.action ? await this.applyToEngine(inj.action) : undefined;
      this.record({ type: 'inject', inject: inj.id, delivery, ...(refused ? { refused } : {}) });
    }
  }

  /** Carries out an engine action now; returns why the engine refused it (data), if it did. */
  private async applyToEngine(x: Injection): Promise<Refusal | undefined> {
    const r = await this.engine.inject(x);
    this.absorb(r.step);
    return r.result.ok ? undefined : r.result.refused;
  }

  /**
   * The room decides the pending decision point: the chosen option's engine actions happen now.
   * `text` keeps a free-text answer beside the choice.
   */
  async decide(decisionId: string, choice: string, o: { role?: string; rationale?: string; auto?: AutoRationale; text?: string; timedOut?: boolean } = {}): Promise<Extract<Action, { type: 'decision' }>> {
    const d = this.pending;
    if (!d || d.id !== decisionId) throw new ExerciseError({ zh: `决策点 ${decisionId} 不在等待中（${d ? `正在等待的是 ${d.id}` : '没有正在等待的决策点'}）`, en: `decision ${decisionId} is not waiting (${d ? `${d.id} is` : 'none is'})` });
    const option = d.options.find((x) => x.id === choice);
    if (!option) throw new ExerciseError(noOption(decisionId, choice, d.options.map((x) => x.id)));
    this.pending = null;
    const refused: Refusal[] = [];
    for (const a of option.actions) {
      const why = await this.applyToEngine(a);
      if (why) refused.push(why);
    }
    const action = this.record({
      type: 'decision',
      decision: d.id,
      role: o.role ?? d.role,
      options: d.options.map((x) => x.id),
      choice,
      rationale: o.rationale ?? '',
      ...(o.text ? { text: o.text } : {}),
      ...(o.timedOut ? { timedOut: true } : {}),
      ...(refused.length ? { refused } : {}),
      // Last, where a version-1 log read as version 2 gets it (`readExerciseLog`): a replay compares logs as written.
      ...(o.auto ? { auto: o.auto } : {}),
    }) as Extract<Action, { type: 'decision' }>;
    this.decided.set(d.id, action);
    detectFromEvents(this.pkg, [], this.incidentIds, this.pkg.startS, this.met, { decision: d.id, choice, t: this.t });
    await this.playStopsUpTo(this.t);
    return action;
  }

  /** The facilitator injects something now that the script did not plan (an engine action or a message). */
  async liveInject(id: string, delivery: Delivery, role?: string): Promise<Extract<Action, { type: 'live-inject' }>> {
    const refused = 'injection' in delivery ? await this.applyToEngine(delivery.injection) : undefined;
    return this.record({ type: 'live-inject', id, delivery, ...(role ? { role } : {}), ...(refused ? { refused } : {}) }) as Extract<Action, { type: 'live-inject' }>;
  }

  /** The facilitator overrides the state (force an arrival, set a size): logged with the reason. */
  async override(injection: Injection, reason: string): Promise<Extract<Action, { type: 'override' }>> {
    const refused = await this.applyToEngine(injection);
    return this.record({ type: 'override', injection, reason, ...(refused ? { refused } : {}) }) as Extract<Action, { type: 'override' }>;
  }

  /** Something said or seen that changes nothing in the run: a note, an observation, a rating, a finding… */
  annotate(a: Extract<ActionInput, { type: 'note' | 'observe' | 'rate' | 'finding' | 'improvement' | 'debrief' | 'self-assessment' }>): Action {
    if (a.type === 'observe') {
      if (!this.pkg.expected.some((e) => e.id === a.expected)) throw new ExerciseError(noSuch(NAMED.expected, a.expected));
      if (a.met) {
        if (!this.met.has(a.expected)) this.met.set(a.expected, { t: this.t, how: 'observed' });
      } else this.met.delete(a.expected);
    }
    return this.record(a);
  }

  /** Ends the exercise: the clock runs to the end (taking listed defaults at any decision left), and the run is finished. */
  async finish(): Promise<RunResult> {
    if (this.finished) throw new ExerciseError({ zh: '演练已经结束', en: 'the exercise is finished already' });
    while (!this.done) {
      if (this.pending) await this.decide(this.pending.id, this.pending.default, defaultRationale('ended'));
      else await this.moveTo(this.end, 'end');
    }
    this.finished = true;
    return this.engine.finish();
  }
}
