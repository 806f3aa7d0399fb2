import { describe, expect, test } from 'vitest';
import { ucContext } from '../../../test/support/uc-context.ts';
import { type BenefitCapInput, benefitCap } from './benefit-cap-rules.ts';
import type { Adult } from './universal-credit.ts';

const person = (a: Partial<Adult> = {}): Adult => ({ age: 30, lcw: false, lcwra: false, lcwraSince: null, lcwraProtected: false, netEarningsMonthly: 0, ...a });
const base: BenefitCapInput = {
  adults: [person()],
  children: 0,
  anyDisabledChild: false,
  inLondon: false,
  childBenefit: true,
  earnings: 0,
  award: 0,
  childcare: 0,
};

function cap(date: string, input: Partial<BenefitCapInput>) {
  const full = { ...base, ...input };
  const { ctx, reasons, used } = ucContext(date, full.adults.length);
  const reduction = benefitCap(ctx, full);
  return { reduction, reasons, codes: reasons.map((r) => r.code), used: [...used.keys()] };
}

describe('benefit cap: exemptions (reg 82, 83)', () => {
  test.each([
    ['2024-06-01', 79317, 79318], // 16 × 11.44 × 52 ÷ 12 = 793.1733…
    ['2025-06-01', 84655, 84656], // 16 × 12.21 × 52 ÷ 12 = 846.56
    ['2026-06-01', 88122, 88123], // 16 × 12.71 × 52 ÷ 12 = 881.2266…
  ])('on %s earnings of %i pence are capped and %i pence are exempt', (date, below, atThreshold) => {
    const award = 200_000; // £2,000.00, well above the single cap
    expect(cap(date, { earnings: below, award }).codes).toEqual(['benefit-cap.applied']);
    const exempt = cap(date, { earnings: atThreshold, award });
    expect(exempt.reduction).toBe(0);
    expect(exempt.codes).toEqual(['benefit-cap.exempt-earnings']);
    expect(exempt.reasons[0]?.values).toMatchObject({ earnings: atThreshold / 100, hours: 16 });
  });

  test('the earnings sentence shows the arithmetic, rounded up to the penny', () => {
    const r = cap('2026-06-01', { adults: [person(), person()], earnings: 90_000, award: 300_000 });
    expect(r.reasons[0]).toEqual({
      code: 'benefit-cap.exempt-earnings',
      text: 'The couple’s combined earnings of £900.00 are at least 16 hours a week at the National Living Wage of £12.71 × 52 ÷ 12 = £881.23 (rounded up to the penny), so the benefit cap does not apply.',
      values: { earnings: 900, hours: 16, hourlyRate: 12.71, threshold: 881.23 },
    });
    expect(cap('2025-06-01', { earnings: 90_000, award: 300_000 }).reasons[0]?.text).toMatch(/^The claimant’s earnings of £900\.00 are at least 16 hours/);
  });

  test.each([
    ['LCWRA', { lcwra: true }, 'benefit-cap.exempt-lcwra', 'has LCWRA, so the benefit cap does not apply.'],
    [
      'the carer test',
      { carer: true },
      'benefit-cap.exempt-carer',
      'cares for a severely disabled person (the carer test), so the benefit cap does not apply.',
    ],
    [
      'a disability benefit',
      { disabilityBenefit: true },
      'benefit-cap.exempt-disability-benefit',
      'gets a disability benefit, so the benefit cap does not apply.',
    ],
  ] as const)('%s exempts, for either partner, and the earnings test is not worked out', (_name, flag, code, tail) => {
    for (const order of [0, 1]) {
      const adults = order === 0 ? [person(flag), person()] : [person(), person(flag)];
      const r = cap('2025-06-01', { adults, award: 500_000, children: 2 });
      expect(r.reduction).toBe(0);
      expect(r.codes).toEqual([code]);
      expect(r.reasons[0]?.text).toBe(`Adult ${order + 1} ${tail}`);
      expect(r.reasons[0]?.values).toEqual({ adult: order + 1 });
      expect(r.used).toEqual([]);
    }
    expect(cap('2025-06-01', { adults: [person(flag)], award: 500_000 }).reasons[0]?.text).toBe(`The claimant ${tail}`);
  });

  test('a disabled child exempts; every exemption that applies is said, in order', () => {
    const child = cap('2025-06-01', { anyDisabledChild: true, children: 1, award: 500_000 });
    expect(child.reasons).toEqual([
      {
        code: 'benefit-cap.exempt-disability-benefit',
        text: 'A child gets a disability benefit (DLA, PIP or Child Disability Payment), so the benefit cap does not apply.',
        values: { child: 1 },
      },
    ]);
    const all = cap('2025-06-01', { adults: [person({ carer: true }), person({ lcwra: true, disabilityBenefit: true })], award: 500_000, earnings: 200_000 });
    expect(all.codes).toEqual(['benefit-cap.exempt-lcwra', 'benefit-cap.exempt-carer', 'benefit-cap.exempt-disability-benefit']);
    expect(all.reasons.map((r) => r.values.adult)).toEqual([2, 1, 2]);
  });
});

