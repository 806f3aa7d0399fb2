import { describe, expect, test } from 'vitest';
import { caseloadPerFte, equalityGaps, funnel, inactivityShare, percentiles } from './outcome-rules.ts';

const C = (value: number) => ({ kind: 'count', value }) as const;
const S = { kind: 'suppressed', why: 'small' } as const;

describe('the funnel', () => {
  test('people at each step, with conversions from the step before and from referral', () => {
    const rows = funnel(
      {
        'referral-received': 200,
        'first-contact': 180,
        accepted: 150,
        'first-appointment': 120,
        'job-start': 60,
        'sustained-13-weeks': 30,
        'sustained-26-weeks': 5,
      },
      10,
    );
    expect(rows.map((r) => [r.step, r.people, r.fromPrevious, r.fromStart])).toEqual([
      ['referral-received', C(200), null, null],
      ['first-contact', C(180), 0.9, 0.9],
      ['accepted', C(150), 150 / 180, 0.75],
      ['first-appointment', C(120), 0.8, 0.6],
      ['job-start', C(60), 0.5, 0.3],
      ['sustained-13-weeks', C(30), 0.5, 0.15],
      // 5 people: hidden, and so is its conversion
      ['sustained-26-weeks', S, null, null],
    ]);
  });

  test('a missing step counts as none, and a step after a hidden one has no conversion from it', () => {
    const rows = funnel({ 'referral-received': 9, 'first-contact': 12 }, 10);
    expect(rows[0]).toMatchObject({ people: S, fromPrevious: null, fromStart: null });
    expect(rows[1]).toMatchObject({ people: C(12), fromPrevious: null, fromStart: null });
    expect(rows[2]).toMatchObject({ people: S });
  });

  test('a conversion over 100% is shown as it is', () => {
    expect(funnel({ 'referral-received': 10, 'first-contact': 20 }, 10)[1]?.fromPrevious).toBe(2);
  });
});

describe('median and 90th percentile by nearest rank', () => {
  const h = (pairs: [number, number][]) => new Map(pairs);
  test.each([
    // 10 people at days 1..10: median is the 5th (5), p90 the 9th (9)
    [h(Array.from({ length: 10 }, (_, i) => [i + 1, 1] as [number, number])), 10, { people: 10, median: 5, p90: 9 }],
    // 11 people: median the 6th, p90 the 10th (ceil 9.9)
    [h(Array.from({ length: 11 }, (_, i) => [i + 1, 1] as [number, number])), 10, { people: 11, median: 6, p90: 10 }],
    // bins with many people: 6 at day 2, 3 at day 7, 1 at day 30
    [
      h([
        [7, 3],
        [2, 6],
        [30, 1],
      ]),
      10,
      { people: 10, median: 2, p90: 7 },
    ],
    [h([[0, 20]]), 10, { people: 20, median: 0, p90: 0 }],
    // empty bins are ignored
    [
      h([
        [3, 0],
        [5, 10],
      ]),
      10,
      { people: 10, median: 5, p90: 5 },
    ],
    // too few people: nothing shown
    [h([[4, 9]]), 10, { people: 9, median: null, p90: null }],
    [h([]), 1, { people: 0, median: null, p90: null }],
    // nobody, even with no minimum: nothing to show
    [h([]), 0, { people: 0, median: null, p90: null }],
    [h([[4, 0]]), 0, { people: 0, median: null, p90: null }],
  ])('%j', (histogram, minimum, expected) => {
    expect(percentiles(histogram, minimum)).toEqual(expected);
  });
});

