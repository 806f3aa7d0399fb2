import { z } from 'zod';
import { normaliseDistrict } from './postcode.ts';
import { PROGRAMMES, REFERRING_SERVICES } from './referral.ts';

/** Form checkboxes arrive as a string or an array; the API sends arrays. */
const many = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values, { error: message }), { error: message }));

const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );

export const teamSchema = z.object({
  name: z.string({ error: 'teams.error.name' }).trim().min(1, 'teams.error.name').max(200, 'teams.error.name'),
  organisationId: z.uuid('teams.error.organisation'),
  services: many(REFERRING_SERVICES, 'teams.error.services').refine((s) => s.length > 0, 'teams.error.services'),
  postcodeDistricts: z.preprocess(
    (v) => (Array.isArray(v) ? v.join(' ') : v),
    z
      .string({ error: 'teams.error.districts' })
      .max(2000, 'teams.error.districts')
      .transform((s) => s.split(/[\s,]+/).filter(Boolean))
      .transform((parts) => parts.map(normaliseDistrict))
      .refine((parts): parts is string[] => parts.every((p) => p !== null), 'teams.error.districts')
      .transform((parts) => [...new Set(parts as string[])]),
  ),
  programmes: many(PROGRAMMES, 'teams.error.programmes').refine((p) => p.length > 0, 'teams.error.programmes'),
  specialists: wholeNumber(0, 500, 'teams.error.specialists'),
  caseloadLimit: wholeNumber(1, 100, 'teams.error.caseloadLimit').default(20),
  accepting: z.preprocess((v) => (v === 'yes' ? true : v === 'no' ? false : v), z.boolean({ error: 'teams.error.accepting' })),
  memberIds: z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid('teams.error.members'))),
});
export type TeamInput = z.output<typeof teamSchema>;
/** A tenant's referral service levels. */
export const referralSettingsSchema = z.object({
  firstContactWorkingDays: wholeNumber(1, 30, 'settings.error.workingDays'),
  youthFirstContactWorkingDays: wholeNumber(1, 30, 'settings.error.workingDays'),
  contactAttemptLimit: wholeNumber(1, 10, 'settings.error.attempts'),
});

export const teamIdSchema = z.object({ id: z.uuid('teams.error.id') });

/**
 * A member's full-time equivalent, for caseloads against the IPS limit per full-time specialist:
 * more than 0 and at most 1, to two decimal places (the column is numeric(3, 2)).
 */
export const fteSchema = z.object({
  fte: z.preprocess(
    (v) => (typeof v === 'string' && /^\s*(0|1)?(\.\d{1,2})?\s*$/.test(v) && /\d/.test(v) ? Number(v) : v),
    z.number({ error: 'teams.error.fte' }).gt(0, 'teams.error.fte').max(1, 'teams.error.fte').multipleOf(0.01, 'teams.error.fte'),
  ),
});
export const memberParamsSchema = z.object({ id: z.uuid('teams.error.id'), userId: z.uuid('teams.error.member') });
