import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { IndexRow } from '../src/domains/employers/employer-repo.ts';
import { createMatchingIndex } from '../src/domains/employers/index.ts';
import { DAYS, FLEXIBLE_OPTIONS, type MatchPerson, SHIFTS } from '../src/domains/employers/matching.ts';
import { matchParameters } from '../src/domains/employers/matching-rules.ts';

/*
 * BENCH_ONLY=matching: rank one person against BENCH_VACANCIES (default 1,000,000) open vacancies
 * in the in-memory index, and the same hard limits and score as one indexed PostgreSQL query on the
 * same rows (the ratio's base). Vacancies are synthetic and deterministic, clustered around 40 towns
 * the way jobs are, 8% remote. Reports the index's build time and memory, p50/p95 of a ranking.
 */

const CENTRES: readonly [number, number][] = Array.from({ length: 40 }, (_, i) => [50.4 + ((i * 37) % 53) / 10, -5 + ((i * 53) % 67) / 10]);
const ADJ = ['quiet-space', 'flexible-breaks', 'written-instructions', 'support-worker', 'assistive-technology', 'step-free-access'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pickBits = (r: () => number, n: number, p: number) => {
  let m = 0;
  for (let i = 0; i < n; i++) if (r() < p) m |= 1 << i;
  return m;
};
const fromBits = <T>(all: readonly T[], m: number) => all.filter((_, i) => (m & (1 << i)) !== 0);
const hex = (n: number) => n.toString(16).padStart(12, '0');

/** The synthetic vacancies, as index rows (ids are UUID-shaped and ordered). */
export function* syntheticVacancies(count: number, seed = 2026): Generator<IndexRow> {
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const [clat, clon] = CENTRES[Math.floor(r() * CENTRES.length)] as [number, number];
    const min = [0, 8, 12, 16, 20, 30][Math.floor(r() * 6)] as number;
    yield {
      id: `00000000-0000-4000-8000-${hex(i)}`,
      soc: String(1111 + Math.floor(r() * 8160)),
      hours_min: min,
      hours_max: Math.min(48, min + ([0, 7.5, 10, 20][Math.floor(r() * 4)] ?? 0)),
      days: fromBits(DAYS, pickBits(r, 7, 0.6)),
      shifts: fromBits(SHIFTS, pickBits(r, 3, 0.4)),
      lat: clat + (r() + r() + r() - 1.5) * 0.25,
      lon: clon + (r() + r() + r() - 1.5) * 0.4,
      workplace: r() < 0.08 ? 'remote' : r() < 0.3 ? 'hybrid' : 'on-site',
      pay_hourly: Math.round((11.5 + r() * 12) * 100) / 100,
      flexible_options: fromBits(FLEXIBLE_OPTIONS, pickBits(r, 7, 0.3)),
      adjustments_offered: fromBits(ADJ, pickBits(r, 6, 0.3)),
      closing_date: '2027-06-30',
      // No growth sectors: the same-run SQL ranking has no employers to join.
      growth_sectors: [],
    };
  }
}

export function syntheticPeople(count: number, seed = 7): MatchPerson[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => {
    const [clat, clon] = CENTRES[Math.floor(r() * CENTRES.length)] as [number, number];
    const min = [0, 10, 16][Math.floor(r() * 3)] as number;
    return {
      hoursPerWeek: { min, max: min + ([10, 15, 20][Math.floor(r() * 3)] ?? 10) },
      availableDays: fromBits(DAYS, pickBits(r, 7, 0.7)),
      location: { lat: clat + (r() - 0.5) * 0.2, lon: clon + (r() - 0.5) * 0.3 },
      maxTravelKm: [5, 10, 15, 25][Math.floor(r() * 4)] as number,
      payFloorHourly: 12.21,
      occupationsWanted: [String(1 + Math.floor(r() * 9))],
      occupationsExcluded: r() < 0.5 ? [String(11 + Math.floor(r() * 80))] : [],
      flexibilityNeeded: fromBits(FLEXIBLE_OPTIONS, pickBits(r, 7, 0.15)),
      adjustmentsNeeded: fromBits(ADJ, pickBits(r, 6, 0.2)),
    };
  });
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

