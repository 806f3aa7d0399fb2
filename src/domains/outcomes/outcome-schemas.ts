import { z } from 'zod';
import { isoDate } from '../../platform/errors/index.ts';
import { PROGRAMMES } from '../referrals/index.ts';
import { FIDELITY_KEYS, type FidelityItemKey } from './fidelity-scale.ts';
import { BREAKDOWNS } from './outcome.ts';

const month = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'outcomes.error.month');

/** The dashboard's GET parameters: all optional, every one checked. */
export const dashboardQuerySchema = z
  .object({
    from: month.optional(),
    to: month.optional(),
    team: z.union([z.literal(''), z.uuid('outcomes.error.team')]).optional(),
    by: z.enum(BREAKDOWNS, { error: 'outcomes.error.by' }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'outcomes.error.order' });
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;

/** One IPS fidelity review as the API takes it and the form is turned into: every item with its score and evidence. */
export const fidelityReviewSchema = z.object({
  teamId: z.uuid('fidelity.error.team'),
  reviewedOn: isoDate('fidelity.error.date'),
  reviewer: z.string({ error: 'fidelity.error.reviewer' }).trim().min(1, 'fidelity.error.reviewer').max(200, 'fidelity.error.reviewerLength'),
  items: z
    .array(
      z.object({
        key: z.enum(FIDELITY_KEYS as [FidelityItemKey, ...FidelityItemKey[]], { error: 'fidelity.error.item' }),
        score: z.coerce.number({ error: 'fidelity.error.score' }).int('fidelity.error.score').min(1, 'fidelity.error.score').max(5, 'fidelity.error.score'),
        evidence: z.string({ error: 'fidelity.error.evidence' }).trim().min(1, 'fidelity.error.evidence').max(2000, 'fidelity.error.length'),
        action: z.string().trim().max(2000, 'fidelity.error.length').default(''),
      }),
    )
    .max(FIDELITY_KEYS.length, 'fidelity.error.item'),
});
export type FidelityReviewInput = z.output<typeof fidelityReviewSchema>;

export const fidelityListSchema = z.object({ team: z.union([z.literal(''), z.uuid('outcomes.error.team')]).optional() });

/** The monthly return's parameters: the month (yyyy-mm) and, optionally, one programme. */
export const returnQuerySchema = z.object({
  month: month.optional(),
  programme: z.enum(PROGRAMMES, { error: 'outcomes.error.programme' }).optional(),
});
