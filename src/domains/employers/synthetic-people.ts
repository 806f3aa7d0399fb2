import { sql } from 'kysely';
import type { Database } from '../../platform/db/index.ts';
import { DEMO_DISTRICT_CENTRES } from '../../platform/places/index.ts';
import { seedSyntheticCases } from '../participants/index.ts';

const BATCH = 10_000;

/**
 * `bridgework seed --synthetic --people N`: N synthetic people (an open case each, from the case
 * capability) with a work profile for matching at scale. Every figure is worked out from the
 * person's number, so the same N makes the same people; a second run adds none. Homes are spread
 * around the tenant's demo districts; hours, days, flexibility, adjustments, travel and pay vary.
 */
export async function seedSyntheticPeople(db: Database, gssCode: string, count: number, onProgress: (done: number, total: number) => void): Promise<number> {
  const districts = DEMO_DISTRICT_CENTRES.filter((d) => d.postcode.startsWith(gssCode.startsWith('W') ? 'CF' : 'LE'));
  const centres = sql.join(districts.map((d, i) => sql`(${i}::int, ${d.postcode}::text, ${d.lat}::float8, ${d.lon}::float8)`));
  let made = 0;
  for (let from = 1; from <= count; from += BATCH) {
    const size = Math.min(BATCH, count - from + 1);
    const { tenantId } = await seedSyntheticCases(db, gssCode, from, size);
    const result = await sql`
      INSERT INTO work_profiles (tenant_id, case_id, occupations_wanted, occupations_excluded, hours_min, hours_max, days, shifts, caring_windows,
                                 fluctuating, fluctuation_needs, flexibility_needed, adjustments_needed, postcode, lat, lon, max_travel_km, travel_modes,
                                 pay_floor_hourly, updated_at, updated_by)
      SELECT ${tenantId}::uuid, md5('bridgework-synthetic-case:' || ${gssCode} || ':' || n)::uuid,
             CASE WHEN n % 4 = 0 THEN ARRAY[]::text[] ELSE ARRAY[(1 + n % 9)::text] END,
             CASE WHEN n % 7 = 0 THEN ARRAY['9263'] ELSE ARRAY[]::text[] END,
             (ARRAY[0, 8, 12, 16, 20])[1 + n % 5], (ARRAY[0, 8, 12, 16, 20])[1 + n % 5] + (ARRAY[8, 16, 24])[1 + (n / 5) % 3],
             CASE n % 3 WHEN 0 THEN ARRAY['mon', 'tue', 'wed', 'thu', 'fri'] WHEN 1 THEN ARRAY['mon', 'tue', 'wed'] ELSE ARRAY['wed', 'thu', 'fri', 'sat'] END,
             ARRAY[]::text[], '', n % 3 = 0, '',
             CASE n % 4 WHEN 0 THEN ARRAY['phased-start'] WHEN 1 THEN ARRAY['part-time', 'home-working-bad-days'] ELSE ARRAY[]::text[] END,
             CASE WHEN n % 5 = 0 THEN ARRAY['quiet-space'] ELSE ARRAY[]::text[] END,
             c.postcode || ' 1AA',
             c.lat + (((n::bigint * 7919) % 1000) / 1000.0 - 0.5) * 0.05, c.lon + (((n::bigint * 104729) % 1000) / 1000.0 - 0.5) * 0.08,
             5 + n % 20, ARRAY['bus'], 11.44 + (n % 300) / 100.0, now(), 'system:synthetic'
      FROM generate_series(${from}::int, ${from + size - 1}::int) AS n
      JOIN (VALUES ${centres}) AS c (i, postcode, lat, lon) ON c.i = n % ${districts.length}
      ON CONFLICT DO NOTHING`.execute(db.owner);
    made += Number(result.numAffectedRows ?? 0);
    onProgress(from + size - 1, count);
  }
  return made;
}
