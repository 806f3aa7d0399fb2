import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { policyValues } from '../../../test/support/policy-values.ts';
import { InvalidInput } from '../../platform/errors/index.ts';
import { OTHER } from './benefit-parameters.ts';
import { type BetterOffInput, type BetterOffRow, betterOff, esaPermittedWork, hoursRows } from './better-off-rules.ts';
import { parseHousehold } from './universal-credit-rules.ts';
import type { HouseholdInput } from './universal-credit-schemas.ts';

/*
 * 2026/27 rates (the date 23 November 2026): standard allowance single 25+ £424.90, joint 25+
 * £666.97; LCWRA £429.80 (pre-2026 claimant), £217.26 (new claimant); child element £351.88 (eldest
 * born before 6 April 2017), £303.94 (others); work allowance £710 (no housing), £427 (with
 * housing); taper 55%; childcare 85% up to £1,071.09 for one child. Tax and NI: personal allowance
 * and primary threshold £12,570 a year, basic rate 20%, NI main rate 8%; monthly = yearly ÷ 12.
 * Gross a month = hourly × hours × 52 ÷ 12, to the penny.
 */
const DATE = '2026-11-23';
const household = (h: Omit<HouseholdInput, 'date'>) => parseHousehold({ date: DATE, ...h });
const row = (rows: BetterOffRow[], hours: number) => rows.find((r) => r.hours === hours);

