import { describe, expect, test } from 'vitest';
import { ucContext } from '../../../test/support/uc-context.ts';
import { earningsWithFloor } from './minimum-income-floor-rules.ts';
import type { Adult, Child } from './universal-credit.ts';

const DATE = '2025-06-01';
const person = (a: Partial<Adult> = {}): Adult => ({ age: 30, lcw: false, lcwra: false, lcwraSince: null, lcwraProtected: false, netEarningsMonthly: 0, ...a });
const selfEmployed = (netEarningsMonthly: number, a: Partial<Adult> = {}): Adult =>
  person({ netEarningsMonthly, selfEmployed: { gainful: true, startUpEnds: null }, ...a });

function floor(adults: Adult[], children: Child[] = [], date = DATE) {
  const { ctx, reasons, used } = ucContext(date, adults.length);
  const earnings = earningsWithFloor(ctx, adults, children);
  return { earnings, reasons, codes: reasons.map((r) => r.code), used: [...used.keys()] };
}

describe('minimum income floor: who it applies to', () => {
  test('an employee, or no selfEmployed at all, keeps actual earnings and nothing is said', () => {
    expect(floor([person({ netEarningsMonthly: 300 })])).toMatchObject({ earnings: [30_000], reasons: [] });
    expect(floor([person({ netEarningsMonthly: 300, selfEmployed: null })])).toMatchObject({ earnings: [30_000], reasons: [] });
  });

  test('not gainful: no floor', () => {
    const r = floor([person({ netEarningsMonthly: 300, selfEmployed: { gainful: false, startUpEnds: null } })]);
    expect(r.earnings).toEqual([30_000]);
    expect(r.reasons).toEqual([
      {
        code: 'mif.not-gainful',
        text: 'The claimant is self-employed but not in gainful self-employment, so no minimum income floor applies: actual earnings of £300.00 count.',
        values: { adult: 1, earnings: 300 },
      },
    ]);
  });

  test('the start-up period: no floor while the assessment period begins on or before startUpEnds', () => {
    const on = floor([selfEmployed(300, { selfEmployed: { gainful: true, startUpEnds: DATE } })]);
    expect(on.earnings).toEqual([30_000]);
    expect(on.reasons).toEqual([
      {
        code: 'mif.start-up',
        text: 'The claimant is in the start-up period of gainful self-employment until 2025-06-01, so no minimum income floor applies: actual earnings of £300.00 count.',
        values: { adult: 1, startUpEnds: DATE, earnings: 300 },
      },
    ]);
    const after = floor([selfEmployed(300, { selfEmployed: { gainful: true, startUpEnds: '2025-05-31' } })]);
    expect(after.codes).toEqual(['mif.applied']);
    expect(after.earnings).toEqual([162_663]);
  });

  test.each([
    ['LCWRA', { lcwra: true }, 'has LCWRA (no work-related requirements)'],
    ['LCW', { lcw: true }, 'has LCW (work preparation only)'],
    ['the carer test', { carer: true }, 'cares at least 35 hours a week for a severely disabled person (no work-related requirements)'],
  ] as const)('%s: no floor', (_name, flag, why) => {
    const r = floor([selfEmployed(300, flag)]);
    expect(r.earnings).toEqual([30_000]);
    expect(r.reasons).toEqual([
      {
        code: 'mif.exempt',
        text: `The claimant ${why}, so no minimum income floor applies: actual earnings of £300.00 count.`,
        values: { adult: 1, earnings: 300 },
      },
    ]);
  });

  test('a single claimant responsible for a child under 3 has no floor; from the third birthday the floor applies', () => {
    const two = floor([selfEmployed(300)], [{ birthDate: '2015-01-01' }, { birthDate: '2022-06-02' }]);
    expect(two.codes).toEqual(['mif.exempt']);
    expect(two.reasons[0]?.text).toBe(
      'The claimant is responsible for a child aged 2, under 3, so no minimum income floor applies: actual earnings of £300.00 count.',
    );
    expect(floor([selfEmployed(300)], [{ birthDate: '2022-06-01' }]).codes).toEqual(['mif.applied']);
  });

  test('a couple with a child under 3: the responsible carer is not known, so no floor, and the reason says the award may be too high', () => {
    const r = floor([person(), selfEmployed(300)], [{ birthDate: '2022-06-02' }]);
    expect(r.earnings).toEqual([0, 30_000]);
    expect(r.reasons).toEqual([
      {
        code: 'mif.lead-carer-unknown',
        text: 'The couple is responsible for a child aged 2, under 3. The partner nominated as the child’s responsible carer has no minimum income floor; the input does not say who that is, so the floor is not applied to adult 2 and actual earnings of £300.00 count. If adult 2 is not the responsible carer, the award here is too high.',
        values: { adult: 2, earnings: 300 },
      },
    ]);
    expect(floor([person(), selfEmployed(300)], [{ birthDate: '2022-06-01' }]).codes).toEqual(['mif.applied']);
  });
});

