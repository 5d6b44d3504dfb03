/**
 * The work estimate: close enough to what a run logs to be worth refusing on, linear in rates and
 * duration, and — for each way a valid scenario can ask for too much — a refusal that gives the
 * estimate and names the input that weighs most.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { createEngineApi } from '../../src/worker/engine.ts';
import { DEFAULT_MAX_EVENTS, estimateWork, workProblem } from '../../src/engine/estimate.ts';
import { approx, approxZh, overrunWords } from '../../src/report/work-words.ts';
import { formatError } from '../../src/scenario/errors.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { buildScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import { loadFile, ROOT } from '../helpers.ts';

const small = () => parseYaml(readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8')) as Record<string, any>;
function build(change: (s: Record<string, any>) => void): Scenario {
  const s = small();
  change(s);
  const r = buildScenario(s, 'small.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.en}`).join('\n'));
  return r.value;
}

describe('work estimate', () => {
  const bundled = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

  it('is within a factor of three of the events a run of each bundled scenario logs, and under the default ceiling', () => {
    for (const f of bundled) {
      const s = loadFile(`scenarios/${f}`);
      const e = estimateWork(s);
      const logged = simulate(s, s.seed).counts.logEvents;
      expect(logged / e.events, f).toBeGreaterThan(1 / 3);
      expect(logged / e.events, f).toBeLessThan(3);
      expect(workProblem(s), f).toBeNull();
    }
  });

  it('grows in proportion to the rates and the duration', () => {
    const background = (s: Record<string, any>) => (s.demand.scripted = []);
    const one = estimateWork(build((s) => (background(s), (s.duration = '1d'))));
    const twoDays = estimateWork(build((s) => (background(s), (s.duration = '2d'))));
    const twiceTheRate = estimateWork(build((s) => (background(s), (s.duration = '1d'), s.demand.background.forEach((b: any) => (b.ratePerDay *= 2)))));
    expect(twoDays.incidents).toBeCloseTo(2 * one.incidents, 6);
    expect(twiceTheRate.calls).toBeCloseTo(2 * one.calls, 6);
    expect(twiceTheRate.requests).toBeCloseTo(2 * one.requests, 6);
    // Units weigh the same however long the run: the rest doubles.
    const units = (e: typeof one) => e.parts.filter((p) => 'key' in p.place && p.place.key === 'units').reduce((a, p) => a + p.events, 0);
    expect(twoDays.events - units(twoDays)).toBeCloseTo(2 * (one.events - units(one)), 6);
  });

  it('counts are written without the locale', () => {
    expect([approx(7.25), approx(1234.4), approx(56_789), approx(3_456_789), approx(2.5e9), approx(4e15), approx(Infinity)]).toEqual(['7.3', '1234', '57 thousand', '3.46 million', '2.5 billion', '4.0e+15', 'more than 1e308']);
    expect([approxZh(7.25), approxZh(1234.4), approxZh(56_789), approxZh(3_456_789), approxZh(2.5e9), approxZh(4e15), approxZh(Infinity)]).toEqual(['7.3', '1234', '5.68万', '346万', '25亿', '4.0e+15', '超过 1e308']);
  });
});

describe('too much work for one replication is refused, naming the estimate and its heaviest input', () => {
  // [what, the change, the heaviest input as the English says it, its place as the Chinese says it]
  const cases: [string, (s: Record<string, any>) => void, string, string?][] = [
    ['a rate of 1e9 incidents a day', (s) => (s.demand.background[0].ratePerDay = 1e9), 'demand (incident type fire): 250 million incidents', 'demand（事件类型 fire）：2.5亿 起“fire”类事件'],
    ['ten million callers per incident', (s) => (s.incidentTypes[0].callers.count = 1e7), 'incidentTypes[0].callers.count: 60 million calls (10 million per incident)'],
    ['a billion calls a day that need no unit', (s) => (s.demand.nonEmergency = [{ id: 'consult', ratePerDay: 1e9 }]), 'demand.nonEmergency[0].ratePerDay: 250 million calls that need no unit'],
    ['1e12 random outages a day', (s) => (s.comms = { random: { phone: { ratePerDay: 1e12, duration: 60 } } }), 'comms.random.phone.ratePerDay: 250 billion outages'],
    ['a run of 100 years', (s) => (s.duration = `${36500}d`), 'plans (type medical)', 'plans（事件类型 medical）：出动 '],
    ['a quarter of a million units', (s) => s.units.push(...Array.from({ length: 500 }, (_, i) => ({ id: `X${i}`, agency: 'FIRE', type: 'engine', station: 'S1', count: 500 }))), 'units: 250 thousand units'],
    ['units busy with their own duties a million times a day', (s) => (s.units[0].tasks = { ratePerDay: 1e6, duration: 1 }), 'units[*].tasks.ratePerDay'],
    ['supplies restocked a crumb at a time', (s) => {
      s.depots = [{ id: 'D', lon: 120, lat: 30, stock: { foam: 0 }, restock: { delay: 0, amount: { foam: 1e-6 } } }];
      s.incidentTypes[0].supplies = [{ item: 'foam', amount: 10 }];
    }, 'depots: restocks'],
  ];
  for (const [what, change, heaviest, heaviestZh] of cases) {
    it(what, () => {
      const overrun = workProblem(build(change));
      expect(overrun).not.toBeNull();
      const words = overrunWords(overrun!);
      // Said in Chinese too, the same inputs named by the same keys, the words around them in Chinese.
      expect(words!.zh).toMatch(/\p{Script=Han}/u);
      expect(words!.zh).toContain(`主要来自 `);
      expect(words!.zh).toContain(heaviestZh ?? heaviest.split(':')[0]);
      expect(words!.zh).not.toMatch(/\(|type |incident |variant/);
      const problem = words?.en;
      expect(problem).toMatch(/^one replication would log about [\d.]+( thousand| million| billion|e\+\d+)? events \(/);
      expect(problem).toContain(`more than the limit of ${approx(DEFAULT_MAX_EVENTS)}; most of it from `);
      expect(problem!.split('most of it from ')[1]).toContain(heaviest);
      expect(problem).toMatch(/--max-events \d+$|beyond what any machine can run/);
    });
  }

  it('the app’s worker refuses what the CLI refuses, a scenario or one of its variants', async () => {
    const api = createEngineApi();
    const text = stringify({ ...small(), demand: { background: [{ type: 'fire', ratePerDay: 1e9 }] } });
    const r = await api.load(text, 'big.yaml', {});
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['big.yaml']);
    const v = await api.loadVariants(stringify({ ...small(), variants: [{ name: 'big', changes: [{ op: 'scale', path: 'demand.background[0].ratePerDay', by: 1e8 }] }] }), 'v.yaml', {});
    expect(v.ok ? [] : v.errors.map((e) => e.path)).toEqual(['v.yaml (variant big)']);
    // The variant is named in the reader's language; its name stays as written.
    expect(v.ok ? [] : v.errors.map((e) => formatError(e, 'zh').split('：')[0])).toEqual(['v.yaml（方案 big）']);
    expect(v.ok ? [] : v.errors.map((e) => formatError(e, 'en').split(': ')[0])).toEqual(['v.yaml (variant big)']);
    expect(v.ok ? [] : v.errors.map((e) => /\p{Script=Han}/u.test(e.zh) && e.en.startsWith('one replication would log about '))).toEqual([true]);
    expect((await api.load(stringify(small()), 'small.yaml', {})).ok).toBe(true);
  });

  it('a ceiling raised above the estimate lets the same scenario through', () => {
    const s = build((x) => (x.incidentTypes[0].callers.count = 1e5));
    const e = estimateWork(s).events;
    expect(workProblem(s, DEFAULT_MAX_EVENTS)).not.toBeNull();
    expect(workProblem(s, Math.ceil(e))).toBeNull();
  });
});

describe('inputs that would run for ever by other means', () => {
  it('a rate of 1e-300 a day runs at once: the search for the next arrival stops at the end of the run', () => {
    const s = build((x) => (x.demand.background[0].ratePerDay = 1e-300, x.duration = `${36500}d`, x.demand.background[1].ratePerDay = 0));
    expect(workProblem(s)).toBeNull();
    const { records } = simulate(s, 1);
    expect(records.incidents.map((i) => i.source)).toEqual(['scripted']);
  });
});
