import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { UC_BAD_INPUTS, UC_EXAMPLES } from '../../../test/support/uc-examples.ts';
import { InvalidInput } from '../../platform/errors/index.ts';
import { parsePolicyParameter } from '../../platform/policy/index.ts';
import {
  BENEFIT_PARAMETERS,
  CHILDREN_BORN_BEFORE,
  datesOffTheStartDates,
  firstMondayOfTaxYear,
  LCWRA_NEW_CLAIMANT_FROM,
  UC,
  UC_RATES_FROM,
  UC_RATES_START_DATES,
  UC_RATES_UNTIL,
} from './benefit-parameters.ts';
import { REASON_CODES } from './universal-credit.ts';
import { calculateUniversalCredit, formatPounds, parseHousehold, universalCredit } from './universal-credit-rules.ts';
import { MAX_MONEY, ucResultSchema } from './universal-credit-schemas.ts';

const twoDecimals = (n: number) => Number.isFinite(n) && Math.abs(Math.round(n * 100) - n * 100) < 1e-9;

describe('Universal Credit: the worked examples', () => {
  test.each(UC_EXAMPLES.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    const result = calculateUniversalCredit(example.input);
    expect(result.award).toBe(example.expected.award);
    expect(result.maximumAmount).toBe(example.expected.maximumAmount);
    expect(result.workAllowance).toBe(example.expected.workAllowance);
    expect(result.elements).toEqual(example.expected.elements);
    if (example.expected.deductions) expect(result.deductions).toMatchObject(example.expected.deductions);
    const codes = result.reasons.map((r) => r.code);
    for (const code of example.codes ?? []) expect(codes).toContain(code);
    if (example.exactCodes) expect(codes).toEqual(example.exactCodes);

    // The sum and the award follow from the parts, to the penny.
    const sum = Object.values(result.elements).reduce((s, v) => s + Math.round((v ?? 0) * 100), 0);
    expect(Math.round(result.maximumAmount * 100)).toBe(sum);
    const d = result.deductions;
    expect(Math.round(d.total * 100)).toBe(
      Math.round(d.earnings * 100) + Math.round(d.unearnedIncome * 100) + Math.round(d.capitalTariff * 100) + Math.round((d.benefitCap ?? 0) * 100),
    );
    // A capped award lists the cap's reduction; an award the cap leaves alone does not.
    expect(d.benefitCap === undefined).toBe(!codes.includes('benefit-cap.applied'));
    if (!codes.includes('capital.over-limit')) {
      expect(Math.round(result.award * 100)).toBe(Math.max(0, Math.round(result.maximumAmount * 100) - Math.round(d.total * 100)));
    }

    // Every parameter used is listed once, in force on the date, with a source and a confidence tag.
    const names = result.parameters.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of result.parameters) {
      expect(p.effectiveFrom <= result.date).toBe(true);
      expect(p.source).toMatch(/\(https?:\/\/.+\)$/);
    }
    expect(result).toMatchObject({ date: example.input.date, period: 'monthly' });
    // JSON as it stands, and in the shape the API publishes.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(() => ucResultSchema.parse(result)).not.toThrow();
  });

  test('the table covers every reason code the calculation can give', () => {
    const seen = new Set(UC_EXAMPLES.flatMap((e) => calculateUniversalCredit(e.input).reasons.map((r) => r.code)));
    expect([...REASON_CODES].filter((c) => !seen.has(c))).toEqual([]);
  });

  test('the table covers each tax year, single and couple, under and over 25', () => {
    const dates = new Set(UC_EXAMPLES.map((e) => e.input.date));
    for (const d of ['2024-06-01', '2025-06-01', '2026-06-01']) expect(dates).toContain(d);
    const codes = new Set(UC_EXAMPLES.flatMap((e) => calculateUniversalCredit(e.input).reasons.map((r) => r.code)));
    for (const c of ['single-under-25', 'single-25-plus', 'joint-under-25', 'joint-25-plus']) expect(codes).toContain(`standard-allowance.${c}`);
  });
});

describe('Universal Credit: the reasons explain the arithmetic', () => {
  test('the taper sentence carries the figures, and its values carry them for other languages', () => {
    const result = calculateUniversalCredit({
      date: '2024-06-01',
      adults: [{ age: 30, netEarningsMonthly: 1000 }],
      children: [{ birthDate: '2019-01-01' }],
      housing: { eligibleRentMonthly: 400 },
    });
    const taper = result.reasons.find((r) => r.code === 'taper');
    expect(taper?.text).toBe('Net earnings of £1,000.00 less the work allowance of £404.00 leaves £596.00; 55% of that is £327.80.');
    expect(taper?.values).toEqual({ earnings: 1000, workAllowance: 404, excess: 596, rate: 0.55, deduction: 327.8 });
  });

  test('the maximum amount and the award are sums a reader can check', () => {
    const result = calculateUniversalCredit(UC_EXAMPLES[0]?.input);
    const texts = result.reasons.map((r) => r.text);
    expect(texts).toContain('The maximum amount is £400.14 + £423.27 + £339.00 + £500.00 (standard allowance, LCWRA, children, housing) = £1,662.41.');
    expect(texts).toContain('The maximum amount of £1,662.41 less deductions of £323.95 leaves an award of £1,338.46 for the month.');
    expect(texts.at(-1)).toBe('Money is worked in whole pence; a percentage is rounded to the nearest penny, with a half penny rounded up.');
  });

  test('the two-child limit says which child it removes and that its exceptions are not modelled', () => {
    const result = calculateUniversalCredit({
      date: '2025-06-01',
      adults: [{ age: 30 }],
      children: [{ birthDate: '2018-01-01' }, { birthDate: '2020-01-01' }, { birthDate: '2022-01-01' }],
    });
    const limit = result.reasons.filter((r) => r.code === 'two-child-limit');
    expect(limit).toHaveLength(1);
    expect(limit[0]?.values).toMatchObject({ child: 3, birthDate: '2022-01-01', limit: 2 });
    expect(limit[0]?.text).toMatch(/exceptions \(multiple births, adoption, non-consensual conception, kinship care\) are not modelled/);
  });

  test('LCW explains why its element is not paid, and still unlocks the work allowance', () => {
    const result = calculateUniversalCredit({ date: '2026-06-01', adults: [{ age: 30, lcw: true }] });
    const lcw = result.reasons.find((r) => r.code === 'lcw.element-not-paid');
    expect(lcw?.text).toContain('paid only where the award included LCW before 3 April 2017');
    expect(lcw?.values).toEqual({ adult: 1, lcwElement: 158.76 });
    expect(result.workAllowance).toBe(710);
    expect(result.elements).toEqual({ standardAllowance: 424.9 });
  });

  test('capital over the upper limit gives no award, whatever else', () => {
    const result = calculateUniversalCredit({ date: '2025-06-01', adults: [{ age: 30, lcwra: true, lcwraSince: '2020-01-01' }], capital: 20000 });
    expect(result.award).toBe(0);
    expect(result.reasons.find((r) => r.code === 'capital.over-limit')?.text).toBe(
      'Capital of £20,000.00 is over the upper limit of £16,000.00, so there is no entitlement to Universal Credit: the award is £0.00.',
    );
  });

  test('a household of one listing: each parameter appears once even when two adults use it', () => {
    const result = calculateUniversalCredit({
      date: '2025-06-01',
      adults: [
        { age: 30, lcwra: true, lcwraSince: '2024-01-01' },
        { age: 31, lcwra: true, lcwraSince: '2024-02-01' },
      ],
    });
    expect(result.parameters.map((p) => p.name)).toEqual(['uc-standard-allowance-joint-25-plus', 'uc-lcwra-element', 'uc-work-allowance-without-housing']);
  });

  test('the input order of children does not matter: the eldest is found by birth date', () => {
    const a = calculateUniversalCredit({ date: '2025-06-01', adults: [{ age: 30 }], children: [{ birthDate: '2014-01-01' }, { birthDate: '2019-01-01' }] });
    const b = calculateUniversalCredit({ date: '2025-06-01', adults: [{ age: 30 }], children: [{ birthDate: '2019-01-01' }, { birthDate: '2014-01-01' }] });
    expect(a).toEqual(b);
  });

  test('the pure function gives the same answer every time, and the parser fills in the defaults', () => {
    const household = parseHousehold({ date: '2025-06-01', adults: [{ age: 30 }] });
    expect(household).toEqual({
      date: '2025-06-01',
      adults: [
        {
          age: 30,
          lcw: false,
          lcwSince: null,
          lcwra: false,
          lcwraSince: null,
          lcwraProtected: false,
          netEarningsMonthly: 0,
          carer: false,
          disabilityBenefit: false,
          selfEmployed: null,
        },
      ],
      children: [],
      housing: null,
      childcareMonthly: 0,
      capital: 0,
      otherIncomeMonthly: 0,
      childBenefit: true,
    });
    expect(universalCredit(household)).toEqual(universalCredit(household));
  });

  test('pounds are written with thousands separators and pence', () => {
    expect(formatPounds(0)).toBe('£0.00');
    expect(formatPounds(5)).toBe('£0.05');
    expect(formatPounds(100_000)).toBe('£1,000.00');
    expect(formatPounds(123_456_789)).toBe('£1,234,567.89');
    // A negative amount (a shortfall) has a minus sign before the pound sign.
    expect(formatPounds(-12_345)).toBe('−£123.45');
    expect(formatPounds(-5)).toBe('−£0.05');
  });
});

