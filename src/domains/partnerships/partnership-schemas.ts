import { z } from 'zod';
import { isoDate } from '../../platform/errors/index.ts';
import { PROGRESS_COHORTS, PROGRESS_MEASURES } from '../outcomes/index.ts';
import { AGREEMENT_PURPOSES, ARTICLE6, ARTICLE9, DATA_CATEGORIES } from './agreement-rules.ts';
import { PARTNER_KINDS, PLAN_PROGRAMMES } from './partnership.ts';

// Messages are catalogue keys: pages show them in English or Welsh.
const text = (max: number, key: string) =>
  z
    .string({ error: `${key}` })
    .trim()
    .min(1, key)
    .max(max, `${key}Length`);
const count = (key: string) => z.coerce.number({ error: key }).int(key).min(0, key).max(10_000_000, key);
const many = <T extends readonly [string, ...string[]]>(values: T, key: string) =>
  z
    .union([z.enum(values), z.array(z.enum(values))], { error: key })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((v) => v.length > 0, key);
const optionalUuid = (key: string) =>
  z
    .uuid(key)
    .optional()
    .transform((v) => v ?? null);

const planDates = z.object({ startsOn: isoDate('plan.error.startsOn'), endsOn: isoDate('plan.error.endsOn') });
export const planSchema = z
  .object({ title: text(200, 'plan.error.title'), ...planDates.shape })
  // Checked whenever both dates are dates, so a missing title and backwards dates show together.
  .refine((v) => v.startsOn < v.endsOn, { path: ['endsOn'], message: 'plan.error.order', when: (p) => planDates.safeParse(p.value).success });

export const targetSchema = z.object({
  measure: z.enum(PROGRESS_MEASURES, { error: 'plan.error.measure' }),
  programme: z.enum(PLAN_PROGRAMMES, { error: 'plan.error.programme' }),
  cohort: z.enum(PROGRESS_COHORTS, { error: 'plan.error.cohort' }),
  baseline: count('plan.error.baseline'),
  target: count('plan.error.target').refine((v) => v > 0, 'plan.error.target'),
});

export const sectorSchema = z.object({
  name: text(100, 'plan.error.sectorName'),
  nameCy: text(100, 'plan.error.sectorNameCy'),
});

export const partnerSchema = z.object({
  name: text(200, 'partners.error.name'),
  kind: z.enum(PARTNER_KINDS, { error: 'partners.error.kind' }),
  role: text(500, 'partners.error.role'),
  organisationId: optionalUuid('partners.error.organisation'),
  directoryOrganisationId: optionalUuid('partners.error.directoryOrganisation'),
});

export const agreementSchema = z
  .object({
    title: text(200, 'agreements.error.title'),
    partnerId: z.uuid('agreements.error.partner'),
    otherParties: z
      .string()
      .trim()
      .max(500, 'agreements.error.otherPartiesLength')
      .optional()
      .transform((v) => v || null),
    purposes: many(AGREEMENT_PURPOSES, 'agreements.error.purposes'),
    dataCategories: many(DATA_CATEGORIES, 'agreements.error.dataCategories'),
    article6: z.enum(ARTICLE6, { error: 'agreements.error.article6' }),
    article9: z
      .enum(ARTICLE9, { error: 'agreements.error.article9' })
      .optional()
      .transform((v) => v ?? null),
    startsOn: isoDate('agreements.error.startsOn'),
    endsOn: isoDate('agreements.error.endsOn'),
  })
  .refine((v) => v.startsOn <= v.endsOn, {
    path: ['endsOn'],
    message: 'agreements.error.order',
    when: (p) => planDates.safeParse({ startsOn: (p.value as Record<string, unknown>).startsOn, endsOn: (p.value as Record<string, unknown>).endsOn }).success,
  })
  // Health data is special category data: UK GDPR Article 9 needs a condition as well as an Article 6 basis.
  .refine((v) => !v.dataCategories.includes('health') || (v.article9 ?? null) !== null, {
    path: ['article9'],
    message: 'agreements.error.article9Needed',
    when: (p) => {
      const v = p.value as Record<string, unknown>;
      const categories = [v.dataCategories].flat();
      return categories.includes('health') && (v.article9 === undefined || v.article9 === null);
    },
  });
