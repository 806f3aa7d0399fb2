import type { Json, Timestamp } from '../../platform/db/index.ts';
import { InvalidTransition } from '../../platform/errors/index.ts';
import type { PolicyValue } from '../../platform/policy/index.ts';

/*
 * Access to Work: DWP's grant towards the extra costs of working with a disability or health
 * condition. This file holds its words as data: the nations, work statuses and need categories of
 * an assessment, the reasons an answer gives, and the shape of the answer.
 */

export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export type AtwNation = (typeof NATIONS)[number];

/** `seeking` qualifies only for Bridgework's decision in principle; `voluntary` never qualifies. */
export const WORK_STATUSES = ['seeking', 'job-offer', 'employed', 'self-employed', 'voluntary'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const NEED_CATEGORIES = ['equipment', 'adaptation', 'support-worker', 'travel', 'interview-communication', 'mental-health-support'] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];
/** The categories whose cost an employer may share (special aids and equipment, adaptations). */
export const COST_SHARED: readonly NeedCategory[] = ['equipment', 'adaptation'];

export type Need =
  | { category: 'equipment'; cost: number }
  | { category: 'adaptation'; cost: number }
  | { category: 'support-worker'; hoursPerWeek: number; hourlyRate: number }
  | { category: 'travel'; weeklyCost: number; normalWeeklyCommuteCost: number }
  | { category: 'interview-communication'; hours: number; hourlyRate: number }
  | { category: 'mental-health-support' };

export type AssessmentInput = {
  date: string;
  person: {
    age: number;
    nation: AtwNation;
    conditionExpectedMonths: number;
    work: {
      status: WorkStatus;
      hoursPerWeek?: number | undefined;
      claimsUniversalCredit?: boolean | undefined;
      /** The employer's headcount. */
      employerSize?: number | undefined;
      /** Weeks from the job's start to the application: negative before the job starts. */
      weeksInJob?: number | undefined;
    };
  };
  needs: Need[];
};

