import { describe, expect, test } from 'vitest';
import { AREA_GROWTH_SECTORS, GROWTH_DATE, GROWTH_EXAMPLES, MATCH_EXAMPLES, PERSON, V1 } from '../../../test/support/match-examples.ts';
import type { Match, MatchParameters, MatchPerson, MatchVacancy } from './matching.ts';
import {
  compareMatches,
  distanceKm,
  growthSectorsShared,
  hardLimitsBroken,
  hoursOverlap,
  matchOne,
  matchParameters,
  matchVacancies,
  nearMissFor,
  reasonsFor,
  scoreParts,
  shareMet,
  socCovered,
  weightedScore,
} from './matching-rules.ts';

const person = PERSON as unknown as MatchPerson;
const v1 = V1 as unknown as MatchVacancy;
const { parameters } = matchParameters('2026-12-01');
const withV = (change: Partial<MatchVacancy>): MatchVacancy => ({ ...v1, ...change });
const withP = (change: Partial<MatchPerson>): MatchPerson => ({ ...person, ...change });

describe('the matching table', () => {
  test.each(MATCH_EXAMPLES)('$name', ({ vacancy, expected }) => {
    const result = matchOne(person, vacancy as unknown as MatchVacancy, parameters);
    if ('because' in expected) {
      expect(result).toEqual({ vacancyId: vacancy.id, because: expected.because });
      return;
    }
    const match = result as Match;
    expect(match.score).toBe(expected.score);
    expect(match.reasons.map((r) => r.code)).toEqual(expected.reasons);
    expect(match.nearMiss.map((r) => r.code)).toEqual(expected.nearMiss);
  });

  test('all of it at once: matches best first, the excluded in input order', () => {
    const result = matchVacancies(
      person,
      MATCH_EXAMPLES.map((e) => e.vacancy as unknown as MatchVacancy),
      parameters,
    );
    expect(result.matches.map((m) => [m.vacancyId, m.score])).toEqual([
      ['short-hours', 89.6],
      ['far-remote', 81.4],
      ['v1', 80.1],
      ['pay-floor', 79.4],
      ['hours-touch', 74.3],
      ['weekend', 40],
    ]);
    expect(result.excluded.map((e) => e.vacancyId)).toEqual([
      'hours-above',
      'hours-below',
      'far-on-site',
      'far-hybrid',
      'pay-under',
      'excluded-soc',
      'all-limits',
    ]);
  });
});

describe('the growth-sector table (the local plan’s priorities, from 2026-12-03)', () => {
  const { parameters: growth } = matchParameters(GROWTH_DATE, AREA_GROWTH_SECTORS);
  test.each(GROWTH_EXAMPLES)('$name', ({ vacancy, expected }) => {
    const match = matchOne(person, vacancy as unknown as MatchVacancy, growth) as Match;
    if ('because' in expected) throw new Error('the growth table has no exclusions');
    expect(match.score).toBe(expected.score);
    expect(match.reasons.map((r) => r.code)).toEqual(expected.reasons);
    expect(match.nearMiss.map((r) => r.code)).toEqual(expected.nearMiss);
  });

  test('the reason names the prioritised sectors the employer is in, in the plan’s order', () => {
    const v = withV({ growthSectors: ['digital', 'construction', 'health-and-care'] });
    const reason = reasonsFor(person, v, 1, AREA_GROWTH_SECTORS).at(-1);
    expect(reason).toEqual({
      code: 'growth-sector',
      params: { sectors: ['health-and-care', 'digital'] },
      text: 'the employer is in a growth sector the local plan prioritises (health and care, digital)',
    });
    expect(reasonsFor(person, v, 1).map((r) => r.code)).not.toContain('growth-sector');
  });

  test('with no area sectors given, the growth part is nothing and the ranking is as before', () => {
    const { parameters: none } = matchParameters(GROWTH_DATE);
    expect(none.areaGrowthSectors).toEqual([]);
    const a = matchOne(person, withV({ growthSectors: ['digital'] }), none) as Match;
    expect(a.parts.growth).toBe(0);
    expect(a.score).toBe(75.1);
  });

  test('the growth part can lift a match above an equal one without a prioritised sector', () => {
    const result = matchVacancies(person, [withV({ id: 'a' }), withV({ id: 'b', growthSectors: ['health-and-care'] })], growth);
    expect(result.matches.map((m) => m.vacancyId)).toEqual(['b', 'a']);
  });
});

