/**
 * An exercise package (`exercise.yaml` and the files it names) loaded and checked: the scenario it
 * runs (with the package's changes, its focus incidents pinned and its background thinned), and the
 * exercise itself in normalised form — times in seconds from the exercise start, texts in both
 * languages, every injection checked against the scenario. Every problem is named by its place
 * (`msel[3].params.unit`, `msel.csv row 7, column time`). Pure: files come through `readFile`.
 */
import type { InputError, Result, Words } from '../scenario/errors.ts';
import type { ReadFile } from '../scenario/files.ts';
import { readSideFile } from '../scenario/files.ts';
import { buildScenario, parseDataText, parseScenarioText, zodErrors } from '../scenario/load.ts';
import type { Workbooks } from '../scenario/workbooks.ts';
import { applyChanges, type Change } from '../scenario/variants.ts';
import { parseDuration } from '../scenario/duration.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { Injection } from '../engine/inject.ts';
import { engineParams, EXERCISE_WORDS, exerciseSchema, MESSAGE_KINDS, type EngineActionInput, type EngineInjectKind, type ExerciseParsed, type InjectInput } from './schema.ts';
import { parseRelTime, readMselCsv, readMselTable, type MselTable } from './msel.ts';
import type { ReadBytes } from '../scenario/files.ts';
import { detectOf } from './detect.ts';
import { text } from './text.ts';
import { sha256Hex } from './hash.ts';
import { duplicate, NAMED, noIncidentCalled, noSuch, notAnOption, notATime } from './problems.ts';
import type { ExpectedAction, Inject, DecisionOption, DecisionPoint, Phase, EvaluationItem, CriticalTask, Objective, ExercisePackage } from './package-shape.ts';

// The package's shape has a file of its own; those who load packages find it here too.
export type { ExpectedAction, Inject, DecisionOption, DecisionPoint, Phase, EvaluationItem, CriticalTask, Objective, ExercisePackage };

const secs = (v: number | string) => parseDuration(v) ?? NaN;
const rel = (v: number | string) => parseRelTime(v) ?? NaN;

