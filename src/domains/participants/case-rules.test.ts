import { describe, expect, test } from 'vitest';
import { PHASES, type Phase, type Relationship } from './case.ts';
import {
  afterMissedAppointment,
  ageOn,
  CONSENT_NEEDED,
  canMovePhase,
  isHealthNote,
  isOpenPhase,
  minimumWage,
  nextPhases,
  relationshipOf,
  seesHealth,
  sustainedWork,
} from './case-rules.ts';

// Every expected value below is written out by hand from the brief, not derived from the code.

describe('the phase table', () => {
  // Rows: from. Columns: to, in the order engagement, vocational-profile, job-search, in-work, closed.
  // 1 = allowed, . = refused (409).
  const EXPECTED: Record<Phase, string> = {
    engagement: '. 1 1 . 1',
    'vocational-profile': '1 . 1 . 1',
    'job-search': '. 1 . 1 1',
    'in-work': '. . 1 . 1',
    closed: '1 . . . .',
  };
  const TO: Phase[] = ['engagement', 'vocational-profile', 'job-search', 'in-work', 'closed'];
  const cases = (Object.entries(EXPECTED) as [Phase, string][]).flatMap(([from, row]) =>
    row.split(' ').map((cell, i) => [from, TO[i] as Phase, cell === '1'] as const),
  );

  test('the hand-written table covers every from × to pair once', () => {
    expect(cases).toHaveLength(25);
    expect(new Set(cases.map(([from, to]) => `${from}→${to}`)).size).toBe(25);
    expect([...TO].sort()).toEqual([...PHASES].sort());
  });

  test.each(cases)('%s → %s: allowed %s', (from, to, allowed) => {
    expect(canMovePhase(from, to)).toBe(allowed);
    expect(nextPhases(from).includes(to)).toBe(allowed);
  });

  test('every phase but closed is open', () => {
    expect(PHASES.filter((p) => isOpenPhase(p))).toEqual(PHASES.filter((p) => p !== 'closed'));
    expect(isOpenPhase('closed')).toBe(false);
  });

  test('nothing moves to itself, every open phase can close, and a closed case only re-engages', () => {
    for (const phase of PHASES) expect(canMovePhase(phase, phase)).toBe(false);
    for (const phase of PHASES.filter((p) => p !== 'closed')) expect(canMovePhase(phase, 'closed')).toBe(true);
    expect(nextPhases('closed')).toEqual(['engagement']);
  });
});

describe('who has a working relationship', () => {
  type Row = [specialist: boolean, teamLead: boolean, healthTeam: boolean, consent: boolean, breakGlass: boolean, expected: Relationship];
  const T = true;
  const F = false;
  // All 32 combinations: the specialist first, then the team lead, then a named health-team member
  // (only with consent to share with the health team), then an unexpired break-glass grant.
  const TABLE: Row[] = [
    [F, F, F, F, F, 'none'],
    [F, F, F, F, T, 'break-glass'],
    [F, F, F, T, F, 'none'],
    [F, F, F, T, T, 'break-glass'],
    [F, F, T, F, F, 'none'],
    [F, F, T, F, T, 'break-glass'],
    [F, F, T, T, F, 'health-team'],
    [F, F, T, T, T, 'health-team'],
    [F, T, F, F, F, 'team-lead'],
    [F, T, F, F, T, 'team-lead'],
    [F, T, F, T, F, 'team-lead'],
    [F, T, F, T, T, 'team-lead'],
    [F, T, T, F, F, 'team-lead'],
    [F, T, T, F, T, 'team-lead'],
    [F, T, T, T, F, 'team-lead'],
    [F, T, T, T, T, 'team-lead'],
    [T, F, F, F, F, 'assigned-specialist'],
    [T, F, F, F, T, 'assigned-specialist'],
    [T, F, F, T, F, 'assigned-specialist'],
    [T, F, F, T, T, 'assigned-specialist'],
    [T, F, T, F, F, 'assigned-specialist'],
    [T, F, T, F, T, 'assigned-specialist'],
    [T, F, T, T, F, 'assigned-specialist'],
    [T, F, T, T, T, 'assigned-specialist'],
    [T, T, F, F, F, 'assigned-specialist'],
    [T, T, F, F, T, 'assigned-specialist'],
    [T, T, F, T, F, 'assigned-specialist'],
    [T, T, F, T, T, 'assigned-specialist'],
    [T, T, T, F, F, 'assigned-specialist'],
    [T, T, T, F, T, 'assigned-specialist'],
    [T, T, T, T, F, 'assigned-specialist'],
    [T, T, T, T, T, 'assigned-specialist'],
  ];

  test('the table covers every combination once', () => {
    expect(new Set(TABLE.map((r) => r.slice(0, 5).join())).size).toBe(32);
  });

  test.each(TABLE)('specialist %s, team lead %s, health team %s, consent %s, break-glass %s → %s', (s, l, h, c, b, expected) => {
    const relationship = relationshipOf({
      isAssignedSpecialist: s,
      isTeamLeadOfCaseTeam: l,
      isNamedHealthTeamMember: h,
      healthTeamConsent: c,
      hasActiveBreakGlass: b,
    });
    expect(relationship).toBe(expected);
    expect(seesHealth(relationship)).toBe(expected !== 'none');
  });

  test('health-team liaison notes are health information; other notes are not', () => {
    expect(isHealthNote('health-liaison')).toBe(true);
    for (const kind of ['contact', 'employer-contact', 'benefits-advice', 'in-work-support', 'participant'] as const) expect(isHealthNote(kind)).toBe(false);
  });

  test('work on the person’s behalf needs the matching consent', () => {
    expect(CONSENT_NEEDED).toEqual({
      'employer-contact': 'contact-employers',
      'health-liaison': 'share-with-health-team',
      'compliance-doubt-report': 'share-with-jobcentre',
    });
  });
});

