import { describe, expect, test } from 'vitest';
import { transition } from './retention.ts';
import {
  absenceChange,
  covers,
  type FitNoteFacts,
  fitNoteIssues,
  noteInForce,
  periodEnd,
  phasedSchedule,
  policyOn,
  RETENTION_POLICY,
  retentionOutcome,
  reviewState,
  scheduleComplete,
  scheduleIssues,
  weekState,
} from './retention-rules.ts';

// Today is Thursday 3 December 2026. Policy as in policy/: a fit note covers at most 3 months in the
// first 6 months of a condition [V]; reviews are missed 3 days after their date [U]; 12 weeks at most [U].
const today = '2026-12-03';

// Days on and days between are the platform's (platform/clock/calendar-rules.ts), tested there.
describe('calendar arithmetic', () => {
  test('a period of 14 days from the 1st ends on the 14th', () => expect(periodEnd('2026-12-01', 14)).toBe('2026-12-14'));
  test('policy before its first date takes the first value', () => {
    expect(policyOn(RETENTION_POLICY.reviewGraceDays, '2020-01-01')).toBe(3);
    expect(policyOn(RETENTION_POLICY.fitNoteEarlyMaxMonths, today)).toBe(3);
  });
});

const note = (o: Partial<FitNoteFacts> = {}): FitNoteFacts => ({
  fitness: 'may-be-fit',
  advice: ['phased-return'],
  from: '2026-11-20',
  to: '2026-12-31',
  issuedOn: '2026-11-20',
  ...o,
});

