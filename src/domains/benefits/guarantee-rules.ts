import esaLinkingFile from '../../../policy/bridge-back-esa-linking-weeks.json' with { type: 'json' };
import platformMonthsFile from '../../../policy/bridge-back-platform-protected-months.json' with { type: 'json' };
import reminderDaysFile from '../../../policy/bridge-back-reminder-days.json' with { type: 'json' };
import ucReclaimFile from '../../../policy/bridge-back-uc-reclaim-months.json' with { type: 'json' };
import esaIncomeRelatedOpenFile from '../../../policy/esa-income-related-open.json' with { type: 'json' };
import { addDays, addMonths, daysBetween } from '../../platform/clock/index.ts';
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
  esaIncomeRelatedOpen: parsePolicyParameter(esaIncomeRelatedOpenFile),
  platformProtectedMonths: parsePolicyParameter(platformMonthsFile),
  reminderDays: parsePolicyParameter(reminderDaysFile),
} as const;

/** The value in force on `date`; a date before the first value takes the rule as first written. */
function parameterAt(p: PolicyParameter, date: string): RuleParameter {
  const first = Object.keys(p.values).sort()[0] ?? date;
  const v = valueAt(p, date < first ? first : date);
  return { name: v.name, value: v.value, unit: v.unit, effectiveFrom: v.effectiveFrom, confidence: v.confidence, source: v.source };
}

export const isHealthBenefit = (benefit: string): benefit is AwardBenefit => (HEALTH_BENEFITS as readonly string[]).includes(benefit);

/** Law wins a tie over platform policy: a statutory rule is the stronger thing to show DWP. */
const STATUTORY: Readonly<Record<RuleCode, boolean>> = {
  'uc-reclaim': true,
  'esa-linking': true,
  // Revoked from 1 May 2012 (SI 2012/919): not law, so never the stronger thing to show DWP.
  'esa-work-or-training': false,
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
 * - Universal Credit (LCW or LCWRA): a new award within 6 months of one that ended because of
 *   earnings keeps the LCW/LCWRA outcome without a new waiting period (UC Regs 2013 reg 28(3)-(4)(b));
 *   and Bridgework's own protected period.
 * - ESA: the 12-week linking rule (ESA Regs 2013 reg 86; 2008 reg 145(1)), the only ESA linking rule in
 *   force, and the platform period. The 104-week term of the 2008 Regulations was revoked from 1 May
 *   2012 (SI 2012/919) and is never applied, however long limited capability for work has lasted.
 */
export function protectionFor(input: { award: { benefit: AwardBenefit; decisionDate: string }; jobStartDate: string }): Protection {
  const start = input.jobStartDate;
  const applied: AppliedRule[] = [];
  const rule = (code: RuleCode, until: string, parameters: RuleParameter[]): AppliedRule => ({ rule: code, until, statutory: STATUTORY[code], parameters });

  if (isEsa(input.award.benefit)) {
    const linking = parameterAt(PARAMETERS.esaLinkingWeeks, start);
    applied.push(rule('esa-linking', addDays(start, linking.value * 7), [linking]));
  } else {
    const months = parameterAt(PARAMETERS.ucReclaimMonths, start);
    applied.push(rule('uc-reclaim', addMonths(start, months.value), [months]));
  }
  const platform = parameterAt(PARAMETERS.platformProtectedMonths, start);
  applied.push(rule('platform-protected-period', addMonths(start, platform.value), [platform]));

  const [first, ...rest] = applied as [AppliedRule, ...AppliedRule[]];
  const protecting = rest.reduce((best, r) => (r.until > best.until || (r.until === best.until && r.statutory && !best.statutory) ? r : best), first);
  const ends = incomeRelatedEsaEnds(input.award.benefit, protecting.until);
  return {
    startsOn: start,
    protectedUntil: protecting.until,
    protectingRule: protecting.rule,
    applied,
    notApplied: [],
    reasons: [
      ...applied.map((r) => `${r.rule} protects to ${r.until}`),
      ...(ends ? [`income-related ESA awards end from ${ends.from}: a return on or after that day is to Universal Credit or New Style ESA`] : []),
      `protected to ${protecting.until} by ${protecting.rule}`,
    ],
  };
}

/** The first day on which `p` (a 1/0 flag) is 0, if it ever is. */
function firstClosedDay(p: PolicyParameter): string | null {
  return (
    Object.entries(p.values)
      .sort(([a], [b]) => a.localeCompare(b))
      .find(([, v]) => v === 0)?.[0] ?? null
  );
}

/**
 * When remaining income-related ESA awards end (SI 2026/409 art 3A [S]), for an income-related ESA
 * award whose protection runs to `until` or later: a return on or after `from` is to Universal Credit
 * (or New Style ESA where contributions allow), not to income-related ESA. Null for any other benefit,
 * or when the end falls after the protected period.
 */
export function incomeRelatedEsaEnds(benefit: AwardBenefit, until: string): { from: string; parameter: RuleParameter } | null {
  if (benefit !== 'esa-income-related') return null;
  const from = firstClosedDay(PARAMETERS.esaIncomeRelatedOpen);
  if (!from || from > until) return null;
  return { from, parameter: parameterAt(PARAMETERS.esaIncomeRelatedOpen, from) };
}

/**
 * What a return to benefit on `day` is a claim for: the same benefit, or, for income-related ESA on or
 * after the day its remaining awards end, Universal Credit or New Style ESA.
 */
export function returnClaimOn(benefit: AwardBenefit, day: string): 'same' | 'uc-or-new-style-esa' {
  if (benefit !== 'esa-income-related') return 'same';
  return parameterAt(PARAMETERS.esaIncomeRelatedOpen, day).value === 0 ? 'uc-or-new-style-esa' : 'same';
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

/** An active guarantee whose protected period has not begun yet (the job starts on a later day): it protects from `startsOn`, not before. */
export const startsLater = (g: { status: GuaranteeStatus; startsOn: string }, today: string): boolean => g.status === 'active' && today < g.startsOn;

/** A job that ends on or before the last protected day uses the guarantee; a later end does not. */
export const endUsesGuarantee = (g: { status: GuaranteeStatus; startsOn: string; protectedUntil: string }, endDate: string): boolean =>
  g.status === 'active' && endDate >= g.startsOn && endDate <= g.protectedUntil;
