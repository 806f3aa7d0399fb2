import { afterEach, describe, expect, test } from 'vitest';
import { policyValues } from '../../../test/support/policy-values.ts';
import { GUARANTEE_STATUSES, GUARANTEE_TRANSITIONS, type GuaranteeStatus, transition } from './guarantee.ts';
import {
  daysLeft,
  dueForReminder,
  endUsesGuarantee,
  hasLapsed,
  incomeRelatedEsaEnds,
  isHealthBenefit,
  PARAMETERS,
  protectionFor,
  reminderDays,
  returnClaimOn,
  startsLater,
  statusOn,
} from './guarantee-rules.ts';

// Every date below is worked by hand in its comment; the rules must agree.

// Days on (addDays) are the platform's (platform/clock/calendar-rules.ts), with these three sums among its tests.

describe('which benefits a guarantee protects', () => {
  test.each([
    ['uc-lcw', true],
    ['uc-lcwra', true],
    ['esa-new-style', true],
    ['esa-income-related', true],
    ['uc', false],
    ['pip', false],
    ['jsa', false],
    ['', false],
  ] as const)('%s → %s', (benefit, expected) => {
    expect(isHealthBenefit(benefit)).toBe(expected);
  });
});

describe('protectionFor: every applicable rule, the latest wins, law wins a tie', () => {
  const rulesOf = (p: ReturnType<typeof protectionFor>) => p.applied.map((r) => [r.rule, r.until]);

  test.each([
    // UC: the 6-month re-claim rule and the 6-month platform period end the same day; the law protects.
    [
      'uc-lcw',
      '2025-01-10',
      '2026-03-02',
      [
        ['uc-reclaim', '2026-09-02'],
        ['platform-protected-period', '2026-09-02'],
      ],
      '2026-09-02',
      'uc-reclaim',
    ],
    [
      'uc-lcwra',
      '2025-01-10',
      '2026-08-31',
      [
        ['uc-reclaim', '2027-02-28'],
        ['platform-protected-period', '2027-02-28'],
      ],
      '2027-02-28',
      'uc-reclaim',
    ],
    [
      'uc-lcwra',
      '2025-01-10',
      '2027-08-31',
      [
        ['uc-reclaim', '2028-02-29'],
        ['platform-protected-period', '2028-02-29'],
      ],
      '2028-02-29',
      'uc-reclaim',
    ],
    // ESA, decided 5 January, job 2 March: 26 + 28 + 2 = 56 days of LCW (8 weeks), not more than 13 weeks:
    // the 12-week link (to 25 May) and the platform period (to 2 September), which is later.
    [
      'esa-new-style',
      '2026-01-05',
      '2026-03-02',
      [
        ['esa-linking', '2026-05-25'],
        ['platform-protected-period', '2026-09-02'],
      ],
      '2026-09-02',
      'platform-protected-period',
    ],
    // ESA decided 1 June 2025, job 2 March 2026: 274 days of LCW. The 104-week term the 2008 Regulations once
    // gave a "work or training beneficiary" was revoked from 1 May 2012 (SI 2012/919): only the 12-week link
    // (to 25 May) and the platform period (to 2 September), which is later. It used to say 28 February 2028.
    [
      'esa-income-related',
      '2025-06-01',
      '2026-03-02',
      [
        ['esa-linking', '2026-05-25'],
        ['platform-protected-period', '2026-09-02'],
      ],
      '2026-09-02',
      'platform-protected-period',
    ],
    // However long LCW has lasted: decided 1 January 2026, job 3 April 2026 (92 days, once "more than 13 weeks"):
    // 3 April + 84 days is 26 June; + 6 months is 3 October. It used to say 31 March 2028.
    [
      'esa-new-style',
      '2026-01-01',
      '2026-04-03',
      [
        ['esa-linking', '2026-06-26'],
        ['platform-protected-period', '2026-10-03'],
      ],
      '2026-10-03',
      'platform-protected-period',
    ],
    // A decision after the job start changes nothing: the 12-week link and the platform period.
    [
      'esa-new-style',
      '2026-05-01',
      '2026-04-03',
      [
        ['esa-linking', '2026-06-26'],
        ['platform-protected-period', '2026-10-03'],
      ],
      '2026-10-03',
      'platform-protected-period',
    ],
  ] as const)('%s decided %s, job from %s', (benefit, decisionDate, jobStartDate, rules, until, protecting) => {
    const p = protectionFor({ award: { benefit, decisionDate }, jobStartDate });
    expect(rulesOf(p)).toEqual(rules);
    expect(p).toMatchObject({ startsOn: jobStartDate, protectedUntil: until, protectingRule: protecting });
    // Each rule says which parameters it used, with their sources.
    for (const r of p.applied) expect(r.parameters.length).toBeGreaterThan(0);
    expect(p.applied.find((r) => r.rule === 'platform-protected-period')?.statutory).toBe(false);
  });

  test('no ESA award is protected in law for more than 12 weeks, whatever its decision date: the revoked rule is never applied', () => {
    // Every decision date from 2008 to the job start, for both kinds of ESA: the law protects 84 days.
    for (const benefit of ['esa-new-style', 'esa-income-related'] as const) {
      for (const decisionDate of ['2008-10-27', '2012-04-30', '2020-01-01', '2025-06-01', '2026-03-01']) {
        const p = protectionFor({ award: { benefit, decisionDate }, jobStartDate: '2026-03-02' });
        expect(p.applied.map((r) => r.rule)).not.toContain('esa-work-or-training');
        expect(p.notApplied).toEqual([]);
        expect(p.applied.filter((r) => r.statutory).map((r) => r.until)).toEqual(['2026-05-25']);
        expect(p.protectedUntil).toBe('2026-09-02');
      }
    }
  });

  test('the UC 6-month rule cites regulation 28(3)-(4)(b) and is law; the platform promise is not', () => {
    const p = protectionFor({ award: { benefit: 'uc-lcwra', decisionDate: '2025-01-10' }, jobStartDate: '2026-03-02' });
    const uc = p.applied.find((r) => r.rule === 'uc-reclaim');
    expect(uc?.statutory).toBe(true);
    expect(uc?.parameters[0]?.source).toContain('regulation 28(3) and (4)(b)');
    expect(p.applied.find((r) => r.rule === 'platform-protected-period')?.statutory).toBe(false);
  });

  test('the reasons name each rule with its last day, then the rule that protects longest, and nothing else', () => {
    const uc = protectionFor({ award: { benefit: 'uc-lcw', decisionDate: '2025-01-10' }, jobStartDate: '2026-03-02' });
    expect(uc.reasons).toEqual([
      'uc-reclaim protects to 2026-09-02',
      'platform-protected-period protects to 2026-09-02',
      'protected to 2026-09-02 by uc-reclaim',
    ]);
    const esa = protectionFor({ award: { benefit: 'esa-income-related', decisionDate: '2025-06-01' }, jobStartDate: '2026-03-02' });
    expect(esa.reasons).toEqual([
      'esa-linking protects to 2026-05-25',
      'platform-protected-period protects to 2026-09-02',
      'income-related ESA awards end from 2026-07-01: a return on or after that day is to Universal Credit or New Style ESA',
      'protected to 2026-09-02 by platform-protected-period',
    ]);
  });

  test('a job start before a parameter was first in force uses the rule as first written', () => {
    // The platform period is dated from 2024-04-08; a 2023 job still gets 6 months.
    const p = protectionFor({ award: { benefit: 'uc-lcw', decisionDate: '2022-01-01' }, jobStartDate: '2023-05-15' });
    expect(p.protectedUntil).toBe('2023-11-15');
  });
});

