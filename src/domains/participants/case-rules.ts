import nationalLivingWageFile from '../../../policy/national-living-wage.json' with { type: 'json' };
import nmw18To20File from '../../../policy/national-minimum-wage-18-to-20.json' with { type: 'json' };
import nmwApprenticeFile from '../../../policy/national-minimum-wage-apprentice.json' with { type: 'json' };
import nmwUnder18File from '../../../policy/national-minimum-wage-under-18.json' with { type: 'json' };
import qualifyingWeeks26File from '../../../policy/sustained-work-26-qualifying-weeks.json' with { type: 'json' };
import windowWeeks26File from '../../../policy/sustained-work-26-window-weeks.json' with { type: 'json' };
import minimumHoursFile from '../../../policy/sustained-work-minimum-weekly-hours.json' with { type: 'json' };
import qualifyingWeeksFile from '../../../policy/sustained-work-qualifying-weeks.json' with { type: 'json' };
import windowWeeksFile from '../../../policy/sustained-work-window-weeks.json' with { type: 'json' };
import { addDays } from '../../platform/clock/index.ts';
import { type PolicyParameter, type PolicyValue, parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import type { ConsentScope, NoteKind, Phase, Relationship } from './case.ts';
import { HEALTH_NOTE_KINDS } from './case.ts';

/**
 * Who moves a case between phases. Work usually runs in order, but people's lives do not: a
 * specialist may step back a phase, a job ending returns the case to job search, and a closed case
 * can be re-engaged with its history kept. Everything else is refused as a 409.
 */
export const PHASE_TRANSITIONS: Readonly<Record<Phase, readonly Phase[]>> = {
  engagement: ['vocational-profile', 'job-search', 'closed'],
  'vocational-profile': ['engagement', 'job-search', 'closed'],
  'job-search': ['vocational-profile', 'in-work', 'closed'],
  'in-work': ['job-search', 'closed'],
  closed: ['engagement'],
};

export const canMovePhase = (from: Phase, to: Phase): boolean => PHASE_TRANSITIONS[from].includes(to);
export const nextPhases = (from: Phase): readonly Phase[] => PHASE_TRANSITIONS[from];
export const isOpenPhase = (phase: Phase): boolean => phase !== 'closed';

/**
 * Whether a reader has a working relationship with the person, which decides whether they see
 * health fields. Break-glass counts only while its grant lasts; the health team only while the
 * person consents to sharing with them.
 */
export function relationshipOf(reader: {
  isAssignedSpecialist: boolean;
  isTeamLeadOfCaseTeam: boolean;
  isNamedHealthTeamMember: boolean;
  healthTeamConsent: boolean;
  hasActiveBreakGlass: boolean;
}): Relationship {
  if (reader.isAssignedSpecialist) return 'assigned-specialist';
  if (reader.isTeamLeadOfCaseTeam) return 'team-lead';
  if (reader.isNamedHealthTeamMember && reader.healthTeamConsent) return 'health-team';
  if (reader.hasActiveBreakGlass) return 'break-glass';
  return 'none';
}

export const seesHealth = (relationship: Relationship): boolean => relationship !== 'none';
export const isHealthNote = (kind: NoteKind): boolean => HEALTH_NOTE_KINDS.includes(kind);

/** Which consent a piece of work on the person's behalf needs; withdrawing it stops that work at once. */
export const CONSENT_NEEDED: Readonly<Partial<Record<NoteKind | 'compliance-doubt-report', ConsentScope>>> = {
  'employer-contact': 'contact-employers',
  'health-liaison': 'share-with-health-team',
  'compliance-doubt-report': 'share-with-jobcentre',
};

/**
 * What a missed appointment leads to. For a voluntary participant, only a follow-up contact: never a
 * report, a warning or a consequence. A conditional participant's missed mandatory appointment may
 * also be reported, which the participation policy decides.
 */
export function afterMissedAppointment(input: { voluntary: boolean; mandatory: boolean }): { followUp: true; reportable: boolean } {
  return { followUp: true, reportable: !input.voluntary && input.mandatory };
}

const minimumHours = parsePolicyParameter(minimumHoursFile);
const qualifyingWeeks = parsePolicyParameter(qualifyingWeeksFile);
const windowWeeks = parsePolicyParameter(windowWeeksFile);
/** The two sustained-work outcomes: the same rule (hours and pay), over 13 and over 26 weeks. */
export type SustainedOutcome = '13-weeks' | '26-weeks';
const OUTCOME_WEEKS: Readonly<Record<SustainedOutcome, { qualifying: PolicyParameter; window: PolicyParameter }>> = {
  '13-weeks': { qualifying: qualifyingWeeks, window: windowWeeks },
  '26-weeks': { qualifying: parsePolicyParameter(qualifyingWeeks26File), window: parsePolicyParameter(windowWeeks26File) },
};
const WAGES = {
  '21-and-over': parsePolicyParameter(nationalLivingWageFile),
  '18-to-20': parsePolicyParameter(nmw18To20File),
  'under-18': parsePolicyParameter(nmwUnder18File),
  apprentice: parsePolicyParameter(nmwApprenticeFile),
} as const;
export type WageBand = keyof typeof WAGES;

const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

/** The value in force on `date`; a date before the first value takes the value as first written. */
function inForce(p: PolicyParameter, date: string): PolicyValue {
  const [first = date] = Object.keys(p.values).sort();
  return valueAt(p, date < first ? first : date);
}

/** Whole years of age on `date` (a birthday on 29 February is reached on 1 March in other years). */
export function ageOn(dateOfBirth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return date.slice(5) >= dateOfBirth.slice(5) ? years : years - 1;
}

/**
 * The minimum hourly pay for a worker on `date`: the National Living Wage at 21 and over, the National
 * Minimum Wage for 18 to 20 and under 18, and the apprentice rate for an apprentice under 19 or in the
 * first year of the apprenticeship (taken as starting on the job's start date). An unknown date of birth
 * takes the National Living Wage, the highest rate, so pay is never counted on a guess.
 */
export function minimumWage(input: { dateOfBirth: string | null; date: string; apprenticeSince?: string | null }): {
  band: WageBand;
  age: number | null;
  parameter: PolicyValue;
} {
  const age = input.dateOfBirth ? ageOn(input.dateOfBirth, input.date) : null;
  const ageBand: WageBand = age === null || age >= 21 ? '21-and-over' : age >= 18 ? '18-to-20' : 'under-18';
  const apprentice = input.apprenticeSince != null && ((age !== null && age < 19) || input.date < addYears(input.apprenticeSince, 1));
  const band = apprentice ? 'apprentice' : ageBand;
  return { band, age, parameter: inForce(WAGES[band], input.date) };
}

/** One week of a job as recorded: hours, and the hourly pay that week when it differed from the job's. */
export type JobWeek = { week: number; hours: number; hourlyPay?: number | null };

export type SustainedWork = {
  sustained: boolean;
  /** The week (1 = the week starting on the start date) in which the rule was first met. */
  metInWeek: number | null;
  /** The day after that week ends: when the outcome is achieved. */
  sustainedOn: string | null;
  bestWindow: { fromWeek: number; qualifyingWeeks: number };
  /**
   * The pay check: whether it applied (not to self-employment), weeks of enough hours whose pay is not
   * recorded, and weeks of enough hours paid below the minimum wage for the person's age.
   */
  pay: {
    checked: boolean;
    notRecorded: number[];
    belowMinimum: { week: number; hourlyPay: number; minimum: number; band: WageBand }[];
  };
  reasons: string[];
  parameters: PolicyValue[];
};

/**
 * The sustained-work rule, worked out from the weeks recorded: a job counts as sustained once some
 * run of `window` consecutive weeks holds at least `qualifying` weeks of `minimum` hours or more, each
 * paid at least the National Living Wage or the National Minimum Wage for the person's age that week
 * (the IPS job outcome: 7 hours a week for 13 weeks in 16, at the minimum wage). A week's pay is the
 * pay recorded for that week, else the job's. Unrecorded weeks count as not worked, and a week whose
 * pay is not recorded does not count, so the outcome is never claimed on a guess. Self-employment has
 * no minimum wage: its weeks count on hours alone.
 */
export function sustainedWork(
  job: { startDate: string; hourlyPay: number | null; contractType?: string; weeks: readonly JobWeek[] },
  person: { dateOfBirth: string | null } = { dateOfBirth: null },
  outcome: SustainedOutcome = '13-weeks',
): SustainedWork {
  // A job that started before the rule was first in force is judged by the rule as first written.
  const weeks = OUTCOME_WEEKS[outcome];
  const params = [minimumHours, weeks.qualifying, weeks.window].map((p) => inForce(p, job.startDate));
  const [min, need, window] = params.map((p) => p.value) as [number, number, number];
  const checked = job.contractType !== 'self-employed';
  const apprenticeSince = job.contractType === 'apprenticeship' ? job.startDate : null;
  const byWeek = new Map(job.weeks.map((w) => [w.week, w]));
  const wageParameters = new Map<string, PolicyValue>();
  const notRecorded: number[] = [];
  const belowMinimum: SustainedWork['pay']['belowMinimum'] = [];
  const qualifies = new Map<number, boolean>();
  for (const w of job.weeks) {
    if (w.hours < min) {
      qualifies.set(w.week, false);
      continue;
    }
    if (!checked) {
      qualifies.set(w.week, true);
      continue;
    }
    const pay = w.hourlyPay ?? job.hourlyPay;
    const wage = minimumWage({ dateOfBirth: person.dateOfBirth, date: addDays(job.startDate, (w.week - 1) * 7), apprenticeSince });
    wageParameters.set(`${wage.parameter.name}@${wage.parameter.effectiveFrom}`, wage.parameter);
    if (pay === null || pay === undefined) notRecorded.push(w.week);
    else if (pay < wage.parameter.value) belowMinimum.push({ week: w.week, hourlyPay: pay, minimum: wage.parameter.value, band: wage.band });
    qualifies.set(w.week, pay !== null && pay !== undefined && pay >= wage.parameter.value);
  }
  notRecorded.sort((a, b) => a - b);
  belowMinimum.sort((a, b) => a.week - b.week);
  const parameters = [
    ...params,
    ...[...wageParameters.values()].sort((a, b) => a.name.localeCompare(b.name) || a.effectiveFrom.localeCompare(b.effectiveFrom)),
  ];
  const pay = { checked, notRecorded, belowMinimum };
  const payReasons = [
    ...(checked ? [] : ['self-employed: the minimum wage does not apply, so weeks count on hours alone']),
    ...(notRecorded.length ? [`pay not recorded for week${notRecorded.length > 1 ? 's' : ''} ${notRecorded.join(', ')}: not counted`] : []),
    ...belowMinimum.map(
      (b) => `week ${b.week}: paid £${b.hourlyPay.toFixed(2)} an hour, below the £${b.minimum.toFixed(2)} minimum wage (${b.band}): not counted`,
    ),
  ];
  const lastWeek = Math.max(0, ...job.weeks.map((w) => w.week));
  let best = { fromWeek: 1, qualifyingWeeks: 0 };
  for (let from = 1; from <= Math.max(1, lastWeek); from++) {
    let count = 0;
    for (let week = from; week < from + window; week++) {
      if (qualifies.get(week) === true && byWeek.has(week)) count++;
      if (count >= need) {
        const sustainedOn = addDays(job.startDate, week * 7);
        return {
          sustained: true,
          metInWeek: week,
          sustainedOn,
          bestWindow: { fromWeek: from, qualifyingWeeks: count },
          pay,
          reasons: [
            `${count} weeks of ${min} hours or more${checked ? ' at the minimum wage or more' : ''} in weeks ${from}–${week}, within ${window} consecutive weeks`,
            ...payReasons,
          ],
          parameters,
        };
      }
    }
    if (count > best.qualifyingWeeks) best = { fromWeek: from, qualifyingWeeks: count };
  }
  return {
    sustained: false,
    metInWeek: null,
    sustainedOn: null,
    bestWindow: best,
    pay,
    reasons: [
      `at most ${best.qualifyingWeeks} of the ${need} weeks of ${min} hours or more${checked ? ' at the minimum wage or more' : ''} needed within ${window} consecutive weeks`,
      ...payReasons,
    ],
    parameters,
  };
}
