import esaLinkingFile from '../../../policy/bridge-back-esa-linking-weeks.json' with { type: 'json' };
import esaWotLinkingFile from '../../../policy/bridge-back-esa-work-or-training-linking-weeks.json' with { type: 'json' };
import esaWotQualifyingFile from '../../../policy/bridge-back-esa-work-or-training-qualifying-weeks.json' with { type: 'json' };
import platformMonthsFile from '../../../policy/bridge-back-platform-protected-months.json' with { type: 'json' };
import reminderDaysFile from '../../../policy/bridge-back-reminder-days.json' with { type: 'json' };
import ucReclaimFile from '../../../policy/bridge-back-uc-reclaim-months.json' with { type: 'json' };
import { type PolicyParameter, parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import {
  type AppliedRule,
  type AwardBenefit,
  type GuaranteeStatus,
  HEALTH_BENEFITS,
  isEsa,
  type RuleCode,
  type RuleNotApplied,
  type RuleParameter,
} from './guarantee.ts';

/*
 * The bridge-back rules as pure functions over the parameters in policy/: which rules protect a
 * return to benefit after a job start, to which day, and when to remind. Dates are calendar days
 * (YYYY-MM-DD, UK); every "until" is the last day protected.
 */

export const PARAMETERS = {
  ucReclaimMonths: parsePolicyParameter(ucReclaimFile),
  esaLinkingWeeks: parsePolicyParameter(esaLinkingFile),
  esaWorkOrTrainingLinkingWeeks: parsePolicyParameter(esaWotLinkingFile),
  esaWorkOrTrainingQualifyingWeeks: parsePolicyParameter(esaWotQualifyingFile),
  platformProtectedMonths: parsePolicyParameter(platformMonthsFile),
  reminderDays: parsePolicyParameter(reminderDaysFile),
} as const;

/** The value in force on `date`; a date before the first value takes the rule as first written. */
function parameterAt(p: PolicyParameter, date: string): RuleParameter {
  const first = Object.keys(p.values).sort()[0] ?? date;
  const v = valueAt(p, date < first ? first : date);
  return { name: v.name, value: v.value, unit: v.unit, effectiveFrom: v.effectiveFrom, confidence: v.confidence, source: v.source };
}

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => fromMs(toMs(iso) + days * DAY);
/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((toMs(to) - toMs(from)) / DAY);

/** Calendar months on, clamped to the end of a shorter month: 31 January + 1 month is 28 (or 29) February. */
export function addMonths(iso: string, months: number): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return fromMs(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)));
}

export const isHealthBenefit = (benefit: string): benefit is AwardBenefit => (HEALTH_BENEFITS as readonly string[]).includes(benefit);

/** Law wins a tie over platform policy: a statutory rule is the stronger thing to show DWP. */
const STATUTORY: Readonly<Record<RuleCode, boolean>> = {
  'uc-reclaim': true,
  'esa-linking': true,
  'esa-work-or-training': true,
  'platform-protected-period': false,
};

export type Protection = {
  startsOn: string;
  /** The latest day any applicable rule protects. */
  protectedUntil: string;
  /** The rule that protects longest (law before platform policy on the same day). */
  protectingRule: RuleCode;
  applied: AppliedRule[];
  notApplied: RuleNotApplied[];
  reasons: string[];
};

/**
 * Every rule that protects a return to the award after a job starting on `jobStartDate`, each to
 * its last day, and the guarantee they make together: it lasts to the latest of them.
 *
 * - Universal Credit (LCW or LCWRA): a claim again within 6 months keeps the determination; and
 *   Bridgework's own protected period.
 * - ESA: the 12-week linking rule; the 104-week linking term for a work or training beneficiary,
 *   when limited capability for work had lasted more than 13 weeks by the job start (measured from
 *   the award's decision date, the earliest evidence of it Bridgework holds); and the platform period.
 */