describe('parameters', () => {
  test('from 2026-12-03 the occupation weight gives 5 points to the growth sector; still 100 in all', () => {
    const before = matchParameters('2026-12-02').parameters.weights;
    const after = matchParameters('2026-12-03').parameters.weights;
    expect(before).toMatchObject({ occupation: 30, growth: 0 });
    expect(after).toEqual({ occupation: 25, hours: 20, pattern: 10, distance: 10, pay: 5, flexibility: 15, adjustments: 10, growth: 5 });
    const sum = (w: Record<string, number>) => Object.values(w).reduce((a, b) => a + b, 0);
    expect(sum(before)).toBe(100);
    expect(sum(after)).toBe(100);
    expect(matchParameters('2026-12-03', ['digital']).parameters.areaGrowthSectors).toEqual(['digital']);
  });

  test('the weights in force add up to 100 and each comes from its policy file', () => {
    const { parameters: p, used } = matchParameters('2026-04-06');
    expect(p.weights).toEqual({ occupation: 30, hours: 20, pattern: 10, distance: 10, pay: 5, flexibility: 15, adjustments: 10, growth: 0 });
    expect(p.payHeadroom).toBe(0.25);
    expect(used.map((u) => u.name)).toEqual([
      'matching-weight-occupation',
      'matching-weight-hours',
      'matching-weight-pattern',
      'matching-weight-distance',
      'matching-weight-pay',
      'matching-weight-flexibility',
      'matching-weight-adjustments',
      'matching-weight-growth-sector',
      'matching-pay-headroom',
    ]);
    expect(used.every((u) => u.confidence === 'D' && u.effectiveFrom === '2026-04-06')).toBe(true);
  });

  test('before the weights took effect there is no score', () => {
    expect(() => matchParameters('2026-04-05')).toThrow(/no value in force/);
  });
});

describe('distance', () => {
  test('one degree of longitude on the equator is about 111.2 km, and of latitude the same', () => {
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.195, 2);
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.195, 2);
    expect(distanceKm({ lat: 0, lon: 1 }, { lat: 0, lon: 0 })).toBeCloseTo(111.195, 2);
  });

  test('longitude shrinks with latitude: Leicester to a point 0.01° away each way is 1.30 km', () => {
    expect(distanceKm({ lat: 52.63, lon: -1.13 }, { lat: 52.64, lon: -1.14 })).toBeCloseTo(1.3007, 3);
    expect(distanceKm({ lat: 60, lon: 0 }, { lat: 60, lon: 1 })).toBeCloseTo(55.6, 1);
  });

  test('London to Edinburgh is about 534 km, and antipodes stay finite', () => {
    expect(distanceKm({ lat: 51.5074, lon: -0.1278 }, { lat: 55.9533, lon: -3.1883 })).toBeCloseTo(534.0, 0);
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(20015.1, 0);
  });
});

