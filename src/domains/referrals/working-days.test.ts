import { describe, expect, it } from 'vitest';
import { addWorkingDays, englandAndWalesBankHolidays, isWorkingDay, loadBankHolidays, londonDate } from './working-days.ts';

const holidays = englandAndWalesBankHolidays;

const file = (dates: unknown) => ({
  name: 'test-holidays',
  description: 'test',
  unit: 'dates',
  dates,
  confidence: 'S',
  reference: { title: 'Test', url: 'https://example.org/holidays' },
});

describe('loadBankHolidays', () => {
  it('reads the England and Wales policy file up to 2027', () => {
    expect(holidays.lastYear).toBe(2027);
    expect(holidays.dates.size).toBe(24);
    expect(holidays.dates.has('2026-12-28')).toBe(true);
    expect(holidays.source).toContain('https://www.gov.uk/bank-holidays');
  });

  it('refuses a file with a missing list, an impossible date or a date twice', () => {
    expect(() => loadBankHolidays({ ...file([]), dates: undefined })).toThrow();
    expect(() => loadBankHolidays(file(['2026-13-01']))).toThrow();
    expect(() => loadBankHolidays(file(['2026-02-30']))).toThrow();
    expect(() => loadBankHolidays(file(['2026-01-01', '2026-01-01']))).toThrow();
    expect(() => loadBankHolidays(file([]))).toThrow();
  });
});

describe('isWorkingDay', () => {
  it('counts Monday to Friday and not weekends', () => {
    expect(isWorkingDay('2026-01-02', holidays)).toBe(true); // Friday
    expect(isWorkingDay('2026-01-03', holidays)).toBe(false); // Saturday
    expect(isWorkingDay('2026-01-04', holidays)).toBe(false); // Sunday
    expect(isWorkingDay('2026-01-05', holidays)).toBe(true); // Monday
  });

  it('does not count a bank holiday, including a substitute day', () => {
    expect(isWorkingDay('2026-01-01', holidays)).toBe(false); // Thursday, New Year's Day
    expect(isWorkingDay('2026-12-28', holidays)).toBe(false); // Monday, substitute for Boxing Day
  });

  it('refuses a year after the last one listed, rather than treat its bank holidays as working days', () => {
    expect(isWorkingDay('2027-12-31', holidays)).toBe(true);
    expect(() => isWorkingDay('2028-01-04', holidays)).toThrow(/only up to 2027/);
  });

  it('refuses something that is not an ISO date', () => {
    expect(() => isWorkingDay('2026-02-30', holidays)).toThrow(/Not an ISO date/);
    expect(() => isWorkingDay('02/01/2026', holidays)).toThrow(/Not an ISO date/);
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend', () => {
    expect(addWorkingDays('2026-01-09', 1, holidays)).toBe('2026-01-12'); // Fri → Mon
    expect(addWorkingDays('2026-01-08', 3, holidays)).toBe('2026-01-13'); // Thu → Fri 9, Mon 12, Tue 13
  });

  it('skips Good Friday and Easter Monday 2026', () => {
    // Thu 2 Apr → Fri 3 (Good Friday), Sat, Sun, Mon 6 (Easter Monday) are skipped → Tue 7.
    expect(addWorkingDays('2026-04-02', 1, holidays)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-02', 2, holidays)).toBe('2026-04-08');
  });

  it('skips Christmas 2026 and the Monday substitute for Boxing Day', () => {
    // Fri 18 Dec → Mon 21, Tue 22, Wed 23, Thu 24; Fri 25 and Mon 28 are holidays → Tue 29 is the 5th.
    expect(addWorkingDays('2026-12-18', 5, holidays)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-24', 1, holidays)).toBe('2026-12-29');
  });

  it('crosses into the new year past New Year’s Day', () => {
    // Wed 30 Dec → Thu 31 (1); Fri 1 Jan 2027 holiday; Mon 4 Jan (2).
    expect(addWorkingDays('2026-12-30', 2, holidays)).toBe('2027-01-04');
  });

  it('gives back the start date for 0 days, even when it is not a working day', () => {
    expect(addWorkingDays('2026-03-10', 0, holidays)).toBe('2026-03-10');
    expect(addWorkingDays('2026-12-25', 0, holidays)).toBe('2026-12-25');
  });

  it('does not count a Saturday start', () => {
    expect(addWorkingDays('2026-01-03', 1, holidays)).toBe('2026-01-05'); // Sat → Mon
    expect(addWorkingDays('2026-01-03', 5, holidays)).toBe('2026-01-09'); // Mon 5 … Fri 9
  });

  it('fails loudly when the count runs past the last year listed', () => {
    // Thu 30 Dec 2027 → Fri 31 (1), then Sat 1 Jan 2028 is in a year with no list.
    expect(() => addWorkingDays('2027-12-30', 2, holidays)).toThrow(/only up to 2027/);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2026-01-05', -1, holidays)).toThrow(/whole number/);
    expect(() => addWorkingDays('2026-01-05', 1.5, holidays)).toThrow(/whole number/);
  });

  it('uses whatever list it is given', () => {
    const custom = loadBankHolidays(file(['2026-01-06']));
    expect(custom.lastYear).toBe(2026);
    expect(addWorkingDays('2026-01-05', 1, custom)).toBe('2026-01-07'); // Mon → Tue 6 is a holiday → Wed 7
  });
});

describe('londonDate', () => {
  it('is the GMT date in winter, before the clocks go forward', () => {
    // BST 2026 starts at 01:00 UTC on Sun 29 Mar, so 00:30 UTC is still 00:30 GMT.
    expect(londonDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(londonDate(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('is an hour ahead of UTC in summer', () => {
    expect(londonDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30'); // 00:30 BST
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // 00:30 BST
    // BST ends at 01:00 UTC on Sun 25 Oct 2026; 23:30 UTC the night before is 00:30 BST on the 25th.
    expect(londonDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
  });
});
