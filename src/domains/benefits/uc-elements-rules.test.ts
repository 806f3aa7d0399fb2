import { describe, expect, test } from 'vitest';
import { ucContext } from '../../../test/support/uc-context.ts';
import { carerElements, disabledChildAdditions, housingCostsElement, lcwElement } from './uc-elements-rules.ts';
import type { Adult } from './universal-credit.ts';

const DATE = '2025-06-01';
const person = (a: Partial<Adult> = {}): Adult => ({ age: 30, lcw: false, lcwra: false, lcwraSince: null, lcwraProtected: false, netEarningsMonthly: 0, ...a });
const lcw = (lcwSince: string | null, a: Partial<Adult> = {}) => person({ lcw: true, lcwSince, ...a });

function run<T>(adults: number, rule: (ctx: ReturnType<typeof ucContext>['ctx']) => T, date = DATE) {
  const { ctx, reasons } = ucContext(date, adults);
  const result = rule(ctx);
  return { result, reasons, codes: reasons.map((r) => r.code) };
}

describe('the LCW element (claims from before 3 April 2017)', () => {
  test('paid for LCW since 2 April 2017, not for 3 April 2017, nor with no lcwSince', () => {
    const paid = run(1, (ctx) => lcwElement(ctx, [lcw('2017-04-02')], false));
    expect(paid.result).toBe(15_876);
    expect(paid.reasons).toEqual([
      {
        code: 'lcw.element',
        text: 'The claimant has had limited capability for work since 2017-04-02, before 3 April 2017, so the LCW element of £158.76 is included.',
        values: { adult: 1, lcwElement: 158.76, lcwSince: '2017-04-02', amount: 158.76 },
      },
    ]);
    const cutOff = run(1, (ctx) => lcwElement(ctx, [lcw('2017-04-03')], false));
    expect(cutOff.result).toBe(0);
    expect(cutOff.reasons).toEqual([
      {
        code: 'lcw.element-not-paid',
        text: 'The claimant has limited capability for work since 2017-04-03. The LCW element (£158.76) is paid only where the award included LCW before 3 April 2017, so it is not included; LCW still gives the household a work allowance.',
        values: { adult: 1, lcwElement: 158.76, lcwSince: '2017-04-03' },
      },
    ]);
    const none = run(1, (ctx) => lcwElement(ctx, [lcw(null)], false));
    expect(none.result).toBe(0);
    expect(none.reasons[0]?.text).toContain('has limited capability for work (no lcwSince given).');
    expect(none.reasons[0]?.values).toEqual({ adult: 1, lcwElement: 158.76 });
  });

  test('no adult with LCW: nothing, and nothing said', () => {
    expect(run(2, (ctx) => lcwElement(ctx, [person(), person({ lcwSince: '2016-01-01' })], false))).toMatchObject({ result: 0, reasons: [] });
  });

  test('not with the LCWRA element in the household', () => {
    const r = run(2, (ctx) => lcwElement(ctx, [lcw('2016-01-01'), person({ lcwra: true })], true));
    expect(r.result).toBe(0);
    expect(r.reasons).toEqual([
      {
        code: 'lcw.lcwra-instead',
        text: 'Adult 1 has had limited capability for work since 2016-01-01, but the household already gets the LCWRA element, so the LCW element (£158.76) is not included as well.',
        values: { adult: 1, lcwElement: 158.76, lcwSince: '2016-01-01' },
      },
    ]);
  });

  test('for a carer, the carer element (the higher) instead', () => {
    const r = run(1, (ctx) => lcwElement(ctx, [lcw('2016-01-01', { carer: true })], false));
    expect(r.result).toBe(0);
    expect(r.codes).toEqual(['lcw.carer-instead']);
    expect(r.reasons[0]?.text).toBe(
      'The claimant has had limited capability for work since 2016-01-01 and also meets the carer test: only one of the LCW element (£158.76) and the carer element is included for the same person, the higher, so the carer element is included instead.',
    );
  });

  test('once for a couple, whichever partner comes first; a partner without the conditions does not stop the other', () => {
    const both = run(2, (ctx) => lcwElement(ctx, [lcw('2016-01-01'), lcw('2015-01-01')], false));
    expect(both.result).toBe(15_876);
    expect(both.codes).toEqual(['lcw.element', 'lcw.couple-once']);
    expect(both.reasons[1]?.text).toBe('Adult 2 has had limited capability for work since 2015-01-01, but a household gets one LCW element, already included.');
    const second = run(2, (ctx) => lcwElement(ctx, [lcw('2018-01-01'), lcw('2015-01-01')], false));
    expect(second.result).toBe(15_876);
    expect(second.codes).toEqual(['lcw.element-not-paid', 'lcw.element']);
    expect(second.reasons[1]?.values.adult).toBe(2);
  });

  test('the 2024/25 amount', () => {
    expect(run(1, (ctx) => lcwElement(ctx, [lcw('2016-01-01')], false), '2024-06-01').result).toBe(15_611);
  });
});

