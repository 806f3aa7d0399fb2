import { describe, expect, test } from 'vitest';
import {
  boundingBox,
  directoryParameters,
  distanceMetres,
  freshness,
  normalisePostcode,
  outwardCode,
  pageEnvelope,
  pageRequest,
  referability,
  reminderDue,
} from './directory-rules.ts';

describe('referability: whether a service can take a referral now', () => {
  test.each([
    { status: 'active', capacity: 'accepting', weeks: null, referable: true, reason: 'accepting', waitingWeeks: null },
    { status: 'active', capacity: 'waiting-list', weeks: 6, referable: true, reason: 'waiting-list', waitingWeeks: 6 },
    { status: 'active', capacity: 'waiting-list', weeks: 0, referable: true, reason: 'waiting-list', waitingWeeks: 0 },
    { status: 'active', capacity: 'closed', weeks: null, referable: false, reason: 'closed', waitingWeeks: null },
    { status: 'inactive', capacity: 'accepting', weeks: null, referable: false, reason: 'not-active', waitingWeeks: null },
    { status: 'temporarily closed', capacity: 'accepting', weeks: null, referable: false, reason: 'not-active', waitingWeeks: null },
    { status: 'defunct', capacity: 'waiting-list', weeks: 2, referable: false, reason: 'not-active', waitingWeeks: null },
  ] as const)('$status, $capacity ($weeks weeks) → $reason', ({ status, capacity, weeks, referable, reason, waitingWeeks }) => {
    expect(referability({ status, capacity, waitingWeeks: weeks })).toEqual({ referable, reason, waitingWeeks });
  });
});

describe('freshness against the tenant’s limit', () => {
  test.each([
    { verifiedOn: null, today: '2026-12-01', limit: 180, stale: true, ageDays: null, reason: 'never-verified' },
    { verifiedOn: '2026-12-01', today: '2026-12-01', limit: 180, stale: false, ageDays: 0, reason: 'fresh' },
    { verifiedOn: '2026-06-04', today: '2026-12-01', limit: 180, stale: false, ageDays: 180, reason: 'fresh' },
    { verifiedOn: '2026-06-03', today: '2026-12-01', limit: 180, stale: true, ageDays: 181, reason: 'older-than-limit' },
    { verifiedOn: '2026-11-23', today: '2026-12-01', limit: 7, stale: true, ageDays: 8, reason: 'older-than-limit' },
    { verifiedOn: '2026-11-24', today: '2026-12-01', limit: 7, stale: false, ageDays: 7, reason: 'fresh' },
    // Verified "in the future" (a clock set wrong) is not stale.
    { verifiedOn: '2026-12-05', today: '2026-12-01', limit: 7, stale: false, ageDays: -4, reason: 'fresh' },
  ] as const)('verified $verifiedOn, today $today, limit $limit → $reason', ({ verifiedOn, today, limit, stale, ageDays, reason }) => {
    expect(freshness(verifiedOn, today, limit)).toEqual({ stale, ageDays, reason });
  });

  test.each([
    { verifiedOn: '2026-11-30', reminded: null, reminderDays: 30, due: false, why: 'fresh entries are never reminded' },
    { verifiedOn: null, reminded: null, reminderDays: 30, due: true, why: 'a stale entry never reminded is due' },
    { verifiedOn: '2025-01-01', reminded: '2026-11-02', reminderDays: 30, due: false, why: 'reminded 29 days ago' },
    { verifiedOn: '2025-01-01', reminded: '2026-11-01', reminderDays: 30, due: true, why: 'reminded 30 days ago' },
    { verifiedOn: '2025-01-01', reminded: '2026-12-01', reminderDays: 1, due: false, why: 'reminded today' },
  ] as const)('$why', ({ verifiedOn, reminded, reminderDays, due }) => {
    expect(reminderDue(freshness(verifiedOn, '2026-12-01', 180), reminded, '2026-12-01', reminderDays)).toBe(due);
  });
});

