import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'web',
  // Relative paths: the built site works from any static host, or from a sub-folder.
  base: './',
  publicDir: false,
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
  preview: { host: '127.0.0.1' },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    // Golden files and CSV depend on nothing locale- or zone-specific, but pin the zone anyway.
    env: { TZ: 'UTC' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
