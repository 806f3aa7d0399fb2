import { describe, expect, test } from 'vitest';
import type { IndexRow } from './employer-repo.ts';
import { DAYS, FLEXIBLE_OPTIONS, type Match, type MatchPerson, type MatchVacancy, SHIFTS, WORKPLACES } from './matching.ts';
import { createMatchingIndex } from './matching-index.ts';
import { matchParameters, matchVacancies } from './matching-rules.ts';

// The index must rank exactly as the pure matcher does: the same vacancies, scores and order, on
// random data around one place, with removals and updates in between.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = <T>(r: () => number, all: readonly T[]): T[] => all.filter(() => r() < 0.4);
const ADJ = ['quiet-space', 'flexible-breaks', 'written-instructions', 'support-worker'];
const SECTORS = ['health-and-care', 'construction', 'digital'];

function rowsAndVacancies(n: number, seed: number) {
  const r = random(seed);
  const rows: IndexRow[] = [];
  for (let i = 0; i < n; i++) {
    const min = Math.floor(r() * 30);
    rows.push({
      id: `v${String(i).padStart(5, '0')}`,
      soc: String(1111 + Math.floor(r() * 8000)),
      hours_min: min,
      hours_max: min + Math.floor(r() * 20),
      days: pick(r, DAYS),
      shifts: pick(r, SHIFTS),
      lat: 52.6 + (r() - 0.5) * 0.6,
      lon: -1.1 + (r() - 0.5) * 0.9,
      workplace: WORKPLACES[Math.floor(r() * 3)] ?? 'on-site',
      pay_hourly: Math.round((11 + r() * 8) * 100) / 100,
      flexible_options: pick(r, FLEXIBLE_OPTIONS),
      adjustments_offered: pick(r, ADJ),
      closing_date: r() < 0.1 ? '2026-11-01' : '2027-06-30',
      growth_sectors: pick(r, SECTORS),
    });
  }
  return rows;
}
const asVacancy = (row: IndexRow): MatchVacancy => ({
  id: row.id,
  soc: row.soc,
  hoursPerWeek: { min: Number(row.hours_min), max: Number(row.hours_max) },
  days: row.days,
  shifts: row.shifts,
  location: { lat: row.lat, lon: row.lon },
  workplace: row.workplace,
  payHourly: Number(row.pay_hourly),
  flexibleOptions: row.flexible_options,
  adjustmentsOffered: row.adjustments_offered,
  growthSectors: row.growth_sectors,
});

const people: MatchPerson[] = [
  {
    hoursPerWeek: { min: 10, max: 20 },
    availableDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    location: { lat: 52.63, lon: -1.13 },
    maxTravelKm: 10,
    payFloorHourly: 12.21,
    occupationsWanted: ['5434', '92'],
    occupationsExcluded: ['9263', '3'],
    flexibilityNeeded: ['phased-start'],
    adjustmentsNeeded: ['quiet-space'],
  },
  {
    hoursPerWeek: { min: 0, max: 40 },
    availableDays: ['sat', 'sun'],
    availableShifts: ['evening'],
    location: { lat: 52.5, lon: -1.3 },
    maxTravelKm: 25,
    payFloorHourly: 0,
    occupationsWanted: [],
    occupationsExcluded: [],
    flexibilityNeeded: [],
    adjustmentsNeeded: ['support-worker', 'written-instructions'],
  },
  {
    hoursPerWeek: { min: 16, max: 16 },
    availableDays: DAYS.slice(),
    location: { lat: 52.7, lon: -0.9 },
    maxTravelKm: 0,
    payFloorHourly: 14,
    occupationsWanted: ['6'],
    occupationsExcluded: [],
    flexibilityNeeded: ['home-working-bad-days', 'flexi-time'],
    adjustmentsNeeded: [],
  },
];

describe('the matching index ranks as the pure matcher does', () => {
  const today = '2026-11-23';
  const { parameters } = matchParameters(today);
  const rows = rowsAndVacancies(3000, 7);
  const index = createMatchingIndex({ db: undefined as never });
  index.load('t1', rows);

  test.each(people.map((p, i) => [i, p] as const))('person %i', (_i, person) => {
    const open = rows.filter((r) => r.closing_date >= today).map(asVacancy);
    const expected = matchVacancies(person, open, parameters).matches.slice(0, 25);
    const got = index.rank('t1', person, parameters, today, 25).matches;
    expect(got.map((m) => [m.vacancyId, m.score])).toEqual(expected.map((m) => [m.vacancyId, m.score]));
    expect(got.length).toBeGreaterThan(0);
  });

  test.each(people.map((p, i) => [i, p] as const))('person %i, with the area’s growth sectors weighed (from 2026-12-03)', (_i, person) => {
    const on = '2026-12-03';
    const { parameters: withGrowth } = matchParameters(on, ['digital', 'health-and-care']);
    expect(withGrowth.weights.growth).toBeGreaterThan(0);
    const open = rows.filter((r) => r.closing_date >= on).map(asVacancy);
    const expected = matchVacancies(person, open, withGrowth).matches.slice(0, 25);
    const got = index.rank('t1', person, withGrowth, on, 25).matches;
    expect(got.map((m) => [m.vacancyId, m.score])).toEqual(expected.map((m) => [m.vacancyId, m.score]));
    expect(got.some((m) => m.parts.growth === 1)).toBe(true);
  });

  test('removals and updates are seen; another tenant’s index is separate', () => {
    const person = people[0] as MatchPerson;
    const best = index.rank('t1', person, parameters, today, 1).matches[0];
    expect(best).toBeDefined();
    const row = rows.find((r) => r.id === best?.vacancyId) as IndexRow;
    index.load('t1', [{ ...row, pay_hourly: 1 }]);
    expect(index.rank('t1', person, parameters, today, 5).matches.map((m) => m.vacancyId)).not.toContain(row.id);
    expect(index.size('t1')).toBe(3000);
    expect(index.rank('t2', person, parameters, today, 5).matches).toEqual([]);
  });
});