describe('Universal Credit: how the new rules join the calculation', () => {
  const codesOf = (input: unknown) => calculateUniversalCredit(input).reasons.map((r) => r.code);
  const withChildcare = { date: '2025-06-01', children: [{ birthDate: '2019-01-01' }], childcareMonthly: 500 };

  test('childcare: a partner with no earnings is excused by LCW, LCWRA or the carer test, in either order; a single claimant is not', () => {
    for (const partner of [
      { age: 30, lcw: true },
      { age: 30, lcwra: true, lcwraSince: '2024-01-01' },
      { age: 30, carer: true },
    ]) {
      for (const adults of [
        [{ age: 30, netEarningsMonthly: 1500 }, partner],
        [partner, { age: 30, netEarningsMonthly: 1500 }],
      ]) {
        const result = calculateUniversalCredit({ ...withChildcare, adults });
        expect(result.elements.childcare, JSON.stringify(adults)).toBe(425);
      }
    }
    // Nobody in work: the excuse does not stand in for the claimant's own work.
    expect(codesOf({ ...withChildcare, adults: [{ age: 30 }, { age: 30, carer: true }] })).toContain('childcare.not-working');
    expect(codesOf({ ...withChildcare, adults: [{ age: 30, carer: true }] })).toContain('childcare.not-working');
    expect(codesOf({ ...withChildcare, adults: [{ age: 30, lcw: true }] })).toContain('childcare.not-working');
    const text = calculateUniversalCredit({ ...withChildcare, adults: [{ age: 30, netEarningsMonthly: 1500 }, { age: 30 }] }).reasons.find(
      (r) => r.code === 'childcare.not-working',
    )?.text;
    expect(text).toBe(
      'Childcare costs of £500.00 are not included: the childcare costs element needs the claimant, and the partner in a joint claim unless they have limited capability for work or meet the carer test, to be in paid work, and adult 2 has no earnings.',
    );
  });

  test('childcare: gainful self-employment is paid work even in a month with no earnings', () => {
    const result = calculateUniversalCredit({ ...withChildcare, adults: [{ age: 30, selfEmployed: { gainful: true, startUpEnds: '2025-12-31' } }] });
    expect(result.elements.childcare).toBe(425);
    const notGainful = calculateUniversalCredit({ ...withChildcare, adults: [{ age: 30, selfEmployed: { gainful: false } }] });
    expect(notGainful.elements.childcare).toBeUndefined();
  });

  test('the cap is not worked out when there is no award to cap: a nil award, or capital over the limit', () => {
    const nil = codesOf({ date: '2025-06-01', adults: [{ age: 30 }], housing: { eligibleRentMonthly: 1400 }, otherIncomeMonthly: 5000 });
    expect(nil.filter((c) => c.startsWith('benefit-cap'))).toEqual([]);
    expect(nil).toContain('award.nil');
    const capital = codesOf({ date: '2025-06-01', adults: [{ age: 30 }], housing: { eligibleRentMonthly: 1400 }, capital: 16000.01 });
    expect(capital.filter((c) => c.startsWith('benefit-cap'))).toEqual([]);
    // A penny of award is enough for the cap to be looked at.
    const penny = codesOf({ date: '2025-06-01', adults: [{ age: 30 }], otherIncomeMonthly: 400.13 });
    expect(penny).toEqual(expect.arrayContaining(['benefit-cap.within', 'award']));
  });

  test('a capped award says the cap in its sentence, and lists it in the deductions', () => {
    const result = calculateUniversalCredit({ date: '2025-06-01', adults: [{ age: 30 }], housing: { eligibleRentMonthly: 1400 }, otherIncomeMonthly: 100 });
    // 1800.14 − 100.00 = 1700.14; over 1229.42 by 470.72
    expect(result.deductions).toEqual({ earnings: 0, unearnedIncome: 100, capitalTariff: 0, benefitCap: 470.72, total: 570.72 });
    expect(result.reasons.find((r) => r.code === 'award')?.text).toBe(
      'The maximum amount of £1,800.14 less deductions of £570.72 (including the benefit cap’s £470.72) leaves an award of £1,229.42 for the month.',
    );
    const uncapped = calculateUniversalCredit({ date: '2025-06-01', adults: [{ age: 30 }], otherIncomeMonthly: 100 });
    expect(uncapped.reasons.find((r) => r.code === 'award')?.text).toBe(
      'The maximum amount of £400.14 less deductions of £100.00 leaves an award of £300.14 for the month.',
    );
  });

  test('both partners carers with LCWRA at one rate: one LCWRA element, for adult 1, and one carer element, for adult 2', () => {
    const result = calculateUniversalCredit({
      date: '2025-06-01',
      adults: [
        { age: 30, carer: true, lcwra: true, lcwraSince: '2024-01-01' },
        { age: 30, carer: true, lcwra: true, lcwraSince: '2024-02-01' },
      ],
    });
    // 628.10 + 423.27 + 201.68 = 1253.05
    expect(result.elements).toEqual({ standardAllowance: 628.1, lcwra: 423.27, carer: 201.68 });
    expect(result.reasons.filter((r) => r.code.startsWith('carer.')).map((r) => [r.code, r.values.adult])).toEqual([
      ['carer.lcwra-instead', 1],
      ['carer.element', 2],
    ]);
    expect(result.reasons.find((r) => r.code === 'lcwra.one-rate')?.values.adult).toBe(1);
  });

  test('the maximum amount names each new element in its sum', () => {
    const result = calculateUniversalCredit({
      date: '2025-06-01',
      adults: [
        { age: 30, lcw: true, lcwSince: '2016-01-01' },
        { age: 30, carer: true },
      ],
      children: [{ birthDate: '2019-01-01', disability: 'lower' }],
      housing: { eligibleRentMonthly: 500, nonDependants: 1 },
    });
    expect(result.reasons.find((r) => r.code === 'maximum-amount')?.text).toBe(
      'The maximum amount is £628.10 + £158.76 + £201.68 + £292.81 + £158.76 + £406.98 (standard allowance, LCW, carer, children, disabled children, housing) = £1,847.09.',
    );
    expect(result.elements).toEqual({ standardAllowance: 628.1, lcw: 158.76, carer: 201.68, child: 292.81, disabledChild: 158.76, housing: 406.98 });
  });
});

