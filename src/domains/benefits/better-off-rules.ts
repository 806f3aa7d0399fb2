import { InvalidInput } from '../../platform/errors/index.ts';
import type { PolicyParameter } from '../../platform/policy/index.ts';
import { at, OTHER, UC } from './benefit-parameters.ts';
import { type CouncilTaxScheme, type CouncilTaxSupport, councilTaxSupport } from './council-tax-support-rules.ts';
import { hoursToMonthly, type TakeHomePay, type TakeHomePayReason, takeHomePay } from './take-home-pay-rules.ts';
import type { Household, ParameterUsed, Reason, UcResult } from './universal-credit.ts';
import { formatPounds, universalCredit } from './universal-credit-rules.ts';

/*
 * Better off in work: for one person's hourly pay, their take-home pay, Universal Credit and total
 * money a month at 0 to 40 hours a week, against the same household out of work. Pure: no clock, no
 * I/O; every figure comes from takeHomePay and universalCredit, combined in whole pence.
 *
 *   gross   = hourly pay × hours × 52 / 12                    (hoursToMonthly)
 *   net     = gross − income tax − National Insurance         (takeHomePay)
 *   UC      = universalCredit(household with adult 1 earning net)
 *   CTS     = councilTaxSupport(the same household and UC, the tenant's scheme, the yearly bill)
 *   total   = net + UC + CTS + other income + a partner's take-home pay
 *   gain    = total − total at 0 hours
 *
 * Beside them, for a person on ESA rather than UC, whether the proposed hours and pay would be ESA
 * permitted work (esaPermittedWork): it changes no UC figure.
 */

export type BetterOffRow = {
  hours: number;
  grossMonthly: number;
  incomeTax: number;
  nationalInsurance: number;
  netMonthly: number;
  universalCredit: number;
  /** Council Tax Support a month: 0 where the figures leave it out (no scheme, or no bill given). */
  councilTaxSupport: number;
  /** Unearned income the household has whatever the hours (it also lowers UC pound for pound). */
  otherIncomeMonthly: number;
  /** A partner's take-home pay, as given: the same at every row. */
  partnerEarningsMonthly: number;
  totalMonthly: number;
  /** Total less the total with no work (negative when worse off). */
  gainOverNoWork: number;
  /** The hours the person is thinking of. */
  proposed: boolean;
};

/**
 * ESA permitted work (ESA Regs 2008 reg 45), for a person on Employment and Support Allowance
 * rather than Universal Credit: work of under 16 hours a week earning up to the higher limit, or
 * any hours earning up to the lower limit, keeps ESA. `check` says which, or why not:
 * `within` (under 16 hours, at or below the higher limit), `within-lower-limit` (16 hours or more,
 * at or below the lower limit), or over on hours, earnings or both. Supported permitted work (any
 * hours up to the higher limit, when supervised) depends on who supervises it, so it is not decided.
 */
export type EsaPermittedWorkCheck = 'within' | 'within-lower-limit' | 'over-hours' | 'over-earnings' | 'over-hours-and-earnings';
export type EsaPermittedWork = {
  /** Work must be under this many hours a week for the higher limit. */
  hoursUnder: number;
  /** GBP a week: under 16 hours, and supported permitted work. */
  higherLimit: ParameterUsed;
  /** GBP a week: any hours. */
  lowerLimit: ParameterUsed;
  /** The proposed hours as permitted work; null without proposed hours, or at 0 hours. */
  atProposed: { hours: number; weeklyEarnings: number; within: boolean; check: EsaPermittedWorkCheck } | null;
};

export type BetterOffWarningCode = 'below-national-living-wage';
export type BetterOffWarning = { code: BetterOffWarningCode; text: string; values: Record<string, number | string> };

