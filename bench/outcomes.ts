import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createOutcomeService, INACTIVITY_FIXTURE, importInactivity, seedSyntheticHistory } from '../src/domains/outcomes/index.ts';
import { buildDashboard } from '../src/domains/outcomes/outcome-dashboard.ts';
import { migrations } from '../src/migrations/index.ts';
import { fixedClock } from '../src/platform/clock/index.ts';
import { type Database, type DatabaseTarget, migrateToLatest, openDatabase } from '../src/platform/db/index.ts';
import { countsSelect } from '../src/platform/outcomes/index.ts';

/**
 * BENCH_ONLY=outcomes: a synthetic history (BENCH_PARTICIPANTS, default 100,000) generated into a
 * fresh database, then p50/p95 of the tenant dashboard and the national view read from the kept
 * counts and roll-ups, beside the same figures computed from the raw facts in the same run (the
 * ratio's base); time to generate and the database size. With BENCH_OUTCOMES_REUSE=1 the database
 * at BENCH_DATABASE_URL is measured as it is (a history generated before, for example by
 * `bridgework seed --synthetic`): no generation, nothing dropped.
 */
const RUNS = Number(process.env.BENCH_OUTCOME_RUNS ?? 30);
const RAW_RUNS = Number(process.env.BENCH_OUTCOME_RAW_RUNS ?? 5);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
async function time(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  // BENCH_OUTCOME_RAW_RUNS=0: the raw read is not run (it takes minutes a run at national scale).
  if (runs <= 0) return { p50: Number.NaN, p95: Number.NaN };
  const xs: number[] = [];
  await fn();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return { p50: pct(xs, 50), p95: pct(xs, 95) };
}

export async function benchOutcomes(label: string, target: DatabaseTarget, participants: number, options: { reuse?: boolean } = {}): Promise<string[]> {
  const db: Database = await openDatabase(target);
  try {
    await migrateToLatest(db.owner, migrations);
    const t0 = performance.now();
    let last = -1;
    const made = options.reuse
      ? ((
          await sql<{ areas: number; facts: number }>`
            SELECT (SELECT count(DISTINCT tenant_id)::integer FROM outcome_area_counts) AS areas, (SELECT count(*)::integer FROM outcome_facts) AS facts`.execute(
            db.owner,
          )
        ).rows[0] ?? { areas: 0, facts: 0 })
      : await seedSyntheticHistory(db, participants, {
          progress: (done, total) => {
            const tenth = Math.floor((done / total) * 10);
            if (tenth !== last) process.stderr.write(`${label}: ${done}/${total} participants\n`);
            last = tenth;
          },
        });
    const generate = (performance.now() - t0) / 1000;
    const size = await sql<{ size: string }>`select pg_size_pretty(pg_database_size(current_database())) as size`.execute(db.owner);
    const clock = fixedClock('2026-11-30T12:00:00Z');
    const outcomes = createOutcomeService({ db, clock });
    const tenantId = (await sql<{ id: string }>`select md5('synthetic-area-1')::uuid as id`.execute(db.owner)).rows[0]?.id ?? '';
    const user = {
      kind: 'user',
      tenantId,
      userId: '00000000-0000-0000-0000-000000000000',
      organisationId: '',
      email: '',
      displayName: 'bench',
      roles: ['commissioner'],
      language: 'en',
      mfaEnabled: false,
      sessionIdHash: '',
    } as const;
    const analyst = { ...user, roles: ['national-analyst'] } as const;
    const query = { from: '2025-12', to: '2026-11' };
    const filter = { from: '2025-12', to: '2026-11', teamId: null, by: 'programme' as const };
    const dims = ['all', 'days', 'sex', 'age-group', 'ethnicity', 'disability', 'programme'];
    // The same figures from the raw facts: the counts' own definition run over the facts at read time.
    const rawTenant = () =>
      db.inTenant(tenantId, async (tx) => {
        const { rows } = await sql<{ month: string; kind: string; dimension: string; value: string; n: number }>`
          SELECT CASE WHEN dimension = 'all' THEN month ELSE '' END AS month, kind, dimension, value, sum(n)::integer AS n
            FROM (${sql.raw(countsSelect(`(SELECT * FROM outcome_facts WHERE tenant_id = '${tenantId}' AND month >= '2025-12' AND month <= '2026-11')`))}) c
           WHERE dimension = ANY (${dims}::text[]) GROUP BY 1, 2, 3, 4`.execute(tx);
        return buildDashboard(rows, filter, 10);
      });
    const rawNational = () =>
      sql`SELECT tenant_id, kind, dimension, value, sum(n) FROM (${sql.raw(countsSelect(`(SELECT * FROM outcome_facts WHERE month >= '2025-12' AND month <= '2026-11')`))}) c
           WHERE dimension IN ('all', 'days') GROUP BY 1, 2, 3, 4`.execute(db.owner);
    const tenantAgg = await time(RUNS, () => outcomes.tenant(user, query));
    const tenantRaw = await time(RAW_RUNS, rawTenant);
    const nationalAgg = await time(RUNS, () => outcomes.national(analyst, query));
    const nationalRaw = await time(RAW_RUNS, rawNational);
    const f = (x: number) => (Number.isNaN(x) ? 'not run' : `${x.toFixed(1)} ms`).padStart(10);
    const imports = options.reuse ? [] : await timeImports(db, label);
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    return [
      options.reuse
        ? `${label}: an existing history: ${made.facts.toLocaleString('en-GB')} facts, ${made.areas} areas; database ${size.rows[0]?.size}; load average ${load}`
        : `${label}: ${participants.toLocaleString('en-GB')} participants, ${made.facts.toLocaleString('en-GB')} facts, ${made.areas} areas; generated in ${generate.toFixed(1)} s; database ${size.rows[0]?.size}; load average ${load}`,
      `${label}: tenant dashboard  from counts p50 ${f(tenantAgg.p50)} p95 ${f(tenantAgg.p95)} | from raw facts p50 ${f(tenantRaw.p50)} p95 ${f(tenantRaw.p95)} | ×${(tenantRaw.p95 / tenantAgg.p95).toFixed(0)} at p95`,
      `${label}: national view     from counts p50 ${f(nationalAgg.p50)} p95 ${f(nationalAgg.p95)} | from raw facts p50 ${f(nationalRaw.p50)} p95 ${f(nationalRaw.p95)} | ×${(nationalRaw.p95 / nationalAgg.p95).toFixed(0)} at p95`,
      ...imports,
    ];
  } finally {
    await db.close();
  }
}