/*
 * The whole explanation, word for word: every reason the calculation gives, in order, and none it
 * should not. The reasons are what a specialist reads out, so a wrong, missing or extra sentence is a
 * wrong answer even when the award is right. Each household's arithmetic is in its comment.
 */
type ReasonRow = [code: string, text: string, values: Record<string, number | string>];
const WORD_FOR_WORD: [name: string, input: unknown, reasons: ReasonRow[]][] = [
  [
    'single under 25 earning £300: no work allowance, every pound tapered',
    // 316.98; 300 × 55% = 165.00; 316.98 − 165.00 = 151.98
    { date: '2025-06-01', adults: [{ age: 24, netEarningsMonthly: 300 }] },
    [
      ['standard-allowance.single-under-25', 'A single claimant aged 24 (under 25) gets the standard allowance of £316.98.', { age: 24, amount: 316.98 }],
      ['maximum-amount', 'The maximum amount is the standard allowance, £316.98.', { amount: 316.98, standardAllowance: 316.98 }],
      [
        'work-allowance.none',
        'There is no work allowance: it is only for a household responsible for a child or with limited capability for work (LCW or LCWRA), so earnings are tapered from the first pound.',
        {},
      ],
      [
        'taper',
        'Net earnings of £300.00, with no work allowance, are all tapered: 55% of £300.00 is £165.00.',
        { earnings: 300, workAllowance: 0, excess: 300, rate: 0.55, deduction: 165 },
      ],
      [
        'benefit-cap.within',
        'Universal Credit before the cap of £151.98 + no Child Benefit (no children) = £151.98: not above the benefit cap for a single person with no child outside Greater London of £1,229.42, so the cap takes nothing off. Other benefits the cap counts that are inside other income (such as New Style JSA or ESA) and the 9-month grace period after work are not checked.',
        { award: 151.98, childBenefit: 0, total: 151.98, childcare: 0, counted: 151.98, cap: 1229.42, reduction: 0 },
      ],
      [
        'award',
        'The maximum amount of £316.98 less deductions of £165.00 leaves an award of £151.98 for the month.',
        { maximumAmount: 316.98, deductions: 165, award: 151.98 },
      ],
      ['rounding', 'Money is worked in whole pence; a percentage is rounded to the nearest penny, with a half penny rounded up.', {}],
    ],
  ],
  [
    'joint claimants both under 25, nothing else',
    // 497.55, nothing deducted
    { date: '2025-06-01', adults: [{ age: 24 }, { age: 22 }] },
    [
      [
        'standard-allowance.joint-under-25',
        'Joint claimants both under 25 (aged 24 and 22) get the standard allowance of £497.55.',
        { ages: '24, 22', amount: 497.55 },
      ],
      ['maximum-amount', 'The maximum amount is the standard allowance, £497.55.', { amount: 497.55, standardAllowance: 497.55 }],
      [
        'work-allowance.none',
        'There is no work allowance: it is only for a household responsible for a child or with limited capability for work (LCW or LCWRA), so earnings are tapered from the first pound.',
        {},
      ],
      ['taper', 'There are no earnings, so nothing is deducted for earnings.', { earnings: 0 }],
      [
        'benefit-cap.within',
        'Universal Credit before the cap of £497.55 + no Child Benefit (no children) = £497.55: not above the benefit cap for a couple or a household with children outside Greater London of £1,835.00, so the cap takes nothing off. Other benefits the cap counts that are inside other income (such as New Style JSA or ESA) and the 9-month grace period after work are not checked.',
        { award: 497.55, childBenefit: 0, total: 497.55, childcare: 0, counted: 497.55, cap: 1835, reduction: 0 },
      ],
      [
        'award',
        'The maximum amount of £497.55 less deductions of £0.00 leaves an award of £497.55 for the month.',
        { maximumAmount: 497.55, deductions: 0, award: 497.55 },
      ],
    ],
  ],
  [
    'couple without children, adult 2 with LCWRA and adult 1 earning: the work allowance comes from one partner',
    // 628.10 + 423.27 = 1,051.37; 1,000 − 684 = 316 × 55% = 173.80; 1,051.37 − 173.80 = 877.57
    {
      date: '2025-06-01',
      adults: [
        { age: 30, netEarningsMonthly: 1000 },
        { age: 30, lcwra: true, lcwraSince: '2024-01-01' },
      ],
    },
    [
      [
        'standard-allowance.joint-25-plus',
        'Joint claimants with one or both aged 25 or over (aged 30 and 30) get the standard allowance of £628.10.',
        { ages: '30, 30', amount: 628.1 },
      ],
      [
        'lcwra.one-rate',
        'Adult 2 has LCWRA and before 6 April 2026 there is one LCWRA rate, so the LCWRA element of £423.27 is included.',
        { adult: 2, amount: 423.27, lcwraSince: '2024-01-01' },
      ],
      [
        'maximum-amount',
        'The maximum amount is £628.10 + £423.27 (standard allowance, LCWRA) = £1,051.37.',
        { amount: 1051.37, standardAllowance: 628.1, lcwra: 423.27 },
      ],
      [
        'work-allowance.without-housing',
        'The household has limited capability for work, and the award includes no housing costs, so the higher work allowance of £684.00 applies.',
        { amount: 684 },
      ],
      [
        'taper',
        'Joint net earnings of £1,000.00 less the work allowance of £684.00 leaves £316.00; 55% of that is £173.80.',
        { earnings: 1000, workAllowance: 684, excess: 316, rate: 0.55, deduction: 173.8 },
      ],
      ['benefit-cap.exempt-lcwra', 'Adult 2 has LCWRA, so the benefit cap does not apply.', { adult: 2 }],
      [
        'award',
        'The maximum amount of £1,051.37 less deductions of £173.80 leaves an award of £877.57 for the month.',
        { maximumAmount: 1051.37, deductions: 173.8, award: 877.57 },
      ],
      ['rounding', 'Money is worked in whole pence; a percentage is rounded to the nearest penny, with a half penny rounded up.', {}],
    ],
  ],
  [
    'couple without children, adult 1 with LCW (no element) and adult 2 earning',
    // 628.10; 1,000 − 684 = 316 × 55% = 173.80; 628.10 − 173.80 = 454.30
    {
      date: '2025-06-01',
      adults: [
        { age: 30, lcw: true },
        { age: 30, netEarningsMonthly: 1000 },
      ],
    },
    [
      [
        'standard-allowance.joint-25-plus',
        'Joint claimants with one or both aged 25 or over (aged 30 and 30) get the standard allowance of £628.10.',
        { ages: '30, 30', amount: 628.1 },
      ],
      [
        'lcw.element-not-paid',
        'Adult 1 has limited capability for work (no lcwSince given). The LCW element (£158.76) is paid only where the award included LCW before 3 April 2017, so it is not included; LCW still gives the household a work allowance.',
        { adult: 1, lcwElement: 158.76 },
      ],
      ['maximum-amount', 'The maximum amount is the standard allowance, £628.10.', { amount: 628.1, standardAllowance: 628.1 }],
      [
        'work-allowance.without-housing',
        'The household has limited capability for work, and the award includes no housing costs, so the higher work allowance of £684.00 applies.',
        { amount: 684 },
      ],
      [
        'taper',
        'Joint net earnings of £1,000.00 less the work allowance of £684.00 leaves £316.00; 55% of that is £173.80.',
        { earnings: 1000, workAllowance: 684, excess: 316, rate: 0.55, deduction: 173.8 },
      ],
      [
        'benefit-cap.exempt-earnings',
        'The couple’s combined earnings of £1,000.00 are at least 16 hours a week at the National Living Wage of £12.21 × 52 ÷ 12 = £846.56 (rounded up to the penny), so the benefit cap does not apply.',
        { earnings: 1000, hours: 16, hourlyRate: 12.21, threshold: 846.56 },
      ],
      [
        'award',
        'The maximum amount of £628.10 less deductions of £173.80 leaves an award of £454.30 for the month.',
        { maximumAmount: 628.1, deductions: 173.8, award: 454.3 },
      ],
      ['rounding', 'Money is worked in whole pence; a percentage is rounded to the nearest penny, with a half penny rounded up.', {}],
    ],
  ],
  [
    'single parent of two with childcare, rent, two non-dependants, capital and other income',
    // 400.14 + 2 × 292.81 + 85% of 800 (680.00) + (600 − 2 × 93.02 = 413.96) = 2,079.72; 1,200 − 411 = 789 × 55% = 433.95; 50.00; capital 250.01 above 6,000 is 2 steps × 4.35 = 8.70; 2,079.72 − 492.65 = 1,587.07
    {
      date: '2025-06-01',
      adults: [{ age: 30, netEarningsMonthly: 1200 }],
      children: [{ birthDate: '2019-01-01' }, { birthDate: '2021-01-01' }],
      childcareMonthly: 800,
      housing: { eligibleRentMonthly: 600, nonDependants: 2 },
      capital: 6250.01,
      otherIncomeMonthly: 50,
    },
    [
      ['standard-allowance.single-25-plus', 'A single claimant aged 30 (25 or over) gets the standard allowance of £400.14.', { age: 30, amount: 400.14 }],
      [
        'child.lower-rate',
        'Child 1 (born 2019-01-01), the eldest, born on or after 6 April 2017, gets the child element of £292.81.',
        { child: 1, birthDate: '2019-01-01', amount: 292.81 },
      ],
      [
        'child.lower-rate',
        'Child 2 (born 2021-01-01), the second child, gets the child element of £292.81.',
        { child: 2, birthDate: '2021-01-01', amount: 292.81 },
      ],
      [
        'childcare.included',
        '85% of childcare costs of £800.00 is £680.00, within the cap for two or more children of £1,768.94, so the childcare costs element is £680.00.',
        { costs: 800, rate: 0.85, share: 680, cap: 1768.94, amount: 680 },
      ],
      [
        'housing.included',
        'The eligible rent is £600.00. The rules that decide eligible rent (such as the Local Housing Allowance, the size criteria and service charges) are not worked out here.',
        { amount: 600 },
      ],
      [
        'housing.non-dependants',
        '2 non-dependants × a housing cost contribution of £93.02 = £186.04 comes off the eligible rent of £600.00, leaving a housing costs element of £413.96. No contribution is due if the claimant or partner is blind or gets Attendance Allowance, the PIP daily living component or the DLA middle or highest rate care component, nor for a non-dependant under 21 or getting Pension Credit, Carer’s Allowance or one of those disability benefits: this calculation does not check these, so count only the non-dependants a contribution is due for.',
        { count: 2, contribution: 93.02, contributions: 186.04, rent: 600, amount: 413.96 },
      ],
      [
        'maximum-amount',
        'The maximum amount is £400.14 + £585.62 + £680.00 + £413.96 (standard allowance, children, childcare, housing) = £2,079.72.',
        { amount: 2079.72, standardAllowance: 400.14, child: 585.62, childcare: 680, housing: 413.96 },
      ],
      [
        'work-allowance.with-housing',
        'The household is responsible for a child, and the award includes housing costs, so the lower work allowance of £411.00 applies.',
        { amount: 411 },
      ],
      [
        'taper',
        'Net earnings of £1,200.00 less the work allowance of £411.00 leaves £789.00; 55% of that is £433.95.',
        { earnings: 1200, workAllowance: 411, excess: 789, rate: 0.55, deduction: 433.95 },
      ],
      ['unearned-income', 'Other unearned income of £50.00 is deducted pound for pound.', { amount: 50 }],
      [
        'capital.tariff',
        'Capital of £6,250.01 is £250.01 above £6,000.00: 2 steps of £250.00 or part of one, at £4.35 each, is an assumed income of £8.70, deducted pound for pound.',
        { capital: 6250.01, lowerLimit: 6000, above: 250.01, steps: 2, step: 250, perStep: 4.35, tariff: 8.7 },
      ],
      [
        'benefit-cap.exempt-earnings',
        'The claimant’s earnings of £1,200.00 are at least 16 hours a week at the National Living Wage of £12.21 × 52 ÷ 12 = £846.56 (rounded up to the penny), so the benefit cap does not apply.',
        { earnings: 1200, hours: 16, hourlyRate: 12.21, threshold: 846.56 },
      ],
      [
        'award',
        'The maximum amount of £2,079.72 less deductions of £492.65 leaves an award of £1,587.07 for the month.',
        { maximumAmount: 2079.72, deductions: 492.65, award: 1587.07 },
      ],
      ['rounding', 'Money is worked in whole pence; a percentage is rounded to the nearest penny, with a half penny rounded up.', {}],
    ],
  ],
  [
    'single parent with childcare above the one-child cap, and capital one step above the lower limit',
    // 85% of 1,500 = 1,275.00 > 1,031.88; 400.14 + 292.81 + 1,031.88 = 1,724.83; 2,000 − 684 = 1,316 × 55% = 723.80; 100 above 6,000 is 1 step, 4.35; 1,724.83 − 728.15 = 996.68
    { date: '2025-06-01', adults: [{ age: 30, netEarningsMonthly: 2000 }], children: [{ birthDate: '2019-01-01' }], childcareMonthly: 1500, capital: 6100 },
    [
      ['standard-allowance.single-25-plus', 'A single claimant aged 30 (25 or over) gets the standard allowance of £400.14.', { age: 30, amount: 400.14 }],
      [
        'child.lower-rate',
        'Child 1 (born 2019-01-01), the eldest, born on or after 6 April 2017, gets the child element of £292.81.',
        { child: 1, birthDate: '2019-01-01', amount: 292.81 },
      ],
      [
        'childcare.capped',
        '85% of childcare costs of £1,500.00 is £1,275.00, above the cap for one child of £1,031.88, so the childcare costs element is £1,031.88.',
        { costs: 1500, rate: 0.85, share: 1275, cap: 1031.88, amount: 1031.88 },
      ],
      [
        'maximum-amount',
        'The maximum amount is £400.14 + £292.81 + £1,031.88 (standard allowance, children, childcare) = £1,724.83.',
        { amount: 1724.83, standardAllowance: 400.14, child: 292.81, childcare: 1031.88 },
      ],
      [
        'work-allowance.without-housing',
        'The household is responsible for a child, and the award includes no housing costs, so the higher work allowance of £684.00 applies.',
        { amount: 684 },
      ],
      [
        'taper',
        'Net earnings of £2,000.00 less the work allowance of £684.00 leaves £1,316.00; 55% of that is £723.80.',
        { earnings: 2000, workAllowance: 684, excess: 1316, rate: 0.55, deduction: 723.8 },
      ],
      [
        'capital.tariff',
        'Capital of £6,100.00 is £100.00 above £6,000.00: 1 step of £250.00 or part of one, at £4.35 each, is an assumed income of £4.35, deducted pound for pound.',
        { capital: 6100, lowerLimit: 6000, above: 100, steps: 1, step: 250, perStep: 4.35, tariff: 4.35 },
      ],
      [
        'benefit-cap.exempt-earnings',
        'The claimant’s earnings of £2,000.00 are at least 16 hours a week at the National Living Wage of £12.21 × 52 ÷ 12 = £846.56 (rounded up to the penny), so the benefit cap does not apply.',
        { earnings: 2000, hours: 16, hourlyRate: 12.21, threshold: 846.56 },
      ],
      [
        'award',
        'The maximum amount of £1,724.83 less deductions of £728.15 leaves an award of £996.68 for the month.',
        { maximumAmount: 1724.83, deductions: 728.15, award: 996.68 },
      ],
      ['rounding', 'Money is worked in whole pence; a percentage is rounded to the nearest penny, with a half penny rounded up.', {}],
    ],
  ],
  [
    'childcare costs with no child, and capital exactly at the lower limit',
    // 400.14; 100 × 55% = 55.00; 400.14 − 55.00 = 345.14
    { date: '2025-06-01', adults: [{ age: 30, netEarningsMonthly: 100 }], childcareMonthly: 100, capital: 6000 },
    [
      ['standard-allowance.single-25-plus', 'A single claimant aged 30 (25 or over) gets the standard allowance of £400.14.', { age: 30, amount: 400.14 }],
      [
        'childcare.no-children',
        'Childcare costs of £100.00 are not included: the childcare costs element is only for a household with a child.',
        { costs: 100 },
      ],
      ['maximum-amount', 'The maximum amount is the standard allowance, £400.14.', { amount: 400.14, standardAllowance: 400.14 }],
      [
        'work-allowance.none',
        'There is no work allowance: it is only for a household responsible for a child or with limited capability for work (LCW or LCWRA), so earnings are tapered from the first pound.',
        {},
      ],
      [
        'taper',
        'Net earnings of £100.00, with no work allowance, are all tapered: 55% of £100.00 is £55.00.',
        { earnings: 100, workAllowance: 0, excess: 100, rate: 0.55, deduction: 55 },
      ],
      ['capital.below-lower-limit', 'Capital of £6,000.00 is not more than £6,000.00, so no income is assumed from it.', { capital: 6000, lowerLimit: 6000 }],
      [
        'benefit-cap.within',
        'Universal Credit before the cap of £345.14 + no Child Benefit (no children) = £345.14: not above the benefit cap for a single person with no child outside Greater London of £1,229.42, so the cap takes nothing off. Other benefits the cap counts that are inside other income (such as New Style JSA or ESA) and the 9-month grace period after work are not checked.',
        { award: 345.14, childBenefit: 0, total: 345.14, childcare: 0, counted: 345.14, cap: 1229.42, reduction: 0 },
      ],
      [
        'award',
        'The maximum amount of £400.14 less deductions of £55.00 leaves an award of £345.14 for the month.',
        { maximumAmount: 400.14, deductions: 55, award: 345.14 },
      ],
      ['rounding', 'Money is worked in whole pence; a percentage is rounded to the nearest penny, with a half penny rounded up.', {}],
    ],
  ],
  [
    'a single parent not in work: no childcare element',
    // 400.14 + 292.81 = 692.95
    { date: '2025-06-01', adults: [{ age: 30 }], children: [{ birthDate: '2019-01-01' }], childcareMonthly: 100 },
    [
      ['standard-allowance.single-25-plus', 'A single claimant aged 30 (25 or over) gets the standard allowance of £400.14.', { age: 30, amount: 400.14 }],
      [
        'child.lower-rate',
        'Child 1 (born 2019-01-01), the eldest, born on or after 6 April 2017, gets the child element of £292.81.',
        { child: 1, birthDate: '2019-01-01', amount: 292.81 },
      ],
      [
        'childcare.not-working',
        'Childcare costs of £100.00 are not included: the childcare costs element needs the claimant to be in paid work, and the claimant has no earnings.',
        { costs: 100, adult: 1 },
      ],
      [
        'maximum-amount',
        'The maximum amount is £400.14 + £292.81 (standard allowance, children) = £692.95.',
        { amount: 692.95, standardAllowance: 400.14, child: 292.81 },
      ],
      [
        'work-allowance.without-housing',
        'The household is responsible for a child, and the award includes no housing costs, so the higher work allowance of £684.00 applies.',
        { amount: 684 },
      ],
      ['taper', 'There are no earnings, so nothing is deducted for earnings.', { earnings: 0 }],
      [
        'benefit-cap.within',
        'Universal Credit before the cap of £692.95 + Child Benefit of £26.05 a week (£26.05) × 52 ÷ 12 = £112.88 = £805.83: not above the benefit cap for a couple or a household with children outside Greater London of £1,835.00, so the cap takes nothing off. Other benefits the cap counts that are inside other income (such as New Style JSA or ESA) and the 9-month grace period after work are not checked.',
        { award: 692.95, childBenefit: 112.88, total: 805.83, childcare: 0, counted: 805.83, cap: 1835, reduction: 0 },
      ],
      [
        'award',
        'The maximum amount of £692.95 less deductions of £0.00 leaves an award of £692.95 for the month.',
        { maximumAmount: 692.95, deductions: 0, award: 692.95 },
      ],
    ],
  ],
  [
    'a couple with a child, one with LCW, earning within the work allowance',
    // 628.10 + 292.81 = 920.91; 500 ≤ 684: nothing deducted
    {
      date: '2025-06-01',
      adults: [
        { age: 30, lcw: true, netEarningsMonthly: 200 },
        { age: 30, netEarningsMonthly: 300 },
      ],
      children: [{ birthDate: '2019-01-01' }],
    },
    [
      [
        'standard-allowance.joint-25-plus',
        'Joint claimants with one or both aged 25 or over (aged 30 and 30) get the standard allowance of £628.10.',
        { ages: '30, 30', amount: 628.1 },
      ],
      [
        'lcw.element-not-paid',
        'Adult 1 has limited capability for work (no lcwSince given). The LCW element (£158.76) is paid only where the award included LCW before 3 April 2017, so it is not included; LCW still gives the household a work allowance.',
        { adult: 1, lcwElement: 158.76 },
      ],
      [
        'child.lower-rate',
        'Child 1 (born 2019-01-01), the eldest, born on or after 6 April 2017, gets the child element of £292.81.',
        { child: 1, birthDate: '2019-01-01', amount: 292.81 },
      ],
      [
        'maximum-amount',
        'The maximum amount is £628.10 + £292.81 (standard allowance, children) = £920.91.',
        { amount: 920.91, standardAllowance: 628.1, child: 292.81 },
      ],
      [
        'work-allowance.without-housing',
        'The household is responsible for a child and has limited capability for work, and the award includes no housing costs, so the higher work allowance of £684.00 applies.',
        { amount: 684 },
      ],
      [
        'taper',
        'Joint net earnings of £500.00 are within the work allowance of £684.00, so nothing is deducted for earnings.',
        { earnings: 500, workAllowance: 684, deduction: 0 },
      ],
      [
        'benefit-cap.within',
        'Universal Credit before the cap of £920.91 + Child Benefit of £26.05 a week (£26.05) × 52 ÷ 12 = £112.88 = £1,033.79: not above the benefit cap for a couple or a household with children outside Greater London of £1,835.00, so the cap takes nothing off. Other benefits the cap counts that are inside other income (such as New Style JSA or ESA) and the 9-month grace period after work are not checked.',
        { award: 920.91, childBenefit: 112.88, total: 1033.79, childcare: 0, counted: 1033.79, cap: 1835, reduction: 0 },
      ],
      [
        'award',
        'The maximum amount of £920.91 less deductions of £0.00 leaves an award of £920.91 for the month.',
        { maximumAmount: 920.91, deductions: 0, award: 920.91 },
      ],
    ],
  ],
  [
    'other income above the maximum amount: a nil award',
    // 400.14 − 500.00 is below nothing: 0
    { date: '2025-06-01', adults: [{ age: 30 }], otherIncomeMonthly: 500 },
    [
      ['standard-allowance.single-25-plus', 'A single claimant aged 30 (25 or over) gets the standard allowance of £400.14.', { age: 30, amount: 400.14 }],
      ['maximum-amount', 'The maximum amount is the standard allowance, £400.14.', { amount: 400.14, standardAllowance: 400.14 }],
      [
        'work-allowance.none',
        'There is no work allowance: it is only for a household responsible for a child or with limited capability for work (LCW or LCWRA), so earnings are tapered from the first pound.',
        {},
      ],
      ['taper', 'There are no earnings, so nothing is deducted for earnings.', { earnings: 0 }],
      ['unearned-income', 'Other unearned income of £500.00 is deducted pound for pound.', { amount: 500 }],
      [
        'award.nil',
        'Deductions of £500.00 are at least the maximum amount of £400.14, so the award is £0.00: it is never below nothing.',
        { maximumAmount: 400.14, deductions: 500, award: 0 },
      ],
    ],
  ],
];

