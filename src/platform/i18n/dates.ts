import type { Language } from '../db/index.ts';

/**
 * Dates and times as a person in the UK reads them, in English or Welsh. Formatters are built once
 * and kept: making an `Intl.DateTimeFormat` costs far more than using one, and a caseload page
 * formats dozens of dates per request.
 */
const STYLES = {
  /** "1 December 2026 at 14:30" */
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'Europe/London' },
  /** "Tuesday, 1 December 2026 at 14:30": an appointment, where the weekday helps. */
  appointment: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'Europe/London' },
  /** "Tuesday 1 December 2026 at 14:30" in a letter: the long full form. */
  letter: { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/London' },
  /** "1 Dec 2026, 14:30": tables of events. */
  brief: { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' },
  /** "1 December 2026": the UK calendar day of a moment. */
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' },
  /** "December 2026": a month of figures. */
  month: { month: 'long', year: 'numeric', timeZone: 'Europe/London' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof STYLES;

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Language | string, style: DateStyle | 'isoDay' | 'calendar'): Intl.DateTimeFormat {
  const key = `${lang}|${style}`;
  let f = cache.get(key);
  if (!f) {
    const locale = style === 'isoDay' ? 'en-CA' : lang === 'cy' ? 'cy-GB' : 'en-GB';
    const options: Intl.DateTimeFormatOptions =
      style === 'isoDay'
        ? { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }
        : style === 'calendar'
          ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
          : STYLES[style];
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/**
 * Formatted text remembered by its input (ADR 0067): `Intl.DateTimeFormat.format` costs microseconds,
 * and a list page formats the same few hundred dates on every request (the inbox: 600 a request).
 * At most `KEPT` entries a table, the oldest dropped first.
 */
const KEPT = 5_000;
const moments = new Map<string, string>();
const isoDates = new Map<string, string>();
function remember(table: Map<string, string>, key: string, make: () => string): string {
  let text = table.get(key);
  if (text === undefined) {
    text = make();
    if (table.size >= KEPT) table.delete(table.keys().next().value as string);
    table.set(key, text);
  }
  return text;
}

/**
 * A moment in one of the house styles. No style shows seconds, and London's offset changes only on
 * the hour, so every instant of one minute reads the same: the text is remembered by the minute.
 */
export const formatMoment = (d: Date, lang: Language | string, style: DateStyle = 'dateTime'): string => {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return formatter(lang, style).format(d);
  return remember(moments, `${style}|${lang}|${Math.floor(ms / 60_000)}`, () => formatter(lang, style).format(d));
};

/** A calendar date held as YYYY-MM-DD ("1 December 2026"), with no time zone to shift it. */
export const formatIsoDate = (iso: string, lang: Language | string): string =>
  remember(isoDates, `${lang}|${iso}`, () => formatter(lang, 'calendar').format(new Date(`${iso}T12:00:00Z`)));

/** The UK calendar date (GMT or BST) of a moment, as YYYY-MM-DD. */
export function londonIsoDate(d: Date): string {
  // Assembled from parts, not format(), because a locale's date pattern has changed between ICU releases before.
  const parts = formatter('en', 'isoDay').formatToParts(d);
  const part = (type: 'year' | 'month' | 'day') => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
/** Milliseconds London is ahead of UTC at an instant: 0 in winter (GMT), an hour in summer (BST). */
function londonOffset(ms: number): number {
  const name = offsetFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const hoursAhead = /GMT([+-]\d+)?/.exec(name)?.[1];
  return (hoursAhead ? Number(hoursAhead) : 0) * 3_600_000;
}

/** The instant of a UK wall-clock date and time (an appointment as a person reads it), whatever the server's zone. */
export function londonWallClock(date: string, time: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  // Twice: the offset is the one in force at the answer, which is an hour off the naive guess near a change.
  return new Date(naive - londonOffset(naive - londonOffset(naive)));
}
