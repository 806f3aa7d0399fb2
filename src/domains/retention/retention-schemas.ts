import { z } from 'zod';
import { isoDate } from '../../platform/errors/index.ts';
import { FIT_NOTE_ADVICE, FITNESS, ISSUER_PROFESSIONS, LEFT_REASONS, PLAN_OWNERS, REFERRED_BY, WORK_STATUSES } from './retention.ts';

// Messages are catalogue keys: pages show them in English or Welsh, machines get English.
const text = (max: number, required: string) => z.string({ error: required }).trim().min(1, required).max(max, 'retention.error.tooLong');
const optionalText = (max: number) => z.string({ error: 'retention.error.text' }).trim().max(max, 'retention.error.tooLong').default('');
/** A yes/no radio from a form ('yes'/'no') or a JSON boolean from an API. */
const yesNo = (message: string) => z.union([z.boolean(), z.enum(['yes', 'no'])], { error: message }).transform((v) => v === true || v === 'yes');
/** A number typed into a box or sent as JSON. */
const number = (message: string, min: number, max: number, int = false) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    (int ? z.number({ error: message }).int(message) : z.number({ error: message })).min(min, message).max(max, message),
  );
const oneOrMore = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : [v].flat()),
    z.array(z.enum(values, { error: message }), { error: message }).max(values.length, message),
  );

/**
 * The fit note (Statement of Fitness for Work) as structured data: the assessment, the four advice
 * options, the condition and comments, the period (dates, or a number of days from the first),
 * whether the issuer needs to assess again at its end, the statement's date and the issuer's
 * profession. Cross-field rules are in retention-rules.ts (fitNoteIssues).
 */
export const fitNoteSchema = z
  .object({
    fitness: z.enum(FITNESS, { error: 'retention.error.fitness' }),
    advice: oneOrMore(FIT_NOTE_ADVICE, 'retention.error.advice'),
    condition: text(1000, 'retention.error.condition'),
    comments: optionalText(2000),
    from: isoDate('retention.error.from'),
    to: isoDate('retention.error.to').optional(),
    periodDays: number('retention.error.periodDays', 1, 3660, true).optional(),
    indefinite: yesNo('retention.error.to').default(false),
    followUpNeeded: yesNo('retention.error.followUp'),
    issuedOn: isoDate('retention.error.issuedOn'),
    issuerProfession: z.enum(ISSUER_PROFESSIONS, { error: 'retention.error.issuer' }).optional(),
  })
  .superRefine((n, ctx) => {
    const given = [n.to !== undefined, n.periodDays !== undefined, n.indefinite].filter(Boolean).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'retention.error.periodOne' });
  });
export type FitNoteInput = z.output<typeof fitNoteSchema>;

/** The retention part of a referral: who refers, the job, the absence so far, the employer's consent and contact. */
export const retentionDetailsSchema = z
  .object({
    referredBy: z.enum(REFERRED_BY, { error: 'retention.error.referredBy' }),
    employerName: text(200, 'retention.error.employerName'),
    employerOrganisationId: z.uuid('retention.error.employer').optional(),
    jobTitle: text(200, 'retention.error.jobTitle'),
    hoursPerWeek: number('retention.error.hours', 0.5, 100),
    absentNow: yesNo('retention.error.absentNow'),
    absenceSpells: number('retention.error.spells', 0, 366, true),
    absenceDays: number('retention.error.days', 0, 3660, true),
    employerConsent: yesNo('retention.error.employerConsent').default(false),
    employerConsentOn: isoDate('retention.error.employerConsentOn').optional(),
    employerContactName: optionalText(200),
  })
  .superRefine((d, ctx) => {
    // An employer refers only with the person's consent; any consent needs its date.
    if (d.referredBy === 'employer' && !d.employerConsent)
      ctx.addIssue({ code: 'custom', path: ['employerConsent'], message: 'retention.error.employerConsentNeeded' });
    if (d.employerConsent && !d.employerConsentOn) ctx.addIssue({ code: 'custom', path: ['employerConsentOn'], message: 'retention.error.employerConsentOn' });
    if (d.absenceDays < d.absenceSpells) ctx.addIssue({ code: 'custom', path: ['absenceDays'], message: 'retention.error.daysUnderSpells' });
  });
export type RetentionDetails = z.output<typeof retentionDetailsSchema>;

/** A retention referral: the referral as every route sends it, the retention details and (from a GP) the fit note. */
export const retentionReferralSchema = z.object({
  referral: z.record(z.string(), z.unknown(), { error: 'retention.error.referral' }),
  retention: retentionDetailsSchema,
  fitNote: fitNoteSchema.optional(),
});

const WEEKS = 12;
/** The plan: adjustments, who does what, the employer conversation, Access to Work, the schedule and sharing. */
export const planSchema = z.object({
  adjustments: z
    .string({ error: 'retention.error.adjustments' })
    .max(2000, 'retention.error.tooLong')
    .transform((s) =>
      s
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .refine((l) => l.length > 0 && l.length <= 20, 'retention.error.adjustments'),
  actions: z
    .array(z.object({ owner: z.enum(PLAN_OWNERS, { error: 'retention.error.owner' }), what: text(500, 'retention.error.action') }))
    .max(10, 'retention.error.action')
    .default([]),
  conversationOn: isoDate('retention.error.conversationOn'),
  conversationWith: text(200, 'retention.error.conversationWith'),
  conversationSummary: text(2000, 'retention.error.conversationSummary'),
  accessToWorkDecisionId: z.uuid('retention.error.decision').optional(),
  startsOn: isoDate('retention.error.startsOn'),
  reviewEvery: number('retention.error.reviewEvery', 1, WEEKS, true),
  weeks: z
    .array(z.object({ hours: number('retention.error.weekHoursNumber', 0, 100), duties: optionalText(500) }))
    .max(WEEKS + 1, 'retention.error.tooManyWeeks'),
  shareWithEmployer: yesNo('retention.error.share'),
  employerContactUserId: z.uuid('retention.error.contact').optional(),
});

export const reviewSchema = z.object({ note: text(2000, 'retention.error.reviewNote') });

export const outcomeSchema = z.object({
  workStatus: z.enum(WORK_STATUSES, { error: 'retention.error.workStatus' }),
  sameEmployer: yesNo('retention.error.sameEmployer').default(true),
  leftReason: z.enum(LEFT_REASONS, { error: 'retention.error.leftReason' }).optional(),
  absenceDaysAfter: number('retention.error.daysAfter', 0, 3660, true),
});
