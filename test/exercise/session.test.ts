import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExerciseSession } from '../../src/exercise/session.ts';
import { playHeadless, readExerciseLog, replayLog } from '../../src/exercise/replay.ts';
import { exerciseView } from '../../src/exercise/views.ts';
import { evaluate } from '../../src/exercise/evaluation.ts';
import { exerciseFiles } from '../../src/exercise/outputs.ts';
import { eventsCsv } from '../../src/report/csv.ts';
import type { ExerciseLog } from '../../src/exercise/log.ts';
import { FUNCTIONAL, SMALL, TABLETOP, link, loadPackage, open } from './helpers.ts';
import { expectBilingual } from '../bilingual.ts';
import { refusalWords } from '../../src/exercise/refusal.ts';
import { ExerciseError } from '../../src/exercise/problems.ts';
import type { Refusal } from '../../src/engine/refusal.ts';
import type { InputError } from '../../src/scenario/errors.ts';

/** Plays a session by a script of people's moves, then ends it; returns its events.csv and log. */
async function play(path: string, script: (s: ExerciseSession) => Promise<void>) {
  const s = await open(path);
  await script(s);
  const run = await s.finish();
  return { s, csv: eventsCsv(1, run.log), log: JSON.parse(JSON.stringify(s.log)) as ExerciseLog };
}

/** A session a trainer might run: jumps, a live inject, an override, notes, decisions against the defaults. */
const trainer = async (s: ExerciseSession) => {
  await s.moveTo(s.nextStop('inject'), 'next-inject');
  s.annotate({ type: 'note', text: 'first call in', role: 'center' });
  await s.moveTo(s.t + 300, 'by');
  await s.liveInject('L1', { injection: { kind: 'incident', type: 'medical', zone: 'Z1', name: 'LIVE' } }, 'control');
  await s.moveTo(s.nextStop('decision'), 'next-decision');
  await s.decide('D1', 'raise', { rationale: 'grows fast' });
  await s.moveTo(s.nextStop('decision'), 'next-decision');
  await s.decide('D2', 'open', { rationale: 'needed' });
  await s.override({ kind: 'size', incident: 'FOCUS', size: 1 }, 'test: an override is logged, and refused (no dynamics)');
  s.annotate({ type: 'rate', target: 'T1', rating: 'S', observations: 'slow to grade' });
  s.annotate({ type: 'finding', id: 'F1', tag: 'rectify', text: 'grading took too long' });
  s.annotate({ type: 'improvement', finding: 'F1', action: 'grading checklist', owner: '联动中心', due: '2026-09-30' });
};