describe('benefit cap: the amounts (reg 80A, 81)', () => {
  test.each([
    ['single, outside London', { adults: [person()], children: 0, inLondon: false }, 122_942],
    ['single, London', { adults: [person()], children: 0, inLondon: true }, 141_392],
    ['single with a child, outside London', { adults: [person()], children: 1, inLondon: false, childBenefit: false }, 183_500],
    ['couple, outside London', { adults: [person(), person()], children: 0, inLondon: false }, 183_500],
    ['couple, London', { adults: [person(), person()], children: 0, inLondon: true }, 211_025],
    ['single with a child, London', { adults: [person()], children: 1, inLondon: true, childBenefit: false }, 211_025],
  ] as const)('%s: an award equal to the cap loses nothing, a penny more loses a penny', (_name, input, capPence) => {
    const at = cap('2025-06-01', { ...input, award: capPence });
    expect(at.reduction).toBe(0);
    expect(at.codes).toEqual(['benefit-cap.within']);
    expect(at.reasons[0]?.values.cap).toBe(capPence / 100);
    const over = cap('2025-06-01', { ...input, award: capPence + 1 });
    expect(over.reduction).toBe(1);
    expect(over.codes).toEqual(['benefit-cap.applied']);
  });

  test('Child Benefit counts for every child listed: the eldest rate once, the other rate for the rest, × 52 ÷ 12', () => {
    const one = cap('2026-06-01', { children: 1, award: 100_000 });
    expect(one.reasons[0]?.values).toMatchObject({ childBenefit: 117.22, total: 1117.22 }); // 27.05 × 52 ÷ 12 = 117.2166…
    expect(one.reasons[0]?.text).toContain('Child Benefit of £27.05 a week (£27.05) × 52 ÷ 12 = £117.22');
    const three = cap('2026-06-01', { children: 3, award: 100_000 });
    expect(three.reasons[0]?.values).toMatchObject({ childBenefit: 272.35 }); // (27.05 + 2 × 17.90 = 62.85) × 52 ÷ 12 = 272.35
    expect(three.reasons[0]?.text).toContain('Child Benefit of £62.85 a week (£27.05 + 2 × £17.90) × 52 ÷ 12 = £272.35');
    const none = cap('2026-06-01', { children: 3, childBenefit: false, award: 100_000 });
    expect(none.reasons[0]?.values).toMatchObject({ childBenefit: 0, total: 1000 });
    expect(none.reasons[0]?.text).toContain('no Child Benefit (the input says nobody gets it)');
    expect(none.used).not.toContain('child-benefit-eldest');
    expect(cap('2026-06-01', { award: 100_000 }).reasons[0]?.text).toContain('no Child Benefit (no children)');
  });

  test('the childcare costs element is taken out before comparing with the cap, so it is never capped away', () => {
    const r = cap('2025-06-01', { children: 1, childBenefit: false, award: 250_000, childcare: 60_000 });
    // 2500.00 − 600.00 = 1900.00; 1900.00 − 1835.00 = 65.00
    expect(r.reduction).toBe(6_500);
    expect(r.reasons[0]).toEqual({
      code: 'benefit-cap.applied',
      text: 'Universal Credit before the cap of £2,500.00 + no Child Benefit (the input says nobody gets it) = £2,500.00, less the childcare costs element of £600.00 (never capped) = £1,900.00: £65.00 above the benefit cap for a couple or a household with children outside Greater London of £1,835.00, so £65.00 is taken off. Other benefits the cap counts that are inside other income (such as New Style JSA or ESA) and the 9-month grace period after work are not checked.',
      values: { award: 2500, childBenefit: 0, total: 2500, childcare: 600, counted: 1900, cap: 1835, reduction: 65 },
    });
    const within = cap('2025-06-01', { adults: [person()], award: 100_000 });
    expect(within.reasons[0]?.text).toBe(
      'Universal Credit before the cap of £1,000.00 + no Child Benefit (no children) = £1,000.00: not above the benefit cap for a single person with no child outside Greater London of £1,229.42, so the cap takes nothing off. Other benefits the cap counts that are inside other income (such as New Style JSA or ESA) and the 9-month grace period after work are not checked.',
    );
    expect(cap('2025-06-01', { inLondon: true, adults: [person(), person()], award: 100_000 }).reasons[0]?.text).toContain(
      'the benefit cap for a couple or a household with children in Greater London of £2,110.25',
    );
  });
});
