import { z } from 'zod';
import type { Issue } from '../../platform/errors/index.ts';
import { LCWRA_NEW_CLAIMANT_FROM, UC_RATES_FROM } from './benefit-parameters.ts';
import { REASON_CODES } from './universal-credit.ts';

/*
 * The fixed input shape of the Universal Credit calculation, shared by the API and the command line:
 *
 *   {"date":"2025-06-01","adults":[{"age":30,"lcwra":true,"lcwraSince":"2023-02-01","netEarningsMonthly":1000}],
 *    "children":[{"birthDate":"2016-05-01"}],"housing":{"eligibleRentMonthly":500},
 *    "childcareMonthly":0,"capital":0,"otherIncomeMonthly":0}
 *
 * Optional since the model was completed: adults[].carer, lcw with lcwSince, disabilityBenefit and
 * selfEmployed {gainful, startUpEnds}; children[].disability; housing.inLondon and nonDependants;
 * childBenefit (default true).
 *
 * Objects are strict: a key the calculation does not know is an error, never ignored or guessed at.
 * Messages are plain English for the specialist or developer who sent the input.
 */

/** Far above any household's figures, and well inside whole pence that a double holds exactly. */
export const MAX_MONEY = 10_000_000;
export const MAX_CHILDREN = 20;
const MIN_AGE = 16;
const MAX_AGE = 65;
const CHILD_AGE_LIMIT = 20;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A yyyy-mm-dd string that names a real calendar day. */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}