describe('small rules', () => {
  test('a SOC group covers the codes under it, and only those', () => {
    expect(socCovered('5434', ['5434'])).toBe(true);
    expect(socCovered('5434', ['54'])).toBe(true);
    expect(socCovered('5434', ['5'])).toBe(true);
    expect(socCovered('5434', ['5435', '6'])).toBe(false);
    expect(socCovered('5434', [])).toBe(false);
    expect(socCovered('5434', ['34'])).toBe(false);
  });

  test('hours overlap is the shared length, negative when apart', () => {
    expect(hoursOverlap({ min: 10, max: 20 }, { min: 16, max: 30 })).toBe(4);
    expect(hoursOverlap({ min: 16, max: 30 }, { min: 10, max: 20 })).toBe(4);
    expect(hoursOverlap({ min: 10, max: 20 }, { min: 20, max: 30 })).toBe(0);
    expect(hoursOverlap({ min: 10, max: 20 }, { min: 21, max: 30 })).toBe(-1);
    expect(hoursOverlap({ min: 10, max: 20 }, { min: 12, max: 14 })).toBe(2);
  });

  test('share met counts what is offered of what is needed', () => {
    expect(shareMet([], ['a'])).toBe(1);
    expect(shareMet(['a', 'b'], ['a'])).toBe(0.5);
    expect(shareMet(['a', 'b'], [])).toBe(0);
    expect(shareMet(['a'], ['a', 'b'])).toBe(1);
  });

  test('the travel limit is inclusive and does not apply to remote work', () => {
    expect(hardLimitsBroken(person, v1, 10)).toEqual([]);
    expect(hardLimitsBroken(person, v1, 10.001)).toEqual(['travel']);
    expect(hardLimitsBroken(person, withV({ workplace: 'remote' }), 500)).toEqual([]);
  });

  test('an excluded group excludes its unit groups; a wanted occupation does not override it', () => {
    expect(hardLimitsBroken(withP({ occupationsExcluded: ['92'], occupationsWanted: ['9263'] }), withV({ soc: '9263' }), 1)).toEqual(['occupation-excluded']);
    expect(hardLimitsBroken(withP({ occupationsExcluded: ['926'] }), withV({ soc: '9231' }), 1)).toEqual([]);
  });

  test('weighted score rounds to one decimal place', () => {
    const weights = { occupation: 25, hours: 20, pattern: 10, distance: 10, pay: 5, flexibility: 15, adjustments: 10, growth: 5 };
    const all = { occupation: 1, hours: 1, pattern: 1, distance: 1, pay: 1, flexibility: 1, adjustments: 1, growth: 1 };
    expect(weightedScore(all, weights)).toBe(100);
    expect(weightedScore({ ...all, hours: 0 }, weights)).toBe(80);
    expect(weightedScore({ ...all, pay: 0.333 }, weights)).toBe(96.7);
    expect(weightedScore({ ...all, pay: 0.31 }, weights)).toBe(96.6);
    expect(weightedScore({ ...all, growth: 0 }, weights)).toBe(95);
  });

  test('growth sectors shared: the area’s that the employer is in, none without either list', () => {
    expect(growthSectorsShared(withV({ growthSectors: ['b', 'a'] }), ['a', 'b', 'c'])).toEqual(['a', 'b']);
    expect(growthSectorsShared(withV({ growthSectors: ['x'] }), ['a'])).toEqual([]);
    expect(growthSectorsShared(v1, ['a'])).toEqual([]);
    expect(growthSectorsShared(withV({ growthSectors: ['a'] }), [])).toEqual([]);
  });
});

describe('each part of the score', () => {
  const parts = (p: MatchPerson, v: MatchVacancy, km = 0, headroom = 0.25, area: readonly string[] = []) => scoreParts(p, v, km, headroom, area);

  test('growth: 1 when the employer is in any sector the area prioritises, else 0', () => {
    expect(parts(person, withV({ growthSectors: ['digital'] }), 0, 0.25, ['digital']).growth).toBe(1);
    expect(parts(person, withV({ growthSectors: ['digital', 'care'] }), 0, 0.25, ['care', 'digital']).growth).toBe(1);
    expect(parts(person, withV({ growthSectors: ['construction'] }), 0, 0.25, ['digital']).growth).toBe(0);
    expect(parts(person, v1, 0, 0.25, ['digital']).growth).toBe(0);
    expect(parts(person, withV({ growthSectors: ['digital'] })).growth).toBe(0);
  });

  test('occupation: wanted 1, not wanted 0, none named 0.5', () => {
    expect(parts(person, v1).occupation).toBe(1);
    expect(parts(withP({ occupationsWanted: ['54'] }), v1).occupation).toBe(1);
    expect(parts(person, withV({ soc: '6135' })).occupation).toBe(0);
    expect(parts(withP({ occupationsWanted: [] }), v1).occupation).toBe(0.5);
  });

  test('hours: the share of the vacancy’s range inside the person’s; a fixed number inside scores 1', () => {
    expect(parts(person, v1).hours).toBeCloseTo(4 / 14, 10);
    expect(parts(person, withV({ hoursPerWeek: { min: 12, max: 18 } })).hours).toBe(1);
    expect(parts(person, withV({ hoursPerWeek: { min: 16, max: 16 } })).hours).toBe(1);
    expect(parts(person, withV({ hoursPerWeek: { min: 5, max: 15 } })).hours).toBe(0.5);
  });

  test('pattern: the share of working days the person is free, times the share of shifts', () => {
    expect(parts(person, withV({ days: ['mon', 'sat'] })).pattern).toBe(0.5);
    expect(parts(person, withV({ days: [] })).pattern).toBe(1);
    expect(parts(withP({ availableShifts: ['day'] }), withV({ shifts: ['day', 'night'] })).pattern).toBe(0.5);
    expect(parts(withP({ availableShifts: ['day'] }), withV({ days: ['mon', 'sat'], shifts: ['day', 'night'] })).pattern).toBe(0.25);
    expect(parts(withP({ availableShifts: [] }), withV({ shifts: ['night'] })).pattern).toBe(1);
    expect(parts(person, withV({ shifts: ['night'] })).pattern).toBe(1);
    expect(parts(withP({ availableShifts: ['day'] }), v1).pattern).toBe(1);
  });

  test('distance: falls from 1 here to 0 at the limit; remote and a zero limit score 1', () => {
    expect(parts(person, v1, 0).distance).toBe(1);
    expect(parts(person, v1, 2.5).distance).toBe(0.75);
    expect(parts(person, v1, 10).distance).toBe(0);
    expect(parts(person, withV({ workplace: 'remote' }), 8).distance).toBe(1);
    expect(parts(person, withV({ workplace: 'hybrid' }), 8).distance).toBeCloseTo(0.2, 10);
    expect(parts(withP({ maxTravelKm: 0 }), v1, 0).distance).toBe(1);
  });

  test('pay: 0 at the floor, 1 at the headroom and above; a zero floor scores 1', () => {
    expect(parts(withP({ payFloorHourly: 12 }), withV({ payHourly: 12 })).pay).toBe(0);
    expect(parts(withP({ payFloorHourly: 12 }), withV({ payHourly: 13.5 })).pay).toBe(0.5);
    expect(parts(withP({ payFloorHourly: 12 }), withV({ payHourly: 15 })).pay).toBe(1);
    expect(parts(withP({ payFloorHourly: 12 }), withV({ payHourly: 30 })).pay).toBe(1);
    expect(parts(withP({ payFloorHourly: 12 }), withV({ payHourly: 13.5 }), 0, 0.5).pay).toBe(0.25);
    expect(parts(withP({ payFloorHourly: 0 }), withV({ payHourly: 0 })).pay).toBe(1);
  });

  test('flexibility and adjustments: the share of what is needed that is offered', () => {
    const p = withP({
      flexibilityNeeded: ['phased-start', 'flexi-time'],
      adjustmentsNeeded: ['quiet-space', 'flexible-breaks', 'written-instructions', 'parking'],
    });
    const v = withV({ flexibleOptions: ['phased-start'], adjustmentsOffered: ['quiet-space'] });
    expect(parts(p, v).flexibility).toBe(0.5);
    expect(parts(p, v).adjustments).toBe(0.25);
    expect(parts(withP({ flexibilityNeeded: [], adjustmentsNeeded: [] }), withV({ flexibleOptions: [], adjustmentsOffered: [] }))).toMatchObject({
      flexibility: 1,
      adjustments: 1,
    });
  });
});