/** A path named in a file, as seen from the folder of the package (posix, `..` resolved). */
export function joinPath(fromFile: string, path: string): string {
  if (path.startsWith('/')) return path;
  const parts = fromFile.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The engine injection an inject's or option's parameters describe (durations in seconds). */
function toInjection(kind: EngineInjectKind, p: Record<string, unknown>): Injection {
  const x: Record<string, unknown> = { kind, ...p };
  for (const [k, to] of [['for', 'forS'], ['over', 'overS']] as const) {
    if (x[k] !== undefined) {
      x[to] = secs(x[k] as string | number);
      delete x[k];
    }
  }
  return x as Injection;
}

/**
 * A scenario given where an exercise package was asked for (its agencies and demand, none of a
 * package's keys): one line saying what it is and what to give instead, not a list of missing keys.
 */
function scenarioNotPackage(raw: Record<string, unknown>, fileName: string): InputError | null {
  const scenarioKeys = ['agencies', 'incidentTypes', 'demand', 'center'].filter((k) => k in raw);
  if (scenarioKeys.length < 2 || ['msel', 'phases', 'scenario', 'trains'].some((k) => k in raw)) return null;
  return {
    path: fileName,
    zh: '是一个场景，不是演练包：演练包的 exercise.yaml 以 scenario: 指向场景，并写明阶段、注入（MSEL）和决策点，如随附的 scenarios/exercises/chemical-leak-tabletop',
    en: "is a scenario, not an exercise package: a package's exercise.yaml names its scenario (scenario:) and sets out phases, injects (the MSEL) and decision points, as the bundled scenarios/exercises/chemical-leak-tabletop does",
  };
}

/** A MSEL file that is an Excel workbook. */
export const WORKBOOK = /\.xls[xm]$/i;

/**
 * Loads a package from its `exercise.yaml` text; `readFile` reads files relative to it. `tables` holds
 * a MSEL read from a workbook, by file name; `sides` the scenario's binary side files and workbooks.
 */
export function loadExercise(yamlText: string, fileName: string, readFile: ReadFile, tables: Record<string, MselTable> = {}, sides: { readBytes?: ReadBytes; workbooks?: Workbooks } = {}): Result<{ pkg: ExercisePackage; scenario: Scenario }> {
  const parsed = parseDataText(yamlText, fileName);
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, errors: [{ path: fileName, zh: '演练包应为键值映射（name、scenario、phases、msel 等）', en: 'an exercise package is a mapping of keys (name, scenario, phases, msel, …)' }] };
  const scenarioGiven = scenarioNotPackage(raw as Record<string, unknown>, fileName);
  if (scenarioGiven) return { ok: false, errors: [scenarioGiven] };
  const z = exerciseSchema.safeParse(raw);
  if (!z.success) return { ok: false, errors: zodErrors(z.error.issues, raw, EXERCISE_WORDS) };
  const x = z.data;
  const errors: InputError[] = [];
  const texts = [yamlText];

  // The MSEL: inline, or a spreadsheet-made CSV.
  let injectsIn: (InjectInput & { row?: number })[] = [];
  let where = (i: number) => `msel[${i}]`;
  if (Array.isArray(x.msel)) injectsIn = x.msel;
  else {
    const table = Object.hasOwn(tables, x.msel.file) ? tables[x.msel.file] : undefined;
    if (!table && WORKBOOK.test(x.msel.file)) return { ok: false, errors: [{ path: 'msel.file', zh: `“${x.msel.file}”是 Excel 工作簿：请用工作簿读取方式加载演练包`, en: `"${x.msel.file}" is a workbook: load the package with its workbook reader` }] };
    const csvText = table ? JSON.stringify(table) : readSideFile(readFile, x.msel.file, 'msel.file', errors);
    if (csvText === undefined) return { ok: false, errors };
    texts.push(csvText);
    const r = table ? readMselTable(table, x.msel.file) : readMselCsv(csvText, x.msel.file);
    if (r.errors.length) return { ok: false, errors: r.errors };
    injectsIn = r.injects;
    const file = x.msel.file;
    where = (i: number) => `${file} row ${r.injects[i].row}`;
  }

  // The scenario, changed for the exercise.
  const scenarioText = readSideFile(readFile, x.scenario.file, 'scenario.file', errors);
  if (scenarioText === undefined) return { ok: false, errors };
  const parsedScenario = parseScenarioText(scenarioText, x.scenario.file);
  if (!parsedScenario.ok) return { ok: false, errors: parsedScenario.errors.map((e) => ({ ...e, path: `scenario.file (${x.scenario.file}): ${e.path}` })) };
  const changes: Change[] = [...(x.scenario.changes as Change[])];
  if (x.background) changes.push({ op: 'scale', path: 'demand.background[*].ratePerDay', by: x.background.factor });
  const changed = applyChanges(parsedScenario.value, changes, 'scenario');
  if (!changed.ok) return changed;
  const scenarioInput = changed.value as { demand?: { scripted?: { name?: string; pin?: boolean }[] } };
  const scriptedNames = new Set((scenarioInput.demand?.scripted ?? []).map((s) => s.name).filter((n): n is string => typeof n === 'string'));
  for (const s of scenarioInput.demand?.scripted ?? []) if (s.name && x.focus.includes(s.name)) s.pin = true;
  const scenarioReader: ReadFile = (p) => readFile(joinPath(x.scenario.file, p));
  const scenarioBytes: ReadBytes = (p) => (sides.readBytes ? sides.readBytes(joinPath(x.scenario.file, p)) : null);
  const built = buildScenario(scenarioInput, x.scenario.file, scenarioReader, scenarioBytes, sides.workbooks);
  if (!built.ok) return { ok: false, errors: built.errors.map((e) => ({ ...e, path: `scenario (${x.scenario.file}) → ${e.path}` })) };
  const scenario = built.value;

  const pkg = normalise(x, injectsIn, where, scenario, scriptedNames, errors);
  if (errors.length) return { ok: false, errors };
  // The run ends with the exercise.
  scenario.durationS = Math.min(scenario.durationS, pkg.startS + pkg.durationS);
  pkg.hash = { package: sha256Hex(texts.join('\u0000')), scenario: sha256Hex(JSON.stringify(scenario)) };
  return { ok: true, value: { pkg, scenario } };
}