describe('Universal Credit: the whole explanation, word for word', () => {
  test.each(WORD_FOR_WORD)('%s', (_name, input, reasons) => {
    expect(calculateUniversalCredit(input).reasons.map((r) => [r.code, r.text, r.values])).toEqual(reasons);
  });
});

describe('Universal Credit: the edges the rules turn on', () => {
  const uc = (input: unknown) => calculateUniversalCredit(input);
  const reason = (input: unknown, code: string) => uc(input).reasons.find((r) => r.code === code);

  test('a couple with no child where only one partner has LCW or LCWRA still gets the work allowance, whichever partner it is', () => {
    for (const health of [{ lcw: true }, { lcwra: true, lcwraSince: '2024-01-01' }]) {
      for (const adults of [
        [
          { age: 30, ...health },
          { age: 30, netEarningsMonthly: 1000 },
        ],
        [
          { age: 30, netEarningsMonthly: 1000 },
          { age: 30, ...health },
        ],
      ]) {
        const result = uc({ date: '2025-06-01', adults });
        expect(result.workAllowance, JSON.stringify(adults)).toBe(684);
        // 1,000 − 684 = 316 × 55% = 173.80
        expect(result.deductions.earnings).toBe(173.8);
      }
    }
  });

  test('a couple who both have LCWRA get the higher amount, whichever partner has it', () => {
    const protectedAdult = { age: 30, lcwra: true, lcwraProtected: true };
    const newClaimant = { age: 31, lcwra: true, lcwraSince: '2026-05-01' };
    for (const [adults, higher] of [
      [[protectedAdult, newClaimant], 1],
      [[newClaimant, protectedAdult], 2],
    ] as const) {
      const result = uc({ date: '2026-06-01', adults });
      expect(result.elements.lcwra).toBe(429.8);
      expect(reason({ date: '2026-06-01', adults }, 'lcwra.protected')?.values.adult).toBe(higher);
      expect(result.reasons.filter((r) => r.code === 'lcwra.new-claimant')).toEqual([]);
    }
    expect(reason({ date: '2026-06-01', adults: [protectedAdult, newClaimant] }, 'lcwra.couple-higher')).toEqual({
      code: 'lcwra.couple-higher',
      text: 'Both joint claimants have LCWRA (£429.80 and £217.26), but a household gets one LCWRA element: the higher, £429.80.',
      values: { amount: 429.8, amounts: '429.8, 217.26' },
    });
    // Both at the same amount and neither a carer: the first partner's, and no word of one being higher.
    const both = uc({ date: '2026-06-01', adults: [{ ...newClaimant, age: 30 }, newClaimant] });
    expect(both.elements.lcwra).toBe(217.26);
    expect(both.reasons.find((r) => r.code === 'lcwra.new-claimant')?.values.adult).toBe(1);
  });

  test('a child born on 6 April 2017 is not "born before 6 April 2017": the lower child element, and the limit counts them', () => {
    expect(uc({ date: '2025-06-01', adults: [{ age: 30 }], children: [{ birthDate: '2017-04-06' }] }).elements.child).toBe(292.81);
    expect(uc({ date: '2025-06-01', adults: [{ age: 30 }], children: [{ birthDate: '2017-04-05' }] }).elements.child).toBe(339);
    // Two older children, then one born on 6 April 2017: limited; born a day earlier: paid.
    const older = [{ birthDate: '2012-01-01' }, { birthDate: '2014-01-01' }];
    expect(uc({ date: '2025-06-01', adults: [{ age: 40 }], children: [...older, { birthDate: '2017-04-06' }] }).elements.child).toBe(339 + 292.81);
    expect(uc({ date: '2025-06-01', adults: [{ age: 40 }], children: [...older, { birthDate: '2017-04-05' }] }).elements.child).toBe(339 + 2 * 292.81);
  });

  test('the new-claimant LCWRA rate starts on 6 April 2026: the day before, one rate; on the day, an award with LCWRA from that day is new', () => {
    const dayBefore = uc({ date: '2026-04-05', adults: [{ age: 30, lcwra: true }] });
    expect(dayBefore.elements.lcwra).toBe(423.27);
    expect(dayBefore.reasons.map((r) => r.code)).toContain('lcwra.one-rate');
    expect(uc({ date: '2026-04-06', adults: [{ age: 30, lcwra: true, lcwraSince: '2026-04-06' }] }).elements.lcwra).toBe(217.26);
    expect(uc({ date: '2026-04-06', adults: [{ age: 30, lcwra: true, lcwraSince: '2026-04-05' }] }).elements.lcwra).toBe(429.8);
    expect(reason({ date: '2026-04-06', adults: [{ age: 30, lcwra: true, lcwraSince: '2026-04-06' }] }, 'lcwra.new-claimant')).toEqual({
      code: 'lcwra.new-claimant',
      text: 'The claimant has LCWRA and is a new claimant: the award has included LCWRA only since 2026-04-06, on or after 6 April 2026, so the new-claimant LCWRA element of £217.26 is included.',
      values: { adult: 1, amount: 217.26, lcwraSince: '2026-04-06' },
    });
    expect(reason({ date: '2026-04-06', adults: [{ age: 30, lcwra: true, lcwraSince: '2026-04-05' }] }, 'lcwra.protected')?.text).toBe(
      'The claimant has LCWRA and is a pre-2026 claimant: the award has included LCWRA since 2026-04-05, before 6 April 2026, so the protected LCWRA element of £429.80 is included.',
    );
    expect(reason({ date: '2026-04-06', adults: [{ age: 30, lcwra: true, lcwraProtected: true }] }, 'lcwra.protected')).toEqual({
      code: 'lcwra.protected',
      text: 'The claimant has LCWRA and meets the severe conditions criteria or is terminally ill, so the protected LCWRA element of £429.80 is included.',
      values: { adult: 1, amount: 429.8 },
    });
    expect(reason({ date: '2026-04-05', adults: [{ age: 30, lcwra: true }] }, 'lcwra.one-rate')?.text).toBe(
      'The claimant has LCWRA and before 6 April 2026 there is one LCWRA rate, so the LCWRA element of £423.27 is included.',
    );
  });

  test('three children in any input order: eldest first, and the youngest born after 6 April 2017 is the one the limit removes', () => {
    const result = uc({
      date: '2025-06-01',
      adults: [{ age: 30 }],
      children: [{ birthDate: '2022-01-01' }, { birthDate: '2016-01-01' }, { birthDate: '2020-01-01' }],
    });
    expect(result.reasons.filter((r) => r.code.startsWith('child') || r.code === 'two-child-limit').map((r) => [r.code, r.values.birthDate])).toEqual([
      ['child.higher-rate', '2016-01-01'],
      ['child.lower-rate', '2020-01-01'],
      ['two-child-limit', '2022-01-01'],
    ]);
    expect(result.elements.child).toBe(339 + 292.81);
  });

  test('children born on the same day keep the order given: the first is child 1', () => {
    const disabledFirst = uc({
      date: '2025-06-01',
      adults: [{ age: 30 }],
      children: [{ birthDate: '2020-01-01', disability: 'higher' }, { birthDate: '2020-01-01' }],
    });
    expect(disabledFirst.reasons.find((r) => r.code === 'disabled-child.higher')?.values.child).toBe(1);
    const disabledSecond = uc({
      date: '2025-06-01',
      adults: [{ age: 30 }],
      children: [{ birthDate: '2020-01-01' }, { birthDate: '2020-01-01', disability: 'higher' }],
    });
    expect(disabledSecond.reasons.find((r) => r.code === 'disabled-child.higher')?.values.child).toBe(2);
  });

  test('the "latest rates held" warning comes only after the last day rates are held for, and first', () => {
    expect(uc({ date: '2027-04-05', adults: [{ age: 30 }] }).reasons.map((r) => r.code)).not.toContain('rates.latest-held');
    expect(uc({ date: '2027-04-06', adults: [{ age: 30 }] }).reasons[0]).toEqual({
      code: 'rates.latest-held',
      text: 'No rates for after 5 April 2027 are held yet, so these figures use the latest rates held; rates usually change each April.',
      values: { ratesHeldUntil: '2027-04-05' },
    });
  });

  test('the two-child limit abolished: all three children are paid, and it says so', () => {
    const result = uc({
      date: '2026-06-01',
      adults: [{ age: 30 }],
      children: [{ birthDate: '2018-01-01' }, { birthDate: '2020-01-01' }, { birthDate: '2022-01-01' }],
    });
    expect(result.elements.child).toBe(911.82); // 3 × 303.94
    expect(result.reasons.find((r) => r.code === 'child.no-limit')).toEqual({
      code: 'child.no-limit',
      text: 'The two-child limit does not apply on 2026-06-01 (it was abolished from 6 April 2026), so all 3 children get a child element.',
      values: { children: 3 },
    });
    expect(result.reasons.find((r) => r.code === 'child.lower-rate' && r.values.child === 3)?.text).toBe(
      'Child 3 (born 2022-01-01), the third child, gets the child element of £303.94.',
    );
    // Two children: nothing to say about a limit.
    const two = uc({ date: '2026-06-01', adults: [{ age: 30 }], children: [{ birthDate: '2018-01-01' }, { birthDate: '2020-01-01' }] });
    expect(two.reasons.map((r) => r.code)).not.toContain('child.no-limit');
  });
});