describe('sustained work: 7 hours or more in 13 of 16 consecutive weeks', () => {
  const weeks = (from: number, to: number, hours: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ week: from + i, hours }));
  const without = (list: { week: number; hours: number }[], gaps: number[]) => list.filter((w) => !gaps.includes(w.week));

  test('exactly 13 of 16 weeks at exactly 7 hours counts, on the day after week 13 ends', () => {
    // 2026-06-01 + 13 weeks (91 days): June has 30 days, so +30 is 1 July, +61 is 1 August, +91 is 31 August.
    const result = sustainedWork({ startDate: '2026-06-01', hourlyPay: 12.71, weeks: weeks(1, 13, 7) });
    expect(result).toMatchObject({ sustained: true, metInWeek: 13, sustainedOn: '2026-08-31', bestWindow: { fromWeek: 1, qualifyingWeeks: 13 } });
    expect(result.reasons).toEqual(['13 weeks of 7 hours or more at the minimum wage or more in weeks 1–13, within 16 consecutive weeks']);
    // No date of birth: the National Living Wage in force from 1 April 2026 (£12.71), the highest rate.
    expect(result.parameters.map((p) => [p.value, p.unit, p.effectiveFrom])).toEqual([
      [7, 'hours per week', '2026-04-06'],
      [13, 'weeks', '2026-04-06'],
      [16, 'weeks', '2026-04-06'],
      [12.71, 'GBP/hour', '2026-04-01'],
    ]);
  });

  test('12 of 16 is not enough, and says how far it got', () => {
    const result = sustainedWork({ startDate: '2026-06-01', hourlyPay: 12.71, weeks: [...weeks(1, 12, 7), ...weeks(13, 16, 0)] });
    expect(result).toMatchObject({ sustained: false, metInWeek: null, sustainedOn: null, bestWindow: { fromWeek: 1, qualifyingWeeks: 12 } });
    expect(result.reasons).toEqual(['at most 12 of the 13 weeks of 7 hours or more at the minimum wage or more needed within 16 consecutive weeks']);
  });

  test('6.5-hour weeks do not count, however many', () => {
    expect(sustainedWork({ startDate: '2026-06-01', hourlyPay: 12.71, weeks: weeks(1, 40, 6.5) })).toMatchObject({
      sustained: false,
      bestWindow: { qualifyingWeeks: 0 },
    });
    // Twelve full weeks and four short ones: still twelve.
    expect(sustainedWork({ startDate: '2026-06-01', hourlyPay: 12.71, weeks: [...weeks(1, 12, 7), ...weeks(13, 16, 6.5)] })).toMatchObject({
      sustained: false,
      bestWindow: { fromWeek: 1, qualifyingWeeks: 12 },
    });
  });

  test('three gaps in sixteen weeks still count; the outcome is reached after week 16', () => {
    // Weeks 4, 8 and 12 missing (not recorded): 13 qualifying weeks in weeks 1–16.
    // 2026-06-01 + 16 weeks (112 days): +91 is 31 August, +92 is 1 September, +112 is 21 September.
    const result = sustainedWork({ startDate: '2026-06-01', hourlyPay: 12.71, weeks: without(weeks(1, 16, 20), [4, 8, 12]) });
    expect(result).toMatchObject({ sustained: true, metInWeek: 16, sustainedOn: '2026-09-21', bestWindow: { fromWeek: 1, qualifyingWeeks: 13 } });
  });

  test('one week in four missed never reaches 13 of 16, however long the job runs', () => {
    const everyFourth = Array.from({ length: 13 }, (_, i) => 4 * (i + 1));
    const result = sustainedWork({ startDate: '2026-06-01', hourlyPay: 12.71, weeks: without(weeks(1, 52, 37.5), everyFourth) });
    // Every 16-week window holds 12; the first one found is the one reported.
    expect(result).toMatchObject({ sustained: false, bestWindow: { fromWeek: 1, qualifyingWeeks: 12 } });
  });

  test('a window that starts late: five weeks off at the start, then thirteen in a row', () => {
    // Weeks 1–5 at 0 hours, 6–18 at 7.5. Weeks 1–16 hold 11, weeks 2–17 hold 12, weeks 3–18 hold 13.
    // 2026-06-01 + 18 weeks (126 days): +112 is 21 September, +126 is 5 October.
    const result = sustainedWork({ startDate: '2026-06-01', hourlyPay: 12.71, weeks: [...weeks(1, 5, 0), ...weeks(6, 18, 7.5)] });
    expect(result).toMatchObject({ sustained: true, metInWeek: 18, sustainedOn: '2026-10-05', bestWindow: { fromWeek: 3, qualifyingWeeks: 13 } });
    expect(result.reasons).toEqual(['13 weeks of 7 hours or more at the minimum wage or more in weeks 3–18, within 16 consecutive weeks']);
  });

  test('the order weeks are recorded in does not matter; nothing recorded is nothing worked', () => {
    const shuffled = [...weeks(1, 13, 8)].reverse();
    expect(sustainedWork({ startDate: '2026-06-01', hourlyPay: 12.71, weeks: shuffled })).toMatchObject({ sustained: true, metInWeek: 13 });
    expect(sustainedWork({ startDate: '2026-06-01', hourlyPay: 12.71, weeks: [] })).toMatchObject({
      sustained: false,
      bestWindow: { fromWeek: 1, qualifyingWeeks: 0 },
    });
    expect(sustainedWork({ startDate: '2026-06-01', hourlyPay: 12.71, weeks: [{ week: 13, hours: 40 }] })).toMatchObject({ sustained: false });
  });

  test.each([
    // Start, then the day after week 13, worked by hand.
    // 23 Nov 2026: +7 is 30 Nov, +8 is 1 Dec, +39 is 1 Jan 2027, +70 is 1 Feb, +91 is 22 Feb.
    ['2026-11-23', '2027-02-22'],
    // 6 Dec 2027: +26 is 1 Jan 2028, +57 is 1 Feb, +85 is 29 Feb (a leap year), +86 is 1 Mar, +91 is 6 Mar.
    ['2027-12-06', '2028-03-06'],
    // 6 Apr 2026, the day the rule comes into force: +25 is 1 May, +56 is 1 June, +86 is 1 July, +91 is 6 July.
    ['2026-04-06', '2026-07-06'],
  ])('a job starting %s is sustained on %s', (startDate, sustainedOn) => {
    expect(sustainedWork({ startDate, hourlyPay: 12.71, weeks: weeks(1, 13, 16) }).sustainedOn).toBe(sustainedOn);
  });

  test('a job that started before the rule was first in force is judged by the rule as first written', () => {
    // 6 Jan 2025: +26 is 1 Feb, +54 is 1 Mar, +85 is 1 Apr, +91 is 7 Apr.
    const result = sustainedWork({ startDate: '2025-01-06', hourlyPay: 12.71, weeks: weeks(1, 13, 7) });
    expect(result).toMatchObject({ sustained: true, sustainedOn: '2025-04-07' });
    // The minimum wage is the one in force each week: the National Living Wage of 1 April 2024 (£11.44) for weeks 1–13.
    expect(result.parameters.map((p) => p.effectiveFrom)).toEqual(['2026-04-06', '2026-04-06', '2026-04-06', '2024-04-01']);
  });
});

