import type { Language } from '../../../platform/db/index.ts';
import { DomainError, type Issue, NotFound } from '../../../platform/errors/index.ts';
import { type FormErrors, formErrors } from '../../../platform/http/pages.ts';
import { formatIsoDate, formatMoment, londonIsoDate, type Translate } from '../../../platform/i18n/index.ts';

/**
 * Shared pieces of the case pages: UK dates and times, escaping for the few cells that hold a link,
 * GOV.UK field parameters, and form bodies turned into what the case service takes.
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

// ---- Form fields: GOV.UK macro parameters, filled from what was typed and the errors. ----

export type Field = { kind: 'input' | 'textarea' | 'radios' | 'checkboxes' | 'date' | 'select'; name: string; params: Record<string, unknown> };
/** What the form holds: what was typed, or what is recorded now. Errors are added by `withErrors`. */
export type FieldState = { values: Readonly<Record<string, unknown>> };
type Choice = { value: string; text: string; hint?: string };
type Common = { hint?: string; heading?: boolean };

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const labelOf = (text: string, o: Common) => (o.heading ? { text, classes: 'govuk-label--l', isPageHeading: true } : { text, classes: 'govuk-label--s' });
const legendOf = (text: string, o: Common) =>
  o.heading ? { text, classes: 'govuk-fieldset__legend--l', isPageHeading: true } : { text, classes: 'govuk-fieldset__legend--s' };
const hintOf = (o: Common) => (o.hint ? { text: o.hint } : undefined);

export function input(
  s: FieldState,
  name: string,
  label: string,
  o: Common & { width?: 2 | 3 | 4 | 5 | 10 | 20; numeric?: boolean; prefix?: string } = {},
): Field {
  return {
    kind: 'input',
    name,
    params: {
      id: name,
      name,
      label: labelOf(label, o),
      hint: hintOf(o),
      value: str(s.values[name]),
      classes: o.width ? `govuk-input--width-${o.width}` : undefined,
      inputmode: o.numeric ? 'decimal' : undefined,
      spellcheck: o.numeric ? false : undefined,
      prefix: o.prefix ? { text: o.prefix } : undefined,
    },
  };
}

export function textarea(s: FieldState, name: string, label: string, o: Common & { rows?: number } = {}): Field {
  return {
    kind: 'textarea',
    name,
    params: { id: name, name, label: labelOf(label, o), hint: hintOf(o), rows: o.rows ?? 4, value: str(s.values[name]) },
  };
}

export function radios(s: FieldState, name: string, legend: string, choices: readonly Choice[], o: Common & { inline?: boolean } = {}): Field {
  return {
    kind: 'radios',
    name,
    params: {
      idPrefix: name,
      name,
      fieldset: { legend: legendOf(legend, o) },
      hint: hintOf(o),
      classes: o.inline ? 'govuk-radios--inline' : undefined,
      items: choices.map((c) => ({ value: c.value, text: c.text, hint: c.hint ? { text: c.hint } : undefined, checked: str(s.values[name]) === c.value })),
    },
  };
}

/** Checkboxes; each choice may post under its own name (`name` of the choice), or all under `name`. */
export function checkboxes(s: FieldState, name: string, legend: string, choices: readonly (Choice & { name?: string })[], o: Common = {}): Field {
  const picked = (c: Choice & { name?: string }) => {
    const v = s.values[c.name ?? name];
    return Array.isArray(v) ? v.includes(c.value) : str(v) === c.value;
  };
  return {
    kind: 'checkboxes',
    name,
    params: {
      idPrefix: name,
      name,
      fieldset: { legend: legendOf(legend, o) },
      hint: hintOf(o),
      items: choices.map((c) => ({ value: c.value, text: c.text, name: c.name, hint: c.hint ? { text: c.hint } : undefined, checked: picked(c) })),
    },
  };
}

