/**
 * Every problem the normalising steps find (ids that point nowhere, distributions that cannot be
 * drawn from, plans, scoring, travel, coordinate systems) is said in Chinese and in English: the
 * English exactly as it was, the Chinese beside it. A problem added in English only fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { loadScenario } from '../../src/scenario/load.ts';
import type { InputError } from '../../src/scenario/errors.ts';
import { INDICATOR_IDS } from '../../src/scenario/scoring.ts';
import { ROOT } from '../helpers.ts';

const baseText = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8');
/** A parsed YAML document, broken by hand. */
type Doc = Record<string, any>;
const base = () => parseYaml(baseText) as Doc;
const HAN = /\p{Script=Han}/u;
const hours = (n: number) => Array.from({ length: 24 }, () => n);

/** [what is broken, how to break it, the path, the English exactly as it has always been] */
const cases: [string, (s: Doc) => unknown, string, string][] = [
  ['an unknown station', (s) => (s.units[1].station = 'S9'), 'units[1].station', 'unknown station "S9"'],
  ['an unknown agency of a unit', (s) => (s.units[0].agency = 'NOPE'), 'units[0].agency', 'unknown agency "NOPE"'],
  ['an unknown agency of a station', (s) => (s.stations[0].agency = 'NOPE'), 'stations[0].agency', 'unknown agency "NOPE"'],
  ['an unknown zone in a jurisdiction', (s) => (s.agencies[0].jurisdiction = ['Z9']), 'agencies[0].jurisdiction[0]', 'unknown zone "Z9"'],
  ['mutual aid from an unknown agency', (s) => (s.agencies[0].mutualAid = { from: ['NAVY'] }), 'agencies[0].mutualAid.from[0]', 'unknown agency "NAVY"'],
  ['mutual aid from itself', (s) => (s.agencies[0].mutualAid = { from: ['FIRE'] }), 'agencies[0].mutualAid.from[0]', 'an agency cannot be its own neighbour'],
  ['a duplicate agency id', (s) => (s.agencies[1].id = 'FIRE'), 'agencies[1].id', 'duplicate id "FIRE"'],
  ['a duplicate unit id', (s) => Object.assign(s.units[1], { id: 'E', agency: 'FIRE', type: 'engine' }), 'units[1].id', 'duplicate unit id "E-1" (also units[0])'],
  ['a roster past midnight', (s) => (s.units[0].roster = '25:00-99:99'), 'units[0].roster', '"25:00-99:99" is not two times of day from 00:00 to 24:00'],
  ['maintenance that ends before it starts', (s) => (s.units[0].maintenance = [{ from: '2h', to: '1h' }]), 'units[0].maintenance[0]', 'needs from < to'],
  ['an unknown agency in a plan', (s) => (s.plans[2].response[0].agency = 'coastguard'), 'plans[2].response[0].agency', 'unknown agency or agency kind "coastguard"'],
  ['a plan asking for a type the agency lacks', (s) => (s.plans[0].response[0].unitType = 'boat'), 'plans[0].response[0].unitType', 'agency "fire" has no unit of type "boat"'],
  ['a plan line after an unknown agency', (s) => (s.plans[0].response[0].after = 'navy'), 'plans[0].response[0].after', 'unknown agency or agency kind "navy"'],
  ['a plan line after an agency the plan does not send', (s) => (s.plans[0].response[0].after = 'EMS'), 'plans[0].response[0].after', 'no line of this plan sends "EMS", so these units would wait for ever'],
  ['a decision without a command post', (s) => (s.plans[0].response[0].afterDecision = true), 'plans[0].response[0].afterDecision', 'waits for the command post’s decision, but this plan opens no command post (commandPost: true)'],
  ['a plan of an unknown type', (s) => (s.plans[0].type = 'meteor'), 'plans[0].type', 'unknown incident type "meteor"'],
  ['two plans for one grade', (s) => s.plans.push({ type: 'medical', grade: 'IV', response: [{ agency: 'EMS', unitType: 'ambulance' }] }), 'plans[3].grade', 'a plan for medical grade IV is already given'],
  ['no plan for grade IV', (s) => (s.plans = s.plans.filter((p: Doc) => p.type !== 'medical')), 'plans', 'incident type "medical" has no plan for grade IV (higher grades fall back to lower ones)'],
  ['grade weights all zero', (s) => (s.incidentTypes[1].grades = { IV: 0 }), 'incidentTypes[1].grades', 'weights must not all be zero'],
  ['grade weights whose sum overflows', (s) => (s.incidentTypes[0].grades = { IV: 1e308, III: 1e308 }), 'incidentTypes[0].grades', 'weights are too large: their sum is not a finite number (scale them down)'],
  ['callers by grade without IV', (s) => (s.incidentTypes[0].callers.count = { II: 4 }), 'incidentTypes[0].callers.count.IV', 'is required (higher grades fall back to lower ones, IV to nothing)'],
  ['transport by a unit type nobody has', (s) => (s.incidentTypes[1].transport.unitType = 'boat'), 'incidentTypes[1].transport.unitType', 'no unit has type "boat"'],
  ['transport without hospitals', (s) => (s.hospitals = []), 'incidentTypes[1].transport', 'patients are taken to hospital, but the scenario has no hospitals'],
  ['thresholds that fall with the grade', (s) => (s.incidentTypes[0].dynamics = { initialSize: 1, growthPerHour: 0, sizePerUnit: 1, thresholds: { III: 5, II: 3 } }), 'incidentTypes[0].dynamics.thresholds.II', 'thresholds must rise with the grade'],
  ['holding by a unit type nobody has', (s) => (s.incidentTypes[0].dynamics = { initialSize: 1, growthPerHour: 0, sizePerUnit: 1, holdBy: ['boat'] }), 'incidentTypes[0].dynamics.holdBy[0]', 'no unit has type "boat"'],
  ['supplies per size without a size', (s) => (s.incidentTypes[0].supplies = [{ item: 'foam', amount: 1, perSize: true }]), 'incidentTypes[0].supplies', 'perSize needs dynamics (a size)'],
  ['supplies no depot stocks', (s) => (s.incidentTypes[0].supplies = [{ item: 'foam', amount: 1 }]), 'incidentTypes[0].supplies[0].item', 'no depot stocks "foam"'],
  ['a triangular the wrong way round', (s) => (s.center.verificationTime = { dist: 'triangular', min: 10, mode: 5, max: 20 }), 'center.verificationTime', 'needs min ≤ mode ≤ max'],
  ['a uniform the wrong way round', (s) => (s.center.verificationTime = { dist: 'uniform', min: 10, max: 5 }), 'center.verificationTime', 'needs min ≤ max'],
  ['an empirical with too few weights', (s) => (s.center.verificationTime = { dist: 'empirical', values: [1, 2], weights: [1] }), 'center.verificationTime', 'has 2 values but 1 weights'],
  ['a lognormal far wider than its mean', (s) => (s.incidentTypes[0].workTime = { dist: 'lognormal', mean: 40, sd: 1e6 }), 'incidentTypes[0].workTime', 'sd must be at most 1000 times the mean (a wider lognormal draws numbers too large to hold); got sd 1000000 for mean 40'],
  ['a gamma whose mean overflows', (s) => (s.center.handlingTime = { dist: 'gamma', shape: 1e300, scale: 1e9 }), 'center.handlingTime', 'its mean (shape × scale) must be at most 3155760000'],
  ['no call-taker in any hour', (s) => (s.center.callTakers = hours(0)), 'center.callTakers', 'at least one hour needs a call-taker'],
  ['an unknown incident type in demand', (s) => (s.demand.background[0].type = 'meteor'), 'demand.background[0].type', 'unknown incident type "meteor"'],
  ['an unknown zone in demand weights', (s) => (s.demand.background[0].zones = { Z9: 1 }), 'demand.background[0].zones.Z9', 'unknown zone "Z9"'],
  ['zone weights that sum to zero', (s) => (s.demand.background[0].zones = { Z1: 0 }), 'demand.background[0].zones', 'zone weights sum to zero (no population?)'],
  ['populations whose sum overflows', (s) => ((s.zones[0].population = 1e308), (s.zones[1].population = 1e308)), 'demand.background[0].zones', 'the zones’ populations are too large: their sum is not a finite number'],
  ['an hourly profile of zeros', (s) => (s.demand.background[0].profile = hours(0)), 'demand.background[0].profile', 'must not be all zero'],
  ['a day factor whose mean is not 1', (s) => (s.demand.background[0].dayFactor = { dist: 'gamma', shape: 2, scale: 1 }), 'demand.background[0].dayFactor', 'must have mean 1 (it has 2)'],
  ['an unknown zone in scripted demand', (s) => (s.demand.scripted[0].zone = 'Z7'), 'demand.scripted[0].zone', 'unknown zone "Z7"'],
  ['a scripted incident nowhere', (s) => delete s.demand.scripted[0].zone, 'demand.scripted[0]', 'needs a zone or lon and lat'],
  ['a scripted incident after the end', (s) => (s.demand.scripted[0].at = '7h'), 'demand.scripted[0].at', 'is past the end of the run (21600 s)'],
  ['a pinned incident without a name', (s) => (s.demand.scripted[0].pin = true), 'demand.scripted[0].pin', 'a pinned incident needs a name (its streams are named after it)'],
  ['two scripted incidents of one name', (s) => ((s.demand.scripted[0].name = 'x'), s.demand.scripted.push({ ...s.demand.scripted[0] })), 'demand.scripted[1].name', 'another scripted incident is already called "x"'],
  ['a non-emergency line the center lacks', (s) => (s.demand.nonEmergency = [{ id: 'c', ratePerDay: 10, line: 'nonEmergency' }]), 'demand.nonEmergency[0].line', 'the center has no non-emergency line: give center.nonEmergencyTakers'],
  ['two non-emergency streams of one id', (s) => (s.demand.nonEmergency = [{ id: 'c', ratePerDay: 10 }, { id: 'c', ratePerDay: 5 }]), 'demand.nonEmergency[1].id', 'duplicate id "c"'],
  ['a comms outage that ends before it starts', (s) => (s.comms = { outages: [{ channel: 'phone', from: '2h', to: '1h' }] }), 'comms.outages[0]', 'needs from < to'],
  ['every sub-score weighing nothing', (s) => (s.scoring = { groups: { alarm: 0, mobilisation: 0, linkage: 0, command: 0, information: 0, outcome: 0 } }), 'scoring.groups', 'every sub-score weight is zero: nothing would be scored'],
  ['an unknown indicator', (s) => (s.scoring = { indicators: { Z9: { weight: 1 } } }), 'scoring.indicators.Z9', `unknown indicator "Z9" (known: ${INDICATOR_IDS.join(', ')})`],
  ['a zero point below the target', (s) => (s.scoring = { indicators: { A1: { target: 60, zeroAt: 30 } } }), 'scoring.indicators.A1.zeroAt', 'must be above the target (60)'],
  ['a target of 0 without a zero point', (s) => (s.scoring = { indicators: { A1: { target: 0 } } }), 'scoring.indicators.A1.zeroAt', 'is required when the target is 0 (twice 0 is still 0)'],
  ['an agency kind nobody has', (s) => (s.scoring = { kinds: { fire: ['navy'] } }), 'scoring.kinds.fire[0]', 'no agency has kind "navy"'],
  ['fire incidents of an unknown type', (s) => (s.scoring = { fireIncidents: ['wildfire'] }), 'scoring.fireIncidents[0]', 'unknown incident type "wildfire"'],
  ['a report limit of zero', (s) => (s.scoring = { reporting: { II: { first: 0 } } }), 'scoring.reporting.II', 'a time limit of 0 cannot be met; give a positive duration'],
  ['the network model without roads', (s) => (s.travel = { model: 'network' }), 'travel.network', 'is required when travel.model is network'],
  ['the matrix model without a matrix', (s) => (s.travel = { model: 'matrix' }), 'travel.matrix', 'is required when travel.model is matrix'],
  ['a matrix row of an unknown zone', (s) => (s.travel = { model: 'matrix', matrix: { Z1: { S1: 60, S2: 60 }, Z2: { S1: 60, S2: 60 }, Z9: { S1: 60, S2: 60 } } }), 'travel.matrix.Z9', 'unknown zone "Z9"'],
  ['a matrix without a station', (s) => (s.travel = { model: 'matrix', matrix: { Z1: { S1: 60 }, Z2: { S1: 60, S2: 60 } } }), 'travel.matrix', 'no travel time from station "S2" to zone "Z1"'],
  ['an unknown coordinate system', (s) => (s.crs = 'mars'), 'crs', 'unknown coordinate system "mars" (use WGS84, CGCS2000, GCJ02, BD09, EPSG:<code> or a proj4 string "+proj=…")'],
  ['degrees in a projected system', (s) => (s.crs = 'EPSG:4527'), 'zones[0]', '[120, 30] looks like degrees, but EPSG:4527 is projected (metres): is crs wrong?'],
];

