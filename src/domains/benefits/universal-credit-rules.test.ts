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
