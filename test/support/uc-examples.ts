import type { ReasonCode, UcResult } from '../../src/domains/benefits/universal-credit.ts';
import type { HouseholdInput } from '../../src/domains/benefits/universal-credit-schemas.ts';

/*
 * The one table of worked Universal Credit examples: the unit tests check the pure function against
 * it, and the command line and the API are checked to give the same answer for every row. Each row
 * carries its arithmetic, worked by hand from the rates in policy/.
 *
 * Rates used (a month):              2024/25 (from 2024-04-08)  2025/26 (from 2025-04-07)  2026/27 (from 2026-04-06)
 *   standard allowance single <25        311.68                     316.98                     338.58
 *   standard allowance single 25+        393.45                     400.14                     424.90
 *   standard allowance joint both <25    489.23                     497.55                     528.34
 *   standard allowance joint 25+         617.60                     628.10                     666.97
 *   LCWRA (one rate / protected)         416.19                     423.27                     429.80
 *   LCWRA new claimant (from 2026-04-06)    —                          —                       217.26
 *   child, first born before 2017-04-06  333.33                     339.00                     351.88
 *   child, other                         287.92                     292.81                     303.94
 *   work allowance with housing          404                        411                        427
 *   work allowance without housing       673                        684                        710
 *   childcare cap one child / two+       1014.63 / 1739.37          1031.88 / 1768.94          1071.09 / 1836.16
 *   taper 55%; childcare 85%; capital: £4.35 per £250 or part above £6,000, nothing above £16,000.
 */

export type UcExample = {
  name: string;
  input: HouseholdInput;
  expected: Pick<UcResult, 'award' | 'maximumAmount' | 'workAllowance' | 'elements'> & { deductions?: Partial<UcResult['deductions']> };
  /** Reason codes the result must include. */
  codes?: ReasonCode[];
  /** Every reason code the result gives, in order: for the examples added with the completed model. */
  exactCodes?: ReasonCode[];
};

const Y2024 = '2024-06-01';
const Y2025 = '2025-06-01';
const Y2026 = '2026-06-01';