export type BetterOffInput = {
  /** The day whose rates apply (yyyy-mm-dd); it replaces the household's own date. */
  date: string;
  /** The household as it is without the person's work: adult 1 is the person, whose earnings are set here. */
  household: Household;
  hourlyPay: number;
  /** The hours a week the person is thinking of: a row of its own if not already one. */
  hours?: number;
  /** Hours between rows, 5 unless given. */
  step?: number;
  /** The council's Council Tax Support scheme and the household's yearly bill; left out when not given. */
  councilTax?: { scheme: CouncilTaxScheme; annual: number | null };
};

export type BetterOff = {
  date: string;
  hourlyPay: number;
  hours: number | null;
  rows: BetterOffRow[];
  /** The 0-hour row: what the household has without the person's work. */
  outOfWork: BetterOffRow;
  /** The row at the proposed hours, if hours were given. */
  inWork: BetterOffRow | null;
  /** Universal Credit, and take-home pay, at the proposed hours (or with no work when none were given). */
  uc: UcResult;
  pay: TakeHomePay;
  ucOutOfWork: UcResult;
  /**
   * Council Tax Support under the council's scheme, at the proposed hours (or with no work) and with
   * no work. `status` says whether it is in the figures or why it is left out.
   */
  councilTaxSupport: {
    scheme: CouncilTaxScheme;
    annual: number | null;
    status: CouncilTaxSupport['status'];
    inWork: CouncilTaxSupport;
    outOfWork: CouncilTaxSupport;
  };
  /** What Universal Credit keeps paying in work, at the proposed hours. */
  stays: {
    lcwra: number | null;
    child: number | null;
    housing: number | null;
    childcare: number | null;
    workAllowance: number;
    taperRate: number;
  };
  /**
   * Childcare costs a month as given. They are not taken off the totals (the brief's totals are
   * money coming in); a page can say what is left after them.
   */
  childcareCostsMonthly: number;
  warnings: BetterOffWarning[];
  /** Take-home pay's reasons, then Universal Credit's, at the proposed hours. */
  reasons: (TakeHomePayReason | Reason)[];
  /** Every parameter used, once: pay, Universal Credit (in and out of work), the National Living Wage, the Access to Work cap and the ESA permitted work limits. */
  parameters: ParameterUsed[];
  nationalLivingWage: ParameterUsed;
  /** The most Access to Work awards a person in a year, or null where no figure is held for the date. */
  accessToWorkCap: ParameterUsed | null;
  /** ESA permitted work at the proposed hours and pay, or null where no limits are held for the date. */
  esa: EsaPermittedWork | null;
};

export const MAX_HOURS = 40;
/** ESA Regs 2008 reg 45(2): permitted work up to the higher limit is work of less than 16 hours a week. */
export const ESA_PERMITTED_WORK_HOURS = 16;
const MAX_PROPOSED_HOURS = 168;
const MAX_HOURLY_PAY = 10_000;
const toPence = (pounds: number): number => Math.round(pounds * 100);
const toPounds = (pence: number): number => pence / 100;

/** The parameter in force on `date`, or null when the date is before its first value. */
function heldAt(parameter: PolicyParameter, date: string): ParameterUsed | null {
  const first = Object.keys(parameter.values).sort()[0];
  return first !== undefined && first <= date ? { ...at(parameter, date) } : null;
}

/** 0, step, 2 × step … up to 40, and 40 itself; with the proposed hours, in order, once each. */
export function hoursRows(step: number, proposed: number | null): number[] {
  const set = new Set<number>();
  for (let h = 0; h <= MAX_HOURS; h += step) set.add(Math.round(h * 100) / 100);
  set.add(MAX_HOURS);
  if (proposed !== null) set.add(proposed);
  return [...set].sort((a, b) => a - b);
}

/**
 * ESA permitted work on `date` for work at `hourlyPay` for `hours` a week. Weekly earnings are
 * hourly pay × hours, to the penny (half a penny up), before tax: they are within permitted work
 * when under 16 hours and at or below the higher limit, or at or below the lower limit at any hours.
 * Pay before tax is used: up to the personal allowance and National Insurance threshold (about
 * £241 a week) nothing is taken off, so reading a limit before or after tax gives the same answer.
 * Null when either limit has no value held for the date.
 *
 * @example esaPermittedWork('2026-11-23', 12.71, 15)?.atProposed // { hours: 15, weeklyEarnings: 190.65, within: true, check: 'within' }
 */
