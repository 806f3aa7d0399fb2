import { z } from 'zod';
import { parseInput } from '../../platform/errors/index.ts';
import { type Assessment, type AssessmentInput, NATIONS, NEED_CATEGORIES, REASON_CODES, WORK_STATUSES } from './access-to-work.ts';
import { ASSESSMENT_FROM } from './access-to-work-parameters.ts';

/*
 * The fixed input shape of the Access to Work assessment, shared by the API and the command line:
 *
 *   {"date":"2026-01-15","person":{"age":34,"nation":"wales","conditionExpectedMonths":24,
 *    "work":{"status":"job-offer","hoursPerWeek":30,"claimsUniversalCredit":true,"employerSize":120,"weeksInJob":-2}},
 *    "needs":[{"category":"equipment","cost":1800},{"category":"support-worker","hoursPerWeek":5,"hourlyRate":18}]}
 *
 * Objects are strict: a key the assessment does not know is an error, never ignored. Money is in
 * pounds with at most two decimals. Messages are plain English for whoever sent the input.
 */

const MAX_MONEY = 1_000_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

const money = (what: string) =>
  z
    .number({ error: `Give ${what} in pounds as a number, such as 250.50.` })
    .min(0, `${what} cannot be negative.`)
    .max(MAX_MONEY, `${what} is more than £${MAX_MONEY.toLocaleString('en-GB')}: check it.`)
    .refine(twoDecimals, `Give ${what} in pounds with at most two decimals.`);

const hours = (what: string, max: number) =>
  z
    .number({ error: `Give ${what} as a number.` })
    .min(0, `${what} cannot be negative.`)
    .max(max, `${what} cannot be more than ${max}.`)
    .refine(twoDecimals, `Give ${what} with at most two decimals.`);

const isRealDate = (value: string) => {
  if (!ISO_DATE.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
};

export const needSchema = z.discriminatedUnion(
  'category',
  [
    z.strictObject({ category: z.literal('equipment'), cost: money('the equipment cost') }),
    z.strictObject({ category: z.literal('adaptation'), cost: money('the adaptation cost') }),
    z.strictObject({
      category: z.literal('support-worker'),
      hoursPerWeek: hours('the support worker hours a week', 168),
      hourlyRate: money('the hourly rate'),
    }),
    z.strictObject({
      category: z.literal('travel'),
      weeklyCost: money('the weekly travel cost'),
      normalWeeklyCommuteCost: money('the normal weekly commute cost'),
    }),
    z.strictObject({ category: z.literal('interview-communication'), hours: hours('the interview support hours', 100), hourlyRate: money('the hourly rate') }),
    z.strictObject({ category: z.literal('mental-health-support') }),
  ],
  { error: `Each need needs a category: one of ${NEED_CATEGORIES.join(', ')}.` },
);

export const assessmentInputSchema = z
  .strictObject({
    date: z.string({ error: 'Enter the date as yyyy-mm-dd, such as 2026-01-15.' }).superRefine((value, ctx) => {
      if (!isRealDate(value)) ctx.addIssue({ code: 'custom', message: 'Enter the date as a real calendar day in the form yyyy-mm-dd, such as 2026-01-15.' });
      else if (value < ASSESSMENT_FROM)
        ctx.addIssue({ code: 'custom', message: `Bridgework holds Access to Work figures from ${ASSESSMENT_FROM}: give a date on or after it.` });
    }),
    person: z.strictObject({
      age: z
        .number({ error: 'Give the age in whole years.' })
        .int('Give the age in whole years.')
        .min(0, 'The age cannot be negative.')
        .max(120, 'Check the age.'),
      nation: z.enum(NATIONS, { error: `The nation is one of ${NATIONS.join(', ')}.` }),
      conditionExpectedMonths: z
        .number({ error: 'Give how many months the condition has lasted or is likely to last, as a number.' })
        .min(0, 'The months cannot be negative.')
        .max(1200, 'Check the months.'),
      work: z.strictObject({
        status: z.enum(WORK_STATUSES, { error: `The work status is one of ${WORK_STATUSES.join(', ')}.` }),
        hoursPerWeek: hours('the hours a week', 168).optional(),
        claimsUniversalCredit: z.boolean({ error: 'claimsUniversalCredit is true or false.' }).optional(),
        employerSize: z
          .number({ error: 'Give the employer size as its number of staff.' })
          .int('Give the employer size in whole staff.')
          .min(0)
          .max(10_000_000)
          .optional(),
        weeksInJob: z
          .number({ error: 'Give the weeks in the job as a whole number.' })
          .int('Give the weeks in the job as a whole number.')
          .min(-520, 'Check the weeks in the job.')
          .max(5200, 'Check the weeks in the job.')
          .optional(),
      }),
    }),
    needs: z.array(needSchema, { error: 'needs is a list of needs.' }).max(30, 'Give at most 30 needs.'),
  })
  .superRefine((input, ctx) => {
    const work = input.person.work;
    const inWork = work.status === 'employed' || work.status === 'self-employed' || work.status === 'job-offer';
    if (work.claimsUniversalCredit && inWork && work.hoursPerWeek === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['person', 'work', 'hoursPerWeek'],
        message: 'A Universal Credit claimant qualifies only when working more than 1 hour a week: give the hours a week.',
      });
    if (work.status === 'employed' && work.weeksInJob === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['person', 'work', 'weeksInJob'],
        message: 'Give the weeks from the job start to the application: it decides whether the employer shares the cost.',
      });
    if (work.status === 'employed' && work.weeksInJob !== undefined && work.weeksInJob < 0)
      ctx.addIssue({
        code: 'custom',
        path: ['person', 'work', 'weeksInJob'],
        message: 'Someone employed has started the job: weeksInJob cannot be negative (use job-offer before the start).',
      });
    const shares = input.needs.some((n) => n.category === 'equipment' || n.category === 'adaptation');
    if (shares && work.status === 'employed' && work.employerSize === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['person', 'work', 'employerSize'],
        message: "Give the employer's number of staff: it decides the employer's share of equipment and adaptation costs.",
      });
  });

export function parseAssessmentInput(input: unknown): AssessmentInput {
  return parseInput(assessmentInputSchema, input) as AssessmentInput;
}

const reasonSchema = z.object({ code: z.enum(REASON_CODES), text: z.string(), values: z.record(z.string(), z.union([z.number(), z.string()])) });

/** The answer, for the OpenAPI document. */
export const assessmentSchema = z.object({
  date: z.string(),
  eligible: z.boolean(),
  canApplyNow: z.boolean(),
  reasons: z.array(reasonSchema),
  /** Each rule not met, with its reason: every one that decided "not eligible"; empty when eligible. */
  notEligibleBecause: z.array(reasonSchema),
  estimate: z.object({
    annualTotal: z.number(),
    employerContribution: z.number(),
    accessToWorkContribution: z.number(),
    capApplied: z.boolean(),
    cap: z.number().nullable(),
    categories: z.array(z.object({ category: z.enum(NEED_CATEGORIES), annualCost: z.number(), costShared: z.boolean() })),
  }),
  parameters: z.array(
    z.object({
      name: z.string(),
      value: z.number(),
      unit: z.string(),
      effectiveFrom: z.string(),
      source: z.string(),
      confidence: z.enum(['V', 'S', 'D', 'U']),
    }),
  ),
}) satisfies z.ZodType<Assessment>;
