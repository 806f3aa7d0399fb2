import { daysBetween } from '../../platform/clock/index.ts';
import { type PolicyParameter, valueAt } from '../../platform/policy/index.ts';
import {
  type Assessment,
  type AssessmentInput,
  type CategoryEstimate,
  COST_SHARED,
  type Need,
  type ParameterUsed,
  type Reason,
  type ReasonCode,
} from './access-to-work.ts';
import { ASSESSMENT_FROM, ATW, CAP_STARTS_ON, DIP } from './access-to-work-parameters.ts';
import { parseAssessmentInput } from './access-to-work-schemas.ts';

/*
 * Access to Work as policy as code, for one person on one date:
 *
 *   eligible       = 16 or over, a condition of 12 months or more, living in England, Scotland or
 *                    Wales, in or heading for paid work (not voluntary), and a Universal Credit
 *                    claimant working more than 1 hour a week;
 *   annual total   = equipment + adaptations + interview support (one-off, in the year) +
 *                    52 × (support worker hours × rate) + 52 × (travel above the normal commute);
 *   employer share = on equipment and adaptations only: none within the first 6 weeks of the job,
 *                    for the self-employed, or below 50 staff; else the first £500 (50–249) or £1,000
 *                    (250+) plus 20% of the next £10,000 [S: secondary sources];
 *   Access to Work = annual total − employer share, no more than the yearly cap in force.
 *
 * Pure: no clock, no I/O. Money is whole pence inside, rounded to the penny (halves up) where a rate
 * is applied. Every figure comes from `policy/` and is listed in `parameters`.
 */

