import { describe, expect, test } from 'vitest';
import type { IndexRow } from './employer-repo.ts';
import { DAYS, FLEXIBLE_OPTIONS, type MatchPerson, type MatchVacancy, SHIFTS, WORKPLACES } from './matching.ts';
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
