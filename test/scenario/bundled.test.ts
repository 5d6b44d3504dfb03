import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { scenarioJsonSchema } from '../../src/scenario/schema.ts';
import { main } from '../../src/cli/main.ts';
import { loadScenarioFile, readScenarioFile } from '../../src/cli/io.ts';
import { loadVariantsWithWorkbooks } from '../../src/scenario/variants.ts';
import { loadFile, ROOT } from '../helpers.ts';

describe('bundled scenarios', () => {
  const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
  for (const f of files) {
    it(`${f} validates and runs`, () => {
      const s = loadFile(`scenarios/${f}`);
      const { records } = simulate(s, s.seed, { log: false });
      expect(records.incidents.length).toBeGreaterThan(0);
      expect(records.dispatches.length).toBeGreaterThan(0);
    });
    it(`${f} loads without warnings (a shipped example must not teach users to ignore them)`, () => {
      const r = loadScenarioFile(join(ROOT, 'scenarios', f));
      expect(r.ok && (r.warnings ?? [])).toEqual([]);
    });
  }

  it('every title and description a report shows is in the county’s language, Chinese (no English sentences among the Chinese)', async () => {
    const english = /[A-Za-z]+(?:[ ,;'’()-]+[A-Za-z]+){4,}/;
    const texts: [string, string][] = [];
    for (const f of files) {
      const path = join(ROOT, 'scenarios', f);
      const file = readScenarioFile(path);
      if (!file.ok) throw new Error(f);
      const v = await loadVariantsWithWorkbooks(file.value.text, path, file.value.readFile, undefined, file.value.readBytes);
      if (!v.ok) throw new Error(f);
      for (const x of v.value.variants) texts.push([`${f} ${x.name} title`, x.title], [`${f} ${x.name} description`, x.description]);
    }
    expect(texts.filter(([, t]) => english.test(t))).toEqual([]);
  });

  it('the JSON Schema describes the format and `linkdrill schema` prints it', async () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['start', 'zones', 'agencies', 'units', 'plans', 'demand']));
    expect(schema.required).toEqual(expect.arrayContaining(['start', 'agencies', 'units']));
    const out: string[] = [];
    expect(await main(['schema'], { out: (s) => out.push(s), err: () => {}, tty: false })).toBe(0);
    expect(JSON.parse(out.join('\n')).title).toBe('linkdrill scenario');
  });
});

describe('the scenario library shows each mechanism in its outputs', () => {
  const runFile = (f: string) => {
    const s = loadFile(`scenarios/${f}`);
    return simulate(s, s.seed);
  };

  it('chemical-leak: escalates to grade II, reports upward, opens a command post, brings tiers 2 and 3, draws foam', () => {
    const { records } = runFile('chemical-leak.yaml');
    const leak = records.incidents[0];
    expect(leak.escalations).toBeGreaterThan(0);
    expect(leak.gradeFinal).toBe('II');
    expect(leak.tReported).not.toBeNull();
    expect(leak.tApproved).not.toBeNull();
    expect(leak.tCommandPost).not.toBeNull();
    expect(leak.tiersInvolved).toBe('1,2,3');
    expect(records.depots.reduce((a, d) => a + d.drawn, 0)).toBeGreaterThan(0);
  });

  it('highrise-fire-night: neighbouring county engines come by mutual aid; a neighbour engine moves up and goes home', () => {
    const { records, log } = runFile('highrise-fire-night.yaml');
    expect(records.incidents[0].mutualAidUnits).toBeGreaterThan(0);
    expect(records.dispatches.some((d) => d.mutualAid && d.agency === 'FIRE-NB')).toBe(true);
    expect(log.some((e) => e.kind === 'unit.moveup')).toBe(true);
    expect(log.some((e) => e.kind === 'unit.release')).toBe(true);
  });

  it('highway-collision: each site gets its own jurisdiction’s traffic police; EMS waits for the lane to close', () => {
    const { records } = runFile('highway-collision.yaml');
    const brigade = (i: number) => records.agencies.filter((a) => a.incidentId === records.incidents[i].incidentId && a.agency.startsWith('TRAFFIC')).map((a) => a.agency);
    expect(brigade(0)).toEqual(['TRAFFIC-E']);
    expect(brigade(1)).toEqual(['TRAFFIC-W']);
    // No ambulance starts work before the traffic police of its incident have arrived and closed the
    // lane: at least the 3-minute hand-off, halved while a command post runs.
    const ems = records.dispatches.filter((d) => d.agency.startsWith('EMS') && d.tEnter !== null);
    expect(ems.length).toBeGreaterThan(0);
    for (const d of ems) {
      const traffic = records.agencies.find((a) => a.incidentId === d.incidentId && a.agency.startsWith('TRAFFIC'))!;
      expect(traffic.tFirstArrival).not.toBeNull();
      expect(d.tEnter!).toBeGreaterThanOrEqual(traffic.tFirstArrival! + 90 - 1e-6);
    }
    expect(records.incidents.some((i) => i.coordinationWaitS > 0)).toBe(true);
    expect(records.incidents[0].tReported).not.toBeNull();
  });

  it('urban-flood: simultaneous incidents wait for units on closed roads, and the depot runs short and restocks', () => {
    const { records } = runFile('urban-flood.yaml');
    expect(records.incidents.filter((i) => i.queuedRequests > 0).length).toBeGreaterThan(5);
    const sandbags = records.depots.find((d) => d.item === 'sandbags')!;
    expect(sandbags.drawn).toBeGreaterThan(sandbags.initial * 0.5);
    expect(records.depots.some((d) => d.restocked > 0)).toBe(true);
  });

  it('school-emergency: EMS and education wait for police at the intruder; CAD history rows are replayed', () => {
    const { records } = runFile('school-emergency.yaml');
    const intruder = records.incidents.find((i) => i.type === 'intruder')!;
    expect(intruder.coordinationWaitS).toBeGreaterThan(0);
    expect(intruder.tCommandPost).not.toBeNull();
    expect(records.agencies.some((a) => a.agency === 'EDU' && a.tier === 2)).toBe(true);
    expect(records.incidents.filter((i) => i.source === 'history').length).toBe(5);
  });

  it('platform-outage: orders to platform agencies go by phone during the outage and by platform outside it', () => {
    const { records } = runFile('platform-outage.yaml');
    const during = records.agencies.filter((a) => a.tNotified !== null && a.tNotified > 5400 + 130 && a.tNotified < 10800);
    const outside = records.agencies.filter((a) => a.tNotified !== null && (a.tNotified < 5400 || a.tNotified > 10800 + 130));
    expect(during.length).toBeGreaterThan(5);
    expect(outside.length).toBeGreaterThan(5);
    expect(during.every((a) => a.channel === 'phone')).toBe(true);
    expect(outside.every((a) => a.channel === 'platform')).toBe(true);
  });
});
