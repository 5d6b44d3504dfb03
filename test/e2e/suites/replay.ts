/** At time t every view shows only what had happened by t; an incident nobody answered leaves the map. */
import { expect, it } from 'vitest';
import type { Harness } from '../harness.ts';
import { reference, scriptedIncident, seedWithLostIncident } from './reference.ts';
import { lastAtOrBefore } from '../../../web/model/replay.ts';
import { clock } from '../../../src/report/format.ts';

export function replaySuite(h: Harness): void {
  it('the chain of an open incident grows as time passes, and shows nothing after t', async () => {
    const inc = scriptedIncident();
    const lanesAt = async (t: number) => {
      await h.scrub(t);
      await h.page.click('[data-tab=chain]');
      return h.page.locator('#tab-chain svg.chain > g:not(:first-child)').count();
    };
    await h.page.goto(`${h.base}?incident=${inc.incidentId}&t=${Math.ceil(inc.tOccur + 120)}`);
    await h.ready();
    const early = await lanesAt(Math.ceil(inc.tOccur + 120));
    const later = await lanesAt(Math.ceil(inc.tOccur + 3600));
    expect(early).toBeGreaterThanOrEqual(1);
    expect(later).toBeGreaterThan(early);
    // Every bar ends at or before the cursor.
    const { cursor, maxRight } = await h.page.evaluate(() => {
      const svg = document.querySelector('#tab-chain svg.chain')!;
      const line = [...svg.querySelectorAll(':scope > line')].at(-1)!;
      const rights = [...svg.querySelectorAll('g rect')].filter((r) => r.getAttribute('fill') !== '#fafafa').map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width')));
      return { cursor: Number(line.getAttribute('x1')), maxRight: Math.max(...rights) };
    });
    expect(maxRight).toBeLessThanOrEqual(cursor + 1.01);
  });

  it('the event log holds exactly the events up to t, the latest last', async () => {
    const { run } = reference();
    const t = 10 * 3600 + 17;
    await h.scrub(t);
    await h.page.click('[data-tab=events]');
    const count = lastAtOrBefore(run.log, t, (e) => e.t) + 1;
    const height = await h.page.evaluate(() => parseFloat((document.querySelector('.ev-spacer') as HTMLElement).style.height));
    expect(height / 20).toBe(count);
    const last = await h.page.textContent('.ev-row.now .ev-time');
    expect(last).toBe(clock(reference().scenario.startSecondOfDay, run.log[count - 1].t));
  });

  it('the Gantt is empty to the right of the cursor', async () => {
    await h.scrub(12 * 3600);
    await h.page.click('[data-tab=state]');
    const painted = await h.page.evaluate(() => {
      const c = document.querySelector('canvas.gantt') as HTMLCanvasElement;
      const ctx = c.getContext('2d')!;
      const dpr = c.width / parseFloat(c.style.width);
      const w = parseFloat(c.style.width);
      // Columns between 55% and 100% of the axis: after noon on a day that starts at midnight.
      const x0 = Math.round((64 + 0.55 * (w - 70)) * dpr);
      const data = ctx.getImageData(x0, 20 * dpr, c.width - x0, c.height - 20 * dpr).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
    expect(painted).toBe(0);
  });

  it('a unit waiting for its next alert does not name that incident', async () => {
    const { run, replay } = reference();
    const d = run.records.dispatches.find((x) => {
      if (x.tAlert === null || x.tAlert < 7200) return false;
      const u = replay.units.find((y) => y.id === x.unitId)!;
      const k = lastAtOrBefore(u.segments, x.tAlert - 2, (s) => s.t0);
      return u.segments[k].status === 'available' && u.segments[k].t0 < Math.floor(x.tAlert) - 2;
    })!;
    await h.scrub(Math.floor(d.tAlert!) - 1);
    await h.clickOnMap('units', d.unitId);
    await h.page.waitForSelector('#details:not([hidden])');
    expect(await h.page.textContent('#details')).not.toContain(d.incidentId);
    await h.scrub(Math.ceil(d.tAlert!) + 1);
    await h.clickOnMap('units', d.unitId);
    expect(await h.page.textContent('#details')).toContain(d.incidentId);
  });

  it('an incident whose only caller hung up leaves the map when the caller does', async () => {
    const { seed, lost } = seedWithLostIncident();
    await h.page.goto(`${h.base}?seed=${seed}`);
    await h.ready();
    await h.scrub(Math.ceil(lost.tOccur + 1));
    expect((await h.mapSnapshot()).incidents.some((i) => i.id === lost.id)).toBe(true);
    await h.scrub(Math.ceil(lost.tEnd + 1));
    expect((await h.mapSnapshot()).incidents.some((i) => i.id === lost.id)).toBe(false);
    await h.scrub(20 * 3600);
    expect((await h.mapSnapshot()).incidents.some((i) => i.id === lost.id)).toBe(false);
  });
}
