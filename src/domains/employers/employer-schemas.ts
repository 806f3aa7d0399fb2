import { z } from 'zod';
import { amount, isoDate } from '../../platform/errors/index.ts';
import { normalisePostcode } from '../referrals/index.ts';
import { DAYS, FLEXIBLE_OPTIONS, SHIFTS, WORKPLACES } from './matching.ts';
import { CONTRACT_TYPES, DISABILITY_CONFIDENT, SHAREABLE_FIELDS, SIZE_BANDS, VACANCY_STATUSES } from './vacancy.ts';

// Messages are catalogue keys: pages show them in English or Welsh, machines get them as they are.
const text = (max: number, required: string) => z.string({ error: required }).trim().min(1, required).max(max, 'employers.error.tooLong');
const optionalText = (max: number) => z.string({ error: 'employers.error.text' }).trim().max(max, 'employers.error.tooLong').default('');
/** Checkbox groups arrive as one string, several, or none; JSON sends an array. */
const many = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.enum(values), z.array(z.enum(values))], { error: message })
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])]);
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', 'on', 'yes', 'no'])], { error: 'employers.error.flag' })
  .optional()
  .transform((v) => v === true || v === 'true' || v === 'on' || v === 'yes');
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Adjustments as slugs: a list, or comma- or line-separated text from a form. */
const slugList = (message: string) =>
  z
    .union([z.array(z.string()), z.string()], { error: message })
    .optional()
    .transform((v) => [
      ...new Set(
        (v === undefined ? [] : Array.isArray(v) ? v : v.split(/[,\n]/)).map((s) => s.trim().toLowerCase().replace(/\s+/g, '-')).filter((s) => s !== ''),
      ),
    ])
    .refine((list) => list.length <= 30 && list.every((s) => SLUG.test(s) && s.length <= 60), message);
/** SOC codes: a list, or space- or comma-separated text. */
const socList = (digits: string, message: string) =>
  z
    .union([z.array(z.string()), z.string()], { error: message })
    .optional()
    .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : v.split(/[\s,]+/)).map((s) => s.trim()).filter((s) => s !== ''))])
    .refine((list) => list.length <= 30 && list.every((s) => new RegExp(`^[0-9]{${digits}}$`).test(s)), message);
export const postcodeSchema = z
  .string({ error: 'employers.error.postcode' })
  .transform((v) => normalisePostcode(v) ?? '')
  .refine((v) => v !== '', 'employers.error.postcode');

export const employerSchema = z.object({
  name: text(200, 'employers.error.name'),
  sector: text(100, 'employers.error.sector'),
  sizeBand: z.enum(SIZE_BANDS, { error: 'employers.error.sizeBand' }),
  nhsBody: flag,
  growthSectors: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])]),
  disabilityConfident: z.enum(DISABILITY_CONFIDENT, { error: 'employers.error.disabilityConfident' }).default('none'),
  /** An NHS ODS code or Companies House number: the same body in several tenants (ADR 0026). */
  identifierKind: z.enum(['ods', 'companies-house', 'charity']).optional(),
  identifier: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z0-9]{3,10})?$/, 'employers.error.identifier')
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** Creating an employer also creates the organisation its users belong to. */
  contactName: optionalText(200),
  contactEmail: optionalText(200),
  contactPhone: optionalText(50),
  sitePostcode: z.union([z.literal(''), postcodeSchema]).optional(),
});
export type EmployerInput = z.output<typeof employerSchema>;

