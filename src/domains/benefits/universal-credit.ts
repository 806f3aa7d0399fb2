import type { PolicyValue } from '../../platform/policy/index.ts';

/** One adult on the claim, as parsed: money in pounds a month, dates ISO yyyy-mm-dd. */
export type Adult = {
  age: number;
  /** Limited capability for work: unlocks the work allowance (the LCW element itself is not paid). */
  lcw: boolean;
  /** Limited capability for work and work-related activity. */
  lcwra: boolean;
  /** When the award first included LCWRA: decides, from 6 April 2026, which LCWRA amount applies. */
  lcwraSince: string | null;
  /** Meets the severe conditions criteria or is terminally ill: the protected LCWRA amount. */
  lcwraProtected: boolean;
  netEarningsMonthly: number;
};

export type Child = { birthDate: string };

/** A household for one assessment period, as parsed from the fixed input shape. */
export type Household = {
  /** The day whose rates apply, as if an assessment period began on it. */
  date: string;
  adults: Adult[];
  children: Child[];
  housing: { eligibleRentMonthly: number } | null;
  childcareMonthly: number;
  capital: number;
  otherIncomeMonthly: number;
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
  'lcw.element-not-paid',
  'child.higher-rate',
  'child.lower-rate',
  'two-child-limit',
  'child.no-limit',
  'childcare.included',
  'childcare.capped',
  'childcare.not-working',
  'childcare.no-children',
  'housing.included',
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
    child?: number;
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
    total: number;
  };
  /** The work allowance applied; 0 where the household has none. */
  workAllowance: number;
  reasons: Reason[];
  parameters: ParameterUsed[];
};
