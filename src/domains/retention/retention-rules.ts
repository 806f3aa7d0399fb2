import earlyMaxFile from '../../../policy/fit-note-early-max-months.json' with { type: 'json' };
import earlyPeriodFile from '../../../policy/fit-note-early-period-months.json' with { type: 'json' };
import maxWeeksFile from '../../../policy/retention-phased-return-max-weeks.json' with { type: 'json' };
import graceFile from '../../../policy/retention-review-grace-days.json' with { type: 'json' };
import { addDays, addMonths, daysBetween } from '../../platform/clock/index.ts';
import { type PolicyParameter, parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import type { FitNoteAdvice, Fitness, LeftReason, PhasedWeek, RetentionOutcome, WorkStatus } from './retention.ts';

/**
 * The in-work retention pathway's rules as pure functions over typed data: fit-note validity (law:
 * DWP's fit note guidance), phased-return schedules and their reviews (platform policy, [U]), and
 * the outcome a case closes with. Problems come back as the one issue shape pages and APIs show.
 */
export type RuleIssue = { path: string; message: string; params?: Record<string, string | number> };

export const RETENTION_POLICY = {
  fitNoteEarlyMaxMonths: parsePolicyParameter(earlyMaxFile),
  fitNoteEarlyPeriodMonths: parsePolicyParameter(earlyPeriodFile),
  reviewGraceDays: parsePolicyParameter(graceFile),
  phasedReturnMaxWeeks: parsePolicyParameter(maxWeeksFile),
} as const;

/** The value in force on `day`; a day before the first value takes the first value. */
export function policyOn(p: PolicyParameter, day: string): number {
  const [first = day] = Object.keys(p.values).sort();
  return valueAt(p, day < first ? first : day).value;
}

// ---------------------------------------------------------------------------------------------
// Fit notes

export type FitNoteFacts = {
  fitness: Fitness;
  advice: readonly FitNoteAdvice[];
  from: string;
  /** The last day covered; null for an indefinite period. */
  to: string | null;
  issuedOn: string;
};

/** A period given as a number of days from the first day: the last day it covers. */
export const periodEnd = (from: string, days: number): string => addDays(from, days - 1);

/**
 * Whether a fit note's data can be right (DWP fit note guidance): it is not dated in the future;
 * its period does not start after the statement's date (a note can be back-dated, not
 * forward-dated) and does not end before it starts; advice ticks belong only to "may be fit"; and in
 * the early months of a condition (from `conditionFrom`, the first note's start) it covers at most
 * the early maximum and is never indefinite.
 */
export function fitNoteIssues(note: FitNoteFacts, today: string, conditionFrom: string | null = null): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (note.issuedOn > today) issues.push({ path: 'issuedOn', message: 'retention.error.issuedFuture' });
  if (note.from > note.issuedOn) issues.push({ path: 'from', message: 'retention.error.forwardDated' });
  if (note.to !== null && note.to < note.from) issues.push({ path: 'to', message: 'retention.error.toBeforeFrom' });
  if (note.fitness === 'not-fit' && note.advice.length > 0) issues.push({ path: 'advice', message: 'retention.error.adviceNotFit' });
  const start = conditionFrom !== null && conditionFrom < note.from ? conditionFrom : note.from;
  const early = note.from < addMonths(start, policyOn(RETENTION_POLICY.fitNoteEarlyPeriodMonths, note.issuedOn));
  const max = policyOn(RETENTION_POLICY.fitNoteEarlyMaxMonths, note.issuedOn);
  if (early && (note.to === null || note.to > addDays(addMonths(note.from, max), -1)))
    issues.push({ path: 'to', message: 'retention.error.tooLongEarly', params: { months: max } });
  return issues;
}

/** Whether a note covers a day. */
export const covers = (note: Pick<FitNoteFacts, 'from' | 'to'>, day: string): boolean => note.from <= day && (note.to === null || day <= note.to);

/** The note in force on a day: of those covering it, the latest issued (a newer note replaces advice). */
export function noteInForce<N extends Pick<FitNoteFacts, 'from' | 'to' | 'issuedOn'>>(notes: readonly N[], day: string): N | null {
  let found: N | null = null;
  for (const n of notes) if (covers(n, day) && (found === null || n.issuedOn > found.issuedOn)) found = n;
  return found;
}

// ---------------------------------------------------------------------------------------------
// Phased return

export type WeekPlan = { hours: number; duties: string };

/**
 * The schedule from its first day: week n runs seven days from `startsOn` + 7(n−1), with a review
 * on its last day every `reviewEvery` weeks and always in the last week.
 */