describe('better off in work', () => {
  test('single, LCWRA since 2023 (protected amount), £12.71 an hour, 16 hours', () => {
    const result = betterOff({
      date: DATE,
      household: household({ adults: [{ age: 40, lcwra: true, lcwraSince: '2023-05-01' }] }),
      hourlyPay: 12.71,
      hours: 16,
    });
    // Rows every 5 hours, with the 16 hours put in order.
    expect(result.rows.map((r) => r.hours)).toEqual([0, 5, 10, 15, 16, 20, 25, 30, 35, 40]);

    // Out of work: UC = 424.90 + 429.80 = 854.70; nothing else.
    expect(result.outOfWork).toMatchObject({ hours: 0, grossMonthly: 0, netMonthly: 0, universalCredit: 854.7, totalMonthly: 854.7, gainOverNoWork: 0 });

    // 16 hours: gross = 12.71 × 16 × 52 / 12 = 881.2267 → 881.23; a year 10,574.76 < 12,570, so no tax or NI.
    // UC: 881.23 − 710 = 171.23; 55% = 94.1765 → 94.18; 854.70 − 94.18 = 760.52.
    // Total 881.23 + 760.52 = 1,641.75; gain 1,641.75 − 854.70 = 787.05.
    expect(result.inWork).toEqual({
      hours: 16,
      grossMonthly: 881.23,
      incomeTax: 0,
      nationalInsurance: 0,
      netMonthly: 881.23,
      universalCredit: 760.52,
      councilTaxSupport: 0,
      otherIncomeMonthly: 0,
      partnerEarningsMonthly: 0,
      totalMonthly: 1641.75,
      gainOverNoWork: 787.05,
      proposed: true,
    });

    // 40 hours: gross = 12.71 × 40 × 52 / 12 = 2,203.0667 → 2,203.07; a year 26,436.84.
    // Tax: (26,436.84 − 12,570) × 20% = 2,773.368 a year ÷ 12 = 231.114 → 231.11.
    // NI: 13,866.84 × 8% = 1,109.3472 ÷ 12 = 92.4456 → 92.45. Net = 2,203.07 − 231.11 − 92.45 = 1,879.51.
    // UC: 1,879.51 − 710 = 1,169.51; 55% = 643.2305 → 643.23; 854.70 − 643.23 = 211.47.
    // Total 1,879.51 + 211.47 = 2,090.98; gain 1,236.28.
    expect(row(result.rows, 40)).toMatchObject({
      grossMonthly: 2203.07,
      incomeTax: 231.11,
      nationalInsurance: 92.45,
      netMonthly: 1879.51,
      universalCredit: 211.47,
      totalMonthly: 2090.98,
      gainOverNoWork: 1236.28,
    });

    // What stays: the LCWRA element, and the £710 work allowance, at 55%.
    expect(result.stays).toMatchObject({ lcwra: 429.8, workAllowance: 710, taperRate: 0.55, child: null, housing: null });
    expect(result.warnings).toEqual([]);
    expect(result.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['take-home', 'lcwra.protected', 'work-allowance.without-housing', 'taper', 'award']),
    );
    const names = result.parameters.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['uc-lcwra-element', 'uc-taper-rate', 'income-tax-personal-allowance', 'national-living-wage', 'access-to-work-annual-cap']),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(result.accessToWorkCap?.value).toBe(69620);
  });

  test('single, new-claimant LCWRA from June 2026, below the National Living Wage: a warning, not an error', () => {
    const result = betterOff({
      date: DATE,
      household: household({ adults: [{ age: 30, lcwra: true, lcwraSince: '2026-06-01' }] }),
      hourlyPay: 11,
      hours: 10,
    });
    // 10 is a row already: no extra row.
    expect(result.rows.map((r) => r.hours)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40]);
    // Out of work: 424.90 + 217.26 = 642.16.
    // 10 hours: gross = 11 × 10 × 52 / 12 = 476.6667 → 476.67, untaxed; UC: within the £710 allowance, so 642.16.
    // Total 476.67 + 642.16 = 1,118.83; gain 476.67.
    expect(result.inWork).toMatchObject({ netMonthly: 476.67, universalCredit: 642.16, totalMonthly: 1118.83, gainOverNoWork: 476.67 });
    expect(result.stays.lcwra).toBe(217.26);
    expect(result.warnings).toEqual([
      { code: 'below-national-living-wage', text: expect.stringContaining('£12.71'), values: { hourlyPay: 11, nationalLivingWage: 12.71, age: 30 } },
    ]);
  });

  test('couple with two children and rent; the partner’s earnings stay as given', () => {
    const result = betterOff({
      date: DATE,
      household: household({
        adults: [{ age: 30 }, { age: 28, netEarningsMonthly: 900 }],
        children: [{ birthDate: '2015-06-01' }, { birthDate: '2019-03-01' }],
        housing: { eligibleRentMonthly: 650 },
      }),
      hourlyPay: 12.71,
      hours: 20,
    });
    // Maximum: joint 666.97 + children 351.88 + 303.94 + housing 650 = 1,972.79. Work allowance with housing: 427.
    // Out of work: earnings 900 (partner); 900 − 427 = 473; 55% = 260.15; UC = 1,972.79 − 260.15 = 1,712.64.
    // Total 1,712.64 + 900 = 2,612.64.
    expect(result.outOfWork).toMatchObject({ universalCredit: 1712.64, partnerEarningsMonthly: 900, totalMonthly: 2612.64 });
    // 20 hours: gross = 12.71 × 20 × 52 / 12 = 1,101.5333 → 1,101.53; a year 13,218.36, 648.36 above £12,570.
    // Tax: 648.36 × 20% = 129.672 ÷ 12 = 10.806 → 10.81. NI: 648.36 × 8% = 51.8688 ÷ 12 = 4.3224 → 4.32.
    // Net = 1,101.53 − 10.81 − 4.32 = 1,086.40. Joint earnings 1,986.40; − 427 = 1,559.40; 55% = 857.67.
    // UC = 1,972.79 − 857.67 = 1,115.12. Total 1,086.40 + 1,115.12 + 900 = 3,101.52; gain 488.88.
    expect(result.inWork).toMatchObject({
      grossMonthly: 1101.53,
      incomeTax: 10.81,
      nationalInsurance: 4.32,
      netMonthly: 1086.4,
      universalCredit: 1115.12,
      partnerEarningsMonthly: 900,
      totalMonthly: 3101.52,
      gainOverNoWork: 488.88,
    });
    expect(result.stays).toMatchObject({ lcwra: null, child: 655.82, housing: 650, workAllowance: 427 });
  });

  test('single parent with childcare: the childcare element comes only with work', () => {
    const result = betterOff({
      date: DATE,
      household: household({ adults: [{ age: 35 }], children: [{ birthDate: '2020-09-01' }], childcareMonthly: 400 }),
      hourlyPay: 13,
      hours: 16,
    });
    // Out of work: 424.90 + 303.94 (child born after 6 April 2017) = 728.84; no childcare without earnings.
    expect(result.outOfWork).toMatchObject({ universalCredit: 728.84, totalMonthly: 728.84 });
    // 16 hours: gross = 13 × 16 × 52 / 12 = 901.3333 → 901.33, untaxed. Childcare 85% of 400 = 340 (under the cap).
    // Maximum 424.90 + 303.94 + 340 = 1,068.84; 901.33 − 710 = 191.33; 55% = 105.2315 → 105.23; UC = 963.61.
    // Total 901.33 + 963.61 = 1,864.94; gain 1,864.94 − 728.84 = 1,136.10.
    expect(result.inWork).toMatchObject({ netMonthly: 901.33, universalCredit: 963.61, totalMonthly: 1864.94, gainOverNoWork: 1136.1 });
    expect(result.stays).toMatchObject({ childcare: 340, child: 303.94 });
    expect(result.childcareCostsMonthly).toBe(400);
  });

  test('other income counts in every total and lowers UC pound for pound', () => {
    const result = betterOff({
      date: DATE,
      household: household({ adults: [{ age: 45, lcwra: true, lcwraProtected: true }], otherIncomeMonthly: 100 }),
      hourlyPay: 12.71,
    });
    // No proposed hours: rows every 5 hours only, no in-work row.
    expect(result.inWork).toBeNull();
    expect(result.hours).toBeNull();
    // Out of work: 854.70 − 100 = 754.70; total 754.70 + 100 = 854.70.
    expect(result.outOfWork).toMatchObject({ universalCredit: 754.7, otherIncomeMonthly: 100, totalMonthly: 854.7 });
    for (const r of result.rows) {
      expect(Math.round((r.netMonthly + r.universalCredit + r.otherIncomeMonthly + r.partnerEarningsMonthly) * 100)).toBe(Math.round(r.totalMonthly * 100));
    }
  });

  test('the rows: a step, and hours between steps', () => {
    expect(hoursRows(5, null)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40]);
    expect(hoursRows(10, 22.5)).toEqual([0, 10, 20, 22.5, 30, 40]);
    expect(hoursRows(15, 0)).toEqual([0, 15, 30, 40]);
    // Steps that are not whole hours are rows to the hundredth of an hour, not 3.3000000000000003.
    expect(hoursRows(1.1, null).slice(0, 5)).toEqual([0, 1.1, 2.2, 3.3, 4.4]);
    expect(hoursRows(1.1, null).at(-2)).toBe(39.6);
  });

  test('each row says whether it is the hours being thought of: only that one', () => {
    const result = betterOff({ date: DATE, household: household({ adults: [{ age: 40 }] }), hourlyPay: 12.71, hours: 22.5 });
    expect(result.rows.filter((r) => r.proposed).map((r) => r.hours)).toEqual([22.5]);
    expect(result.inWork?.hours).toBe(22.5);
    const none = betterOff({ date: DATE, household: household({ adults: [{ age: 40 }] }), hourlyPay: 12.71 });
    expect(none.rows.some((r) => r.proposed)).toBe(false);
  });

  test('the National Living Wage warning is for workers aged 21 and over paid less than it, to the penny', () => {
    const at = (age: number, hourlyPay: number) => betterOff({ date: DATE, household: household({ adults: [{ age }] }), hourlyPay, hours: 16 }).warnings;
    // 2026/27: £12.71 an hour.
    expect(at(21, 12.7)).toEqual([
      {
        code: 'below-national-living-wage',
        text: '£12.70 an hour is below the National Living Wage of £12.71 an hour, the legal minimum for workers aged 21 and over. The figures are worked out at the pay given.',
        values: { hourlyPay: 12.7, nationalLivingWage: 12.71, age: 21 },
      },
    ]);
    expect(at(20, 12.7)).toEqual([]);
    expect(at(21, 12.71)).toEqual([]);
  });

  test('with no hours given, the figures are those with no work, and the taper rate is still listed with the other rates', () => {
    const result = betterOff({ date: DATE, household: household({ adults: [{ age: 40, lcwra: true, lcwraSince: '2023-05-01' }] }), hourlyPay: 12.71 });
    expect(result.uc).toEqual(result.ucOutOfWork);
    expect(result.pay.netMonthly).toBe(0);
    // No earnings, so UC itself used no taper; the page still says what happens to earnings.
    expect(result.uc.parameters.map((p) => p.name)).not.toContain('uc-taper-rate');
    expect(result.parameters.find((p) => p.name === 'uc-taper-rate')).toMatchObject({ value: 0.55 });
    expect(result.stays).toMatchObject({ lcwra: 429.8, workAllowance: 710, taperRate: 0.55 });
  });

  test('the reasons: take-home pay first, then Universal Credit, at the proposed hours', () => {
    const result = betterOff({
      date: DATE,
      household: household({ adults: [{ age: 40, lcwra: true, lcwraSince: '2023-05-01' }] }),
      hourlyPay: 12.71,
      hours: 16,
    });
    expect(result.reasons.map((r) => r.code)).toEqual([
      'income-tax.personal-allowance',
      'income-tax.bands',
      'national-insurance',
      'take-home',
      'approximation',
      'standard-allowance.single-25-plus',
      'lcwra.protected',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-lcwra',
      'award',
      'rounding',
    ]);
    expect(result.reasons.find((r) => r.code === 'take-home')?.text).toContain('leaves £881.23 a month');
  });

  test('the Access to Work cap is listed from the first day a figure is held (1 April 2025), not before', () => {
    const on = (date: string) => betterOff({ date, household: parseHousehold({ date, adults: [{ age: 30 }] }), hourlyPay: 12.71, hours: 16 });
    const before = on('2025-03-31');
    expect(before.accessToWorkCap).toBeNull();
    // Every rate the figures used, once, and nothing for the cap.
    expect(before.parameters.map((p) => p.name).sort()).toEqual([
      'esa-permitted-work-higher-limit',
      'esa-permitted-work-lower-limit',
      'income-tax-basic-rate',
      'income-tax-basic-rate-band',
      'income-tax-personal-allowance',
      'income-tax-personal-allowance-taper-threshold',
      'national-insurance-primary-threshold',
      'national-insurance-upper-earnings-limit',
      'national-living-wage',
      'uc-benefit-cap-earnings-hours',
      'uc-benefit-cap-outside-london-single',
      'uc-standard-allowance-single-25-plus',
      'uc-taper-rate',
    ]);
    const first = on('2025-04-01');
    expect(first.accessToWorkCap).toMatchObject({ name: 'access-to-work-annual-cap', value: 69620, effectiveFrom: '2025-04-01' });
    expect(first.parameters.map((p) => p.name)).toContain('access-to-work-annual-cap');
  });

  test('nonsense numbers are InvalidInput naming the field, never a wrong figure', () => {
    const h = household({ adults: [{ age: 40 }] });
    const pathsOf = (bad: Partial<BetterOffInput>) => {
      try {
        betterOff({ date: DATE, household: h, hourlyPay: 12, ...bad });
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInput);
        return (error as InvalidInput).issues.map((i) => i.path);
      }
      return [];
    };
    expect(pathsOf({ hourlyPay: -1 })).toEqual(['hourlyPay']);
    expect(pathsOf({ hourlyPay: Number.NaN })).toEqual(['hourlyPay']);
    expect(pathsOf({ hours: -2 })).toEqual(['hours']);
    expect(pathsOf({ hours: Number.NaN })).toEqual(['hours']);
    expect(pathsOf({ hours: 500 })).toEqual(['hours']);
    expect(pathsOf({ step: 0 })).toEqual(['step']);
  });

  test('the limits: pay up to £10,000 an hour, hours up to 168 a week, a step of 1 to 40 hours; every issue is named at once', () => {
    const h = household({ adults: [{ age: 40 }] });
    for (const fine of [
      { hourlyPay: 0 },
      { hourlyPay: 10_000 },
      { hourlyPay: 12, hours: 0 },
      { hourlyPay: 12, hours: 168 },
      { hourlyPay: 12, step: 1 },
      { hourlyPay: 12, step: 40 },
    ]) {
      expect(() => betterOff({ date: DATE, household: h, ...fine }), JSON.stringify(fine)).not.toThrow();
    }
    let thrown: unknown;
    try {
      betterOff({ date: DATE, household: { ...h, adults: [] }, hourlyPay: 10_000.01, hours: 168.5, step: 40.5 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInput);
    expect((thrown as InvalidInput).issues).toEqual([
      { path: 'hourlyPay', message: 'Enter the hourly pay in pounds, from 0 to 10000.' },
      { path: 'hours', message: 'Enter the hours a week from 0 to 168.' },
      { path: 'step', message: 'Enter a step from 1 to 40 hours.' },
      { path: 'household.adults', message: 'Enter the person as the first adult.' },
    ]);
    expect((thrown as InvalidInput).message).toBe('The better-off figures cannot be worked out: see the issues.');
    // Pay, hours or a step that are not numbers at all (from untyped callers).
    for (const bad of [
      { hourlyPay: '12' },
      { hourlyPay: 12, hours: '16' },
      { hourlyPay: 12, step: '5' },
      { hourlyPay: 12, hours: Number.POSITIVE_INFINITY },
      { hourlyPay: 12, step: Number.NaN },
    ]) {
      expect(() => betterOff({ date: DATE, household: h, ...(bad as unknown as { hourlyPay: number }) }), JSON.stringify(bad)).toThrow(InvalidInput);
    }
  });

  test('more hours never means less take-home pay, and the totals always add up', () => {
    const h = household({ adults: [{ age: 40, lcwra: true, lcwraSince: '2020-01-01' }], housing: { eligibleRentMonthly: 500 } });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 4000 }), (pence, quarterHours) => {
        const result = betterOff({ date: DATE, household: h, hourlyPay: pence / 100, hours: quarterHours / 100 });
        for (let i = 1; i < result.rows.length; i++) {
          expect(result.rows[i]?.netMonthly ?? 0).toBeGreaterThanOrEqual(result.rows[i - 1]?.netMonthly ?? 0);
        }
        for (const r of result.rows) {
          expect(Math.abs(Math.round((r.totalMonthly - r.netMonthly - r.universalCredit) * 100))).toBe(0);
          expect(r.universalCredit).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});

/*
 * ESA permitted work (ESA Regs 2008 reg 45): under 16 hours a week and earnings at or below the
 * higher limit (£183.50 a week from 8 April 2024, £195.50 from 7 April 2025, £203.50 from 6 April
 * 2026 [D]); any hours at or below the lower limit (£20 a week). Earnings a week = hourly × hours.
 */
describe('ESA permitted work beside the better-off figures', () => {
  const single = household({ adults: [{ age: 40, lcwra: true, lcwraSince: '2023-05-01' }] });

  test('2026/27: 15 hours at £12.71 is within; 16 hours is not, though the pay is under the limit', () => {
    // 12.71 × 15 = 190.65 ≤ 203.50, and 15 < 16 → within.
    const fifteen = betterOff({ date: DATE, household: single, hourlyPay: 12.71, hours: 15 });
    expect(fifteen.esa?.higherLimit).toMatchObject({ name: 'esa-permitted-work-higher-limit', value: 203.5, effectiveFrom: '2026-04-06', confidence: 'D' });
    expect(fifteen.esa?.lowerLimit).toMatchObject({ name: 'esa-permitted-work-lower-limit', value: 20, unit: 'GBP/week', confidence: 'S' });
    expect(fifteen.esa?.atProposed).toEqual({ hours: 15, weeklyEarnings: 190.65, within: true, check: 'within' });
    // 12.71 × 16 = 203.36 ≤ 203.50, but 16 hours is not under 16 → not permitted work.
    const sixteen = betterOff({ date: DATE, household: single, hourlyPay: 12.71, hours: 16 });
    expect(sixteen.esa?.atProposed).toEqual({ hours: 16, weeklyEarnings: 203.36, within: false, check: 'over-hours' });
    // The limits are listed with the other rates, once each; the UC figures are those of the first test.
    const names = sixteen.parameters.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['esa-permitted-work-higher-limit', 'esa-permitted-work-lower-limit']));
    expect(new Set(names).size).toBe(names.length);
    expect(sixteen.inWork).toMatchObject({ universalCredit: 760.52, totalMonthly: 1641.75 });
  });

  test('over on earnings, on hours and earnings, and exactly at the limit', () => {
    // 12.71 × 20 = 254.20 > 203.50, and 20 ≥ 16 → both.
    expect(esaPermittedWork(DATE, 12.71, 20)?.atProposed).toEqual({ hours: 20, weeklyEarnings: 254.2, within: false, check: 'over-hours-and-earnings' });
    // 15 × 14 = 210.00 > 203.50, though 14 < 16 → over on earnings.
    expect(esaPermittedWork(DATE, 15, 14)?.atProposed).toMatchObject({ weeklyEarnings: 210, within: false, check: 'over-earnings' });
    // 20.35 × 10 = 203.50: at the limit is within.
    expect(esaPermittedWork(DATE, 20.35, 10)?.atProposed).toMatchObject({ weeklyEarnings: 203.5, within: true, check: 'within' });
    // 12.71 × 22.5 = 285.975 → 285.98 (half a penny up).
    expect(esaPermittedWork(DATE, 12.71, 22.5)?.atProposed?.weeklyEarnings).toBe(285.98);
  });

  test('the lower limit allows any hours', () => {
    // 1.25 × 16 = 20.00: exactly at the lower limit is within, at 16 hours or more.
    expect(esaPermittedWork(DATE, 1.25, 16)?.atProposed).toEqual({ hours: 16, weeklyEarnings: 20, within: true, check: 'within-lower-limit' });
    // 1.00 × 18 = 18.00 ≤ 20.00 → within at 18 hours; 1.20 × 18 = 21.60 > 20 → over on hours only (21.60 ≤ 203.50).
    expect(esaPermittedWork(DATE, 1, 18)?.atProposed).toEqual({ hours: 18, weeklyEarnings: 18, within: true, check: 'within-lower-limit' });
    expect(esaPermittedWork(DATE, 1.2, 18)?.atProposed).toMatchObject({ weeklyEarnings: 21.6, within: false, check: 'over-hours' });
  });

  test('the limit in force on the date: 2025/26 and 2024/25', () => {
    // 2025/26: 12.71 × 15 = 190.65 ≤ 195.50 → within; 13.10 × 15 = 196.50 > 195.50 → over (it is within 2026/27's 203.50).
    const y2025 = esaPermittedWork('2025-11-23', 12.71, 15);
    expect(y2025?.higherLimit).toMatchObject({ value: 195.5, effectiveFrom: '2025-04-07' });
    expect(y2025?.atProposed).toMatchObject({ weeklyEarnings: 190.65, within: true });
    expect(esaPermittedWork('2025-11-23', 13.1, 15)?.atProposed).toMatchObject({ weeklyEarnings: 196.5, check: 'over-earnings' });
    expect(esaPermittedWork(DATE, 13.1, 15)?.atProposed).toMatchObject({ weeklyEarnings: 196.5, check: 'within' });
    // The day before and the day of the 2026 uprating.
    expect(esaPermittedWork('2026-04-05', 12.71, 15)?.higherLimit.value).toBe(195.5);
    expect(esaPermittedWork('2026-04-06', 12.71, 15)?.higherLimit.value).toBe(203.5);
    // 2024/25: 12.71 × 15 = 190.65 > 183.50 → over on earnings.
    expect(esaPermittedWork('2024-11-23', 12.71, 15)).toMatchObject({
      higherLimit: { value: 183.5 },
      lowerLimit: { value: 20 },
      atProposed: { check: 'over-earnings' },
    });
    // Before the first limits held: none.
    expect(esaPermittedWork('2024-01-01', 12.71, 15)).toBeNull();
  });

  test('no proposed hours, or none at all: the limits without a verdict', () => {
    expect(betterOff({ date: DATE, household: single, hourlyPay: 12.71 }).esa).toMatchObject({ hoursUnder: 16, atProposed: null });
    expect(esaPermittedWork(DATE, 12.71, 0)?.atProposed).toBeNull();
  });
});

