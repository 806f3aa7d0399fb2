import type { PolicyValue } from '../../platform/policy/index.ts';

/**
 * One adult on the claim, as parsed: money in pounds a month, dates ISO yyyy-mm-dd. The fields added
 * when the model was completed are optional here (the parser always fills them) so that a household
 * built in code before them still type-checks; a missing one means no.
 */
export type Adult = {
  age: number;
  /** Limited capability for work: unlocks the work allowance; the LCW element only where `lcwSince` is before 3 April 2017. */
  lcw: boolean;
  /** When the award first included LCW: before 3 April 2017 the LCW element is paid. */
  lcwSince?: string | null;
  /** Limited capability for work and work-related activity. */
  lcwra: boolean;
  /** When the award first included LCWRA: decides, from 6 April 2026, which LCWRA amount applies. */
  lcwraSince: string | null;
  /** Meets the severe conditions criteria or is terminally ill: the protected LCWRA amount. */
  lcwraProtected: boolean;
  netEarningsMonthly: number;
  /** Cares at least 35 hours a week for a severely disabled person: the carer element. */
  carer?: boolean;
  /** Gets a disability benefit that exempts the household from the benefit cap (PIP, DLA, Attendance Allowance and the like). */
  disabilityBenefit?: boolean;
  /** Self-employed: gainful self-employment brings the minimum income floor once the start-up period ends. */
  selfEmployed?: { gainful: boolean; startUpEnds: string | null } | null;
};

export type ChildDisability = 'none' | 'lower' | 'higher';

export type Child = { birthDate: string; disability?: ChildDisability };

/** A household for one assessment period, as parsed from the fixed input shape. */
export type Household = {
  /** The day whose rates apply, as if an assessment period began on it. */
  date: string;
  adults: Adult[];
  children: Child[];
  housing: { eligibleRentMonthly: number; inLondon?: boolean; nonDependants?: number } | null;
  childcareMonthly: number;
  capital: number;
  otherIncomeMonthly: number;
  /** Whether the benefit cap counts Child Benefit for the children listed (it does unless told not to). */
  childBenefit?: boolean;
};

export const REASON_CODES = [
  'standard-allowance.single-under-25',
  'standard-allowance.single-25-plus',
  'standard-allowance.joint-under-25',
  'standard-allowance.joint-25-plus',
  'lcwra.one-rate',
  'lcwra.protected',
  'lcwra.new-claimant',
  'lcwra.couple-higher',
  'lcw.element',
  'lcw.element-not-paid',
  'lcw.carer-instead',
  'lcw.lcwra-instead',
  'lcw.couple-once',
  'carer.element',
  'carer.lcwra-instead',
  'child.higher-rate',
  'child.lower-rate',
  'two-child-limit',
  'child.no-limit',
  'disabled-child.lower',
  'disabled-child.higher',
  'childcare.included',
  'childcare.capped',
  'childcare.not-working',
  'childcare.no-children',
  'housing.included',
  'housing.non-dependants',
  'mif.not-gainful',
  'mif.start-up',
  'mif.exempt',
  'mif.lead-carer-unknown',
  'mif.above-floor',
  'mif.applied',
  'maximum-amount',
  'work-allowance.with-housing',
  'work-allowance.without-housing',
  'work-allowance.none',
  'taper',
  'unearned-income',
  'capital.below-lower-limit',
  'capital.tariff',
  'capital.over-limit',
  'award',
  'award.nil',
  'benefit-cap.exempt-earnings',
  'benefit-cap.exempt-lcwra',
  'benefit-cap.exempt-carer',
  'benefit-cap.exempt-disability-benefit',
  'benefit-cap.within',
  'benefit-cap.applied',
  'rounding',
  'rates.latest-held',
] as const;

/** A stable machine code: what a screen or another language keys its wording on. */
export type ReasonCode = (typeof REASON_CODES)[number];

/** One step of the calculation: its code, an English sentence with the arithmetic, and the figures used. */
export type Reason = { code: ReasonCode; text: string; values: Record<string, number | string> };

/** A policy parameter as used: its value in force on the date, where it came from, and how sure that is. */
export type ParameterUsed = PolicyValue;

/** The result, in pounds with two decimals; JSON-serialisable as it stands. */
export type UcResult = {
  date: string;
  period: 'monthly';
  award: number;
  maximumAmount: number;
  elements: {
    standardAllowance: number;
    lcwra?: number;
    lcw?: number;
    carer?: number;
    child?: number;
    disabledChild?: number;
    childcare?: number;
    housing?: number;
  };
  deductions: {
    /** The taper on net earnings above the work allowance. */
    earnings: number;
    /** Other unearned income, pound for pound. */
    unearnedIncome: number;
    /** Assumed income from capital, pound for pound. */
    capitalTariff: number;
    /** The benefit cap's reduction, listed only when the cap reduces the award. */
    benefitCap?: number;
    total: number;
  };
  /** The work allowance applied; 0 where the household has none. */
  workAllowance: number;
  reasons: Reason[];
  parameters: ParameterUsed[];
};