// A brute-force pass of the pure matcher is the definition: on a few thousand random vacancies (in
// clusters, some remote, some closed) and a few hundred random people, the index must return exactly
// its best matches (ids, scores, distances, reasons and near-miss advice), before and after a round
// of updates and removals, whatever the number asked for.
describe('the matching index returns what a brute-force pass of the pure matcher returns', () => {
  const r = random(2026);
  const one = <T>(all: readonly T[]): T => all[Math.floor(r() * all.length)] as T;
  const CLUSTERS: [number, number][] = [
    [52.63, -1.13],
    [52.48, -1.9],
    [51.48, -3.18],
    [53.48, -2.24],
  ];
  const SOC_WANTED = ['1', '2', '54', '543', '5434', '6', '61', '6135', '9', '92', '7111'];
  const today = '2026-12-03';

  function vacancyRow(i: number): IndexRow {
    const [clat, clon] = one(CLUSTERS);
    const min = one([0, 4, 8, 12, 16, 20, 24, 30, 37.5]);
    return {
      id: `r${String(i).padStart(6, '0')}`,
      // Mostly real-looking unit groups, a few in the same groups the people ask for.
      soc: r() < 0.3 ? one(['5434', '6135', '7111', '9263', '2231', '1121']) : String(1111 + Math.floor(r() * 8160)),
      hours_min: min,
      hours_max: min + one([0, 0, 4, 7.5, 10, 20]),
      days: pick(r, DAYS),
      shifts: pick(r, SHIFTS),
      lat: clat + (r() - 0.5) * 0.5,
      lon: clon + (r() - 0.5) * 0.8,
      workplace: r() < 0.12 ? 'remote' : r() < 0.3 ? 'hybrid' : 'on-site',
      pay_hourly: one([11.44, 12.21, 12.6, 13, 14.5, 16, 18.75, 21]),
      flexible_options: pick(r, FLEXIBLE_OPTIONS),
      adjustments_offered: pick(r, ADJ),
      closing_date: r() < 0.05 ? '2026-12-02' : '2027-03-31',
      growth_sectors: r() < 0.5 ? [] : pick(r, SECTORS),
    };
  }
  function randomPerson(): MatchPerson {
    const [clat, clon] = one(CLUSTERS);
    const min = one([0, 8, 10, 16, 20, 30]);
    const shifts = pick(r, SHIFTS);
    return {
      hoursPerWeek: { min, max: min + one([0, 5, 10, 20]) },
      availableDays: pick(r, DAYS),
      ...(r() < 0.5 ? { availableShifts: shifts } : {}),
      location: { lat: clat + (r() - 0.5) * 0.3, lon: clon + (r() - 0.5) * 0.4 },
      maxTravelKm: one([0, 2, 5, 10, 15, 25, 40]),
      payFloorHourly: one([0, 11.44, 12.21, 13, 15]),
      occupationsWanted: r() < 0.3 ? [] : [one(SOC_WANTED), ...(r() < 0.3 ? [one(SOC_WANTED)] : [])],
      occupationsExcluded: r() < 0.5 ? [] : [one(['9', '92', '9263', '3', '71', '8'])],
      flexibilityNeeded: FLEXIBLE_OPTIONS.filter(() => r() < 0.2),
      adjustmentsNeeded: ADJ.filter(() => r() < 0.25),
    };
  }
  const full = (m: Match) => [m.vacancyId, m.score, m.distanceKm, m.reasons, m.nearMiss];

  let rows = Array.from({ length: 4000 }, (_, i) => vacancyRow(i));
  const people = Array.from({ length: 200 }, randomPerson);
  const index = createMatchingIndex({ db: undefined as never });
  index.load('t', rows);

  let skipped = 0;
  const check = (label: string) => {
    for (const on of ['2026-11-30', today]) {
      const { parameters } = matchParameters(on, r() < 0.5 ? ['digital', 'health-and-care'] : []);
      const open = rows.filter((row) => row.closing_date >= on).map(asVacancy);
      people.forEach((person, i) => {
        const limit = one([1, 5, 20, 50]);
        const expected = matchVacancies(person, open, parameters).matches.slice(0, limit);
        const ranked = index.rank('t', person, parameters, on, limit);
        const got = ranked.matches;
        skipped += ranked.considered < rows.length ? 1 : 0;
        expect(got.map(full), `${label}, ${on}, person ${i}, top ${limit}`).toEqual(expected.map(full));
      });
    }
  };

  test('as loaded', () => {
    check('as loaded');
    // The point of the index: most rankings read only part of it.
    expect(skipped).toBeGreaterThan(people.length);
  });

  test('after updates, removals and additions', () => {
    const changed = rows.filter(() => r() < 0.1).map((row, i) => ({ ...vacancyRow(10_000 + i), id: row.id }));
    const gone = rows.filter(() => r() < 0.1).map((row) => row.id);
    const added = Array.from({ length: 300 }, (_, i) => vacancyRow(20_000 + i));
    index.load('t', [...changed, ...added]);
    index.unload('t', gone);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const row of [...changed, ...added]) byId.set(row.id, row);
    for (const id of gone) byId.delete(id);
    rows = [...byId.values()];
    expect(index.size('t')).toBe(rows.length);
    check('after changes');
  });
});