export const UC_EXAMPLES: readonly UcExample[] = [
  {
    name: 'the example from the issue: single 30, LCWRA since 2023, one child born 2016, rent £500, earning £1,000 (2025/26)',
    input: {
      date: '2025-06-01',
      adults: [{ age: 30, lcwra: true, lcwraSince: '2023-02-01', netEarningsMonthly: 1000 }],
      children: [{ birthDate: '2016-05-01' }],
      housing: { eligibleRentMonthly: 500 },
      childcareMonthly: 0,
      capital: 0,
      otherIncomeMonthly: 0,
    },
    // 400.14 + 423.27 + 339.00 (first child, born before 6 April 2017) + 500.00 = 1662.41;
    // work allowance with housing 411: 1000 − 411 = 589 × 0.55 = 323.95; 1662.41 − 323.95 = 1338.46
    expected: {
      award: 1338.46,
      maximumAmount: 1662.41,
      workAllowance: 411,
      elements: { standardAllowance: 400.14, lcwra: 423.27, child: 339, housing: 500 },
      deductions: { earnings: 323.95, unearnedIncome: 0, capitalTariff: 0, total: 323.95 },
    },
    codes: ['standard-allowance.single-25-plus', 'lcwra.one-rate', 'child.higher-rate', 'housing.included', 'work-allowance.with-housing', 'taper', 'award'],
  },

  // Standard allowance: single and joint, under and over 25, each year.
  {
    name: 'single under 25, no earnings (2024/25)',
    input: { date: Y2024, adults: [{ age: 22 }] },
    // 311.68, nothing deducted
    expected: { award: 311.68, maximumAmount: 311.68, workAllowance: 0, elements: { standardAllowance: 311.68 } },
    codes: ['standard-allowance.single-under-25', 'work-allowance.none'],
  },
  {
    name: 'single 25+, earning £500 with no work allowance (2024/25)',
    input: { date: Y2024, adults: [{ age: 25, netEarningsMonthly: 500 }] },
    // 393.45; no work allowance: 500 × 0.55 = 275.00; 393.45 − 275.00 = 118.45
    expected: { award: 118.45, maximumAmount: 393.45, workAllowance: 0, elements: { standardAllowance: 393.45 }, deductions: { earnings: 275 } },
    codes: ['standard-allowance.single-25-plus', 'work-allowance.none', 'taper'],
  },
  {
    name: 'single under 25, earning £300 (2025/26)',
    input: { date: Y2025, adults: [{ age: 24, netEarningsMonthly: 300 }] },
    // 316.98 − 300 × 0.55 (165.00) = 151.98
    expected: { award: 151.98, maximumAmount: 316.98, workAllowance: 0, elements: { standardAllowance: 316.98 }, deductions: { earnings: 165 } },
    codes: ['standard-allowance.single-under-25'],
  },
  {
    name: 'single 25+, no earnings (2025/26)',
    input: { date: Y2025, adults: [{ age: 40 }] },
    // 400.14
    expected: { award: 400.14, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 } },
    codes: ['standard-allowance.single-25-plus'],
  },
  {
    name: 'single under 25, earning £100 (2026/27)',
    input: { date: Y2026, adults: [{ age: 18, netEarningsMonthly: 100 }] },
    // 338.58 − 100 × 0.55 (55.00) = 283.58
    expected: { award: 283.58, maximumAmount: 338.58, workAllowance: 0, elements: { standardAllowance: 338.58 }, deductions: { earnings: 55 } },
    codes: ['standard-allowance.single-under-25'],
  },
  {
    name: 'single 25+, no earnings (2026/27)',
    input: { date: Y2026, adults: [{ age: 59 }] },
    // 424.90
    expected: { award: 424.9, maximumAmount: 424.9, workAllowance: 0, elements: { standardAllowance: 424.9 } },
    codes: ['standard-allowance.single-25-plus'],
  },
  {
    name: 'couple both under 25, one earning £200 (2024/25)',
    input: { date: Y2024, adults: [{ age: 20, netEarningsMonthly: 200 }, { age: 24 }] },
    // 489.23 − 200 × 0.55 (110.00) = 379.23
    expected: { award: 379.23, maximumAmount: 489.23, workAllowance: 0, elements: { standardAllowance: 489.23 }, deductions: { earnings: 110 } },
    codes: ['standard-allowance.joint-under-25'],
  },
  {
    name: 'couple, one 25+, earning £400 (2024/25)',
    input: { date: Y2024, adults: [{ age: 30, netEarningsMonthly: 400 }, { age: 22 }] },
    // 617.60 − 400 × 0.55 (220.00) = 397.60
    expected: { award: 397.6, maximumAmount: 617.6, workAllowance: 0, elements: { standardAllowance: 617.6 }, deductions: { earnings: 220 } },
    codes: ['standard-allowance.joint-25-plus'],
  },
  {
    name: 'couple both under 25, no earnings (2025/26)',
    input: { date: Y2025, adults: [{ age: 19 }, { age: 21 }] },
    // 497.55
    expected: { award: 497.55, maximumAmount: 497.55, workAllowance: 0, elements: { standardAllowance: 497.55 } },
    codes: ['standard-allowance.joint-under-25'],
  },
  {
    name: 'couple 24 and 25 earning £1,500 between them: award floored at zero (2025/26)',
    input: {
      date: Y2025,
      adults: [
        { age: 24, netEarningsMonthly: 1000 },
        { age: 25, netEarningsMonthly: 500 },
      ],
    },
    // 628.10 (one of them is 25); (1000 + 500) × 0.55 = 825.00 ≥ 628.10, so the award is 0, never negative
    expected: { award: 0, maximumAmount: 628.1, workAllowance: 0, elements: { standardAllowance: 628.1 }, deductions: { earnings: 825, total: 825 } },
    codes: ['standard-allowance.joint-25-plus', 'award.nil'],
  },
  {
    name: 'couple both under 25, no earnings (2026/27)',
    input: { date: Y2026, adults: [{ age: 23 }, { age: 24 }] },
    // 528.34
    expected: { award: 528.34, maximumAmount: 528.34, workAllowance: 0, elements: { standardAllowance: 528.34 } },
    codes: ['standard-allowance.joint-under-25'],
  },
  {
    name: 'couple 25+, earning £600 (2026/27)',
    input: { date: Y2026, adults: [{ age: 45, netEarningsMonthly: 600 }, { age: 44 }] },
    // 666.97 − 600 × 0.55 (330.00) = 336.97
    expected: { award: 336.97, maximumAmount: 666.97, workAllowance: 0, elements: { standardAllowance: 666.97 }, deductions: { earnings: 330 } },
    codes: ['standard-allowance.joint-25-plus'],
  },

  // LCWRA: one rate before 6 April 2026; then protected or new claimant; couples get the higher, once.
  {
    name: 'LCWRA before April 2026: the one rate (2024/25)',
    input: { date: Y2024, adults: [{ age: 30, lcwra: true, lcwraSince: '2023-01-01' }] },
    // 393.45 + 416.19 = 809.64
    expected: { award: 809.64, maximumAmount: 809.64, workAllowance: 673, elements: { standardAllowance: 393.45, lcwra: 416.19 } },
    codes: ['lcwra.one-rate', 'work-allowance.without-housing'],
  },
  {
    name: 'LCWRA with earnings and no housing (2025/26)',
    input: { date: Y2025, adults: [{ age: 35, lcwra: true, lcwraSince: '2024-09-01', netEarningsMonthly: 1000 }] },
    // 400.14 + 423.27 = 823.41; earnings 1000 − 684 = 316 × 0.55 = 173.80; 823.41 − 173.80 = 649.61
    expected: {
      award: 649.61,
      maximumAmount: 823.41,
      workAllowance: 684,
      elements: { standardAllowance: 400.14, lcwra: 423.27 },
      deductions: { earnings: 173.8 },
    },
    codes: ['lcwra.one-rate', 'work-allowance.without-housing', 'taper'],
  },
  {
    name: 'LCWRA pre-2026 claimant gets the protected amount (2026/27)',
    input: { date: Y2026, adults: [{ age: 40, lcwra: true, lcwraSince: '2025-01-10', netEarningsMonthly: 1000 }] },
    // 424.90 + 429.80 = 854.70; 1000 − 710 = 290 × 0.55 = 159.50; 854.70 − 159.50 = 695.20
    expected: {
      award: 695.2,
      maximumAmount: 854.7,
      workAllowance: 710,
      elements: { standardAllowance: 424.9, lcwra: 429.8 },
      deductions: { earnings: 159.5 },
    },
    codes: ['lcwra.protected'],
  },
  {
    name: 'LCWRA since 5 April 2026, the last day before the cut-off: protected (2026/27)',
    input: { date: Y2026, adults: [{ age: 40, lcwra: true, lcwraSince: '2026-04-05' }] },
    // 424.90 + 429.80 = 854.70
    expected: { award: 854.7, maximumAmount: 854.7, workAllowance: 710, elements: { standardAllowance: 424.9, lcwra: 429.8 } },
    codes: ['lcwra.protected'],
  },
  {
    name: 'LCWRA new claimant since 6 April 2026, the cut-off itself (2026/27)',
    input: { date: Y2026, adults: [{ age: 40, lcwra: true, lcwraSince: '2026-04-06' }] },
    // 424.90 + 217.26 = 642.16
    expected: { award: 642.16, maximumAmount: 642.16, workAllowance: 710, elements: { standardAllowance: 424.9, lcwra: 217.26 } },
    codes: ['lcwra.new-claimant'],
  },
  {
    name: 'LCWRA new claimant who meets the severe conditions criteria: protected (2026/27)',
    input: { date: Y2026, adults: [{ age: 50, lcwra: true, lcwraSince: '2026-05-01', lcwraProtected: true }] },
    // 424.90 + 429.80 = 854.70
    expected: { award: 854.7, maximumAmount: 854.7, workAllowance: 710, elements: { standardAllowance: 424.9, lcwra: 429.8 } },
    codes: ['lcwra.protected'],
  },
  {
    name: 'terminally ill, no LCWRA start date needed: protected (2026/27)',
    input: { date: Y2026, adults: [{ age: 50, lcwra: true, lcwraProtected: true }] },
    // 424.90 + 429.80 = 854.70
    expected: { award: 854.7, maximumAmount: 854.7, workAllowance: 710, elements: { standardAllowance: 424.9, lcwra: 429.8 } },
    codes: ['lcwra.protected'],
  },
  {
    name: 'the 2026/27 rates start on Monday 6 April 2026, the first Monday of the tax year (not 13 April)',
    input: { date: '2026-04-06', adults: [{ age: 30, lcwra: true, lcwraSince: '2026-04-06' }] },
    // 424.90 (2026/27 single 25+ from 2026-04-06) + 217.26 (new-claimant LCWRA from 2026-04-06) = 642.16; work allowance 710
    expected: { award: 642.16, maximumAmount: 642.16, workAllowance: 710, elements: { standardAllowance: 424.9, lcwra: 217.26 } },
    codes: ['lcwra.new-claimant'],
  },
  {
    name: 'on Sunday 5 April 2026, the day before, the 2025/26 rates still apply',
    input: { date: '2026-04-05', adults: [{ age: 30, lcw: true }] },
    // 400.14 (2025/26 single 25+); LCW gives the 2025/26 work allowance without housing, 684
    expected: { award: 400.14, maximumAmount: 400.14, workAllowance: 684, elements: { standardAllowance: 400.14 } },
    codes: ['standard-allowance.single-25-plus'],
  },
  {
    name: 'the 2025/26 rates start on Monday 7 April 2025; on 6 April 2025 the 2024/25 rates apply',
    input: { date: '2025-04-06', adults: [{ age: 30 }] },
    // 393.45 (2024/25 single 25+, in force from 2024-04-08 until 2025-04-06)
    expected: { award: 393.45, maximumAmount: 393.45, workAllowance: 0, elements: { standardAllowance: 393.45 } },
    codes: ['standard-allowance.single-25-plus'],
  },
  {
    name: 'on Monday 7 April 2025 the 2025/26 rates apply',
    input: { date: '2025-04-07', adults: [{ age: 30 }] },
    // 400.14 (2025/26 single 25+ from 2025-04-07)
    expected: { award: 400.14, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 } },
    codes: ['standard-allowance.single-25-plus'],
  },
  {
    name: 'couple both with LCWRA, one protected and one new: one element, the higher (2026/27)',
    input: {
      date: Y2026,
      adults: [
        { age: 30, lcwra: true, lcwraSince: '2026-05-01' },
        { age: 35, lcwra: true, lcwraSince: '2024-01-01' },
      ],
    },
    // 666.97 + max(217.26, 429.80) = 666.97 + 429.80 = 1096.77
    expected: { award: 1096.77, maximumAmount: 1096.77, workAllowance: 710, elements: { standardAllowance: 666.97, lcwra: 429.8 } },
    codes: ['lcwra.protected', 'lcwra.couple-higher'],
  },
  {
    name: 'couple both with LCWRA before April 2026: one element (2025/26)',
    input: {
      date: Y2025,
      adults: [
        { age: 30, lcwra: true, lcwraSince: '2024-01-01' },
        { age: 35, lcwra: true, lcwraSince: '2025-01-01' },
      ],
    },
    // 628.10 + 423.27 = 1051.37 (not 423.27 twice)
    expected: { award: 1051.37, maximumAmount: 1051.37, workAllowance: 684, elements: { standardAllowance: 628.1, lcwra: 423.27 } },
    codes: ['lcwra.one-rate', 'lcwra.couple-higher'],
  },
  {
    name: 'LCW: no element (claims before 3 April 2017 only), but a work allowance (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, lcw: true, netEarningsMonthly: 800 }] },
    // 400.14; work allowance without housing 684: 800 − 684 = 116 × 0.55 = 63.80; 400.14 − 63.80 = 336.34
    expected: { award: 336.34, maximumAmount: 400.14, workAllowance: 684, elements: { standardAllowance: 400.14 }, deductions: { earnings: 63.8 } },
    codes: ['lcw.element-not-paid', 'work-allowance.without-housing'],
  },

  // Children: the higher rate for a first child born before 6 April 2017; the two-child limit until 6 April 2026.
  {
    name: 'first child born before April 2017 at the higher rate, second at the lower (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], children: [{ birthDate: '2018-07-01' }, { birthDate: '2015-03-01' }] },
    // eldest first: 339.00 (born 2015) + 292.81 (born 2018); 400.14 + 339.00 + 292.81 = 1031.95
    expected: { award: 1031.95, maximumAmount: 1031.95, workAllowance: 684, elements: { standardAllowance: 400.14, child: 631.81 } },
    codes: ['child.higher-rate', 'child.lower-rate'],
  },
  {
    name: 'an only child born after April 2017 gets the lower rate (2024/25)',
    input: { date: Y2024, adults: [{ age: 30 }], children: [{ birthDate: '2019-01-01' }] },
    // 393.45 + 287.92 = 681.37
    expected: { award: 681.37, maximumAmount: 681.37, workAllowance: 673, elements: { standardAllowance: 393.45, child: 287.92 } },
    codes: ['child.lower-rate'],
  },
  {
    name: 'first child born before April 2017 at the higher rate (2026/27)',
    input: { date: Y2026, adults: [{ age: 30 }], children: [{ birthDate: '2016-05-01' }] },
    // 424.90 + 351.88 = 776.78
    expected: { award: 776.78, maximumAmount: 776.78, workAllowance: 710, elements: { standardAllowance: 424.9, child: 351.88 } },
    codes: ['child.higher-rate'],
  },
  {
    name: 'two-child limit: a third child born after April 2017 gets nothing (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], children: [{ birthDate: '2018-01-01' }, { birthDate: '2020-01-01' }, { birthDate: '2022-01-01' }] },
    // 292.81 × 2 = 585.62 (the 2022 child is excluded); 400.14 + 585.62 = 985.76
    expected: { award: 985.76, maximumAmount: 985.76, workAllowance: 684, elements: { standardAllowance: 400.14, child: 585.62 } },
    codes: ['two-child-limit'],
  },
  {
    name: 'two-child limit: three children all born before April 2017 all count (2024/25)',
    input: { date: Y2024, adults: [{ age: 40 }], children: [{ birthDate: '2010-01-01' }, { birthDate: '2013-01-01' }, { birthDate: '2016-01-01' }] },
    // 333.33 + 287.92 + 287.92 = 909.17; 393.45 + 909.17 = 1302.62
    expected: { award: 1302.62, maximumAmount: 1302.62, workAllowance: 673, elements: { standardAllowance: 393.45, child: 909.17 } },
    codes: ['child.higher-rate', 'child.lower-rate'],
  },
  {
    name: 'two-child limit: a pre-2017 third child counts, a fourth born in 2019 does not (2025/26)',
    input: {
      date: Y2025,
      adults: [{ age: 40 }],
      children: [{ birthDate: '2019-01-01' }, { birthDate: '2012-01-01' }, { birthDate: '2014-01-01' }, { birthDate: '2016-01-01' }],
    },
    // 339.00 (2012) + 292.81 (2014) + 292.81 (2016, third but born before 6 April 2017) = 924.62; 2019 excluded
    // 400.14 + 924.62 = 1324.76
    expected: { award: 1324.76, maximumAmount: 1324.76, workAllowance: 684, elements: { standardAllowance: 400.14, child: 924.62 } },
    codes: ['child.higher-rate', 'two-child-limit'],
  },
  {
    name: 'two-child limit: one pre-2017 child and two later ones, the youngest excluded (2025/26)',
    input: { date: Y2025, adults: [{ age: 40 }], children: [{ birthDate: '2015-01-01' }, { birthDate: '2018-01-01' }, { birthDate: '2020-01-01' }] },
    // 339.00 + 292.81 = 631.81; 400.14 + 631.81 = 1031.95
    expected: { award: 1031.95, maximumAmount: 1031.95, workAllowance: 684, elements: { standardAllowance: 400.14, child: 631.81 } },
    codes: ['two-child-limit'],
  },
  {
    name: 'two-child limit abolished: three children born after April 2017 all count (2026/27)',
    input: { date: Y2026, adults: [{ age: 30 }], children: [{ birthDate: '2018-01-01' }, { birthDate: '2020-01-01' }, { birthDate: '2022-01-01' }] },
    // 303.94 × 3 = 911.82; 424.90 + 911.82 = 1336.72
    expected: { award: 1336.72, maximumAmount: 1336.72, workAllowance: 710, elements: { standardAllowance: 424.9, child: 911.82 } },
    codes: ['child.no-limit'],
  },
  {
    name: 'two-child limit abolished from 6 April 2026, the same day as the 2026/27 rates (6 April 2026)',
    input: { date: '2026-04-06', adults: [{ age: 30 }], children: [{ birthDate: '2018-01-01' }, { birthDate: '2020-01-01' }, { birthDate: '2022-01-01' }] },
    // 303.94 × 3 = 911.82; 424.90 + 911.82 = 1336.72
    expected: { award: 1336.72, maximumAmount: 1336.72, workAllowance: 710, elements: { standardAllowance: 424.9, child: 911.82 } },
    codes: ['child.no-limit'],
  },

  // Work allowance and taper.
  {
    name: 'work allowance with housing: the brief’s sentence (2024/25)',
    input: { date: Y2024, adults: [{ age: 30, netEarningsMonthly: 1000 }], children: [{ birthDate: '2019-01-01' }], housing: { eligibleRentMonthly: 400 } },
    // 393.45 + 287.92 + 400.00 = 1081.37; 1000 − 404 = 596 × 0.55 = 327.80; 1081.37 − 327.80 = 753.57
    expected: {
      award: 753.57,
      maximumAmount: 1081.37,
      workAllowance: 404,
      elements: { standardAllowance: 393.45, child: 287.92, housing: 400 },
      deductions: { earnings: 327.8 },
    },
    codes: ['work-allowance.with-housing', 'taper'],
  },
  {
    name: 'no work allowance without a child or LCW, even with housing (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, netEarningsMonthly: 500 }], housing: { eligibleRentMonthly: 300 } },
    // 400.14 + 300.00 = 700.14; 500 × 0.55 = 275.00; 700.14 − 275.00 = 425.14
    expected: { award: 425.14, maximumAmount: 700.14, workAllowance: 0, elements: { standardAllowance: 400.14, housing: 300 }, deductions: { earnings: 275 } },
    codes: ['housing.included', 'work-allowance.none'],
  },
  {
    name: 'earnings within the work allowance: nothing deducted (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, netEarningsMonthly: 600 }], children: [{ birthDate: '2019-01-01' }] },
    // 400.14 + 292.81 = 692.95; 600 ≤ 684, so 0 deducted
    expected: { award: 692.95, maximumAmount: 692.95, workAllowance: 684, elements: { standardAllowance: 400.14, child: 292.81 }, deductions: { earnings: 0 } },
    codes: ['work-allowance.without-housing', 'taper'],
  },
  {
    name: 'taper rounds a half penny up: 55% of 10p is 5.5p, so 6p (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, netEarningsMonthly: 0.1 }] },
    // 0.10 × 0.55 = 0.055 → 0.06; 400.14 − 0.06 = 400.08
    expected: { award: 400.08, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 }, deductions: { earnings: 0.06 } },
    codes: ['taper', 'rounding'],
  },
  {
    name: 'taper on £1,000.01 rounds 550.0055 to 550.01 (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, netEarningsMonthly: 1000.01 }] },
    // 1000.01 × 0.55 = 550.0055 → 550.01; 400.14 − 550.01 < 0, so the award is 0
    expected: { award: 0, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 }, deductions: { earnings: 550.01 } },
    codes: ['award.nil'],
  },

  // Capital: nothing up to £6,000; £4.35 per £250 or part above it; no entitlement above £16,000.
  {
    name: 'capital of £5,999.99: below the lower limit (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], capital: 5999.99 },
    // no tariff income: 400.14
    expected: { award: 400.14, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 }, deductions: { capitalTariff: 0 } },
    codes: ['capital.below-lower-limit'],
  },
  {
    name: 'capital of exactly £6,000: no tariff income (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], capital: 6000 },
    // 6000 is not more than 6000: 400.14
    expected: { award: 400.14, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 }, deductions: { capitalTariff: 0 } },
    codes: ['capital.below-lower-limit'],
  },
  {
    name: 'capital of £6,000.01: one step (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], capital: 6000.01 },
    // 0.01 above 6000 is part of one £250 step: 4.35; 400.14 − 4.35 = 395.79
    expected: { award: 395.79, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 }, deductions: { capitalTariff: 4.35 } },
    codes: ['capital.tariff'],
  },
  {
    name: 'capital of £6,250: exactly one step (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], capital: 6250 },
    // 250 / 250 = 1 step: 4.35; 400.14 − 4.35 = 395.79
    expected: { award: 395.79, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 }, deductions: { capitalTariff: 4.35 } },
    codes: ['capital.tariff'],
  },
  {
    name: 'capital of £6,250.01: two steps (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], capital: 6250.01 },
    // 250.01 is one step and part of another: 2 × 4.35 = 8.70; 400.14 − 8.70 = 391.44
    expected: { award: 391.44, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 }, deductions: { capitalTariff: 8.7 } },
    codes: ['capital.tariff'],
  },
  {
    name: 'capital of £15,999.99: forty steps (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], capital: 15999.99 },
    // 9999.99 / 250 = 39.99996 → 40 steps × 4.35 = 174.00; 400.14 − 174.00 = 226.14
    expected: { award: 226.14, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 }, deductions: { capitalTariff: 174 } },
    codes: ['capital.tariff'],
  },
  {
    name: 'capital of exactly £16,000: still within the limit, forty steps (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], capital: 16000 },
    // the limit is capital "not greater than" £16,000 (WRA 2012 s5, UC Regs reg 18): 10000 / 250 = 40 × 4.35 = 174.00; 226.14
    expected: { award: 226.14, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 }, deductions: { capitalTariff: 174 } },
    codes: ['capital.tariff'],
  },
  {
    name: 'capital of £16,000.01: over the upper limit, no award (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], capital: 16000.01 },
    // over £16,000: no entitlement, award 0
    expected: { award: 0, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 }, deductions: { capitalTariff: 0 } },
    codes: ['capital.over-limit'],
  },

  // Childcare: 85% of costs up to a cap, only when every adult is in paid work.
  {
    name: 'childcare at 85%, under the one-child cap (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, netEarningsMonthly: 1500 }], children: [{ birthDate: '2019-01-01' }], childcareMonthly: 500 },
    // 500 × 0.85 = 425.00 ≤ 1031.88; 400.14 + 292.81 + 425.00 = 1117.95; 1500 − 684 = 816 × 0.55 = 448.80; 1117.95 − 448.80 = 669.15
    expected: {
      award: 669.15,
      maximumAmount: 1117.95,
      workAllowance: 684,
      elements: { standardAllowance: 400.14, child: 292.81, childcare: 425 },
      deductions: { earnings: 448.8 },
    },
    codes: ['childcare.included'],
  },
  {
    name: 'childcare over the one-child cap (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, netEarningsMonthly: 1500 }], children: [{ birthDate: '2019-01-01' }], childcareMonthly: 1500 },
    // 1500 × 0.85 = 1275.00 > 1031.88, so 1031.88; 400.14 + 292.81 + 1031.88 = 1724.83; 1724.83 − 448.80 = 1276.03
    expected: {
      award: 1276.03,
      maximumAmount: 1724.83,
      workAllowance: 684,
      elements: { standardAllowance: 400.14, child: 292.81, childcare: 1031.88 },
      deductions: { earnings: 448.8 },
    },
    codes: ['childcare.capped'],
  },
  {
    name: 'childcare over the two-or-more cap (2025/26)',
    input: {
      date: Y2025,
      adults: [{ age: 30, netEarningsMonthly: 1500 }],
      children: [{ birthDate: '2019-01-01' }, { birthDate: '2021-01-01' }],
      childcareMonthly: 2500,
    },
    // 2500 × 0.85 = 2125.00 > 1768.94; 400.14 + 292.81 × 2 + 1768.94 = 2754.70; 2754.70 − 448.80 = 2305.90
    expected: {
      award: 2305.9,
      maximumAmount: 2754.7,
      workAllowance: 684,
      elements: { standardAllowance: 400.14, child: 585.62, childcare: 1768.94 },
      deductions: { earnings: 448.8 },
    },
    codes: ['childcare.capped'],
  },
  {
    name: 'childcare 85% rounds to the penny: £100.10 gives £85.09 (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, netEarningsMonthly: 600 }], children: [{ birthDate: '2019-01-01' }], childcareMonthly: 100.1 },
    // 100.10 × 0.85 = 85.085 → 85.09; 400.14 + 292.81 + 85.09 = 778.04; 600 ≤ 684 so nothing deducted
    expected: {
      award: 778.04,
      maximumAmount: 778.04,
      workAllowance: 684,
      elements: { standardAllowance: 400.14, child: 292.81, childcare: 85.09 },
      deductions: { earnings: 0 },
    },
    codes: ['childcare.included', 'rounding'],
  },
  {
    name: 'childcare excluded when the partner is not in paid work (2025/26)',
    input: {
      date: Y2025,
      adults: [{ age: 30, netEarningsMonthly: 1500 }, { age: 30 }],
      children: [{ birthDate: '2019-01-01' }],
      childcareMonthly: 500,
    },
    // no childcare element; 628.10 + 292.81 = 920.91; 1500 − 684 = 816 × 0.55 = 448.80; 920.91 − 448.80 = 472.11
    expected: {
      award: 472.11,
      maximumAmount: 920.91,
      workAllowance: 684,
      elements: { standardAllowance: 628.1, child: 292.81 },
      deductions: { earnings: 448.8 },
    },
    codes: ['childcare.not-working'],
  },
  {
    name: 'childcare excluded without a child (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], childcareMonthly: 200 },
    // 400.14
    expected: { award: 400.14, maximumAmount: 400.14, workAllowance: 0, elements: { standardAllowance: 400.14 } },
    codes: ['childcare.no-children'],
  },
  {
    name: 'childcare capped at the 2024/25 one-child cap',
    input: { date: Y2024, adults: [{ age: 30, netEarningsMonthly: 1200 }], children: [{ birthDate: '2019-01-01' }], childcareMonthly: 1200 },
    // 1200 × 0.85 = 1020.00 > 1014.63; 393.45 + 287.92 + 1014.63 = 1696.00; 1200 − 673 = 527 × 0.55 = 289.85; 1696.00 − 289.85 = 1406.15
    expected: {
      award: 1406.15,
      maximumAmount: 1696,
      workAllowance: 673,
      elements: { standardAllowance: 393.45, child: 287.92, childcare: 1014.63 },
      deductions: { earnings: 289.85 },
    },
    codes: ['childcare.capped'],
  },
  {
    name: 'childcare capped at the 2026/27 one-child cap',
    input: { date: Y2026, adults: [{ age: 30, netEarningsMonthly: 2000 }], children: [{ birthDate: '2019-01-01' }], childcareMonthly: 1500 },
    // 1275.00 > 1071.09; 424.90 + 303.94 + 1071.09 = 1799.93; 2000 − 710 = 1290 × 0.55 = 709.50; 1799.93 − 709.50 = 1090.43
    expected: {
      award: 1090.43,
      maximumAmount: 1799.93,
      workAllowance: 710,
      elements: { standardAllowance: 424.9, child: 303.94, childcare: 1071.09 },
      deductions: { earnings: 709.5 },
    },
    codes: ['childcare.capped'],
  },

  // Unearned income and capital together.
  {
    name: 'other unearned income pound for pound, with capital of £7,000 (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], otherIncomeMonthly: 150, capital: 7000 },
    // capital: 1000 / 250 = 4 steps × 4.35 = 17.40; 400.14 − 150.00 − 17.40 = 232.74
    expected: {
      award: 232.74,
      maximumAmount: 400.14,
      workAllowance: 0,
      elements: { standardAllowance: 400.14 },
      deductions: { earnings: 0, unearnedIncome: 150, capitalTariff: 17.4, total: 167.4 },
    },
    codes: ['unearned-income', 'capital.tariff'],
  },
  {
    name: 'unearned income above the maximum amount: award floored at zero (2024/25)',
    input: { date: Y2024, adults: [{ age: 30 }], otherIncomeMonthly: 500 },
    // 393.45 − 500.00 < 0, so 0
    expected: { award: 0, maximumAmount: 393.45, workAllowance: 0, elements: { standardAllowance: 393.45 }, deductions: { unearnedIncome: 500, total: 500 } },
    codes: ['award.nil'],
  },

  // Everything at once.
  {
    name: 'couple, new-claimant LCWRA, three children, rent, childcare, capital and other income (2026/27)',
    input: {
      date: Y2026,
      adults: [
        { age: 28, netEarningsMonthly: 1800 },
        { age: 26, lcwra: true, lcwraSince: '2026-05-01', netEarningsMonthly: 400 },
      ],
      children: [{ birthDate: '2021-02-01' }, { birthDate: '2015-09-01' }, { birthDate: '2018-03-01' }],
      housing: { eligibleRentMonthly: 750 },
      childcareMonthly: 600,
      capital: 6600,
      otherIncomeMonthly: 50,
    },
    // 666.97 + 217.26 + (351.88 + 303.94 + 303.94 = 959.76) + (600 × 0.85 = 510.00) + 750.00 = 3103.99
    // work allowance with housing 427: 2200 − 427 = 1773 × 0.55 = 975.15; capital 600 / 250 = 2.4 → 3 × 4.35 = 13.05
    // deductions 975.15 + 50.00 + 13.05 = 1038.20; 3103.99 − 1038.20 = 2065.79
    expected: {
      award: 2065.79,
      maximumAmount: 3103.99,
      workAllowance: 427,
      elements: { standardAllowance: 666.97, lcwra: 217.26, child: 959.76, childcare: 510, housing: 750 },
      deductions: { earnings: 975.15, unearnedIncome: 50, capitalTariff: 13.05, total: 1038.2 },
    },
    codes: [
      'standard-allowance.joint-25-plus',
      'lcwra.new-claimant',
      'child.higher-rate',
      'child.no-limit',
      'childcare.included',
      'work-allowance.with-housing',
    ],
  },
  {
    name: 'a date after the rates held: the latest rates held are used, and a reason says so (2027/28)',
    input: { date: '2027-06-01', adults: [{ age: 30 }] },
    // 424.90 (2026/27 single 25+, the latest held); no income: award 424.90
    expected: { award: 424.9, maximumAmount: 424.9, workAllowance: 0, elements: { standardAllowance: 424.9 } },
    codes: ['rates.latest-held', 'standard-allowance.single-25-plus', 'award'],
  },
  // ── Completing the model ─────────────────────────────────────────────────────────────────────────
  // Rates (a month):                     2024/25    2025/26    2026/27
  //   carer element                      198.31     201.68     209.34 [D]
  //   disabled child addition lower      156.11     158.76     164.79 [D]
  //   disabled child addition higher     487.58     495.87     514.71 [D]
  //   LCW element (claims before 3 April 2017)  156.11  158.76  158.76
  //   housing cost contribution           91.47      93.02      96.55 [D]
  //   benefit cap outside London: single 1229.42, couple or children 1835.00; Greater London 1413.92 / 2110.25
  //   Child Benefit a week (eldest/other) 25.60/16.95 26.05/17.25 27.05/17.90, × 52 ÷ 12 in the cap
  //   National Living Wage an hour        11.44      12.21      12.71 (cap exemption: 16 h × NLW × 52 ÷ 12)

  // Carer element: one per carer; not for the adult the household's LCWRA element is for (reg 29(4)).
  {
    name: 'carer element: a single carer with no earnings (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, carer: true }] },
    // 400.14 + 201.68 = 601.82; a carer gets no work allowance; the carer test exempts from the cap
    expected: { award: 601.82, maximumAmount: 601.82, workAllowance: 0, elements: { standardAllowance: 400.14, carer: 201.68 } },
    exactCodes: ['standard-allowance.single-25-plus', 'carer.element', 'maximum-amount', 'work-allowance.none', 'taper', 'benefit-cap.exempt-carer', 'award'],
  },
  {
    name: 'carer element (2024/25)',
    input: { date: Y2024, adults: [{ age: 30, carer: true }] },
    // 393.45 + 198.31 = 591.76
    expected: { award: 591.76, maximumAmount: 591.76, workAllowance: 0, elements: { standardAllowance: 393.45, carer: 198.31 } },
    exactCodes: ['standard-allowance.single-25-plus', 'carer.element', 'maximum-amount', 'work-allowance.none', 'taper', 'benefit-cap.exempt-carer', 'award'],
  },
  {
    name: 'carer element (2026/27, derived rate)',
    input: { date: Y2026, adults: [{ age: 30, carer: true }] },
    // 424.90 + 209.34 (201.68 × 1.038 = 209.34384) = 634.24
    expected: { award: 634.24, maximumAmount: 634.24, workAllowance: 0, elements: { standardAllowance: 424.9, carer: 209.34 } },
    exactCodes: ['standard-allowance.single-25-plus', 'carer.element', 'maximum-amount', 'work-allowance.none', 'taper', 'benefit-cap.exempt-carer', 'award'],
  },
  {
    name: 'carer with LCWRA: only the LCWRA element for the same person (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, carer: true, lcwra: true, lcwraSince: '2024-01-01' }] },
    // 400.14 + 423.27 = 823.41 (no carer element); LCWRA gives the work allowance 684
    expected: { award: 823.41, maximumAmount: 823.41, workAllowance: 684, elements: { standardAllowance: 400.14, lcwra: 423.27 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'lcwra.one-rate',
      'carer.lcwra-instead',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-lcwra',
      'benefit-cap.exempt-carer',
      'award',
    ],
  },
  {
    name: 'couple: adult 1 has LCWRA, adult 2 is a carer: both elements (2025/26)',
    input: {
      date: Y2025,
      adults: [
        { age: 30, lcwra: true, lcwraSince: '2024-01-01' },
        { age: 30, carer: true },
      ],
    },
    // 628.10 + 423.27 + 201.68 = 1253.05
    expected: { award: 1253.05, maximumAmount: 1253.05, workAllowance: 684, elements: { standardAllowance: 628.1, lcwra: 423.27, carer: 201.68 } },
    exactCodes: [
      'standard-allowance.joint-25-plus',
      'lcwra.one-rate',
      'carer.element',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-lcwra',
      'benefit-cap.exempt-carer',
      'award',
    ],
  },
  {
    name: 'the same couple in the other order: the same award (2025/26)',
    input: {
      date: Y2025,
      adults: [
        { age: 30, carer: true },
        { age: 30, lcwra: true, lcwraSince: '2024-01-01' },
      ],
    },
    // 628.10 + 423.27 + 201.68 = 1253.05
    expected: { award: 1253.05, maximumAmount: 1253.05, workAllowance: 684, elements: { standardAllowance: 628.1, lcwra: 423.27, carer: 201.68 } },
    exactCodes: [
      'standard-allowance.joint-25-plus',
      'lcwra.one-rate',
      'carer.element',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-lcwra',
      'benefit-cap.exempt-carer',
      'award',
    ],
  },
  {
    name: 'couple both with LCWRA at one rate, adult 1 a carer: LCWRA for adult 2, so adult 1 keeps the carer element (2025/26)',
    input: {
      date: Y2025,
      adults: [
        { age: 30, carer: true, lcwra: true, lcwraSince: '2024-01-01' },
        { age: 30, lcwra: true, lcwraSince: '2024-02-01' },
      ],
    },
    // one LCWRA element 423.27 (in respect of adult 2) + carer 201.68 for adult 1: 628.10 + 423.27 + 201.68 = 1253.05
    expected: { award: 1253.05, maximumAmount: 1253.05, workAllowance: 684, elements: { standardAllowance: 628.1, lcwra: 423.27, carer: 201.68 } },
    exactCodes: [
      'standard-allowance.joint-25-plus',
      'lcwra.one-rate',
      'lcwra.couple-higher',
      'carer.element',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-lcwra',
      'benefit-cap.exempt-carer',
      'award',
    ],
  },
  {
    name: 'the same couple in the other order, adult 2 the carer: still both elements (2025/26)',
    input: {
      date: Y2025,
      adults: [
        { age: 30, lcwra: true, lcwraSince: '2024-02-01' },
        { age: 30, carer: true, lcwra: true, lcwraSince: '2024-01-01' },
      ],
    },
    // 628.10 + 423.27 + 201.68 = 1253.05
    expected: { award: 1253.05, maximumAmount: 1253.05, workAllowance: 684, elements: { standardAllowance: 628.1, lcwra: 423.27, carer: 201.68 } },
    exactCodes: [
      'standard-allowance.joint-25-plus',
      'lcwra.one-rate',
      'lcwra.couple-higher',
      'carer.element',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-lcwra',
      'benefit-cap.exempt-carer',
      'award',
    ],
  },
  {
    name: 'couple: the carer has the higher (protected) LCWRA, so that LCWRA wins and no carer element (2026/27)',
    input: {
      date: Y2026,
      adults: [
        { age: 30, carer: true, lcwra: true, lcwraSince: '2024-01-01' },
        { age: 30, lcwra: true, lcwraSince: '2026-05-01' },
      ],
    },
    // max(429.80, 217.26) = 429.80 in respect of adult 1, the carer: 666.97 + 429.80 = 1096.77
    expected: { award: 1096.77, maximumAmount: 1096.77, workAllowance: 710, elements: { standardAllowance: 666.97, lcwra: 429.8 } },
    exactCodes: [
      'standard-allowance.joint-25-plus',
      'lcwra.protected',
      'lcwra.couple-higher',
      'carer.lcwra-instead',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-lcwra',
      'benefit-cap.exempt-carer',
      'award',
    ],
  },
  {
    name: 'couple, both carers (of different people): two carer elements (2026/27)',
    input: {
      date: Y2026,
      adults: [
        { age: 40, carer: true },
        { age: 41, carer: true },
      ],
    },
    // 666.97 + 2 × 209.34 = 1085.65
    expected: { award: 1085.65, maximumAmount: 1085.65, workAllowance: 0, elements: { standardAllowance: 666.97, carer: 418.68 } },
    exactCodes: [
      'standard-allowance.joint-25-plus',
      'carer.element',
      'carer.element',
      'maximum-amount',
      'work-allowance.none',
      'taper',
      'benefit-cap.exempt-carer',
      'award',
    ],
  },

  // The LCW element: only where the award included LCW before 3 April 2017.
  {
    name: 'LCW element for LCW since 2016, with earnings (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, lcw: true, lcwSince: '2016-01-01', netEarningsMonthly: 800 }] },
    // 400.14 + 158.76 = 558.90; 800 − 684 = 116 × 0.55 = 63.80; 558.90 − 63.80 = 495.10
    expected: { award: 495.1, maximumAmount: 558.9, workAllowance: 684, elements: { standardAllowance: 400.14, lcw: 158.76 }, deductions: { earnings: 63.8 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'lcw.element',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.within',
      'award',
      'rounding',
    ],
  },
  {
    name: 'LCW since 2 April 2017, the last day before the cut-off: the LCW element (2026/27)',
    input: { date: Y2026, adults: [{ age: 30, lcw: true, lcwSince: '2017-04-02' }] },
    // 424.90 + 158.76 (frozen, UC Act 2025 s3) = 583.66
    expected: { award: 583.66, maximumAmount: 583.66, workAllowance: 710, elements: { standardAllowance: 424.9, lcw: 158.76 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'lcw.element',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.within',
      'award',
    ],
  },
  {
    name: 'LCW since 3 April 2017, the cut-off itself: no LCW element (2026/27)',
    input: { date: Y2026, adults: [{ age: 30, lcw: true, lcwSince: '2017-04-03' }] },
    // 424.90 only; LCW still gives the work allowance 710
    expected: { award: 424.9, maximumAmount: 424.9, workAllowance: 710, elements: { standardAllowance: 424.9 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'lcw.element-not-paid',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.within',
      'award',
    ],
  },
  {
    name: 'LCW element (2024/25)',
    input: { date: Y2024, adults: [{ age: 30, lcw: true, lcwSince: '2015-06-01' }] },
    // 393.45 + 156.11 = 549.56
    expected: { award: 549.56, maximumAmount: 549.56, workAllowance: 673, elements: { standardAllowance: 393.45, lcw: 156.11 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'lcw.element',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.within',
      'award',
    ],
  },
  {
    name: 'pre-2017 LCW and a carer: the carer element (the higher) instead of the LCW element (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, lcw: true, lcwSince: '2016-01-01', carer: true }] },
    // 400.14 + 201.68 = 601.82 (201.68 > 158.76); LCW still gives the work allowance 684
    expected: { award: 601.82, maximumAmount: 601.82, workAllowance: 684, elements: { standardAllowance: 400.14, carer: 201.68 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'lcw.carer-instead',
      'carer.element',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-carer',
      'award',
    ],
  },
  {
    name: 'couple: pre-2017 LCW and a partner with LCWRA: the LCWRA element only (2025/26)',
    input: {
      date: Y2025,
      adults: [
        { age: 30, lcw: true, lcwSince: '2016-01-01' },
        { age: 30, lcwra: true, lcwraSince: '2020-01-01' },
      ],
    },
    // 628.10 + 423.27 = 1051.37
    expected: { award: 1051.37, maximumAmount: 1051.37, workAllowance: 684, elements: { standardAllowance: 628.1, lcwra: 423.27 } },
    exactCodes: [
      'standard-allowance.joint-25-plus',
      'lcwra.one-rate',
      'lcw.lcwra-instead',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-lcwra',
      'award',
    ],
  },
  {
    name: 'couple both with pre-2017 LCW: one LCW element (2025/26)',
    input: {
      date: Y2025,
      adults: [
        { age: 30, lcw: true, lcwSince: '2016-01-01' },
        { age: 30, lcw: true, lcwSince: '2015-01-01' },
      ],
    },
    // 628.10 + 158.76 = 786.86
    expected: { award: 786.86, maximumAmount: 786.86, workAllowance: 684, elements: { standardAllowance: 628.1, lcw: 158.76 } },
    exactCodes: [
      'standard-allowance.joint-25-plus',
      'lcw.element',
      'lcw.couple-once',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.within',
      'award',
    ],
  },

  // Disabled child additions: for every disabled child, whatever the two-child limit.
  {
    name: 'disabled child addition, lower rate (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], children: [{ birthDate: '2019-01-01', disability: 'lower' }] },
    // 400.14 + 292.81 + 158.76 = 851.71; the child's DLA or PIP exempts from the cap
    expected: { award: 851.71, maximumAmount: 851.71, workAllowance: 684, elements: { standardAllowance: 400.14, child: 292.81, disabledChild: 158.76 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'child.lower-rate',
      'disabled-child.lower',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-disability-benefit',
      'award',
    ],
  },
  {
    name: 'disabled child addition, lower rate (2024/25)',
    input: { date: Y2024, adults: [{ age: 30 }], children: [{ birthDate: '2019-01-01', disability: 'lower' }] },
    // 393.45 + 287.92 + 156.11 = 837.48
    expected: { award: 837.48, maximumAmount: 837.48, workAllowance: 673, elements: { standardAllowance: 393.45, child: 287.92, disabledChild: 156.11 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'child.lower-rate',
      'disabled-child.lower',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-disability-benefit',
      'award',
    ],
  },
  {
    name: 'disabled child addition, higher rate (2026/27, derived rate)',
    input: { date: Y2026, adults: [{ age: 30 }], children: [{ birthDate: '2019-01-01', disability: 'higher' }] },
    // 424.90 + 303.94 + 514.71 (495.87 × 1.038 = 514.71306) = 1243.55
    expected: { award: 1243.55, maximumAmount: 1243.55, workAllowance: 710, elements: { standardAllowance: 424.9, child: 303.94, disabledChild: 514.71 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'child.lower-rate',
      'disabled-child.higher',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-disability-benefit',
      'award',
    ],
  },
  {
    name: 'a third child removed by the two-child limit still gets the disabled child addition (2025/26)',
    input: {
      date: Y2025,
      adults: [{ age: 30 }],
      children: [{ birthDate: '2018-01-01' }, { birthDate: '2020-01-01', disability: 'none' }, { birthDate: '2022-01-01', disability: 'higher' }],
    },
    // child elements 292.81 × 2 = 585.62 (child 3 excluded); addition 495.87 for child 3: 400.14 + 585.62 + 495.87 = 1481.63
    expected: { award: 1481.63, maximumAmount: 1481.63, workAllowance: 684, elements: { standardAllowance: 400.14, child: 585.62, disabledChild: 495.87 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'child.lower-rate',
      'child.lower-rate',
      'two-child-limit',
      'disabled-child.higher',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-disability-benefit',
      'award',
    ],
  },
  {
    name: 'two disabled children, one of each rate (2026/27)',
    input: {
      date: Y2026,
      adults: [{ age: 30 }],
      children: [
        { birthDate: '2019-01-01', disability: 'higher' },
        { birthDate: '2016-01-01', disability: 'lower' },
      ],
    },
    // eldest first: child 1 (2016) 351.88 + lower 164.79; child 2 (2019) 303.94 + higher 514.71
    // 424.90 + 655.82 + 679.50 = 1760.22
    expected: { award: 1760.22, maximumAmount: 1760.22, workAllowance: 710, elements: { standardAllowance: 424.9, child: 655.82, disabledChild: 679.5 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'child.higher-rate',
      'child.lower-rate',
      'disabled-child.lower',
      'disabled-child.higher',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.exempt-disability-benefit',
      'award',
    ],
  },

  // Housing cost contributions for non-dependants.
  {
    name: 'one non-dependant: a housing cost contribution off the rent (2025/26)',
    input: { date: Y2025, adults: [{ age: 40 }], housing: { eligibleRentMonthly: 600, nonDependants: 1 } },
    // 600.00 − 93.02 = 506.98; 400.14 + 506.98 = 907.12 (below the single cap of 1229.42)
    expected: { award: 907.12, maximumAmount: 907.12, workAllowance: 0, elements: { standardAllowance: 400.14, housing: 506.98 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'housing.included',
      'housing.non-dependants',
      'maximum-amount',
      'work-allowance.none',
      'taper',
      'benefit-cap.within',
      'award',
    ],
  },
  {
    name: 'one non-dependant (2024/25)',
    input: { date: Y2024, adults: [{ age: 40 }], housing: { eligibleRentMonthly: 500, nonDependants: 1 } },
    // 500.00 − 91.47 = 408.53; 393.45 + 408.53 = 801.98
    expected: { award: 801.98, maximumAmount: 801.98, workAllowance: 0, elements: { standardAllowance: 393.45, housing: 408.53 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'housing.included',
      'housing.non-dependants',
      'maximum-amount',
      'work-allowance.none',
      'taper',
      'benefit-cap.within',
      'award',
    ],
  },
  {
    name: 'two non-dependants take the whole rent: housing £0, never below (2026/27)',
    input: { date: Y2026, adults: [{ age: 30 }], housing: { eligibleRentMonthly: 150, nonDependants: 2 } },
    // 2 × 96.55 = 193.10 > 150.00, so the housing costs element is 0.00; 424.90
    expected: { award: 424.9, maximumAmount: 424.9, workAllowance: 0, elements: { standardAllowance: 424.9, housing: 0 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'housing.included',
      'housing.non-dependants',
      'maximum-amount',
      'work-allowance.none',
      'taper',
      'benefit-cap.within',
      'award',
    ],
  },
  {
    name: 'a housing costs element of £0 gives the higher work allowance (2026/27)',
    input: {
      date: Y2026,
      adults: [{ age: 30, netEarningsMonthly: 800 }],
      children: [{ birthDate: '2019-01-01' }],
      housing: { eligibleRentMonthly: 90, nonDependants: 1 },
    },
    // 90.00 − 96.55 < 0, so housing 0.00; 424.90 + 303.94 = 728.84; work allowance without housing 710:
    // 800 − 710 = 90 × 0.55 = 49.50; 728.84 − 49.50 = 679.34
    expected: {
      award: 679.34,
      maximumAmount: 728.84,
      workAllowance: 710,
      elements: { standardAllowance: 424.9, child: 303.94, housing: 0 },
      deductions: { earnings: 49.5 },
    },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'child.lower-rate',
      'housing.included',
      'housing.non-dependants',
      'maximum-amount',
      'work-allowance.without-housing',
      'taper',
      'benefit-cap.within',
      'award',
      'rounding',
    ],
  },

  // The benefit cap: London or not, single or couple/children; Child Benefit counted; childcare never capped.
  {
    name: 'benefit cap: couple with four children outside London, no earnings (2026/27)',
    input: {
      date: Y2026,
      adults: [{ age: 30 }, { age: 30 }],
      children: [{ birthDate: '2015-01-01' }, { birthDate: '2017-06-01' }, { birthDate: '2019-01-01' }, { birthDate: '2021-01-01' }],
      housing: { eligibleRentMonthly: 900 },
    },
    // 666.97 + (351.88 + 3 × 303.94 = 1263.70) + 900.00 = 2830.67;
    // Child Benefit (27.05 + 3 × 17.90 = 80.75 a week) × 52 ÷ 12 = 349.9166… → 349.92; 2830.67 + 349.92 = 3180.59;
    // over the cap of 1835.00 by 1345.59; 2830.67 − 1345.59 = 1485.08
    expected: {
      award: 1485.08,
      maximumAmount: 2830.67,
      workAllowance: 427,
      elements: { standardAllowance: 666.97, child: 1263.7, housing: 900 },
      deductions: { earnings: 0, benefitCap: 1345.59, total: 1345.59 },
    },
    exactCodes: [
      'standard-allowance.joint-25-plus',
      'child.higher-rate',
      'child.lower-rate',
      'child.lower-rate',
      'child.lower-rate',
      'child.no-limit',
      'housing.included',
      'maximum-amount',
      'work-allowance.with-housing',
      'taper',
      'benefit-cap.applied',
      'award',
    ],
  },
  {
    name: 'benefit cap: the same family when nobody gets Child Benefit ("childBenefit": false) (2026/27)',
    input: {
      date: Y2026,
      adults: [{ age: 30 }, { age: 30 }],
      children: [{ birthDate: '2015-01-01' }, { birthDate: '2017-06-01' }, { birthDate: '2019-01-01' }, { birthDate: '2021-01-01' }],
      housing: { eligibleRentMonthly: 900 },
      childBenefit: false,
    },
    // 2830.67 − 1835.00 = 995.67 taken off; award 1835.00
    expected: {
      award: 1835,
      maximumAmount: 2830.67,
      workAllowance: 427,
      elements: { standardAllowance: 666.97, child: 1263.7, housing: 900 },
      deductions: { benefitCap: 995.67, total: 995.67 },
    },
    codes: ['benefit-cap.applied'],
  },
  {
    name: 'benefit cap: a single person with no child in Greater London (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], housing: { eligibleRentMonthly: 1400, inLondon: true } },
    // 400.14 + 1400.00 = 1800.14; London single cap 1413.92: 386.22 taken off; award 1413.92
    expected: {
      award: 1413.92,
      maximumAmount: 1800.14,
      workAllowance: 0,
      elements: { standardAllowance: 400.14, housing: 1400 },
      deductions: { benefitCap: 386.22, total: 386.22 },
    },
    exactCodes: ['standard-allowance.single-25-plus', 'housing.included', 'maximum-amount', 'work-allowance.none', 'taper', 'benefit-cap.applied', 'award'],
  },
  {
    name: 'benefit cap: the same person outside London (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }], housing: { eligibleRentMonthly: 1400 } },
    // 1800.14 − 1229.42 = 570.72 taken off; award 1229.42
    expected: {
      award: 1229.42,
      maximumAmount: 1800.14,
      workAllowance: 0,
      elements: { standardAllowance: 400.14, housing: 1400 },
      deductions: { benefitCap: 570.72, total: 570.72 },
    },
    exactCodes: ['standard-allowance.single-25-plus', 'housing.included', 'maximum-amount', 'work-allowance.none', 'taper', 'benefit-cap.applied', 'award'],
  },
  {
    name: 'benefit cap: couple with three children in Greater London, Child Benefit for all three though the two-child limit removes one (2024/25)',
    input: {
      date: Y2024,
      adults: [{ age: 30 }, { age: 28 }],
      children: [{ birthDate: '2014-01-01' }, { birthDate: '2016-01-01' }, { birthDate: '2019-01-01' }],
      housing: { eligibleRentMonthly: 1500, inLondon: true },
    },
    // 617.60 + (333.33 + 287.92 = 621.25; the 2019 child is the third and born after 6 April 2017) + 1500.00 = 2738.85;
    // Child Benefit for all three (25.60 + 2 × 16.95 = 59.50) × 52 ÷ 12 = 257.8333… → 257.83; 2738.85 + 257.83 = 2996.68;
    // London couple cap 2110.25: 886.43 taken off; 2738.85 − 886.43 = 1852.42
    expected: {
      award: 1852.42,
      maximumAmount: 2738.85,
      workAllowance: 404,
      elements: { standardAllowance: 617.6, child: 621.25, housing: 1500 },
      deductions: { benefitCap: 886.43, total: 886.43 },
    },
    codes: ['two-child-limit', 'benefit-cap.applied'],
  },
  {
    name: 'benefit cap: the childcare costs element is not capped away (2026/27)',
    input: {
      date: Y2026,
      adults: [{ age: 30, netEarningsMonthly: 800 }],
      children: [{ birthDate: '2019-01-01' }, { birthDate: '2021-01-01' }],
      housing: { eligibleRentMonthly: 1200 },
      childcareMonthly: 1000,
    },
    // 424.90 + 607.88 + (1000 × 0.85 = 850.00) + 1200.00 = 3082.78; 800 − 427 = 373 × 0.55 = 205.15; before the cap 2877.63;
    // Child Benefit (27.05 + 17.90 = 44.95) × 52 ÷ 12 = 194.7833… → 194.78; 2877.63 + 194.78 = 3072.41, less childcare 850.00 = 2222.41;
    // 800 is below 16 × 12.71 × 52 ÷ 12 = 881.23, so not exempt; 2222.41 − 1835.00 = 387.41 taken off; 2877.63 − 387.41 = 2490.22
    expected: {
      award: 2490.22,
      maximumAmount: 3082.78,
      workAllowance: 427,
      elements: { standardAllowance: 424.9, child: 607.88, childcare: 850, housing: 1200 },
      deductions: { earnings: 205.15, benefitCap: 387.41, total: 592.56 },
    },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'child.lower-rate',
      'child.lower-rate',
      'childcare.included',
      'housing.included',
      'maximum-amount',
      'work-allowance.with-housing',
      'taper',
      'benefit-cap.applied',
      'award',
      'rounding',
    ],
  },
  {
    name: 'benefit cap: above the cap only because of childcare, so nothing is taken off (2026/27)',
    input: {
      date: Y2026,
      adults: [{ age: 30, netEarningsMonthly: 800 }],
      children: [{ birthDate: '2019-01-01' }, { birthDate: '2021-01-01' }],
      housing: { eligibleRentMonthly: 500 },
      childcareMonthly: 1000,
    },
    // 424.90 + 607.88 + 850.00 + 500.00 = 2382.78; less 205.15 = 2177.63; + 194.78 = 2372.41 (above 1835.00),
    // less childcare 850.00 = 1522.41, not above 1835.00: nothing taken off; award 2177.63
    expected: {
      award: 2177.63,
      maximumAmount: 2382.78,
      workAllowance: 427,
      elements: { standardAllowance: 424.9, child: 607.88, childcare: 850, housing: 500 },
      deductions: { earnings: 205.15, total: 205.15 },
    },
    codes: ['benefit-cap.within'],
  },
  {
    name: 'benefit cap exemption: earnings of exactly 16 × £12.21 × 52 ÷ 12 = £846.56 (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, netEarningsMonthly: 846.56 }], housing: { eligibleRentMonthly: 1400 } },
    // exempt; no work allowance: 846.56 × 0.55 = 465.608 → 465.61; 1800.14 − 465.61 = 1334.53
    expected: {
      award: 1334.53,
      maximumAmount: 1800.14,
      workAllowance: 0,
      elements: { standardAllowance: 400.14, housing: 1400 },
      deductions: { earnings: 465.61, total: 465.61 },
    },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'housing.included',
      'maximum-amount',
      'work-allowance.none',
      'taper',
      'benefit-cap.exempt-earnings',
      'award',
      'rounding',
    ],
  },
  {
    name: 'benefit cap: earnings of £846.55, a penny under, are capped (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, netEarningsMonthly: 846.55 }], housing: { eligibleRentMonthly: 1400 } },
    // 846.55 × 0.55 = 465.6025 → 465.60; before the cap 1800.14 − 465.60 = 1334.54; over 1229.42 by 105.12; award 1229.42
    expected: {
      award: 1229.42,
      maximumAmount: 1800.14,
      workAllowance: 0,
      elements: { standardAllowance: 400.14, housing: 1400 },
      deductions: { earnings: 465.6, benefitCap: 105.12, total: 570.72 },
    },
    codes: ['benefit-cap.applied'],
  },
  {
    name: 'benefit cap exemption: a couple’s combined earnings of £881.23 reach 16 × £12.71 × 52 ÷ 12 = £881.2266… (2026/27)',
    input: {
      date: Y2026,
      adults: [
        { age: 30, netEarningsMonthly: 500 },
        { age: 30, netEarningsMonthly: 381.23 },
      ],
      children: [{ birthDate: '2019-01-01' }, { birthDate: '2021-01-01' }],
      housing: { eligibleRentMonthly: 1600 },
    },
    // 666.97 + 607.88 + 1600.00 = 2874.85; 881.23 − 427 = 454.23 × 0.55 = 249.8265 → 249.83; 2874.85 − 249.83 = 2625.02
    expected: {
      award: 2625.02,
      maximumAmount: 2874.85,
      workAllowance: 427,
      elements: { standardAllowance: 666.97, child: 607.88, housing: 1600 },
      deductions: { earnings: 249.83, total: 249.83 },
    },
    codes: ['benefit-cap.exempt-earnings'],
  },
  {
    name: 'benefit cap: the same couple a penny short at £881.22, in the other order, is capped (2026/27)',
    input: {
      date: Y2026,
      adults: [
        { age: 30, netEarningsMonthly: 381.22 },
        { age: 30, netEarningsMonthly: 500 },
      ],
      children: [{ birthDate: '2019-01-01' }, { birthDate: '2021-01-01' }],
      housing: { eligibleRentMonthly: 1600 },
    },
    // 454.22 × 0.55 = 249.821 → 249.82; before the cap 2625.03; + Child Benefit 194.78 = 2819.81; over 1835.00 by 984.81;
    // 2625.03 − 984.81 = 1640.22
    expected: {
      award: 1640.22,
      maximumAmount: 2874.85,
      workAllowance: 427,
      elements: { standardAllowance: 666.97, child: 607.88, housing: 1600 },
      deductions: { earnings: 249.82, benefitCap: 984.81, total: 1234.63 },
    },
    codes: ['benefit-cap.applied'],
  },
  {
    name: 'benefit cap exemption: LCWRA (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, lcwra: true, lcwraSince: '2024-01-01' }], housing: { eligibleRentMonthly: 1400 } },
    // 400.14 + 423.27 + 1400.00 = 2223.41, above 1229.42 but exempt
    expected: { award: 2223.41, maximumAmount: 2223.41, workAllowance: 411, elements: { standardAllowance: 400.14, lcwra: 423.27, housing: 1400 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'lcwra.one-rate',
      'housing.included',
      'maximum-amount',
      'work-allowance.with-housing',
      'taper',
      'benefit-cap.exempt-lcwra',
      'award',
    ],
  },
  {
    name: 'benefit cap exemption: only the partner has LCWRA (2025/26)',
    input: { date: Y2025, adults: [{ age: 30 }, { age: 30, lcwra: true, lcwraSince: '2024-01-01' }], housing: { eligibleRentMonthly: 1400 } },
    // 628.10 + 423.27 + 1400.00 = 2451.37, exempt
    expected: { award: 2451.37, maximumAmount: 2451.37, workAllowance: 411, elements: { standardAllowance: 628.1, lcwra: 423.27, housing: 1400 } },
    codes: ['benefit-cap.exempt-lcwra'],
  },
  {
    name: 'benefit cap exemption: the carer test (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, carer: true }], housing: { eligibleRentMonthly: 1400 } },
    // 400.14 + 201.68 + 1400.00 = 2001.82, exempt
    expected: { award: 2001.82, maximumAmount: 2001.82, workAllowance: 0, elements: { standardAllowance: 400.14, carer: 201.68, housing: 1400 } },
    codes: ['benefit-cap.exempt-carer'],
  },
  {
    name: 'benefit cap exemption: the claimant gets a disability benefit (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, disabilityBenefit: true }], housing: { eligibleRentMonthly: 1400 } },
    // 400.14 + 1400.00 = 1800.14, exempt (without the flag: capped to 1229.42)
    expected: { award: 1800.14, maximumAmount: 1800.14, workAllowance: 0, elements: { standardAllowance: 400.14, housing: 1400 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'housing.included',
      'maximum-amount',
      'work-allowance.none',
      'taper',
      'benefit-cap.exempt-disability-benefit',
      'award',
    ],
  },
  {
    name: 'benefit cap exemption: only the partner gets a disability benefit (2025/26)',
    input: { date: Y2025, adults: [{ age: 30, disabilityBenefit: true }, { age: 30 }], housing: { eligibleRentMonthly: 1400 } },
    // 628.10 + 1400.00 = 2028.10, exempt
    expected: { award: 2028.1, maximumAmount: 2028.1, workAllowance: 0, elements: { standardAllowance: 628.1, housing: 1400 } },
    codes: ['benefit-cap.exempt-disability-benefit'],
  },
  {
    name: 'benefit cap exemption: a disabled child (DLA or PIP) (2026/27)',
    input: {
      date: Y2026,
      adults: [{ age: 30 }, { age: 30 }],
      children: [{ birthDate: '2015-01-01' }, { birthDate: '2017-06-01' }, { birthDate: '2019-01-01' }, { birthDate: '2021-01-01', disability: 'lower' }],
      housing: { eligibleRentMonthly: 900 },
    },
    // 2830.67 + 164.79 = 2995.46, exempt
    expected: {
      award: 2995.46,
      maximumAmount: 2995.46,
      workAllowance: 427,
      elements: { standardAllowance: 666.97, child: 1263.7, disabledChild: 164.79, housing: 900 },
    },
    codes: ['disabled-child.lower', 'benefit-cap.exempt-disability-benefit'],
  },

  // The minimum income floor: gainful self-employment after the start-up period.
  {
    name: 'minimum income floor: self-employed earning £300 after the start-up period (2025/26)',
    input: {
      date: Y2025,
      adults: [{ age: 30, netEarningsMonthly: 300, selfEmployed: { gainful: true, startUpEnds: '2025-05-31' } }],
      children: [{ birthDate: '2019-01-01' }],
      housing: { eligibleRentMonthly: 700 },
    },
    // floor: 35 × 12.21 × 52 ÷ 12 = 1851.85 gross; tax (22,222.20 − 12,570) × 20% ÷ 12 = 160.87; NI × 8% ÷ 12 = 64.35;
    // 1851.85 − 160.87 − 64.35 = 1626.63; 400.14 + 292.81 + 700.00 = 1392.95; 1626.63 − 411 = 1215.63 × 0.55 = 668.5965 → 668.60;
    // 1392.95 − 668.60 = 724.35 (cap: actual 300 < 846.56, but 724.35 + 112.88 Child Benefit is within 1835.00)
    expected: {
      award: 724.35,
      maximumAmount: 1392.95,
      workAllowance: 411,
      elements: { standardAllowance: 400.14, child: 292.81, housing: 700 },
      deductions: { earnings: 668.6 },
    },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'child.lower-rate',
      'housing.included',
      'maximum-amount',
      'work-allowance.with-housing',
      'mif.applied',
      'taper',
      'benefit-cap.within',
      'award',
      'rounding',
    ],
  },
  {
    name: 'minimum income floor: not in the start-up period’s last day (startUpEnds is the date) (2025/26)',
    input: {
      date: Y2025,
      adults: [{ age: 30, netEarningsMonthly: 300, selfEmployed: { gainful: true, startUpEnds: '2025-06-01' } }],
      children: [{ birthDate: '2019-01-01' }],
      housing: { eligibleRentMonthly: 700 },
    },
    // start-up: actual 300 ≤ 411, nothing deducted: 1392.95
    expected: { award: 1392.95, maximumAmount: 1392.95, workAllowance: 411, elements: { standardAllowance: 400.14, child: 292.81, housing: 700 } },
    exactCodes: [
      'standard-allowance.single-25-plus',
      'child.lower-rate',
      'housing.included',
      'maximum-amount',
      'work-allowance.with-housing',
      'mif.start-up',
      'taper',
      'benefit-cap.within',
      'award',
    ],
  },
  {
    name: 'minimum income floor: not gainful self-employment (2025/26)',
    input: {
      date: Y2025,
      adults: [{ age: 30, netEarningsMonthly: 300, selfEmployed: { gainful: false } }],
      children: [{ birthDate: '2019-01-01' }],
      housing: { eligibleRentMonthly: 700 },
    },
    // no floor: 1392.95
    expected: { award: 1392.95, maximumAmount: 1392.95, workAllowance: 411, elements: { standardAllowance: 400.14, child: 292.81, housing: 700 } },
    codes: ['mif.not-gainful'],
  },
  {
    name: 'minimum income floor: none with LCW (2025/26)',
    input: {
      date: Y2025,
      adults: [{ age: 30, lcw: true, netEarningsMonthly: 300, selfEmployed: { gainful: true } }],
      children: [{ birthDate: '2019-01-01' }],
      housing: { eligibleRentMonthly: 700 },
    },
    // no floor (work preparation only): 1392.95
    expected: { award: 1392.95, maximumAmount: 1392.95, workAllowance: 411, elements: { standardAllowance: 400.14, child: 292.81, housing: 700 } },
    codes: ['lcw.element-not-paid', 'mif.exempt'],
  },
  {
    name: 'minimum income floor: none for a single parent of a child under 3 (2025/26)',
    input: {
      date: Y2025,
      adults: [{ age: 30, netEarningsMonthly: 300, selfEmployed: { gainful: true } }],
      children: [{ birthDate: '2023-01-01' }],
      housing: { eligibleRentMonthly: 700 },
    },
    // the child is 2: no floor; 1392.95
    expected: { award: 1392.95, maximumAmount: 1392.95, workAllowance: 411, elements: { standardAllowance: 400.14, child: 292.81, housing: 700 } },
    codes: ['mif.exempt'],
  },
  {
    name: 'minimum income floor: a couple with a child under 3 – the responsible carer is not known, so no floor, and a reason says so (2025/26)',
    input: {
      date: Y2025,
      adults: [{ age: 30, netEarningsMonthly: 300, selfEmployed: { gainful: true } }, { age: 30 }],
      children: [{ birthDate: '2024-01-01' }],
      housing: { eligibleRentMonthly: 700 },
    },
    // 628.10 + 292.81 + 700.00 = 1620.91; 300 ≤ 411: 1620.91
    expected: { award: 1620.91, maximumAmount: 1620.91, workAllowance: 411, elements: { standardAllowance: 628.1, child: 292.81, housing: 700 } },
    codes: ['mif.lead-carer-unknown'],
  },
  {
    name: 'minimum income floor: earnings above the floor count as they are (2025/26)',
    input: {
      date: Y2025,
      adults: [{ age: 30, netEarningsMonthly: 2000, selfEmployed: { gainful: true } }],
      children: [{ birthDate: '2019-01-01' }],
      housing: { eligibleRentMonthly: 700 },
    },
    // 2000 ≥ 1626.63: 2000 − 411 = 1589 × 0.55 = 873.95; 1392.95 − 873.95 = 519.00
    expected: {
      award: 519,
      maximumAmount: 1392.95,
      workAllowance: 411,
      elements: { standardAllowance: 400.14, child: 292.81, housing: 700 },
      deductions: { earnings: 873.95 },
    },
    codes: ['mif.above-floor', 'benefit-cap.exempt-earnings'],
  },
  {
    name: 'minimum income floor at 19: the £10.00 minimum wage for 18 to 20 (2025/26)',
    input: { date: Y2025, adults: [{ age: 19, selfEmployed: { gainful: true } }], housing: { eligibleRentMonthly: 600 } },
    // 35 × 10.00 × 52 ÷ 12 = 1516.666… → 1516.67; tax (18,200.04 − 12,570) × 20% ÷ 12 = 93.83; NI × 8% ÷ 12 = 37.53; floor 1385.31;
    // 316.98 + 600.00 = 916.98; no work allowance: 1385.31 × 0.55 = 761.9205 → 761.92; 916.98 − 761.92 = 155.06
    expected: {
      award: 155.06,
      maximumAmount: 916.98,
      workAllowance: 0,
      elements: { standardAllowance: 316.98, housing: 600 },
      deductions: { earnings: 761.92 },
    },
    codes: ['mif.applied'],
  },
  {
    name: 'minimum income floor (2024/25)',
    input: {
      date: Y2024,
      adults: [{ age: 30, selfEmployed: { gainful: true } }],
      children: [{ birthDate: '2019-01-01' }],
      housing: { eligibleRentMonthly: 700 },
    },
    // 35 × 11.44 × 52 ÷ 12 = 1735.066… → 1735.07; tax (20,820.84 − 12,570) × 20% ÷ 12 = 137.51; NI × 8% ÷ 12 = 55.01; floor 1542.55;
    // 393.45 + 287.92 + 700.00 = 1381.37; 1542.55 − 404 = 1138.55 × 0.55 = 626.2025 → 626.20; 1381.37 − 626.20 = 755.17
    expected: {
      award: 755.17,
      maximumAmount: 1381.37,
      workAllowance: 404,
      elements: { standardAllowance: 393.45, child: 287.92, housing: 700 },
      deductions: { earnings: 626.2 },
    },
    codes: ['mif.applied'],
  },
  {
    name: 'minimum income floor (2026/27)',
    input: {
      date: Y2026,
      adults: [{ age: 30, selfEmployed: { gainful: true } }],
      children: [{ birthDate: '2019-01-01' }],
      housing: { eligibleRentMonthly: 700 },
    },
    // 35 × 12.71 × 52 ÷ 12 = 1927.683… → 1927.68; tax (23,132.16 − 12,570) × 20% ÷ 12 = 176.04; NI × 8% ÷ 12 = 70.41; floor 1681.23;
    // 424.90 + 303.94 + 700.00 = 1428.84; 1681.23 − 427 = 1254.23 × 0.55 = 689.8265 → 689.83; 1428.84 − 689.83 = 739.01
    expected: {
      award: 739.01,
      maximumAmount: 1428.84,
      workAllowance: 427,
      elements: { standardAllowance: 424.9, child: 303.94, housing: 700 },
      deductions: { earnings: 689.83 },
    },
    codes: ['mif.applied'],
  },
  {
    name: 'minimum income floor for a couple: the partner’s earnings over their own threshold lower the floor (2025/26)',
    input: {
      date: Y2025,
      adults: [
        { age: 30, netEarningsMonthly: 500, selfEmployed: { gainful: true } },
        { age: 30, netEarningsMonthly: 2000 },
      ],
      children: [{ birthDate: '2016-01-01' }, { birthDate: '2018-01-01' }],
      housing: { eligibleRentMonthly: 1200 },
    },
    // both thresholds 1626.63; the partner is 2000 − 1626.63 = 373.37 over, so adult 1's floor is 1626.63 − 373.37 = 1253.26;
    // earnings 1253.26 + 2000 = 3253.26; 628.10 + (339.00 + 292.81) + 1200.00 = 2459.91; 3253.26 − 411 = 2842.26 × 0.55 = 1563.243 → 1563.24;
    // 2459.91 − 1563.24 = 896.67
    expected: {
      award: 896.67,
      maximumAmount: 2459.91,
      workAllowance: 411,
      elements: { standardAllowance: 628.1, child: 631.81, housing: 1200 },
      deductions: { earnings: 1563.24 },
    },
    codes: ['mif.applied', 'benefit-cap.exempt-earnings'],
  },
  {
    name: 'the same couple in the other order: the same award (2025/26)',
    input: {
      date: Y2025,
      adults: [
        { age: 30, netEarningsMonthly: 2000 },
        { age: 30, netEarningsMonthly: 500, selfEmployed: { gainful: true } },
      ],
      children: [{ birthDate: '2016-01-01' }, { birthDate: '2018-01-01' }],
      housing: { eligibleRentMonthly: 1200 },
    },
    // as above: 896.67
    expected: {
      award: 896.67,
      maximumAmount: 2459.91,
      workAllowance: 411,
      elements: { standardAllowance: 628.1, child: 631.81, housing: 1200 },
      deductions: { earnings: 1563.24 },
    },
    codes: ['mif.applied'],
  },
  {
    name: 'childcare: a partner with no earnings but the carer test does not stop the childcare element (2025/26)',
    input: {
      date: Y2025,
      adults: [
        { age: 30, netEarningsMonthly: 1500 },
        { age: 30, carer: true },
      ],
      children: [{ birthDate: '2019-01-01' }],
      childcareMonthly: 500,
    },
    // 628.10 + 201.68 + 292.81 + 425.00 = 1547.59; 1500 − 684 = 816 × 0.55 = 448.80; 1547.59 − 448.80 = 1098.79
    expected: {
      award: 1098.79,
      maximumAmount: 1547.59,
      workAllowance: 684,
      elements: { standardAllowance: 628.1, carer: 201.68, child: 292.81, childcare: 425 },
      deductions: { earnings: 448.8 },
    },
    codes: ['carer.element', 'childcare.included'],
  },
];

/** Input that must be refused, and the field paths the issues must name (as the command line reports them). */
export type UcBadInput = { name: string; input: unknown; paths: string[] };

const ok = { date: Y2025, adults: [{ age: 30 }] };

export const UC_BAD_INPUTS: readonly UcBadInput[] = [
  { name: 'a date before 2024-04-08, the first day the 2024/25 rates apply', input: { ...ok, date: '2024-04-07' }, paths: ['date'] },
  { name: 'a date that is not a calendar date', input: { ...ok, date: '2025-02-29' }, paths: ['date'] },
  { name: 'a date in another format', input: { ...ok, date: '01/06/2025' }, paths: ['date'] },
  { name: 'no date', input: { adults: [{ age: 30 }] }, paths: ['date'] },
  { name: 'no adults', input: { date: Y2025 }, paths: ['adults'] },
  { name: 'an empty list of adults', input: { ...ok, adults: [] }, paths: ['adults'] },
  { name: 'three adults', input: { ...ok, adults: [{ age: 30 }, { age: 30 }, { age: 30 }] }, paths: ['adults'] },
  { name: 'an age under 16', input: { ...ok, adults: [{ age: 15 }] }, paths: ['adults.0.age'] },
  { name: 'an age at State Pension age', input: { ...ok, adults: [{ age: 66 }] }, paths: ['adults.0.age'] },
  { name: 'an age that is not whole', input: { ...ok, adults: [{ age: 30.5 }] }, paths: ['adults.0.age'] },
  { name: 'no age', input: { ...ok, adults: [{ netEarningsMonthly: 10 }] }, paths: ['adults.0.age'] },
  { name: 'both lcw and lcwra', input: { ...ok, adults: [{ age: 30, lcw: true, lcwra: true, lcwraSince: '2024-01-01' }] }, paths: ['adults.0.lcw'] },
  { name: 'lcwraSince after the date', input: { ...ok, adults: [{ age: 30, lcwra: true, lcwraSince: '2025-06-02' }] }, paths: ['adults.0.lcwraSince'] },
  {
    name: 'LCWRA from April 2026 with no lcwraSince and no protection',
    input: { date: Y2026, adults: [{ age: 30 }, { age: 30, lcwra: true }] },
    paths: ['adults.1.lcwraSince'],
  },
  { name: 'lcwraSince without lcwra', input: { ...ok, adults: [{ age: 30, lcwraSince: '2024-01-01' }] }, paths: ['adults.0.lcwraSince'] },
  { name: 'lcwraProtected without lcwra', input: { ...ok, adults: [{ age: 30, lcwraProtected: true }] }, paths: ['adults.0.lcwraProtected'] },
  { name: 'lcwra that is not a boolean', input: { ...ok, adults: [{ age: 30, lcwra: 'yes' }] }, paths: ['adults.0.lcwra'] },
  { name: 'a child born after the date', input: { ...ok, children: [{ birthDate: '2025-06-02' }] }, paths: ['children.0.birthDate'] },
  { name: 'a child aged 20', input: { ...ok, children: [{ birthDate: '2010-01-01' }, { birthDate: '2005-06-01' }] }, paths: ['children.1.birthDate'] },
  { name: 'too many children', input: { ...ok, children: Array.from({ length: 21 }, () => ({ birthDate: '2019-01-01' })) }, paths: ['children'] },
  { name: 'negative earnings', input: { ...ok, adults: [{ age: 30, netEarningsMonthly: -1 }] }, paths: ['adults.0.netEarningsMonthly'] },
  { name: 'money with three decimal places', input: { ...ok, capital: 100.001 }, paths: ['capital'] },
  { name: 'money as a string', input: { ...ok, childcareMonthly: '100' }, paths: ['childcareMonthly'] },
  { name: 'money beyond any household', input: { ...ok, otherIncomeMonthly: 1e12 }, paths: ['otherIncomeMonthly'] },
  { name: 'a rent of nothing', input: { ...ok, housing: { eligibleRentMonthly: 0 } }, paths: ['housing.eligibleRentMonthly'] },
  { name: 'an unknown key in the household', input: { ...ok, partner: true }, paths: ['partner'] },
  { name: 'an unknown key in an adult', input: { ...ok, adults: [{ age: 30, lcwraSinc: '2024-01-01' }] }, paths: ['adults.0.lcwraSinc'] },
  { name: 'an unknown key in housing', input: { ...ok, housing: { rent: 500 } }, paths: ['housing.eligibleRentMonthly', 'housing.rent'] },
  { name: 'an array instead of a household', input: [ok], paths: [''] },
  { name: 'null', input: null, paths: [''] },
  // The fields added with the completed model.
  { name: 'lcwSince without lcw', input: { ...ok, adults: [{ age: 30, lcwSince: '2016-01-01' }] }, paths: ['adults.0.lcwSince'] },
  { name: 'lcwSince after the date', input: { ...ok, adults: [{ age: 30, lcw: true, lcwSince: '2025-06-02' }] }, paths: ['adults.0.lcwSince'] },
  { name: 'lcwSince that is not a date', input: { ...ok, adults: [{ age: 30, lcw: true, lcwSince: '2016-02-30' }] }, paths: ['adults.0.lcwSince'] },
  { name: 'carer that is not a boolean', input: { ...ok, adults: [{ age: 30, carer: 'yes' }] }, paths: ['adults.0.carer'] },
  { name: 'disabilityBenefit that is not a boolean', input: { ...ok, adults: [{ age: 30, disabilityBenefit: 1 }] }, paths: ['adults.0.disabilityBenefit'] },
  {
    name: 'a child disability that is not a rate',
    input: { ...ok, children: [{ birthDate: '2019-01-01', disability: 'middle' }] },
    paths: ['children.0.disability'],
  },
  { name: 'inLondon that is not a boolean', input: { ...ok, housing: { eligibleRentMonthly: 500, inLondon: 'yes' } }, paths: ['housing.inLondon'] },
  { name: 'a negative count of non-dependants', input: { ...ok, housing: { eligibleRentMonthly: 500, nonDependants: -1 } }, paths: ['housing.nonDependants'] },
  { name: 'a part non-dependant', input: { ...ok, housing: { eligibleRentMonthly: 500, nonDependants: 1.5 } }, paths: ['housing.nonDependants'] },
  { name: 'eleven non-dependants', input: { ...ok, housing: { eligibleRentMonthly: 500, nonDependants: 11 } }, paths: ['housing.nonDependants'] },
  {
    name: 'selfEmployed without gainful',
    input: { ...ok, adults: [{ age: 30, selfEmployed: { startUpEnds: '2025-01-01' } }] },
    paths: ['adults.0.selfEmployed.gainful'],
  },
  {
    name: 'selfEmployed with an unknown key',
    input: { ...ok, adults: [{ age: 30, selfEmployed: { gainful: true, startUp: '2025-01-01' } }] },
    paths: ['adults.0.selfEmployed.startUp'],
  },
  {
    name: 'startUpEnds for self-employment that is not gainful',
    input: { ...ok, adults: [{ age: 30, selfEmployed: { gainful: false, startUpEnds: '2025-01-01' } }] },
    paths: ['adults.0.selfEmployed.startUpEnds'],
  },
  { name: 'childBenefit that is not a boolean', input: { ...ok, childBenefit: 'no' }, paths: ['childBenefit'] },
  { name: 'several problems at once', input: { date: '2024-01-01', adults: [{ age: 70 }], capital: -5 }, paths: ['date', 'adults.0.age', 'capital'] },
];
