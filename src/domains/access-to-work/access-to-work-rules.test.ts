import { describe, expect, test } from 'vitest';
import type { AssessmentInput, Need } from './access-to-work.ts';
import {
  accessToWork,
  annualCapOn,
  applyCap,
  assessAccessToWork,
  indicativeRange,
  needsCountersign,
  validUntil,
  waitFromOffer,
} from './access-to-work-rules.ts';

/*
 * Table tests of the Access to Work rules, each with its arithmetic written out. Figures: cap
 * £69,620 (2025/26, written answer 86024); cost share [S] 50–249 staff the first £500 + 20% of the
 * next £10,000, 250+ the first £1,000 + 20% of the next £10,000, none within the first 6 weeks; a
 * 52-week year for weekly costs (platform policy).
 */

type Work = AssessmentInput['person']['work'];
const base = (over: { person?: Partial<AssessmentInput['person']>; work?: Partial<Work>; needs?: Need[]; date?: string } = {}): AssessmentInput => ({
  date: over.date ?? '2026-01-15',
  person: {
    age: 30,
    nation: 'england',
    conditionExpectedMonths: 24,
    ...over.person,
    work: { status: 'employed', hoursPerWeek: 30, employerSize: 100, weeksInJob: 10, ...over.work },
  },
  needs: over.needs ?? [{ category: 'equipment', cost: 1800 }],
});
const codes = (input: AssessmentInput) => accessToWork(input).reasons.map((r) => r.code);

describe('eligibility, each rule with the reason that decided it', () => {
  test.each([
    ['aged 15 is under 16', base({ person: { age: 15 } }), false, 'age.under'],
    ['aged 16 is old enough', base({ person: { age: 16 } }), true, 'age.met'],
    ['no upper age limit', base({ person: { age: 80 } }), true, 'age.met'],
    ['a condition of 11 months is short of 12', base({ person: { conditionExpectedMonths: 11 } }), false, 'condition.short'],
    ['a condition of 12 months is enough', base({ person: { conditionExpectedMonths: 12 } }), true, 'condition.met'],
    ['Northern Ireland has its own scheme', base({ person: { nation: 'northern-ireland' } }), false, 'nation.northern-ireland'],
    ['Wales is covered', base({ person: { nation: 'wales' } }), true, 'nation.great-britain'],
    ['Scotland is covered', base({ person: { nation: 'scotland' } }), true, 'nation.great-britain'],
    ['voluntary work is out', base({ work: { status: 'voluntary' } }), false, 'work.voluntary'],
    ['self-employed is paid work', base({ work: { status: 'self-employed' } }), true, 'work.self-employed'],
    ['a job offer is paid work', base({ work: { status: 'job-offer', weeksInJob: -2 } }), true, 'work.job-offer'],
    ['employed is paid work', base(), true, 'work.employed'],
    ['seeking work gets a decision in principle', base({ work: { status: 'seeking', weeksInJob: undefined } }), true, 'work.seeking'],
    ['a UC claimant working 1 hour is not more than 1', base({ work: { claimsUniversalCredit: true, hoursPerWeek: 1 } }), false, 'uc.hours-too-few'],
    ['a UC claimant working 1.5 hours qualifies', base({ work: { claimsUniversalCredit: true, hoursPerWeek: 1.5 } }), true, 'uc.hours-met'],
    [
      'a UC claimant seeking work is told the job must be over 1 hour',
      base({ work: { status: 'seeking', claimsUniversalCredit: true, hoursPerWeek: undefined } }),
      true,
      'uc.hours-of-job',
    ],
    ['no minimum hours without UC', base({ work: { hoursPerWeek: 0.5 } }), true, 'work.employed'],
  ] as const)('%s', (_name, input, eligible, code) => {
    const result = accessToWork(input);
    expect(result.eligible).toBe(eligible);
    expect(result.reasons.map((r) => r.code)).toContain(code);
  });

  test('every failing rule is reported, not only the first', () => {
    const c = codes(base({ person: { age: 15, conditionExpectedMonths: 3, nation: 'northern-ireland' }, work: { status: 'voluntary' } }));
    expect(c).toEqual(expect.arrayContaining(['age.under', 'condition.short', 'nation.northern-ireland', 'work.voluntary']));
  });

  test('Northern Ireland is pointed to its own scheme', () => {
    const r = accessToWork(base({ person: { nation: 'northern-ireland' } })).reasons.find((x) => x.code === 'nation.northern-ireland');
    expect(r?.text).toMatch(/Access to Work \(NI\)/);
  });

  test.each([
    // weeksInJob is weeks from the start to the application: −12 is 12 weeks before, the earliest allowed.
    ['a job starting in 12 weeks can be applied for now', { status: 'job-offer', weeksInJob: -12 }, true, 'timing.can-apply'],
    ['a job starting in 13 weeks cannot yet', { status: 'job-offer', weeksInJob: -13 }, false, 'timing.too-early'],
    ['a job offer without a start date can be applied for', { status: 'job-offer', weeksInJob: undefined }, true, 'timing.can-apply'],
    ['seeking work cannot apply yet', { status: 'seeking', weeksInJob: undefined }, false, 'work.seeking'],
    ['voluntary work never can', { status: 'voluntary' }, false, 'work.voluntary'],
    ['a UC claimant under the hours cannot', { claimsUniversalCredit: true, hoursPerWeek: 1 }, false, 'uc.hours-too-few'],
  ] as const)('%s', (_name, work, canApplyNow, code) => {
    const result = accessToWork(base({ work }));
    expect(result.canApplyNow).toBe(canApplyNow);
    expect(result.reasons.map((r) => r.code)).toContain(code);
  });

  test('an ineligible person cannot apply now even with a job', () => {
    expect(accessToWork(base({ person: { age: 15 } })).canApplyNow).toBe(false);
  });
});