/** The problems of a broken copy of the small scenario (its warnings too). */
function problems(breakIt: (s: Doc) => unknown): InputError[] {
  const s = base();
  breakIt(s);
  const r = loadScenario(stringify(s), 'broken.yaml');
  return r.ok ? (r.warnings ?? []) : r.errors;
}

describe('the normalising steps say every problem in Chinese and English', () => {
  for (const [what, breakIt, path, en] of cases) {
    it(`${what}: “${path}” in both languages, the English unchanged`, () => {
      const found = problems(breakIt);
      expect(found.map((e) => `${e.path}: ${e.en}`)).toContain(`${path}: ${en}`);
      for (const e of found) {
        expect(e.zh, `${e.path}: ${e.en}`).toMatch(HAN);
        expect(e.zh).not.toBe(e.en);
      }
    });
  }

  it('ids stay verbatim, quoted “” in Chinese and "" in English', () => {
    const [e] = problems((s) => (s.units[1].station = 'S9'));
    expect(e).toEqual({ path: 'units[1].station', zh: '未知的站点“S9”', en: 'unknown station "S9"' });
  });

  it('grades are written as the source documents write them', () => {
    const e = problems((s) => (s.plans = s.plans.filter((p: Doc) => p.type !== 'medical'))).find((x) => x.path === 'plans')!;
    expect(e.zh).toContain('一般（IV）');
  });
});
