import { describe, expect, test } from 'vitest';
import { type CouncilTaxScheme, councilTaxSupport, isWelshGssCode, schemeFor } from './council-tax-support-rules.ts';
import type { Household, UcResult } from './universal-credit.ts';

/*
 * Hand-worked Council Tax Support a month. Figures in pounds; every step to the penny, halves up.
 * Wales 2024/25 (held for later years): personal allowance single 25+ £96.45, 18-24 £76.35, lone
 * parent £96.45, couple £151.45; child £83.24; family premium £19.15; earnings disregards £5 / £10
 * / £25 a week; capital limit £16,000; taper 20%. A week to a month is × 52 ÷ 12.
 * The UC result is given directly: only its award, maximum amount and capital tariff are read.
 */
const DATE = '2026-11-23';
const WALES: CouncilTaxScheme = { kind: 'wales' };
const BANDED: CouncilTaxScheme = {
  kind: 'banded',
  name: 'Example Council Tax Support',
  url: 'https://example.org/cts',
  // Given out of order: the rules sort them.
  bands: [
    { upTo: 800, discount: 50 },
    { upTo: 400, discount: 80 },
    { upTo: 1200, discount: 8.5 },
  ],
};

const adult = (age: number, netEarningsMonthly = 0) => ({ age, lcw: false, lcwra: false, lcwraSince: null, lcwraProtected: false, netEarningsMonthly });
const household = (h: Partial<Household> = {}): Household => ({
  date: DATE,
  adults: [adult(30)],
  children: [],
  housing: null,
  childcareMonthly: 0,
  capital: 0,
  otherIncomeMonthly: 0,
  ...h,
});
const uc = (award: number, maximumAmount: number, capitalTariff = 0): UcResult => ({
  date: DATE,
  period: 'monthly',
  award,
  maximumAmount,
  elements: { standardAllowance: maximumAmount },
  deductions: { earnings: 0, unearnedIncome: 0, capitalTariff, total: 0 },
  workAllowance: 0,
  reasons: [],
  parameters: [],
});
const run = (scheme: CouncilTaxScheme, annual: number | null, h: Household, u: UcResult) =>
  councilTaxSupport({ date: DATE, scheme, annualCouncilTax: annual, household: h, uc: u });
const codes = (r: ReturnType<typeof run>) => r.reasons.map((x) => x.code);

describe('Council Tax Support: which scheme, and when the figure is left out', () => {
  test('a W GSS code is Wales; any other uses the banded scheme set, or none', () => {
    expect(isWelshGssCode('W06000015')).toBe(true);
    expect(isWelshGssCode('E06000016')).toBe(false);
    expect(schemeFor('W06000015', null)).toEqual({ kind: 'wales' });
    expect(schemeFor('W06000015', BANDED as Extract<CouncilTaxScheme, { kind: 'banded' }>)).toEqual({ kind: 'wales' });
    expect(schemeFor('E06000016', BANDED as Extract<CouncilTaxScheme, { kind: 'banded' }>)).toBe(BANDED);
    expect(schemeFor('E06000016', null)).toEqual({ kind: 'none' });
  });

  test('no scheme: left out, with the bill a month if one was given (1,000 ÷ 12 = 83.333 → 83.33)', () => {
    const r = run({ kind: 'none' }, 1000, household(), uc(400, 400));
    expect(r).toMatchObject({ status: 'no-scheme', monthly: 0, liabilityMonthly: 83.33, parameters: [] });
    expect(codes(r)).toEqual(['no-scheme']);
    expect(run({ kind: 'none' }, null, household(), uc(400, 400)).liabilityMonthly).toBeNull();
  });

  test.each([null, 0, -5])('no bill (%s): left out', (annual) => {
    const r = run(WALES, annual, household(), uc(400, 400));
    expect(r).toMatchObject({ status: 'no-liability', monthly: 0, liabilityMonthly: null });
    expect(codes(r)).toEqual(['no-liability']);
  });

  test('a bill of 1p a year is a bill: 0.01 ÷ 12 → 0.00 a month, full support 0.00', () => {
    const r = run(WALES, 0.01, household(), uc(400, 400));
    expect(r).toMatchObject({ status: 'calculated', monthly: 0, liabilityMonthly: 0 });
  });
});

