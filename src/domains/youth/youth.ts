import type { ColumnType } from 'kysely';
import type { Timestamp } from '../../platform/db/index.ts';
import type { Regime, YouthOfferType } from '../participation/index.ts';

/*
 * The youth pathway (issue 18): a young person's triage at first contact, their days-to-offer
 * clock, and the offers made to them. The words are data here; the clock's rules are in youth-rules.ts.
 */

/** What the young person is aiming for; more than one may apply. */
export const AIMS = ['education', 'training', 'apprenticeship', 'work'] as const;
export type Aim = (typeof AIMS)[number];

/** Mental-health support as the young person describes it. */
export const MENTAL_HEALTH = ['in-place', 'needed', 'not-needed', 'not-said'] as const;
export type MentalHealthSupport = (typeof MENTAL_HEALTH)[number];

export const HOUSING = ['settled', 'at-risk', 'homeless', 'not-said'] as const;
export type Housing = (typeof HOUSING)[number];

export const CARING = ['none', 'young-carer', 'parent', 'not-said'] as const;
export type Caring = (typeof CARING)[number];

/** An offer's lifecycle states; the transitions between them are in youth-rules.ts. */
export const OFFER_STATUSES = ['made', 'taken-up', 'declined', 'withdrawn', 'sustained', 'ended'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Why a young person turned an offer down: their reason, recorded to learn from, never held against them. */
export const DECLINE_REASONS = ['not-right-for-me', 'health', 'caring', 'travel', 'pay-or-hours', 'found-something-else', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export type Triage = {
  aims: Aim[];
  mentalHealth: MentalHealthSupport;
  housing: Housing;
  caring: Caring;
  notes: string;
};

export type Pathway = Triage & {
  caseId: string;
  clockStartsOn: string;
  workingDays: number;
  /** Where the working days came from: the local authority's own setting, or platform policy. */
  daysSource: 'tenant' | 'platform policy';
  offerDue: string;
  triagedAt: Date;
  triagedBy: string;
};

export type Offer = {
  id: string;
  caseId: string;
  type: YouthOfferType;
  provider: string;
  details: string;
  offeredOn: string;
  startsOn: string | null;
  status: OfferStatus;
  /** Only ever true on the conditional regime (participation policy): a condition the Jobcentre attached, passed on. */
  conditionRelayed: boolean;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  declineReported: boolean;
  takenUpOn: string | null;
  sustainedOn: string | null;
  endedOn: string | null;
  directoryServiceId: string | null;
  onwardReferralId: string | null;
};

/** A pathway whose clock is overdue, as a team lead sees it. */
export type Breach = { caseId: string; personName: string; teamName: string; specialistName: string | null; offerDue: string; workingDaysOver: number };

type When = ColumnType<Date | null, Date | null | undefined, Date | null>;
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type YouthTables = {
  youth_pathways: {
    tenant_id: string;
    case_id: string;
    aims: string[];
    mental_health: MentalHealthSupport;
    housing: Housing;
    caring: Caring;
    notes: Optional<string>;
    clock_starts_on: string;
    working_days: number;
    days_source: 'tenant' | 'platform policy';
    offer_due: string;
    first_offer_on: Optional<string>;
    reminded_at: When;
    breach_notified_at: When;
    triaged_at: Timestamp;
    triaged_by: string;
    updated_at: Timestamp;
  };
  youth_offers: {
    tenant_id: string;
    id: string;
    case_id: string;
    offer_type: YouthOfferType;
    provider: string;
    details: Optional<string>;
    offered_on: string;
    starts_on: Optional<string>;
    status: OfferStatus;
    condition_relayed: boolean;
    decline_reason: Optional<DeclineReason>;
    decline_note: Optional<string>;
    decline_reported: boolean;
    taken_up_on: Optional<string>;
    sustained_on: Optional<string>;
    ended_on: Optional<string>;
    directory_service_id: Optional<string>;
    onward_referral_id: Optional<string>;
    recorded_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  tenant_settings: { tenant_id: string; youth_days_to_offer: number | null };
};

/** What the service reads about a case's person to decide what an offer may carry. */
export type Standing = { regime: Regime; healthConditionRecorded: boolean };

/**
 * Directory taxonomy terms for education and training (the starter "Skills and learning", or a
 * council's own "Education", "Training", "Apprenticeships"): the youth page opens the onward-referral
 * search on the first that matches.
 */
export const EDUCATION_TERM = /education|training|apprentice|skills|learning/i;
