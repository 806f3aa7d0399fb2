import { describe, expect, test } from 'vitest';
import { formatIsoDate, formatMoment } from './dates.ts';

const STYLES = ['dateTime', 'appointment', 'letter', 'brief', 'day', 'month'] as const;
const fresh = (d: Date, lang: string, style: (typeof STYLES)[number]) => {
  const options: Record<(typeof STYLES)[number], Intl.DateTimeFormatOptions> = {
    dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'Europe/London' },
    appointment: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'Europe/London' },
    letter: { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/London' },
    brief: { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' },
    day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' },
    month: { month: 'long', year: 'numeric', timeZone: 'Europe/London' },
  };
  return new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', options[style]).format(d);
};

describe('dates remembered by their input (ADR 0067)', () => {
  test('a moment reads the same as a fresh formatter, for every second of minutes either side of the clocks changing', () => {
    // 29 March 2026 01:00 UTC: GMT to BST; 25 October 2026 01:00 UTC: BST to GMT.
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)])
      for (let ms = change - 120_000; ms < change + 120_000; ms += 7_001)
        for (const lang of ['en', 'cy'])
          for (const style of STYLES) {
            const d = new Date(ms);
            expect(formatMoment(d, lang, style)).toBe(fresh(d, lang, style));
            // Asked again (remembered): the same text.
            expect(formatMoment(new Date(ms), lang, style)).toBe(fresh(d, lang, style));
          }
  });

  test('a calendar date reads the same when remembered, and an invalid moment still fails', () => {
    for (const lang of ['en', 'cy']) {
      const first = formatIsoDate('2026-12-04', lang);
      expect(formatIsoDate('2026-12-04', lang)).toBe(first);
      expect(first).toBe(lang === 'cy' ? '4 Rhagfyr 2026' : '4 December 2026');
    }
    expect(() => formatMoment(new Date(Number.NaN), 'en')).toThrow(RangeError);
  });
});
