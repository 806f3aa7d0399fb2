import { sql } from 'kysely';
import type { Database } from '../../platform/db/index.ts';
import { factsWithCounts } from '../../platform/outcomes/index.ts';

/**
 * A national-scale outcome history for measuring (`bridgework seed --synthetic --participants N`):
 * synthetic areas (about 10,000 participants each, up to 300) and their journeys over the three
 * years to November 2026, deterministic: the same N gives the same rows. Participant p (0 to N−1)
 * lives in area 1 + p mod areas and has one to three journeys (2.3 on average); each journey's
 * steps, days and dimensions come from a multiplicative hash of p and the journey's number, never
 * from a random generator, about 10 facts a participant. Made by set-based SQL (generate_series), a
 * few areas per statement (ADR 0031 step 1, ADR 0055), in the writer's own statement shape
 * (factsWithCounts: the facts, their counts and the national roll-ups by the one definition), the
 * secondary indexes built once after loading into an empty table. Synthetic areas have GSS-shaped
 * codes in an unused range (E99…) and no people, names or teams behind them: only facts and counts.
 */
const STEPS: readonly [kind: string, from: number, to: number, days: number][] = [
  // A journey's draw u (0–999) takes each step whose range holds it: the funnel narrows step by step.
  ['referral-received', 0, 1000, 0],
  ['first-contact', 0, 900, 4],
  ['accepted', 0, 760, 9],
  ['not-accepted', 760, 900, 9],
  ['first-appointment', 0, 660, 16],
  ['job-start', 0, 360, 80],
  ['sustained-13-weeks', 0, 210, 171],
  ['sustained-26-weeks', 0, 130, 262],
  ['job-end', 0, 120, 300],
  ['left', 0, 330, 320],
  ['re-engaged', 0, 40, 360],
];
const SERVICES = ['gp', 'mental-health', 'addiction', 'rehabilitation', 'talking-therapies', 'self', 'jobcentre', 'other'];
const AGE_BANDS = ['18-24', '25-34', '35-49', '50-64', '16-17', '65-plus'];
const CONDITIONS = ['mental-health', 'musculoskeletal', 'long-term-condition', 'neurological'];
const START = '2023-12-01';
const DAYS = 1095;
const JOB_KINDS = ['job-start', 'sustained-13-weeks', 'sustained-26-weeks', 'job-end'];

export const syntheticAreas = (participants: number) => Math.max(2, Math.min(300, Math.ceil(participants / 10_000)));