/**
 * The Nomis import (what `bridgework import inactivity FILE` runs, without the process start): the
 * shipped fixture, and a national file of 400 areas over 20 periods (64,000 rows, 16,000 estimates)
 * with codes in an unused range (W99…).
 */
async function timeImports(db: Database, label: string): Promise<string[]> {
  const clock = fixedClock('2026-11-30T12:00:00Z');
  const fixture = await readFile(INACTIVITY_FIXTURE, 'utf8');
  const lines = ['DATE_NAME,GEOGRAPHY_NAME,GEOGRAPHY_CODE,VARIABLE_NAME,MEASURES_NAME,OBS_VALUE,OBS_STATUS'];
  for (let a = 1; a <= 400; a++)
    for (let y = 2004; y < 2024; y++)
      for (const variable of ['% who are economically inactive - aged 16-64', '% of economically inactive long-term sick']) {
        const percent = 15 + ((a * 7 + y * 3) % 20);
        const row = (measure: string, value: number | string) =>
          `Jul ${y}-Jun ${y + 1},Area ${a},W99${String(a).padStart(6, '0')},${variable},${measure},${value},`;
        lines.push(
          row('Variable', `${percent}.${a % 10}`),
          row('Numerator', 1000 * percent + a),
          row('Denominator', 100_000 + a),
          row('Confidence', 2 + (a % 30) / 10),
        );
      }
  const out: string[] = [];
  for (const [name, text] of [
    ['the shipped fixture', fixture],
    [`a national file (${(lines.length - 1).toLocaleString('en-GB')} rows)`, lines.join('\n')],
  ] as const) {
    const t0 = performance.now();
    const result = await importInactivity(db, clock, text);
    out.push(`${label}: import inactivity, ${name}: ${result.estimates.toLocaleString('en-GB')} estimates in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  return out;
}