/** A GOV.UK date input posting `name-day`, `name-month`, `name-year`; see `combineDates`. */
export function dateInput(s: FieldState, name: string, legend: string, t: Translate, o: Common = {}): Field {
  const part = (key: 'day' | 'month' | 'year', width: 2 | 4) => ({
    name: key,
    label: t(`caseload.date.${key}`),
    value: str(s.values[`${name}-${key}`]),
    classes: `govuk-input--width-${width}`,
  });
  return {
    kind: 'date',
    name,
    params: {
      id: name,
      namePrefix: name,
      fieldset: { legend: legendOf(legend, o) },
      hint: { text: o.hint ?? t('caseload.date.hint') },
      items: [part('day', 2), part('month', 2), part('year', 4)],
    },
  };
}

export function select(s: FieldState, name: string, label: string, choices: readonly Choice[], o: Common = {}): Field {
  return {
    kind: 'select',
    name,
    params: {
      id: name,
      name,
      label: labelOf(label, o),
      hint: hintOf(o),
      items: choices.map((c) => ({ value: c.value, text: c.text, selected: str(s.values[name]) === c.value })),
    },
  };
}

// ---- Form bodies ----

/** A posted form without its CSRF token; an empty or blank box is an answer not given. */
export function formBody(raw: unknown): Record<string, unknown> {
  const body = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== '_csrf')
      .map(([k, v]) => [k, typeof v === 'string' && !v.trim() ? undefined : v]),
  );
}

/**
 * Turns each date input's three boxes into the YYYY-MM-DD the service takes. All three empty is no
 * answer; anything else that is not three numbers becomes a value the service refuses as not a date.
 */
export function combineDates(body: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out = { ...body };
  for (const name of names) {
    const parts = (['day', 'month', 'year'] as const).map((k) => str(body[`${name}-${k}`]).trim());
    const [d, m, y] = parts;
    if (parts.every((p) => p === '')) out[name] = undefined;
    else if (d && m && y && /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y)) out[name] = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    else out[name] = 'not-a-date';
  }
  return out;
}

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

/**
 * The issues a form page shows beside its fields, with the status to answer: bad input is a 400,
 * and a refusal the reader can act on (no consent, a health condition recorded) is a 403 shown on
 * the form. Anything else (a participation-policy refusal, a conflict) goes to the error page.
 */
export function formIssues(error: unknown): { issues: readonly Issue[]; status: 400 | 403 } | null {
  if (!(error instanceof DomainError) || error.issues.length === 0) return null;
  if (error.code === 'invalid-input') return { issues: error.issues, status: 400 };
  if (error.code === 'forbidden' && error.issues.every((i) => i.message.startsWith('cases.refused.'))) return { issues: error.issues, status: 403 };
  return null;
}

/**
 * The error summary for a form, and its fields with their error messages. An issue about something
 * the form has no field for is shown on the first field; a date's summary link goes to its day box.
 */
export function withErrors(fields: readonly Field[], issues: readonly Issue[], t: Translate): { fields: Field[]; errors: FormErrors } {
  const names = new Set(fields.map((f) => f.name));
  const first = fields[0]?.name ?? 'form';
  const errors = formErrors(
    issues.map((i) => (names.has(i.path) ? i : { ...i, path: first })),
    t,
  );
  const dates = new Set(fields.filter((f) => f.kind === 'date').map((f) => f.name));
  const marked = fields.map((f) => {
    const message = errors.fields[f.name];
    if (!message) return f;
    const params: Record<string, unknown> = { ...f.params, errorMessage: message };
    if (f.kind === 'date' && Array.isArray(params.items)) {
      params.items = (params.items as { classes: string }[]).map((item) => ({ ...item, classes: `${item.classes} govuk-input--error` }));
    }
    return { ...f, params };
  });
  return { fields: marked, errors: { ...errors, summary: errors.summary.map((s) => (dates.has(s.href.slice(1)) ? { ...s, href: `${s.href}-day` } : s)) } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id from the address: anything that is not a uuid is a page that does not exist. */
export function idParam(value: unknown, what: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new NotFound(what);
  return value.toLowerCase();
}
