import { z } from 'zod';
import { ADJUSTMENTS, DWP_OUTCOMES, NATIONS, WORK_STATUSES } from './access-to-work.ts';
import { needSchema } from './access-to-work-schemas.ts';

/*
 * The inputs of a decision in principle's changes, as the service parses them. Messages are keys
 * in the capability's catalogues, so a page shows them in the reader's language.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (key: string) =>
  z.string({ error: key }).refine((v) => {
    if (!ISO_DATE.test(v)) return false;
    const at = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === v;
  }, key);
const text = (max: number, key: string) =>
  z
    .string({ error: key })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, key).max(max, key));

/** What the specialist records on the case; the date is today and the age comes from the date of birth. */
export const decisionRequestSchema = z.strictObject({
  person: z.strictObject({
    nation: z.enum(NATIONS, { error: 'atw.error.nation' }),
    conditionExpectedMonths: z.number({ error: 'atw.error.months' }).min(0, 'atw.error.months').max(1200, 'atw.error.months'),
    work: z.strictObject({
      status: z.enum(WORK_STATUSES, { error: 'atw.error.status' }),
      hoursPerWeek: z.number({ error: 'atw.error.hours' }).min(0, 'atw.error.hours').max(168, 'atw.error.hours').optional(),
      claimsUniversalCredit: z.boolean().optional(),
      employerSize: z.number({ error: 'atw.error.size' }).int('atw.error.size').min(0, 'atw.error.size').max(10_000_000, 'atw.error.size').optional(),
      weeksInJob: z.number({ error: 'atw.error.weeks' }).int('atw.error.weeks').min(-520, 'atw.error.weeks').max(5200, 'atw.error.weeks').optional(),
    }),
  }),
  needs: z.array(needSchema).min(1, 'atw.error.needs').max(30),
});

export const withdrawSchema = z.object({ reason: text(500, 'atw.error.reason') });

export const convertSchema = z.object({
  employer: text(200, 'atw.error.employer'),
  role: text(200, 'atw.error.role'),
  startDate: realDate('atw.error.startDate'),
  hoursPerWeek: z.coerce.number({ error: 'atw.error.hours' }).gt(0, 'atw.error.hours').max(100, 'atw.error.hours'),
});

export const applicationSchema = z
  .object({
    submittedOn: realDate('atw.error.submittedOn'),
    decidedOn: z
      .union([z.literal('').transform(() => null), realDate('atw.error.decidedOn')])
      .nullable()
      .default(null),
    outcome: z
      .union([z.literal('').transform(() => null), z.enum(DWP_OUTCOMES, { error: 'atw.error.outcome' })])
      .nullable()
      .default(null),
  })
  .superRefine((v, ctx) => {
    if (v.decidedOn && v.decidedOn < v.submittedOn) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'atw.error.decidedBefore' });
    if ((v.decidedOn === null) !== (v.outcome === null)) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'atw.error.outcomeWithDate' });
  });

export const passportSchema = z.object({
  adjustments: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(ADJUSTMENTS, { error: 'atw.error.adjustment' })).max(ADJUSTMENTS.length),
  ),
  inTheirWords: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(2000, 'atw.error.words')),
  shared: z.preprocess((v) => v === true || v === 'yes', z.boolean()),
});

export const countersignAmountSchema = z.object({
  amount: z.coerce.number({ error: 'atw.error.amount' }).min(0, 'atw.error.amount').max(1_000_000, 'atw.error.amount'),
});