describe('distance', () => {
  const leicester = { latitude: 52.6345, longitude: -1.1325 };
  const cardiff = { latitude: 51.476, longitude: -3.177 };
  test.each([
    { a: leicester, b: leicester, metres: 0, within: 1 },
    // Leicester to Cardiff is about 190 km as the crow flies.
    { a: leicester, b: cardiff, metres: 190_000, within: 1_000 },
    // One degree of latitude is about 111.2 km everywhere.
    { a: { latitude: 52, longitude: -1 }, b: { latitude: 53, longitude: -1 }, metres: 111_195, within: 50 },
    // One degree of longitude at 52° N is about 68.5 km.
    { a: { latitude: 52, longitude: -1 }, b: { latitude: 52, longitude: 0 }, metres: 68_460, within: 100 },
  ])('$a.latitude,$a.longitude to $b.latitude,$b.longitude ≈ $metres m', ({ a, b, metres, within }) => {
    expect(Math.abs(distanceMetres(a, b) - metres)).toBeLessThanOrEqual(within);
    expect(distanceMetres(b, a)).toBeCloseTo(distanceMetres(a, b), 6);
  });

  test.each([1_000, 16_093, 50_000])('the box around a point holds every point %i m away in each direction', (metres) => {
    const box = boundingBox(leicester, metres);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      // A point `metres` away on this bearing (small-distance approximation, then shrunk a little to stay inside).
      const r = (bearing * Math.PI) / 180;
      const dLat = ((metres * 0.999 * Math.cos(r)) / 6_371_008.8) * (180 / Math.PI);
      const dLon = ((metres * 0.999 * Math.sin(r)) / (6_371_008.8 * Math.cos((leicester.latitude * Math.PI) / 180))) * (180 / Math.PI);
      const p = { latitude: leicester.latitude + dLat, longitude: leicester.longitude + dLon };
      expect(p.latitude).toBeGreaterThanOrEqual(box.minLatitude);
      expect(p.latitude).toBeLessThanOrEqual(box.maxLatitude);
      expect(p.longitude).toBeGreaterThanOrEqual(box.minLongitude);
      expect(p.longitude).toBeLessThanOrEqual(box.maxLongitude);
    }
    // And it is not much bigger than it must be: its half-height is the distance.
    expect(distanceMetres({ latitude: box.minLatitude, longitude: leicester.longitude }, leicester)).toBeCloseTo(metres, -1);
    expect(distanceMetres({ latitude: leicester.latitude, longitude: box.maxLongitude }, leicester)).toBeGreaterThanOrEqual(metres);
    expect(distanceMetres({ latitude: leicester.latitude, longitude: box.maxLongitude }, leicester)).toBeLessThan(metres * 1.02);
  });

  test('near a pole the box does not divide by nothing', () => {
    const box = boundingBox({ latitude: 89.95, longitude: 0 }, 20_000);
    expect(Number.isFinite(box.maxLongitude)).toBe(true);
    expect(box.maxLatitude).toBeGreaterThan(90);
  });
});

describe('postcodes', () => {
  test.each([
    ['LE1 5FQ', 'LE15FQ'],
    ['le1 5fq', 'LE15FQ'],
    ['  CF10  1EP ', 'CF101EP'],
    ['SW1A 1AA', 'SW1A1AA'],
    ['M1 1AE', 'M11AE'],
    ['LE1', 'LE1'],
    ['CF10', 'CF10'],
    ['W1A', 'W1A'],
    ['LE1 5F', null],
    ['12345', null],
    ['', null],
    ['LE1 5FQ; drop', null],
  ])('%j → %j', (text, normal) => {
    expect(normalisePostcode(text)).toBe(normal);
  });

  test.each([
    ['LE15FQ', 'LE1'],
    ['CF101EP', 'CF10'],
    ['SW1A1AA', 'SW1A'],
    ['M11AE', 'M1'],
    ['LE1', 'LE1'],
    ['CF10', 'CF10'],
  ])('outward code of %s is %s', (postcode, outward) => {
    expect(outwardCode(postcode)).toBe(outward);
  });
});

describe('pages, as HSDS 3.0 describes them', () => {
  test.each([
    { asked: {}, page: 1, size: 50, offset: 0 },
    { asked: { page: 3 }, page: 3, size: 50, offset: 100 },
    { asked: { page: 2, perPage: 10 }, page: 2, size: 10, offset: 10 },
    { asked: { perPage: 1000 }, page: 1, size: 200, offset: 0 },
    { asked: { perPage: 0 }, page: 1, size: 1, offset: 0 },
    { asked: { page: 0 }, page: 1, size: 50, offset: 0 },
    { asked: { page: 2.7, perPage: 10.2 }, page: 2, size: 10, offset: 10 },
  ])('asked $asked → page $page of $size from $offset', ({ asked, page, size, offset }) => {
    expect(pageRequest(asked, { size: 50, limit: 200 })).toEqual({ page, size, offset });
  });

  test.each([
    { total: 0, page: 1, per: 10, on: 0, pages: 1, first: true, last: true, empty: true },
    { total: 10, page: 1, per: 10, on: 10, pages: 1, first: true, last: true, empty: false },
    { total: 11, page: 1, per: 10, on: 10, pages: 2, first: true, last: false, empty: false },
    { total: 11, page: 2, per: 10, on: 1, pages: 2, first: false, last: true, empty: false },
    { total: 11, page: 5, per: 10, on: 0, pages: 2, first: false, last: true, empty: false },
  ])('$total items, page $page of $per', ({ total, page, per, on, pages, first, last, empty }) => {
    expect(pageEnvelope(total, page, per, on)).toEqual({
      total_items: total,
      total_pages: pages,
      page_number: page,
      size: on,
      first_page: first,
      last_page: last,
      empty,
    });
  });

  test('the defaults come from policy, with their sources', () => {
    const p = directoryParameters('2026-12-01');
    expect(p.pageSize).toMatchObject({ value: 50, unit: 'services', confidence: 'S' });
    expect(p.pageSizeLimit.value).toBe(200);
    expect(p.defaultProximityMetres).toMatchObject({ value: 16093, unit: 'metres' });
    expect(p.reminderDays.value).toBe(30);
    expect(() => directoryParameters('2020-01-01')).toThrow();
  });
});
