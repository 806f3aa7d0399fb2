import { z } from 'zod';
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
