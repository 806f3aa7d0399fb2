import { sql } from 'kysely';
import type { Database } from '../../platform/db/index.ts';
import { countsFrom } from '../../platform/outcomes/index.ts';

/**
 * A national-scale outcome history for measuring (`bridgework seed --synthetic --participants N`):
 * synthetic areas (about 10,000 participants each, up to 300) and their journeys over three years,
 * made by set-based SQL (generate_series) in batches, deterministic: the same N gives the same rows.
 * Each person's steps and dimensions come from a multiplicative hash of their number, never from a
 * random generator. Counts are kept by the same definition the writer uses (countsFrom), batch by
 * batch. Synthetic areas have GSS-shaped codes in an unused range (E99…) and no people, names or
 * teams behind them: only facts and counts.
 */
const STEPS: readonly [kind: string, perThousand: number, days: number][] = [
  ['referral-received', 1000, 0],
  ['first-contact', 900, 4],
  ['accepted', 760, 9],
  ['first-appointment', 660, 16],
  ['job-start', 360, 80],
  ['sustained-13-weeks', 210, 171],
  ['sustained-26-weeks', 130, 262],
  ['job-end', 120, 300],
  ['left', 330, 320],
  ['re-engaged', 40, 360],
];
const SERVICES = ['gp', 'mental-health', 'addiction', 'rehabilitation', 'talking-therapies', 'self', 'jobcentre', 'other'];
const AGE_BANDS = ['18-24', '25-34', '35-49', '50-64', '16-17', '65-plus'];
const CONDITIONS = ['mental-health', 'musculoskeletal', 'long-term-condition', 'neurological'];
const START = '2023-12-01';

export const syntheticAreas = (participants: number) => Math.max(2, Math.min(300, Math.ceil(participants / 10_000)));

export async function seedSyntheticHistory(
  db: Database,
  participants: number,
  options: { batch?: number; progress?: (done: number, total: number) => void } = {},
): Promise<{ areas: number; facts: number }> {
  const areas = syntheticAreas(participants);
  const batch = options.batch ?? 50_000;
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
  const steps = sql.raw(`(VALUES ${STEPS.map(([k, pt, d]) => `('${k}', ${pt}, ${d})`).join(', ')}) AS s(kind, per_thousand, days)`);
  const list = (values: readonly string[]) => sql.raw(`ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`);
  let facts = 0;
  for (let lo = 1; lo <= participants; lo += batch) {
    const hi = Math.min(participants, lo + batch - 1);
    await owner.transaction().execute(async (tx) => {
      await sql`CREATE TEMP TABLE synthetic_batch (LIKE outcome_facts) ON COMMIT DROP`.execute(tx);
      const inserted = await sql`
        INSERT INTO synthetic_batch
        SELECT md5('synthetic-area-' || (1 + p % ${areas}::integer))::uuid,
               md5('fact-' || p || '-' || s.kind)::uuid,
               s.kind,
               at,
               to_char(at, 'YYYY-MM'),
               md5('subject-' || p)::uuid,
               md5('person-' || p)::uuid,
               CASE WHEN s.kind IN ('job-start', 'sustained-13-weeks', 'sustained-26-weeks', 'job-end') THEN md5('job-' || p)::uuid END,
               true,
               s.days + (h % 7)::integer,
               md5('synthetic-team-' || (1 + p % ${areas}::integer) || '-' || (h / 7 % 3))::uuid,
               NULL,
               (${list(SERVICES)})[1 + (h / 21 % 8)::integer],
               CASE WHEN h / 168 % 5 = 0 THEN 'youth' ELSE 'ips' END,
               CASE WHEN h / 840 % 10 = 0 THEN 'conditional' WHEN h / 168 % 5 = 0 THEN 'voluntary-youth' ELSE 'voluntary-health' END,
               h / 168 % 5 = 0,
               ARRAY[(${list(CONDITIONS)})[1 + (h / 8400 % 4)::integer]],
               (${list(AGE_BANDS)})[1 + (h / 33600 % 6)::integer],
               CASE WHEN (1 + p % ${areas}::integer) % 10 = 0 THEN 'wales' ELSE 'england' END
          FROM generate_series(${lo}::bigint, ${hi}::bigint) AS p
          CROSS JOIN LATERAL (SELECT (p * 2654435761) % 4294967291 AS h) AS hash
          CROSS JOIN ${steps}
          CROSS JOIN LATERAL (SELECT (${START}::date + (h % 1095)::integer + s.days + (h % 7)::integer)::timestamptz + interval '10 hours' AS at) AS moment
         WHERE (h / 7 % 1000) < s.per_thousand AND at < ${START}::date + 1095 + 365`.execute(tx);
      facts += Number(inserted.numAffectedRows ?? 0);
      await sql`INSERT INTO outcome_facts SELECT * FROM synthetic_batch`.execute(tx);
      await sql.raw(countsFrom('synthetic_batch', 1)).execute(tx);
    });
    options.progress?.(hi, participants);
  }
  await sql`ANALYZE outcome_facts`.execute(owner);
  await sql`ANALYZE outcome_counts`.execute(owner);
  return { areas, facts };
}
