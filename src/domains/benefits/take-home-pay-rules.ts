import { InvalidInput } from '../../platform/errors/index.ts';
import type { PolicyParameter, PolicyValue } from '../../platform/policy/index.ts';
import { at, TAX } from './benefit-parameters.ts';
import { formatPounds } from './universal-credit-money.ts';

/*
 * Take-home pay from a steady monthly gross wage: income tax (England, Wales and Northern Ireland
 * rates) and employee Class 1 National Insurance, each worked out on twelve times the monthly pay
 * with the annual thresholds and divided by twelve, i.e. the annual thresholds divided by 12.
 *
 * This is an approximation for advice, not a payslip: real payroll uses the tax code's cumulative
 * tables and per-period National Insurance thresholds (rounded to whole pounds), so a payslip can
 * differ by a few pence, or by more in a month when pay changes. Scottish income tax is not modelled;
 * pension contributions, student loans and salary sacrifice are not deducted.
 */

export type TakeHomePayReasonCode =
  | 'income-tax.personal-allowance'
  | 'income-tax.personal-allowance-tapered'
  | 'income-tax.bands'
  | 'national-insurance'
  | 'take-home'
  | 'approximation';

export type TakeHomePayReason = { code: TakeHomePayReasonCode; text: string; values: Record<string, number | string> };

export type TakeHomePay = {
  grossMonthly: number;
  incomeTax: number;
  nationalInsurance: number;
  netMonthly: number;
  reasons: TakeHomePayReason[];
  parameters: PolicyValue[];
};

const MAX_GROSS_MONTHLY = 10_000_000;
const toPence = (pounds: number): number => Math.round(pounds * 100);
const toPounds = (pence: number): number => pence / 100;
const basisPoints = (proportion: number): number => Math.round(proportion * 10_000);
/** An annual amount in pence × 10,000 (pence times basis points) to a monthly amount in pence, halves up. */
const monthlyOf = (annualPenceBp: number): number => Math.floor((annualPenceBp + 60_000) / 120_000);
const percent = (bp: number) => `${bp / 100}%`;

/**
 * Monthly income tax, National Insurance and take-home pay for a gross monthly wage on a date, with
 * the reasons and the parameters used.
 *
 * @example takeHomePay({ date: '2025-06-01', grossMonthly: 2000 }).netMonthly // 1733.30
 */
