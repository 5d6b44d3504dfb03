/**
 * Bad input: every broken scenario gets a message naming its place in the input, never a stack
 * trace; the CLI's `validate` prints those lines and exits 1.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { loadScenario } from '../../src/scenario/load.ts';
import { main } from '../../src/cli/main.ts';
import { ROOT } from '../helpers.ts';
import { englishLines } from '../bilingual.ts';

const baseText = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8');
const base = () => parseYaml(baseText) as Record<string, any>;

/** [what is broken, how to break it, expected `path: message` (a substring)] */
const cases: [string, (s: Record<string, any>) => unknown, string][] = [
  ['unknown station', (s) => (s.units[1].station = 'S9'), 'units[1].station: unknown station "S9"'],
  ['unknown agency of a unit', (s) => (s.units[0].agency = 'NOPE'), 'units[0].agency: unknown agency "NOPE"'],
  ['unknown agency in a plan', (s) => (s.plans[2].response[0].agency = 'coastguard'), 'plans[2].response[0].agency: unknown agency or agency kind "coastguard"'],
  ['plan asks a type the agency lacks', (s) => (s.plans[0].response[0].unitType = 'boat'), 'plans[0].response[0].unitType: agency "fire" has no unit of type "boat"'],
  ['unknown incident type in demand', (s) => (s.demand.background[0].type = 'meteor'), 'demand.background[0].type: unknown incident type "meteor"'],
  ['unknown zone in scripted demand', (s) => (s.demand.scripted[0].zone = 'Z7'), 'demand.scripted[0].zone: unknown zone "Z7"'],
  ['negative time', (s) => (s.center.handlingTime = -5), 'center.handlingTime'],
  ['bad duration string', (s) => (s.duration = 'six hours'), 'duration'],
  ['missing field', (s) => delete s.start, 'start: is required'],
  ['start without a UTC offset', (s) => (s.start = '2026-06-01T00:00:00'), 'start: must be a date-time with its UTC offset'],
  ['wrong type', (s) => (s.center.callTakers = 'many'), 'center.callTakers'],
  ['unknown key (typo)', (s) => (s.units[0].staton = 'S1'), 'units[0]: unknown key "staton"'],
  ['duplicate unit ids', (s) => (s.units[1].id = 'E', s.units[1].count = 2, s.units[1].agency = 'FIRE', s.units[1].type = 'engine'), 'duplicate unit id "E-1"'],
  ['plan missing for grade IV', (s) => (s.plans = s.plans.filter((p: any) => p.type !== 'medical')), 'incident type "medical" has no plan for grade IV'],
  ['grade weights all zero', (s) => (s.incidentTypes[1].grades = { IV: 0 }), 'incidentTypes[1].grades: weights must not all be zero'],
  ['bad distribution', (s) => (s.center.verificationTime = { dist: 'triangular', min: 10, mode: 5, max: 20 }), 'center.verificationTime: needs min ≤ mode ≤ max'],
  ['unknown distribution', (s) => (s.center.verificationTime = { dist: 'weibull', shape: 2 }), 'center.verificationTime'],
  ['scripted incident after the end', (s) => (s.demand.scripted[0].at = '7h'), 'demand.scripted[0].at: is past the end of the run'],
  ['seed not an integer', (s) => (s.seed = 1.5), 'seed'],
  ['mutual aid from itself', (s) => (s.agencies[0].mutualAid = { from: ['FIRE'] }), 'agencies[0].mutualAid.from[0]: an agency cannot be its own neighbour'],
  ['network model without a file', (s) => (s.travel = { model: 'network' }), 'travel.network: is required when travel.model is network'],
  ['network file missing', (s) => (s.travel = { model: 'network', network: 'nowhere.geojson' }), 'travel.network: file not found: "nowhere.geojson"'],
  ['a grading map to no grade', (s) => (s.incidentTypes[0].grading = { II: 'V' }), 'incidentTypes[0].grading'],
  ['a zone class that is none of the three', (s) => (s.zones[0].class = 'downtown'), 'zones[0].class'],
  ['calls on a non-emergency line the center lacks', (s) => (s.demand.nonEmergency = [{ id: 'c', ratePerDay: 10, line: 'nonEmergency' }]), 'demand.nonEmergency[0].line: the center has no non-emergency line'],
  ['a transfer probability above 1', (s) => (s.demand.nonEmergency = [{ id: 'c', ratePerDay: 10, transfer: { probability: 2 } }]), 'demand.nonEmergency[0].transfer.probability'],
  ['two non-emergency streams with one id', (s) => (s.demand.nonEmergency = [{ id: 'c', ratePerDay: 10 }, { id: 'c', ratePerDay: 5 }]), 'demand.nonEmergency[1].id: duplicate id "c"'],
  ['a line waiting for a decision in a plan with no command post', (s) => (s.plans[0].response[0].afterDecision = true), 'plans[0].response[0].afterDecision: waits for the command post’s decision'],
  ['dispatch during the call after a negative time', (s) => (s.center.dispatchDuringCall = { after: -5 }), 'center.dispatchDuringCall.after'],
  ['a report limit of zero', (s) => (s.scoring = { reporting: { II: { first: 0 } } }), 'scoring.reporting.II: a time limit of 0 cannot be met'],
  ['an unknown report profile', (s) => (s.scoring = { reporting: 'mars' }), 'scoring.reporting'],
  ['fire incidents of an unknown type', (s) => (s.scoring = { fireIncidents: ['wildfire'] }), 'scoring.fireIncidents[0]: unknown incident type "wildfire"'],
  // Vague messages made specific: what the place must be, and what was found there.
  ['.nan duration', (s) => (s.duration = NaN), 'duration: must be seconds (a number ≥ 0) or a string like "90s", "5m", "2h"; got .nan (not a number)'],
  ['.inf duration', (s) => (s.duration = Infinity), 'duration: must be seconds (a number ≥ 0) or a string like "90s", "5m", "2h"; got .inf'],
  ['a duration longer than 100 years', (s) => (s.duration = `${'9'.repeat(400)}s`), 'duration: must be at most 3155760000 (100 years in seconds)'],
  ['zones neither a list nor a file', (s) => (s.zones = 'zones.geojson'), 'zones: must be a list of zones ({id, lon, lat, population}) or {file: zones.geojson}; got "zones.geojson"'],
  ['an unknown distribution names the accepted ones', (s) => (s.center.verificationTime = { dist: 'weibull', shape: 2 }), 'center.verificationTime.dist: must be one of "fixed", "exponential", "lognormal", "gamma", "triangular", "uniform", "empirical"; got "weibull"'],
  // The distribution is chosen by its `dist`: what is wrong is named inside it, not against every other kind.
  ['a lognormal without its sd names the sd', (s) => (s.center.verificationTime = { dist: 'lognormal', mean: 5 }), 'center.verificationTime.sd: is required'],
  ['a distribution without dist names the kinds', (s) => (s.center.verificationTime = { mean: 5 }), 'center.verificationTime.dist: is required: one of "fixed", "exponential", "lognormal", "gamma", "triangular", "uniform", "empirical"'],
  ['a non-finite number', (s) => (s.zones[0].population = -Infinity), 'zones[0].population: must be a finite number; got -.inf'],
  ['text for a list', (s) => (s.center.callTakers = 'many'), 'center.callTakers: must be a whole number ≥ 1 or 24 hourly whole numbers; got "many"'],
  ['an unknown top-level key names the file', (s) => (s.stattions = []), 'broken.yaml: unknown key "stattions"'],
  // Numbers that validate once but cannot be run: refused with their place.
  ['a lognormal far wider than its mean', (s) => (s.incidentTypes[0].workTime = { dist: 'lognormal', mean: 40, sd: 1e6 }), 'incidentTypes[0].workTime: sd must be at most 1000 times the mean'],
  ['a lognormal sd of 1e308', (s) => (s.incidentTypes[0].workTime = { dist: 'lognormal', mean: 40, sd: 1e308 }), 'incidentTypes[0].workTime.sd: must be at most 3155760000 (100 years in seconds); got 1e+308'],
  ['a gamma whose mean overflows', (s) => (s.center.handlingTime = { dist: 'gamma', shape: 1e300, scale: 1e9 }), 'center.handlingTime: its mean (shape × scale) must be at most 3155760000'],
  ['weights whose sum overflows', (s) => (s.incidentTypes[0].grades = { IV: 1e308, III: 1e308 }), 'incidentTypes[0].grades: weights are too large: their sum is not a finite number'],
  ['an hourly profile whose sum overflows', (s) => (s.demand.background[0].profile = Array(24).fill(1e308)), 'demand.background[0].profile: weights are too large'],
  ['a speed too small to arrive', (s) => (s.travel = { speedKmh: 1e-300 }), 'travel.speedKmh: must be at least 0.1; got 1e-300'],
  ['a plan asking for ten thousand and one units', (s) => (s.plans[0].response[0].count = 10001), 'plans[0].response[0].count: must be at most 10000'],
  ['a roster hour past midnight', (s) => (s.units[0].roster = '25:00-99:99'), 'units[0].roster: "25:00-99:99" is not two times of day from 00:00 to 24:00'],
];