describe('income-related ESA ends for remaining awards from 1 July 2026 (SI 2026/409 art 3A [S])', () => {
  test.each([
    // [benefit, return day, claim]
    ['esa-income-related', '2026-06-30', 'same'],
    ['esa-income-related', '2026-07-01', 'uc-or-new-style-esa'],
    ['esa-income-related', '2027-01-15', 'uc-or-new-style-esa'],
    ['esa-new-style', '2027-01-15', 'same'],
    ['uc-lcwra', '2027-01-15', 'same'],
  ] as const)('%s, returning on %s: %s', (benefit, day, claim) => {
    expect(returnClaimOn(benefit, day)).toBe(claim);
  });

  test('the end is dated and sourced, and matters only to an income-related ESA award protected on or after it', () => {
    expect(incomeRelatedEsaEnds('esa-income-related', '2026-07-01')).toMatchObject({
      from: '2026-07-01',
      parameter: { name: 'esa-income-related-open', value: 0, confidence: 'S', source: expect.stringContaining('SI 2026/409') },
    });
    expect(incomeRelatedEsaEnds('esa-income-related', '2026-06-30')).toBeNull();
    expect(incomeRelatedEsaEnds('esa-new-style', '2027-01-01')).toBeNull();
  });

  test('a protection that runs past the end says so in its reasons', () => {
    // Job 2 March 2026: protected to 2 September 2026, which is after 1 July.
    const p = protectionFor({ award: { benefit: 'esa-income-related', decisionDate: '2025-06-01' }, jobStartDate: '2026-03-02' });
    expect(p.reasons).toContain('income-related ESA awards end from 2026-07-01: a return on or after that day is to Universal Credit or New Style ESA');
    // Protected only to 2 June 2025: nothing to say.
    const before = protectionFor({ award: { benefit: 'esa-income-related', decisionDate: '2024-06-01' }, jobStartDate: '2024-12-02' });
    expect(before.reasons.join(' ')).not.toContain('income-related ESA awards end');
  });
});

/*
 * The rules read their parameters from policy/ files, which may list dated values in any order and
 * gain a later value when the law or the platform's promise changes. These tests load the rules with
 * such a file in place of the real one.
 */