describe('the exercise log replays the exercise byte for byte', () => {
  it('a recorded session replayed from its log gives the same events.csv and the same log', async () => {
    const first = await play(SMALL, trainer);
    const { pkg, scenario } = await loadPackage(SMALL);
    const log = readExerciseLog(JSON.stringify(first.log), 'log.json');
    expect(log.ok).toBe(true);
    const r = await replayLog(pkg, scenario, link(), (log as { ok: true; value: ExerciseLog }).value, 'log.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const again = await r.value.session.finish();
    expect(eventsCsv(1, again.log)).toBe(first.csv);
    expect(JSON.stringify(r.value.session.log)).toBe(JSON.stringify(first.log));
    // The override was refused by the engine, and the log says why: as data, read in either language.
    const override = first.log.actions.find((a) => a.type === 'override')!;
    expect(override).toMatchObject({ refused: { code: 'no-size', type: 'fire' } });
    expect(refusalWords((override as { refused: Refusal }).refused)).toEqual({ zh: '事件类型“fire”没有规模（未设 dynamics）', en: 'incident type "fire" has no size (no dynamics)' });
  });

  it('headless play is the same every time', async () => {
    const a = await play(TABLETOP, playHeadless);
    const b = await play(TABLETOP, playHeadless);
    expect(b.csv).toBe(a.csv);
    expect(a.s.decided.size).toBe(6);
  });

  it('a branch with one decision changed is identical up to the decision and different after it', async () => {
    const first = await play(SMALL, trainer);
    const { pkg, scenario } = await loadPackage(SMALL);
    const r = await replayLog(pkg, scenario, link(), first.log, 'log.json', { decision: 'D1', choice: 'hold' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const tBranch = pkg.startS + r.value.branchT!;
    const branched = eventsCsv(1, (await r.value.session.finish()).log);
    const rows = (csv: string) => csv.split('\r\n').slice(1).filter(Boolean);
    const tOf = (row: string) => Number(row.split(',')[2]);
    const before = (csv: string) => rows(csv).filter((x) => tOf(x) < tBranch);
    expect(before(branched)).toEqual(before(first.csv));
    expect(before(first.csv).length).toBeGreaterThan(20);
    expect(rows(branched)).not.toEqual(rows(first.csv));
    // The changed decision raised nothing: no regrade to II after the branch.
    expect(branched).not.toContain('from=III to=II');
    expect(first.csv).toContain('from=III to=II');
  });

  it('a log made on another package or scenario is refused, and so is one that does not fit the script', async () => {
    const first = await play(SMALL, trainer);
    const { pkg, scenario } = await loadPackage(SMALL);
    const other = { ...pkg, hash: { ...pkg.hash, scenario: 'x' } };
    const r = await replayLog(other, scenario, link(), first.log, 'log.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe('log.json scenario.hash');
    // A log of another exercise is named as such, not as another version of this one.
    const tabletop = await loadPackage(TABLETOP);
    const r3 = await replayLog(tabletop.pkg, tabletop.scenario, link(), first.log, 'log.json');
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.errors[0]).toEqual({ path: 'log.json exercise.name', zh: `该日志记录的是演练“${pkg.name}”，不是“${tabletop.pkg.name}”（请打开那个演练来回放）`, en: `the log was recorded on the exercise "${pkg.name}", not on "${tabletop.pkg.name}" (open that exercise to replay it)` });
    const bent = JSON.parse(JSON.stringify(first.log)) as ExerciseLog;
    const k = bent.actions.findIndex((a) => a.type === 'decision');
    bent.actions[k] = { ...bent.actions[k], decision: 'D2' } as never;
    const r2 = await replayLog(pkg, scenario, link(), bent, 'log.json');
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors[0].en).toMatch(/does not match the package/);
    // A decision's options edited after the fact: the replay names the field that differs, and both values.
    const edited = JSON.parse(JSON.stringify(first.log)) as ExerciseLog;
    const d = edited.actions.findIndex((a) => a.type === 'decision');
    const at = edited.actions[d].t;
    edited.actions[d] = { ...edited.actions[d], options: ['raise'] } as never;
    const r4 = await replayLog(pkg, scenario, link(), edited, 'log.json');
    expect(r4.ok ? [] : r4.errors).toEqual([
      {
        path: `log.json actions[${d}]`,
        zh: `回放在此处不同（记录为${at} s 时的 decision，回放为${at} s 时的 decision，options 记录为 ["raise"]，回放为 ["raise","hold"]）：演练包、场景或引擎与日志不符`,
        en: `the replay differs here (recorded decision at ${at} s, replayed decision at ${at} s; options recorded ["raise"], replayed ["raise","hold"]): the package, scenario or engine does not match the log`,
      },
    ]);
    const cut = readExerciseLog(JSON.stringify(first.log).slice(0, 200), 'log.json');
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.errors[0].en).toMatch(/^is not valid JSON: line 1, column 201: .* cut short\?$/);
  });
});

describe('problems of a log or a session are said in Chinese and English', () => {
  it('every refusal of a log, a replay, a branch and a session has Chinese words, the English as before', async () => {
    const first = await play(SMALL, trainer);
    const { pkg, scenario } = await loadPackage(SMALL);
    const problems: InputError[] = [];
    const failed = (r: { ok: boolean; errors?: InputError[] }) => problems.push(...(r.ok ? [] : r.errors!));
    failed(readExerciseLog('{"format":', 'log.json'));
    failed(readExerciseLog(JSON.stringify({ ...first.log, actions: first.log.actions.map((a, i) => ({ ...a, seq: i === 2 ? 9 : a.seq })) }), 'log.json'));
    failed(await replayLog(pkg, scenario, link(), { ...first.log, exercise: { ...first.log.exercise, hash: 'x' } }, 'log.json'));
    failed(await replayLog(pkg, scenario, link(), { ...first.log, seed: 12 }, 'log.json'));
    failed(await replayLog({ ...pkg, hash: { ...pkg.hash, scenario: 'x' } }, scenario, link(), first.log, 'log.json'));
    failed(await replayLog(pkg, scenario, link(), first.log, 'log.json', { decision: 'D9', choice: 'x' }));
    failed(await replayLog(pkg, scenario, link(), first.log, 'log.json', { decision: 'D1', choice: 'maybe' }));
    const clockWhileWaiting = JSON.parse(JSON.stringify(first.log)) as ExerciseLog;
    const k = clockWhileWaiting.actions.findIndex((a) => a.type === 'decision');
    clockWhileWaiting.actions[k] = { ...clockWhileWaiting.actions[k], type: 'clock', to: 99999, how: 'by' } as never;
    failed(await replayLog(pkg, scenario, link(), clockWhileWaiting, 'log.json'));
    const moreNotes = { ...first.log, actions: [...first.log.actions, { seq: first.log.actions.length + 1, t: 0, type: 'observe', expected: 'X9', met: true } as never] };
    failed(await replayLog(pkg, scenario, link(), moreNotes, 'log.json'));
    expect(problems.map((p) => p.en)).toEqual([
      'is not valid JSON: line 1, column 11: Unexpected end of JSON input where the text ends: cut short?',
      'is 9, expected 3 (actions are numbered in order)',
      'the log was recorded on another version of the package "small-exercise" (its files changed since)',
      'the log was recorded with seed 12, the package plays seed 11',
      'the log was recorded on another version of the scenario "small" (it or its side files changed since)',
      'no decision "D9" (decisions: D1, D2)',
      'decision D1 has no option "maybe" (raise, hold)',
      'moves the clock while decision D1 is waiting: the log does not match the package',
      'no expected action "X9"',
    ]);
    expectBilingual(problems);
    // What a session refuses a trainer, thrown with its words.
    const s = await ExerciseSession.open(pkg, scenario, link());
    const thrown: unknown[] = [];
    const attempt = async (f: () => unknown) => {
      try {
        await f();
      } catch (e) {
        thrown.push(e);
      }
    };
    await attempt(() => s.decide('D1', 'raise'));
    await s.moveTo(s.nextStop('decision'), 'next-decision');
    await attempt(() => s.decide('D1', 'maybe'));
    await attempt(() => s.moveTo(s.t + 60, 'by'));
    await attempt(() => s.annotate({ type: 'observe', expected: 'X9', met: true }));
    await s.finish();
    await attempt(() => s.finish());
    expect(thrown.every((e) => e instanceof ExerciseError)).toBe(true);
    const words = (thrown as ExerciseError[]).map((e) => e.words);
    expect(words.map((w) => w.en)).toEqual([
      'decision D1 is not waiting (none is)',
      'decision D1 has no option "maybe" (raise, hold)',
      'decision D1 is waiting; decide it before moving the clock',
      'no expected action "X9"',
      'the exercise is finished already',
    ]);
    expect((thrown as ExerciseError[]).map((e) => e.message)).toEqual(words.map((w) => w.en));
    expectBilingual(words);
  });

  it('a log kept before refusals were data (their English words) still reads and replays', async () => {
    const first = await play(SMALL, trainer);
    const { pkg, scenario } = await loadPackage(SMALL);
    const old = JSON.parse(JSON.stringify(first.log)) as ExerciseLog;
    for (const a of old.actions) if ('refused' in a && a.refused !== undefined) (a as { refused: unknown }).refused = refusalWords(a.refused as Refusal).en;
    expect(old.actions.some((a) => a.type === 'override' && a.refused === 'incident type "fire" has no size (no dynamics)')).toBe(true);
    const read = readExerciseLog(JSON.stringify(old), 'old.json');
    if (!read.ok) throw new Error(read.errors[0].en);
    const r = await replayLog(pkg, scenario, link(), read.value, 'old.json');
    expect(r.ok ? [] : r.errors.map((e) => e.en)).toEqual([]);
    expect(refusalWords('incident type "fire" has no size (no dynamics)').zh).toMatch(/\p{Script=Han}/u);
    // A refusal edited by hand into something the engine never says is refused by its place.
    const bent = JSON.parse(JSON.stringify(first.log)) as ExerciseLog;
    const o = bent.actions.findIndex((a) => a.type === 'override');
    (bent.actions[o] as { refused: unknown }).refused = { code: 'no-size' };
    const bad = readExerciseLog(JSON.stringify(bent), 'bent.json');
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual([`bent.json actions[${o}].refused.type`]);
  });
});

describe('coherence of the exercise', () => {
  it('the focus incident’s own draws do not move when background demand changes', async () => {
    const focus = async (factor: number) => {
      const { pkg, scenario } = await loadPackage(SMALL);
      for (const b of scenario.demand.background) b.ratePerDay *= factor;
      const s = await ExerciseSession.open(pkg, scenario, link());
      await playHeadless(s);
      const run = await s.finish();
      const inc = run.records.incidents.find((i) => i.source === 'scripted' && i.tOccur === 1800)!;
      return { inc, count: run.records.incidents.length, calls: run.records.calls.filter((c) => c.incidentId === inc.incidentId).map((c) => c.tArrive) };
    };
    const [a, b] = [await focus(1), await focus(0.3)];
    expect(b.count).toBeLessThan(a.count); // the background did change…
    for (const k of ['tOccur', 'gradeTrue', 'callers', 'tFirstCall'] as const) expect(b.inc[k]).toEqual(a.inc[k]); // …the focus did not
    expect(b.calls).toEqual(a.calls);
  });

  it('the player view at time t depends on the log up to t only, and holds nothing of the truth or the future', async () => {
    const move = fc.oneof(
      fc.record({ k: fc.constant('by' as const), s: fc.integer({ min: 60, max: 1800 }) }),
      fc.record({ k: fc.constant('inject' as const) }),
      fc.record({ k: fc.constant('decision' as const) }),
      fc.record({ k: fc.constant('live' as const), zone: fc.constantFrom('Z1', 'Z2') }),
    );
    const choices = fc.record({ D1: fc.constantFrom('raise', 'hold'), D2: fc.constantFrom('open', 'no') });
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 6 }), choices, choices, async (moves, early, late) => {
        const drive = async (s: ExerciseSession, ms: typeof moves, pick: { D1: string; D2: string }) => {
          for (const [i, m] of ms.entries()) {
            if (s.pending) await s.decide(s.pending.id, pick[s.pending.id as 'D1' | 'D2']);
            if (s.done) return;
            if (m.k === 'by') await s.moveTo(s.t + m.s, 'by');
            else if (m.k === 'inject') await s.moveTo(s.nextStop('inject'), 'next-inject');
            else if (m.k === 'decision') await s.moveTo(s.nextStop('decision'), 'next-decision');
            else await s.liveInject(`L${i}`, { injection: { kind: 'incident', type: 'fire', zone: m.zone } });
          }
        };
        // Two sessions share the prefix of moves; one continues with other choices and more moves.
        const a = await open(SMALL);
        await drive(a, moves, early);
        const viewA = exerciseView(a, 'player');
        const b = await open(SMALL);
        await drive(b, moves, early);
        const viewB = exerciseView(b, 'player');
        await drive(b, [{ k: 'by', s: 1800 }, { k: 'decision' }], late);
        expect(JSON.stringify(viewB)).toBe(JSON.stringify(viewA));
        expect(viewA.upcoming).toBeUndefined();
        expect(viewA.expected).toBeUndefined();
        expect(viewA.decision?.expected).toBeUndefined();
        for (const i of viewA.incidents) expect(i).not.toHaveProperty('gradeTrue');
        for (const e of viewA.events) expect(e.t).toBeLessThanOrEqual(viewA.scenarioT);
        for (const e of viewA.events) expect(['incident.occur', 'incident.escalate', 'call.arrive']).not.toContain(e.kind);
        for (const m of viewA.messages) expect(m.t).toBeLessThanOrEqual(viewA.t);
        for (const n of viewA.notes) expect(n.role).toBe('player');
      }),
      { seed: 7, numRuns: 12 },
    );
  });
});

