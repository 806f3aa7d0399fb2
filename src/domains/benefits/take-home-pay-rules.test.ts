import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InvalidInput } from '../../platform/errors/index.ts';
import { hoursToMonthly, takeHomePay } from './take-home-pay-rules.ts';

// Rates (England, Wales and Northern Ireland), the same in 2024/25, 2025/26 and 2026/27: personal
// allowance 12,570 (less £1 for every £2 above 100,000); 20% on the first 37,700 of taxable pay, 40%
// to 125,140, 45% above. Employee National Insurance 8% from 12,570 to 50,270, 2% above.
// Monthly figure = annual figure on 12 × the monthly pay, ÷ 12, to the nearest penny.
const CASES: readonly { name: string; date: string; gross: number; tax: number; ni: number; net: number }[] = [
  {
    name: 'nothing earned (2025/26)',
    date: '2025-06-01',
    gross: 0,
    // nothing to tax
    tax: 0,
    ni: 0,
    net: 0,
  },
  {
    name: 'below the personal allowance (2024/25)',
    date: '2024-06-01',
    gross: 1000,
    // 12,000 a year < 12,570: no tax, no National Insurance
    tax: 0,
    ni: 0,
    net: 1000,
  },
  {
    name: 'basic rate (2024/25)',
    date: '2024-06-01',
    gross: 2000,
    // 24,000 − 12,570 = 11,430 × 20% = 2,286 ÷ 12 = 190.50; 11,430 × 8% = 914.40 ÷ 12 = 76.20; 2000 − 190.50 − 76.20 = 1733.30
    tax: 190.5,
    ni: 76.2,
    net: 1733.3,
  },
  {
    name: 'basic rate, rounded to the penny (2025/26)',
    date: '2025-06-01',
    gross: 1234.56,
    // 14,814.72 − 12,570 = 2,244.72 × 20% = 448.944 ÷ 12 = 37.412 → 37.41; × 8% = 179.5776 ÷ 12 = 14.9648 → 14.96
    // 1234.56 − 37.41 − 14.96 = 1182.19
    tax: 37.41,
    ni: 14.96,
    net: 1182.19,
  },
  {
    name: 'higher rate and the upper earnings limit (2025/26)',
    date: '2025-06-01',
    gross: 5000,
    // 60,000 − 12,570 = 47,430: 37,700 × 20% = 7,540 + 9,730 × 40% = 3,892 → 11,432 ÷ 12 = 952.666… → 952.67
    // NI: 37,700 × 8% = 3,016 + (60,000 − 50,270 = 9,730) × 2% = 194.60 → 3,210.60 ÷ 12 = 267.55; net 3779.78
    tax: 952.67,
    ni: 267.55,
    net: 3779.78,
  },
  {
    name: 'the personal allowance tapered above £100,000 (2025/26)',
    date: '2025-06-01',
    gross: 9000,
    // 108,000: allowance 12,570 − (8,000 ÷ 2 = 4,000) = 8,570; taxable 99,430: 7,540 + 61,730 × 40% = 24,692 → 32,232 ÷ 12 = 2,686.00
    // NI: 3,016 + 57,730 × 2% = 1,154.60 → 4,170.60 ÷ 12 = 347.55; 9000 − 2686 − 347.55 = 5966.45
    tax: 2686,
    ni: 347.55,
    net: 5966.45,
  },
  {
    name: 'the personal allowance gone, higher rate (2026/27)',
    date: '2026-06-01',
    gross: 10000,
    // 120,000: allowance 12,570 − 10,000 = 2,570; taxable 117,430: 7,540 + 79,730 × 40% = 31,892 → 39,432 ÷ 12 = 3,286.00
    // NI: 3,016 + 69,730 × 2% = 1,394.60 → 4,410.60 ÷ 12 = 367.55; 10000 − 3286 − 367.55 = 6346.45
    tax: 3286,
    ni: 367.55,
    net: 6346.45,
  },
  {
    name: 'additional rate (2026/27)',
    date: '2026-06-01',
    gross: 12000,
    // 144,000: no allowance; 7,540 + (125,140 − 37,700 = 87,440) × 40% = 34,976 + (144,000 − 125,140 = 18,860) × 45% = 8,487
    // → 51,003 ÷ 12 = 4,250.25; NI: 3,016 + 93,730 × 2% = 1,874.60 → 4,890.60 ÷ 12 = 407.55; net 7342.20
    tax: 4250.25,
    ni: 407.55,
    net: 7342.2,
  },
];

