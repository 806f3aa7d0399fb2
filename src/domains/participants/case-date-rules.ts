import appointmentAheadFile from '../../../policy/case-appointment-months-ahead.json' with { type: 'json' };
import jobStartAheadFile from '../../../policy/case-job-start-months-ahead.json' with { type: 'json' };
import jobStartBackFile from '../../../policy/case-job-start-months-back.json' with { type: 'json' };
import planDueAheadFile from '../../../policy/case-plan-due-months-ahead.json' with { type: 'json' };
import { addMonths } from '../../platform/clock/index.ts';
import { type PolicyParameter, parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';

/**
 * Which dates in a case's work may be given, relative to today in UK time: an appointment is today
 * or later (a person must never be emailed about one in the past), an action in a plan is due today
 * or later, and a job start is neither years back nor far ahead. Each window is platform policy
 * (`policy/case-*-months-*.json`, [U], not law). A problem comes back as the one issue shape the
 * pages show in the GOV.UK error summary, in GOV.UK's wording for date errors.
 */
export type DateIssue = { path: string; message: string; params?: Record<string, string | number> };

const WINDOWS = {
  appointmentAhead: parsePolicyParameter(appointmentAheadFile),
  planDueAhead: parsePolicyParameter(planDueAheadFile),
  jobStartBack: parsePolicyParameter(jobStartBackFile),
  jobStartAhead: parsePolicyParameter(jobStartAheadFile),
} as const;

/** The window in force today; a day before the first value takes the first value. */
function months(p: PolicyParameter, today: string): number {
  const [first = today] = Object.keys(p.values).sort();
  return valueAt(p, today < first ? first : today).value;
}

/**
 * An appointment on `date` at `startsAt`, booked at `now` (`today` is now's UK date): today or later,
 * not yet begun if today, and within the window ahead.
 */
export function appointmentDateIssue(a: { date: string; startsAt: Date }, today: string, now: Date): DateIssue | null {
  if (a.date < today) return { path: 'date', message: 'cases.error.appointmentPast' };
  if (a.date === today && a.startsAt.getTime() <= now.getTime()) return { path: 'time', message: 'cases.error.appointmentTimePast' };
  const ahead = months(WINDOWS.appointmentAhead, today);
  if (a.date > addMonths(today, ahead)) return { path: 'date', message: 'cases.error.appointmentTooFar', params: { months: ahead } };
  return null;
}

/** An action's due date, if it has one: today or later, within the window ahead. */
export function dueDateIssue(dueOn: string | null, today: string): DateIssue | null {
  if (dueOn === null) return null;
  if (dueOn < today) return { path: 'dueOn', message: 'cases.error.dueOnPast' };
  const ahead = months(WINDOWS.planDueAhead, today);
  if (dueOn > addMonths(today, ahead)) return { path: 'dueOn', message: 'cases.error.dueOnTooFar', params: { months: ahead } };
  return null;
}

/** A job's start date: within the window back (recorded late) and the window ahead (an offer accepted for later). */
export function jobStartIssue(startDate: string, today: string): DateIssue | null {
  const back = months(WINDOWS.jobStartBack, today);
  if (startDate < addMonths(today, -back)) return { path: 'startDate', message: 'cases.error.startDateTooEarly', params: { months: back } };
  const ahead = months(WINDOWS.jobStartAhead, today);
  if (startDate > addMonths(today, ahead)) return { path: 'startDate', message: 'cases.error.startDateTooFar', params: { months: ahead } };
  return null;
}