describe('Wales, with an award of Universal Credit (applicable amount = UC maximum amount)', () => {
  test.each([
    // [case, annual bill, household, UC award, maximum, tariff, expected a month]
    // Bill 1,800 a year = 150.00 a month.
    // Out of work: income = award 424.90 = maximum: not above, so the whole bill.
    ['out of work, income equal to the applicable amount', 1800, household(), 424.9, 424.9, 0, 150],
    // income 424.90 + 0.01 = 424.91; excess 0.01; 20% = 0.002 → 0.00; 150.00.
    ['1p above: 20% of 1p rounds to nothing', 1800, household({ adults: [adult(30, 0.01)] }), 424.9, 424.9, 0, 150],
    // excess 0.03; 20% = 0.006 → 0.01; 149.99.
    ['3p above: 20% of 3p is 1p', 1800, household({ adults: [adult(30, 0.03)] }), 424.9, 424.9, 0, 149.99],
    // excess 0.02; 20% = 0.004 → 0.00 (below a half rounds down); 150.00.
    ['2p above: rounds down', 1800, household({ adults: [adult(30, 0.02)] }), 424.9, 424.9, 0, 150],
    // In work: income = 600.00 + 700.00 = 1,300.00; excess 1,300.00 − 854.70 = 445.30; 20% = 89.06; 150.00 − 89.06 = 60.94.
    ['in work, tapered', 1800, household({ adults: [adult(30, 700)] }), 600, 854.7, 0, 60.94],
    // Partner's pay and other income count: 300 + 200 + 150 + 100 = 750.00; excess 750 − 600 = 150.00; 20% = 30.00; 120.00.
    [
      'a couple: both take-home pays and other income',
      1800,
      household({ adults: [adult(30, 200), adult(31, 150)], otherIncomeMonthly: 100 }),
      300,
      600,
      0,
      120,
    ],
    // Income assumed from savings counts: 420.00 + 8.70 = 428.70; excess 3.80; 20% = 0.76; 149.24.
    ['income assumed from savings', 1800, household({ capital: 7000 }), 420, 424.9, 8.7, 149.24],
    // Not below nothing: 10.00 + 2,000.00 = 2,010.00; excess 1,585.10; 20% = 317.02 > 150.00: 0.
    ['a large excess: no support, never below nothing', 1800, household({ adults: [adult(30, 2000)] }), 10, 424.9, 0, 0],
    // Exactly the bill: excess 750.00 → 20% = 150.00 = bill: 0.00.
    ['a taper of exactly the bill leaves nothing', 1800, household({ adults: [adult(30, 750)] }), 424.9, 424.9, 0, 0],
  ])('%s', (_name, annual, h, award, max, tariff, expected) => {
    const r = run(WALES, annual, h, uc(award, max, tariff));
    expect(r.status).toBe('calculated');
    expect(r.liabilityMonthly).toBe(150);
    expect(r.monthly).toBe(expected);
    expect(codes(r)[0]).toBe('liability');
    expect(codes(r)).toContain('wales.uc.applicable-amount');
    expect(codes(r)).toContain('wales.uc.income');
    expect(codes(r).at(-1)).toBe('award');
    expect(r.parameters.map((p) => p.name)).toEqual(['ctr-wales-taper-rate']);
  });

  test('the reasons carry the arithmetic', () => {
    const r = run(WALES, 1800, household({ adults: [adult(30, 700)] }), uc(600, 854.7));
    expect(r.reasons.find((x) => x.code === 'wales.taper')?.values).toEqual({ excess: 445.3, rate: 0.2, deduction: 89.06, liability: 150, amount: 60.94 });
    expect(r.reasons.find((x) => x.code === 'wales.uc.income')?.values).toMatchObject({ award: 600, earnings: 700, income: 1300 });
    expect(r.reasons.find((x) => x.code === 'liability')?.text).toBe('The council tax bill is £1,800.00 a year, £150.00 a month.');
  });

  test('income at or below the applicable amount gives the whole bill (full, not taper)', () => {
    const r = run(WALES, 1800, household(), uc(424.9, 424.9));
    expect(codes(r)).toEqual(['liability', 'wales.uc.applicable-amount', 'wales.uc.income', 'wales.full', 'award']);
  });
});

