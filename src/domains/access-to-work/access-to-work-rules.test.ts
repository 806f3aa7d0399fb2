import { describe, expect, test } from 'vitest';
import type { AssessmentInput, Need } from './access-to-work.ts';
import { accessToWork, annualCapOn, applyCap, assessAccessToWork, indicativeRange, needsCountersign, validUntil } from './access-to-work-rules.ts';

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
    ['a job offer applies before the start', { status: 'job-offer', weeksInJob: -2 }, 0, 'share.first-six-weeks'],
    ['seeking work: before any start', { status: 'seeking', weeksInJob: undefined }, 0, 'share.first-six-weeks'],
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
