/**
 * The engine's refusals in words: every code has Chinese and English, the English is the wording the
 * engine used to return (trainers and saved logs rely on it), and a refusal the engine makes reaches
 * the reader through the data it returns.
 */
import { describe, expect, it } from 'vitest';
import { REFUSAL_FIELDS, refusalWords } from '../../src/exercise/refusal.ts';
import type { Refusal, RefusalCode } from '../../src/engine/refusal.ts';
import { createSimulation } from '../../src/engine/simulate.ts';
import { loadPackage, open, SMALL } from './helpers.ts';
import { expectBilingual } from '../bilingual.ts';
import { playHeadless } from '../../src/exercise/replay.ts';
import { exerciseFiles } from '../../src/exercise/outputs.ts';

/** One refusal of every code, with the English the engine wrote before refusals were data. */
const EVERY: Record<RefusalCode, [Refusal, string]> = {
  'no-incident': [{ code: 'no-incident', incident: 'X' }, 'no incident "X" is under way'],
  'unknown-unit': [{ code: 'unknown-unit', unit: 'X9' }, 'unknown unit "X9"'],
  'unknown-agency': [{ code: 'unknown-agency', agency: 'ARMY' }, 'unknown agency "ARMY"'],
  'unknown-incident-type': [{ code: 'unknown-incident-type', type: 'nope' }, 'unknown incident type "nope"'],
  'unknown-zone': [{ code: 'unknown-zone', zone: 'Z9' }, 'unknown zone "Z9"'],
  'no-station-units': [{ code: 'no-station-units', station: 'S9' }, 'no unit is based at station "S9"'],
  'no-road-closure': [{ code: 'no-road-closure', road: 'R1' }, 'no road closure "R1" is in force'],
  'no-background-demand': [{ code: 'no-background-demand', type: 'flood' }, 'no background demand of type "flood"'],
  'no-unit-type': [{ code: 'no-unit-type', agency: 'FIRE', unitType: 'tank' }, 'agency "FIRE" has no unit of type "tank"'],
  'incident-closed': [{ code: 'incident-closed', incident: 'FOCUS' }, 'the incident is closed'],
  'no-size': [{ code: 'no-size', type: 'medical' }, 'incident type "medical" has no size (no dynamics)'],
  'channel-down-already': [{ code: 'channel-down-already', channel: 'radio' }, 'channel "radio" is already down by an injection'],
  'channel-up-already': [{ code: 'channel-up-already', channel: 'phone' }, 'channel "phone" is already up'],
  'not-graded': [{ code: 'not-graded', incident: 'FOCUS' }, 'the center has not graded the incident yet'],
  'unit-not-free': [{ code: 'unit-not-free', unit: 'E-1', status: 'onscene' }, 'unit "E-1" is not free (onscene)'],
  'command-post-ordered': [{ code: 'command-post-ordered', incident: 'FOCUS' }, 'a command post is already ordered'],
  'approved-already': [{ code: 'approved-already', incident: 'FOCUS' }, 'already approved'],
  'unit-not-left': [{ code: 'unit-not-left', unit: 'E-1' }, 'unit "E-1" has not left its station yet'],
  'unit-not-en-route': [{ code: 'unit-not-en-route', unit: 'E-1', status: 'available' }, 'unit "E-1" is not on its way to an incident (available)'],
  'no-place': [{ code: 'no-place' }, 'give a zone, or lon and lat'],
  'name-taken': [{ code: 'name-taken', name: 'FOCUS' }, 'an incident called "FOCUS" exists already'],
  'pin-without-name': [{ code: 'pin-without-name' }, 'a pinned incident needs a name'],
};

describe('the engine’s refusals in words', () => {
  it('every refusal code has Chinese words, and English as the engine wrote it', () => {
    expect(Object.keys(EVERY).sort()).toEqual(Object.keys(REFUSAL_FIELDS).sort());
    for (const [r, en] of Object.values(EVERY)) expect(refusalWords(r).en).toBe(en);
    expectBilingual(Object.values(EVERY).map(([r]) => refusalWords(r)));
  });

  it('ids are quoted “X” in Chinese, and a unit’s status is said in Chinese', () => {
    expect(refusalWords({ code: 'unit-not-free', unit: 'E-1', status: 'onscene' }).zh).toBe('单位“E-1”不在待命状态（现场处置）');
    expect(refusalWords({ code: 'no-unit-type', agency: 'FIRE', unitType: 'tank' }).zh).toBe('联动单位“FIRE”没有“tank”类型的单位');
  });

  it('the fields each code carries are the ones the engine fills in (a log is read back by them)', () => {
    for (const [code, [r]] of Object.entries(EVERY)) expect(Object.keys(r).filter((k) => k !== 'code').sort(), code).toEqual([...REFUSAL_FIELDS[code as RefusalCode]].sort());
  });

  it('what the engine refuses, a trainer reads in both languages', async () => {
    const { scenario } = await loadPackage(SMALL);
    const sim = createSimulation(scenario, 1);
    sim.advanceTo(600);
    const tries = [
      sim.inject({ kind: 'incident', type: 'fire' }),
      sim.inject({ kind: 'incident', type: 'fire', zone: 'Z1', pin: true }),
      sim.inject({ kind: 'order', incident: 'nothing', agency: 'FIRE', unitType: 'engine' }),
      sim.inject({ kind: 'station.out', station: 'S9' }),
      sim.inject({ kind: 'arrive', unit: 'E-1' }),
    ];
    const refused = tries.map((t) => (t.ok ? null : refusalWords(t.refused)));
    expect(refused.map((w) => w?.en)).toEqual(['give a zone, or lon and lat', 'a pinned incident needs a name', 'no incident "nothing" is under way', 'no unit is based at station "S9"', 'unit "E-1" is not on its way to an incident (available)']);
    expectBilingual(refused.map((w) => w!));
  });

  it('a scripted inject the engine refused is written in the reader’s language in msel-status.csv and the evaluation report', async () => {
    const s = await open(SMALL, { mutate: (p) => (p.pkg.injects.find((i) => i.id === 'I2')!.action = { kind: 'unit.out', unit: 'NOPE' }) });
    await playHeadless(s);
    const run = await s.finish();
    expect(s.log.actions.find((a) => a.type === 'inject' && a.inject === 'I2')).toMatchObject({ refused: { code: 'unknown-unit', unit: 'NOPE' } });
    const zh = exerciseFiles(s, run, { lang: 'zh' }).files;
    const en = exerciseFiles(s, run, { lang: 'en' }).files;
    expect(zh['msel-status.csv']).toContain('未知的单位“NOPE”');
    expect(en['msel-status.csv']).toContain('unknown unit ""NOPE""');
    expect(zh['aar.html']).toContain('(未知的单位“NOPE”)');
    expect(en['aar.html']).toContain('(unknown unit &quot;NOPE&quot;)');
  });
});