export function protectionFor(input: { award: { benefit: AwardBenefit; decisionDate: string }; jobStartDate: string }): Protection {
  const start = input.jobStartDate;
  const applied: AppliedRule[] = [];
  const notApplied: RuleNotApplied[] = [];
  const rule = (code: RuleCode, until: string, parameters: RuleParameter[]): AppliedRule => ({ rule: code, until, statutory: STATUTORY[code], parameters });

  if (isEsa(input.award.benefit)) {
    const linking = parameterAt(PARAMETERS.esaLinkingWeeks, start);
    applied.push(rule('esa-linking', addDays(start, linking.value * 7), [linking]));
    const qualifying = parameterAt(PARAMETERS.esaWorkOrTrainingQualifyingWeeks, start);
    const term = parameterAt(PARAMETERS.esaWorkOrTrainingLinkingWeeks, start);
    const lcwDays = daysBetween(input.award.decisionDate, start);
    if (lcwDays > qualifying.value * 7) {
      applied.push(rule('esa-work-or-training', addDays(start, term.value * 7), [qualifying, term]));
    } else {
      notApplied.push({
        rule: 'esa-work-or-training',
        reason: `limited capability for work had lasted ${Math.max(0, lcwDays)} days by the job start, counted from the decision date; more than ${qualifying.value} weeks (${qualifying.value * 7} days) is needed`,
        parameters: [qualifying, term],
      });
    }
  } else {
    const months = parameterAt(PARAMETERS.ucReclaimMonths, start);
    applied.push(rule('uc-reclaim', addMonths(start, months.value), [months]));
  }
  const platform = parameterAt(PARAMETERS.platformProtectedMonths, start);
  applied.push(rule('platform-protected-period', addMonths(start, platform.value), [platform]));

  const [first, ...rest] = applied as [AppliedRule, ...AppliedRule[]];
  const protecting = rest.reduce((best, r) => (r.until > best.until || (r.until === best.until && r.statutory && !best.statutory) ? r : best), first);
  return {
    startsOn: start,
    protectedUntil: protecting.until,
    protectingRule: protecting.rule,
    applied,
    notApplied,
    reasons: [
      ...applied.map((r) => `${r.rule} protects to ${r.until}`),
      ...notApplied.map((r) => `${r.rule} does not apply: ${r.reason}`),
      `protected to ${protecting.until} by ${protecting.rule}`,
    ],
  };
}

/** Days from `today` to the last protected day: 0 on the last day, negative once it has passed. */
export const daysLeft = (protectedUntil: string, today: string): number => daysBetween(today, protectedUntil);

/** How many days before the end the reminder goes, as in force on `today`. */
export const reminderDays = (today: string): RuleParameter => parameterAt(PARAMETERS.reminderDays, today);

/** Whether an active guarantee is due its one reminder today: inside the reminder window, not yet reminded, not yet ended. */
export function dueForReminder(g: { status: GuaranteeStatus; protectedUntil: string; remindedAt: Date | null }, today: string): boolean {
  const left = daysLeft(g.protectedUntil, today);
  return g.status === 'active' && g.remindedAt === null && left >= 0 && left <= reminderDays(today).value;
}

/** Whether an active guarantee's protected period has passed (it expires the next time the sweep runs). */
export const hasLapsed = (g: { status: GuaranteeStatus; protectedUntil: string }, today: string): boolean => g.status === 'active' && today > g.protectedUntil;

/** The status as it stands today: an active guarantee past its last day reads as expired even before the sweep marks it. */
export const statusOn = (g: { status: GuaranteeStatus; protectedUntil: string }, today: string): GuaranteeStatus =>
  hasLapsed(g, today) ? 'expired' : g.status;

/** A job that ends on or before the last protected day uses the guarantee; a later end does not. */
export const endUsesGuarantee = (g: { status: GuaranteeStatus; startsOn: string; protectedUntil: string }, endDate: string): boolean =>
  g.status === 'active' && endDate >= g.startsOn && endDate <= g.protectedUntil;