describe('each need category’s yearly estimate (self-employed, so no employer share)', () => {
  const selfEmployed = (needs: Need[]) => accessToWork(base({ work: { status: 'self-employed' }, needs })).estimate;
  test.each([
    ['equipment: the cost once', { category: 'equipment', cost: 1800 }, 1800],
    ['adaptation: the cost once', { category: 'adaptation', cost: 2500.5 }, 2500.5],
    ['support worker: 5 h × £18 × 52', { category: 'support-worker', hoursPerWeek: 5, hourlyRate: 18 }, 5 * 18 * 52],
    ['support worker: 2.5 h × £17.35 × 52', { category: 'support-worker', hoursPerWeek: 2.5, hourlyRate: 17.35 }, 2255.5],
    ['travel: (£60 − £15 commute) × 52', { category: 'travel', weeklyCost: 60, normalWeeklyCommuteCost: 15 }, (60 - 15) * 52],
    ['travel cheaper than the commute costs nothing', { category: 'travel', weeklyCost: 10, normalWeeklyCommuteCost: 15 }, 0],
    ['interview support: 3 h × £30, once', { category: 'interview-communication', hours: 3, hourlyRate: 30 }, 90],
    ['Mental Health Support Service: free', { category: 'mental-health-support' }, 0],
  ] as const)('%s', (_name, need, annual) => {
    const e = selfEmployed([need]);
    expect(e.annualTotal).toBe(annual);
    expect(e.categories).toEqual([
      { category: need.category, annualCost: annual, costShared: need.category === 'equipment' || need.category === 'adaptation' },
    ]);
    expect(e.employerContribution).toBe(0);
    expect(e.accessToWorkContribution).toBe(annual);
  });

  test('needs add up: 1,800 + 4,680 + 2,340 + 90 + 0 = 8,910', () => {
    const e = selfEmployed([
      { category: 'equipment', cost: 1800 },
      { category: 'support-worker', hoursPerWeek: 5, hourlyRate: 18 },
      { category: 'travel', weeklyCost: 60, normalWeeklyCommuteCost: 15 },
      { category: 'interview-communication', hours: 3, hourlyRate: 30 },
      { category: 'mental-health-support' },
    ]);
    expect(e.annualTotal).toBe(1800 + 4680 + 2340 + 90);
  });

  test('each need explains its sum', () => {
    const r = accessToWork(base({ needs: [{ category: 'support-worker', hoursPerWeek: 5, hourlyRate: 18 }] })).reasons.find(
      (x) => x.code === 'need.support-worker',
    );
    expect(r?.text).toBe('Support worker: 5 hours a week × £18 an hour × 52 weeks = £4,680 a year.');
    expect(r?.values).toEqual({ hoursPerWeek: 5, hourlyRate: 18, weeks: 52, annual: 4680 });
  });
});