export const REASON_CODES = [
  'age.met',
  'age.under',
  'condition.met',
  'condition.short',
  'nation.great-britain',
  'nation.northern-ireland',
  'work.employed',
  'work.self-employed',
  'work.job-offer',
  'work.seeking',
  'work.voluntary',
  'uc.hours-met',
  'uc.hours-too-few',
  'uc.hours-of-job',
  'timing.can-apply',
  'timing.too-early',
  'need.equipment',
  'need.adaptation',
  'need.support-worker',
  'need.travel',
  'need.interview-communication',
  'need.mental-health-support',
  'share.none-to-share',
  'share.before-start',
  'share.first-six-weeks',
  'share.self-employed',
  'share.small',
  'share.medium',
  'share.large',
  'cap.within',
  'cap.applied',
  'cap.not-held',
  'cap.uncapped-before-start',
  'cap.latest-held',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
/** One step of the answer: a code a page can translate, the sentence in English, and its figures. */
export type Reason = { code: ReasonCode; text: string; values: Record<string, number | string> };

export type ParameterUsed = PolicyValue;

export type CategoryEstimate = {
  category: NeedCategory;
  /** The yearly cost in pounds (a one-off cost counts in the year it is bought). */
  annualCost: number;
  /** Whether an employer may share this category's cost. */
  costShared: boolean;
};

export type Estimate = {
  annualTotal: number;
  employerContribution: number;
  accessToWorkContribution: number;
  capApplied: boolean;
  /** The yearly cap in pounds used, or null when none applies or none is held for the date. */
  cap: number | null;
  categories: CategoryEstimate[];
};

export type Assessment = {
  date: string;
  eligible: boolean;
  /** Whether the real application can go in now; a person seeking work gets a decision in principle only. */
  canApplyNow: boolean;
  reasons: Reason[];
  /** The rules not met, each with its reason (also in `reasons`): empty when eligible. */
  notEligibleBecause: Reason[];
  estimate: Estimate;
  parameters: ParameterUsed[];
};

/*
 * The adjustments passport (DWP piloted an "Access to Work Adjustments Passport" from December 2021:
 * a record of the adjustments a person needs, so they need not explain their condition again at
 * each new job). Bridgework keeps the adjustments as slugs, so that job matching can compare them
 * with what a vacancy offers, and never the condition itself. The list is the employers
 * capability's vocabulary plus the Access to Work categories; others may be added as slugs.
 */
export const ADJUSTMENTS = [
  'quiet-space',
  'flexible-breaks',
  'assistive-technology',
  'adapted-equipment',
  'step-free-access',
  'written-instructions',
  'support-worker',
  'remote-meetings',
  'parking-near-entrance',
  'home-working',
  'flexible-hours',
  'travel-support',
  'communication-support',
  'mental-health-support',
] as const;
export type Adjustment = (typeof ADJUSTMENTS)[number];

/** The passport as its holder and their specialist see it. */
export type Passport = {
  participantId: string;
  adjustments: Adjustment[];
  /** In the person's own words: what helps them. Shown to an employer only when they share. */
  inTheirWords: string;
  shared: boolean;
  sharedAt: Date | null;
  updatedAt: Date;
  version: number;
};

/** What another capability (job matching) may read: the adjustments of a passport its holder chose to share. */
export type SharedAdjustments = { participantId: string; adjustments: readonly Adjustment[] };

/*
 * The decision in principle: Bridgework's own statement (platform policy, not a DWP decision) that
 * a person is likely to be eligible and roughly how much Access to Work would pay, before a job
 * offer. Its lifecycle is a table of states and allowed transitions.
 */
export const DECISION_STATUSES = ['draft', 'issued', 'converted', 'expired', 'withdrawn'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Drafts are issued or withdrawn; an issued decision is converted on a job offer, expires when its validity ends, or is withdrawn. The ends are final. */
export const DECISION_TRANSITIONS: Readonly<Record<DecisionStatus, readonly DecisionStatus[]>> = {
  draft: ['issued', 'withdrawn'],
  issued: ['converted', 'expired', 'withdrawn'],
  converted: [],
  expired: [],
  withdrawn: [],
};

export const DWP_OUTCOMES = ['awarded', 'partly-awarded', 'refused', 'withdrawn-by-person'] as const;
export type DwpOutcome = (typeof DWP_OUTCOMES)[number];

/** A category as the decision states it: an indicative yearly range, never the need's details. */
export type DecisionCategory = { category: NeedCategory; low: number; high: number };

export type Decision = {
  id: string;
  caseId: string;
  participantId: string;
  status: DecisionStatus;
  assessedOn: string;
  input: AssessmentInput;
  assessment: Assessment;
  categories: DecisionCategory[];
  accessToWorkAnnual: number;
  needsCountersign: boolean;
  countersignedAt: Date | null;
  countersignedBy: string | null;
  issuedAt: Date | null;
  issuedBy: string | null;
  validFrom: string | null;
  validUntil: string | null;
  verificationCode: string | null;
  convertedAt: Date | null;
  job: { id: string | null; employer: string; role: string; startDate: string; hoursPerWeek: number } | null;
  applicationSubmittedOn: string | null;
  dwpDecidedOn: string | null;
  dwpOutcome: DwpOutcome | null;
  expiredAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  createdAt: Date;
  createdBy: string;
  version: number;
};

/** The status a decision moves to, or InvalidTransition (409) when the table does not allow it. */
export function transition(from: DecisionStatus, to: DecisionStatus): DecisionStatus {
  if (!DECISION_TRANSITIONS[from].includes(to)) throw new InvalidTransition(from, to);
  return to;
}

export type AccessToWorkTables = {
  access_to_work_settings: { tenant_id: string; countersign_above: string | number; updated_at: Timestamp; updated_by: string };
  access_to_work_passports: {
    tenant_id: string;
    participant_id: string;
    adjustments: string[];
    in_their_words: string;
    shared: boolean;
    shared_at: Timestamp | null;
    updated_at: Timestamp;
    updated_by: string;
    version: number;
  };
  access_to_work_decisions: {
    tenant_id: string;
    id: string;
    case_id: string;
    participant_id: string;
    status: DecisionStatus;
    assessed_on: string;
    input: Json;
    assessment: Json;
    categories: Json;
    access_to_work_annual: string | number;
    needs_countersign: boolean;
    countersigned_at: Timestamp | null;
    countersigned_by_id: string | null;
    countersigned_by_name: string | null;
    issued_at: Timestamp | null;
    issued_by_id: string | null;
    issued_by_name: string | null;
    valid_from: string | null;
    valid_until: string | null;
    code_hash: string | null;
    verification_code: string | null;
    converted_at: Timestamp | null;
    job_id: string | null;
    job_employer: string | null;
    job_role: string | null;
    job_start_date: string | null;
    job_hours_per_week: string | number | null;
    application_submitted_on: string | null;
    dwp_decided_on: string | null;
    dwp_outcome: DwpOutcome | null;
    expired_at: Timestamp | null;
    withdrawn_at: Timestamp | null;
    withdrawn_reason: string | null;
    created_at: Timestamp;
    created_by_id: string;
    created_by_name: string;
    updated_at: Timestamp;
    version: number;
  };
};