// The same hard limits and score as the pure matcher, as one statement: the cells near the person
// through the (lat, lon) index, remote vacancies through their own partial index.
const QUERY = `
WITH p AS (SELECT $1::float8 AS lat, $2::float8 AS lon, $3::float8 AS pmin, $4::float8 AS pmax, $5::float8 AS maxkm,
                  $6::float8 AS floor, $7::int AS pdays, $8::int AS pflex, $9::text[] AS adj, $10::int[] AS excl_div, $11::int[] AS excl_val,
                  $12::int[] AS want_div, $13::int[] AS want_val),
c AS (
  SELECT v.*, 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(v.lat - p.lat) / 2), 2) + cos(radians(p.lat)) * cos(radians(v.lat)) * power(sin(radians(v.lon - p.lon) / 2), 2)))) AS km
  FROM p, bench_vacancies v
  WHERE v.remote = false AND v.lat BETWEEN p.lat - p.maxkm / 111.2 AND p.lat + p.maxkm / 111.2
    AND v.lon BETWEEN p.lon - p.maxkm / (111.2 * cos(radians(p.lat + p.maxkm / 111.2))) AND p.lon + p.maxkm / (111.2 * cos(radians(p.lat + p.maxkm / 111.2)))
  UNION ALL
  SELECT v.*, 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(v.lat - p.lat) / 2), 2) + cos(radians(p.lat)) * cos(radians(v.lat)) * power(sin(radians(v.lon - p.lon) / 2), 2))))
  FROM p, bench_vacancies v WHERE v.remote = true
)
SELECT c.id, round((
    (CASE WHEN cardinality(p.want_div) = 0 THEN 0.5 WHEN EXISTS (SELECT 1 FROM unnest(p.want_div, p.want_val) w(d, x) WHERE c.soc / w.d = w.x) THEN 1 ELSE 0 END) * 30
  + (CASE WHEN c.hours_max = c.hours_min THEN 1 ELSE (least(p.pmax, c.hours_max) - greatest(p.pmin, c.hours_min)) / (c.hours_max - c.hours_min) END) * 20
  + (CASE WHEN c.days = 0 THEN 1 ELSE bit_count((c.days & p.pdays)::bit(8))::float8 / bit_count(c.days::bit(8)) END) * 10
  + (CASE WHEN c.remote OR p.maxkm = 0 THEN 1 ELSE 1 - c.km / p.maxkm END) * 10
  + (CASE WHEN p.floor = 0 THEN 1 ELSE least(1, (c.pay - p.floor) / (p.floor * 0.25)) END) * 5
  + (CASE WHEN p.pflex = 0 THEN 1 ELSE bit_count((c.flex & p.pflex)::bit(8))::float8 / bit_count(p.pflex::bit(8)) END) * 15
  + (CASE WHEN cardinality(p.adj) = 0 THEN 1 ELSE cardinality(ARRAY(SELECT unnest(p.adj) INTERSECT SELECT unnest(string_to_array(c.adjustments, ','))))::float8 / cardinality(p.adj) END) * 10
  )::numeric, 1) AS score, round(c.km::numeric, 1) AS km
FROM c, p
WHERE least(p.pmax, c.hours_max) - greatest(p.pmin, c.hours_min) >= 0
  AND c.pay >= p.floor
  AND (c.remote OR c.km <= p.maxkm)
  AND NOT EXISTS (SELECT 1 FROM unnest(p.excl_div, p.excl_val) e(d, x) WHERE c.soc / e.d = e.x)
ORDER BY score DESC, km, c.id
LIMIT 20`;

const bitsOf = <T>(all: readonly T[], values: readonly T[]) => values.reduce((m, v) => m | (1 << all.indexOf(v)), 0);
const prefixes = (codes: readonly string[]) => [codes.map((c) => 10 ** (4 - c.length)), codes.map(Number)];