describe('Wales, without Universal Credit (Schedule 7 applicable amount, earnings disregard)', () => {
  test.each([
    // Single 30: 96.45 a week × 52 ÷ 12 = 417.95. Disregard 5 × 52 ÷ 12 = 21.666 → 21.67.
    // Income 2,000.00 − 21.67 = 1,978.33; excess 1,560.38; 20% = 312.076 → 312.08.
    // Bill 4,000 a year = 333.333 → 333.33; 333.33 − 312.08 = 21.25.
    ['single 25 or over', 4000, household({ adults: [adult(30, 2000)] }), 21.25, 'ctr-wales-personal-allowance-single-25-plus', 417.95],
    // Single 24: 76.35 × 52 ÷ 12 = 330.85. Income 1,000 − 21.67 = 978.33; excess 647.48; 20% = 129.496 → 129.50.
    // 333.33 − 129.50 = 203.83.
    ['single under 25', 4000, household({ adults: [adult(24, 1000)] }), 203.83, 'ctr-wales-personal-allowance-single-under-25', 330.85],
    // Single 25 exactly: the 25-or-over allowance. 417.95; 1,000 − 21.67 = 978.33; excess 560.38; 20% = 112.076 → 112.08; 221.25.
    ['single aged exactly 25', 4000, household({ adults: [adult(25, 1000)] }), 221.25, 'ctr-wales-personal-allowance-single-25-plus', 417.95],
    // Lone parent, 2 children: 96.45 + 2 × 83.24 + 19.15 = 282.08 a week × 52 ÷ 12 = 1,222.346 → 1,222.35.
    // Disregard 25 × 52 ÷ 12 = 108.333 → 108.33. Income 1,300 − 108.33 = 1,191.67 ≤ 1,222.35: the whole bill.
    [
      'lone parent, two children: within the applicable amount',
      4000,
      household({ adults: [adult(30, 1300)], children: [{ birthDate: '2015-01-01' }, { birthDate: '2018-01-01' }] }),
      333.33,
      'ctr-wales-personal-allowance-lone-parent',
      1222.35,
    ],
    // Couple: 151.45 × 52 ÷ 12 = 656.283 → 656.28. Disregard 10 × 52 ÷ 12 = 43.333 → 43.33.
    // Income 1,500 + 500 − 43.33 + other 100 = 2,056.67; excess 1,400.39; 20% = 280.078 → 280.08; 333.33 − 280.08 = 53.25.
    [
      'couple, both working, with other income',
      4000,
      household({ adults: [adult(30, 1500), adult(31, 500)], otherIncomeMonthly: 100 }),
      53.25,
      'ctr-wales-personal-allowance-couple',
      656.28,
    ],
    // Earnings below the disregard count as nothing: 10.00 − 21.67 → 0; 0 ≤ 417.95: the whole bill.
    ['earnings below the disregard', 4000, household({ adults: [adult(30, 10)] }), 333.33, 'ctr-wales-personal-allowance-single-25-plus', 417.95],
  ])('%s', (_name, annual, h, expected, allowance, applicable) => {
    const r = run(WALES, annual, h, uc(0, 424.9));
    expect(r.monthly).toBe(expected);
    expect(r.parameters.map((p) => p.name)).toContain(allowance);
    expect(r.reasons.find((x) => x.code === 'wales.applicable-amount')?.values.amount).toBe(applicable);
    expect(codes(r)).not.toContain('wales.uc.income');
  });

  test('a lone parent uses the lone-parent disregard, child amounts and family premium', () => {
    const r = run(WALES, 4000, household({ adults: [adult(30, 1300)], children: [{ birthDate: '2015-01-01' }] }), uc(0, 424.9));
    expect(r.parameters.map((p) => p.name)).toEqual([
      'ctr-wales-capital-upper-limit',
      'ctr-wales-personal-allowance-lone-parent',
      'ctr-wales-child-amount',
      'ctr-wales-family-premium',
      'ctr-wales-earnings-disregard-lone-parent',
      'ctr-wales-taper-rate',
    ]);
    // 96.45 + 83.24 + 19.15 = 198.84 a week.
    expect(r.reasons.find((x) => x.code === 'wales.applicable-amount')?.values).toMatchObject({ weekly: 198.84, children: 1 });
    expect(r.reasons.find((x) => x.code === 'wales.income')?.values).toMatchObject({ disregard: 25, disregardMonthly: 108.33 });
  });

  test('a single person and a couple use their own disregards', () => {
    const single = run(WALES, 4000, household({ adults: [adult(30, 100)] }), uc(0, 424.9));
    expect(single.parameters.map((p) => p.name)).toContain('ctr-wales-earnings-disregard-single');
    const couple = run(WALES, 4000, household({ adults: [adult(30, 100), adult(30)] }), uc(0, 424.9));
    expect(couple.parameters.map((p) => p.name)).toContain('ctr-wales-earnings-disregard-couple');
    expect(couple.parameters.map((p) => p.name)).not.toContain('ctr-wales-child-amount');
  });

  test.each([
    // [capital, support, tariff reason]
    [16000, 333.33, true],
    [16000.01, 0, false],
    [6000, 333.33, false],
    [6000.01, 333.33, true],
  ])('savings of %s: limit £16,000; income from savings over £6,000 said not to be counted', (capital, expected, tariffReason) => {
    const r = run(WALES, 4000, household({ capital }), uc(0, 424.9));
    expect(r.monthly).toBe(expected);
    expect(codes(r).includes('wales.capital-tariff-not-modelled')).toBe(tariffReason);
    expect(codes(r).includes('wales.capital-over-limit')).toBe(capital > 16000);
  });
});

