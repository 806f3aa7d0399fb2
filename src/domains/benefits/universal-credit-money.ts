import type { PolicyParameter, PolicyValue } from '../../platform/policy/index.ts';
import type { ReasonCode } from './universal-credit.ts';

/*
 * The arithmetic and wording the Universal Credit rules share: whole pence, percentages in basis
 * points rounded half up, pounds and dates written for people, and the context one calculation
 * passes to each rule (the date, the parameters used, the reasons said). Pure: no clock, no I/O.
 */

/** Pounds (at most 2 decimal places) to whole pence. */
export const toPence = (pounds: number): number => Math.round(pounds * 100);
/** Whole pence to pounds: a number with at most 2 decimal places. */
export const toPounds = (pence: number): number => pence / 100;
/** A proportion such as 0.55 as whole basis points (5500), so percentages stay in integers. */
export const basisPoints = (proportion: number): number => Math.round(proportion * 10_000);
/** `pence` × `bp` / 10,000, rounded to the nearest penny, halves up. */
export const applyRate = (pence: number, bp: number): number => Math.floor((pence * bp + 5_000) / 10_000);
/** A weekly amount in pence as a monthly one, × 52 ÷ 12, to the nearest penny (52 × pence ÷ 12 never ends in a half). */
export const weeklyToMonthly = (pence: number): number => Math.round((pence * 52) / 12);

/** £1,234.50 */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  const abs = Math.abs(pence);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}£${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export const percent = (bp: number) => `${bp / 100}%`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-04-06 → 6 April 2026 */
export const longDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

/** What one calculation lends each rule: its date, a parameter look-up that records use, and `say`. */
export type UcContext = {
  date: string;
  /** The parameter's value on the date, recorded once in the result's parameters. */
  param: (parameter: PolicyParameter) => number;
  /** The same, as whole pence. */
  penceOf: (parameter: PolicyParameter) => number;
  /** Records a value another calculation used (take-home pay's tax rates), once. */
  use: (value: PolicyValue) => void;
  say: (code: ReasonCode, text: string, values?: Record<string, number | string>) => void;
  /** "The claimant" for one adult, "Adult 2" in a couple. */
  who: (adult: number) => string;
};