describe('reasons in plain words', () => {
  test('the issue example says why, part by part', () => {
    expect(reasonsFor(person, v1, 1.3007).map((r) => r.text)).toEqual([
      'is in an occupation you want (SOC 5434)',
      'its 16 to 30 hours a week meet your 10 to 20',
      'is worked on days you are available (mon, tue)',
      'is 1.3 km away, within your 10 km',
      'pays £12.60 an hour, at or above your £12.21',
      'offers phased start',
      'the employer is ready to provide quiet space',
    ]);
    expect(reasonsFor(person, v1, 1.3007).map((r) => r.params)).toEqual([
      { soc: '5434' },
      { offeredMin: 16, offeredMax: 30, wantedMin: 10, wantedMax: 20 },
      { days: ['mon', 'tue'] },
      { km: 1.3, maxKm: 10 },
      { pay: 12.6, floor: 12.21 },
      { options: ['phased-start'] },
      { adjustments: ['quiet-space'] },
    ]);
  });

  test('remote work, days not all free, and several options are said as such', () => {
    const p = withP({ flexibilityNeeded: ['home-working-bad-days', 'flexi-time'], adjustmentsNeeded: ['quiet-space', 'step-free-access'] });
    const v = withV({
      workplace: 'remote',
      days: ['mon', 'sun'],
      flexibleOptions: ['flexi-time', 'home-working-bad-days'],
      adjustmentsOffered: ['step-free-access', 'quiet-space'],
    });
    expect(reasonsFor(p, v, 300).map((r) => r.text)).toEqual([
      'is in an occupation you want (SOC 5434)',
      'its 16 to 30 hours a week meet your 10 to 20',
      'can be done from home',
      'pays £12.60 an hour, at or above your £12.21',
      'offers home working bad days, flexi time',
      'the employer is ready to provide quiet space, step free access',
    ]);
    expect(reasonsFor(p, v, 300)[2]).toEqual({ code: 'remote', params: {}, text: 'can be done from home' });
  });

  test('nothing offered and no days fixed leaves only the facts', () => {
    const v = withV({ soc: '1111', days: [], flexibleOptions: [], adjustmentsOffered: [] });
    expect(reasonsFor(person, v, 0).map((r) => r.code)).toEqual(['hours', 'distance', 'pay']);
  });
});

