import { globSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The unit run's test files that never reach a database, directly or through a helper under
 * `test/`. `npm test` runs them on PGlite only: on PostgreSQL they would run the same code on the
 * same input a second time (a pure rules table, a PDF, the `calc` CLI), and could not fail there
 * unless they failed on PGlite too (docs/testing.md, ADR 0057).
 *
 * The test is deliberately wide: a file that names any way of making or reaching a database (or of
 * starting the server, or a CLI workspace with its own database) stays in both runs, so a mistake
 * here only costs time, never a missed engine.
 */
const REACHES_A_DATABASE =
  /createTestDatabase|createTestApp|createScratchDatabase|testDatabaseKind|TEST_DATABASE_URL|DATABASE_URL|openDatabase|pgliteDatabase|PGlite|pg\.Client|startServer|startE2e|cliWorkspace|cli-workspace|services\.ts|seed\.ts|platform\/db/;

const LOCAL_IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

function reachesDatabase(root: string, file: string, seen: Set<string>): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return false;
  }
  if (REACHES_A_DATABASE.test(text)) return true;
  // Helpers under test/ (support modules, example tables) are followed; the app's own modules are
  // not: a test reaches the app's database code only by making a database, which the pattern sees.
  for (const [, path] of text.matchAll(LOCAL_IMPORT)) {
    const target = normalize(join(dirname(file), path ?? ''));
    if (target.startsWith('test/') && reachesDatabase(root, target, seen)) return true;
  }
  return false;
}

/** The unit config's test files (relative to `root`) that no database is reached from, sorted. */
export function engineIndependentTests(root: string): string[] {
  const files = globSync(['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'], { cwd: root })
    .map((f) => relative(root, join(root, f)))
    .filter((f) => !f.startsWith('test/e2e/') && !f.includes('node_modules'));
  return files.filter((f) => !reachesDatabase(root, f, new Set())).sort((a, b) => a.localeCompare(b));
}