/** Checks cross-references and builds the normalised package (problems pushed onto `errors`). */
function normalise(x: ExerciseParsed, injectsIn: (InjectInput & { row?: number })[], where: (i: number) => string, scenario: Scenario, scriptedNames: Set<string>, errors: InputError[]): ExercisePackage {
  const err = (path: string, words: Words) => void errors.push({ path, ...words });
  const durationS = secs(x.duration);
  const startS = rel(x.start);
  if (!(durationS > 0)) err('duration', { zh: '必须大于零', en: 'must be longer than zero' });
  if (!(startS + durationS <= scenario.durationS)) err('duration', { zh: `演练（开始 ${startS} s + 时长 ${durationS} s）超出了场景的结束时间（${scenario.durationS} s）`, en: `the exercise (start ${startS} s + ${durationS} s) runs past the end of the scenario (${scenario.durationS} s)` });
  const roles = new Set(['control', ...x.roles.map((r) => r.id)]);
  const phaseIds = new Set(x.phases.map((p) => p.id));
  const inRange = (t: number, path: string) => {
    if (!(t >= 0 && t <= durationS)) err(path, { zh: `必须在演练时段内（距开始 0 … ${durationS} s）`, en: `must lie within the exercise (0 … ${durationS} s from its start)` });
  };

  // Incidents a package may name: scripted ones, and those its injects create.
  const incidentNames = new Set(scriptedNames);
  injectsIn.forEach((i) => i.kind === 'incident' && typeof i.params?.name === 'string' && incidentNames.add(i.params.name));
  const unitIds = new Set(scenario.units.map((u) => u.id));
  const stationIds = new Set(scenario.stations.map((s) => s.id));
  const agencyIds = new Set(scenario.agencies.map((a) => a.id));
  const typeIds = new Set(scenario.incidentTypes.map((t) => t.id));
  const zoneIds = new Set(scenario.zones.map((z) => z.id));
  for (const [i, f] of x.focus.entries()) if (!incidentNames.has(f)) err(`focus[${i}]`, { zh: `没有名为“${f}”的脚本事件或注入事件`, en: `no scripted or injected incident is called "${f}"` });

  /** Checks an engine action's parameters and references; returns the injection or null. */
  const action = (kind: EngineInjectKind, params: Record<string, unknown>, path: string): Injection | null => {
    const p = engineParams[kind].safeParse(params);
    if (!p.success) {
      for (const e of zodErrors(p.error.issues, params, EXERCISE_WORDS)) err(e.path ? `${path}.${e.path}` : path, e);
      return null;
    }
    const v = p.data as Record<string, unknown>;
    const ref = (key: string, set: Set<string>, what: (id: string) => Words) => {
      if (typeof v[key] === 'string' && !set.has(v[key] as string)) err(`${path}.${key}`, what(v[key] as string));
    };
    ref('unit', unitIds, (id) => noSuch(NAMED.unit, id));
    ref('station', stationIds, (id) => noSuch(NAMED.station, id));
    ref('agency', agencyIds, (id) => noSuch(NAMED.agency, id));
    ref('zone', zoneIds, (id) => noSuch(NAMED.zone, id));
    if (kind === 'incident') ref('type', typeIds, (id) => noSuch(NAMED.type, id));
    else ref('incident', incidentNames, noIncidentCalled);
    const inj = toInjection(kind, v);
    if (kind === 'incident' && typeof v.name === 'string' && x.focus.includes(v.name)) (inj as { pin?: boolean }).pin = true;
    return inj;
  };

  const phases: Phase[] = x.phases.map((p, i) => {
    const fromS = rel(p.from);
    inRange(fromS, `phases[${i}].from`);
    return { id: p.id, title: text(p.title), fromS, situation: text(p.situation), questions: p.questions.map(text) };
  });
  phases.sort((a, b) => a.fromS - b.fromS);
  const phaseAt = (t: number) => [...phases].reverse().find((p) => p.fromS <= t)?.id ?? phases[0].id;

  const expected: ExpectedAction[] = [];
  x.phases.forEach((p, i) =>
    p.expected.forEach((e, k) => {
      const path = `phases[${i}].expected[${k}]`;
      if (!roles.has(e.role)) err(`${path}.role`, noSuch(NAMED.role, e.role, [...roles]));
      const fromS = e.from === undefined ? 0 : rel(e.from);
      const byS = rel(e.by);
      inRange(byS, `${path}.by`);
      if (!(fromS <= byS)) err(`${path}.from`, { zh: '必须早于 by', en: 'must come before by' });
      if (expected.some((o) => o.id === e.id)) err(`${path}.id`, duplicate(NAMED.expected, e.id));
      const detect = detectOf(e.detect, `${path}.detect`, incidentNames, err);
      expected.push({ id: e.id, phase: p.id, role: e.role, action: text(e.action), fromS, byS, detect });
    }),
  );
  const expectedIds = new Set(expected.map((e) => e.id));

  const injects: Inject[] = injectsIn.map((inj, i) => {
    const path = where(i);
    const tS = inj.contingency ? rel(inj.contingency.by) : rel(inj.t);
    if (Number.isNaN(tS)) err(`${path}.${inj.contingency ? 'contingency.by' : 't'}`, notATime(inj.contingency ? inj.contingency.by : inj.t));
    else inRange(tS, `${path}.t`);
    if (inj.phase !== undefined && !phaseIds.has(inj.phase)) err(`${path}.phase`, noSuch(NAMED.phase, inj.phase));
    for (const r of [inj.from ?? 'control', inj.to ?? 'center']) if (!roles.has(r)) err(`${path}.${r === inj.from ? 'from' : 'to'}`, noSuch(NAMED.role, r));
    (inj.expected ?? []).forEach((e, k) => expectedIds.has(e) || err(`${path}.expected[${k}]`, noSuch(NAMED.expected, e)));
    if (inj.contingency && !expectedIds.has(inj.contingency.unless)) err(`${path}.contingency.unless`, noSuch(NAMED.expected, inj.contingency.unless));
    if (injectsIn.findIndex((o) => o.id === inj.id) !== i) err(`${path}.id`, duplicate(NAMED.inject, inj.id));
    const isMessage = (MESSAGE_KINDS as readonly string[]).includes(inj.kind);
    if (!isMessage && !(inj.kind in engineParams)) err(`${path}.kind`, { zh: `“${inj.kind}”不是注入类型（${[...Object.keys(engineParams), ...MESSAGE_KINDS].join('、')}）`, en: `"${inj.kind}" is not an inject kind (${[...Object.keys(engineParams), ...MESSAGE_KINDS].join(', ')})` });
    const act = isMessage || !(inj.kind in engineParams) ? null : action(inj.kind as EngineInjectKind, inj.params ?? {}, `${path}.params`);
    return {
      id: inj.id,
      tS,
      phase: inj.phase ?? phaseAt(tS),
      from: inj.from ?? 'control',
      to: inj.to ?? 'center',
      kind: inj.kind,
      synopsis: text(inj.synopsis),
      action: act,
      expected: inj.expected ?? [],
      contingency: inj.contingency ? { unless: inj.contingency.unless } : null,
    };
  });
  injects.sort((a, b) => a.tS - b.tS);

  const decisionIds = new Set<string>();
  const decisions: DecisionPoint[] = x.decisions.map((d, i) => {
    const path = `decisions[${i}]`;
    const tS = rel(d.t);
    inRange(tS, `${path}.t`);
    if (decisionIds.has(d.id)) err(`${path}.id`, duplicate(NAMED.decision, d.id));
    decisionIds.add(d.id);
    if (!roles.has(d.role)) err(`${path}.role`, noSuch(NAMED.role, d.role));
    if (d.phase !== undefined && !phaseIds.has(d.phase)) err(`${path}.phase`, noSuch(NAMED.phase, d.phase));
    const optionIds = d.options.map((o) => o.id);
    if (!optionIds.includes(d.default)) err(`${path}.default`, notAnOption(optionIds));
    if (d.expected !== undefined && !optionIds.includes(d.expected)) err(`${path}.expected`, notAnOption(optionIds));
    return {
      id: d.id,
      tS,
      phase: d.phase ?? phaseAt(tS),
      role: d.role,
      prompt: text(d.prompt),
      options: d.options.map((o, k) => ({
        id: o.id,
        label: text(o.label),
        actions: (o.actions as EngineActionInput[]).map((a, j) => {
          const { kind, ...params } = a;
          return action(kind, params, `${path}.options[${k}].actions[${j}]`);
        }).filter((a): a is Injection => a !== null),
      })),
      default: d.default,
      expected: d.expected ?? null,
      timeoutS: d.timeout === undefined ? null : secs(d.timeout),
    };
  });
  decisions.sort((a, b) => a.tS - b.tS);
  expected.forEach((e) => {
    if (e.detect.kind === 'decision' && !decisionIds.has(e.detect.decision)) err(`expected ${e.id}.detect.decision`, noSuch(NAMED.decision, e.detect.decision));
  });

  const objectives: Objective[] = x.objectives.map((o) => ({
    id: o.id,
    title: text(o.title),
    capabilities: o.capabilities.map((c) => ({
      id: c.id,
      title: text(c.title),
      tasks: c.tasks.map((t) => ({
        id: t.id,
        title: text(t.title),
        critical: t.critical,
        items: t.items.map((it) => ({ id: it.id, text: text(it.text), evidence: it.evidence ?? null })),
      })),
    })),
  }));
  objectives.forEach((o, i) =>
    o.capabilities.forEach((c, j) =>
      c.tasks.forEach((t, k) =>
        t.items.forEach((it, l) => {
          const path = `objectives[${i}].capabilities[${j}].tasks[${k}].items[${l}].evidence`;
          if (it.evidence && 'expected' in it.evidence) it.evidence.expected.forEach((e, m) => expectedIds.has(e) || err(`${path}.expected[${m}]`, noSuch(NAMED.expected, e)));
          if (it.evidence && 'decision' in it.evidence && !decisionIds.has(it.evidence.decision)) err(`${path}.decision`, noSuch(NAMED.decision, it.evidence.decision));
        }),
      ),
    ),
  );

  let reports: ExercisePackage['reports'] = null;
  if (x.reports) {
    if (!incidentNames.has(x.reports.incident)) err('reports.incident', noIncidentCalled(x.reports.incident));
    if (!roles.has(x.reports.role)) err('reports.role', noSuch(NAMED.role, x.reports.role));
    reports = { incident: x.reports.incident, initialS: secs(x.reports.initial), updatesS: x.reports.updates === undefined ? null : secs(x.reports.updates), final: x.reports.final, role: x.reports.role };
  }

  return {
    name: x.name,
    title: text(x.title),
    description: x.description === undefined ? null : text(x.description),
    kind: x.kind,
    guide: x.guide,
    trains: text(x.trains),
    startS,
    durationS,
    seed: x.seed ?? scenario.seed,
    focus: x.focus,
    playSpeed: x.play.speed,
    roles: x.roles.map((r) => ({ id: r.id, name: text(r.name) })),
    objectives,
    phases,
    expected,
    injects,
    decisions,
    reports,
    hash: { package: '', scenario: '' },
  };
}
