import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedSyntheticHistory } from '../../src/domains/outcomes/index.ts';
import { BREAKDOWNS, type CountRow, type DashboardFilter } from '../../src/domains/outcomes/outcome.ts';
import { buildDashboard } from '../../src/domains/outcomes/outcome-dashboard.ts';
import { readCounts } from '../../src/domains/outcomes/outcome-repo.ts';
import type { Database } from '../../src/platform/db/index.ts';
import { countsSelect, saveEqualityAnswers } from '../../src/platform/outcomes/index.ts';
import { writeJourneys } from '../support/outcomes-data.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../support/test-db.ts';

// The national roll-ups (migration 0036, ADR 0055) are sums of the kept counts, kept by the same
// statement; the synthetic history is deterministic and its counts are the counts' own definition.

type Row = Record<string, string>;
const rows = async (db: Database, query: string) => (await sql.raw<Row>(query).execute(db.owner)).rows;
/** Rows in `a` not in `b` and in `b` not in `a`: both empty when the two queries give the same rows. */
const difference = async (db: Database, a: string, b: string) => ({
  missing: await rows(db, `(${a}) EXCEPT ALL (${b})`),
  extra: await rows(db, `(${b}) EXCEPT ALL (${a})`),
});

const AREA_SUMS = `SELECT tenant_id::text, month, kind, sum(n)::text AS n FROM outcome_counts WHERE dimension = 'all' AND value = 'first'
  GROUP BY 1, 2, 3 HAVING sum(n) <> 0`;
const AREA_ROLLUP = 'SELECT tenant_id::text, month, kind, n::text FROM outcome_area_counts WHERE n <> 0';
const NATION_SUMS = `SELECT month, kind, dimension, value, sum(n)::text AS n FROM outcome_counts WHERE dimension IN ('all', 'days')
  GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0`;
const NATION_ROLLUP = 'SELECT month, kind, dimension, value, n::text FROM outcome_nation_counts WHERE n <> 0';
const NATION_FROM_AREAS = `SELECT month, kind, sum(n)::text AS n FROM outcome_area_counts GROUP BY 1, 2 HAVING sum(n) <> 0`;
const NATION_FIRST = `SELECT month, kind, n::text FROM outcome_nation_counts WHERE dimension = 'all' AND value = 'first' AND n <> 0`;

async function expectRollupsAreSums(db: Database) {
  expect(await difference(db, AREA_SUMS, AREA_ROLLUP)).toEqual({ missing: [], extra: [] });
  expect(await difference(db, NATION_SUMS, NATION_ROLLUP)).toEqual({ missing: [], extra: [] });
  // The nation's people reaching each kind are the areas' summed: the national funnel and the area table agree.
  expect(await difference(db, NATION_FROM_AREAS, NATION_FIRST)).toEqual({ missing: [], extra: [] });
}

