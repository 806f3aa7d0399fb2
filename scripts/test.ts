import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import pg from 'pg';
import { chromiumPath, hasChromium } from '../test/e2e/chromium-path.ts';
import { engineIndependentTests } from './engine-independent.ts';

/**
 * `npm test`: the whole suite on PGlite, the same suite on PostgreSQL, and the browser tests, one
 * run after another: each run's two workers keep both cores busy on their own, and the three at once
 * cost about a third more CPU than one after another (ADR 0072). Each run prints as it goes, then
 * a summary; the command fails if any run failed. PostgreSQL comes from TEST_DATABASE_URL, or the
 * local server if one answers; the browser tests need Debian's Chromium. Either may be skipped
 * locally with a printed reason; CI sets REQUIRE_POSTGRES=1 and REQUIRE_BROWSER=1 so that it cannot
 * skip them. The PostgreSQL run leaves out the files that never reach a database
 * (`engine-independent.ts`): they already ran on PGlite.
 */
const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/test';

type Run = { label: string; args: string[]; env: NodeJS.ProcessEnv };
type Outcome = { label: string; ok: boolean; seconds: number };

const children = new Set<ReturnType<typeof spawn>>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(130);
  });
}

function start(run: Run): Promise<Outcome> {
  const began = Date.now();
  process.stdout.write(`\n━━ ${run.label}\n`);
  // The runs go one at a time, so each one's output goes straight to the terminal.
  const child = spawn('vitest', ['run', ...run.args], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...run.env } });
  children.add(child);
  return new Promise((resolve) => {
    const finish = (ok: boolean, note = '') => {
      children.delete(child);
      const seconds = Math.round((Date.now() - began) / 1000);
      process.stdout.write(note);
      process.stdout.write(ok ? `✓ ${run.label} passed (${seconds} s)\n` : `\n✗ ${run.label} failed (${seconds} s)\n`);
      resolve({ label: run.label, ok, seconds });
    };
    child.on('error', (error) => finish(false, `${error.message}\n`));
    child.on('close', (code) => finish(code === 0));
  });
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const extra = process.argv.slice(2);
const runs: Run[] = [{ label: 'unit and integration tests on PGlite', args: extra, env: { TEST_DATABASE_URL: '' } }];

const serverUrl = process.env.TEST_DATABASE_URL || ((await reachable(LOCAL_SERVER)) ? LOCAL_SERVER : '');
if (serverUrl) {
  // Pure files (rules tables, PDFs, the calc CLI) would run the same code a second time: PGlite's run has them.
  const pure = engineIndependentTests(process.cwd()).flatMap((file) => ['--exclude', file]);
  runs.push({
    label: `the tests that reach a database, on PostgreSQL (${new URL(serverUrl).host})`,
    // A filter naming only pure files leaves this run nothing to do, which is not a failure.
    args: [...pure, ...extra, ...(extra.length > 0 ? ['--passWithNoTests'] : [])],
    env: { TEST_DATABASE_URL: serverUrl },
  });
} else if (process.env.REQUIRE_POSTGRES === '1') {
  process.stderr.write('PostgreSQL is required (REQUIRE_POSTGRES=1) but no server answered.\n');
  process.exit(1);
} else {
  process.stdout.write(`Skipping the PostgreSQL run: no TEST_DATABASE_URL and nothing answers at ${LOCAL_SERVER}.\n`);
}

if (hasChromium) {
  runs.push({ label: 'browser tests (Chromium, axe-core)', args: ['--config', 'vitest.e2e.config.ts'], env: {} });
} else if (process.env.REQUIRE_BROWSER === '1') {
  process.stderr.write(`Browser tests are required (REQUIRE_BROWSER=1) but ${chromiumPath} is not installed (apt-get install chromium-headless-shell).\n`);
  process.exit(1);
} else {
  process.stdout.write(`Skipping the browser tests: ${chromiumPath} is not installed (apt-get install chromium-headless-shell).\n`);
}

const began = Date.now();
const outcomes: Outcome[] = [];
for (const run of runs) outcomes.push(await start(run));
// The load average says how far the times can be compared: the machine may be shared.
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(', ');
process.stdout.write(`\n━━ summary (${Math.round((Date.now() - began) / 1000)} s in all; load average ${load} over 1, 5, 15 minutes)\n`);
for (const o of outcomes) process.stdout.write(`${o.ok ? '✓' : '✗'} ${o.label}: ${o.ok ? 'passed' : 'FAILED'} in ${o.seconds} s\n`);
if (outcomes.some((o) => !o.ok)) process.exit(1);
process.stdout.write('✓ all test runs passed\n');
