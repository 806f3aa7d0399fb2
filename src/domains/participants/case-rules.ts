import minimumHoursFile from '../../../policy/sustained-work-minimum-weekly-hours.json' with { type: 'json' };
import qualifyingWeeksFile from '../../../policy/sustained-work-qualifying-weeks.json' with { type: 'json' };
import windowWeeksFile from '../../../policy/sustained-work-window-weeks.json' with { type: 'json' };
import { type PolicyValue, parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
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

export type SustainedWork = {
  sustained: boolean;
  /** The week (1 = the week starting on the start date) in which the rule was first met. */
  metInWeek: number | null;
  /** The day after that week ends: when the outcome is achieved. */
  sustainedOn: string | null;
  bestWindow: { fromWeek: number; qualifyingWeeks: number };
  reasons: string[];
  parameters: PolicyValue[];
};

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The sustained-work rule, worked out from the weeks recorded: a job counts as sustained once some
 * run of `window` consecutive weeks holds at least `qualifying` weeks of `minimum` hours or more.
 * Unrecorded weeks count as not worked, so the outcome is never claimed on a guess.
 */
export function sustainedWork(job: { startDate: string; weeks: readonly { week: number; hours: number }[] }): SustainedWork {
  // A job that started before the rule was first in force is judged by the rule as first written.
  const params = [minimumHours, qualifyingWeeks, windowWeeks].map((p) => {
    const [firstInForce = job.startDate] = Object.keys(p.values).sort();
    return valueAt(p, [firstInForce, job.startDate].sort()[1] ?? job.startDate);
  });
  const [min, need, window] = params.map((p) => p.value) as [number, number, number];
  const hoursIn = new Map(job.weeks.map((w) => [w.week, w.hours]));
  const lastWeek = Math.max(0, ...job.weeks.map((w) => w.week));
  let best = { fromWeek: 1, qualifyingWeeks: 0 };
  for (let from = 1; from <= Math.max(1, lastWeek); from++) {
    let count = 0;
    for (let week = from; week < from + window; week++) {
      if ((hoursIn.get(week) ?? 0) >= min) count++;
      if (count >= need) {
        const sustainedOn = addDays(job.startDate, week * 7);
        return {
          sustained: true,
          metInWeek: week,
          sustainedOn,
          bestWindow: { fromWeek: from, qualifyingWeeks: count },
          reasons: [`${count} weeks of ${min} hours or more in weeks ${from}–${week}, within ${window} consecutive weeks`],
          parameters: params,
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
    reasons: [`at most ${best.qualifyingWeeks} of the ${need} weeks of ${min} hours or more needed within ${window} consecutive weeks`],
    parameters: params,
  };
}
