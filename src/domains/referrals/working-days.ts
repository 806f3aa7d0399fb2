import data from '../../../policy/bank-holidays-england-and-wales.json' with { type: 'json' };
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { policyDateListSchema } from '../../platform/policy/index.ts';

/** Bank holidays as a set of ISO dates, with the last year the list covers and where it came from. */
export type BankHolidays = { dates: ReadonlySet<string>; lastYear: number; source: string };

// The platform's policy-file shape, plus: each date once, so a pasted duplicate is caught.
const bankHolidaysSchema = policyDateListSchema.refine((p) => new Set(p.dates).size === p.dates.length, 'each date once');

/** Parses a bank-holiday policy file; throws on one that does not have the expected shape. */
export function loadBankHolidays(json: unknown): BankHolidays {
  const parsed = bankHolidaysSchema.parse(json);
  return {
    dates: new Set(parsed.dates),
    lastYear: Math.max(...parsed.dates.map((d) => Number(d.slice(0, 4)))),
    source: `${parsed.reference.title} (${parsed.reference.url})`,
  };
}

export const englandAndWalesBankHolidays: BankHolidays = loadBankHolidays(data);

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds at UTC midnight of an ISO date: UTC, so the server's own time zone never shifts a day. */
function toUtcMidnight(date: string): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const ms = Date.UTC(y, m - 1, d);
    // Date.UTC rolls 2026-02-30 over into March; the round trip catches that.
    if (new Date(ms).toISOString().slice(0, 10) === date) return ms;
  }
  throw new Error(`Not an ISO date (yyyy-mm-dd): ${JSON.stringify(date)}`);
}

const fromUtcMidnight = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Whether an ISO date is a working day: Monday to Friday and not a bank holiday. Throws for a year
 * the list does not cover, so a calendar nobody extended fails loudly instead of quietly counting
 * that year's bank holidays as working days.
 */
export function isWorkingDay(date: string, holidays: BankHolidays): boolean {
  const ms = toUtcMidnight(date);
  const year = Number(date.slice(0, 4));
  if (year > holidays.lastYear) {
    throw new Error(`Bank holidays are listed only up to ${holidays.lastYear}, so ${date} cannot be checked; add ${year}'s from ${holidays.source}`);
  }
  const weekday = new Date(ms).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.dates.has(date);
}

/**
 * The date `days` working days after `date`. The start date itself does not count, whatever day it
 * is, so 0 days gives back the start date.
 *
 * @example addWorkingDays('2026-12-18', 5, englandAndWalesBankHolidays) // '2026-12-29'
 */
export function addWorkingDays(date: string, days: number, holidays: BankHolidays): string {
  if (!Number.isInteger(days) || days < 0) throw new Error(`Working days must be a whole number of 0 or more, not ${days}`);
  let ms = toUtcMidnight(date);
  let remaining = days;
  while (remaining > 0) {
    ms += DAY_MS;
    if (isWorkingDay(fromUtcMidnight(ms), holidays)) remaining -= 1;
  }
  return fromUtcMidnight(ms);
}

/** The calendar date in Europe/London (GMT or BST) at an instant, as yyyy-mm-dd. */
export const londonDate = londonIsoDate;