describe('Universal Credit: one start date per tax year, followed by every UC file', () => {
  test('the start dates are the first Monday of each tax year: 8 April 2024, 7 April 2025, 6 April 2026', () => {
    expect(UC_RATES_START_DATES).toEqual(['2024-04-08', '2025-04-07', '2026-04-06']);
    expect(firstMondayOfTaxYear(2024)).toBe('2024-04-08'); // 6 April 2024 was a Saturday
    expect(firstMondayOfTaxYear(2025)).toBe('2025-04-07'); // a Sunday
    expect(firstMondayOfTaxYear(2026)).toBe('2026-04-06'); // a Monday: the day itself, not 13 April
    expect(firstMondayOfTaxYear(2027)).toBe('2027-04-12'); // a Tuesday
    expect(firstMondayOfTaxYear(2030)).toBe('2030-04-08');
  });

  const policyDir = join(import.meta.dirname, '..', '..', '..', 'policy');
  const ucFiles = readdirSync(policyDir).filter((f) => /^uc-.*\.json$/.test(f) && f !== 'uc-rates-start-dates.json');
  test.each(ucFiles)('%s dates its values on the start dates only', (file) => {
    const json = JSON.parse(readFileSync(join(policyDir, file), 'utf8'));
    if (json.unit === 'dates') return; // a cut-off such as the LCW element's, not a rate
    expect(datesOffTheStartDates(parsePolicyParameter(json))).toEqual([]);
  });

  test('a stray date such as 13 April 2026 is caught; history before 2024 is left alone', () => {
    const p = parsePolicyParameter({
      name: 'x',
      description: 'x',
      unit: 'GBP/month',
      values: { '2017-04-06': 1, '2024-04-08': 2, '2026-04-13': 3 },
      confidence: 'V',
      reference: { title: 'x', url: 'https://example.org' },
    });
    expect(datesOffTheStartDates(p)).toEqual(['2026-04-13']);
    expect(datesOffTheStartDates(p, ['2024-04-08', '2026-04-13'])).toEqual([]);
  });
});