describe('the carer element', () => {
  test('one carer: the element, and no word about two carers', () => {
    const r = run(1, (ctx) => carerElements(ctx, [person({ carer: true })], -1));
    expect(r.result).toBe(20_168);
    expect(r.reasons).toEqual([
      {
        code: 'carer.element',
        text: 'The claimant cares at least 35 hours a week for a severely disabled person, so the carer element of £201.68 is included.',
        values: { adult: 1, amount: 201.68 },
      },
    ]);
  });

  test('two carers: two elements, and the assumption that they care for different people is said', () => {
    const r = run(2, (ctx) => carerElements(ctx, [person({ carer: true }), person({ carer: true })], -1), '2026-06-01');
    expect(r.result).toBe(2 * 20_934);
    expect(r.codes).toEqual(['carer.element', 'carer.element']);
    expect(r.reasons[1]?.text).toBe(
      'Adult 2 cares at least 35 hours a week for a severely disabled person, so the carer element of £209.34 is included. Both partners get one only if they care for different people: this calculation assumes they do.',
    );
  });

  test('a couple with one carer: one element, and no word about two carers', () => {
    const r = run(2, (ctx) => carerElements(ctx, [person(), person({ carer: true })], -1));
    expect(r.result).toBe(20_168);
    expect(r.reasons.map((x) => x.text)).toEqual([
      'Adult 2 cares at least 35 hours a week for a severely disabled person, so the carer element of £201.68 is included.',
    ]);
  });

  test('not for the adult the LCWRA element is for; yes for the other, in either order', () => {
    const same = run(1, (ctx) => carerElements(ctx, [person({ carer: true, lcwra: true })], 0));
    expect(same.result).toBe(0);
    expect(same.reasons).toEqual([
      {
        code: 'carer.lcwra-instead',
        text: 'The claimant cares for a severely disabled person, but the household’s LCWRA element is included for the claimant, and only the LCWRA element may be included for the same person, so the carer element (£201.68) is not.',
        values: { adult: 1, carerElement: 201.68 },
      },
    ]);
    expect(run(2, (ctx) => carerElements(ctx, [person(), person({ carer: true, lcwra: true })], 0)).result).toBe(20_168);
    expect(run(2, (ctx) => carerElements(ctx, [person({ carer: true, lcwra: true }), person()], 1)).result).toBe(20_168);
    expect(run(2, (ctx) => carerElements(ctx, [person(), person({ carer: true })], 1)).codes).toEqual(['carer.lcwra-instead']);
  });

  test('no carer: nothing said', () => {
    expect(run(2, (ctx) => carerElements(ctx, [person(), person()], 0))).toMatchObject({ result: 0, reasons: [] });
  });
});