/** Whole years from a date of birth to a day (a 29 February birthday falls on 1 March in other years). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const longDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1];
  return `${d} ${month} ${y}`;
};

const dateField = (what: string, extra?: (value: string) => string | null) =>
  z.string({ error: `Enter ${what} as a date in the form yyyy-mm-dd, such as 2025-06-01.` }).superRefine((value, ctx) => {
    if (!ISO_DATE.test(value)) ctx.addIssue({ code: 'custom', message: `Enter ${what} as a date in the form yyyy-mm-dd, such as 2025-06-01.` });
    else if (!isRealDate(value)) ctx.addIssue({ code: 'custom', message: `${value} is not a real calendar date: check ${what}.` });
    else {
      const problem = extra?.(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
  });

const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

const money = (what: string) => {
  const message = `Enter ${what} in pounds as a number from 0 to ${MAX_MONEY.toLocaleString('en-GB')} with at most 2 decimal places, such as 1000 or 1000.50.`;
  return z
    .number({ error: message })
    .min(0, { error: message, abort: true })
    .max(MAX_MONEY, { error: message, abort: true })
    .refine(twoDecimals, { error: `Enter ${what} in whole pence: at most 2 decimal places.` });
};

const flag = (what: string) => z.boolean({ error: `${what} must be true or false.` }).default(false);

const unknownKeys = (where: string, fields: readonly string[]) => (issue: { code?: string; keys?: string[] }) => {
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue.keys ?? []).map((k) => `"${k}"`).join(', ');
    return `Remove ${keys}: ${where} has only the fields ${fields.join(', ')}. Check the spelling; unknown fields are refused rather than guessed at.`;
  }
  if (issue.code === 'invalid_type') return `${where.charAt(0).toUpperCase()}${where.slice(1)} must be a JSON object with the fields ${fields.join(', ')}.`;
  return undefined;
};

const ADULT_FIELDS = [
  'age',
  'lcw',
  'lcwSince',
  'lcwra',
  'lcwraSince',
  'lcwraProtected',
  'netEarningsMonthly',
  'carer',
  'disabilityBenefit',
  'selfEmployed',
] as const;

const SELF_EMPLOYED_FIELDS = ['gainful', 'startUpEnds'] as const;
const selfEmployedSchema = z.strictObject(
  {
    gainful: z.boolean({
      error: 'selfEmployed.gainful must be true or false: true when the self-employment is the main job, organised, regular and done for profit.',
    }),
    startUpEnds: dateField('startUpEnds (the last day of the start-up period, when no minimum income floor applies)')
      .optional()
      .transform((v) => v ?? null),
  },
  { error: unknownKeys('selfEmployed', SELF_EMPLOYED_FIELDS) },
);
const AGE_MESSAGE = `Enter the age as a whole number from ${MIN_AGE} to ${MAX_AGE}: Universal Credit is for people aged ${MIN_AGE} or over who are under State Pension age.`;

export const adultSchema = z.strictObject(
  {
    age: z
      .number({ error: AGE_MESSAGE })
      .int({ error: AGE_MESSAGE, abort: true })
      .min(MIN_AGE, { error: AGE_MESSAGE, abort: true })
      .max(MAX_AGE, { error: AGE_MESSAGE }),
    lcw: flag('lcw (limited capability for work)'),
    lcwSince: dateField('lcwSince (when the award first included limited capability for work)')
      .optional()
      .transform((v) => v ?? null),
    lcwra: flag('lcwra (limited capability for work and work-related activity)'),
    lcwraSince: dateField('lcwraSince (when the award first included LCWRA)')
      .optional()
      .transform((v) => v ?? null),
    lcwraProtected: flag('lcwraProtected (meets the severe conditions criteria or is terminally ill)'),
    netEarningsMonthly: money('net earnings a month (after income tax, National Insurance and pension contributions)').default(0),
    carer: flag('carer (cares at least 35 hours a week for a severely disabled person)'),
    disabilityBenefit: flag('disabilityBenefit (gets PIP, DLA, Attendance Allowance or another disability benefit that exempts from the benefit cap)'),
    selfEmployed: selfEmployedSchema.optional().transform((v) => v ?? null),
  },
  { error: unknownKeys('an adult', ADULT_FIELDS) },
);

const CHILD_FIELDS = ['birthDate', 'disability'] as const;
export const childSchema = z.strictObject(
  {
    birthDate: dateField("the child's birthDate"),
    disability: z
      .enum(['none', 'lower', 'higher'], {
        error:
          'disability must be "none", "lower" (the child gets DLA, PIP or Child Disability Payment) or "higher" (the highest rate care component, the enhanced daily living component, or registered blind).',
      })
      .default('none'),
  },
  { error: unknownKeys('a child', CHILD_FIELDS) },
);

export const MAX_NON_DEPENDANTS = 10;
const HOUSING_FIELDS = ['eligibleRentMonthly', 'inLondon', 'nonDependants'] as const;
export const housingSchema = z.strictObject(
  {
    eligibleRentMonthly: money('the eligible rent a month').refine((n) => n > 0, {
      error: 'Enter the eligible rent a month, more than £0, or leave housing out when there are no housing costs.',
    }),
    inLondon: flag('inLondon (the home is in Greater London, for the benefit cap)'),
    nonDependants: z
      .number({
        error: `Enter nonDependants as a whole number from 0 to ${MAX_NON_DEPENDANTS}: the adults living in the home a housing cost contribution is due for.`,
      })
      .int({ error: `Enter nonDependants as a whole number from 0 to ${MAX_NON_DEPENDANTS}.`, abort: true })
      .min(0, { error: `Enter nonDependants as a whole number from 0 to ${MAX_NON_DEPENDANTS}.`, abort: true })
      .max(MAX_NON_DEPENDANTS, { error: `Enter nonDependants as a whole number from 0 to ${MAX_NON_DEPENDANTS}.` })
      .default(0),
  },
  { error: unknownKeys('housing', HOUSING_FIELDS) },
);

const HOUSEHOLD_FIELDS = ['date', 'adults', 'children', 'housing', 'childcareMonthly', 'capital', 'otherIncomeMonthly', 'childBenefit'] as const;

/** The household, parsed: defaults filled in, so the result is a `Household`. */
export const householdSchema = z
  .strictObject(
    {
      date: dateField('the date (the day whose rates apply)', (value) => {
        if (value < UC_RATES_FROM) {
          return `The date ${value} is before ${longDate(UC_RATES_FROM)} (${UC_RATES_FROM}), the first day the Universal Credit rates held here are in force: enter ${UC_RATES_FROM} or later.`;
        }
        return null;
      }),
      adults: z
        .array(adultSchema, { error: 'adults must be a list of one adult, or two for a couple making a joint claim.' })
        .min(1, { error: 'Enter one adult, or two for a couple making a joint claim: adults is empty.' })
        .max(2, { error: 'A Universal Credit claim has one adult, or two for a couple making a joint claim: remove the others.' }),
      children: z
        .array(childSchema, { error: 'children must be a list of children, such as [{"birthDate": "2016-05-01"}].' })
        .max(MAX_CHILDREN, { error: `Enter at most ${MAX_CHILDREN} children.` })
        .default([]),
      housing: housingSchema.optional().transform((v) => v ?? null),
      childcareMonthly: money('childcare costs a month').default(0),
      capital: money('capital (savings and investments)').default(0),
      otherIncomeMonthly: money('other unearned income a month').default(0),
      childBenefit: z.boolean({ error: 'childBenefit must be true or false: false when nobody gets Child Benefit for the children listed.' }).default(true),
    },
    { error: unknownKeys('the household', HOUSEHOLD_FIELDS) },
  )
  .superRefine((h, ctx) => {
    // Rules across fields. A field that failed its own check is still here, so check before using it.
    const dateOk = isRealDate(h.date) && h.date >= UC_RATES_FROM;
    h.adults.forEach((a, i) => {
      const at = (field: string) => ['adults', i, field];
      if (a.lcw && a.lcwra) {
        ctx.addIssue({
          code: 'custom',
          path: at('lcw'),
          message:
            'An adult cannot have both lcw and lcwra: LCWRA already includes limited capability for work. Set lcw to false, or leave it out, when lcwra is true.',
        });
      }
      if (!a.lcwra && a.lcwraSince !== null) {
        ctx.addIssue({
          code: 'custom',
          path: at('lcwraSince'),
          message: 'lcwraSince is only for an adult with LCWRA: set lcwra to true, or remove lcwraSince.',
        });
      }
      if (!a.lcw && a.lcwSince !== null) {
        ctx.addIssue({ code: 'custom', path: at('lcwSince'), message: 'lcwSince is only for an adult with LCW: set lcw to true, or remove lcwSince.' });
      }
      if (a.lcw && a.lcwSince !== null && isRealDate(a.lcwSince) && dateOk && a.lcwSince > h.date) {
        ctx.addIssue({
          code: 'custom',
          path: at('lcwSince'),
          message: `lcwSince (${a.lcwSince}) is after the date calculated (${h.date}): enter when the award first included LCW, on or before the date.`,
        });
      }
      if (a.selfEmployed && !a.selfEmployed.gainful && a.selfEmployed.startUpEnds !== null) {
        ctx.addIssue({
          code: 'custom',
          path: [...at('selfEmployed'), 'startUpEnds'],
          message: 'startUpEnds is only for gainful self-employment: set gainful to true, or remove startUpEnds.',
        });
      }
      if (!a.lcwra && a.lcwraProtected) {
        ctx.addIssue({
          code: 'custom',
          path: at('lcwraProtected'),
          message: 'lcwraProtected is only for an adult with LCWRA: set lcwra to true, or remove lcwraProtected.',
        });
      }
      if (a.lcwra && a.lcwraSince !== null && isRealDate(a.lcwraSince) && dateOk && a.lcwraSince > h.date) {
        ctx.addIssue({
          code: 'custom',
          path: at('lcwraSince'),
          message: `lcwraSince (${a.lcwraSince}) is after the date calculated (${h.date}): enter when the award first included LCWRA, on or before the date.`,
        });
      }
      if (a.lcwra && a.lcwraSince === null && !a.lcwraProtected && dateOk && h.date >= LCWRA_NEW_CLAIMANT_FROM) {
        ctx.addIssue({
          code: 'custom',
          path: at('lcwraSince'),
          message: `Enter lcwraSince, the date the award first included LCWRA: from ${longDate(LCWRA_NEW_CLAIMANT_FROM)} it decides whether the protected LCWRA amount (included before that date) or the lower new-claimant amount applies. If the person meets the severe conditions criteria or is terminally ill, set lcwraProtected to true instead.`,
        });
      }
    });
    h.children.forEach((c, j) => {
      if (!dateOk || !isRealDate(c.birthDate)) return;
      const path = ['children', j, 'birthDate'];
      if (c.birthDate > h.date) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `The child's birthDate (${c.birthDate}) is after the date calculated (${h.date}): enter a child already born.`,
        });
      } else if (ageOn(c.birthDate, h.date) >= CHILD_AGE_LIMIT) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `The child born ${c.birthDate} is ${CHILD_AGE_LIMIT} or over on ${h.date}: Universal Credit counts children under 16, and qualifying young people up to the age of 19 in approved education or training, as children. Remove this child.`,
        });
      }
    });
  });