describe('equality gaps', () => {
  test('each group’s rate against everyone’s, in percentage points', () => {
    const result = equalityGaps(
      [
        { value: 'female', started: 100, reached: 30 },
        { value: 'male', started: 100, reached: 20 },
        { value: 'prefer-not-to-say', started: 50, reached: 10 },
      ],
      10,
    );
    expect(result.overall).toBe(60 / 250);
    expect(result.groups.map((g) => [g.value, g.rate, g.gap])).toEqual([
      ['female', 0.3, 6],
      ['male', 0.2, -4],
      ['prefer-not-to-say', 0.2, -4],
    ]);
  });

  test('a small group is hidden with another, so it cannot be worked out from everyone’s figure', () => {
    const result = equalityGaps(
      [
        { value: 'asian', started: 4, reached: 1 },
        { value: 'white', started: 80, reached: 20 },
        { value: 'black', started: 30, reached: 12 },
      ],
      10,
    );
    expect(result.groups[0]).toMatchObject({ started: S, rate: null, gap: null });
    // 4 started and 1 reached are small; 30 and 12 are hidden with them so neither can be worked out from the totals
    expect(result.groups[2]).toMatchObject({
      started: { kind: 'suppressed', why: 'secondary' },
      reached: { kind: 'suppressed', why: 'secondary' },
      rate: null,
      gap: null,
    });
    expect(result.groups[1]).toMatchObject({ rate: 0.25, gap: Math.round((0.25 - 33 / 114) * 1000) / 10 });
  });

  test('too few people overall: no rate for anyone', () => {
    expect(equalityGaps([{ value: 'yes', started: 5, reached: 1 }], 10)).toEqual({
      overall: null,
      groups: [{ value: 'yes', started: S, reached: S, rate: null, gap: null }],
    });
  });
});

describe('caseload per full-time specialist', () => {
  test.each([
    [20, 1, 20, { perFte: 20, over: false }],
    [21, 1, 20, { perFte: 21, over: true }],
    [12, 0.5, 20, { perFte: 24, over: true }],
    [10, 0.6, 20, { perFte: 16.7, over: false }],
    [5, 0, 20, { perFte: null, over: false }],
  ])('%i open cases at %f FTE, limit %i', (open, fte, limit, expected) => {
    expect(caseloadPerFte(open, fte, limit)).toEqual(expected);
  });
});

describe('outcomes as a share of the long-term-sick inactive population', () => {
  test('the survey’s share of the inactive who are long-term sick, with its interval, gives the count and the range', () => {
    // 25.0% ± 5.0 points of 40,000 inactive people: 10,000 (8,000 to 12,000) long-term sick
    expect(inactivityShare(120, { percent: 25, confidence: 5, numerator: 10_000, denominator: 40_000 })).toEqual({
      longTermSick: { estimate: 10_000, low: 8_000, high: 12_000 },
      perThousand: { value: 12, low: 10, high: 15 },
    });
  });
  test.each([
    [{ percent: null, confidence: 1, numerator: 10, denominator: 100 }],
    [{ percent: 10, confidence: 1, numerator: null, denominator: null }],
    [{ percent: 10, confidence: 1, numerator: 0, denominator: 100 }],
    [{ percent: 10, confidence: 1, numerator: null, denominator: 0 }],
    // a count of the long-term sick is no use without the inactive population it is a share of
    [{ percent: 10, confidence: 1, numerator: 10, denominator: null }],
    [{ percent: 10, confidence: 1, numerator: 10, denominator: 0 }],
    [{ percent: 10, confidence: 1, numerator: 10, denominator: -100 }],
  ])('no estimate to compare against: nothing (%j)', (survey) => {
    expect(inactivityShare(5, survey)).toBeNull();
  });
  test('without a numerator the count is worked out from the share; without an interval the range is the estimate', () => {
    expect(inactivityShare(50, { percent: 20, confidence: null, numerator: null, denominator: 50_000 })).toEqual({
      longTermSick: { estimate: 10_000, low: 10_000, high: 10_000 },
      perThousand: { value: 5, low: 5, high: 5 },
    });
  });
  test('an interval reaching zero has no upper bound, even with no outcomes yet', () => {
    expect(inactivityShare(3, { percent: 2, confidence: 3, numerator: 20, denominator: 1000 })?.perThousand.high).toBe(Number.POSITIVE_INFINITY);
    expect(inactivityShare(0, { percent: 2, confidence: 3, numerator: 20, denominator: 1000 })?.perThousand).toEqual({
      value: 0,
      low: 0,
      high: Number.POSITIVE_INFINITY,
    });
  });
});
