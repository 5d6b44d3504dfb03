import { describe, expect, it } from 'vitest';
import { ExerciseControl } from '../../../web/app/exercise-control.ts';
import { TestClock } from '../../../web/app/clock.ts';
import { appApi } from '../../../web/engine-api.ts';
import type { EngineHandle } from '../../../web/engine-client.ts';
import { TABLETOP, loadPackage } from '../../exercise/helpers.ts';
import type { Words } from '../../../src/scenario/errors.ts';

/** A control over the app's engine API in-process (no worker), recording what it reports as failed. */
function control() {
  const failures: Words[] = [];
  const engine = { api: appApi, terminate: () => {} } as unknown as EngineHandle;
  return { c: new ExerciseControl(engine, new TestClock(), () => {}, (m) => failures.push(m)), failures };
}

describe('exercise control: what the buttons do', () => {
  it('a decision confirmed twice (a double click) is taken once and reports no error', async () => {
    const { pkg, scenario } = await loadPackage(TABLETOP);
    const { c, failures } = control();
    await c.open(pkg, scenario);
    await c.moveTo('decision');
    expect(c.session!.pending?.id).toBe('D1');
    await Promise.all([c.decide('D1', 'raise', { rationale: 'r' }), c.decide('D1', 'raise', { rationale: 'r' })]);
    expect(failures).toEqual([]);
    expect(c.session!.log.actions.filter((a) => a.type === 'decision')).toHaveLength(1);
  });
});
