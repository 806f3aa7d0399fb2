/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), pure and in UTC so a day is always a whole day
 * (no clocks changing). Rules across the capabilities count months the same way: one copy here.
 */

/**
 * Calendar months on (or back), clamped to the end of a shorter month: 31 January + 1 month is
 * 28 (or 29) February, 31 March − 1 month likewise.
 */
export function addMonths(iso: string, n: number): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  // Day 0 of the month after the target is the target month's last day.
  const lastDay = new Date(Date.UTC(y, m + n, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;
const utcMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** A calendar date `n` days on (or back). */
export function addDays(iso: string, n: number): string {
  return new Date(utcMs(iso) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}