export async function seedSyntheticHistory(
  db: Database,
  participants: number,
  options: { areasPerBatch?: number; parallel?: number; progress?: (done: number, total: number) => void } = {},
): Promise<{ areas: number; facts: number }> {
  const areas = syntheticAreas(participants);
  const perBatch = options.areasPerBatch ?? 3;
  const owner = db.owner;
  await sql`
    INSERT INTO tenants (id, gss_code, name, name_cy, nation)
    SELECT md5('synthetic-area-' || a)::uuid, 'E99' || lpad(a::text, 6, '0'), 'Synthetic area ' || a, 'Ardal synthetig ' || a,
           CASE WHEN a % 10 = 0 THEN 'wales' ELSE 'england' END
      FROM generate_series(1, ${areas}::integer) a
    ON CONFLICT (id) DO NOTHING`.execute(owner);
  await sql`
    INSERT INTO inactivity_estimates (gss_code, area_name, period, measure, percent, confidence, numerator, denominator, status, source, imported_at)
    SELECT 'E99' || lpad(a::text, 6, '0'), 'Synthetic area ' || a, 'Jul 2023-Jun 2024', 'long-term-sick-share',
           18 + (a * 7919) % 150 / 10.0, 3 + (a * 104729) % 40 / 10.0, (30000 * (18 + (a * 7919) % 150 / 10.0) / 100)::bigint, 30000,
           '', 'Synthetic figures for measuring, not survey estimates', now()
      FROM generate_series(1, ${areas}::integer) a
    ON CONFLICT DO NOTHING`.execute(owner);
  const steps = `(VALUES ${STEPS.map(([k, from, to, d]) => `('${k}', ${from}, ${to}, ${d})`).join(', ')}) AS s(kind, u_from, u_to, days)`;
  const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
  // Into an empty table, the secondary indexes are built once at the end (a sort) rather than
  // grown row by row: the same definitions, read back from the catalogue.
  const empty = (await sql<{ n: number }>`SELECT count(*)::integer AS n FROM (SELECT 1 FROM outcome_facts LIMIT 1) x`.execute(owner)).rows[0]?.n === 0;
  const deferred = empty
    ? (
        await sql<{ name: string; definition: string }>`
          SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
            FROM pg_index i WHERE i.indrelid IN ('outcome_facts'::regclass, 'outcome_counts'::regclass) AND NOT i.indisprimary`.execute(owner)
      ).rows
    : [];
  for (const index of deferred) await sql`DROP INDEX ${sql.raw(index.name)}`.execute(owner);
  // An area is loaded whole or not at all (its facts, counts and roll-ups commit together): a run
  // stopped part way is finished by running it again, which skips the areas already there.
  const loaded = new Set(
    (
      await sql<{ a: number }>`
        SELECT a FROM generate_series(1, ${areas}::integer) a
         WHERE EXISTS (SELECT 1 FROM outcome_area_counts c WHERE c.tenant_id = md5('synthetic-area-' || a)::uuid)`.execute(owner)
    ).rows.map((r) => Number(r.a)),
  );
  const todo = Array.from({ length: areas }, (_, i) => i + 1).filter((a) => !loaded.has(a));
  const batches: number[][] = [];
  for (let i = 0; i < todo.length; i += perBatch) batches.push(todo.slice(i, i + perBatch));
  let finished = loaded.size;
  const load = async (batch: number[]) => {
    const insertFacts = `
      INSERT INTO outcome_facts (tenant_id, id, kind, occurred_at, month, subject_id, person_id, job_id, first_of_kind, days_from_referral,
                                 team_id, specialist_user_id, referring_service, programme, regime, youth_pathway, condition_categories, age_band, nation)
      WITH area AS (
        SELECT a, md5('synthetic-area-' || a)::uuid AS tenant_id, CASE WHEN a % 10 = 0 THEN 'wales' ELSE 'england' END AS nation
          FROM unnest(ARRAY[${batch.join(', ')}]::integer[]) a
      ),
      person AS (
        SELECT area.*, p, md5('person-' || p)::uuid AS person_id, (p * 2654435761) % 4294967291 AS h0
          FROM area CROSS JOIN LATERAL generate_series((a - 1)::bigint, ${participants - 1}::bigint, ${areas}::bigint) p
      ),
      -- Materialised so each journey's hashes and ids are worked out once, not once per fact.
      journey AS MATERIALIZED (
        SELECT person.*, j, jh.h, md5('subject-' || p || '-' || j)::uuid AS subject_id, md5('job-' || p || '-' || j)::uuid AS job_id,
               md5('synthetic-team-' || a || '-' || (jh.h / 7 % 3))::uuid AS team_id, '${START}'::date + (jh.h % ${DAYS})::integer AS referred_on,
               (jh.h / 13 % 30)::integer AS spread
          FROM person
          CROSS JOIN LATERAL generate_series(1, 1 + (h0 % 10 >= 3)::integer + (h0 % 10 >= 4)::integer) j
          CROSS JOIN LATERAL (SELECT ((p * 4 + j) * 2654435761) % 4294967291 AS h) jh
      )
      SELECT tenant_id, md5('fact-' || p || '-' || j || '-' || s.kind)::uuid, s.kind, (on_day + time '10:00') AT TIME ZONE 'UTC', to_char(on_day, 'YYYY-MM'),
             subject_id, person_id, CASE WHEN s.kind = ANY (${list(JOB_KINDS)}) THEN job_id END, true, on_day - referred_on, team_id, NULL,
             (${list(SERVICES)})[1 + (h / 21 % 8)::integer],
             CASE WHEN h / 168 % 5 = 0 THEN 'youth' ELSE 'ips' END,
             CASE WHEN h / 840 % 10 = 0 THEN 'conditional' WHEN h / 168 % 5 = 0 THEN 'voluntary-youth' ELSE 'voluntary-health' END,
             h / 168 % 5 = 0,
             ARRAY[(${list(CONDITIONS)})[1 + (h / 8400 % 4)::integer]],
             (${list(AGE_BANDS)})[1 + (h0 / 33600 % 6)::integer],
             nation
        FROM journey
        CROSS JOIN ${steps}
        CROSS JOIN LATERAL (SELECT referred_on + CASE WHEN s.days = 0 THEN 0 ELSE s.days + spread END AS on_day) AS moment
       WHERE h / 7 % 1000 >= s.u_from AND h / 7 % 1000 < s.u_to AND on_day < '${START}'::date + ${DAYS}`;
    await owner.transaction().execute(async (tx) => {
      // The counts of a few areas fit in memory: hash them there rather than sorting on disk (the
      // planner's estimate of the groups is far above the real ones, so it is told to allow it).
      await sql`SET LOCAL work_mem = '256MB'`.execute(tx);
      await sql`SET LOCAL hash_mem_multiplier = 4`.execute(tx);
      await sql.raw(factsWithCounts(insertFacts)).execute(tx);
    });
    finished += batch.length;
    options.progress?.(Math.min(participants, Math.round((participants * finished) / areas)), participants);
  };
  // Batches are disjoint areas, so on PostgreSQL a few run at once (each on its own connection);
  // the shared national roll-up rows are upserted in one order by each, so they wait, never deadlock.
  const parallel = options.parallel ?? (db.kind === 'postgres' ? 2 : 1);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < batches.length) {
        const batch = batches[next++] as number[];
        await load(batch);
      }
    }),
  );
  for (const index of deferred) await sql.raw(index.definition).execute(owner);
  const facts =
    (
      await sql<{
        n: number;
      }>`SELECT count(*)::integer AS n FROM outcome_facts WHERE tenant_id IN (SELECT md5('synthetic-area-' || a)::uuid FROM generate_series(1, ${areas}::integer) a)`.execute(
        owner,
      )
    ).rows[0]?.n ?? 0;
  // Every batch added to every national row (and each area's rows): rewritten compactly in key
  // order, as migration 0042 did. The counts are vacuumed so the dashboard's read stays in the index
  // (an index-only scan needs the table's pages marked all-visible; PGlite has no autovacuum).
  for (const table of ['outcome_area_counts', 'outcome_nation_counts']) await sql`CLUSTER ${sql.table(table)} USING ${sql.raw(`${table}_pkey`)}`.execute(owner);
  await sql`VACUUM (ANALYZE) outcome_counts, outcome_area_counts, outcome_nation_counts`.execute(owner);
  await sql`ANALYZE outcome_facts`.execute(owner);
  return { areas, facts };
}
