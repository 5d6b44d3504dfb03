import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The site's pages: the replay app, and the exercise page. */
const page = (name: string) => fileURLToPath(new URL(`./web/${name}`, import.meta.url));

export default defineConfig({
  root: 'web',
  // Relative paths: the built site works from any static host, or from a sub-folder.
  base: './',
  publicDir: false,
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000, rollupOptions: { input: { main: page('index.html'), exercise: page('exercise.html') } } },
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