describe('minimum income floor: the amount (reg 62, 90(2))', () => {
  test('35 hours at the National Living Wage, less notional tax and National Insurance, with every figure in the reason', () => {
    const r = floor([selfEmployed(300)]);
    expect(r.earnings).toEqual([162_663]);
    expect(r.reasons).toEqual([
      {
        code: 'mif.applied',
        text: 'The claimant is in gainful self-employment after the start-up period, with earnings of £300.00. The minimum income floor is 35 hours × £12.21 (the National Living Wage, 21 or over) × 52 ÷ 12 = £1,851.85, less notional income tax of £160.87 and National Insurance of £64.35 = £1,626.63. Earnings are treated as £1,626.63. Lower agreed hours (such as for a lead carer of a child under 13) and exceptions the input does not show (such as pregnancy) are not checked.',
        values: { adult: 1, earnings: 300, hours: 35, hourlyRate: 12.21, gross: 1851.85, incomeTax: 160.87, nationalInsurance: 64.35, floor: 1626.63 },
      },
    ]);
    // The rates the notional deductions used are listed with the calculation's parameters.
    expect(r.used).toEqual(
      expect.arrayContaining(['uc-expected-hours', 'national-living-wage', 'income-tax-personal-allowance', 'national-insurance-main-rate']),
    );
  });

  test.each([
    [21, 12.21, 'the National Living Wage, 21 or over'],
    [20, 10, 'the minimum wage at 18 to 20'],
    [18, 10, 'the minimum wage at 18 to 20'],
    [17, 7.55, 'the minimum wage at 16 or 17'],
    [16, 7.55, 'the minimum wage at 16 or 17'],
  ])('at %i the rate is £%d (%s)', (age, rate, band) => {
    const r = floor([selfEmployed(0, { age })]);
    expect(r.reasons[0]?.values.hourlyRate).toBe(rate);
    expect(r.reasons[0]?.text).toContain(`(${band})`);
  });

  test('earnings equal to the floor count as they are; a penny less and the floor is used', () => {
    const at = floor([selfEmployed(1626.63)]);
    expect(at.earnings).toEqual([162_663]);
    expect(at.codes).toEqual(['mif.above-floor']);
    expect(at.reasons[0]?.text).toBe(
      'The claimant is in gainful self-employment after the start-up period. The minimum income floor is 35 hours × £12.21 (the National Living Wage, 21 or over) × 52 ÷ 12 = £1,851.85, less notional income tax of £160.87 and National Insurance of £64.35 = £1,626.63; actual earnings of £1,626.63 are not below it, so they count as they are.',
    );
    const below = floor([selfEmployed(1626.62)]);
    expect(below.earnings).toEqual([162_663]);
    expect(below.codes).toEqual(['mif.applied']);
  });

  test('2024/25 and 2026/27 floors', () => {
    expect(floor([selfEmployed(0)], [], '2024-06-01').earnings).toEqual([154_255]);
    expect(floor([selfEmployed(0)], [], '2026-06-01').earnings).toEqual([168_123]);
  });
});

describe('minimum income floor: couples (reg 62(3))', () => {
  test.each([
    [
      'an employee under their own threshold',
      person({ netEarningsMonthly: 1000 }),
      162_663,
      '£1,000.00 are £0.00 over the partner’s own threshold of £1,626.63 (35 hours)',
    ],
    [
      'an employee over their own threshold',
      person({ netEarningsMonthly: 2000 }),
      125_326,
      '£2,000.00 are £373.37 over the partner’s own threshold of £1,626.63 (35 hours)',
    ],
    [
      'a partner with LCW (16 hours)',
      person({ lcw: true, netEarningsMonthly: 1000 }),
      147_319,
      '£1,000.00 are £153.44 over the partner’s own threshold of £846.56 (16 hours)',
    ],
    [
      'a partner with LCWRA (no threshold)',
      person({ lcwra: true, lcwraSince: '2024-01-01', netEarningsMonthly: 1000 }),
      62_663,
      '£1,000.00 are £1,000.00 over the partner’s own threshold of £0.00 (0 hours)',
    ],
    ['a partner who is a carer (no threshold)', person({ carer: true }), 162_663, '£0.00 are £0.00 over the partner’s own threshold of £0.00 (0 hours)'],
  ])('with %s, in both orders', (_name, partner, floorPence, says) => {
    for (const order of [0, 1]) {
      const adults = order === 0 ? [selfEmployed(500), partner] : [partner, selfEmployed(500)];
      const r = floor(adults);
      expect(r.earnings[order]).toBe(floorPence);
      expect(r.earnings[1 - order]).toBe(Math.round(partner.netEarningsMonthly * 100));
      expect(r.codes).toEqual(['mif.applied']);
      expect(r.reasons[0]?.values).toMatchObject({ adult: order + 1, floor: floorPence / 100 });
      expect(r.reasons[0]?.text).toContain(`The partner’s earnings of ${says}`);
    }
  });

  test('earnings at the lowered floor count as they are; a partner far over their threshold lowers the floor to nothing', () => {
    const at = floor([selfEmployed(1253.26), person({ netEarningsMonthly: 2000 })]);
    expect(at.earnings).toEqual([125_326, 200_000]);
    expect(at.codes).toEqual(['mif.above-floor']);
    expect(at.reasons[0]?.values).toMatchObject({ floor: 1253.26, earnings: 1253.26 });
    expect(floor([selfEmployed(1253.25), person({ netEarningsMonthly: 2000 })]).codes).toEqual(['mif.applied']);
    const none = floor([selfEmployed(0), person({ netEarningsMonthly: 5000 })]);
    expect(none.earnings).toEqual([0, 500_000]);
    expect(none.codes).toEqual(['mif.above-floor']);
    expect(none.reasons[0]?.values.floor).toBe(0);
  });

  test('both partners self-employed: each floor uses the other’s actual earnings', () => {
    const r = floor([selfEmployed(100), selfEmployed(200)]);
    expect(r.earnings).toEqual([162_663, 162_663]);
    expect(r.codes).toEqual(['mif.applied', 'mif.applied']);
  });
});
