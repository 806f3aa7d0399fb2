import type { UserPrincipal } from '../../../platform/auth/index.ts';
import type { Language } from '../../../platform/db/index.ts';
import type { Field, FieldState } from '../../../platform/http/form-fields.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import type { CaseService } from '../case-service.ts';
import type { Row } from './case-format.ts';
import type { abilities, FullCaseView } from './case-page.ts';

/** A form page about one case: what it shows, and what posting it does. */
export type FormPage = {
  title: string;
  /** The one question is the page heading (its label or legend), so there is no separate h1. */
  single?: boolean;
  lead?: string[];
  warning?: string;
  inset?: string;
  rows?: Row[];
  fields: Field[];
  /** No button when there is nothing to choose from. */
  button: string | null;
  buttonClasses?: string;
};

export type FormContext = {
  view: FullCaseView;
  can: ReturnType<typeof abilities>;
  t: Translate;
  lang: Language;
  state: FieldState;
  params: Readonly<Record<string, string>>;
  user: UserPrincipal;
  cases: CaseService;
};

export type Submit = { cases: CaseService; user: UserPrincipal; caseId: string; body: Record<string, unknown>; params: Readonly<Record<string, string>> };

export type CaseForm = {
  /** Under /cases/:id/; `:name` segments are ids of things in the case. */
  path: string;
  /** Whether the reader may use this form on this case; otherwise the page is refused. */
  allowed: (can: ReturnType<typeof abilities>, view: FullCaseView) => boolean;
  /** What a fresh form holds. */
  initial?: (view: FullCaseView, params: Readonly<Record<string, string>>) => Record<string, unknown>;
  /** Date inputs, posted as three boxes each. */
  dates?: readonly string[];
  page: (c: FormContext) => FormPage | Promise<FormPage>;
  submit: (s: Submit) => Promise<unknown>;
  /** The success message's key under caseload.done. */
  done: string;
  /** Whether the form shows health fields; only then are they read (and the read audited). */
  needsHealth?: boolean;
};

/** Most forms are open to whoever may work the case. */
export const work = (can: ReturnType<typeof abilities>) => can.work;
