import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { importInactivity } from '../../src/domains/outcomes/index.ts';
import { fixedClock } from '../../src/platform/clock/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';

// The Nomis import against the database: all or nothing, and through the command line.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 120_000);
afterAll(() => t.dispose());

const HEADER = 'DATE_NAME,GEOGRAPHY_NAME,GEOGRAPHY_CODE,VARIABLE_NAME,MEASURES_NAME,OBS_VALUE,OBS_STATUS';
const good = (code: string, value: string) => `Jul 2023-Jun 2024,Area,${code},% of economically inactive long-term sick,Variable,${value},`;
const count = async () => Number((await sql<{ n: string }>`select count(*)::text as n from inactivity_estimates`.execute(t.db.owner)).rows[0]?.n);

describe('importing inactivity estimates', () => {
  test('a half-bad file writes nothing, and says which rows are bad', async () => {
    const before = await count();
    const text = [HEADER, good('E06000016', '24'), good('W06000015', '26'), good('BAD', '1'), good('E06000018', 'x')].join('\n');
    await expect(importInactivity(t.db, fixedClock('2026-12-01T00:00:00Z'), text)).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [
        { path: 'line 4', message: '"BAD" is not a GSS area code' },
        { path: 'line 5', message: '"x" is not a number' },
      ],
    });
    expect(await count()).toBe(before);
  });

  test('a good file is imported with its period and source; importing it again replaces, not duplicates', async () => {
    const text = [HEADER, good('E06000016', '24'), good('W06000015', '26')].join('\n');
    const progress: number[] = [];
    const result = await importInactivity(t.db, fixedClock('2026-12-01T00:00:00Z'), text, { progress: (done) => progress.push(done) });
    expect(result).toEqual({ estimates: 2, areas: 2, periods: ['Jul 2023-Jun 2024'] });
    expect(progress.at(-1)).toBe(2);
    await importInactivity(t.db, fixedClock('2026-12-02T00:00:00Z'), text);
    const rows = await sql<{ gss_code: string; period: string; percent: string; source: string }>`
      select gss_code, period, percent::text, source from inactivity_estimates where gss_code in ('E06000016', 'W06000015') order by gss_code`.execute(
      t.db.owner,
    );
    expect(rows.rows).toEqual([
      { gss_code: 'E06000016', period: 'Jul 2023-Jun 2024', percent: '24.00', source: 'ONS Annual Population Survey, via Nomis (NM_17_5)' },
      { gss_code: 'W06000015', period: 'Jul 2023-Jun 2024', percent: '26.00', source: 'ONS Annual Population Survey, via Nomis (NM_17_5)' },
    ]);
  });
});

describe('bridgework import inactivity', () => {
  // On PostgreSQL only: the command opens the database by its URL (PGlite's copy is in memory).
  test.skipIf(!process.env.TEST_DATABASE_URL)('imports the shipped fixture with a progress bar; a bad file exits 2 naming the line', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const fixture = new URL('../../src/domains/outcomes/fixtures/nomis-aps-inactivity.csv', import.meta.url).pathname;
    expect(
      await runCli(
        ['import', 'inactivity', fixture],
        { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: t.url ?? '' },
        (s) => out.push(s),
        (s) => err.push(s),
      ),
    ).toBe(0);
    expect(out.join('\n')).toContain('Imported 6 estimates for 3 areas');
    expect(err.join('\n')).toMatch(/100% 22\/22 rows/);
  });
});
