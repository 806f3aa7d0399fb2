/**
 * The single-with-LCWRA example of better-off-rules.test.ts (23 November 2026, £12.71 an hour for
 * 16 hours, aged 40, LCWRA since 1 May 2023), as the better-off form posts it.
 */
export const SINGLE_LCWRA = {
  hourlyPay: '12.71',
  hours: '16',
  age: '40',
  partner: 'no',
  lcwra: 'yes',
  'lcwraSince-day': '1',
  'lcwraSince-month': '5',
  'lcwraSince-year': '2023',
  children: 'no',
  'date-day': '23',
  'date-month': '11',
  'date-year': '2026',
};