export function phasedSchedule(startsOn: string, weeks: readonly WeekPlan[], reviewEvery: number): PhasedWeek[] {
  return weeks.map((w, i) => {
    const week = i + 1;
    const endsOn = addDays(startsOn, 7 * week - 1);
    const review = week % reviewEvery === 0 || week === weeks.length;
    return { week, startsOn: addDays(startsOn, 7 * i), endsOn, hours: w.hours, duties: w.duties, reviewOn: review ? endsOn : null };
  });
}

/**
 * What makes a schedule wrong: no weeks or more than the platform's maximum, a week with no hours
 * or more than the person's contracted hours, hours going down (a phased return builds up), or a
 * start in the past.
 */
export function scheduleIssues(input: { startsOn: string; weeks: readonly WeekPlan[]; contractedHours: number }, today: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const max = policyOn(RETENTION_POLICY.phasedReturnMaxWeeks, today);
  if (input.startsOn < today) issues.push({ path: 'startsOn', message: 'retention.error.startsPast' });
  if (input.weeks.length === 0) issues.push({ path: 'weeks', message: 'retention.error.noWeeks' });
  if (input.weeks.length > max) issues.push({ path: 'weeks', message: 'retention.error.tooManyWeeks', params: { weeks: max } });
  input.weeks.forEach((w, i) => {
    const path = `week${i + 1}Hours`;
    if (!(w.hours > 0)) issues.push({ path, message: 'retention.error.weekHours', params: { week: i + 1 } });
    else if (w.hours > input.contractedHours)
      issues.push({ path, message: 'retention.error.weekOverContract', params: { week: i + 1, hours: input.contractedHours } });
    else if (i > 0 && w.hours < (input.weeks[i - 1]?.hours ?? 0)) issues.push({ path, message: 'retention.error.weekGoesDown', params: { week: i + 1 } });
  });
  return issues;
}

export type ReviewState = 'none' | 'upcoming' | 'due' | 'done' | 'missed';

/** A week's review on a day: none set, done, not yet, due (on its day and within the grace days), or missed. */
export function reviewState(w: { reviewOn: string | null; reviewedOn: string | null }, today: string): ReviewState {
  if (w.reviewOn === null) return 'none';
  if (w.reviewedOn !== null) return 'done';
  if (today < w.reviewOn) return 'upcoming';
  return daysBetween(w.reviewOn, today) <= policyOn(RETENTION_POLICY.reviewGraceDays, w.reviewOn) ? 'due' : 'missed';
}

export type WeekState = 'upcoming' | 'current' | 'done' | 'overdue';

/** Where a week stands: done once the person or specialist marks it, else by its dates. */
export function weekState(w: { startsOn: string; endsOn: string; doneAt: Date | null }, today: string): WeekState {
  if (w.doneAt !== null) return 'done';
  if (today < w.startsOn) return 'upcoming';
  return today <= w.endsOn ? 'current' : 'overdue';
}

/** The phased return is complete when every week is done and every review held. */
export const scheduleComplete = (weeks: readonly { doneAt: Date | null; reviewOn: string | null; reviewedOn: string | null }[]): boolean =>
  weeks.length > 0 && weeks.every((w) => w.doneAt !== null && (w.reviewOn === null || w.reviewedOn !== null));

// ---------------------------------------------------------------------------------------------
// Outcomes

export type OutcomeAnswers = { workStatus: WorkStatus; sameEmployer: boolean; leftReason: LeftReason | null; absentAtReferral: boolean };

/**
 * The outcome a retention case closes with (item 7), from where the person's work stands: left
 * work (with its reason), in work with another employer (moved job), back with the same employer
 * after being off sick (returned after absence), or kept their job throughout (stayed). Someone
 * still off sick has no outcome yet.
 */
export function retentionOutcome(a: OutcomeAnswers): { outcome: RetentionOutcome; leftReason: LeftReason | null } | { issue: RuleIssue } {
  if (a.workStatus === 'left')
    return a.leftReason === null
      ? { issue: { path: 'leftReason', message: 'retention.error.leftReason' } }
      : { outcome: 'left-work', leftReason: a.leftReason };
  if (a.workStatus === 'off-sick') return { issue: { path: 'workStatus', message: 'retention.error.stillOff' } };
  if (!a.sameEmployer) return { outcome: 'moved-job', leftReason: null };
  return { outcome: a.absentAtReferral ? 'returned-after-absence' : 'stayed-same-employer', leftReason: null };
}

/** Sickness absence before and after support, and the change (negative: fewer days off). */
export const absenceChange = (before: number, after: number): { before: number; after: number; change: number } => ({ before, after, change: after - before });
