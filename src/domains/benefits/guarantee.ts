import type { Timestamp } from '../../platform/db/index.ts';
import { InvalidTransition } from '../../platform/errors/index.ts';

/**
 * The bridge-back guarantee: a person with a health-related benefit who starts a job is promised
 * that, if the job ends within the protected period, they go back to that benefit without a new
 * work capability assessment. This file holds its words as data: the awards it protects, the
 * evidence seen, the rules that protect, and its lifecycle as a state table.
 */

/** The prior award as evidenced: Universal Credit with an LCW or LCWRA decision, or ESA. */
export const AWARD_BENEFITS = ['uc-lcw', 'uc-lcwra', 'esa-new-style', 'esa-income-related'] as const;
export type AwardBenefit = (typeof AWARD_BENEFITS)[number];
/** The health-related benefits a guarantee protects (today, every award Bridgework records). */
export const HEALTH_BENEFITS: readonly AwardBenefit[] = AWARD_BENEFITS;
export const ESA_GROUPS = ['wrag', 'support-group'] as const;
export type EsaGroup = (typeof ESA_GROUPS)[number];
/** What the specialist saw that shows the award. */
export const EVIDENCE_KINDS = ['award-letter', 'uc-journal', 'esa-decision-letter', 'wca-decision', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const isEsa = (benefit: AwardBenefit): boolean => benefit === 'esa-new-style' || benefit === 'esa-income-related';

/**
 * The rules a guarantee can name. `uc-reclaim` and `esa-linking` are law and `platform-protected-period`
 * is Bridgework's promise. `esa-work-or-training` (the ESA 2008 "work or training beneficiary" term) was
 * revoked from 1 May 2012 (SI 2012/919): no rule applies it, and it stays here only so that a guarantee
 * stored before migration 0008 re-stated it can still be read.
 */
export const RULE_CODES = ['uc-reclaim', 'esa-linking', 'esa-work-or-training', 'platform-protected-period'] as const;
export type RuleCode = (typeof RULE_CODES)[number];
/** Rules that are no longer law: never applied, never shown as protecting anyone. */
export const REVOKED_RULES: readonly RuleCode[] = ['esa-work-or-training'];
export const isRevoked = (rule: RuleCode): boolean => REVOKED_RULES.includes(rule);

export const GUARANTEE_STATUSES = ['active', 'used', 'expired', 'withdrawn'] as const;
export type GuaranteeStatus = (typeof GUARANTEE_STATUSES)[number];
export const WITHDRAW_REASONS = ['recorded-in-error', 'person-asked'] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number];

/**
 * A guarantee's lifecycle. It starts active; it is used when the job ends inside the protected
 * period, expires when the period passes, and can be withdrawn (recorded in error, or the person
 * asked). The three ends are final. Anything else is refused as a 409.
 */
export const GUARANTEE_TRANSITIONS: Readonly<Record<GuaranteeStatus, readonly GuaranteeStatus[]>> = {
  active: ['used', 'expired', 'withdrawn'],
  used: [],
  expired: [],
  withdrawn: [],
};

/** The status a guarantee moves to, or InvalidTransition (409) when the table does not allow it. */
export function transition(from: GuaranteeStatus, to: GuaranteeStatus): GuaranteeStatus {
  if (!GUARANTEE_TRANSITIONS[from].includes(to)) throw new InvalidTransition(from, to);
  return to;
}

/** A policy parameter as a rule used it: enough to explain the figure and where it came from. */
export type RuleParameter = { name: string; value: number; unit: string; effectiveFrom: string; confidence: string; source: string };

/** One rule that protects the return to benefit, to the day it ends (inclusive). */
export type AppliedRule = { rule: RuleCode; until: string; statutory: boolean; parameters: RuleParameter[] };
/** A rule looked at and found not to apply, with why. */
export type RuleNotApplied = { rule: RuleCode; reason: string; parameters: RuleParameter[] };

export type Award = {
  id: string;
  caseId: string;
  benefit: AwardBenefit;
  esaGroup: EsaGroup | null;
  decisionDate: string;
  evidence: EvidenceKind[];
  evidenceNote: string;
  recordedAt: Date;
  recordedBy: string;
};

export type Guarantee = {
  id: string;
  caseId: string;
  jobId: string;
  awardId: string;
  status: GuaranteeStatus;
  startsOn: string;
  protectedUntil: string;
  protectingRule: RuleCode;
  rules: { applied: AppliedRule[]; notApplied: RuleNotApplied[] };
  job: { employer: string; role: string; startDate: string };
  award: { benefit: AwardBenefit; esaGroup: EsaGroup | null; decisionDate: string };
  verificationCode: string;
  remindedAt: Date | null;
  usedAt: Date | null;
  jobEndedOn: string | null;
  withdrawnAt: Date | null;
  withdrawnReason: WithdrawReason | null;
  withdrawnNote: string | null;
  /** When the guarantee was re-stated because a rule it relied on is not law, and the last day it said before. */
  restatedAt: Date | null;
  restatedFrom: string | null;
  createdAt: Date;
  version: number;
};

export type GuaranteeTables = {
  benefit_awards: {
    tenant_id: string;
    id: string;
    case_id: string;
    benefit: AwardBenefit;
    esa_group: EsaGroup | null;
    decision_date: string;
    evidence: EvidenceKind[];
    evidence_note: string;
    recorded_at: Timestamp;
    recorded_by_kind: string;
    recorded_by_id: string;
    recorded_by_name: string;
  };
  bridge_back_guarantees: {
    tenant_id: string;
    id: string;
    case_id: string;
    job_id: string;
    award_id: string;
    status: GuaranteeStatus;
    starts_on: string;
    protected_until: string;
    protecting_rule: RuleCode;
    rules: import('../../platform/db/index.ts').Json;
    job_employer: string;
    job_role: string;
    code_hash: string;
    verification_code: string;
    reminded_at: Timestamp | null;
    used_at: Timestamp | null;
    job_ended_on: string | null;
    withdrawn_at: Timestamp | null;
    withdrawn_reason: WithdrawReason | null;
    withdrawn_note: string | null;
    restated_at: Timestamp | null;
    restated_from: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: number;
  };
};