describe('the employer’s share by size, on equipment and adaptations only', () => {
  const share = (employerSize: number, cost: number, over: Partial<Work> = {}) =>
    accessToWork(base({ work: { employerSize, ...over }, needs: [{ category: 'equipment', cost }] })).estimate;
  test.each([
    ['no staff: nothing', 0, 1800, 0, 'share.small'],
    ['49 staff: nothing', 49, 1800, 0, 'share.small'],
    ['50 staff, £400: all of it, under the first £500', 50, 400, 400, 'share.medium'],
    ['50 staff, £1,800: £500 + 20% × £1,300', 50, 1800, 500 + 0.2 * 1300, 'share.medium'],
    ['249 staff, £20,000: £500 + 20% × £10,000 (the most)', 249, 20000, 500 + 0.2 * 10000, 'share.medium'],
    ['250 staff, £800: all of it, under the first £1,000', 250, 800, 800, 'share.large'],
    ['250 staff, £1,800: £1,000 + 20% × £800', 250, 1800, 1000 + 0.2 * 800, 'share.large'],
    ['1,000 staff, £50,000: £1,000 + 20% × £10,000 (the most)', 1000, 50000, 1000 + 0.2 * 10000, 'share.large'],
    ['250 staff, £1,000.05: £1,000 + 20% × £0.05 = 1p', 250, 1000.05, 1000.01, 'share.large'],
  ] as const)('%s', (_name, size, cost, employer, code) => {
    const e = share(size, cost);
    expect(e.employerContribution).toBeCloseTo(employer, 2);
    expect(e.accessToWorkContribution).toBeCloseTo(cost - employer, 2);
    expect(codes(base({ work: { employerSize: size }, needs: [{ category: 'equipment', cost }] }))).toContain(code);
  });

  test('adaptations share the same band with equipment: £1,000 + £800 at 250 staff = £1,000 + 20% × £800', () => {
    const e = accessToWork(
      base({
        work: { employerSize: 250 },
        needs: [
          { category: 'equipment', cost: 1000 },
          { category: 'adaptation', cost: 800 },
        ],
      }),
    ).estimate;
    expect(e.employerContribution).toBe(1160);
  });

  test('support workers, travel and interview support are never shared: £1,800 equipment + £4,680 support at 250 staff', () => {
    const e = accessToWork(
      base({
        work: { employerSize: 250 },
        needs: [
          { category: 'equipment', cost: 1800 },
          { category: 'support-worker', hoursPerWeek: 5, hourlyRate: 18 },
        ],
      }),
    ).estimate;
    expect(e).toMatchObject({ annualTotal: 1800 + 4680, employerContribution: 1160, accessToWorkContribution: 1800 + 4680 - 1160 });
  });

  test('no equipment or adaptations: nothing to share', () => {
    const c = codes(base({ work: { employerSize: 1000 }, needs: [{ category: 'support-worker', hoursPerWeek: 5, hourlyRate: 18 }] }));
    expect(c).toContain('share.none-to-share');
  });
});

describe('the first-6-weeks rule', () => {
  const at = (work: Partial<Work>) => accessToWork(base({ work: { employerSize: 250, ...work }, needs: [{ category: 'equipment', cost: 1800 }] }));
  test.each([
    ['applied in week 0', { weeksInJob: 0 }, 0, 'share.first-six-weeks'],
    ['5 whole weeks in: still within the first 6', { weeksInJob: 5 }, 0, 'share.first-six-weeks'],
    ['6 whole weeks in: past them, £1,000 + 20% × £800', { weeksInJob: 6 }, 1160, 'share.large'],
    ['a job offer applies before the start', { status: 'job-offer', weeksInJob: -2 }, 0, 'share.before-start'],
    ['seeking work: before any start', { status: 'seeking', weeksInJob: undefined }, 0, 'share.before-start'],
    ['self-employed: no employer', { status: 'self-employed', weeksInJob: 60 }, 0, 'share.self-employed'],
  ] as const)('%s', (_name, work, employer, code) => {
    const result = at(work);
    expect(result.estimate.employerContribution).toBe(employer);
    expect(result.reasons.map((r) => r.code)).toContain(code);
  });
});

