import type { CaseForm } from './case-form.ts';
import { CASE_GOVERNANCE_FORMS } from './case-governance-forms.ts';
import { CASE_WORK_FORMS } from './case-work-forms.ts';

/** Every form about a case. Each posts to the case service, which decides; the page only offers what the reader may do. */
export const CASE_FORMS: readonly CaseForm[] = [...CASE_WORK_FORMS, ...CASE_GOVERNANCE_FORMS];

export const DONE_KEYS: ReadonlySet<string> = new Set(CASE_FORMS.map((f) => f.done));
