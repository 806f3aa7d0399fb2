import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

/**
 * `npm test`: the whole suite on PGlite, the same suite on PostgreSQL, then the browser tests.
 * PostgreSQL comes from TEST_DATABASE_URL, or the local server if one answers; the browser tests
 * need Debian's Chromium. Either may be skipped locally with a printed reason; CI sets
 * REQUIRE_POSTGRES=1 and REQUIRE_BROWSER=1 so that it cannot skip them.
 */
const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/test';

function run(label: string, args: string[], env: NodeJS.ProcessEnv): void {
  process.stdout.write(`\n━━ ${label}\n`);
  const result = spawnSync('vitest', ['run', ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
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
run('unit and integration tests on PGlite', extra, { TEST_DATABASE_URL: '' });

const serverUrl = process.env.TEST_DATABASE_URL || ((await reachable(LOCAL_SERVER)) ? LOCAL_SERVER : '');
if (serverUrl) {
  run(`the same tests on PostgreSQL (${new URL(serverUrl).host})`, extra, { TEST_DATABASE_URL: serverUrl });
} else if (process.env.REQUIRE_POSTGRES === '1') {
  process.stderr.write('PostgreSQL is required (REQUIRE_POSTGRES=1) but no server answered.\n');
  process.exit(1);
} else {
  process.stdout.write(`\nSkipping the PostgreSQL run: no TEST_DATABASE_URL and nothing answers at ${LOCAL_SERVER}.\n`);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  run('browser tests (Chromium, axe-core)', ['--config', 'vitest.e2e.config.ts'], {});
} else if (process.env.REQUIRE_BROWSER === '1') {
  process.stderr.write(`Browser tests are required (REQUIRE_BROWSER=1) but ${chromium} is not installed.\n`);
  process.exit(1);
} else {
  process.stdout.write(`\nSkipping the browser tests: ${chromium} is not installed (apt-get install chromium).\n`);
}
process.stdout.write('\n✓ all test runs passed\n');