/*
 * Council Tax Support in the better-off figures: the first test's household (single, LCWRA since
 * 2023, £12.71 an hour), a yearly bill of £1,800 (£150.00 a month).
 */
describe('Council Tax Support beside Universal Credit', () => {
  const single = household({ adults: [{ age: 40, lcwra: true, lcwraSince: '2023-05-01' }] });

  test('Wales: the whole bill out of work, tapered at 20% of income above the UC maximum amount in work', () => {
    const result = betterOff({ date: DATE, household: single, hourlyPay: 12.71, hours: 16, councilTax: { scheme: { kind: 'wales' }, annual: 1800 } });
    // 0 hours: income = UC 854.70 = maximum amount 854.70: the whole bill, 150.00. Total 854.70 + 150.00 = 1,004.70.
    expect(result.outOfWork).toMatchObject({ universalCredit: 854.7, councilTaxSupport: 150, totalMonthly: 1004.7 });
    // 5 hours: gross 12.71 × 5 × 52 / 12 = 275.383 → 275.38, under the 710 work allowance, so UC stays 854.70.
    // Income 854.70 + 275.38 = 1,130.08; excess 275.38; 20% = 55.076 → 55.08; 150.00 − 55.08 = 94.92.
    // Total 275.38 + 854.70 + 94.92 = 1,225.00.
    expect(row(result.rows, 5)).toMatchObject({
      netMonthly: 275.38,
      universalCredit: 854.7,
      councilTaxSupport: 94.92,
      totalMonthly: 1225,
      gainOverNoWork: 220.3,
    });
    // 16 hours: income 760.52 + 881.23 = 1,641.75; excess 787.05; 20% = 157.41 > 150.00: none.
    // Total 881.23 + 760.52 = 1,641.75; gain 1,641.75 − 1,004.70 = 637.05.
    expect(result.inWork).toMatchObject({ councilTaxSupport: 0, totalMonthly: 1641.75, gainOverNoWork: 637.05 });
    expect(result.councilTaxSupport).toMatchObject({ scheme: { kind: 'wales' }, annual: 1800, status: 'calculated' });
    expect(result.councilTaxSupport.outOfWork.monthly).toBe(150);
    expect(result.councilTaxSupport.inWork.reasons.map((r) => r.code)).toEqual([
      'liability',
      'wales.uc.applicable-amount',
      'wales.uc.income',
      'wales.taper',
      'award',
    ]);
    const names = result.parameters.map((p) => p.name);
    expect(names).toContain('ctr-wales-taper-rate');
    expect(new Set(names).size).toBe(names.length);
  });

  test("England: the tenant's bands against income without UC", () => {
    const scheme = {
      kind: 'banded' as const,
      name: 'Example scheme',
      url: 'https://example.org/cts',
      bands: [
        { upTo: 400, discount: 80 },
        { upTo: 800, discount: 50 },
        { upTo: 1200, discount: 25 },
      ],
    };
    const result = betterOff({ date: DATE, household: single, hourlyPay: 12.71, hours: 16, councilTax: { scheme, annual: 1800 } });
    // 0 hours: income 0, band 1: 80% of 150.00 = 120.00. Total 854.70 + 120.00 = 974.70.
    expect(result.outOfWork).toMatchObject({ councilTaxSupport: 120, totalMonthly: 974.7 });
    // 16 hours: take-home 881.23, band 3: 25% = 37.50. Total 1,641.75 + 37.50 = 1,679.25; gain 704.55.
    expect(result.inWork).toMatchObject({ councilTaxSupport: 37.5, totalMonthly: 1679.25, gainOverNoWork: 704.55 });
    // 40 hours: take-home 1,879.51 is above the highest band: none; UC 211.47 still paid.
    expect(row(result.rows, 40)).toMatchObject({ universalCredit: 211.47, councilTaxSupport: 0, totalMonthly: 2090.98 });
  });

  test('no scheme, or no bill: every row leaves it out and says why', () => {
    const none = betterOff({ date: DATE, household: single, hourlyPay: 12.71, hours: 16 });
    expect(none.councilTaxSupport).toMatchObject({ scheme: { kind: 'none' }, annual: null, status: 'no-scheme' });
    expect(none.rows.every((r) => r.councilTaxSupport === 0)).toBe(true);
    const noBill = betterOff({ date: DATE, household: single, hourlyPay: 12.71, hours: 16, councilTax: { scheme: { kind: 'wales' }, annual: null } });
    expect(noBill.councilTaxSupport.status).toBe('no-liability');
    expect(noBill.inWork?.totalMonthly).toBe(1641.75);
  });
});