export function esaPermittedWork(date: string, hourlyPay: number, hours: number | null): EsaPermittedWork | null {
  const higherLimit = heldAt(OTHER.esaPermittedWorkHigherLimit, date);
  const lowerLimit = heldAt(OTHER.esaPermittedWorkLowerLimit, date);
  if (!higherLimit || !lowerLimit) return null;
  let atProposed: EsaPermittedWork['atProposed'] = null;
  if (hours !== null && hours > 0) {
    const weekly = Math.round(toPence(hourlyPay) * hours);
    const underHours = hours < ESA_PERMITTED_WORK_HOURS;
    const withinHigher = weekly <= toPence(higherLimit.value);
    const check: EsaPermittedWorkCheck =
      underHours && withinHigher
        ? 'within'
        : weekly <= toPence(lowerLimit.value)
          ? 'within-lower-limit'
          : !underHours && !withinHigher
            ? 'over-hours-and-earnings'
            : underHours
              ? 'over-earnings'
              : 'over-hours';
    atProposed = { hours, weeklyEarnings: toPounds(weekly), within: check === 'within' || check === 'within-lower-limit', check };
  }
  return { hoursUnder: ESA_PERMITTED_WORK_HOURS, higherLimit, lowerLimit, atProposed };
}

/**
 * The better-off figures for a household and an hourly wage: one row per number of hours, the
 * out-of-work and in-work rows, what stays, and the reasons and parameters that explain them.
 * Throws InvalidInput for pay, hours or a step that are not sensible numbers; the household must
 * already be parsed (parseHousehold).
 *
 * @example betterOff({ date: '2026-11-23', household, hourlyPay: 12.71, hours: 16 }).inWork?.gainOverNoWork
 */