describe('bad input yields path-named errors', () => {
  for (const [what, breakIt, expected] of cases) {
    it(what, () => {
      const s = base();
      breakIt(s);
      const r = loadScenario(stringify(s), 'broken.yaml');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const lines = englishLines(r.errors); // each also said in Chinese
      expect(lines.join('\n')).toContain(expected);
      for (const l of lines) expect(l).not.toMatch(/\n\s+at /);
    });
  }

  it('bad YAML names the file and the problem', () => {
    const r = loadScenario('name: x\nunits: [1, 2\n', 'broken.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].path).toBe('broken.yaml');
    expect(r.errors[0].en).toBe('cannot parse: unexpected end of the stream within a flow collection at line 3, column 1');
    expect(r.errors[0].zh).toBe('无法解析：第 3 行第 1 列，方括号或花括号没有闭合');
    expect(r.errors[0].detail).toContain('units: [1, 2');
  });

  it('an empty file says so', () => {
    const r = loadScenario('   \n', 'empty.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toEqual({ path: 'empty.yaml', zh: '文件是空的', en: 'the file is empty' });
  });

  it('a list at the top level is refused', () => {
    const r = loadScenario('- a\n- b\n', 'list.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(englishLines(r.errors)).toEqual(['list.yaml: a scenario must be a mapping of keys (name, start, agencies, …)']);
  });

  it('broken JSON, a duplicate YAML key, a second document and a billion laughs are each one line in both languages', () => {
    const bad = [
      loadScenario('{"name": "x",', 'broken.json'),
      loadScenario('name: a\nname: b\n', 'dup.yaml'),
      loadScenario('name: a\n---\nname: b\n', 'two.yaml'),
      loadScenario(`a: &a [${Array(10).fill(0).join(',')}]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n`, 'laughs.yaml'),
    ];
    const lines = bad.flatMap((r) => (r.ok ? ['loaded'] : englishLines(r.errors)));
    expect(lines).toEqual([
      'broken.json: not valid JSON: line 1, column 14: Expected double-quoted property name where the text ends: cut short?',
      expect.stringMatching(/^dup\.yaml: cannot parse: duplicated mapping key at line 2, column 1$/),
      expect.stringMatching(/^two\.yaml: cannot parse: .* at line 2, column 1$/),
      'laughs.yaml: cannot parse: its aliases (*name) repeat their anchors\' (&name) values into more than 2 million values, far past any scenario: write the values out, or use fewer nested aliases',
    ]);
  });

  it('a variant file read as a scenario is named as such by the file', () => {
    const variant = loadScenario('name: night\nchanges: [{op: set, path: seed, value: 2}]\n', 'night.yaml');
    expect(variant.ok ? [] : englishLines(variant.errors)).toEqual([
      "night.yaml: is a variant (name, changes), not a scenario: list it under a scenario's variants: as {file: …} and compare it with linkdrill batch SCENARIO --variants night",
    ]);
  });

  it('`linkdrill validate` prints one line per problem and exits 1; usage errors exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-'));
    const s = base();
    s.units[1].station = 'S9';
    s.plans[2].response[0].agency = 'coastguard';
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, stringify(s));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (x: string) => out.push(x), err: (x: string) => err.push(x), tty: false };
    expect(await main(['validate', file, '--lang', 'en'], io)).toBe(1);
    const lines = err.join('\n').split('\n');
    expect(lines).toContain('units[1].station: unknown station "S9"');
    expect(lines).toContain('plans[2].response[0].agency: unknown agency or agency kind "coastguard"');
    expect(err.join('\n')).not.toMatch(/\bat .*\.ts:\d+/);
    expect(await main(['validate'], io)).toBe(2);
    expect(await main(['run', file, '--reps', 'lots'], io)).toBe(2);
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(await main(['validate', join(dir, 'missing.yaml')], io)).toBe(1);
  });
});