const pence = (pounds: number): number => Math.round(pounds * 100);
const pounds = (p: number): number => p / 100;
const gbp = (p: number): string => `£${(p / 100).toLocaleString('en-GB', { minimumFractionDigits: p % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;

type Use = (parameter: PolicyParameter) => number;

/** Collects each parameter once, as used. */
function parameterLog(date: string): { use: Use; used: () => ParameterUsed[] } {
  const seen = new Map<string, ParameterUsed>();
  return {
    use: (parameter) => {
      const v = valueAt(parameter, date);
      // Setting a name again keeps its first place: the list is in the order first used.
      seen.set(v.name, v);
      return v.value;
    },
    used: () => [...seen.values()],
  };
}

type Say = (code: ReasonCode, text: string, values?: Record<string, number | string>) => void;

/**
 * Whether the person can have Access to Work (or, seeking work, Bridgework's decision in principle),
 * and when they can apply. Every rule says its reason; `failed` lists the codes of the rules not met,
 * so that an answer of "not eligible" carries each reason that decided it. An ineligible person can
 * never apply now, so the rules that fail do not also mark the timing.
 */
export function eligibility(input: AssessmentInput, use: Use, say: Say): { failed: ReasonCode[]; canApplyNow: boolean } {
  const { age, nation, conditionExpectedMonths, work } = input.person;
  const failed: ReasonCode[] = [];
  const fail: Say = (code, text, values) => {
    failed.push(code);
    say(code, text, values);
  };

  const minimumAge = use(ATW.minimumAge);
  if (age >= minimumAge) say('age.met', `Aged ${age}: Access to Work is for people aged ${minimumAge} or over.`, { age, minimumAge });
  else fail('age.under', `Aged ${age}: Access to Work starts at ${minimumAge}.`, { age, minimumAge });

  const months = use(ATW.conditionMonths);
  if (conditionExpectedMonths >= months)
    say('condition.met', `The condition has lasted or is likely to last ${conditionExpectedMonths} months: at least ${months} are needed.`, {
      conditionExpectedMonths,
      months,
    });
  else
    fail(
      'condition.short',
      `The condition is expected to last ${conditionExpectedMonths} months: Access to Work needs one that has lasted or is likely to last ${months}.`,
      { conditionExpectedMonths, months },
    );

  if (nation === 'northern-ireland')
    fail(
      'nation.northern-ireland',
      "Access to Work covers England, Scotland and Wales. Northern Ireland has its own Access to Work (NI) scheme, run by the Department for Communities' employment service: apply there.",
      { nation },
    );
  else say('nation.great-britain', 'Lives and works in England, Scotland or Wales.', { nation });

  let canApplyNow = true;
  switch (work.status) {
    case 'voluntary':
      fail('work.voluntary', 'Voluntary work is not covered: Access to Work is for paid work.', { status: work.status });
      break;
    case 'seeking':
      canApplyNow = false;
      say(
        'work.seeking',
        'Actively seeking paid work: Bridgework can give a decision in principle now; the application to DWP goes in once there is a job or a job offer.',
        { status: work.status },
      );
      break;
    case 'job-offer': {
      const before = use(ATW.applyWeeksBeforeStart);
      // No start date yet counts as starting now: the offer can be applied for.
      const weeks = work.weeksInJob ?? 0;
      if (weeks < -before) {
        canApplyNow = false;
        say('timing.too-early', `The job starts in ${-weeks} weeks: the application can go in up to ${before} weeks before the start.`, {
          weeksToStart: -weeks,
          weeksBefore: before,
        });
      } else say('timing.can-apply', `A job offer: the application can go in now (up to ${before} weeks before the start).`, { weeksBefore: before });
      say('work.job-offer', 'Has a paid job offer.', { status: work.status });
      break;
    }
    case 'employed':
      say('work.employed', 'In paid employment.', { status: work.status });
      break;
    default:
      say('work.self-employed', 'Self-employed.', { status: work.status });
  }

  if (work.claimsUniversalCredit && work.status !== 'voluntary') {
    const minimumHours = use(ATW.ucMinimumHours);
    const hours = work.hoursPerWeek;
    if (hours === undefined) say('uc.hours-of-job', `Claims Universal Credit: the job found must be more than ${minimumHours} hour a week.`, { minimumHours });
    else if (hours > minimumHours)
      say('uc.hours-met', `Claims Universal Credit and works ${hours} hours a week: more than the ${minimumHours} hour needed.`, { hours, minimumHours });
    else
      fail('uc.hours-too-few', `Claims Universal Credit; hours worked a week: ${hours}. A claimant needs more than ${minimumHours} hour a week.`, {
        hours,
        minimumHours,
      });
  }
  return { failed, canApplyNow: failed.length === 0 && canApplyNow };
}

/** A need's yearly cost in pence, with the sentence that shows the sum. */
export function needCost(need: Need, use: Use): { pence: number; code: ReasonCode; text: string; values: Record<string, number> } {
  switch (need.category) {
    case 'equipment':
    case 'adaptation': {
      const p = pence(need.cost);
      const what = need.category === 'equipment' ? 'Special aids and equipment' : 'Adaptations to premises or equipment';
      return { pence: p, code: `need.${need.category}`, text: `${what}: ${gbp(p)} once.`, values: { cost: need.cost } };
    }
    case 'support-worker': {
      const weeks = use(ATW.weeksPerYear);
      const p = Math.round(need.hoursPerWeek * pence(need.hourlyRate) * weeks);
      return {
        pence: p,
        code: 'need.support-worker',
        text: `Support worker: ${need.hoursPerWeek} hours a week × ${gbp(pence(need.hourlyRate))} an hour × ${weeks} weeks = ${gbp(p)} a year.`,
        values: { hoursPerWeek: need.hoursPerWeek, hourlyRate: need.hourlyRate, weeks, annual: pounds(p) },
      };
    }
    case 'travel': {
      const weeks = use(ATW.weeksPerYear);
      const extra = Math.max(pence(need.weeklyCost) - pence(need.normalWeeklyCommuteCost), 0);
      const p = extra * weeks;
      return {
        pence: p,
        code: 'need.travel',
        text: `Travel to work: ${gbp(pence(need.weeklyCost))} a week less the normal commute of ${gbp(pence(need.normalWeeklyCommuteCost))} = ${gbp(extra)} a week × ${weeks} weeks = ${gbp(p)} a year.`,
        values: { weeklyCost: need.weeklyCost, normalWeeklyCommuteCost: need.normalWeeklyCommuteCost, extraWeekly: pounds(extra), weeks, annual: pounds(p) },
      };
    }
    case 'interview-communication': {
      const p = Math.round(need.hours * pence(need.hourlyRate));
      return {
        pence: p,
        code: 'need.interview-communication',
        text: `Communication support at interview: ${need.hours} hours × ${gbp(pence(need.hourlyRate))} an hour = ${gbp(p)}.`,
        values: { hours: need.hours, hourlyRate: need.hourlyRate, annual: pounds(p) },
      };
    }
    default:
      return {
        pence: 0,
        code: 'need.mental-health-support',
        text: 'Mental Health Support Service: free to the person and the employer, so there is no cost to estimate.',
        values: {},
      };
  }
}

/**
 * The employer's share, in pence, of `shared` pence of equipment and adaptation costs. `weeksInJob`
 * undefined or negative is an application before the job starts, which is within the first weeks.
 */
export function employerShare(shared: number, work: AssessmentInput['person']['work'], use: Use, say: Say): number {
  if (shared === 0) {
    say('share.none-to-share', 'No equipment or adaptation costs, so there is no employer share.');
    return 0;
  }
  if (work.status === 'self-employed') {
    say('share.self-employed', 'Self-employed: there is no employer share.');
    return 0;
  }
  const grace = use(ATW.shareGraceWeeks);
  if (work.status !== 'employed') {
    say('share.before-start', `Applying before the job starts, so within its first ${grace} weeks: the employer shares none of the cost.`, {
      graceWeeks: grace,
    });
    return 0;
  }
  // The schema requires the weeks for someone employed; 0 keeps a direct caller safe.
  const weeks = work.weeksInJob ?? 0;
  if (weeks < grace) {
    say('share.first-six-weeks', `Applying ${weeks} whole weeks into the job, within its first ${grace}: the employer shares none of the cost.`, {
      weeksInJob: weeks,
      graceWeeks: grace,
    });
    return 0;
  }
  const size = work.employerSize ?? 0;
  const mediumFrom = use(ATW.shareMediumFrom);
  if (size < mediumFrom) {
    say('share.small', `An employer of ${size} staff (fewer than ${mediumFrom}) shares none of the cost.`, { employerSize: size, mediumFrom });
    return 0;
  }
  const largeFrom = use(ATW.shareLargeFrom);
  const large = size >= largeFrom;
  const first = pence(use(large ? ATW.shareLargeFirst : ATW.shareMediumFirst));
  const band = pence(use(ATW.shareBand));
  const rate = use(ATW.shareRate);
  const whole = Math.min(shared, first);
  const banded = Math.min(Math.max(shared - first, 0), band);
  const part = Math.round((banded * Math.round(rate * 10_000)) / 10_000);
  const share = whole + part;
  say(
    large ? 'share.large' : 'share.medium',
    `An employer of ${size} staff pays the first ${gbp(first)} (${gbp(whole)}) plus ${rate * 100}% of the next ${gbp(band)} (${rate * 100}% of ${gbp(banded)} = ${gbp(part)}): ${gbp(share)}.`,
    {
      employerSize: size,
      first: pounds(first),
      whole: pounds(whole),
      band: pounds(band),
      banded: pounds(banded),
      rate,
      part: pounds(part),
      share: pounds(share),
    },
  );
  return share;
}

/** The yearly cap on a day: none before it began, not held for a year Bridgework has no figure for, or the figure in force. */
export function annualCapOn(date: string): { kind: 'uncapped' } | { kind: 'not-held' } | { kind: 'held'; value: ParameterUsed; latestHeld: boolean } {
  if (date < CAP_STARTS_ON) return { kind: 'uncapped' };
  if (date < ASSESSMENT_FROM) return { kind: 'not-held' };
  const value = valueAt(ATW.annualCap, date);
  // A cap is uprated each April: a date a year or more after the latest figure held is past it.
  const [y, m, d] = value.effectiveFrom.split('-');
  return { kind: 'held', value, latestHeld: date >= `${Number(y) + 1}-${m}-${d}` };
}

/** The Access to Work share after the cap, in pence, with whether the cap bit. */
export function applyCap(
  date: string,
  beforeCap: number,
  say: Say,
  note: (v: ParameterUsed) => void,
): { accessToWork: number; capApplied: boolean; cap: number | null } {
  const cap = annualCapOn(date);
  if (cap.kind === 'uncapped') {
    say('cap.uncapped-before-start', `Awards made before ${CAP_STARTS_ON} have no yearly cap.`, { capStartsOn: CAP_STARTS_ON });
    return { accessToWork: beforeCap, capApplied: false, cap: null };
  }
  if (cap.kind === 'not-held') {
    say('cap.not-held', `Bridgework holds no yearly cap for ${date}, so none is applied: check the cap in force.`, { date });
    return { accessToWork: beforeCap, capApplied: false, cap: null };
  }
  note(cap.value);
  const capPence = pence(cap.value.value);
  if (cap.latestHeld)
    say(
      'cap.latest-held',
      `The cap for this year is not held yet: the latest held, ${gbp(capPence)} from ${cap.value.effectiveFrom}, is used; it may be too low.`,
      {
        cap: cap.value.value,
        effectiveFrom: cap.value.effectiveFrom,
      },
    );
  if (beforeCap > capPence) {
    say('cap.applied', `${gbp(beforeCap)} is more than the yearly cap of ${gbp(capPence)}: Access to Work pays up to the cap.`, {
      beforeCap: pounds(beforeCap),
      cap: cap.value.value,
    });
    return { accessToWork: capPence, capApplied: true, cap: cap.value.value };
  }
  say('cap.within', `${gbp(beforeCap)} is within the yearly cap of ${gbp(capPence)}.`, { beforeCap: pounds(beforeCap), cap: cap.value.value });
  return { accessToWork: beforeCap, capApplied: false, cap: cap.value.value };
}

/**
 * The assessment of a parsed input: eligibility with its reasons, the yearly estimate by category,
 * the employer's share and the cap, and every policy parameter used, listed once.
 *
 * @example accessToWork(parseAssessmentInput(json)).estimate.accessToWorkContribution // 6480
 */
export function accessToWork(input: AssessmentInput): Assessment {
  const { use, used } = parameterLog(input.date);
  const reasons: Reason[] = [];
  const say: Say = (code, text, values = {}) => {
    reasons.push({ code, text, values });
  };
  const { failed, canApplyNow } = eligibility(input, use, say);

  const categories: CategoryEstimate[] = [];
  let total = 0;
  let shared = 0;
  for (const need of input.needs) {
    const cost = needCost(need, use);
    say(cost.code, cost.text, cost.values);
    const costShared = COST_SHARED.includes(need.category);
    total += cost.pence;
    if (costShared) shared += cost.pence;
    categories.push({ category: need.category, annualCost: pounds(cost.pence), costShared });
  }
  const employer = employerShare(shared, input.person.work, use, say);
  const extra: ParameterUsed[] = [];
  const capped = applyCap(input.date, total - employer, say, (v) => extra.push(v));
  return {
    date: input.date,
    eligible: failed.length === 0,
    canApplyNow,
    reasons,
    notEligibleBecause: reasons.filter((r) => failed.includes(r.code)),
    estimate: {
      annualTotal: pounds(total),
      employerContribution: pounds(employer),
      accessToWorkContribution: pounds(capped.accessToWork),
      capApplied: capped.capApplied,
      cap: capped.cap,
      categories,
    },
    parameters: [...used(), ...extra],
  };
}

/** The API's and command line's entry: parse (422 / exit 2 on bad input), then assess. */
export function assessAccessToWork(input: unknown): Assessment {
  return accessToWork(parseAssessmentInput(input));
}

/** A decision in principle's range for a yearly figure in pounds: the margin either side, rounded outward to £100, never above the cap. */
export function indicativeRange(amount: number, date: string, cap: number | null): { low: number; high: number; margin: ParameterUsed } {
  const margin = valueAt(DIP.rangeMargin, date);
  const low = Math.floor((amount * (1 - margin.value)) / 100) * 100;
  const rawHigh = Math.ceil((amount * (1 + margin.value)) / 100) * 100;
  return { low: Math.max(low, 0), high: cap === null ? rawHigh : Math.min(rawHigh, cap), margin };
}

/** The last day a decision issued on `issuedOn` is valid: the validity months later, less a day (platform policy). */
export function validUntil(issuedOn: string, months: number): string {
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Whether a yearly Access to Work figure needs a team lead's countersignature: above the tenant's amount, or the platform default. */
export function needsCountersign(
  accessToWorkContribution: number,
  tenantAmount: number | null,
  date: string,
): { needed: boolean; threshold: ParameterUsed | number } {
  if (tenantAmount !== null) return { needed: accessToWorkContribution > tenantAmount, threshold: tenantAmount };
  const fallback = valueAt(DIP.countersignDefault, date);
  return { needed: accessToWorkContribution > fallback.value, threshold: fallback };
}

/**
 * The wait a converted decision shows, for outcomes reporting of the time from offer to support in
 * place: days from the job offer (the day the decision was converted on it) to the real application
 * going in and to DWP's decision; null until each is recorded.
 */
export function waitFromOffer(d: { offeredOn: string; submittedOn: string | null; decidedOn: string | null }): {
  toApplication: number | null;
  toDecision: number | null;
} {
  return {
    toApplication: d.submittedOn === null ? null : daysBetween(d.offeredOn, d.submittedOn),
    toDecision: d.decidedOn === null ? null : daysBetween(d.offeredOn, d.decidedOn),
  };
}
