/** @module vitest configuration: one suite for engine, forms, workflows, server and browser tests. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'ui/dist/**', 'data/**'],
    // PGlite costs ~4 s and hundreds of MB per open database: keep worker count to the machine's 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
