import { describe, expect, it } from 'vitest';
import type { CellShown } from '../outcomes/index.ts';
import { elapsedShare, progressMonths, targetProgress } from './plan-rules.ts';

const count = (value: number): CellShown => ({ kind: 'count', value });
const hidden: CellShown = { kind: 'suppressed', why: 'small' };

describe('elapsedShare', () => {
  it.each([
    // A 10-day period, 2027-01-01 to 2027-01-10 inclusive.
    { today: '2026-12-01', share: 0 },
    { today: '2026-12-31', share: 0 },
    { today: '2027-01-01', share: 0.1 },
    { today: '2027-01-05', share: 0.5 },
    { today: '2027-01-10', share: 1 },
    { today: '2027-03-01', share: 1 },
  ])('on $today is $share', ({ today, share }) => {
    expect(elapsedShare('2027-01-01', '2027-01-10', today)).toBeCloseTo(share, 10);
  });
});

describe('targetProgress', () => {
  it.each([
    // target 100, baseline 40; halfway through the straight line expects 50.
    { name: 'met exactly', figure: count(100), elapsed: 0.5, out: { status: 'met', percent: 100, againstBaseline: 60, expected: 50 } },
    { name: 'met early, above target', figure: count(120), elapsed: 0.2, out: { status: 'met', percent: 120, againstBaseline: 80, expected: 20 } },
    { name: 'on the line', figure: count(50), elapsed: 0.5, out: { status: 'on-track', percent: 50, againstBaseline: 10, expected: 50 } },
    { name: 'one short of the line', figure: count(49), elapsed: 0.5, out: { status: 'behind', percent: 49, againstBaseline: 9, expected: 50 } },
    // 100 × 0.333 = 33.3: a part-person is never expected, so 33 is on track.
    { name: 'line rounded down', figure: count(33), elapsed: 0.333, out: { status: 'on-track', percent: 33, againstBaseline: -7, expected: 33 } },
    { name: 'before the start', figure: count(12), elapsed: 0, out: { status: 'not-started', percent: 12, againstBaseline: -28, expected: 0 } },
    { name: 'percent rounded down', figure: count(99), elapsed: 1, out: { status: 'behind', percent: 99, againstBaseline: 59, expected: 100 } },
    { name: 'suppressed', figure: hidden, elapsed: 0.5, out: { status: 'not-shown', percent: null, againstBaseline: null, expected: 50 } },
  ])('$name', ({ figure, elapsed, out }) => {
    expect(targetProgress({ baseline: 40, target: 100 }, figure, elapsed)).toEqual(out);
  });
});

describe('progressMonths', () => {
  it.each([
    { today: '2027-06-15', out: { from: '2027-04', to: '2027-06' } },
    { today: '2028-05-01', out: { from: '2027-04', to: '2028-03' } },
    { today: '2028-03-31', out: { from: '2027-04', to: '2028-03' } },
  ])('on $today reads $out.from to $out.to', ({ today, out }) => {
    expect(progressMonths('2027-04-01', '2028-03-31', today)).toEqual(out);
  });
});
