import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/index.ts';
import { InvalidTransition } from '../../platform/errors/index.ts';

/** Who referred an employed person at risk of losing their job (issue 18 item 5). */
export const REFERRED_BY = ['gp', 'employer', 'occupational-health', 'self'] as const;
export type ReferredBy = (typeof REFERRED_BY)[number];

/** The fit note's two assessments: the form has no "fit for work" box (docs/domain/in-work-retention.md). */
export const FITNESS = ['not-fit', 'may-be-fit'] as const;
export type Fitness = (typeof FITNESS)[number];
/** The four tick boxes under "may be fit for work taking account of the following advice". */
export const FIT_NOTE_ADVICE = ['phased-return', 'altered-hours', 'amended-duties', 'workplace-adaptations'] as const;
export type FitNoteAdvice = (typeof FIT_NOTE_ADVICE)[number];
/** Where a fit note's data came from. */
export const FIT_NOTE_SOURCES = ['web', 'fhir'] as const;
/** Who may issue a fit note since 1 July 2022. */
export const ISSUER_PROFESSIONS = ['doctor', 'nurse', 'occupational-therapist', 'pharmacist', 'physiotherapist'] as const;

/** A retention case's lifecycle: referred, a plan agreed, a phased return under way, closed with an outcome. */
export const RETENTION_STATUSES = ['referred', 'plan-agreed', 'phased-return', 'closed'] as const;
export type RetentionStatus = (typeof RETENTION_STATUSES)[number];
export const RETENTION_TRANSITIONS: Readonly<Record<RetentionStatus, readonly RetentionStatus[]>> = {
  referred: ['plan-agreed', 'closed'],
  // A plan can be agreed again (changed) before the phased return starts.
  'plan-agreed': ['plan-agreed', 'phased-return', 'closed'],
  'phased-return': ['closed'],
  closed: [],
};

/** Moves a retention case, or refuses (409) a move the lifecycle does not allow. */
export function transition(from: RetentionStatus, to: RetentionStatus): RetentionStatus {
  if (!RETENTION_TRANSITIONS[from].includes(to)) throw new InvalidTransition(from, to);
  return to;
}

/** What became of the person's work (item 7); each is an outcome fact. */
export const RETENTION_OUTCOMES = ['stayed-same-employer', 'moved-job', 'returned-after-absence', 'left-work'] as const;
export type RetentionOutcome = (typeof RETENTION_OUTCOMES)[number];
export const LEFT_REASONS = ['resigned-health', 'resigned-other', 'dismissed', 'ill-health-retirement', 'contract-ended', 'other'] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];
/** Where the person's work stands when the case closes, as the specialist records it. */
export const WORK_STATUSES = ['working', 'off-sick', 'left'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

/** Who does what in a plan. */
export const PLAN_OWNERS = ['person', 'employer', 'specialist', 'clinician'] as const;

export type FitNote = {
  id: string;
  fitness: Fitness;
  advice: FitNoteAdvice[];
  condition: string;
  comments: string;
  from: string;
  /** Null: an indefinite period (allowed only after the early months of a condition). */
  to: string | null;
  followUpNeeded: boolean;
  issuedOn: string;
  issuerProfession: string | null;
  source: (typeof FIT_NOTE_SOURCES)[number];
  recordedAt: Date;
};

export type PlanAction = { owner: (typeof PLAN_OWNERS)[number]; what: string };

export type PhasedWeek = { week: number; startsOn: string; endsOn: string; hours: number; duties: string; reviewOn: string | null };
export type TrackedWeek = PhasedWeek & { doneAt: Date | null; reviewedOn: string | null; reviewNote: string | null };

export type RetentionCase = {
  id: string;
  referralId: string;
  caseId: string | null;
  participantId: string | null;
  personName: string;
  referredBy: ReferredBy;
  employerName: string;
  employerOrganisationId: string | null;
  jobTitle: string;
  hoursPerWeek: number;
  absentNow: boolean;
  absenceSpells: number;
  absenceDays: number;
  employerConsent: { givenOn: string; contactUserId: string | null; contactName: string } | null;
  status: RetentionStatus;
  adjustments: string[];
  actions: PlanAction[];
  employerConversation: { on: string; with: string; summary: string } | null;
  accessToWorkDecisionId: string | null;
  planAgreedOn: string | null;
  planSharedWithEmployer: boolean;
  outcome: RetentionOutcome | null;
  leftReason: LeftReason | null;
  absenceDaysAfter: number | null;
  closedAt: Date | null;
  version: number;
};

export type RetentionTables = {
  retention_cases: {
    tenant_id: string;
    id: string;
    referral_id: string;
    referred_by: ReferredBy;
    employer_name: string;
    employer_organisation_id: string | null;
    job_title: string;
    hours_per_week: string | number;
    absent_now: boolean;
    absence_spells: number;
    absence_days: number;
    employer_consent_on: string | null;
    employer_contact_user_id: string | null;
    employer_contact_name: string | null;
    status: Generated<RetentionStatus>;
    adjustments: Generated<string[]>;
    actions: Generated<PlanAction[] | string>;
    employer_conversation: { on: string; with: string; summary: string } | string | null;
    access_to_work_decision_id: string | null;
    plan_agreed_on: string | null;
    plan_shared_with_employer: Generated<boolean>;
    outcome: RetentionOutcome | null;
    left_reason: LeftReason | null;
    absence_days_after: number | null;
    closed_at: Timestamp | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  retention_fit_notes: {
    tenant_id: string;
    id: string;
    retention_case_id: string;
    fitness: Fitness;
    advice: FitNoteAdvice[];
    condition: string;
    comments: string;
    valid_from: string;
    valid_to: string | null;
    follow_up_needed: boolean;
    issued_on: string;
    issuer_profession: string | null;
    source: (typeof FIT_NOTE_SOURCES)[number];
    recorded_at: Timestamp;
  };
  retention_weeks: {
    tenant_id: string;
    retention_case_id: string;
    week: number;
    starts_on: string;
    ends_on: string;
    hours: string | number;
    duties: string;
    review_on: string | null;
    done_at: Timestamp | null;
    reviewed_on: string | null;
    review_note: string | null;
    missed_flagged_at: Timestamp | null;
  };
};
