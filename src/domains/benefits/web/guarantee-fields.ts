import { DomainError, type Issue, NotFound } from '../../../platform/errors/index.ts';
import { type FormErrors, formErrors } from '../../../platform/http/pages.ts';
import type { Translate } from '../../../platform/i18n/index.ts';

/*
 * The guarantee's forms as GOV.UK macro parameters, filled from what was typed, with their errors;
 * and posted bodies read into what the service takes. The same shapes as the case pages' forms, so
 * one template renders any of them.
 */

export type Field = { kind: 'textarea' | 'radios' | 'checkboxes' | 'date'; name: string; params: Record<string, unknown> };
export type Values = Readonly<Record<string, unknown>>;
type Choice = { value: string; text: string; hint?: string };

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const legend = (text: string) => ({ legend: { text, classes: 'govuk-fieldset__legend--s' } });
const hintOf = (hint?: string) => (hint ? { text: hint } : undefined);

export const textarea = (values: Values, name: string, label: string, hint?: string): Field => ({
  kind: 'textarea',
  name,
  params: { id: name, name, label: { text: label, classes: 'govuk-label--s' }, hint: hintOf(hint), rows: 3, value: str(values[name]) },
});

export const radios = (values: Values, name: string, question: string, choices: readonly Choice[], hint?: string): Field => ({
  kind: 'radios',
  name,
  params: {
    idPrefix: name,
    name,
    fieldset: legend(question),
    hint: hintOf(hint),
    items: choices.map((c) => ({ value: c.value, text: c.text, hint: hintOf(c.hint), checked: str(values[name]) === c.value })),
  },
});

export function checkboxes(values: Values, name: string, question: string, choices: readonly Choice[], hint?: string): Field {
  const picked = [values[name]].flat().map(str);
  return {
    kind: 'checkboxes',
    name,
    params: {
      idPrefix: name,
      name,
      fieldset: legend(question),
      hint: hintOf(hint),
      items: choices.map((c) => ({ value: c.value, text: c.text, checked: picked.includes(c.value) })),
    },
  };
}

/** A GOV.UK date input posting `name-day`, `name-month` and `name-year`; see `combineDate`. */
export function dateInput(values: Values, name: string, question: string, hint: string, t: Translate): Field {
  const part = (key: 'day' | 'month' | 'year', width: 2 | 4) => ({
    name: key,
    label: t(`guarantee.date.${key}`),
    value: str(values[`${name}-${key}`]),
    classes: `govuk-input--width-${width}`,
  });
  return {
    kind: 'date',
    name,
    params: { id: name, namePrefix: name, fieldset: legend(question), hint: { text: hint }, items: [part('day', 2), part('month', 2), part('year', 4)] },
  };
}

/** A posted form without its CSRF token; a blank box is an answer not given. */
export function formBody(raw: unknown): Record<string, unknown> {
  const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== '_csrf')
      .map(([k, v]) => [k, typeof v === 'string' && !v.trim() ? undefined : v]),
  );
}

/** A date input's three boxes as YYYY-MM-DD: all empty is no answer; anything else not three numbers is refused by the service. */
export function combineDate(body: Record<string, unknown>, name: string): Record<string, unknown> {
  const [d, m, y] = (['day', 'month', 'year'] as const).map((k) => str(body[`${name}-${k}`]).trim());
  const value =
    !d && !m && !y
      ? undefined
      : d && m && y && /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y)
        ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
        : 'not-a-date';
  return { ...body, [name]: value };
}

/** Bad input a form shows beside its fields (400); anything else is for the error handler. */
export const formIssues = (error: unknown): readonly Issue[] | null =>
  error instanceof DomainError && error.code === 'invalid-input' && error.issues.length > 0 ? error.issues : null;

/**
 * The error summary and each field's message. An issue about something the form has no field for
 * is shown on the first field; a date's summary link goes to its day box.
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