describe('policy files with later values, in any order', () => {
  const policy = policyValues();
  const FILES = { 'bridge-back-platform-protected-months': 'platformProtectedMonths', 'esa-income-related-open': 'esaIncomeRelatedOpen' } as const;
  const withPolicy = async (name: keyof typeof FILES, values: Record<string, number>) => {
    policy.use(PARAMETERS, FILES[name], values);
    return { protectionFor, incomeRelatedEsaEnds, returnClaimOn };
  };
  afterEach(() => policy.restore());

  test('a later platform period takes over on its date, and an earlier date takes the first value, whatever order the file lists them', async () => {
    // 9 months from 1 April 2027, listed before the 6 months from 8 April 2024.
    const rules = await withPolicy('bridge-back-platform-protected-months', { '2027-04-01': 9, '2024-04-08': 6 });
    const platformUntil = (jobStartDate: string) =>
      rules
        .protectionFor({ award: { benefit: 'uc-lcw', decisionDate: '2022-01-01' }, jobStartDate })
        .applied.find((r) => r.rule === 'platform-protected-period')?.until;
    expect(platformUntil('2027-04-01')).toBe('2028-01-01'); // 9 months
    expect(platformUntil('2027-03-31')).toBe('2027-09-30'); // 6 months
    expect(platformUntil('2023-05-15')).toBe('2023-11-15'); // before either: the first value, 6 months
  });

  test('income-related ESA ends on the earliest day the file closes it, whatever order it lists them', async () => {
    const rules = await withPolicy('esa-income-related-open', { '2027-01-01': 0, '2008-10-27': 1, '2026-07-01': 0 });
    expect(rules.incomeRelatedEsaEnds('esa-income-related', '2026-09-02')?.from).toBe('2026-07-01');
    expect(rules.returnClaimOn('esa-income-related', '2026-07-01')).toBe('uc-or-new-style-esa');
  });

  test('without a closing day in the file, income-related ESA never ends', async () => {
    const rules = await withPolicy('esa-income-related-open', { '2008-10-27': 1 });
    expect(rules.incomeRelatedEsaEnds('esa-income-related', '2030-01-01')).toBeNull();
    expect(rules.returnClaimOn('esa-income-related', '2030-01-01')).toBe('same');
  });
});

describe('days left, reminders and lapsing', () => {
  // Protected to 2 September 2026; reminders 28 days before: from 5 August (2 September − 28 days).
  const g = { status: 'active' as GuaranteeStatus, protectedUntil: '2026-09-02', remindedAt: null, startsOn: '2026-03-02' };

  test('the reminder parameter is 28 days', () => {
    expect(reminderDays('2026-08-05').value).toBe(28);
  });

  test.each([
    ['2026-08-04', 29, false],
    ['2026-08-05', 28, true],
    ['2026-09-01', 1, true],
    ['2026-09-02', 0, true],
    ['2026-09-03', -1, false],
  ] as const)('on %s: %i days left, due a reminder: %s', (today, left, due) => {
    expect(daysLeft(g.protectedUntil, today)).toBe(left);
    expect(dueForReminder(g, today)).toBe(due);
  });

  test('a reminder goes once, and only for an active guarantee', () => {
    expect(dueForReminder({ ...g, remindedAt: new Date('2026-08-05T09:00:00Z') }, '2026-08-20')).toBe(false);
    for (const status of ['used', 'expired', 'withdrawn'] as const) expect(dueForReminder({ ...g, status }, '2026-08-20')).toBe(false);
  });

  test('an active guarantee lapses the day after its last protected day', () => {
    expect(hasLapsed(g, '2026-09-02')).toBe(false);
    expect(hasLapsed(g, '2026-09-03')).toBe(true);
    expect(statusOn(g, '2026-09-03')).toBe('expired');
    expect(statusOn({ ...g, status: 'withdrawn' }, '2026-09-03')).toBe('withdrawn');
  });

  test('an active guarantee whose job starts later is not in force until its first day', () => {
    const later = { status: 'active' as const, startsOn: '2026-12-14' };
    expect(startsLater(later, '2026-12-13')).toBe(true);
    expect(startsLater(later, '2026-12-14')).toBe(false);
    expect(startsLater({ ...later, status: 'withdrawn' }, '2026-12-01')).toBe(false);
  });

  test.each([
    ['2026-03-01', false],
    ['2026-03-02', true],
    ['2026-09-02', true],
    ['2026-09-03', false],
  ] as const)('a job ending on %s (the guarantee runs 2 March to 2 September) uses it: %s', (endDate, used) => {
    expect(endUsesGuarantee(g, endDate)).toBe(used);
    expect(endUsesGuarantee({ ...g, status: 'withdrawn' }, endDate)).toBe(false);
  });
});

describe('the guarantee state table', () => {
  const allowed = new Set(['active→used', 'active→expired', 'active→withdrawn']);
  const pairs = GUARANTEE_STATUSES.flatMap((from) => GUARANTEE_STATUSES.map((to) => [from, to] as const));

  test('has every status as a row', () => {
    expect(Object.keys(GUARANTEE_TRANSITIONS).sort()).toEqual([...GUARANTEE_STATUSES].sort());
  });

  test.each(pairs)('%s → %s', (from, to) => {
    if (allowed.has(`${from}→${to}`)) expect(transition(from, to)).toBe(to);
    else expect(() => transition(from, to)).toThrow(expect.objectContaining({ code: 'invalid-transition' }));
  });
});