export function takeHomePay(input: { date: string; grossMonthly: number }): TakeHomePay {
  const { date, grossMonthly } = input;
  const firstTaxYear = Object.keys(TAX.personalAllowance.values).sort()[0] ?? '';
  const issues = [
    ...(typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || date < firstTaxYear
      ? [{ path: 'date', message: `Enter a date in the form yyyy-mm-dd, on or after ${firstTaxYear} (the first tax year whose rates are held).` }]
      : []),
    ...(typeof grossMonthly !== 'number' || !Number.isFinite(grossMonthly) || grossMonthly < 0 || grossMonthly > MAX_GROSS_MONTHLY
      ? [{ path: 'grossMonthly', message: `Enter gross pay a month in pounds, from 0 to ${MAX_GROSS_MONTHLY.toLocaleString('en-GB')}.` }]
      : []),
  ];
  if (issues.length > 0) throw new InvalidInput(issues, 'The pay is not valid: see the issues.');

  const used = new Map<string, PolicyValue>();
  const param = (p: PolicyParameter): number => {
    const v = at(p, date);
    if (!used.has(v.name)) used.set(v.name, { ...v });
    return v.value;
  };
  const pence = (p: PolicyParameter) => toPence(param(p));
  const reasons: TakeHomePayReason[] = [];
  const say = (code: TakeHomePayReasonCode, text: string, values: Record<string, number | string> = {}) => {
    reasons.push({ code, text, values });
  };

  const gross = toPence(grossMonthly);
  const annual = gross * 12;

  // Income tax: the personal allowance, less £1 for every £2 of income above the taper threshold.
  const fullAllowance = pence(TAX.personalAllowance);
  const taperFrom = pence(TAX.personalAllowanceTaperThreshold);
  let allowance = fullAllowance;
  if (annual > taperFrom) {
    const reduction = Math.floor((annual - taperFrom) / 200) * 100; // whole pounds, £1 for every £2
    allowance = Math.max(0, fullAllowance - reduction);
    say(
      'income-tax.personal-allowance-tapered',
      `A year's pay of ${formatPounds(annual)} is above ${formatPounds(taperFrom)}, so the personal allowance of ${formatPounds(fullAllowance)} goes down by £1 for every £2 above it, to ${formatPounds(allowance)}.`,
      { annualPay: toPounds(annual), taperThreshold: toPounds(taperFrom), personalAllowance: toPounds(fullAllowance), allowance: toPounds(allowance) },
    );
  } else {
    say('income-tax.personal-allowance', `The personal allowance is ${formatPounds(fullAllowance)} a year: pay up to it is not taxed.`, {
      personalAllowance: toPounds(fullAllowance),
    });
  }
  const taxable = Math.max(0, annual - allowance);
  const band = pence(TAX.basicRateBand);
  const basicBp = basisPoints(param(TAX.basicRate));
  let tax10k = Math.min(taxable, band) * basicBp;
  const bands = [`${percent(basicBp)} of ${formatPounds(Math.min(taxable, band))}`];
  if (taxable > band) {
    const additionalFrom = pence(TAX.additionalRateThreshold);
    const higherBp = basisPoints(param(TAX.higherRate));
    const higher = Math.min(taxable, additionalFrom) - band;
    tax10k += higher * higherBp;
    bands.push(`${percent(higherBp)} of ${formatPounds(higher)}`);
    if (taxable > additionalFrom) {
      const additionalBp = basisPoints(param(TAX.additionalRate));
      tax10k += (taxable - additionalFrom) * additionalBp;
      bands.push(`${percent(additionalBp)} of ${formatPounds(taxable - additionalFrom)}`);
    }
  }
  const incomeTax = monthlyOf(tax10k);
  say(
    'income-tax.bands',
    `Taxable pay of ${formatPounds(taxable)} a year is taxed at ${bands.join(', then ')}: ${formatPounds(Math.round(tax10k / 10_000))} a year, ${formatPounds(incomeTax)} a month.`,
    { taxableAnnual: toPounds(taxable), incomeTaxAnnual: toPounds(Math.round(tax10k / 10_000)), incomeTax: toPounds(incomeTax) },
  );

  // Employee Class 1 National Insurance.
  const primary = pence(TAX.niPrimaryThreshold);
  const upperLimit = pence(TAX.niUpperEarningsLimit);
  let ni10k = 0;
  let niText = `Pay up to ${formatPounds(primary)} a year pays no National Insurance`;
  if (annual > primary) {
    const mainBp = basisPoints(param(TAX.niMainRate));
    const main = Math.min(annual, upperLimit) - primary;
    ni10k += main * mainBp;
    niText = `${percent(mainBp)} of ${formatPounds(main)} between ${formatPounds(primary)} and ${formatPounds(upperLimit)}`;
    if (annual > upperLimit) {
      const upperBp = basisPoints(param(TAX.niUpperRate));
      ni10k += (annual - upperLimit) * upperBp;
      niText += `, then ${percent(upperBp)} of ${formatPounds(annual - upperLimit)} above it`;
    }
  }
  const nationalInsurance = monthlyOf(ni10k);
  say('national-insurance', `National Insurance: ${niText}: ${formatPounds(Math.round(ni10k / 10_000))} a year, ${formatPounds(nationalInsurance)} a month.`, {
    nationalInsuranceAnnual: toPounds(Math.round(ni10k / 10_000)),
    nationalInsurance: toPounds(nationalInsurance),
  });

  const net = gross - incomeTax - nationalInsurance;
  say(
    'take-home',
    `Gross pay of ${formatPounds(gross)} less income tax of ${formatPounds(incomeTax)} and National Insurance of ${formatPounds(nationalInsurance)} leaves ${formatPounds(net)} a month.`,
    { grossMonthly: toPounds(gross), incomeTax: toPounds(incomeTax), nationalInsurance: toPounds(nationalInsurance), netMonthly: toPounds(net) },
  );
  say(
    'approximation',
    'Monthly figures are the tax and National Insurance on twelve times the monthly pay, divided by 12 and rounded to the penny: the annual thresholds divided by 12. Payroll uses tax-code tables and per-period thresholds, so a payslip can differ slightly. Rates for England, Wales and Northern Ireland: Scottish income tax is not modelled, and pension contributions and student loans are not deducted.',
  );

  return {
    grossMonthly: toPounds(gross),
    incomeTax: toPounds(incomeTax),
    nationalInsurance: toPounds(nationalInsurance),
    netMonthly: toPounds(net),
    reasons,
    parameters: [...used.values()],
  };
}

/**
 * Monthly pay from an hourly rate and weekly hours: hourly × hours × 52 / 12, to the nearest penny.
 *
 * @example hoursToMonthly(12.21, 16) // 846.56
 */
export function hoursToMonthly(hourly: number, hoursPerWeek: number): number {
  return Math.round((toPence(hourly) * hoursPerWeek * 52) / 12) / 100;
}