describe(`national roll-ups kept by the writer on ${testDatabaseKind}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(() => t.close());

  test('after facts in two areas, and a person changing their answers, each roll-up is the sum of the counts', async () => {
    await writeJourneys(t, 'leicester', 'Leicester IPS team', 14, { 'first-contact': 12, 'job-start': 11 }, { at: '2026-03-02T10:00:00Z' });
    await writeJourneys(t, 'cardiff', 'Cardiff IPS team', 12, { 'first-contact': 11, 'job-start': 10 }, { at: '2026-04-01T10:00:00Z' });
    await writeJourneys(t, 'leicester', 'Leicester IPS team', 3, { 'job-start': 2 }, { at: '2026-04-20T10:00:00Z', programme: 'youth' });
    await expectRollupsAreSums(t.testDb.db);
    const [person] = await rows(t.testDb.db, `SELECT person_id::text AS id FROM outcome_facts WHERE tenant_id = '${t.tenants.leicester}' LIMIT 1`);
    await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      saveEqualityAnswers(tx, t.tenants.leicester, person?.id ?? '', { sex: 'female', ageGroup: '25-34', ethnicity: 'white', disability: 'no' }, new Date()),
    );
    await expectRollupsAreSums(t.testDb.db);
    const [march] = await rows(
      t.testDb.db,
      `SELECT n::text FROM outcome_area_counts WHERE tenant_id = '${t.tenants.leicester}' AND month = '2026-03' AND kind = 'job-start'`,
    );
    expect(march?.n).toBe('11');
  });

  test('the national read gives, per area, what the counts give, and across areas their sum', async () => {
    const from = '2026-01';
    const to = '2026-12';
    const areas = `SELECT tenant_id::text, kind, n::text FROM outcome_national_rollup('${from}', '${to}') WHERE tenant_id IS NOT NULL`;
    const fromCounts = `SELECT tenant_id::text, kind, sum(n)::text FROM outcome_counts
      WHERE month BETWEEN '${from}' AND '${to}' AND dimension = 'all' AND value = 'first' GROUP BY 1, 2`;
    expect(await difference(t.testDb.db, areas, fromCounts)).toEqual({ missing: [], extra: [] });
    const nation = `SELECT kind, dimension, value, n::text FROM outcome_national_rollup('${from}', '${to}') WHERE tenant_id IS NULL`;
    const nationFromCounts = `SELECT kind, dimension, value, sum(n)::text FROM outcome_counts
      WHERE month BETWEEN '${from}' AND '${to}' AND dimension IN ('all', 'days') GROUP BY 1, 2, 3`;
    expect(await difference(t.testDb.db, nation, nationFromCounts)).toEqual({ missing: [], extra: [] });
  });

  test('the app role adds to the national roll-up but reads areas only through the function', async () => {
    const seen = await t.testDb.db.inTenant(t.tenants.cardiff, async (tx) => {
      const { rows: area } = await sql<{ tenant_id: string }>`SELECT DISTINCT tenant_id::text FROM outcome_area_counts`.execute(tx);
      return area.map((r) => r.tenant_id);
    });
    expect(seen).toEqual([t.tenants.cardiff]);
  });
});

// The smallest size that still has two areas (so batches of one and of three differ), every step of
// a journey, and every month of the three years: 200 participants, about 2,000 facts.
const SIZE = 200;

describe(`the synthetic history on ${testDatabaseKind}`, () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  }, 120_000);
  afterAll(async () => {
    await a.dispose();
    await b.dispose();
  });

  const digest = async (db: Database) =>
    (
      await rows(
        db,
        `SELECT count(*)::text AS n, md5(string_agg(concat_ws('|', tenant_id, id, kind, occurred_at, month, subject_id, person_id, job_id, days_from_referral,
           team_id, referring_service, programme, regime, youth_pathway, condition_categories, age_band, nation), ',' ORDER BY tenant_id, id)) AS digest
           FROM outcome_facts`,
      )
    )[0];

  test('the same size gives the same facts, batch by batch or all at once, about ten a participant over three years', async () => {
    const made = await seedSyntheticHistory(a.db, SIZE, { areasPerBatch: 1, parallel: 2 });
    await seedSyntheticHistory(b.db, SIZE, { areasPerBatch: 3, parallel: 1 });
    expect(made.areas).toBe(2);
    expect(made.facts).toBeGreaterThan(SIZE * 9);
    expect(made.facts).toBeLessThan(SIZE * 11);
    const first = await digest(a.db);
    expect(first?.n).toBe(String(made.facts));
    expect(await digest(b.db)).toEqual(first);
    // Run again, every area is there already: nothing is added (a stopped run is finished this way).
    expect(await seedSyntheticHistory(b.db, SIZE)).toEqual(made);
    expect(await digest(b.db)).toEqual(first);
    const [span] = await rows(a.db, 'SELECT min(month) AS first, max(month) AS last FROM outcome_facts');
    expect(span).toEqual({ first: '2023-12', last: '2026-11' });
  }, 300_000);

  test('its facts are shaped as the writer writes them, its counts are their counts, and its roll-ups their sums', async () => {
    const db = a.db;
    // One fact of a kind per journey, each marked its first; days from referral never negative and in step with the dates.
    const [shape] = await rows(
      db,
      `SELECT count(*) FILTER (WHERE NOT first_of_kind)::text AS not_first,
              (count(*) - count(DISTINCT (tenant_id, subject_id, kind)))::text AS repeated,
              count(*) FILTER (WHERE days_from_referral < 0)::text AS negative,
              count(*) FILTER (WHERE job_id IS NULL AND kind IN ('job-start', 'sustained-13-weeks'))::text AS jobless
         FROM outcome_facts`,
    );
    expect(shape).toEqual({ not_first: '0', repeated: '0', negative: '0', jobless: '0' });
    const counts = 'SELECT tenant_id::text, team_id::text, month, kind, dimension, value, programme, n::text FROM outcome_counts';
    const fromFacts = `SELECT tenant_id::text, team_id::text, month, kind, dimension, value, programme, n::text FROM (${countsSelect('outcome_facts')}) c`;
    expect(await difference(db, counts, fromFacts)).toEqual({ missing: [], extra: [] });
    await expectRollupsAreSums(db);
    // The indexes set aside while loading are back.
    const [indexes] = await rows(db, `SELECT count(*)::text AS n FROM pg_indexes WHERE tablename IN ('outcome_facts', 'outcome_counts')`);
    expect(indexes?.n).toBe('6');
  }, 120_000);

  test('the dashboard reads only the kinds its figures use, and shows what every row of the counts shows', async () => {
    const db = a.db;
    const tenantId = (await rows(db, "SELECT md5('synthetic-area-1')::uuid::text AS id"))[0]?.id ?? '';
    // Some people answer the equality questions, so their groups are more than 'not-answered'.
    const people = await rows(db, `SELECT DISTINCT person_id::text AS id FROM outcome_facts WHERE tenant_id = '${tenantId}' ORDER BY 1 LIMIT 12`);
    const sexes = ['female', 'male', 'prefer-not-to-say'] as const;
    await db.inTenant(tenantId, async (tx) => {
      for (const [i, p] of people.entries())
        await saveEqualityAnswers(
          tx,
          tenantId,
          p.id ?? '',
          { sex: sexes[i % 3] ?? 'male', ageGroup: '25-34', ethnicity: i % 2 ? 'white' : 'asian', disability: 'no' },
          new Date(),
        );
    });
    const teams = (await rows(db, `SELECT DISTINCT team_id::text AS id FROM outcome_counts WHERE tenant_id = '${tenantId}' ORDER BY 1`)).map((r) => r.id ?? '');
    // Every row of every kind for the dimensions a dashboard shows: what the read was before it was narrowed.
    const everyRow = (f: DashboardFilter, team: string | null) =>
      rows(
        db,
        `SELECT CASE WHEN dimension = 'all' THEN month ELSE '' END AS month, kind, dimension, value, sum(n)::integer AS n FROM outcome_counts
          WHERE tenant_id = '${tenantId}' AND month BETWEEN '${f.from}' AND '${f.to}' ${team ? `AND team_id = '${team}'` : ''}
            AND dimension IN ('all', 'days', 'sex', 'age-group', 'ethnicity', 'disability', '${f.by}') GROUP BY 1, 2, 3, 4
         UNION ALL
         SELECT '', kind, 'team', team_id::text, sum(n)::integer FROM outcome_counts
          WHERE tenant_id = '${tenantId}' AND month BETWEEN '${f.from}' AND '${f.to}' ${team ? `AND team_id = '${team}'` : ''}
            AND dimension = 'all' AND value = 'first' GROUP BY 2, 4`,
      );
    // Every breakdown over the last year for the whole area; a team's own over the three years.
    const filters: DashboardFilter[] = [
      ...BREAKDOWNS.map((by) => ({ from: '2025-12', to: '2026-11', teamId: null, by })),
      { from: '2023-12', to: '2026-11', teamId: teams[0] ?? null, by: 'team' },
      { from: '2023-12', to: '2026-11', teamId: teams[0] ?? null, by: 'referring-service' },
    ];
    for (const f of filters) {
      const read = await db.inTenant(tenantId, (tx) => readCounts(tx, tenantId, f, f.teamId ? [f.teamId] : null));
      const all = (await everyRow(f, f.teamId)).map((r) => ({ ...r, n: Number(r.n) }) as CountRow);
      expect(buildDashboard(read, f, 3)).toEqual(buildDashboard(all, f, 3));
      expect(read.length).toBeLessThan(all.length);
    }
  }, 120_000);
});