/*
 * The limits come from policy/ files, which may list dated values in any order, and the two limits
 * need not start on the same day. These tests load the rules with such a file in place of the real one.
 */
describe('ESA permitted work limits from policy files in any order, starting on different days', () => {
  const policy = policyValues();
  const FILES = { 'esa-permitted-work-higher-limit': 'esaPermittedWorkHigherLimit', 'esa-permitted-work-lower-limit': 'esaPermittedWorkLowerLimit' } as const;
  const withPolicy = async (name: keyof typeof FILES, values: Record<string, number>) => {
    policy.use(OTHER, FILES[name], values);
    return { betterOff, esaPermittedWork };
  };
  afterEach(() => policy.restore());

  test('the higher limit in force on the date, though the file lists the newest first', async () => {
    const rules = await withPolicy('esa-permitted-work-higher-limit', { '2026-04-06': 203.5, '2024-04-08': 183.5, '2025-04-07': 195.5 });
    expect(rules.esaPermittedWork('2024-11-23', 12.71, 15)?.higherLimit.value).toBe(183.5);
    expect(rules.esaPermittedWork('2026-11-23', 12.71, 15)?.higherLimit.value).toBe(203.5);
  });

  test('no verdict, and neither limit listed, on a day only one of the two limits is held for', async () => {
    // The lower limit held only from 7 April 2025: on 23 November 2024 only the higher one is.
    const rules = await withPolicy('esa-permitted-work-lower-limit', { '2025-04-07': 20 });
    expect(rules.esaPermittedWork('2024-11-23', 12.71, 15)).toBeNull();
    const date = '2024-11-23';
    const result = rules.betterOff({ date, household: parseHousehold({ date, adults: [{ age: 30 }] }), hourlyPay: 12.71, hours: 15 });
    expect(result.esa).toBeNull();
    const names = result.parameters.map((p) => p.name);
    expect(names.filter((n) => typeof n !== 'string' || n.startsWith('esa-'))).toEqual([]);
    expect(names).toContain('national-living-wage');
  });
});