describe('England, a banded scheme for Universal Credit claimants', () => {
  test.each([
    // Bill 1,800 a year = 150.00 a month. Bands (sorted): up to 400 → 80%, up to 800 → 50%, up to 1,200 → 8.5%.
    // Income 0: band 1, 80% of 150.00 = 120.00.
    ['no income', 0, 120, 1],
    // 400.00 is in band 1 (bands include their top).
    ['the top of band 1', 400, 120, 1],
    // 400.01 is in band 2: 50% = 75.00.
    ['1p into band 2', 400.01, 75, 2],
    ['the top of band 2', 800, 75, 2],
    // 8.5% of 150.00 = 12.75.
    ['band 3, a part per cent', 1200, 12.75, 3],
  ])('%s (income %s a month)', (_name, income, expected, band) => {
    const r = run(BANDED, 1800, household({ adults: [adult(30, income)] }), uc(100, 424.9));
    expect(r.monthly).toBe(expected);
    expect(r.reasons.find((x) => x.code === 'banded.band')?.values.band).toBe(band);
    expect(r.parameters).toEqual([]);
  });

  test('above the highest band: nothing', () => {
    const r = run(BANDED, 1800, household({ adults: [adult(30, 1200.01)] }), uc(100, 424.9));
    expect(r.monthly).toBe(0);
    expect(codes(r)).toEqual(['liability', 'banded.income', 'banded.above-bands', 'award']);
    expect(r.reasons[2]?.values).toEqual({ income: 1200.01, upTo: 1200 });
  });

  test('other income counts, UC does not: 350 pay + 100 other = 450.00, band 2', () => {
    const r = run(BANDED, 1800, household({ adults: [adult(30, 350)], otherIncomeMonthly: 100 }), uc(300, 424.9));
    expect(r.reasons.find((x) => x.code === 'banded.income')?.values.income).toBe(450);
    expect(r.reasons.find((x) => x.code === 'banded.band')?.values).toEqual({
      income: 450,
      band: 2,
      from: 400.01,
      upTo: 800,
      discount: 50,
      liability: 150,
      amount: 75,
    });
  });

  test('rounding: 1,000 a year = 83.33 a month; 50% = 41.665 → 41.67', () => {
    const r = run(BANDED, 1000, household({ adults: [adult(30, 500)] }), uc(100, 424.9));
    expect(r.monthly).toBe(41.67);
  });

  test('no UC award: the bands do not apply and the reason says so', () => {
    const r = run(BANDED, 1800, household({ adults: [adult(30, 100)] }), uc(0, 424.9));
    expect(r).toMatchObject({ status: 'calculated', monthly: 0, liabilityMonthly: 150 });
    expect(codes(r)).toEqual(['liability', 'banded.no-uc', 'award']);
  });

  test('the band a person is in names its range from the band below', () => {
    const r = run(BANDED, 1800, household({ adults: [adult(30, 100)] }), uc(100, 424.9));
    expect(r.reasons.find((x) => x.code === 'banded.band')?.values).toMatchObject({ band: 1, from: 0, upTo: 400 });
  });
});

