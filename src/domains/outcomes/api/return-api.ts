import { z } from 'zod';
import { defineOperation } from '../../../platform/http/api-routes.ts';
import { RETURN_DIMENSIONS, RETURN_MEASURES } from '../monthly-return.ts';
import { returnQuerySchema } from '../outcome-schemas.ts';
import type { OutcomeService } from '../outcome-service.ts';

const measures = Object.keys(RETURN_MEASURES) as [keyof typeof RETURN_MEASURES, ...(keyof typeof RETURN_MEASURES)[]];
export const monthlyReturnSchema = z.object({
  schemaVersion: z.string(),
  area: z.object({ gssCode: z.string(), name: z.string() }),
  programme: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  threshold: z.number().int(),
  generatedAt: z.string(),
  rows: z.array(
    z.object({
      dimension: z.enum(['total', ...RETURN_DIMENSIONS]),
      value: z.string(),
      measure: z.enum(measures),
      count: z.number().int().nullable(),
      suppressed: z.enum(['small', 'secondary']).nullable(),
    }),
  ),
});

/** `/api/v1/outcomes/monthly-return`: the commissioner's monthly return as JSON (docs/domain/monthly-return.md), with `outcomes:read`. */
export function returnOperations(outcomes: OutcomeService) {
  return [
    defineOperation({
      method: 'GET',
      path: '/api/v1/outcomes/monthly-return',
      operationId: 'getMonthlyReturn',
      summary: 'The monthly management-information return of the caller’s local authority, for one programme or all, suppressed',
      tag: 'Outcomes',
      scope: 'outcomes:read',
      query: returnQuerySchema,
      response: monthlyReturnSchema,
      handler: async ({ principal, query }) => outcomes.monthlyReturn(principal.tenantId, query),
    }),
  ];
}
