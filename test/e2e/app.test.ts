/**
 * The app in headless Chromium, as a planner, a trainer and an analyst use it: each suite in
 * ./suites on one browser, in order. Any uncaught page error fails the test it happened in.
 * Screenshots and measured figures go to test/e2e/screenshots/ (git-ignored); figures are recorded,
 * never asserted. Without Chromium the suite is skipped — unless REQUIRE_E2E=1 (CI), which fails.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, Harness, SHOTS, hasChromium } from './harness.ts';
import { coreSuite } from './suites/core.ts';
import { replaySuite } from './suites/replay.ts';
import { runsSuite } from './suites/runs.ts';
import { accessSuite } from './suites/access.ts';
import { batchSuite } from './suites/batch.ts';
import { scaleSuite } from './suites/scale.ts';
import { exerciseSuite } from './suites/exercise.ts';
import { ownFileSuite } from './suites/own-file.ts';

const required = process.env.REQUIRE_E2E === '1';
if (!hasChromium) console.log(`e2e: ${required ? 'FAILED' : 'SKIPPED'} — no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`);

describe.runIf(!hasChromium && required)('browser tests required (REQUIRE_E2E=1)', () => {
  it('finds Chromium', () => {
    expect(hasChromium, `no Chromium at ${CHROMIUM}`).toBe(true);
  });
});

describe.skipIf(!hasChromium)('the web app in Chromium', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterEach(() => {
    const errors = h.pageErrors.splice(0);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });
  afterAll(async () => {
    if (Object.keys(h.metrics).length) writeFileSync(join(SHOTS, 'metrics.json'), JSON.stringify(h.metrics, null, 2) + '\n');
    await h.stop();
  });
  coreSuite(h);
  replaySuite(h);
  runsSuite(h);
  accessSuite(h);
  batchSuite(h);
  ownFileSuite(h);
  scaleSuite(h);
  exerciseSuite(h);
});
