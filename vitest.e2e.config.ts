import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    // One Chromium and one migrated, seeded data directory per run, shared by every file (test/e2e/global-setup.ts).
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A worker imports the app and Playwright once for all its files (ADR 0041); each file still
    // starts its own server on its own copy of the data and opens its own browser context. Two
    // workers: one chain of long journeys was the last of `npm test`'s three runs to finish.
    isolate: false,
    maxWorkers: 2,
    // Node's own loader runs the TypeScript (type stripping, as `npm start` does) instead of Vite's
    // module runner: no transform, a third less CPU a file (ADR 0070). Module mocks need Vite's runner.
    experimental: { viteModuleRunner: false },
  },
});