describe('the yearly cap', () => {
  test.each([
    // 40 h × £35 × 52 = £72,800, over the cap of £69,620.
    ['over the cap: pays the cap', [{ category: 'support-worker', hoursPerWeek: 40, hourlyRate: 35 }], 40 * 35 * 52, 69620, true, 'cap.applied'],
    ['exactly the cap: all of it', [{ category: 'equipment', cost: 69620 }], 69620, 69620, false, 'cap.within'],
    ['a penny over: the cap', [{ category: 'equipment', cost: 69620.01 }], 69620.01, 69620, true, 'cap.applied'],
    ['well within', [{ category: 'equipment', cost: 500 }], 500, 500, false, 'cap.within'],
  ] as const)('%s', (_name, needs, total, paid, capApplied, code) => {
    const result = accessToWork(base({ work: { status: 'self-employed' }, needs: [...needs] }));
    expect(result.estimate).toMatchObject({ annualTotal: total, accessToWorkContribution: paid, capApplied, cap: 69620 });
    expect(result.reasons.map((r) => r.code)).toContain(code);
    expect(result.parameters.map((p) => p.name)).toContain('access-to-work-annual-cap');
  });

  test('the cap is applied after the employer share: £80,000 equipment at 250 staff less £3,000 is still over £69,620', () => {
    const e = accessToWork(base({ work: { employerSize: 250 }, needs: [{ category: 'equipment', cost: 80000 }] })).estimate;
    expect(e).toMatchObject({ employerContribution: 3000, accessToWorkContribution: 69620, capApplied: true });
  });

  test.each([
    ['before 1 October 2015: no cap', '2015-09-30', 'uncapped'],
    ['from 1 October 2015 to March 2025: a cap existed but is not held', '2015-10-01', 'not-held'],
    ['31 March 2025: not held', '2025-03-31', 'not-held'],
    ['1 April 2025: £69,620', '2025-04-01', 'held'],
  ] as const)('%s', (_name, date, kind) => {
    expect(annualCapOn(date).kind).toBe(kind);
  });

  test('from April 2026 the 2025/26 cap is the latest held, and the answer says so', () => {
    expect(annualCapOn('2026-03-31')).toMatchObject({ kind: 'held', latestHeld: false });
    expect(annualCapOn('2026-04-01')).toMatchObject({ kind: 'held', latestHeld: true });
    expect(codes(base({ date: '2026-04-01' }))).toContain('cap.latest-held');
    expect(codes(base({ date: '2026-03-31' }))).not.toContain('cap.latest-held');
  });

  test.each([
    ['2015-09-30', 'cap.uncapped-before-start', null],
    ['2020-06-01', 'cap.not-held', null],
  ] as const)('on %s the figure is not capped (%s)', (date, code, cap) => {
    const said: string[] = [];
    const noted: string[] = [];
    const result = applyCap(
      date,
      10_000_000,
      (c) => said.push(c),
      (v) => noted.push(v.name),
    );
    expect(result).toEqual({ accessToWork: 10_000_000, capApplied: false, cap });
    expect(said).toEqual([code]);
    expect(noted).toEqual([]);
  });
});

describe('the answer’s shape and parameters', () => {
  test('lists each parameter used once, with its source and tag', () => {
    const result = accessToWork(
      base({
        work: { employerSize: 250, claimsUniversalCredit: true },
        needs: [
          { category: 'equipment', cost: 1800 },
          { category: 'support-worker', hoursPerWeek: 5, hourlyRate: 18 },
          { category: 'travel', weeklyCost: 60, normalWeeklyCommuteCost: 15 },
        ],
      }),
    );
    const names = result.parameters.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'access-to-work-minimum-age',
        'access-to-work-condition-months',
        'access-to-work-uc-minimum-weekly-hours',
        'access-to-work-weeks-per-year',
        'access-to-work-cost-share-rate',
        'access-to-work-annual-cap',
      ]),
    );
    expect(result.parameters.find((p) => p.name === 'access-to-work-cost-share-rate')).toMatchObject({ value: 0.2, confidence: 'S' });
    expect(result.parameters.find((p) => p.name === 'access-to-work-annual-cap')).toMatchObject({ value: 69620, confidence: 'V', effectiveFrom: '2025-04-01' });
  });

  test('bad input is refused with the field named', () => {
    const bad = (input: unknown) => {
      try {
        assessAccessToWork(input);
      } catch (error) {
        return (error as { issues: { path: string }[] }).issues.map((i) => i.path);
      }
      return [];
    };
    expect(bad({})).toEqual(expect.arrayContaining(['date', 'person', 'needs']));
    expect(bad({ ...base(), date: '2026-02-30' })).toEqual(['date']);
    expect(bad({ ...base(), date: '2025-03-31' })).toEqual(['date']);
    expect(bad({ ...base(), needs: [{ category: 'taxi', cost: 1 }] })).toEqual(['needs.0.category']);
    expect(bad({ ...base(), needs: [{ category: 'equipment', cost: -1 }] })).toEqual(['needs.0.cost']);
    expect(bad({ ...base(), needs: [{ category: 'equipment', cost: 1.005 }] })).toEqual(['needs.0.cost']);
    expect(bad({ ...base(), extra: 1 })).toHaveLength(1);
    expect(bad(base({ work: { weeksInJob: undefined } }))).toEqual(['person.work.weeksInJob']);
    expect(bad(base({ work: { employerSize: undefined } }))).toEqual(['person.work.employerSize']);
    expect(bad(base({ work: { claimsUniversalCredit: true, hoursPerWeek: undefined } }))).toEqual(['person.work.hoursPerWeek']);
    expect(bad(base({ work: { weeksInJob: -1 } }))).toEqual(['person.work.weeksInJob']);
    expect(bad(base({ person: { nation: 'isle-of-man' as never } }))).toEqual(['person.nation']);
    expect(bad(base())).toEqual([]);
  });
});