describe('Universal Credit: the dates in the parameters', () => {
  test('the rates held run from 8 April 2024 to the end of the 2026/27 tax year', () => {
    expect(UC_RATES_FROM).toBe('2024-04-08');
    expect(UC_RATES_UNTIL).toBe('2027-04-05');
  });

  test('the LCWRA cut-off and the children’s birth-date cut-off are read from the policy files', () => {
    expect(LCWRA_NEW_CLAIMANT_FROM).toBe('2026-04-06');
    expect(CHILDREN_BORN_BEFORE).toBe('2017-04-06');
  });

  test('every Universal Credit parameter has a value in force from the first date the calculation accepts', () => {
    for (const p of Object.values(UC)) {
      if (p === UC.lcwraNewClaimant) continue; // from 6 April 2026 only, by design
      const first = Object.keys(p.values).sort()[0] ?? '';
      expect(first <= UC_RATES_FROM, p.name).toBe(true);
    }
    expect(BENEFIT_PARAMETERS.length).toBe(49);
  });
});

describe('Universal Credit: bad input is refused, never guessed at', () => {
  test.each(UC_BAD_INPUTS.map((b) => [b.name, b] as const))('%s', (_name, bad) => {
    let thrown: unknown;
    try {
      calculateUniversalCredit(bad.input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInput);
    const issues = (thrown as InvalidInput).issues;
    expect([...new Set(issues.map((i) => i.path))].sort()).toEqual([...bad.paths].sort());
    for (const i of issues) {
      // A sentence a specialist can act on, not a code or a library's default wording.
      expect(i.message).toMatch(/^\S.*[.)]$/);
      expect(i.message).not.toMatch(/Invalid input|expected/);
    }
  });

  test('the messages say why', () => {
    const issuesOf = (input: unknown) => {
      try {
        calculateUniversalCredit(input);
        return [];
      } catch (error) {
        return (error as InvalidInput).issues.map((i) => i.message);
      }
    };
    expect(issuesOf({ date: '2024-04-07', adults: [{ age: 30 }] })[0]).toContain('before 8 April 2024 (2024-04-08)');
    expect(issuesOf({ date: '2025-06-01', adults: [{ age: 66 }] })[0]).toContain('under State Pension age');
    expect(issuesOf({ date: '2025-06-01', adults: [{ age: 30 }], children: [{ birthDate: '2005-01-01' }] })[0]).toContain(
      'qualifying young people up to the age of 19',
    );
    expect(issuesOf({ date: '2026-06-01', adults: [{ age: 30, lcwra: true }] })[0]).toContain('set lcwraProtected to true');
    expect(issuesOf({ date: '2025-06-01', adults: [{ age: 30, lcwraSinc: '2024-01-01' }] })[0]).toContain('Remove "lcwraSinc"');
  });
});

