import { z } from 'zod';
import { isoDate } from '../../platform/errors/index.ts';
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.ts';
import { normalisePostcode } from './postcode.ts';
import {
  BENEFITS,
  CONDITION_CATEGORIES,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  FIT_NOTES,
  LANGUAGES,
  MILESTONES,
  REFERRAL_STATUSES,
  REFERRING_SERVICES,
  REJECTION_REASONS,
  URGENCIES,
} from './referral.ts';

// Messages are catalogue keys: pages show them in English or Welsh, machines get English.
const text = (max: number, required: string, tooLong = 'referrals.error.tooLong') => z.string({ error: required }).trim().min(1, required).max(max, tooLong);
const optionalText = (max: number) =>
  z
    .string({ error: 'referrals.error.text' })
    .trim()
    .max(max, 'referrals.error.tooLong')
    .optional()
    .transform((v) => (v ? v : null));

const nhsNumber = z
  .string({ error: 'referrals.error.nhsNumber' })
  .trim()
  .optional()
  .transform((v) => (v ? normaliseNhsNumber(v) : null))
  .refine((v) => v === null || isValidNhsNumber(v), 'referrals.error.nhsNumber');

const postcode = z
  .string({ error: 'referrals.error.postcode' })
  .transform((v) => normalisePostcode(v))
  .refine((v): v is string => v !== null, 'referrals.error.postcode')
  .transform((v) => v as string);

const email = z
  .string({ error: 'referrals.error.email' })
  .trim()
  .max(254, 'referrals.error.email')
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'referrals.error.email');

const phone = z
  .string({ error: 'referrals.error.phone' })
  .trim()
  .optional()
  .transform((v) => (v ? v.replace(/[\s()-]/g, '') : null))
  .refine((v) => v === null || /^(\+44|0)\d{9,10}$/.test(v), 'referrals.error.phone');

const someOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.array(z.enum(values, { error: message }), { error: message }).max(values.length, message);

/** The person's fields without cross-field rules, so each question page can check its own part. */
export const personFields = z.object({
  givenName: text(100, 'referrals.error.givenName'),
  familyName: text(100, 'referrals.error.familyName'),
  dateOfBirth: isoDate('referrals.error.dateOfBirth'),
  nhsNumber,
  addressLine1: text(200, 'referrals.error.addressLine1'),
  addressLine2: optionalText(200),
  town: optionalText(100),
  postcode,
  phone,
  email,
  preferredLanguage: z.enum(LANGUAGES, { error: 'referrals.error.language' }),
  contactMethod: z.enum(CONTACT_METHODS, { error: 'referrals.error.contactMethod' }),
  doNotContact: someOf(['phone', 'text', 'email', 'post'] as const, 'referrals.error.doNotContact').default([]),
});

export const personSchema = personFields.superRefine((p, ctx) => {
  const needs = { email: p.email, phone: p.phone, text: p.phone, post: p.addressLine1 } as const;
  if (!needs[p.contactMethod]) ctx.addIssue({ code: 'custom', path: ['contactMethod'], message: 'referrals.error.contactMethodDetails' });
  if (p.doNotContact.includes(p.contactMethod)) ctx.addIssue({ code: 'custom', path: ['doNotContact'], message: 'referrals.error.doNotContactPreferred' });
});

export const contextFields = z.object({
  referringService: z.enum(REFERRING_SERVICES, { error: 'referrals.error.referringService' }),
  conditionsText: z.string({ error: 'referrals.error.text' }).trim().max(2000, 'referrals.error.tooLong').default(''),
  conditionCategories: someOf(CONDITION_CATEGORIES, 'referrals.error.conditionCategories').default([]),
  fitNote: z.enum(FIT_NOTES, { error: 'referrals.error.fitNote' }),
  fitNoteAdvice: optionalText(1000),
  benefits: someOf(BENEFITS, 'referrals.error.benefits').min(1, 'referrals.error.benefits'),
  helpWanted: text(2000, 'referrals.error.helpWanted'),
  urgency: z.enum(URGENCIES, { error: 'referrals.error.urgency' }),
  notInEducationEmploymentOrTraining: z.boolean({ error: 'referrals.error.youngPerson' }).default(false),
});

export const contextSchema = contextFields.refine((c) => !(c.benefits.includes('none') && c.benefits.length > 1), {
  path: ['benefits'],
  message: 'referrals.error.benefitsNone',
});

export const consentSchema = z.object({
  scopes: someOf(CONSENT_SCOPES, 'referrals.error.consentScopes').refine((s) => s.includes('share-with-employment-team'), 'referrals.error.consentScopes'),
  method: z.enum(CONSENT_METHODS, { error: 'referrals.error.consentMethod' }),
  givenOn: isoDate('referrals.error.consentDate'),
  recordedBy: text(200, 'referrals.error.consentRecordedBy'),
});

export const jobcentreSchema = z.object({
  shortTermUnemployed: z.boolean({ error: 'referrals.error.shortTermUnemployed' }),
  conditionalityRequested: z.boolean({ error: 'referrals.error.conditionality' }),
});

/** Everything a referral carries, whichever route it came by. */
export const createReferralSchema = z.object({
  identifier: z.object({ system: z.string().trim().min(1).max(200), value: z.string().trim().min(1).max(200) }),
  person: personSchema,
  context: contextSchema,
  consent: consentSchema.extend({ active: z.literal(true, { error: 'referrals.error.consentActive' }) }),
  jobcentre: jobcentreSchema.optional(),
  teamId: z.uuid('referrals.error.team').optional(),
});
export type CreateReferralInput = z.output<typeof createReferralSchema>;

export const referralIdSchema = z.object({ id: z.uuid('referrals.error.id') });

const reason = z.string({ error: 'referrals.error.reason' }).trim().max(1000, 'referrals.error.tooLong').optional();

export const transitionSchema = z.object({
  status: z.enum(REFERRAL_STATUSES, { error: 'referrals.error.status' }),
  reason,
  reasonCode: z.enum(REJECTION_REASONS, { error: 'referrals.error.rejectionReason' }).optional(),
  expectedVersion: z.number().int().positive().optional(),
});

export const rejectSchema = z
  .object({ reasonCode: z.enum(REJECTION_REASONS, { error: 'referrals.error.rejectionReason' }), reason })
  .refine((r) => r.reasonCode !== 'other' || Boolean(r.reason), { path: ['reason'], message: 'referrals.error.reasonOther' });

export const acceptSchema = z.object({ specialistUserId: z.uuid('referrals.error.specialist').optional() });
export const milestoneSchema = z.object({ milestone: z.enum(MILESTONES, { error: 'referrals.error.milestone' }) });
export const contactAttemptSchema = z.object({
  outcome: z.enum(CONTACT_OUTCOMES, { error: 'referrals.error.contactOutcome' }),
  note: z.string().trim().max(1000, 'referrals.error.tooLong').optional(),
});
export const rerouteSchema = z.object({ teamId: z.uuid('referrals.error.team'), reason: text(1000, 'referrals.error.rerouteReason') });