describe('take-home pay', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = takeHomePay({ date: c.date, grossMonthly: c.gross });
    expect(result).toMatchObject({ grossMonthly: c.gross, incomeTax: c.tax, nationalInsurance: c.ni, netMonthly: c.net });
    const names = result.parameters.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(result.reasons.map((r) => r.code)).toContain('approximation');
    expect(result.reasons.find((r) => r.code === 'approximation')?.text).toContain('Scottish income tax is not modelled');
  });

  test('the reasons show the arithmetic', () => {
    const texts = takeHomePay({ date: '2024-06-01', grossMonthly: 2000 }).reasons.map((r) => r.text);
    expect(texts).toContain('Taxable pay of £11,430.00 a year is taxed at 20% of £11,430.00: £2,286.00 a year, £190.50 a month.');
    expect(texts).toContain('Gross pay of £2,000.00 less income tax of £190.50 and National Insurance of £76.20 leaves £1,733.30 a month.');
  });

  test.each([
    [
      '£2,000 a month (2024/25): basic rate, National Insurance at the main rate',
      '2024-06-01',
      2000,
      [
        ['income-tax.personal-allowance', 'The personal allowance is £12,570.00 a year: pay up to it is not taxed.', { personalAllowance: 12570 }],
        [
          'income-tax.bands',
          'Taxable pay of £11,430.00 a year is taxed at 20% of £11,430.00: £2,286.00 a year, £190.50 a month.',
          { taxableAnnual: 11430, incomeTaxAnnual: 2286, incomeTax: 190.5 },
        ],
        [
          'national-insurance',
          'National Insurance: 8% of £11,430.00 between £12,570.00 and £50,270.00: £914.40 a year, £76.20 a month.',
          { nationalInsuranceAnnual: 914.4, nationalInsurance: 76.2 },
        ],
        [
          'take-home',
          'Gross pay of £2,000.00 less income tax of £190.50 and National Insurance of £76.20 leaves £1,733.30 a month.',
          { grossMonthly: 2000, incomeTax: 190.5, nationalInsurance: 76.2, netMonthly: 1733.3 },
        ],
      ],
    ],
    [
      // 108,000 a year: 8,000 above 100,000 takes 4,000 off the allowance.
      '£9,000 a month (2025/26): the allowance tapered, the higher rate, National Insurance above the upper limit',
      '2025-06-01',
      9000,
      [
        [
          'income-tax.personal-allowance-tapered',
          "A year's pay of £108,000.00 is above £100,000.00, so the personal allowance of £12,570.00 goes down by £1 for every £2 above it, to £8,570.00.",
          { annualPay: 108000, taperThreshold: 100000, personalAllowance: 12570, allowance: 8570 },
        ],
        [
          'income-tax.bands',
          'Taxable pay of £99,430.00 a year is taxed at 20% of £37,700.00, then 40% of £61,730.00: £32,232.00 a year, £2,686.00 a month.',
          { taxableAnnual: 99430, incomeTaxAnnual: 32232, incomeTax: 2686 },
        ],
        [
          'national-insurance',
          'National Insurance: 8% of £37,700.00 between £12,570.00 and £50,270.00, then 2% of £57,730.00 above it: £4,170.60 a year, £347.55 a month.',
          { nationalInsuranceAnnual: 4170.6, nationalInsurance: 347.55 },
        ],
        [
          'take-home',
          'Gross pay of £9,000.00 less income tax of £2,686.00 and National Insurance of £347.55 leaves £5,966.45 a month.',
          { grossMonthly: 9000, incomeTax: 2686, nationalInsurance: 347.55, netMonthly: 5966.45 },
        ],
      ],
    ],
    [
      '£12,000 a month (2026/27): no allowance left, the additional rate',
      '2026-06-01',
      12000,
      [
        [
          'income-tax.personal-allowance-tapered',
          "A year's pay of £144,000.00 is above £100,000.00, so the personal allowance of £12,570.00 goes down by £1 for every £2 above it, to £0.00.",
          { annualPay: 144000, taperThreshold: 100000, personalAllowance: 12570, allowance: 0 },
        ],
        [
          'income-tax.bands',
          'Taxable pay of £144,000.00 a year is taxed at 20% of £37,700.00, then 40% of £87,440.00, then 45% of £18,860.00: £51,003.00 a year, £4,250.25 a month.',
          { taxableAnnual: 144000, incomeTaxAnnual: 51003, incomeTax: 4250.25 },
        ],
        [
          'national-insurance',
          'National Insurance: 8% of £37,700.00 between £12,570.00 and £50,270.00, then 2% of £93,730.00 above it: £4,890.60 a year, £407.55 a month.',
          { nationalInsuranceAnnual: 4890.6, nationalInsurance: 407.55 },
        ],
        [
          'take-home',
          'Gross pay of £12,000.00 less income tax of £4,250.25 and National Insurance of £407.55 leaves £7,342.20 a month.',
          { grossMonthly: 12000, incomeTax: 4250.25, nationalInsurance: 407.55, netMonthly: 7342.2 },
        ],
      ],
    ],
    [
      // 12 × 1,047.50 = 12,570 exactly: the primary threshold itself pays no National Insurance.
      '£1,047.50 a month (2025/26): pay exactly at the allowance and the primary threshold',
      '2025-06-01',
      1047.5,
      [
        ['income-tax.personal-allowance', 'The personal allowance is £12,570.00 a year: pay up to it is not taxed.', { personalAllowance: 12570 }],
        [
          'income-tax.bands',
          'Taxable pay of £0.00 a year is taxed at 20% of £0.00: £0.00 a year, £0.00 a month.',
          { taxableAnnual: 0, incomeTaxAnnual: 0, incomeTax: 0 },
        ],
        [
          'national-insurance',
          'National Insurance: Pay up to £12,570.00 a year pays no National Insurance: £0.00 a year, £0.00 a month.',
          { nationalInsuranceAnnual: 0, nationalInsurance: 0 },
        ],
        [
          'take-home',
          'Gross pay of £1,047.50 less income tax of £0.00 and National Insurance of £0.00 leaves £1,047.50 a month.',
          { grossMonthly: 1047.5, incomeTax: 0, nationalInsurance: 0, netMonthly: 1047.5 },
        ],
      ],
    ],
  ] as const)('the reasons word for word: %s', (_name, date, grossMonthly, reasons) => {
    const result = takeHomePay({ date, grossMonthly });
    expect(result.reasons.map((r) => [r.code, r.text, r.values])).toEqual([
      ...reasons,
      [
        'approximation',
        'Monthly figures are the tax and National Insurance on twelve times the monthly pay, divided by 12 and rounded to the penny: the annual thresholds divided by 12. Payroll uses tax-code tables and per-period thresholds, so a payslip can differ slightly. Rates for England, Wales and Northern Ireland: Scottish income tax is not modelled, and pension contributions and student loans are not deducted.',
        {},
      ],
    ]);
  });

  test('the parameters are the rates used, each once: no higher rates for basic-rate pay', () => {
    expect(takeHomePay({ date: '2024-06-01', grossMonthly: 2000 }).parameters.map((p) => p.name)).toEqual([
      'income-tax-personal-allowance',
      'income-tax-personal-allowance-taper-threshold',
      'income-tax-basic-rate-band',
      'income-tax-basic-rate',
      'national-insurance-primary-threshold',
      'national-insurance-upper-earnings-limit',
      'national-insurance-main-rate',
    ]);
    // Below the primary threshold no National Insurance rate is used.
    expect(takeHomePay({ date: '2025-06-01', grossMonthly: 1000 }).parameters.map((p) => p.name)).not.toContain('national-insurance-main-rate');
  });

  test('a penny more that crosses a £2 step of the allowance taper costs 3p of take-home pay', () => {
    // 12 × 8,385.16 = 100,621.92: allowance 12,260. 12 × 8,385.17 = 100,622.04: 12,259.
    const a = takeHomePay({ date: '2025-06-01', grossMonthly: 8385.16 });
    const b = takeHomePay({ date: '2025-06-01', grossMonthly: 8385.17 });
    expect([a.incomeTax, a.netMonthly, b.incomeTax, b.netMonthly]).toEqual([2317.06, 5732.85, 2317.1, 5732.82]);
  });

  test('the allowance goes down by whole pounds: £1 for each whole £2 above £100,000', () => {
    // 12 × 8,333.42 = 100,001.04: £1.04 above, not a whole £2, so nothing off.
    expect(takeHomePay({ date: '2025-06-01', grossMonthly: 8333.42 }).reasons[0]?.values.allowance).toBe(12570);
    // 12 × 8,333.50 = 100,002: £1 off.
    expect(takeHomePay({ date: '2025-06-01', grossMonthly: 8333.5 }).reasons[0]?.values.allowance).toBe(12569);
    // 12 × 10,428.33 = 125,139.96: £12,569 off (25,139.96 ÷ 2, whole pounds), £1 left.
    expect(takeHomePay({ date: '2025-06-01', grossMonthly: 10428.33 }).reasons[0]?.values.allowance).toBe(1);
  });

  test('bad input is InvalidInput with each issue named, and the edges of what is accepted', () => {
    const issuesOf = (input: { date: unknown; grossMonthly: unknown }) => {
      try {
        takeHomePay(input as { date: string; grossMonthly: number });
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInput);
        expect((error as InvalidInput).message).toBe('The pay is not valid: see the issues.');
        return (error as InvalidInput).issues;
      }
      return [];
    };
    const dateIssue = {
      path: 'date',
      message: 'Enter a date in the form yyyy-mm-dd, on or after 2024-04-06 (the first tax year whose rates are held).',
    };
    const payIssue = { path: 'grossMonthly', message: 'Enter gross pay a month in pounds, from 0 to 10,000,000.' };
    expect(issuesOf({ date: '2024-04-05', grossMonthly: 1 })).toEqual([dateIssue]);
    expect(issuesOf({ date: '2025-6-01', grossMonthly: 1 })).toEqual([dateIssue]);
    expect(issuesOf({ date: 'x2025-06-01', grossMonthly: 1 })).toEqual([dateIssue]);
    expect(issuesOf({ date: '2025-06-01x', grossMonthly: 1 })).toEqual([dateIssue]);
    expect(issuesOf({ date: 20250601, grossMonthly: 1 })).toEqual([dateIssue]);
    expect(issuesOf({ date: '2025-06-01', grossMonthly: 10_000_000.01 })).toEqual([payIssue]);
    expect(issuesOf({ date: '2025-06-01', grossMonthly: '1000' })).toEqual([payIssue]);
    expect(issuesOf({ date: '2024-04-05', grossMonthly: -1 })).toEqual([dateIssue, payIssue]);
    // The first day of the first tax year held, and the largest pay, are accepted.
    expect(issuesOf({ date: '2024-04-06', grossMonthly: 10_000_000 })).toEqual([]);
    expect(issuesOf({ date: '2024-04-06', grossMonthly: 0 })).toEqual([]);
  });

  test('bad input is InvalidInput', () => {
    expect(() => takeHomePay({ date: '2024-04-05', grossMonthly: 1000 })).toThrow(InvalidInput);
    expect(() => takeHomePay({ date: '2025-06-01', grossMonthly: -1 })).toThrow(InvalidInput);
    expect(() => takeHomePay({ date: '2025-06-01', grossMonthly: Number.NaN })).toThrow(InvalidInput);
  });

  test('take-home pay never exceeds gross pay, and more gross pay never means less take-home pay (beyond the allowance step and the two roundings)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 100_000 }), (p, extra) => {
        const a = takeHomePay({ date: '2025-06-01', grossMonthly: p / 100 });
        const b = takeHomePay({ date: '2025-06-01', grossMonthly: (p + extra) / 100 });
        expect(a.netMonthly).toBeLessThanOrEqual(a.grossMonthly);
        // Above £100,000 a year the allowance falls in whole pounds: a penny a month that crosses a £2
        // step costs £1 of allowance, 40p of tax a year (3.33p a month), so with tax and National
        // Insurance each rounded to the penny take-home pay can fall by up to 4p (8,385.16 → 8,385.17
        // a month in 2025/26 loses 3p).
        expect(Math.round(b.netMonthly * 100)).toBeGreaterThanOrEqual(Math.round(a.netMonthly * 100) - 4);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hours to monthly pay', () => {
  test.each([
    // hourly × hours × 52 ÷ 12
    [12.21, 16, 846.56], // 12.21 × 16 = 195.36 × 52 = 10,158.72 ÷ 12 = 846.56
    [11.44, 37.5, 1859], // 11.44 × 37.5 = 429 × 52 = 22,308 ÷ 12 = 1,859.00
    [12.71, 30, 1652.3], // 12.71 × 30 = 381.30 × 52 = 19,827.60 ÷ 12 = 1,652.30
    [12.21, 37.5, 1984.13], // 457.875 × 52 = 23,809.50 ÷ 12 = 1,984.125 → 1,984.13
    [10, 0, 0],
  ])('£%s an hour for %s hours a week is £%s a month', (hourly, hours, monthly) => {
    expect(hoursToMonthly(hourly, hours)).toBe(monthly);
  });
});
