// StrykerJS over one rules file at a time; scripts/mutation.ts sets MUTATION_TARGET and runs it
// once per `src/**/*-rules.ts`. Run it with `npm run mutation`, not directly.
const target = process.env.MUTATION_TARGET;
if (!target) throw new Error('MUTATION_TARGET is not set: run `npm run mutation` instead');
const name = target
  .replace(/^src\//, '')
  .replace(/\.ts$/, '')
  .replaceAll('/', '--');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [target],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  // TypeScript 7 has no JavaScript API, so there is no type checker plugin and no tsconfig to read.
  checkers: [],
  tsconfigFile: 'no-tsconfig-for-stryker.json',
  // The machine running it is usually shared: two workers at most.
  concurrency: 2,
  timeoutMS: 30_000,
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ['html', 'json', 'clear-text'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['reports', 'data', 'coverage', 'docs', 'bench', 'test/e2e'],
  thresholds: { high: 90, low: 90, break: null },
};
