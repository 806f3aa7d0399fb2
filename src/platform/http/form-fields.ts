import { DomainError, type Issue, NotFound } from '../errors/index.ts';
import type { Translate } from '../i18n/index.ts';
import { type FormErrors, formErrors } from './pages.ts';

/**
 * GOV.UK form pages without domain knowledge: each field as the parameters of its GOV.UK macro,
 * filled from what was typed and marked with its error; posted bodies read into what a service
 * takes; and the issues a form shows. Any form template that loops over `fields` renders them.
 */

export type Field = { kind: 'input' | 'textarea' | 'radios' | 'checkboxes' | 'date' | 'select' | 'file'; name: string; params: Record<string, unknown> };
export type FieldValues = Readonly<Record<string, unknown>>;
/** What the form holds: what was typed, or what is recorded now. Errors are added by `withErrors`. */
export type FieldState = { values: FieldValues };
export type Choice = { value: string; text: string; hint?: string };
/** `heading`: the field's label or legend is the page's h1 (a page with one question). */
type Common = { hint?: string; heading?: boolean };

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const labelOf = (text: string, o: Common) => (o.heading ? { text, classes: 'govuk-label--l', isPageHeading: true } : { text, classes: 'govuk-label--s' });
const legendOf = (text: string, o: Common) =>
  o.heading ? { text, classes: 'govuk-fieldset__legend--l', isPageHeading: true } : { text, classes: 'govuk-fieldset__legend--s' };
const hintOf = (o: Common) => (o.hint ? { text: o.hint } : undefined);
/** A field with a label: an input, a text area, a select. */
const labelled = (name: string, label: string, o: Common) => ({ id: name, name, label: labelOf(label, o), hint: hintOf(o) });
/** A group of choices under a legend: radios, checkboxes. */
const grouped = (name: string, legend: string, o: Common) => ({ idPrefix: name, name, fieldset: { legend: legendOf(legend, o) }, hint: hintOf(o) });

export function input(
  s: FieldState,
  name: string,
  label: string,
  // autocomplete: what the field asks of the person about themselves (WCAG 1.3.5), so a browser can
  // fill it in: 'given-name', 'postal-code', 'email'. Never on a form about someone else.
  o: Common & { width?: 2 | 3 | 4 | 5 | 10 | 20; numeric?: boolean; prefix?: string; autocomplete?: string } = {},
): Field {
  const email = o.autocomplete === 'email';
  return {
    kind: 'input',
    name,
    params: {
      ...labelled(name, label, o),
      value: str(s.values[name]),
      classes: o.width ? `govuk-input--width-${o.width}` : undefined,
      inputmode: o.numeric ? 'decimal' : undefined,
      spellcheck: o.numeric || email ? false : undefined,
      prefix: o.prefix ? { text: o.prefix } : undefined,
      autocomplete: o.autocomplete,
      type: email ? 'email' : undefined,
    },
  };
}

export function textarea(s: FieldState, name: string, label: string, o: Common & { rows?: number } = {}): Field {
  return {
    kind: 'textarea',
    name,
    params: { ...labelled(name, label, o), rows: o.rows ?? 4, value: str(s.values[name]) },
  };
}

export function radios(s: FieldState, name: string, legend: string, choices: readonly Choice[], o: Common & { inline?: boolean } = {}): Field {
  return {
    kind: 'radios',
    name,
    params: {
      ...grouped(name, legend, o),
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
      ...grouped(name, legend, o),
      items: choices.map((c) => ({ value: c.value, text: c.text, name: c.name, hint: c.hint ? { text: c.hint } : undefined, checked: picked(c) })),
    },
  };
}

/** A GOV.UK date input posting `name-day`, `name-month`, `name-year`; see `combineDates`. Its hint is the example date. */
export function dateInput(s: FieldState, name: string, legend: string, t: Translate, o: Common & { hint: string; autocomplete?: 'bday' }): Field {
  const part = (key: 'day' | 'month' | 'year', width: 2 | 4) => ({
    name: key,
    label: t(`date.${key}`),
    value: str(s.values[`${name}-${key}`]),
    classes: `govuk-input--width-${width}`,
    autocomplete: o.autocomplete ? `${o.autocomplete}-${key}` : undefined,
  });
  return {
    kind: 'date',
    name,
    params: {
      id: name,
      namePrefix: name,
      fieldset: { legend: legendOf(legend, o) },
      hint: { text: o.hint },
      items: [part('day', 2), part('month', 2), part('year', 4)],
    },
  };
}

export function select(s: FieldState, name: string, label: string, choices: readonly Choice[], o: Common = {}): Field {
  return {
    kind: 'select',
    name,
    params: {
      ...labelled(name, label, o),
      items: choices.map((c) => ({ value: c.value, text: c.text, selected: str(s.values[name]) === c.value })),
    },
  };
}

/** A GOV.UK file upload; the page's form must send `multipart/form-data` (`enctype` on pages/form.njk). */
export function fileInput(name: string, label: string, o: Common & { accept?: string } = {}): Field {
  return { kind: 'file', name, params: { ...labelled(name, label, o), attributes: o.accept ? { accept: o.accept } : undefined } };
}

// ---- Form bodies ----

/** A posted form without its CSRF token; an empty or blank box is an answer not given. */
export function formBody(raw: unknown): Record<string, unknown> {
  const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== '_csrf')
      .map(([k, v]) => [k, typeof v === 'string' && !v.trim() ? undefined : v]),
  );
}

/**
 * A date input's three boxes as they were typed: all three empty is no answer (`empty`); three
 * numbers of the right length are `date`, as YYYY-MM-DD (not yet checked to be a real day);
 * anything else is `invalid`.
 */
export function dateParts(values: FieldValues, name: string): { kind: 'empty' } | { kind: 'invalid' } | { kind: 'date'; iso: string } {
  const [d = '', m = '', y = ''] = (['day', 'month', 'year'] as const).map((k) => str(values[`${name}-${k}`]).trim());
  if (!d && !m && !y) return { kind: 'empty' };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return { kind: 'invalid' };
  return { kind: 'date', iso: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` };
}

/**
 * Turns each date input's three boxes into the YYYY-MM-DD the service takes. All three empty is no
 * answer; anything else that is not three numbers becomes a value the service refuses as not a date.
 */
export function combineDates(body: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out = { ...body };
  for (const name of names) {
    const date = dateParts(body, name);
    out[name] = date.kind === 'empty' ? undefined : date.kind === 'date' ? date.iso : 'not-a-date';
  }
  return out;
}

// ---- Issues and errors ----

/**
 * The issues a form page shows beside its fields, with the status to answer: bad input is a 400.
 * With `refusals`, a refusal the reader can act on (every message a key under that prefix, such as
 * no consent recorded) is a 403 shown on the form. Anything else (another refusal, a conflict) goes
 * to the error page.
 */
export function formIssues(error: unknown, options: { refusals?: string } = {}): { issues: readonly Issue[]; status: 400 | 403 } | null {
  if (!(error instanceof DomainError) || error.issues.length === 0) return null;
  if (error.code === 'invalid-input') return { issues: error.issues, status: 400 };
  const { refusals } = options;
  if (refusals && error.code === 'forbidden' && error.issues.every((i) => i.message.startsWith(refusals))) return { issues: error.issues, status: 403 };
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
