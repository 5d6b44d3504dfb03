/**
 * A busy day (200× the default county's demand, ~17,000 incidents): frame work and intervals while playing at 600×, long tasks,
 * scrub and tab switch times — recorded in metrics.json with a verdict per target, never asserted
 * (the machine is shared; `npm run bench:web` prints the same).
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../../helpers.ts';
import { SHOTS, type Harness } from '../harness.ts';
import { BUSY_FACTOR, busyDefaultZip } from '../busy-scenario.ts';
import { measureScale, openBusy, verdict } from '../measure.ts';

export function scaleSuite(h: Harness): void {
  it('measures the app on a busy day of ~17,000 incidents (recorded, not asserted)', async () => {
    await h.page.goto(h.base);
    await h.ready();
    const incidents = await openBusy(h.page, busyDefaultZip(ROOT, BUSY_FACTOR), `default-${BUSY_FACTOR}x`);
    expect(incidents).toBeGreaterThan(10_000);
    const figures = await measureScale(h.page);
    h.metrics.scaleBusy = { ...figures, verdict: verdict(figures) };
    console.log(`e2e scale (${BUSY_FACTOR}× demand): ${JSON.stringify(h.metrics.scaleBusy)}`);
    for (const x of Object.values(figures.tabSwitchMs)) expect(Number.isFinite(x)).toBe(true);
    await h.page.screenshot({ path: join(SHOTS, '08-busy.png') });
  });
}
