import { defineConfig } from 'vitest/config';

// Used only by the mutation run (stryker.config.mjs): the unit tests beside the rules file under
// mutation, plus a setup file that turns a module that no longer loads into a failing test.
const target = process.env.MUTATION_TARGET ?? '';

export default defineConfig({
  test: {
    include: [target.replace(/\.ts$/, '.test.ts')],
    setupFiles: ['test/mutation/load-target.ts'],
    pool: 'forks',
    maxWorkers: 1,
  },
});
