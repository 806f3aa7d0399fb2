import { describe, expect, test } from 'vitest';
import { englandAndWalesBankHolidays as holidays } from '../referrals/index.ts';
import type { OfferStatus } from './youth.ts';
import {
  type ClockAlert,
  type ClockState,
  canMoveOffer,
  clockAlerts,
  daysToOffer,
  OFFER_TRANSITIONS,
  type OfferDateIssue,
  offerClock,
  offerDateIssue,
  offerDue,
  sustainedFrom,
  TENANT_DAYS_RANGE,
  workingDaysBetween,
} from './youth-rules.ts';

// Every expected value below is counted by hand on a calendar of England and Wales (policy/bank-holidays-england-and-wales.json):
// 2026-11-02 is a Monday; 25 and 28 December 2026 and 1 January 2027 are bank holidays; so are 26 and 29 March 2027.

describe('the days-to-offer setting', () => {
  test('platform policy unless the local authority set its own', () => {
    expect(daysToOffer(null, 20)).toEqual({ workingDays: 20, source: 'platform policy' });
    expect(daysToOffer(15, 20)).toEqual({ workingDays: 15, source: 'tenant' });
  });
  test('a local authority chooses between 5 and 60 working days', () => {
    expect(TENANT_DAYS_RANGE).toEqual({ min: 5, max: 60 });
  });
});

describe('working days', () => {
  const cases: [from: string, to: string, days: number][] = [
    ['2026-11-02', '2026-11-02', 0],
    ['2026-11-02', '2026-11-03', 1],
    ['2026-11-02', '2026-11-30', 20],
    // Friday to Monday: one working day.
    ['2026-11-06', '2026-11-09', 1],
    // Saturday to Sunday: none.
    ['2026-11-07', '2026-11-08', 0],
    // Christmas: only the 29th counts.
    ['2026-12-24', '2026-12-29', 1],
    ['2026-12-24', '2027-01-04', 4],
    // Backwards: negative, counted the same way.
    ['2026-11-30', '2026-11-02', -20],
    ['2026-11-09', '2026-11-06', -1],
  ];
  test.each(cases)('from %s to %s: %i', (from, to, days) => {
    expect(workingDaysBetween(from, to, holidays)).toBe(days);
  });

  const due: [start: string, days: number, expected: string][] = [
    ['2026-11-02', 20, '2026-11-30'],
    // Over Christmas and New Year: three bank holidays skipped.
    ['2026-12-14', 20, '2027-01-14'],
    // A first contact on a Saturday: the clock starts on Monday.
    ['2026-12-05', 5, '2026-12-11'],
    // Easter 2027: Good Friday and Easter Monday skipped.
    ['2027-03-25', 3, '2027-04-01'],
  ];
  test.each(due)('first contact %s, %i working days: due %s', (start, days, expected) => {
    expect(offerDue(start, days, holidays)).toBe(expected);
  });
});

describe('the clock', () => {
  // First contact Monday 2 November 2026, 20 working days: due Monday 30 November; reminder at 5 working days left.
  const base = { clockStartsOn: '2026-11-02', workingDays: 20, reminderWorkingDays: 5 };
  const cases: [today: string, firstOfferOn: string | null, state: ClockState, left: number | null, taken: number | null][] = [
    ['2026-11-02', null, 'running', 20, null],
    ['2026-11-20', null, 'running', 6, null],
    ['2026-11-23', null, 'due-soon', 5, null],
    ['2026-11-30', null, 'due-soon', 0, null],
    ['2026-12-01', null, 'breached', -1, null],
    // The Saturday after: breached by the four working days 1 to 4 December.
    ['2026-12-05', null, 'breached', -4, null],
    ['2026-12-20', '2026-11-30', 'met', null, 20],
    ['2026-12-20', '2026-11-10', 'met', null, 6],
    ['2026-12-20', '2026-12-01', 'met-late', null, 21],
  ];
  test.each(cases)('on %s with first offer %s: %s', (today, firstOfferOn, state, left, taken) => {
    expect(offerClock({ ...base, today, firstOfferOn }, holidays)).toEqual({ due: '2026-11-30', state, workingDaysLeft: left, workingDaysTaken: taken });
  });

  const clock = (state: ClockState) => ({ due: '2026-11-30', state, workingDaysLeft: 0, workingDaysTaken: null });
  const alerts: [state: ClockState, reminded: boolean, breachNotified: boolean, today: string, expected: ClockAlert[]][] = [
    ['running', false, false, '2026-11-20', []],
    ['due-soon', false, false, '2026-11-23', ['reminder']],
    ['due-soon', true, false, '2026-11-24', []],
    // Nobody learns of a breach first: a missed reminder goes with it.
    ['breached', false, false, '2026-12-01', ['reminder', 'breach']],
    ['breached', true, false, '2026-12-01', ['breach']],
    ['breached', true, true, '2026-12-02', []],
    ['met', false, false, '2026-12-01', []],
    ['met-late', true, false, '2026-12-01', []],
    // Not on a weekend or a bank holiday: the next working day's sweep sends it.
    ['breached', false, false, '2026-12-05', []],
    ['breached', true, false, '2026-12-25', []],
  ];
  test.each(alerts)('%s, reminded %s, breach told %s, on %s: %j', (state, reminded, breachNotified, today, expected) => {
    expect(clockAlerts(clock(state), { reminded, breachNotified }, today, holidays)).toEqual(expected);
  });
});

