import { describe, expect, it } from 'vitest';
import { detectFromEvents, type Met } from '../../src/exercise/detect.ts';
import type { ExercisePackage } from '../../src/exercise/package.ts';
import type { LogEvent } from '../../src/engine/log.ts';

const report = (t: number, stage: 'first' | 'update' | 'final', incident = 'inc-1'): LogEvent => ({ seq: t, t, kind: 'incident.report', incident, data: { stage, grade: 'IV', to: 'government' } });
const expect_ = (id: string, stage?: 'first' | 'update' | 'final', fromS = 0) => ({ id, phase: 'P1', role: 'center', action: { zh: id, en: id }, fromS, byS: 3600, detect: { kind: 'event' as const, event: 'incident.report', incident: 'LEAK', stage } });

describe('expected actions seen in the staged reports', () => {
  it('a report stage is told apart: 初报 meets a first-report action, 续报 an update, 终报 a final one; without a stage the first report of any stage counts', () => {
    const pkg = { expected: [expect_('any'), expect_('first', 'first'), expect_('update', 'update'), expect_('final', 'final'), expect_('late-update', 'update', 250)] } as unknown as ExercisePackage;
    const met = new Map<string, Met>();
    const ids = new Map([['LEAK', 'inc-1']]);
    // A 初报 of another incident meets nothing; the stages of LEAK come at 100, 200, 300 and 400 s (two 续报).
    detectFromEvents(pkg, [report(50, 'first', 'inc-2')], ids, 0, met);
    expect(met.size).toBe(0);
    detectFromEvents(pkg, [report(100, 'first'), report(200, 'update')], ids, 0, met);
    detectFromEvents(pkg, [report(300, 'final'), report(400, 'update')], ids, 0, met);
    expect(Object.fromEntries([...met].map(([k, v]) => [k, v.t]))).toEqual({ any: 100, first: 100, update: 200, final: 300, 'late-update': 400 });
  });
});