describe('disabled child additions', () => {
  test('lower and higher for each disabled child, numbered in the order given (eldest first); none for the rest', () => {
    const r = run(1, (ctx) =>
      disabledChildAdditions(ctx, [
        { birthDate: '2015-01-01', disability: 'higher' },
        { birthDate: '2017-01-01' },
        { birthDate: '2019-01-01', disability: 'lower' },
        { birthDate: '2020-01-01', disability: 'none' },
      ]),
    );
    expect(r.result).toBe(49_587 + 15_876);
    expect(r.reasons).toEqual([
      {
        code: 'disabled-child.higher',
        text: 'Child 1 (born 2015-01-01) is disabled, so the higher rate disabled child addition of £495.87 is included, whatever the two-child limit.',
        values: { child: 1, birthDate: '2015-01-01', amount: 495.87 },
      },
      {
        code: 'disabled-child.lower',
        text: 'Child 3 (born 2019-01-01) is disabled, so the lower rate disabled child addition of £158.76 is included, whatever the two-child limit.',
        values: { child: 3, birthDate: '2019-01-01', amount: 158.76 },
      },
    ]);
  });

  test('the 2024/25 and 2026/27 amounts', () => {
    const both = [
      { birthDate: '2015-01-01', disability: 'higher' as const },
      { birthDate: '2016-01-01', disability: 'lower' as const },
    ];
    expect(run(1, (ctx) => disabledChildAdditions(ctx, both), '2024-06-01').result).toBe(48_758 + 15_611);
    expect(run(1, (ctx) => disabledChildAdditions(ctx, both), '2026-06-01').result).toBe(51_471 + 16_479);
  });
});

describe('the housing costs element and housing cost contributions', () => {
  test('no non-dependants: the eligible rent, one reason', () => {
    const r = run(1, (ctx) => housingCostsElement(ctx, { eligibleRentMonthly: 500 }));
    expect(r.result).toBe(50_000);
    expect(r.reasons).toEqual([
      {
        code: 'housing.included',
        text: 'The eligible rent is £500.00. The rules that decide eligible rent (such as the Local Housing Allowance, the size criteria and service charges) are not worked out here.',
        values: { amount: 500 },
      },
    ]);
    expect(run(1, (ctx) => housingCostsElement(ctx, { eligibleRentMonthly: 500, nonDependants: 0 })).codes).toEqual(['housing.included']);
  });

  test('a contribution for each non-dependant, never below £0, and what is not checked is said', () => {
    const one = run(1, (ctx) => housingCostsElement(ctx, { eligibleRentMonthly: 500, nonDependants: 1 }));
    expect(one.result).toBe(50_000 - 9_302);
    expect(one.reasons[1]?.text).toBe(
      '1 non-dependant × a housing cost contribution of £93.02 = £93.02 comes off the eligible rent of £500.00, leaving a housing costs element of £406.98. No contribution is due if the claimant or partner is blind or gets Attendance Allowance, the PIP daily living component or the DLA middle or highest rate care component, nor for a non-dependant under 21 or getting Pension Credit, Carer’s Allowance or one of those disability benefits: this calculation does not check these, so count only the non-dependants a contribution is due for.',
    );
    expect(one.reasons[1]?.values).toEqual({ count: 1, contribution: 93.02, contributions: 93.02, rent: 500, amount: 406.98 });
    expect(one.reasons.map((x) => x.code)).toEqual(['housing.included', 'housing.non-dependants']);
    const two = run(1, (ctx) => housingCostsElement(ctx, { eligibleRentMonthly: 500, nonDependants: 2 }), '2026-06-01');
    expect(two.result).toBe(50_000 - 2 * 9_655);
    expect(two.reasons[1]?.text).toMatch(/^2 non-dependants × a housing cost contribution of £96\.55 = £193\.10/);
    expect(run(1, (ctx) => housingCostsElement(ctx, { eligibleRentMonthly: 186.04, nonDependants: 2 })).result).toBe(0);
    expect(run(1, (ctx) => housingCostsElement(ctx, { eligibleRentMonthly: 186.05, nonDependants: 2 })).result).toBe(1);
    expect(run(1, (ctx) => housingCostsElement(ctx, { eligibleRentMonthly: 100, nonDependants: 2 })).result).toBe(0);
  });
});