export function betterOff(input: BetterOffInput): BetterOff {
  const { date, hourlyPay } = input;
  const hours = input.hours ?? null;
  const step = input.step ?? 5;
  const issues = [
    ...(typeof hourlyPay !== 'number' || !Number.isFinite(hourlyPay) || hourlyPay < 0 || hourlyPay > MAX_HOURLY_PAY
      ? [{ path: 'hourlyPay', message: `Enter the hourly pay in pounds, from 0 to ${MAX_HOURLY_PAY}.` }]
      : []),
    ...(hours !== null && (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > MAX_PROPOSED_HOURS)
      ? [{ path: 'hours', message: `Enter the hours a week from 0 to ${MAX_PROPOSED_HOURS}.` }]
      : []),
    ...(typeof step !== 'number' || !Number.isFinite(step) || step < 1 || step > MAX_HOURS
      ? [{ path: 'step', message: `Enter a step from 1 to ${MAX_HOURS} hours.` }]
      : []),
    ...(input.household.adults.length === 0 ? [{ path: 'household.adults', message: 'Enter the person as the first adult.' }] : []),
  ];
  if (issues.length > 0) throw new InvalidInput(issues, 'The better-off figures cannot be worked out: see the issues.');

  const [person, ...others] = input.household.adults as [Household['adults'][number], ...Household['adults']];
  const base: Household = { ...input.household, date };
  const otherIncome = toPence(base.otherIncomeMonthly);
  const partnerEarnings = others.reduce((sum, a) => sum + toPence(a.netEarningsMonthly), 0);

  const councilTax = input.councilTax ?? { scheme: { kind: 'none' } as const, annual: null };
  const figuresAt = (h: number) => {
    const pay = takeHomePay({ date, grossMonthly: hoursToMonthly(hourlyPay, h) });
    const household = { ...base, adults: [{ ...person, netEarningsMonthly: pay.netMonthly }, ...others] };
    const uc = universalCredit(household);
    const cts = councilTaxSupport({ date, scheme: councilTax.scheme, annualCouncilTax: councilTax.annual, household, uc });
    return { pay, uc, cts };
  };

  const computed = hoursRows(step, hours).map((h) => ({ h, ...figuresAt(h) }));
  const zero = computed.find((c) => c.h === 0) ?? { h: 0, ...figuresAt(0) };
  const totalOf = (c: { pay: TakeHomePay; uc: UcResult; cts: CouncilTaxSupport }) =>
    toPence(c.pay.netMonthly) + toPence(c.uc.award) + toPence(c.cts.monthly) + otherIncome + partnerEarnings;
  const outOfWorkTotal = totalOf(zero);
  const rows: BetterOffRow[] = computed.map((c) => {
    const total = totalOf(c);
    return {
      hours: c.h,
      grossMonthly: c.pay.grossMonthly,
      incomeTax: c.pay.incomeTax,
      nationalInsurance: c.pay.nationalInsurance,
      netMonthly: c.pay.netMonthly,
      universalCredit: c.uc.award,
      councilTaxSupport: c.cts.monthly,
      otherIncomeMonthly: toPounds(otherIncome),
      partnerEarningsMonthly: toPounds(partnerEarnings),
      totalMonthly: toPounds(total),
      gainOverNoWork: toPounds(total - outOfWorkTotal),
      proposed: hours !== null && c.h === hours,
    };
  });
  const outOfWork = rows.find((r) => r.hours === 0) as BetterOffRow;
  const inWork = hours === null ? null : (rows.find((r) => r.hours === hours) ?? null);
  const chosen = (hours === null ? zero : computed.find((c) => c.h === hours)) ?? zero;

  const nationalLivingWage = { ...at(OTHER.nationalLivingWage, date) };
  const warnings: BetterOffWarning[] = [];
  if (person.age >= 21 && toPence(hourlyPay) < toPence(nationalLivingWage.value)) {
    warnings.push({
      code: 'below-national-living-wage',
      text: `${formatPounds(toPence(hourlyPay))} an hour is below the National Living Wage of ${formatPounds(toPence(nationalLivingWage.value))} an hour, the legal minimum for workers aged 21 and over. The figures are worked out at the pay given.`,
      values: { hourlyPay, nationalLivingWage: nationalLivingWage.value, age: person.age },
    });
  }
  const accessToWorkCap = heldAt(OTHER.accessToWorkAnnualCap, date);
  const esa = esaPermittedWork(date, hourlyPay, hours);
  const taperRate = { ...at(UC.taperRate, date) };

  const parameters = new Map<string, ParameterUsed>();
  for (const p of [
    ...chosen.pay.parameters,
    ...chosen.uc.parameters,
    ...zero.uc.parameters,
    taperRate,
    ...chosen.cts.parameters,
    ...zero.cts.parameters,
    nationalLivingWage,
    ...(accessToWorkCap ? [accessToWorkCap] : []),
    ...(esa ? [esa.higherLimit, esa.lowerLimit] : []),
  ]) {
    if (!parameters.has(p.name)) parameters.set(p.name, p);
  }

  const e = chosen.uc.elements;
  return {
    date,
    hourlyPay,
    hours,
    rows,
    outOfWork,
    inWork,
    uc: chosen.uc,
    pay: chosen.pay,
    ucOutOfWork: zero.uc,
    councilTaxSupport: { scheme: councilTax.scheme, annual: councilTax.annual, status: chosen.cts.status, inWork: chosen.cts, outOfWork: zero.cts },
    stays: {
      lcwra: e.lcwra ?? null,
      child: e.child ?? null,
      housing: e.housing ?? null,
      childcare: e.childcare ?? null,
      workAllowance: chosen.uc.workAllowance,
      taperRate: taperRate.value,
    },
    childcareCostsMonthly: base.childcareMonthly,
    warnings,
    reasons: [...chosen.pay.reasons, ...chosen.uc.reasons],
    parameters: [...parameters.values()],
    nationalLivingWage,
    accessToWorkCap,
    esa,
  };
}