describe('the evaluation', () => {
  it('expected actions are met by their event, decision or tick in their window; a contingency fires only when its action is missing', async () => {
    // Decide against the plan: hold (X3 unmet), no command post (X2 unmet → contingency I3 delivered at 1:30).
    const held = await play(SMALL, async (s) => {
      await playUntilDecision(s, 'D1', 'hold');
      await playUntilDecision(s, 'D2', 'no');
      await s.moveTo(s.end, 'end');
    });
    const ev = evaluate(held.s, null);
    const x = (id: string) => ev.expected.find((e) => e.id === id)!;
    expect(x('X1')).toMatchObject({ met: true, how: 'event' });
    expect(x('X1').tMet!).toBeLessThanOrEqual(1800);
    expect(x('X3')).toMatchObject({ met: false, tMet: null });
    expect(x('X2')).toMatchObject({ met: false, tMet: null });
    expect(ev.msel.find((m) => m.inject === 'I3')).toMatchObject({ contingency: true, deliveredT: 5400 });
    expect(ev.decisions.find((d) => d.decision === 'D1')).toMatchObject({ choice: 'hold', expected: 'raise', asExpected: false });
    expect(ev.rows.find((r) => r.item === 'E2')!.suggested).toBe('M');

    // Decide as the plan says: the command post runs within its window, and the contingency is not needed.
    const plan = await play(SMALL, async (s) => {
      await playUntilDecision(s, 'D1', 'raise');
      await playUntilDecision(s, 'D2', 'open');
      await s.moveTo(s.end, 'end');
    });
    const ev2 = evaluate(plan.s, null);
    expect(ev2.expected.find((e) => e.id === 'X3')).toMatchObject({ met: true, how: 'decision', tMet: 2700 });
    expect(ev2.expected.find((e) => e.id === 'X2')).toMatchObject({ met: true, how: 'event' });
    expect(ev2.msel.find((m) => m.inject === 'I3')).toMatchObject({ deliveredT: null });
    expect(plan.log.actions.find((a) => a.type === 'contingency')).toMatchObject({ inject: 'I3', delivered: false });
    expect(ev2.rows.find((r) => r.item === 'E2')!.suggested).toBe('P');
  });

  it('an evaluator’s tick meets a manual action; an untick takes it back', async () => {
    const s = await open(SMALL);
    await s.moveTo(600, 'by');
    expect(() => s.annotate({ type: 'observe', expected: 'X9', met: true })).toThrow(/no expected action "X9"/);
    s.annotate({ type: 'observe', expected: 'X2', met: true, evaluator: 'E1' });
    expect(s.met.get('X2')).toEqual({ t: 600, how: 'observed' });
    s.annotate({ type: 'observe', expected: 'X2', met: false });
    expect(s.met.has('X2')).toBe(false);
  });
});

