import type { Language } from '../../../platform/db/index.ts';
import { formatIsoDate, formatMoment, londonIsoDate, type Translate } from '../../../platform/i18n/index.ts';

/**
 * Shared pieces of the case pages: UK dates and times, escaping for the few cells that hold a link,
 * summary-list rows, and the times and amounts typed into case forms as the case service takes them.
 */

const locale = (lang: Language) => (lang === 'cy' ? 'cy-GB' : 'en-GB');

/** A moment, as a person in the UK reads it: "1 December 2026 at 14:30". */
export const dateTime = (d: Date, lang: Language) => formatMoment(d, lang, 'dateTime');

/** An appointment: the weekday helps. "Tuesday, 1 December 2026 at 14:30". */
export const appointmentTime = (d: Date, lang: Language) => formatMoment(d, lang, 'appointment');

/** A calendar date stored as YYYY-MM-DD: "1 December 2026". */
export const day = formatIsoDate;

/** The UK calendar date of a moment, as YYYY-MM-DD. */
export const londonDay = londonIsoDate;

/** Whole UK calendar days from `from` to `to`. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((Date.parse(`${londonDay(to)}T00:00:00Z`) - Date.parse(`${londonDay(from)}T00:00:00Z`)) / 86_400_000);
}

export const money = (amount: number, lang: Language) => amount.toLocaleString(locale(lang), { style: 'currency', currency: 'GBP' });
export const hours = (n: number, lang: Language) => n.toLocaleString(locale(lang), { maximumFractionDigits: 2 });

/** For the few table cells that hold a link: everything from a person or a record is escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
export const link = (href: string, text: string, hidden?: string) =>
  `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}${hidden ? `<span class="govuk-visually-hidden"> ${escapeHtml(hidden)}</span>` : ''}</a>`;

export const tag = (text: string, colour: 'purple' | 'red' | 'green' | 'grey' | 'yellow') =>
  `<strong class="govuk-tag govuk-tag--${colour}">${escapeHtml(text)}</strong>`;

export type Row = {
  key: { text: string };
  value: { text: string } | { html: string };
  actions?: { items: { href: string; text: string; visuallyHiddenText: string }[] };
};
export const row = (key: string, value: string | null | undefined, t: Translate): Row => ({
  key: { text: key },
  value: { text: value?.trim() ? value : t('caseload.notRecorded') },
});
/** A row whose value keeps the line breaks a person typed: escaped, then each line on its own. */
export const textRow = (key: string, value: string | null | undefined, t: Translate): Row =>
  value?.trim() ? { key: { text: key }, value: { html: escapeHtml(value.trim()).replace(/\r?\n/g, '<br>') } } : row(key, null, t);
export const withChange = (r: Row, href: string | null, t: Translate): Row =>
  href ? { ...r, actions: { items: [{ href, text: t('caseload.change'), visuallyHiddenText: r.key.text }] } } : r;

/**
 * The refusals a case form shows on the form itself (a 403 with the reason, which the reader can act
 * on: no consent, a health condition recorded), for `formIssues`. Any other refusal is an error page.
 */
export const CASE_FORM_REFUSALS = { refusals: 'cases.refused.' } as const;

// ---- Answers typed into case forms, tidied before the service reads them ----

/** "9:30", "09.30", "2:30pm", "2pm" → "HH:MM"; anything else is passed on for the service to refuse. */
export function normaliseTime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$/i.exec(value);
  if (!m) return value;
  let h = Number(m[1]);
  const min = m[2] ?? '00';
  const half = m[3]?.toLowerCase().replace(/\./g, '');
  if (!m[2] && !half) return value;
  if (half) {
    if (h < 1 || h > 12) return value;
    if (half === 'pm' && h < 12) h += 12;
    if (half === 'am' && h === 12) h = 0;
  }
  return `${String(h).padStart(2, '0')}:${min}`;
}

/** "£12.50" or "1,000" → "12.50" / "1000": people type what they see on a payslip. */
export function normaliseAmount(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/[£,\s]/g, '') : value;
}
