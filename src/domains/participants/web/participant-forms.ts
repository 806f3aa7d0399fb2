import type { Issue } from '../../../platform/errors/index.ts';
import { MANAGED_CONSENTS } from '../case.ts';

/**
 * The participant's forms, read from a posted body into what the participant service takes. The
 * service's schemas do the validating (one set of rules for pages and API); this only joins a date
 * from its three boxes and keeps what was typed, so that a page with errors shows it again.
 */
export type Body = Record<string, unknown>;

export const asBody = (body: unknown): Body => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Body) : {});

/** What the person typed, as text to show again: anything that is not one string shows as empty. */
export const typed = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The email address asked for on the start page: empty is its own error, the format is the service's. */
export function readEmail(body: Body): { email: string } | { issues: Issue[]; email: string } {
  const email = typed(body.email).trim();
  if (email === '') return { issues: [{ path: 'email', message: 'participant.error.emailMissing' }], email };
  return { email };
}

export type DateParts = { day: string; month: string; year: string };

/**
 * A date from the GOV.UK date input's three boxes: '' when all are empty (the date is optional),
 * an ISO date when they make one, and otherwise something the schema will refuse with its message.
 */
export function isoDateFrom(parts: Record<keyof DateParts, unknown>): string {
  const values = [parts.day, parts.month, parts.year];
  if (values.every((v) => v === undefined || (typeof v === 'string' && v.trim() === ''))) return '';
  if (!values.every((v) => typeof v === 'string' && /^\d{1,4}$/.test(v.trim()))) return 'not-a-date';
  const [day, month, year] = values.map((v) => String(v).trim()) as [string, string, string];
  if (year.length !== 4 || day.length > 2 || month.length > 2) return 'not-a-date';
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** An action the person adds to their plan: its words and an optional date to do it by. */
export function readAction(body: Body) {
  const parts = { day: body['dueOn-day'], month: body['dueOn-month'], year: body['dueOn-year'] };
  return {
    input: { text: body.text, dueOn: isoDateFrom(parts) },
    shown: { text: typed(body.text), dueOn: { day: typed(parts.day), month: typed(parts.month), year: typed(parts.year) } },
  };
}

export function readNote(body: Body) {
  return { input: { body: body.body }, shown: { body: typed(body.body) } };
}

/** The consent checkboxes: none ticked sends nothing, which withdraws every managed consent. */
export function readConsent(body: Body) {
  const raw = body.scopes;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return { input: { scopes: raw }, shown: list.filter((s): s is string => typeof s === 'string' && (MANAGED_CONSENTS as readonly string[]).includes(s)) };
}

/** Leaving: 'yes' leaves, 'no' goes back to the plan, anything else is asked again. */
export function readLeave(body: Body): 'yes' | 'no' | 'unanswered' {
  return body.confirm === 'yes' ? 'yes' : body.confirm === 'no' ? 'no' : 'unanswered';
}

/** The service's messages where the person's own form asks the question in its own words. */
const OWN_WORDS: Readonly<Record<string, string>> = {
  'cases.error.planText': 'participant.error.actionText',
  'cases.error.noteBody': 'participant.error.noteBody',
  'cases.error.consent': 'participant.error.consent',
};

/** An issue's field (`scopes.0` is the `scopes` checkboxes), in the words of the person's form. */
export function fieldIssues(issues: readonly Issue[]): Issue[] {
  return issues.map((i) => ({ path: (i.path.split('.')[0] ?? '') || 'form', message: OWN_WORDS[i.message] ?? i.message }));
}

/** Consent changes carried to the page after saving, as a query: only known scopes survive. */
export function consentChangeQuery(change: { withdrawn: readonly string[]; given: readonly string[] }): string {
  const known = (list: readonly string[]) => list.filter((s) => (MANAGED_CONSENTS as readonly string[]).includes(s)).join(',');
  return new URLSearchParams({ saved: '1', withdrawn: known(change.withdrawn), given: known(change.given) }).toString();
}

export function readConsentChange(query: unknown): { withdrawn: string[]; given: string[] } | null {
  const q = asBody(query);
  if (q.saved !== '1') return null;
  const list = (v: unknown) =>
    typed(v)
      .split(',')
      .filter((s) => (MANAGED_CONSENTS as readonly string[]).includes(s));
  return { withdrawn: list(q.withdrawn), given: list(q.given) };
}
