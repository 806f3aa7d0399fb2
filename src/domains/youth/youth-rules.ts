import { addDays } from '../../platform/clock/index.ts';
import { addWorkingDays, type BankHolidays, isWorkingDay } from '../referrals/index.ts';
import type { OfferStatus } from './youth.ts';

/*
 * The youth pathway's rules as data and small pure functions: the days-to-offer clock (working days
 * from first contact, bank holidays skipped), when it reminds and when it is breached, and how an
 * offer moves through its lifecycle. No I/O: parameters come in from policy/ and the tenant's settings.
 */

/** A local authority may set its own days-to-offer within these bounds (working days). */
export const TENANT_DAYS_RANGE = { min: 5, max: 60 } as const;

export type DaysToOffer = { workingDays: number; source: 'tenant' | 'platform policy' };

/** The days-to-offer in force: the local authority's own when it set one, otherwise platform policy. */
export function daysToOffer(tenantDays: number | null, policyDays: number): DaysToOffer {
  return tenantDays === null ? { workingDays: policyDays, source: 'platform policy' } : { workingDays: tenantDays, source: 'tenant' };
}

/**
 * Working days after `from` up to and including `to` (0 when they are the same day); negative,
 * counted the same way, when `to` is before `from`.
 *
 * @example workingDaysBetween('2026-12-24', '2026-12-29', holidays) // 1: the 24th itself does not count, the 25th and 28th are bank holidays
 */
export function workingDaysBetween(from: string, to: string, holidays: BankHolidays): number {
  if (to < from) return -workingDaysBetween(to, from, holidays);
  let n = 0;
  for (let day = addWorkingDays(from, 1, holidays); day <= to; day = addWorkingDays(day, 1, holidays)) n += 1;
  return n;
}

/**
 * - `running`: no offer yet, more than the reminder's working days left;
 * - `due-soon`: no offer yet, the reminder's working days or fewer left;
 * - `breached`: no offer by the due day;
 * - `met` / `met-late`: the first offer came by the due day / after it.
 */
export type ClockState = 'running' | 'due-soon' | 'breached' | 'met' | 'met-late';

export type OfferClock = {
  due: string;
  state: ClockState;
  /** Working days from today to the due day; negative once it has passed. Null once an offer is made. */
  workingDaysLeft: number | null;
  /** Working days from first contact to the first offer; null until there is one. */
  workingDaysTaken: number | null;
};

/** The due day: `workingDays` working days after first contact (the first contact day itself does not count). */
export function offerDue(clockStartsOn: string, workingDays: number, holidays: BankHolidays): string {
  return addWorkingDays(clockStartsOn, workingDays, holidays);
}

/** Where a young person's clock stands on `today`. */
export function offerClock(
  input: { clockStartsOn: string; workingDays: number; firstOfferOn: string | null; today: string; reminderWorkingDays: number },
  holidays: BankHolidays,
): OfferClock {
  const due = offerDue(input.clockStartsOn, input.workingDays, holidays);
  if (input.firstOfferOn !== null) {
    return {
      due,
      state: input.firstOfferOn <= due ? 'met' : 'met-late',
      workingDaysLeft: null,
      workingDaysTaken: workingDaysBetween(input.clockStartsOn, input.firstOfferOn, holidays),
    };
  }
  const left = workingDaysBetween(input.today, due, holidays);
  const state: ClockState = input.today > due ? 'breached' : left <= input.reminderWorkingDays ? 'due-soon' : 'running';
  return { due, state, workingDaysLeft: left, workingDaysTaken: null };
}

export type ClockAlert = 'reminder' | 'breach';

/**
 * What the daily sweep sends for one clock, each once: the specialist's reminder when the clock is
 * due soon (or breached with no reminder yet sent, so nobody learns of a breach first), and the
 * team leads' notice once it is breached. Only on working days, when the team is at work.
 */
export function clockAlerts(clock: OfferClock, sent: { reminded: boolean; breachNotified: boolean }, today: string, holidays: BankHolidays): ClockAlert[] {
  if (!isWorkingDay(today, holidays)) return [];
  const alerts: ClockAlert[] = [];
  if (!sent.reminded && (clock.state === 'due-soon' || clock.state === 'breached')) alerts.push('reminder');
  if (!sent.breachNotified && clock.state === 'breached') alerts.push('breach');
  return alerts;
}

/** An offer's lifecycle as data: anything not listed is refused (409). */
export const OFFER_TRANSITIONS: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  made: ['taken-up', 'declined', 'withdrawn'],
  'taken-up': ['sustained', 'ended'],
  sustained: ['ended'],
  declined: [],
  withdrawn: [],
  ended: [],
};

export function canMoveOffer(from: OfferStatus, to: OfferStatus): boolean {
  return OFFER_TRANSITIONS[from].includes(to);
}

/** The first day an offer taken up on `takenUpOn` counts as sustained: `weeks` whole weeks later. */
export function sustainedFrom(takenUpOn: string, weeks: number): string {
  return addDays(takenUpOn, weeks * 7);
}

export type OfferDateIssue = 'offered-in-future' | 'offered-before-contact' | 'taken-up-before-offer' | 'taken-up-in-future' | 'not-yet-sustained';

/** Checks an offer's dates as they are recorded; null when they are right. */
export function offerDateIssue(
  step:
    | { kind: 'offer'; offeredOn: string; clockStartsOn: string }
    | { kind: 'take-up'; takenUpOn: string; offeredOn: string }
    | { kind: 'sustained'; on: string; takenUpOn: string; weeks: number },
  today: string,
): OfferDateIssue | null {
  switch (step.kind) {
    case 'offer':
      if (step.offeredOn > today) return 'offered-in-future';
      return step.offeredOn < step.clockStartsOn ? 'offered-before-contact' : null;
    case 'take-up':
      if (step.takenUpOn > today) return 'taken-up-in-future';
      return step.takenUpOn < step.offeredOn ? 'taken-up-before-offer' : null;
    case 'sustained':
      return step.on < sustainedFrom(step.takenUpOn, step.weeks) ? 'not-yet-sustained' : null;
  }
}
