/**
 * The bundled tabletop's flash explosion (I09) and decision D3: the explosion takes the leak past what
 * the units on scene hold, so it is back under control (X11) only if the room calls in the reserve
 * hazmat unit.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/exercise/evaluation.ts';
import { TABLETOP, open } from './helpers.ts';

/** Plays the tabletop to its end, every decision at its listed default except those in `choices`. */
async function play(choices: Record<string, string> = {}) {
  const s = await open(TABLETOP);
  while (!s.done) {
    if (s.pending) await s.decide(s.pending.id, choices[s.pending.id] ?? s.pending.default, { rationale: 'test' });
    else await s.moveTo(s.nextStop(), 'next-stop');
  }
  const leak = s.incidentIds.get('储罐区阀门泄漏')!;
  const controlled = s.events.filter((e) => e.kind === 'incident.controlled' && e.incident === leak).map((e) => ({ t: e.t - s.pkg.startS, size: e.kind === 'incident.controlled' ? e.data.size : null }));
  const ev = evaluate(s, null);
  return { ev, controlled, x: (id: string) => ev.expected.find((e) => e.id === id)!, explosionT: ev.msel.find((m) => m.inject === 'I09')!.deliveredT! };
}

describe('the tabletop: control of the leak after the flash explosion', () => {
  it('with the listed defaults (D3: call in the reserve hazmat unit) the leak is lost at the explosion and back under control within X11’s window; the final report still comes in its window', async () => {
    const { ev, controlled, x, explosionT } = await play();
    expect(ev.msel.find((m) => m.inject === 'I09')).toMatchObject({ refused: null });
    expect(controlled).toHaveLength(2);
    expect(controlled[0].t).toBeLessThan(explosionT);
    expect(controlled[1]).toEqual({ t: expect.any(Number), size: 8.5 });
    expect(controlled[1].t).toBeGreaterThan(ev.decisions.find((d) => d.decision === 'D3')!.t!);
    expect(x('X11')).toMatchObject({ met: true, late: false, how: 'event', tMet: controlled[1].t });
    expect(x('X11').tMet!).toBeGreaterThanOrEqual(x('X11').fromT);
    expect(x('X12')).toMatchObject({ met: true, late: false });
  });

  it('with the bad choice at D3 (wait) the units on scene never hold the leak again: X11 is missed', async () => {
    const { controlled, x, explosionT } = await play({ D3: 'wait' });
    expect(controlled).toHaveLength(1);
    expect(controlled[0].t).toBeLessThan(explosionT);
    expect(x('X11')).toMatchObject({ met: false, late: false, tMet: null });
  });
});