describe('sustained work also checks pay: at least the minimum wage for the person’s age (the IPS job outcome)', () => {
  const weeks = (from: number, to: number, hours: number, hourlyPay?: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => ({ week: from + i, hours, ...(hourlyPay === undefined ? {} : { hourlyPay }) }));

  test('13 weeks of 20 hours paid £10 an hour, below the £12.71 National Living Wage, is not sustained (it used to be)', () => {
    const result = sustainedWork({ startDate: '2026-06-01', hourlyPay: 10, weeks: weeks(1, 13, 20) }, { dateOfBirth: '1988-04-12' });
    expect(result).toMatchObject({ sustained: false, bestWindow: { qualifyingWeeks: 0 }, pay: { checked: true, notRecorded: [] } });
    expect(result.pay.belowMinimum).toHaveLength(13);
    expect(result.pay.belowMinimum[0]).toEqual({ week: 1, hourlyPay: 10, minimum: 12.71, band: '21-and-over' });
    expect(result.reasons).toContain('week 1: paid £10.00 an hour, below the £12.71 minimum wage (21-and-over): not counted');
  });

  test('a job whose pay is not recorded says so rather than counting as sustained', () => {
    const result = sustainedWork({ startDate: '2026-06-01', hourlyPay: null, weeks: weeks(1, 13, 20) }, { dateOfBirth: '1988-04-12' });
    expect(result).toMatchObject({ sustained: false, pay: { notRecorded: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], belowMinimum: [] } });
    expect(result.reasons).toContain('pay not recorded for weeks 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13: not counted');
    // Recording the pay for those weeks makes them count.
    expect(sustainedWork({ startDate: '2026-06-01', hourlyPay: null, weeks: weeks(1, 13, 20, 12.71) }, { dateOfBirth: '1988-04-12' }).sustained).toBe(true);
  });

  test.each([
    // [date of birth, job start, pay, sustained, why]
    ['2007-01-15', '2026-06-01', 10.85, true, 'aged 19: the 18 to 20 rate from 1 April 2026 is £10.85'],
    ['2007-01-15', '2026-06-01', 10.84, false, 'a penny under the 18 to 20 rate'],
    ['2009-09-01', '2026-06-01', 8.0, true, 'aged 16: the under-18 rate from 1 April 2026 is £8.00'],
    ['2005-06-10', '2026-06-01', 10.85, false, 'turns 21 on 10 June 2026: from week 3 (starting 15 June) the £12.71 National Living Wage applies'],
    ['1988-04-12', '2025-06-02', 12.21, true, '2025/26: the National Living Wage is £12.21'],
    ['1988-04-12', '2024-06-03', 11.44, true, '2024/25: the National Living Wage is £11.44'],
    ['2006-03-01', '2024-06-03', 8.6, true, 'aged 18 in 2024/25: £8.60'],
  ] as const)('born %s, job from %s at £%s an hour: sustained %s (%s)', (dateOfBirth, startDate, pay, sustained, _why) => {
    expect(sustainedWork({ startDate, hourlyPay: pay, weeks: weeks(1, 13, 16) }, { dateOfBirth }).sustained).toBe(sustained);
  });

  test('one week without pay recorded is named in the singular; a week’s own pay stands in for a missing one only when recorded', () => {
    const result = sustainedWork(
      { startDate: '2026-06-01', hourlyPay: null, weeks: [...weeks(1, 4, 20, 12.71), { week: 5, hours: 20 }, ...weeks(6, 7, 20, 9)] },
      { dateOfBirth: '1990-01-01' },
    );
    expect(result.reasons).toEqual([
      'at most 4 of the 13 weeks of 7 hours or more at the minimum wage or more needed within 16 consecutive weeks',
      'pay not recorded for week 5: not counted',
      'week 6: paid £9.00 an hour, below the £12.71 minimum wage (21-and-over): not counted',
      'week 7: paid £9.00 an hour, below the £12.71 minimum wage (21-and-over): not counted',
    ]);
    expect(result.pay).toEqual({
      checked: true,
      notRecorded: [5],
      belowMinimum: [
        { week: 6, hourlyPay: 9, minimum: 12.71, band: '21-and-over' },
        { week: 7, hourlyPay: 9, minimum: 12.71, band: '21-and-over' },
      ],
    });
  });

  test('weeks recorded out of order are listed in week order', () => {
    const result = sustainedWork(
      {
        startDate: '2026-06-01',
        hourlyPay: null,
        weeks: [
          { week: 9, hours: 20, hourlyPay: 9 },
          { week: 3, hours: 20 },
          { week: 6, hours: 20, hourlyPay: 8 },
          { week: 2, hours: 20 },
        ],
      },
      { dateOfBirth: '1990-01-01' },
    );
    expect(result.pay.notRecorded).toEqual([2, 3]);
    expect(result.pay.belowMinimum.map((b) => b.week)).toEqual([6, 9]);
  });

  test('every minimum wage rate a job was judged by is listed once, by name then date', () => {
    // Turns 21 on 20 April 2026; job from 2 March 2026: the 18 to 20 rate of 2025 and of 1 April 2026, then the National Living Wage.
    const result = sustainedWork({ startDate: '2026-03-02', hourlyPay: 13, weeks: weeks(1, 13, 20) }, { dateOfBirth: '2005-04-20' });
    expect(result.parameters.map((p) => [p.name, p.effectiveFrom])).toEqual([
      ['sustained-work-minimum-weekly-hours', '2026-04-06'],
      ['sustained-work-qualifying-weeks', '2026-04-06'],
      ['sustained-work-window-weeks', '2026-04-06'],
      ['national-living-wage', '2026-04-01'],
      ['national-minimum-wage-18-to-20', '2025-04-01'],
      ['national-minimum-wage-18-to-20', '2026-04-01'],
    ]);
  });

  test.each([
    // [date of birth, date, apprentice since, band, why]
    ['2007-06-01', '2026-06-01', '2025-06-01', '18-to-20', 'aged 19, a year to the day into the apprenticeship: the rate for their age'],
    ['2007-06-02', '2026-06-01', '2025-06-01', 'apprentice', 'aged 18 (19 tomorrow): still under 19'],
    ['2000-01-01', '2026-05-31', '2025-06-01', 'apprentice', 'aged 26, the last day of the first year'],
    ['2008-06-01', '2026-06-01', null, '18-to-20', 'aged 18 today'],
    ['2008-06-02', '2026-06-01', null, 'under-18', 'aged 17, 18 tomorrow'],
    [null, '2026-06-01', null, '21-and-over', 'no date of birth: the highest rate'],
  ] as const)('born %s, on %s, apprentice since %s: %s (%s)', (dateOfBirth, date, apprenticeSince, band, _why) => {
    expect(minimumWage({ dateOfBirth, date, apprenticeSince }).band).toBe(band);
  });

  test('pay that falls behind a new year’s rate stops counting until the new pay is recorded', () => {
    // Job from 2 March 2026 at £12.21 (the 2025/26 rate). Week 5 starts 30 March; week 6 starts 6 April, after 1 April's £12.71.
    const job = { startDate: '2026-03-02', hourlyPay: 12.21, weeks: weeks(1, 16, 20) };
    const behind = sustainedWork(job, { dateOfBirth: '1980-01-01' });
    expect(behind).toMatchObject({ sustained: false, bestWindow: { qualifyingWeeks: 5 } });
    expect(behind.pay.belowMinimum.map((b) => b.week)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const raised = sustainedWork({ ...job, weeks: [...weeks(1, 5, 20), ...weeks(6, 16, 20, 12.75)] }, { dateOfBirth: '1980-01-01' });
    expect(raised).toMatchObject({ sustained: true, metInWeek: 13 });
  });

  test('an apprentice gets the apprentice rate in the first year, then the rate for their age', () => {
    // Aged 22, apprentice from 1 June 2026 at £8.00: the apprentice rate in year one.
    const job = { startDate: '2026-06-01', hourlyPay: 8, contractType: 'apprenticeship', weeks: weeks(1, 13, 30) };
    expect(sustainedWork(job, { dateOfBirth: '2004-01-01' })).toMatchObject({ sustained: true });
    expect(minimumWage({ dateOfBirth: '2004-01-01', date: '2027-06-01', apprenticeSince: '2026-06-01' })).toMatchObject({ band: '21-and-over', age: 23 });
    expect(minimumWage({ dateOfBirth: '2009-01-01', date: '2027-06-01', apprenticeSince: '2026-06-01' })).toMatchObject({ band: 'apprentice', age: 18 });
  });

  test('self-employment has no minimum wage: its weeks count on hours, and it says so', () => {
    const result = sustainedWork({ startDate: '2026-06-01', hourlyPay: null, contractType: 'self-employed', weeks: weeks(1, 13, 10) }, { dateOfBirth: null });
    expect(result).toMatchObject({ sustained: true, pay: { checked: false } });
    expect(result.reasons).toContain('self-employed: the minimum wage does not apply, so weeks count on hours alone');
  });

  test.each([
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2005-06-10', '2026-06-09', 20],
    ['2005-06-10', '2026-06-10', 21],
  ] as const)('born %s, on %s aged %i', (dob, date, age) => {
    expect(ageOn(dob, date)).toBe(age);
  });
});

describe('after a missed appointment', () => {
  test.each([
    // voluntary, mandatory → follow-up, reportable
    [true, false, false],
    [true, true, false],
    [false, false, false],
    [false, true, true],
  ])('voluntary %s, mandatory %s: a follow-up contact, reportable %s', (voluntary, mandatory, reportable) => {
    expect(afterMissedAppointment({ voluntary, mandatory })).toEqual({ followUp: true, reportable });
  });
});
