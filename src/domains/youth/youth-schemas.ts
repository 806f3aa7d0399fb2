import { z } from 'zod';
import { isoDate } from '../../platform/errors/index.ts';
import { YOUTH_OFFER_TYPES } from '../participation/index.ts';
import { AIMS, CARING, DECLINE_REASONS, HOUSING, MENTAL_HEALTH } from './youth.ts';
import { TENANT_DAYS_RANGE } from './youth-rules.ts';

// Messages are catalogue keys: pages show them in English or Welsh, the API returns them as they are.
const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, key)
    .optional()
    .transform((v) => v ?? '');
const many = <T extends readonly [string, ...string[]]>(values: T, key: string) =>
  z
    .union([z.enum(values), z.array(z.enum(values))], { error: key })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]))
    .refine((v) => v.length > 0, key);
/** A box ticked on a page ('yes') or a JSON boolean. */
const flag = z
  .union([z.boolean(), z.literal('yes')])
  .optional()
  .transform((v) => v === true || v === 'yes');

export const triageSchema = z.object({
  aims: many(AIMS, 'youth.error.aims'),
  mentalHealth: z.enum(MENTAL_HEALTH, { error: 'youth.error.mentalHealth' }),
  housing: z.enum(HOUSING, { error: 'youth.error.housing' }),
  caring: z.enum(CARING, { error: 'youth.error.caring' }),
  notes: optionalText(2000, 'youth.error.notesLength'),
});

export const offerSchema = z.object({
  type: z.enum(YOUTH_OFFER_TYPES, { error: 'youth.error.type' }),
  provider: z.string({ error: 'youth.error.provider' }).trim().min(1, 'youth.error.provider').max(200, 'youth.error.providerLength'),
  details: optionalText(2000, 'youth.error.detailsLength'),
  offeredOn: isoDate('youth.error.offeredOn'),
  startsOn: isoDate('youth.error.startsOn')
    .nullish()
    .transform((v) => v ?? null),
  /** Pass on a benefit condition the Jobcentre attached: refused on every voluntary regime (participation policy). */
  relayCondition: flag,
  onwardReferralId: z
    .uuid('youth.error.onwardReferral')
    .nullish()
    .transform((v) => v ?? null),
});

export const takeUpSchema = z.object({ takenUpOn: isoDate('youth.error.takenUpOn') });
export const declineSchema = z.object({
  reason: z.enum(DECLINE_REASONS, { error: 'youth.error.declineReason' }),
  note: optionalText(1000, 'youth.error.noteLength'),
  /** Report the decline to the Jobcentre: refused on every voluntary regime (participation policy). */
  reportToJobcentre: flag,
});
export const sustainedSchema = z.object({ on: isoDate('youth.error.sustainedOn') });

export const settingsSchema = z.object({
  // Blank: platform policy.
  daysToOffer: z.union([
    z.literal('').transform(() => null),
    z.null(),
    z.undefined().transform(() => null),
    z.coerce
      .number({ error: 'youth.error.daysToOffer' })
      .int('youth.error.daysToOffer')
      .min(TENANT_DAYS_RANGE.min, 'youth.error.daysToOffer')
      .max(TENANT_DAYS_RANGE.max, 'youth.error.daysToOffer'),
  ]),
});
