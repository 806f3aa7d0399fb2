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
];

/** Input that must be refused, and the field paths the issues must name (as the command line reports them). */
export type UcBadInput = { name: string; input: unknown; paths: string[] };

const ok = { date: Y2025, adults: [{ age: 30 }] };

export const UC_BAD_INPUTS: readonly UcBadInput[] = [
  { name: 'a date before 2024-04-08', input: { ...ok, date: '2024-04-07' }, paths: ['date'] },
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
  { name: 'several problems at once', input: { date: '2024-01-01', adults: [{ age: 70 }], capital: -5 }, paths: ['date', 'adults.0.age', 'capital'] },
];
