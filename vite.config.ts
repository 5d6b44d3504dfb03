import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: '.',
  build: { outDir: 'dist', target: 'es2022' },
  test: {
    include: ['test/**/*.test.ts'],
    // Golden files and CSV depend on nothing locale- or zone-specific, but pin the zone anyway.
    env: { TZ: 'UTC' },
    testTimeout: 120_000,
    pool: 'forks',
  },
});