describe('a fit note’s data (DWP fit note guidance)', () => {
  test.each<[string, Partial<FitNoteFacts>, string | null, string[]]>([
    ['may be fit, phased return, 6 weeks', {}, null, []],
    ['not fit, no advice', { fitness: 'not-fit', advice: [] }, null, []],
    ['not fit with advice ticked', { fitness: 'not-fit', advice: ['altered-hours'] }, null, ['advice:retention.error.adviceNotFit']],
    ['may be fit with no box ticked (comments only)', { advice: [] }, null, []],
    ['issued today', { issuedOn: today, from: today, to: '2027-01-03' }, null, []],
    ['issued tomorrow', { issuedOn: '2026-12-04', from: '2026-12-04', to: '2027-01-03' }, null, ['issuedOn:retention.error.issuedFuture']],
    ['back-dated: starts before the statement', { from: '2026-11-10', issuedOn: '2026-11-20' }, null, []],
    ['forward-dated: starts after the statement', { from: '2026-11-21', issuedOn: '2026-11-20' }, null, ['from:retention.error.forwardDated']],
    ['one day', { to: '2026-11-20' }, null, []],
    ['ends before it starts', { to: '2026-11-19' }, null, ['to:retention.error.toBeforeFrom']],
    ['exactly 3 months early on', { from: '2026-11-20', to: '2027-02-19' }, null, []],
    ['a day over 3 months early on', { from: '2026-11-20', to: '2027-02-20' }, null, ['to:retention.error.tooLongEarly']],
    ['indefinite early on', { to: null }, null, ['to:retention.error.tooLongEarly']],
    ['indefinite 6 months after the first note', { from: '2026-11-20', to: null }, '2026-05-20', []],
    ['indefinite a day short of 6 months', { from: '2026-11-19', issuedOn: '2026-11-19', to: null }, '2026-05-20', ['to:retention.error.tooLongEarly']],
    ['4 months long, late in the condition', { from: '2026-11-20', to: '2027-03-20' }, '2026-01-05', []],
    ['a later first date is not the condition start', { from: '2026-11-20', to: null }, '2026-11-25', ['to:retention.error.tooLongEarly']],
  ])('%s', (_name, o, conditionFrom, expected) => expect(fitNoteIssues(note(o), today, conditionFrom).map((i) => `${i.path}:${i.message}`)).toEqual(expected));
  test('the early limit names its months', () => expect(fitNoteIssues(note({ to: null }), today)[0]?.params).toEqual({ months: 3 }));

  test.each([
    ['2026-11-19', false],
    ['2026-11-20', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('covers %s: %s', (day, expected) => expect(covers({ from: '2026-11-20', to: '2026-12-31' }, day)).toBe(expected));
  test('an indefinite note covers every later day', () => expect(covers({ from: '2026-11-20', to: null }, '2030-01-01')).toBe(true));

  test('the note in force is the latest issued of those covering the day', () => {
    const a = { id: 'a', from: '2026-10-01', to: '2026-12-31', issuedOn: '2026-10-01' };
    const b = { id: 'b', from: '2026-11-15', to: '2026-12-15', issuedOn: '2026-11-15' };
    const c = { id: 'c', from: '2026-11-01', to: '2026-11-30', issuedOn: '2026-11-01' };
    expect(noteInForce([a, b, c], '2026-12-03')?.id).toBe('b');
    expect(noteInForce([b, a], '2026-12-03')?.id).toBe('b');
    expect(noteInForce([a, c], '2026-11-10')?.id).toBe('c');
    expect(noteInForce([a, b], '2026-12-20')?.id).toBe('a');
    expect(noteInForce([a, b], '2027-01-01')).toBeNull();
    expect(noteInForce([], today)).toBeNull();
  });
});

describe('phased-return schedules', () => {
  test('four weeks from Monday 7 December, reviews every 2 weeks and in the last', () => {
    const weeks = [
      { hours: 12, duties: 'Desk work' },
      { hours: 18, duties: 'Desk work' },
      { hours: 24, duties: 'Desk and ward' },
      { hours: 30, duties: 'Full duties' },
    ];
    expect(phasedSchedule('2026-12-07', weeks, 2)).toEqual([
      { week: 1, startsOn: '2026-12-07', endsOn: '2026-12-13', hours: 12, duties: 'Desk work', reviewOn: null },
      { week: 2, startsOn: '2026-12-14', endsOn: '2026-12-20', hours: 18, duties: 'Desk work', reviewOn: '2026-12-20' },
      { week: 3, startsOn: '2026-12-21', endsOn: '2026-12-27', hours: 24, duties: 'Desk and ward', reviewOn: null },
      { week: 4, startsOn: '2026-12-28', endsOn: '2027-01-03', hours: 30, duties: 'Full duties', reviewOn: '2027-01-03' },
    ]);
  });
  test('three weeks reviewed every 2: weeks 2 and 3', () =>
    expect(
      phasedSchedule(
        '2026-12-07',
        [1, 2, 3].map((h) => ({ hours: h, duties: '' })),
        2,
      ).map((w) => w.reviewOn),
    ).toEqual([null, '2026-12-20', '2026-12-27']));
  test('weekly reviews', () =>
    expect(
      phasedSchedule(
        '2026-12-07',
        [1, 2].map((h) => ({ hours: h, duties: '' })),
        1,
      ).map((w) => w.reviewOn),
    ).toEqual(['2026-12-13', '2026-12-20']));

  const weeks = (...hours: number[]) => hours.map((h) => ({ hours: h, duties: 'd' }));
  test.each<[string, { startsOn: string; weeks: { hours: number; duties: string }[]; contractedHours: number }, string[]]>([
    ['building up to full hours', { startsOn: today, weeks: weeks(10, 20, 30), contractedHours: 30 }, []],
    ['level hours', { startsOn: today, weeks: weeks(15, 15), contractedHours: 30 }, []],
    ['starting yesterday', { startsOn: '2026-12-02', weeks: weeks(10), contractedHours: 30 }, ['startsOn:retention.error.startsPast']],
    ['no weeks', { startsOn: today, weeks: [], contractedHours: 30 }, ['weeks:retention.error.noWeeks']],
    ['12 weeks', { startsOn: today, weeks: weeks(...Array(12).fill(10)), contractedHours: 30 }, []],
    ['13 weeks', { startsOn: today, weeks: weeks(...Array(13).fill(10)), contractedHours: 30 }, ['weeks:retention.error.tooManyWeeks']],
    ['a week of no hours', { startsOn: today, weeks: weeks(10, 0), contractedHours: 30 }, ['week2Hours:retention.error.weekHours']],
    ['a week over the contract', { startsOn: today, weeks: weeks(10, 31), contractedHours: 30 }, ['week2Hours:retention.error.weekOverContract']],
    ['hours going down', { startsOn: today, weeks: weeks(20, 10), contractedHours: 30 }, ['week2Hours:retention.error.weekGoesDown']],
    ['a first week of no hours', { startsOn: today, weeks: weeks(0, 10), contractedHours: 30 }, ['week1Hours:retention.error.weekHours']],
  ])('%s', (_name, input, expected) => expect(scheduleIssues(input, today).map((i) => `${i.path}:${i.message}`)).toEqual(expected));
  test('issues name the week and the limit', () => {
    expect(scheduleIssues({ startsOn: today, weeks: weeks(10, 31), contractedHours: 30 }, today)[0]?.params).toEqual({ week: 2, hours: 30 });
    expect(scheduleIssues({ startsOn: today, weeks: weeks(20, 10), contractedHours: 30 }, today)[0]?.params).toEqual({ week: 2 });
    expect(scheduleIssues({ startsOn: today, weeks: weeks(0), contractedHours: 30 }, today)[0]?.params).toEqual({ week: 1 });
    expect(scheduleIssues({ startsOn: today, weeks: weeks(...Array(13).fill(1)), contractedHours: 30 }, today)[0]?.params).toEqual({ weeks: 12 });
  });
});

describe('reviews and weeks over time', () => {
  test.each([
    [null, null, '2026-12-20', 'none'],
    ['2026-12-20', '2026-12-20', '2026-12-30', 'done'],
    ['2026-12-20', null, '2026-12-19', 'upcoming'],
    ['2026-12-20', null, '2026-12-20', 'due'],
    ['2026-12-20', null, '2026-12-23', 'due'],
    ['2026-12-20', null, '2026-12-24', 'missed'],
  ])('review on %s, held %s, on %s: %s', (reviewOn, reviewedOn, day, state) => expect(reviewState({ reviewOn, reviewedOn }, day)).toBe(state));

  const w = { startsOn: '2026-12-07', endsOn: '2026-12-13', doneAt: null };
  test.each([
    ['2026-12-06', 'upcoming'],
    ['2026-12-07', 'current'],
    ['2026-12-13', 'current'],
    ['2026-12-14', 'overdue'],
  ])('a week on %s: %s', (day, state) => expect(weekState(w, day)).toBe(state));
  test('a week marked done is done whatever the day', () => expect(weekState({ ...w, doneAt: new Date() }, '2026-12-01')).toBe('done'));

  const at = new Date('2026-12-13T17:00:00Z');
  test.each([
    [[], false],
    [[{ doneAt: at, reviewOn: null, reviewedOn: null }], true],
    [[{ doneAt: at, reviewOn: '2026-12-13', reviewedOn: null }], false],
    [[{ doneAt: at, reviewOn: '2026-12-13', reviewedOn: '2026-12-14' }], true],
    [
      [
        { doneAt: at, reviewOn: null, reviewedOn: null },
        { doneAt: null, reviewOn: null, reviewedOn: null },
      ],
      false,
    ],
  ])('complete: %j is %s', (weeks, expected) => expect(scheduleComplete(weeks)).toBe(expected));
});

describe('retention outcomes', () => {
  test.each<[string, Parameters<typeof retentionOutcome>[0], unknown]>([
    [
      'kept their job, never off',
      { workStatus: 'working', sameEmployer: true, leftReason: null, absentAtReferral: false },
      { outcome: 'stayed-same-employer', leftReason: null },
    ],
    [
      'back after absence',
      { workStatus: 'working', sameEmployer: true, leftReason: null, absentAtReferral: true },
      { outcome: 'returned-after-absence', leftReason: null },
    ],
    [
      'moved to another employer',
      { workStatus: 'working', sameEmployer: false, leftReason: null, absentAtReferral: true },
      { outcome: 'moved-job', leftReason: null },
    ],
    [
      'left, with a reason',
      { workStatus: 'left', sameEmployer: true, leftReason: 'resigned-health', absentAtReferral: true },
      { outcome: 'left-work', leftReason: 'resigned-health' },
    ],
    [
      'left, no reason',
      { workStatus: 'left', sameEmployer: true, leftReason: null, absentAtReferral: true },
      { issue: { path: 'leftReason', message: 'retention.error.leftReason' } },
    ],
    [
      'still off sick',
      { workStatus: 'off-sick', sameEmployer: true, leftReason: null, absentAtReferral: true },
      { issue: { path: 'workStatus', message: 'retention.error.stillOff' } },
    ],
  ])('%s', (_name, answers, expected) => expect(retentionOutcome(answers)).toEqual(expected));
  test('absence before and after', () => expect(absenceChange(20, 3)).toEqual({ before: 20, after: 3, change: -17 }));
});

describe('the retention lifecycle', () => {
  test.each([
    ['referred', 'plan-agreed'],
    ['referred', 'closed'],
    ['plan-agreed', 'plan-agreed'],
    ['plan-agreed', 'phased-return'],
    ['plan-agreed', 'closed'],
    ['phased-return', 'closed'],
  ] as const)('%s → %s', (from, to) => expect(transition(from, to)).toBe(to));
  test.each([
    ['referred', 'phased-return'],
    ['phased-return', 'plan-agreed'],
    ['closed', 'referred'],
    ['closed', 'closed'],
  ] as const)('%s → %s is refused', (from, to) => expect(() => transition(from, to)).toThrow(`cannot move from ${from} to ${to}`));
});