export async function benchMatching(serverUrl: string | null): Promise<string[]> {
  const count = Number(process.env.BENCH_VACANCIES ?? 1_000_000);
  const runs = Number(process.env.BENCH_MATCH_RUNS ?? 300);
  const lines: string[] = [`Matching: ${count.toLocaleString('en-GB')} open vacancies, ${runs} people ranked (top 20)`];
  const today = '2026-12-01';
  const { parameters } = matchParameters(today);
  const people = syntheticPeople(runs);

  // The rows are made as they are loaded (a million row objects at once would double the memory
  // measured), so making them alone is timed first and taken off the build.
  const g0 = performance.now();
  let made = 0;
  for (const _row of syntheticVacancies(count)) made++;
  const makeMs = performance.now() - g0;
  global.gc?.();
  const before = process.memoryUsage();
  const index = createMatchingIndex({ db: undefined as never });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  index.load('bench', syntheticVacancies(count));
  const buildCpu = process.cpuUsage(c0);
  const buildMs = performance.now() - t0 - makeMs;
  global.gc?.();
  const after = process.memoryUsage();
  const memory = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  lines.push(
    `  index build: ${(buildMs / 1000).toFixed(1)} s (making the ${made.toLocaleString('en-GB')} rows, ${(makeMs / 1000).toFixed(1)} s, taken off; CPU time with them ${((buildCpu.user + buildCpu.system) / 1e6).toFixed(1)} s); memory ${mb(memory)}${global.gc ? '' : ' (no --expose-gc: approximate)'}`,
  );

  for (const person of people.slice(0, 20)) index.rank('bench', person, parameters, today, 20);
  const times: number[] = [];
  const read: number[] = [];
  // CPU time beside wall-clock time: on a loaded machine the second mostly measures waiting.
  const cpu: number[] = [];
  for (const person of people) {
    const s = performance.now();
    const c = process.cpuUsage();
    const ranked = index.rank('bench', person, parameters, today, 20);
    const used = process.cpuUsage(c);
    times.push(performance.now() - s);
    cpu.push((used.user + used.system) / 1000);
    read.push(ranked.considered);
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  lines.push(`  in-memory index: p50 ${ms(p50)}, p95 ${ms(p95)} (one core); CPU time p50 ${ms(percentile(cpu, 50))}, p95 ${ms(percentile(cpu, 95))}`);
  lines.push(
    `  vacancies read per ranking: p50 ${percentile(read, 50).toLocaleString('en-GB')}, p95 ${percentile(read, 95).toLocaleString('en-GB')} of ${count.toLocaleString('en-GB')}`,
  );

  if (!serverUrl) {
    lines.push('  PostgreSQL: not reachable, the query base was not measured');
    return lines;
  }
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_vacancies');
    await client.query(`CREATE UNLOGGED TABLE bench_vacancies (id uuid PRIMARY KEY, soc int, hours_min float8, hours_max float8, days int, lat float8, lon float8,
      remote boolean, pay float8, flex int, adjustments text)`);
    const l0 = performance.now();
    let batch: IndexRow[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const col = <T>(f: (r: IndexRow) => T) => batch.map(f);
      await client.query(
        `INSERT INTO bench_vacancies SELECT * FROM unnest($1::uuid[], $2::int[], $3::float8[], $4::float8[], $5::int[], $6::float8[], $7::float8[], $8::boolean[], $9::float8[], $10::int[], $11::text[])`,
        [
          col((r) => r.id),
          col((r) => Number(r.soc)),
          col((r) => Number(r.hours_min)),
          col((r) => Number(r.hours_max)),
          col((r) => bitsOf(DAYS, r.days)),
          col((r) => r.lat),
          col((r) => r.lon),
          col((r) => r.workplace === 'remote'),
          col((r) => Number(r.pay_hourly)),
          col((r) => bitsOf(FLEXIBLE_OPTIONS, r.flexible_options)),
          col((r) => r.adjustments_offered.join(',')),
        ],
      );
      batch = [];
    };
    for (const row of syntheticVacancies(count)) {
      batch.push(row);
      if (batch.length === 20_000) await flush();
    }
    await flush();
    await client.query('CREATE INDEX bench_vacancies_place ON bench_vacancies (lat, lon) WHERE NOT remote');
    await client.query('CREATE INDEX bench_vacancies_remote ON bench_vacancies (id) WHERE remote');
    await client.query('ANALYZE bench_vacancies');
    lines.push(`  PostgreSQL load of the same rows with its indexes: ${((performance.now() - l0) / 1000).toFixed(1)} s`);
    const args = (p: MatchPerson) => [
      p.location.lat,
      p.location.lon,
      p.hoursPerWeek.min,
      p.hoursPerWeek.max,
      p.maxTravelKm,
      p.payFloorHourly,
      bitsOf(DAYS, p.availableDays),
      bitsOf(FLEXIBLE_OPTIONS, p.flexibilityNeeded),
      p.adjustmentsNeeded,
      ...prefixes(p.occupationsExcluded),
      ...prefixes(p.occupationsWanted),
    ];
    const sqlRuns = Math.min(runs, Number(process.env.BENCH_SQL_RUNS ?? 100));
    for (const person of people.slice(0, 5)) await client.query(QUERY, args(person));
    const sqlTimes: number[] = [];
    let agree = 0;
    for (const person of people.slice(0, sqlRuns)) {
      const s = performance.now();
      const res = await client.query<{ id: string; score: string }>(QUERY, args(person));
      sqlTimes.push(performance.now() - s);
      const mine = index.rank('bench', person, parameters, today, 20).matches;
      if (res.rows[0]?.id === mine[0]?.vacancyId) agree++;
    }
    const q50 = percentile(sqlTimes, 50);
    const q95 = percentile(sqlTimes, 95);
    lines.push(`  one indexed PostgreSQL query: p50 ${ms(q50)}, p95 ${ms(q95)} (${sqlRuns} people; same best match for ${agree} of them)`);
    lines.push(`  index ÷ query: ${(q50 / p50).toFixed(1)}× faster at p50, ${(q95 / p95).toFixed(1)}× at p95`);
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_vacancies').catch(() => {});
    await client.end();
  }
  return lines;
}