/*
 * Every step word for word, with its figures: what the pages word in English and Welsh from the
 * codes and values, and what the API would carry. One case for each path through the rules.
 */
describe('the reasons, in full', () => {
  const two: CouncilTaxScheme = {
    kind: 'banded',
    name: 'Example',
    url: 'https://example.org',
    bands: [
      { upTo: 400, discount: 80 },
      { upTo: 800, discount: 50 },
    ],
  };
  const liability = (annual: number, amount: number) => ({
    code: 'liability',
    text: `The council tax bill is £${annual.toLocaleString('en-GB', { minimumFractionDigits: 2 })} a year, £${amount.toFixed(2)} a month.`,
    values: { annual, amount },
  });
  const award = (amount: number) => ({ code: 'award', text: `Council Tax Support: £${amount.toFixed(2)} a month.`, values: { amount } });

  test('Wales with UC: 600.00 + 700.00 + 10.00 + 8.70 = 1,318.70; 464.00 above 854.70; 20% = 92.80; 150.00 − 92.80 = 57.20', () => {
    const r = run(WALES, 1800, household({ adults: [adult(30, 700)], otherIncomeMonthly: 10, capital: 7000 }), uc(600, 854.7, 8.7));
    expect(r.reasons).toEqual([
      liability(1800, 150),
      {
        code: 'wales.uc.applicable-amount',
        text: 'With an award of Universal Credit, the applicable amount is the UC maximum amount: £854.70 a month.',
        values: { amount: 854.7 },
      },
      {
        code: 'wales.uc.income',
        text: 'Income is the UC award £600.00 + take-home pay £700.00 + other income £10.00 + income assumed from savings £8.70 = £1,318.70 a month.',
        values: { award: 600, earnings: 700, other: 10, tariff: 8.7, income: 1318.7 },
      },
      {
        code: 'wales.taper',
        text: 'Income is £464.00 above the applicable amount; 20% of it, £92.80, is taken off the bill of £150.00: £57.20 a month.',
        values: { excess: 464, rate: 0.2, deduction: 92.8, liability: 150, amount: 57.2 },
      },
      award(57.2),
    ]);
  });

  test('Wales with UC, income not above: the whole bill', () => {
    expect(run(WALES, 1800, household(), uc(424.9, 424.9)).reasons[3]).toEqual({
      code: 'wales.full',
      text: 'Income £424.90 is not above the applicable amount £424.90: the whole bill, £150.00 a month.',
      values: { income: 424.9, applicable: 424.9, amount: 150 },
    });
  });

  test('Wales without UC, lone parent of two with savings: 1,222.35 applicable; 1,496.67 income; 20% of 274.32 = 54.86; 278.47', () => {
    const r = run(
      WALES,
      4000,
      household({ adults: [adult(30, 1600)], children: [{ birthDate: '2015-01-01' }, { birthDate: '2016-01-01' }], capital: 7000, otherIncomeMonthly: 5 }),
      uc(0, 424.9),
    );
    expect(r.reasons).toEqual([
      liability(4000, 333.33),
      {
        code: 'wales.applicable-amount',
        text: 'Without Universal Credit, the applicable amount is the personal allowance £96.45 + 2 × £83.24 for children + family premium £19.15 = £282.08 a week, £1,222.35 a month (× 52 ÷ 12).',
        values: { allowance: 96.45, children: 2, childAmount: 83.24, familyPremium: 19.15, weekly: 282.08, amount: 1222.35 },
      },
      {
        code: 'wales.income',
        text: 'Income is take-home pay £1,600.00 less the £25.00 a week earnings disregard (£108.33 a month) + other income £5.00 = £1,496.67 a month.',
        values: { earnings: 1600, disregard: 25, disregardMonthly: 108.33, other: 5, income: 1496.67 },
      },
      {
        code: 'wales.capital-tariff-not-modelled',
        text: 'Income assumed from savings over £6,000 for someone without Universal Credit is not counted here, so this figure may be too high.',
        values: { capital: 7000 },
      },
      {
        code: 'wales.taper',
        text: 'Income is £274.32 above the applicable amount; 20% of it, £54.86, is taken off the bill of £333.33: £278.47 a month.',
        values: { excess: 274.32, rate: 0.2, deduction: 54.86, liability: 333.33, amount: 278.47 },
      },
      award(278.47),
    ]);
  });

  test('Wales without UC, single: no child amounts or family premium in the words or the figures', () => {
    const r = run(WALES, 4000, household({ adults: [adult(30, 100)] }), uc(0, 424.9));
    expect(r.reasons[1]).toEqual({
      code: 'wales.applicable-amount',
      text: 'Without Universal Credit, the applicable amount is the personal allowance £96.45 = £96.45 a week, £417.95 a month (× 52 ÷ 12).',
      values: { allowance: 96.45, children: 0, childAmount: 0, familyPremium: 0, weekly: 96.45, amount: 417.95 },
    });
  });

  test('Wales, savings over the limit', () => {
    expect(run(WALES, 4000, household({ capital: 20000 }), uc(0, 424.9)).reasons).toEqual([
      liability(4000, 333.33),
      {
        code: 'wales.capital-over-limit',
        text: 'Savings of £20,000.00 are over the £16,000.00 limit: no Council Tax Reduction.',
        values: { capital: 20000, limit: 16000 },
      },
      award(0),
    ]);
  });

  test('banded: in a band, above the bands, no UC, and no bands at all', () => {
    const income = (n: number) => ({
      code: 'banded.income',
      text: `Example compares the household's income a month without Universal Credit, £${n.toFixed(2)} (take-home pay and other income), with its bands.`,
      values: { scheme: 'Example', income: n },
    });
    expect(run(two, 1800, household({ adults: [adult(30, 500)] }), uc(10, 424.9)).reasons).toEqual([
      liability(1800, 150),
      income(500),
      {
        code: 'banded.band',
        text: '£500.00 is in band 2 (£400.01 to £800.00): 50% of £150.00 = £75.00 a month.',
        values: { income: 500, band: 2, from: 400.01, upTo: 800, discount: 50, liability: 150, amount: 75 },
      },
      award(75),
    ]);
    expect(run(two, 1800, household({ adults: [adult(30, 900)] }), uc(10, 424.9)).reasons).toEqual([
      liability(1800, 150),
      income(900),
      { code: 'banded.above-bands', text: '£900.00 is above the highest band (up to £800.00): no discount.', values: { income: 900, upTo: 800 } },
      award(0),
    ]);
    expect(run(two, 1800, household(), uc(0, 424.9)).reasons).toEqual([
      liability(1800, 150),
      {
        code: 'banded.no-uc',
        text: "Example sets its bands for Universal Credit claimants; with no UC award they do not apply, and the council's rules for other people are not modelled: no Council Tax Support is counted.",
        values: { scheme: 'Example' },
      },
      award(0),
    ]);
    // A scheme with no bands (the settings form never saves one) gives nothing.
    const none = run({ ...(two as Extract<CouncilTaxScheme, { kind: 'banded' }>), bands: [] }, 1800, household(), uc(10, 424.9));
    expect(none.monthly).toBe(0);
    expect(none.reasons[2]).toEqual({
      code: 'banded.above-bands',
      text: '£0.00 is above the highest band (up to £0.00): no discount.',
      values: { income: 0, upTo: 0 },
    });
  });

  test('left out: the words', () => {
    expect(run({ kind: 'none' }, 1800, household(), uc(10, 424.9)).reasons).toEqual([
      { code: 'no-scheme', text: 'No Council Tax Support scheme is set for this council, so the figures leave Council Tax Support out.', values: {} },
    ]);
    expect(run(WALES, null, household(), uc(10, 424.9)).reasons).toEqual([
      { code: 'no-liability', text: 'No yearly council tax bill was given, so the figures leave Council Tax Support out.', values: {} },
    ]);
  });
});