export type HouseholdInput = z.input<typeof householdSchema>;

/**
 * Issues for people: a key the calculation does not know is reported at its own path
 * (`adults.0.lcwraSinc`), where zod reports it at the object holding it.
 */
export function householdIssues(error: z.ZodError): Issue[] {
  return error.issues.flatMap((i) => {
    const path = i.path.map(String);
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [...path, k].join('.'), message: i.message }));
    return [{ path: path.join('.'), message: i.message }];
  });
}

const pounds = z.number();
const parameterUsedSchema = z.object({
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  effectiveFrom: z.iso.date(),
  source: z.string(),
  confidence: z.enum(['V', 'S', 'D', 'U']),
});

/** The result as the API publishes it (pounds with two decimals). */
export const ucResultSchema = z.object({
  date: z.iso.date(),
  period: z.literal('monthly'),
  award: pounds,
  maximumAmount: pounds,
  elements: z.object({
    standardAllowance: pounds,
    lcwra: pounds.optional(),
    lcw: pounds.optional(),
    carer: pounds.optional(),
    child: pounds.optional(),
    disabledChild: pounds.optional(),
    childcare: pounds.optional(),
    housing: pounds.optional(),
  }),
  deductions: z.object({ earnings: pounds, unearnedIncome: pounds, capitalTariff: pounds, benefitCap: pounds.optional(), total: pounds }),
  workAllowance: pounds,
  reasons: z.array(z.object({ code: z.enum(REASON_CODES), text: z.string(), values: z.record(z.string(), z.union([z.number(), z.string()])) })),
  parameters: z.array(parameterUsedSchema),
});