export const vacancySchema = z
  .object({
    title: text(200, 'employers.error.title'),
    description: optionalText(8000),
    soc: z
      .string({ error: 'employers.error.soc' })
      .trim()
      .regex(/^\d{4}$/, 'employers.error.soc'),
    hoursMin: amount(0, 100, 'employers.error.hours'),
    hoursMax: amount(0.5, 100, 'employers.error.hours'),
    days: many(DAYS, 'employers.error.days'),
    shifts: many(SHIFTS, 'employers.error.shifts'),
    patternNote: optionalText(500),
    workplace: z.enum(WORKPLACES, { error: 'employers.error.workplace' }),
    flexibleOptions: many(FLEXIBLE_OPTIONS, 'employers.error.flexible'),
    adjustmentsOffered: slugList('employers.error.adjustments'),
    payHourly: amount(0, 1000, 'employers.error.pay'),
    contractType: z.enum(CONTRACT_TYPES, { error: 'employers.error.contract' }),
    postcode: postcodeSchema,
    closingDate: isoDate('employers.error.closingDate'),
    /** Post it now, or keep it as a draft. */
    status: z.enum(['draft', 'open'], { error: 'employers.error.status' }).default('open'),
    /** Which of the specialist's employers (a staff form); an employer user posts only its own. */
    employerId: z.uuid('employers.error.employer').optional(),
    externalRef: z.string().trim().max(100).optional(),
  })
  .refine((v) => v.hoursMin <= v.hoursMax, { path: ['hoursMax'], message: 'employers.error.hoursOrder' });
export type VacancyInput = z.output<typeof vacancySchema>;

export const vacancyStatusSchema = z.object({ status: z.enum(VACANCY_STATUSES, { error: 'employers.error.status' }) });

export const workProfileSchema = z
  .object({
    occupationsWanted: socList('1,4', 'employers.error.socList'),
    occupationsExcluded: socList('1,4', 'employers.error.socList'),
    hoursMin: amount(0, 100, 'employers.error.hours'),
    hoursMax: amount(0.5, 100, 'employers.error.hours'),
    days: many(DAYS, 'employers.error.days'),
    shifts: many(SHIFTS, 'employers.error.shifts'),
    caringWindows: optionalText(1000),
    fluctuating: flag,
    fluctuationNeeds: optionalText(1000),
    flexibilityNeeded: many(FLEXIBLE_OPTIONS, 'employers.error.flexible'),
    adjustmentsNeeded: slugList('employers.error.adjustments'),
    postcode: postcodeSchema,
    maxTravelKm: amount(0, 200, 'employers.error.travel'),
    travelModes: many(['walk', 'cycle', 'bus', 'train', 'car'] as const, 'employers.error.travelModes'),
    payFloorHourly: amount(0, 1000, 'employers.error.pay'),
  })
  .refine((v) => v.hoursMin <= v.hoursMax, { path: ['hoursMax'], message: 'employers.error.hoursOrder' });
export type WorkProfileInput = z.output<typeof workProfileSchema>;

export const engagementSchema = z.object({
  employerId: z.uuid('employers.error.employer'),
  mode: z.enum(['in-person', 'phone', 'video', 'email'], { error: 'employers.error.mode' }),
  purpose: z.enum(['job-development', 'introduction', 'in-work-support', 'other'], { error: 'employers.error.purpose' }),
  note: optionalText(2000),
});

export const introductionSchema = z.object({
  vacancyId: z.uuid('employers.error.vacancy'),
  /** The fields the person agreed to share: at least one, and the specialist confirms they agreed. */
  shared: many(SHAREABLE_FIELDS, 'employers.error.shared').refine((v) => v.length > 0, 'employers.error.shared'),
  personAgreed: flag.refine((v) => v, 'employers.error.personAgreed'),
  summary: optionalText(2000),
});

export const interviewSchema = z.object({ interviewDate: isoDate('employers.error.interviewDate') });
export const offerSchema = z.object({
  hoursPerWeek: amount(0.5, 100, 'employers.error.hours'),
  payHourly: amount(0, 1000, 'employers.error.pay'),
  startDate: isoDate('employers.error.startDate'),
  contractType: z.enum(CONTRACT_TYPES, { error: 'employers.error.contract' }),
});
export const declineSchema = z.object({ reason: text(500, 'employers.error.declineReason') });
