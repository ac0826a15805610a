import { configDefaults, defineConfig } from 'vitest/config';

const TIMED_E2E = 'test/e2e/speed-layout.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB and the generator are CPU-bound; two cores here.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
        },
      },
      {
        // The browser tests run after the others, and the one that times pages (first load,
        // switching client) runs last and alone: another browser test training models beside it
        // would make its timings the machine's, not the dashboard's.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, TIMED_E2E],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: { name: 'e2e-timed', include: [TIMED_E2E], sequence: { groupOrder: 2 } },
      },
    ],
  },
});
