import { describe, expect, test } from 'vitest';
import { appointmentDateIssue, dueDateIssue, jobStartIssue } from './case-date-rules.ts';

// Today is Monday 23 November 2026, 09:00 UK time (GMT, so 09:00Z). Windows as in policy/: appointments
// 12 months ahead, actions due 24 months ahead, job starts 24 months back and 6 months ahead.
const today = '2026-11-23';
const now = new Date('2026-11-23T09:00:00Z');
const at = (date: string, time: string) => new Date(`${date}T${time}:00Z`);

describe('an appointment is today or later, not begun, and within 12 months', () => {
  test.each([
    // The bug: 1 January 2020 could be booked, and the person was emailed about it.
    ['2020-01-01', '10:00', { path: 'date', message: 'cases.error.appointmentPast' }],
    ['2026-11-22', '10:00', { path: 'date', message: 'cases.error.appointmentPast' }],
    ['2026-11-23', '08:59', { path: 'time', message: 'cases.error.appointmentTimePast' }],
    ['2026-11-23', '09:00', { path: 'time', message: 'cases.error.appointmentTimePast' }],
    ['2026-11-23', '09:01', null],
    ['2026-11-24', '08:00', null],
    ['2027-11-23', '10:00', null],
    ['2027-11-24', '10:00', { path: 'date', message: 'cases.error.appointmentTooFar', params: { months: 12 } }],
  ])('%s at %s', (date, time, issue) => expect(appointmentDateIssue({ date, startsAt: at(date, time) }, today, now)).toEqual(issue));
});

describe('an action is due today or later, within 24 months; no date is fine', () => {
  test.each([
    [null, null],
    ['2026-11-22', { path: 'dueOn', message: 'cases.error.dueOnPast' }],
    ['2026-11-23', null],
    ['2028-11-23', null],
    ['2028-11-24', { path: 'dueOn', message: 'cases.error.dueOnTooFar', params: { months: 24 } }],
  ])('%s', (dueOn, issue) => expect(dueDateIssue(dueOn, today)).toEqual(issue));
});

describe('a job start is within 24 months back and 6 months ahead', () => {
  test.each([
    ['2024-11-22', { path: 'startDate', message: 'cases.error.startDateTooEarly', params: { months: 24 } }],
    ['2024-11-23', null],
    ['2026-05-29', null],
    ['2026-11-23', null],
    ['2027-05-23', null],
    ['2027-05-24', { path: 'startDate', message: 'cases.error.startDateTooFar', params: { months: 6 } }],
  ])('%s', (startDate, issue) => expect(jobStartIssue(startDate, today)).toEqual(issue));
});

describe('the windows in force', () => {
  test('a day before the first value takes the first value', () => {
    expect(dueDateIssue('2028-01-02', '2026-01-01')).toEqual({ path: 'dueOn', message: 'cases.error.dueOnTooFar', params: { months: 24 } });
    expect(dueDateIssue('2028-01-01', '2026-01-01')).toBeNull();
  });
});