// Random households within the rules: the calculation never throws, and the award is sane.
const isoDay = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(`${from}T00:00:00Z`) / 86_400_000, max: Date.parse(`${to}T00:00:00Z`) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const pence = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((p) => p / 100);

const householdArbitrary = isoDay(UC_RATES_FROM, '2030-12-31').chain((date) =>
  fc.record({
    date: fc.constant(date),
    adults: fc.array(
      fc
        .record({
          age: fc.integer({ min: 16, max: 65 }),
          health: fc.constantFrom('none', 'lcw', 'lcwra', 'lcwra-protected'),
          since: isoDay('2015-01-01', date),
          netEarningsMonthly: fc.oneof(fc.constant(0), pence(5000)),
          carer: fc.boolean(),
          disabilityBenefit: fc.boolean(),
          selfEmployed: fc.option(fc.record({ gainful: fc.boolean(), startUp: fc.option(isoDay('2023-01-01', '2030-12-31'), { nil: undefined }) }), {
            nil: undefined,
          }),
        })
        .map(({ age, health, since, netEarningsMonthly, carer, disabilityBenefit, selfEmployed }) => ({
          age,
          netEarningsMonthly,
          ...(carer ? { carer } : {}),
          ...(disabilityBenefit ? { disabilityBenefit } : {}),
          ...(selfEmployed
            ? {
                selfEmployed: { gainful: selfEmployed.gainful, ...(selfEmployed.gainful && selfEmployed.startUp ? { startUpEnds: selfEmployed.startUp } : {}) },
              }
            : {}),
          ...(health === 'lcw' ? { lcw: true, ...(since < '2019-01-01' ? { lcwSince: since } : {}) } : {}),
          ...(health === 'lcwra' ? { lcwra: true, lcwraSince: since } : {}),
          ...(health === 'lcwra-protected' ? { lcwra: true, lcwraProtected: true } : {}),
        })),
      { minLength: 1, maxLength: 2 },
    ),
    children: fc.array(
      fc.record({
        birthDate: isoDay('2007-01-01', date).filter((b) => b > `${Number(date.slice(0, 4)) - 20}${date.slice(4)}`),
        disability: fc.constantFrom('none', 'lower', 'higher'),
      }),
      { maxLength: 6 },
    ),
    housing: fc.option(
      fc.record({
        eligibleRentMonthly: pence(2000).filter((r) => r > 0),
        inLondon: fc.boolean(),
        nonDependants: fc.integer({ min: 0, max: 3 }),
      }),
      { nil: undefined },
    ),
    childBenefit: fc.boolean(),
    childcareMonthly: fc.oneof(fc.constant(0), pence(3000)),
    capital: fc.oneof(fc.constant(0), pence(20_000)),
    otherIncomeMonthly: fc.oneof(fc.constant(0), pence(1000)),
  }),
);

