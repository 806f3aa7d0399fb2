import { describe, expect, test } from 'vitest';
import { addMonths } from './calendar-rules.ts';

describe('addMonths', () => {
  test.each([
    // [from, months, expected, why]
    ['2026-03-02', 6, '2026-09-02', 'same day six months on'],
    ['2026-11-23', 0, '2026-11-23', 'no months is the same day'],
    ['2027-01-31', 1, '2027-02-28', '31 January + 1 month clamps to the end of February'],
    ['2028-01-31', 1, '2028-02-29', '2028 is a leap year'],
    ['2026-01-30', 1, '2026-02-28', 'the 30th clamps too'],
    ['2026-01-31', 1, '2026-02-28', '31 January 2026 + 1 month'],
    ['2026-01-28', 1, '2026-02-28', 'the 28th needs no clamping'],
    ['2026-03-31', 1, '2026-04-30', 'April has 30 days'],
    ['2026-03-31', 6, '2026-09-30', 'September has 30 days'],
    ['2026-05-31', 1, '2026-06-30', 'June has 30 days'],
    ['2026-06-30', 1, '2026-07-30', 'a 30th stays the 30th in a longer month'],
    ['2026-08-31', 6, '2027-02-28', 'August 31 + 6 months: February 2027 has 28 days'],
    ['2026-10-31', 4, '2027-02-28', 'October 31 + 4 months'],
    ['2026-11-30', 3, '2027-02-28', '30 November + 3 months'],
    ['2027-11-30', 3, '2028-02-29', '30 November 2027 + 3 months: leap February'],
    ['2026-12-15', 6, '2027-06-15', 'across a year end'],
    ['2026-12-31', 1, '2027-01-31', 'December to January keeps the 31st'],
    ['2026-11-23', 6, '2027-05-23', 'six months across a year end'],
    ['2026-12-03', 3, '2027-03-03', 'three months across a year end'],
    ['2026-11-23', 12, '2027-11-23', 'a whole year'],
    ['2026-12-03', 25, '2029-01-03', 'more than two years'],
    ['2026-12-03', -1, '2026-11-03', 'one month back'],
    ['2026-03-31', -1, '2026-02-28', '31 March − 1 month clamps to the end of February'],
    ['2024-03-31', -1, '2024-02-29', '2024 is a leap year'],
    ['2027-01-15', -1, '2026-12-15', 'back across a year end'],
    ['2026-11-23', -24, '2024-11-23', 'two years back'],
    ['2028-02-29', 12, '2029-02-28', '29 February + 1 year clamps to the 28th'],
    ['2028-02-29', 48, '2032-02-29', '29 February + 4 years is a leap day again'],
  ] as const)('%s + %i months = %s (%s)', (from, months, expected, _why) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});