describe('the decision in principle’s figures (platform policy)', () => {
  test.each([
    // £5,320 ± 20%: £4,256 down to £4,200; £6,384 up to £6,400.
    [5320, 69620, 4200, 6400],
    [0, 69620, 0, 0],
    // £69,620 × 1.2 = £83,544, held to the cap.
    [69620, 69620, 55600, 69620],
    [1000, null, 800, 1200],
  ] as const)('£%d gives a range of £%d? to the cap %s', (amount, cap, low, high) => {
    expect(indicativeRange(amount, '2026-01-15', cap)).toMatchObject({ low, high, margin: { value: 0.2 } });
  });

  test.each([
    ['2026-01-15', 6, '2026-07-14'],
    // 31 August + 6 months is 28 February (no 31st), and the last valid day the day before.
    ['2025-08-31', 6, '2026-02-27'],
    ['2025-12-01', 1, '2025-12-31'],
  ])('issued %s for %d months: valid to %s', (from, months, until) => {
    expect(validUntil(from, months)).toBe(until);
  });

  test.each([
    [20000, null, false],
    [20000.01, null, true],
    [5000, 5000, false],
    [5000.01, 5000, true],
    [0, 0, false],
  ] as const)('£%d against %s needs a countersignature: %s', (amount, tenant, needed) => {
    expect(needsCountersign(amount, tenant, '2026-01-15').needed).toBe(needed);
  });
});

/*
 * The answer word for word. A person, their specialist and DWP read these sentences, so each
 * scenario pins every reason (its code, its sentence with the figures, and the figures as values)
 * in order, and nothing else.
 */
