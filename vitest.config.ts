import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Migrates and seeds one template per run; each file's database is a copy (test/support/test-db.ts).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A worker imports the app's modules once and runs file after file with them (docs/testing.md,
    // ADR 0041): importing Fastify, Kysely and the whole app again for every file cost more than
    // most files' tests. Each file still gets its own database and its own app.
    isolate: false,
    maxWorkers: 2,
    // Node's own loader runs the TypeScript (type stripping, as `npm start` does) instead of Vite's
    // module runner: no transform, a third less CPU a file (ADR 0070). Module mocks need Vite's runner.
    experimental: { viteModuleRunner: false },
  },
});