describe('offers', () => {
  // The allowed moves, by hand; every other pair of states is refused.
  const ALLOWED: [OfferStatus, OfferStatus][] = [
    ['made', 'taken-up'],
    ['made', 'declined'],
    ['made', 'withdrawn'],
    ['taken-up', 'sustained'],
    ['taken-up', 'ended'],
    ['sustained', 'ended'],
  ];
  const STATES = Object.keys(OFFER_TRANSITIONS) as OfferStatus[];
  test('the states; declined, withdrawn and ended are final', () => {
    expect(STATES).toEqual(['made', 'taken-up', 'sustained', 'declined', 'withdrawn', 'ended']);
    expect([OFFER_TRANSITIONS.declined, OFFER_TRANSITIONS.withdrawn, OFFER_TRANSITIONS.ended]).toEqual([[], [], []]);
  });
  test.each(STATES.flatMap((from) => STATES.map((to) => [from, to] as const)))('%s to %s', (from, to) => {
    expect(canMoveOffer(from, to)).toBe(ALLOWED.some(([f, t]) => f === from && t === to));
  });

  test('sustained 13 weeks after taking up', () => {
    expect(sustainedFrom('2026-09-01', 13)).toBe('2026-12-01');
    expect(sustainedFrom('2026-12-31', 1)).toBe('2027-01-07');
  });

  const TODAY = '2026-12-03';
  const dates: [Parameters<typeof offerDateIssue>[0], OfferDateIssue | null][] = [
    [{ kind: 'offer', offeredOn: '2026-12-03', clockStartsOn: '2026-11-02' }, null],
    [{ kind: 'offer', offeredOn: '2026-12-04', clockStartsOn: '2026-11-02' }, 'offered-in-future'],
    [{ kind: 'offer', offeredOn: '2026-11-02', clockStartsOn: '2026-11-02' }, null],
    [{ kind: 'offer', offeredOn: '2026-11-01', clockStartsOn: '2026-11-02' }, 'offered-before-contact'],
    [{ kind: 'take-up', takenUpOn: '2026-12-03', offeredOn: '2026-11-20' }, null],
    [{ kind: 'take-up', takenUpOn: '2026-12-04', offeredOn: '2026-11-20' }, 'taken-up-in-future'],
    [{ kind: 'take-up', takenUpOn: '2026-11-20', offeredOn: '2026-11-20' }, null],
    [{ kind: 'take-up', takenUpOn: '2026-11-19', offeredOn: '2026-11-20' }, 'taken-up-before-offer'],
    [{ kind: 'sustained', on: '2026-12-01', takenUpOn: '2026-09-01', weeks: 13 }, null],
    [{ kind: 'sustained', on: '2026-11-30', takenUpOn: '2026-09-01', weeks: 13 }, 'not-yet-sustained'],
  ];
  test.each(dates)('%j: %s', (step, issue) => {
    expect(offerDateIssue(step, TODAY)).toBe(issue);
  });
});