describe('the reasons, word for word, for each path through the rules', () => {
  const MET = [
    { code: 'age.met', text: 'Aged 30: Access to Work is for people aged 16 or over.', values: { age: 30, minimumAge: 16 } },
    {
      code: 'condition.met',
      text: 'The condition has lasted or is likely to last 24 months: at least 12 are needed.',
      values: { conditionExpectedMonths: 24, months: 12 },
    },
    { code: 'nation.great-britain', text: 'Lives and works in England, Scotland or Wales.', values: { nation: 'england' } },
  ];
  const within = (amount: string, beforeCap: number) => ({
    code: 'cap.within',
    text: `${amount} is within the yearly cap of £69,620.`,
    values: { beforeCap, cap: 69620 },
  });
  const EQUIPMENT = { code: 'need.equipment', text: 'Special aids and equipment: £1,800 once.', values: { cost: 1800 } };
  const BEFORE_START = {
    code: 'share.before-start',
    text: 'Applying before the job starts, so within its first 6 weeks: the employer shares none of the cost.',
    values: { graceWeeks: 6 },
  };

  test('employed 10 weeks at 250 staff on UC: £1,800 + 2.5 h × £17.35 × 52 = £2,255.50; the employer £1,000 + 20% × £800 = £1,160', () => {
    const result = accessToWork(
      base({
        work: { employerSize: 250, claimsUniversalCredit: true },
        needs: [
          { category: 'equipment', cost: 1800 },
          { category: 'support-worker', hoursPerWeek: 2.5, hourlyRate: 17.35 },
        ],
      }),
    );
    expect(result.reasons).toEqual([
      ...MET,
      { code: 'work.employed', text: 'In paid employment.', values: { status: 'employed' } },
      { code: 'uc.hours-met', text: 'Claims Universal Credit and works 30 hours a week: more than the 1 hour needed.', values: { hours: 30, minimumHours: 1 } },
      EQUIPMENT,
      {
        code: 'need.support-worker',
        text: 'Support worker: 2.5 hours a week × £17.35 an hour × 52 weeks = £2,255.50 a year.',
        values: { hoursPerWeek: 2.5, hourlyRate: 17.35, weeks: 52, annual: 2255.5 },
      },
      {
        code: 'share.large',
        text: 'An employer of 250 staff pays the first £1,000 (£1,000) plus 20% of the next £10,000 (20% of £800 = £160): £1,160.',
        values: { employerSize: 250, first: 1000, whole: 1000, band: 10000, banded: 800, rate: 0.2, part: 160, share: 1160 },
      },
      // £1,800 + £2,255.50 − £1,160 = £2,895.50.
      within('£2,895.50', 2895.5),
    ]);
    expect(result).toMatchObject({ eligible: true, canApplyNow: true, notEligibleBecause: [] });
  });

  test('at 120 staff the medium band: £500 + 20% × £1,300 = £760, leaving £1,040', () => {
    const result = accessToWork(base({ work: { employerSize: 120 } }));
    expect(result.reasons.slice(4)).toEqual([
      EQUIPMENT,
      {
        code: 'share.medium',
        text: 'An employer of 120 staff pays the first £500 (£500) plus 20% of the next £10,000 (20% of £1,300 = £260): £760.',
        values: { employerSize: 120, first: 500, whole: 500, band: 10000, banded: 1300, rate: 0.2, part: 260, share: 760 },
      },
      within('£1,040', 1040),
    ]);
  });

  test('at 10 staff the employer shares nothing', () => {
    expect(accessToWork(base({ work: { employerSize: 10 } })).reasons.slice(5)).toEqual([
      { code: 'share.small', text: 'An employer of 10 staff (fewer than 50) shares none of the cost.', values: { employerSize: 10, mediumFrom: 50 } },
      within('£1,800', 1800),
    ]);
  });

  test('5 whole weeks into the job is within the first 6', () => {
    expect(accessToWork(base({ work: { employerSize: 250, weeksInJob: 5 } })).reasons[5]).toEqual({
      code: 'share.first-six-weeks',
      text: 'Applying 5 whole weeks into the job, within its first 6: the employer shares none of the cost.',
      values: { weeksInJob: 5, graceWeeks: 6 },
    });
  });

  test('not eligible on every count: each failing rule is a reason, and they are the answer’s notEligibleBecause', () => {
    const result = accessToWork(
      base({
        person: { age: 15, conditionExpectedMonths: 3, nation: 'northern-ireland' },
        // Voluntary work is out whatever the hours, so Universal Credit's hours rule is not asked.
        work: { status: 'voluntary', claimsUniversalCredit: true, hoursPerWeek: 1 },
      }),
    );
    const failing = [
      { code: 'age.under', text: 'Aged 15: Access to Work starts at 16.', values: { age: 15, minimumAge: 16 } },
      {
        code: 'condition.short',
        text: 'The condition is expected to last 3 months: Access to Work needs one that has lasted or is likely to last 12.',
        values: { conditionExpectedMonths: 3, months: 12 },
      },
      {
        code: 'nation.northern-ireland',
        text: "Access to Work covers England, Scotland and Wales. Northern Ireland has its own Access to Work (NI) scheme, run by the Department for Communities' employment service: apply there.",
        values: { nation: 'northern-ireland' },
      },
      { code: 'work.voluntary', text: 'Voluntary work is not covered: Access to Work is for paid work.', values: { status: 'voluntary' } },
    ];
    expect(result.reasons).toEqual([...failing, EQUIPMENT, BEFORE_START, within('£1,800', 1800)]);
    expect(result).toMatchObject({ eligible: false, canApplyNow: false, notEligibleBecause: failing });
  });

  test('a UC claimant working 1 hour fails that rule alone; 40 h × £35 × 52 = £72,800 is over the cap', () => {
    const result = accessToWork(
      base({
        date: '2026-03-31',
        work: { claimsUniversalCredit: true, hoursPerWeek: 1 },
        needs: [{ category: 'support-worker', hoursPerWeek: 40, hourlyRate: 35 }],
      }),
    );
    const tooFew = {
      code: 'uc.hours-too-few',
      text: 'Claims Universal Credit; hours worked a week: 1. A claimant needs more than 1 hour a week.',
      values: { hours: 1, minimumHours: 1 },
    };
    expect(result.reasons).toEqual([
      ...MET,
      { code: 'work.employed', text: 'In paid employment.', values: { status: 'employed' } },
      tooFew,
      {
        code: 'need.support-worker',
        text: 'Support worker: 40 hours a week × £35 an hour × 52 weeks = £72,800 a year.',
        values: { hoursPerWeek: 40, hourlyRate: 35, weeks: 52, annual: 72800 },
      },
      { code: 'share.none-to-share', text: 'No equipment or adaptation costs, so there is no employer share.', values: {} },
      {
        code: 'cap.applied',
        text: '£72,800 is more than the yearly cap of £69,620: Access to Work pays up to the cap.',
        values: { beforeCap: 72800, cap: 69620 },
      },
    ]);
    expect(result).toMatchObject({ eligible: false, canApplyNow: false, notEligibleBecause: [tooFew] });
  });

  test('a voluntary worker’s hours are not a Universal Credit reason', () => {
    const c = codes(base({ work: { status: 'voluntary', claimsUniversalCredit: true, hoursPerWeek: 30 } }));
    expect(c.filter((x) => x.startsWith('uc.'))).toEqual([]);
  });

  test('without Universal Credit no hours rule is asked', () => {
    expect(codes(base({ work: { hoursPerWeek: 30 } })).filter((x) => x.startsWith('uc.'))).toEqual([]);
    expect(codes(base({ work: { claimsUniversalCredit: false, hoursPerWeek: 0.5 } })).filter((x) => x.startsWith('uc.'))).toEqual([]);
  });

  test('a job 13 weeks away: eligible, but the application waits; adaptations of £999.99 shown to the penny', () => {
    const result = accessToWork(base({ work: { status: 'job-offer', weeksInJob: -13 }, needs: [{ category: 'adaptation', cost: 999.99 }] }));
    expect(result.reasons).toEqual([
      ...MET,
      {
        code: 'timing.too-early',
        text: 'The job starts in 13 weeks: the application can go in up to 12 weeks before the start.',
        values: { weeksToStart: 13, weeksBefore: 12 },
      },
      { code: 'work.job-offer', text: 'Has a paid job offer.', values: { status: 'job-offer' } },
      { code: 'need.adaptation', text: 'Adaptations to premises or equipment: £999.99 once.', values: { cost: 999.99 } },
      BEFORE_START,
      within('£999.99', 999.99),
    ]);
    expect(result).toMatchObject({ eligible: true, canApplyNow: false, notEligibleBecause: [] });
  });

  test('a job 12 weeks away can be applied for now', () => {
    expect(accessToWork(base({ work: { status: 'job-offer', weeksInJob: -12 } })).reasons.slice(3, 5)).toEqual([
      { code: 'timing.can-apply', text: 'A job offer: the application can go in now (up to 12 weeks before the start).', values: { weeksBefore: 12 } },
      { code: 'work.job-offer', text: 'Has a paid job offer.', values: { status: 'job-offer' } },
    ]);
  });

  test('seeking work on UC: a decision in principle now, the job found must be over 1 hour', () => {
    const result = accessToWork(base({ work: { status: 'seeking', claimsUniversalCredit: true, hoursPerWeek: undefined, weeksInJob: undefined } }));
    expect(result.reasons.slice(3, 5)).toEqual([
      {
        code: 'work.seeking',
        text: 'Actively seeking paid work: Bridgework can give a decision in principle now; the application to DWP goes in once there is a job or a job offer.',
        values: { status: 'seeking' },
      },
      { code: 'uc.hours-of-job', text: 'Claims Universal Credit: the job found must be more than 1 hour a week.', values: { minimumHours: 1 } },
    ]);
    expect(result).toMatchObject({ eligible: true, canApplyNow: false, notEligibleBecause: [] });
  });

  test('self-employed: travel (£60.50 − £15) × 52 = £2,366, interview 1.5 h × £30.10 = £45.15, the Mental Health Support Service free', () => {
    const result = accessToWork(
      base({
        work: { status: 'self-employed' },
        needs: [
          { category: 'travel', weeklyCost: 60.5, normalWeeklyCommuteCost: 15 },
          { category: 'interview-communication', hours: 1.5, hourlyRate: 30.1 },
          { category: 'mental-health-support' },
        ],
      }),
    );
    expect(result.reasons.slice(3)).toEqual([
      { code: 'work.self-employed', text: 'Self-employed.', values: { status: 'self-employed' } },
      {
        code: 'need.travel',
        text: 'Travel to work: £60.50 a week less the normal commute of £15 = £45.50 a week × 52 weeks = £2,366 a year.',
        values: { weeklyCost: 60.5, normalWeeklyCommuteCost: 15, extraWeekly: 45.5, weeks: 52, annual: 2366 },
      },
      {
        code: 'need.interview-communication',
        text: 'Communication support at interview: 1.5 hours × £30.10 an hour = £45.15.',
        values: { hours: 1.5, hourlyRate: 30.1, annual: 45.15 },
      },
      {
        code: 'need.mental-health-support',
        text: 'Mental Health Support Service: free to the person and the employer, so there is no cost to estimate.',
        values: {},
      },
      { code: 'share.none-to-share', text: 'No equipment or adaptation costs, so there is no employer share.', values: {} },
      within('£2,411.15', 2411.15),
    ]);
    expect(result.estimate.categories.map((c) => c.annualCost)).toEqual([2366, 45.15, 0]);
  });

  test('self-employed with equipment: no employer to share it', () => {
    expect(accessToWork(base({ work: { status: 'self-employed' } })).reasons[5]).toEqual({
      code: 'share.self-employed',
      text: 'Self-employed: there is no employer share.',
      values: {},
    });
  });

  test('the latest cap held, used for a later year, is said with its figure and date', () => {
    const result = accessToWork(base({ date: '2026-04-01', work: { status: 'self-employed' } }));
    expect(result.reasons.slice(-2)).toEqual([
      {
        code: 'cap.latest-held',
        text: 'The cap for this year is not held yet: the latest held, £69,620 from 2025-04-01, is used; it may be too low.',
        values: { cap: 69620, effectiveFrom: '2025-04-01' },
      },
      within('£1,800', 1800),
    ]);
  });

  test.each([
    ['2015-09-30', { code: 'cap.uncapped-before-start', text: 'Awards made before 2015-10-01 have no yearly cap.', values: { capStartsOn: '2015-10-01' } }],
    [
      '2020-06-01',
      {
        code: 'cap.not-held',
        text: 'Bridgework holds no yearly cap for 2020-06-01, so none is applied: check the cap in force.',
        values: { date: '2020-06-01' },
      },
    ],
  ] as const)('with no cap on %s the reason says why', (date, reason) => {
    const said: unknown[] = [];
    applyCap(
      date,
      100,
      (code, text, values) => said.push({ code, text, values }),
      () => undefined,
    );
    expect(said).toEqual([reason]);
  });

  test('the parameters are exactly those used, in the order first used', () => {
    const names = (input: AssessmentInput) => accessToWork(input).parameters.map((p) => p.name);
    expect(names(base({ work: { status: 'self-employed' }, needs: [{ category: 'mental-health-support' }] }))).toEqual([
      'access-to-work-minimum-age',
      'access-to-work-condition-months',
      'access-to-work-annual-cap',
    ]);
    expect(
      names(
        base({
          work: { employerSize: 250, claimsUniversalCredit: true },
          needs: [
            { category: 'support-worker', hoursPerWeek: 1, hourlyRate: 20 },
            { category: 'equipment', cost: 10 },
          ],
        }),
      ),
    ).toEqual([
      'access-to-work-minimum-age',
      'access-to-work-condition-months',
      'access-to-work-uc-minimum-weekly-hours',
      'access-to-work-weeks-per-year',
      'access-to-work-cost-share-grace-weeks',
      'access-to-work-cost-share-medium-employer-from',
      'access-to-work-cost-share-large-employer-from',
      'access-to-work-cost-share-large-first',
      'access-to-work-cost-share-band',
      'access-to-work-cost-share-rate',
      'access-to-work-annual-cap',
    ]);
  });
});

