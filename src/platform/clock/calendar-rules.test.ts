import { describe, expect, test } from 'vitest';
import { addDays, addMonths, daysBetween } from './calendar-rules.ts';

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

describe('addDays', () => {
  test.each([
    // [from, days, expected, why]
    ['2026-12-03', 0, '2026-12-03', 'no days is the same day'],
    ['2026-12-03', 1, '2026-12-04', 'the next day'],
    ['2026-12-31', 1, '2027-01-01', 'across a year end'],
    ['2026-12-03', -3, '2026-11-30', 'back across a month end'],
    ['2028-02-28', 1, '2028-02-29', '2028 is a leap year'],
    ['2026-03-28', 2, '2026-03-30', 'across the clocks going forward: still whole days'],
    ['2026-10-24', 2, '2026-10-26', 'across the clocks going back: still whole days'],
    // 2 March + 84 days: 29 to 31 March, 30 to 30 April, 25 more is 25 May.
    ['2026-03-02', 84, '2026-05-25', 'twelve weeks'],
    // 3 April 2026 + 728 days: 365 to 3 April 2027, 366 to 3 April 2028 (29 Feb 2028), less 3 is 31 March 2028.
    ['2026-04-03', 728, '2028-03-31', 'two years less three days, over a leap day'],
    // 2 March 2026 + 728 days: 731 to 2 March 2028, less 3 (1 March, 29 and 28 February) is 28 February 2028.
    ['2026-03-02', 728, '2028-02-28', 'two years less three days, back over a leap day'],
  ] as const)('%s + %i days = %s (%s)', (from, days, expected, _why) => {
    expect(addDays(from, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  test.each([
    // [from, to, days, why]
    ['2026-12-03', '2026-12-03', 0, 'the same day'],
    ['2026-12-03', '2026-12-10', 7, 'a week on'],
    ['2026-12-10', '2026-12-03', -7, 'a week back is negative'],
    ['2026-12-01', '2026-11-30', -1, 'the day before'],
    ['2025-12-31', '2026-01-01', 1, 'across a year end'],
    ['2024-02-28', '2024-03-01', 2, 'over a leap day'],
    ['2026-03-28', '2026-03-30', 2, 'across the clocks going forward'],
    ['2026-03-29', '2026-03-30', 1, 'the day the clocks go forward is still one day'],
    ['2026-10-24', '2026-10-26', 2, 'across the clocks going back'],
  ] as const)('%s to %s is %i days (%s)', (from, to, days, _why) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});