describe('the bundled exercises on the model of levels, grades and staged reports', () => {
  it('the tabletop: the evacuees’ poisoning is a routine call of the leak, never reported on its own; the 初报 and the 终报 of the leak meet the first- and final-report actions in their windows', async () => {
    const { s } = await play(TABLETOP, playHeadless);
    const ev = evaluate(s, null);
    const leak = s.incidentIds.get('储罐区阀门泄漏')!;
    const poisoning = s.incidentIds.get('疏散群众中毒')!;
    const occur = s.events.find((e) => e.kind === 'incident.occur' && e.incident === poisoning);
    expect(occur?.kind === 'incident.occur' && occur.data.grade).toBeNull();
    const reports = s.events.filter((e) => e.kind === 'incident.report');
    expect(reports.map((e) => e.incident)).toEqual(reports.map(() => leak));
    const stageAt = (id: string) => {
      const x = ev.expected.find((e) => e.id === id)!;
      expect(x).toMatchObject({ met: true, how: 'event' });
      const e = reports.find((r) => r.t - s.pkg.startS === x.tMet);
      return e?.kind === 'incident.report' ? e.data.stage : null;
    };
    expect(stageAt('X05')).toBe('first');
    expect(stageAt('X12')).toBe('final');
  });

  it('halfway through, an expected action not yet due and a decision not yet reached are not counted as missed: no ✗, no suggested U', async () => {
    const s = await open(TABLETOP);
    await s.moveTo(s.nextStop('decision'), 'next-decision');
    await s.decide('D1', 'raise', { rationale: 'spreading' });
    const ev = evaluate(s, null);
    const row = (id: string) => ev.rows.find((r) => r.item === id)!;
    // X02 (first arrival, by T+0:25) and X06 (command post, by T+1:15) are still ahead at T+0:12.
    expect(s.t).toBeLessThan(ev.expected.find((e) => e.id === 'X02')!.byT);
    expect(row('E3').evidence.zh).not.toContain('✗');
    expect(row('E3').evidence.zh).toContain('未到时限');
    expect(row('E3').evidence.en).toContain('not yet due');
    expect(row('E3').suggested).toBeNull();
    expect(row('E6').evidence.en).toContain('not reached yet');
    expect(row('E6').suggested).toBeNull();
    // An indicator is worked out over the whole run: halfway, it is said to come at the end, not to have no data.
    expect(row('E2').evidence).toEqual({ zh: '指标 A3：演练结束后按全程计算', en: 'indicator A3: worked out over the whole run when the exercise ends' });
    expect(row('E2').suggested).toBeNull();
    // At the end the same items are settled: missed is missed.
    await playHeadless(s);
    const end = evaluate(s, null);
    expect(end.rows.find((r) => r.item === 'E6')!.suggested).not.toBeNull();
    expect(end.rows.every((r) => !/not yet due|not reached yet/.test(r.evidence.en))).toBe(true);
  });

  it('a decision is named by its option’s words in the reader’s language, in the evaluation and in the report’s decision record; the ids stay in decisions.csv', async () => {
    const s = await open(TABLETOP);
    await playHeadless(s);
    const { evaluation, files } = exerciseFiles(s, await s.finish(), { lang: 'zh' });
    const e4 = evaluation.rows.find((r) => r.item === 'E4')!.evidence;
    expect(e4.zh).toBe('决策 D1：选择“启动 II 级响应”（预案预期“启动 II 级响应”）');
    expect(e4.en).toBe('decision D1: chose "Raise to level II" (the plan expects "Raise to level II")');
    const record = files['aar.html'].split('附录二')[1].split('附录三')[0];
    expect(record).toContain('启动 II 级响应');
    expect(record).not.toMatch(/<td>raise</);
    expect(files['decisions.csv']).toContain(',raise,raise,');
  });

  it('an indicator’s evidence is written in its own unit: the report limits (E1) as a multiple of the limit, times in seconds or minutes', async () => {
    const s = await open(TABLETOP);
    await playHeadless(s);
    const { evaluation } = exerciseFiles(s, await s.finish(), { lang: 'en' });
    const item = (id: string) => evaluation.rows.find((r) => r.item === id)!.evidence;
    expect(item('E11').en).toMatch(/^indicator E1 .*: \d+\.\d\d× the limit \(target 1\.00× the limit, score \d+\)$/);
    expect(item('E11').zh).toMatch(/时限的 \d+\.\d\d 倍（目标 时限的 1\.00 倍/);
    expect(item('E2').en).toMatch(/^indicator A3 .*: \d+(\.\d)? (s|min) \(target 60 s, score \d+\)$/);
  });

  it('the functional exercise: the entrapment starts as a routine call (level III) and is reported only once more people trapped raise it to level II, a 一般 event; the call surge follows the incident', async () => {
    const { s } = await play(FUNCTIONAL, playHeadless);
    const ev = evaluate(s, null);
    const id = s.incidentIds.get('下穿隧道公交车被困')!;
    const occur = s.events.find((e) => e.kind === 'incident.occur' && e.incident === id);
    expect(occur?.kind === 'incident.occur' && [occur.data.level, occur.data.grade]).toEqual(['III', null]);
    const first = s.events.find((e) => e.kind === 'incident.report' && e.incident === id);
    expect(first?.kind === 'incident.report' && first.data).toMatchObject({ stage: 'first', grade: 'IV' });
    const raised = s.pkg.injects.find((i) => i.id === 'M07')!.tS;
    expect(first!.t - s.pkg.startS).toBeGreaterThan(raised);
    expect(ev.expected.find((e) => e.id === 'X4')).toMatchObject({ met: true, tMet: first!.t - s.pkg.startS });
    expect(ev.msel.find((m) => m.inject === 'M01')).toMatchObject({ deliveredT: 720, refused: null });
  });
});

async function playUntilDecision(s: ExerciseSession, id: string, choice: string): Promise<void> {
  while (s.pending?.id !== id) await s.moveTo(s.nextStop('decision'), 'next-decision');
  await s.decide(id, choice);
}

describe('continuous play', () => {
  it('frames of continuous play are one clock move in the log, and replay to the same run as the frames did', async () => {
    const framed = await play(SMALL, async (s) => {
      for (let k = 0; k < 40; k++) await s.moveTo(s.t + 37, 'play');
      await s.moveTo(s.nextStop('decision'), 'next-decision');
      await s.decide('D1', 'raise');
      for (let k = 0; k < 10; k++) await s.moveTo(s.t + 60, 'play');
    });
    const clockMoves = framed.log.actions.filter((a) => a.type === 'clock' && a.how === 'play');
    expect(clockMoves.length).toBe(2);
    const { pkg, scenario } = await loadPackage(SMALL);
    const r = await replayLog(pkg, scenario, link(), framed.log, 'log.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(eventsCsv(1, (await r.value.session.finish()).log)).toBe(framed.csv);
  });
});
