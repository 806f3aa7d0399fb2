import { InvalidTransition } from '../../platform/errors/index.ts';
import type { Day, FlexibleOption } from './matching.ts';
import type { IntroductionStatus, ShareableField, SharedCandidate, VacancyStatus } from './vacancy.ts';

/**
 * Who may move a vacancy where. A draft opens or is dropped; an open vacancy is filled, closed by
 * the employer, or expires when its closing date has passed (the expiry job). Filled, closed and
 * expired are final: a vacancy posted again is a new vacancy. Migration 0017 declares the same table.
 */
export const VACANCY_TRANSITIONS: Readonly<Record<VacancyStatus, readonly VacancyStatus[]>> = {
  draft: ['open', 'closed'],
  open: ['filled', 'closed', 'expired'],
  filled: [],
  closed: [],
  expired: [],
};

/** An introduction: the employer invites to interview, offers or declines; an offer is accepted or declined; the specialist may withdraw before an outcome. */
export const INTRODUCTION_TRANSITIONS: Readonly<Record<IntroductionStatus, readonly IntroductionStatus[]>> = {
  introduced: ['interview', 'offered', 'declined', 'withdrawn'],
  interview: ['offered', 'declined', 'withdrawn'],
  offered: ['accepted', 'declined', 'withdrawn'],
  accepted: [],
  declined: [],
  withdrawn: [],
};

/** The move, or InvalidTransition (409) when the table does not allow it. */
export function moveVacancy(from: VacancyStatus, to: VacancyStatus): VacancyStatus {
  if (!VACANCY_TRANSITIONS[from].includes(to)) throw new InvalidTransition(from, to);
  return to;
}

export function moveIntroduction(from: IntroductionStatus, to: IntroductionStatus): IntroductionStatus {
  if (!INTRODUCTION_TRANSITIONS[from].includes(to)) throw new InvalidTransition(from, to);
  return to;
}

/** Whether an open vacancy has expired on `today`: the closing date is the last day it is open. */
export const hasExpired = (closingDate: string, today: string): boolean => closingDate < today;

/** Whether a vacancy can be matched and introduced to on `today`. */
export const isOpenOn = (status: VacancyStatus, closingDate: string, today: string): boolean => status === 'open' && !hasExpired(closingDate, today);

/** Everything about the person that could be shared; `shareWith` picks from it. */
export type CandidateFacts = {
  name: string;
  email: string | null;
  phone: string | null;
  hoursPerWeek: { min: number; max: number };
  days: readonly Day[];
  flexibility: readonly FlexibleOption[];
  adjustments: readonly string[];
  summary: string;
};

/**
 * What the employer will see: exactly the fields the person agreed to, and nothing else. A field
 * agreed but empty (no phone recorded) is left out rather than shown blank.
 */
export function shareWith(agreed: readonly ShareableField[], facts: CandidateFacts): SharedCandidate {
  const shared: SharedCandidate = {};
  if (agreed.includes('name')) shared.name = facts.name;
  if (agreed.includes('email') && facts.email) shared.email = facts.email;
  if (agreed.includes('phone') && facts.phone) shared.phone = facts.phone;
  if (agreed.includes('availability')) shared.availability = { hoursPerWeek: { ...facts.hoursPerWeek }, days: [...facts.days] };
  if (agreed.includes('flexibility')) shared.flexibility = [...facts.flexibility];
  if (agreed.includes('adjustments')) shared.adjustments = [...facts.adjustments];
  if (agreed.includes('summary') && facts.summary.trim() !== '') shared.summary = facts.summary.trim();
  return shared;
}
