import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest starts the files it has timed longest first, and files it has never timed (a fresh
 * checkout, CI) largest first. The every-page walk's three files are a few lines each (the walk is
 * in `test/e2e/every-page.ts`) but among the longest of the run: they start first either way, so
 * that each worker ends on short files and the two finish together (ADR 0068).
 */
class WalkFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const walk = (file: TestSpecification) => /every-page-[\w-]+\.test\.ts$/.test(file.moduleId);
    return [...sorted.filter(walk), ...sorted.filter((file) => !walk(file))];
  }
}

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
    sequence: { sequencer: WalkFirst },
  },
});
