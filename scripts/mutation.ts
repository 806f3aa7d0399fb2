import { spawnSync } from 'node:child_process';
import { existsSync, globSync, readFileSync } from 'node:fs';

/**
 * `npm run mutation`: StrykerJS over every `src/**\/*-rules.ts`, one file at a time, each against
 * the unit tests beside it (`*-rules.test.ts`), then a table of scores. `--file <path>` runs one.
 * Reports go to reports/mutation/ (git-ignored). Slow, so not part of `npm test`: see docs/testing.md.
 */
const BAR = 90;

interface MutantResult {
  status: string;
}
interface Report {
  files: Record<string, { mutants: MutantResult[] }>;
}

const args = process.argv.slice(2);
const fileIndex = args.indexOf('--file');
const targets = fileIndex >= 0 ? [args[fileIndex + 1] ?? ''] : globSync('src/**/*-rules.ts').sort((a, b) => a.localeCompare(b));

const rows: string[] = [];
let failed = false;
for (const target of targets) {
  const testFile = target.replace(/\.ts$/, '.test.ts');
  if (!existsSync(target) || !existsSync(testFile)) {
    process.stderr.write(`✗ ${target}: needs the file and its unit tests beside it (${testFile})\n`);
    failed = true;
    continue;
  }
  process.stdout.write(`\n━━ mutating ${target} against ${testFile}\n`);
  const run = spawnSync('stryker', ['run', 'stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_TARGET: target },
  });
  const name = target
    .replace(/^src\//, '')
    .replace(/\.ts$/, '')
    .replaceAll('/', '--');
  const reportFile = `reports/mutation/${name}.json`;
  if (run.status !== 0 || !existsSync(reportFile)) {
    process.stderr.write(`✗ ${target}: the mutation run failed\n`);
    failed = true;
    continue;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  const mutants = Object.values(report.files).flatMap((file) => file.mutants);
  const count = (status: string): number => mutants.filter((mutant) => mutant.status === status).length;
  const killed = count('Killed') + count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const valid = killed + survived + noCoverage;
  const score = valid === 0 ? 100 : (100 * killed) / valid;
  if (score < BAR) failed = true;
  rows.push(`| \`${target.replace(/^src\/domains\//, '')}\` | ${mutants.length} | ${killed} | ${survived} | ${noCoverage} | ${score.toFixed(1)}% |`);
}

process.stdout.write('\n| file | mutants | killed | survived | no coverage | score |\n| --- | --- | --- | --- | --- | --- |\n');
process.stdout.write(`${rows.join('\n')}\n`);
if (failed) {
  process.stderr.write(`\n✗ every rules file must score at least ${BAR}% (see docs/testing.md)\n`);
  process.exit(1);
}