describe('Universal Credit: properties', () => {
  test('for any valid household the award is from 0 to the maximum amount, in pence, and nothing throws', () => {
    fc.assert(
      fc.property(householdArbitrary, (household) => {
        const input = JSON.parse(JSON.stringify(household));
        const result = calculateUniversalCredit(input);
        expect(result.award).toBeGreaterThanOrEqual(0);
        expect(result.award).toBeLessThanOrEqual(result.maximumAmount);
        for (const n of [result.award, result.maximumAmount, result.workAllowance, ...Object.values(result.deductions)]) expect(twoDecimals(n)).toBe(true);
        for (const n of Object.values(result.elements)) expect(twoDecimals(n ?? 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('more earnings never mean a higher award before the benefit cap (the cap itself has a cliff edge at its earnings exemption)', () => {
    fc.assert(
      fc.property(householdArbitrary, pence(500), (household, extra) => {
        const [first, ...others] = household.adults;
        const more = { ...household, adults: [{ ...first, age: first?.age ?? 30, netEarningsMonthly: (first?.netEarningsMonthly ?? 0) + extra }, ...others] };
        // Earnings can switch the childcare element on for a household that had none, so compare without it.
        const withoutChildcare = (h: typeof household) => {
          const r = calculateUniversalCredit({ ...h, childcareMonthly: 0 });
          return Math.round(r.award * 100) + Math.round((r.deductions.benefitCap ?? 0) * 100);
        };
        expect(withoutChildcare(more)).toBeLessThanOrEqual(withoutChildcare(household));
      }),
      { numRuns: 200 },
    );
  });

  test('for any junk the error is InvalidInput with issues, never anything else', () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.json().map((j) => JSON.parse(j) as unknown),
      householdArbitrary
        .chain((h) =>
          fc.record({
            key: fc.constantFrom('date', 'adults', 'children', 'housing', 'childcareMonthly', 'capital', 'otherIncomeMonthly', 'extra'),
            value: fc.oneof(
              fc.anything(),
              fc.double(),
              fc.constantFrom(-1, 0.001, 1e15, Number.NaN, '2025-02-30', '', [], {}, null, [{ age: 200 }], [{ birthDate: 'x' }], { eligibleRentMonthly: -1 }),
            ),
            h: fc.constant(h),
          }),
        )
        .map(({ key, value, h }) => ({ ...h, [key]: value })),
    );
    fc.assert(
      fc.property(junk, (input) => {
        try {
          const result = calculateUniversalCredit(input);
          expect(result.award).toBeGreaterThanOrEqual(0);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInput);
          expect((error as InvalidInput).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('money at the top of the range still works in whole pence', () => {
    const result = calculateUniversalCredit({
      date: '2025-06-01',
      adults: [{ age: 30, netEarningsMonthly: MAX_MONEY }],
      housing: { eligibleRentMonthly: MAX_MONEY },
      children: [{ birthDate: '2019-01-01' }],
      childcareMonthly: MAX_MONEY,
      otherIncomeMonthly: MAX_MONEY,
    });
    expect(result.elements.housing).toBe(MAX_MONEY);
    expect(twoDecimals(result.award)).toBe(true);
  });
});