describe('near-miss advice', () => {
  test('more hours than wanted: ask about job share, or say it is offered', () => {
    expect(nearMissFor(person, v1)).toEqual([
      { code: 'hours-fewer', params: { offered: 30, wanted: 20 }, text: 'offers 30 hours; you want up to 20 — ask about job share' },
    ]);
    expect(nearMissFor(person, withV({ flexibleOptions: ['part-time', 'job-share'] }))[0]?.text).toBe(
      'offers 30 hours; you want up to 20 — it offers job share, part time',
    );
    expect(nearMissFor(person, withV({ flexibleOptions: ['part-time'] }))[0]?.text).toBe('offers 30 hours; you want up to 20 — it offers part time');
  });

  test('fewer hours than wanted', () => {
    expect(nearMissFor(person, withV({ hoursPerWeek: { min: 8, max: 20 } }))).toEqual([
      { code: 'hours-more', params: { offered: 8, wanted: 10 }, text: 'offers from 8 hours; you want at least 10 — ask whether more hours are possible' },
    ]);
  });

  test('a fit inside the person’s range needs no advice', () => {
    expect(nearMissFor(person, withV({ hoursPerWeek: { min: 10, max: 20 } }))).toEqual([]);
  });

  test('days and shifts the person cannot work', () => {
    const p = withP({ availableShifts: ['day'] });
    const v = withV({ hoursPerWeek: { min: 12, max: 16 }, days: ['mon', 'sat', 'sun'], shifts: ['day', 'evening', 'night'] });
    expect(nearMissFor(p, v)).toEqual([
      { code: 'days', params: { days: ['sat', 'sun'] }, text: 'is worked on sat, sun, when you are not available — ask about flexi-time or other days' },
      { code: 'shifts', params: { shifts: ['evening', 'night'] }, text: 'has evening, night shifts, which you cannot work — ask about other shifts' },
    ]);
    expect(nearMissFor(person, v).map((n) => n.code)).toEqual(['days']);
    expect(nearMissFor(p, withV({ hoursPerWeek: { min: 12, max: 16 } }))).toEqual([]);
  });

  test('flexibility and adjustments not listed: what to ask for', () => {
    const v = withV({ hoursPerWeek: { min: 12, max: 16 }, flexibleOptions: [], adjustmentsOffered: [] });
    expect(nearMissFor(withP({ adjustmentsNeeded: ['quiet-space', 'written-instructions'] }), v)).toEqual([
      { code: 'flexibility-missing', params: { options: ['phased-start'] }, text: 'does not list phased start — ask whether they could offer it' },
      {
        code: 'adjustments-missing',
        params: { adjustments: ['quiet-space', 'written-instructions'] },
        text: 'does not list quiet space, written instructions — ask: employers must make reasonable adjustments, and Access to Work can help pay',
      },
    ]);
  });
});

describe('one match and the order of many', () => {
  test('a match carries its parts, its distance to one decimal and its id', () => {
    const m = matchOne(person, v1, parameters) as Match;
    expect(m.vacancyId).toBe('v1');
    expect(m.distanceKm).toBe(1.3);
    expect(m.parts.distance).toBeCloseTo(0.86993, 4);
    expect(m.parts.pay).toBeCloseTo(0.39 / 3.0525, 6);
  });

  test('equal scores: nearer first, then by id', () => {
    const base = { score: 50, reasons: [], nearMiss: [], parts: (matchOne(person, v1, parameters) as Match).parts };
    const a = { ...base, vacancyId: 'a', distanceKm: 2 };
    const b = { ...base, vacancyId: 'b', distanceKm: 1 };
    const c = { ...base, vacancyId: 'c', distanceKm: 1 };
    expect([a, c, b].sort(compareMatches).map((m) => m.vacancyId)).toEqual(['b', 'c', 'a']);
    expect([{ ...a, score: 60 }, b].sort(compareMatches).map((m) => m.vacancyId)).toEqual(['a', 'b']);
    expect(compareMatches(b, b)).toBe(0);
    expect(compareMatches(c, b)).toBe(1);
    expect(compareMatches(b, c)).toBe(-1);
  });

  test('different weights change the score, not the limits', () => {
    const heavy: MatchParameters = { ...parameters, weights: { ...parameters.weights, hours: 0, occupation: 50 } };
    expect((matchOne(person, v1, heavy) as Match).score).toBe(94.3);
  });
});