describe('the decision in principle’s thresholds', () => {
  test('the tenant’s amount, when set, is the threshold; otherwise the platform default of £20,000', () => {
    expect(needsCountersign(6000, 5000, '2026-01-15')).toEqual({ needed: true, threshold: 5000 });
    expect(needsCountersign(6000, null, '2026-01-15')).toMatchObject({
      needed: false,
      threshold: { name: 'access-to-work-dip-countersign-default', value: 20000 },
    });
  });

  test('a range near zero never goes below £0, and the margin used is reported', () => {
    // £50 − 20% = £40, down to £0; £50 + 20% = £60, up to £100.
    expect(indicativeRange(50, '2026-01-15', 69620)).toMatchObject({ low: 0, high: 100, margin: { name: 'access-to-work-dip-range-margin', value: 0.2 } });
  });
});

describe('the wait from the job offer to support in place', () => {
  test.each([
    // 2 March to 10 March is 8 days; 2 March to 14 April is 29 (rest of March) + 14 = 43.
    [
      { offeredOn: '2026-03-02', submittedOn: '2026-03-10', decidedOn: '2026-04-14' },
      { toApplication: 8, toDecision: 43 },
    ],
    [
      { offeredOn: '2026-03-02', submittedOn: '2026-03-02', decidedOn: null },
      { toApplication: 0, toDecision: null },
    ],
    [
      { offeredOn: '2026-03-02', submittedOn: null, decidedOn: null },
      { toApplication: null, toDecision: null },
    ],
    // Applied before the specialist recorded the offer: the wait is negative, not hidden.
    [
      { offeredOn: '2026-03-02', submittedOn: '2026-02-27', decidedOn: '2026-03-01' },
      { toApplication: -3, toDecision: -1 },
    ],
  ] as const)('%o waits %o', (dates, wait) => {
    expect(waitFromOffer(dates)).toEqual(wait);
  });
});
