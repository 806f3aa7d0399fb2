import { defineOperation } from '../../../platform/http/api-routes.ts';
import { universalCredit } from '../universal-credit-rules.ts';
import { householdSchema, ucResultSchema } from '../universal-credit-schemas.ts';

/**
 * `/api/v1/calculations`: policy calculations over input the caller sends, with `calculations:read`.
 * Nothing is read from or written to the database; the same input always gives the same answer.
 */
export function calculationOperations() {
  return [
    defineOperation({
      method: 'POST',
      path: '/api/v1/calculations/universal-credit',
      operationId: 'calculateUniversalCredit',
      summary: 'Calculate the Universal Credit award for one household in one monthly assessment period, with its reasons and the parameters used',
      tag: 'Calculations',
      scope: 'calculations:read',
      body: householdSchema,
      response: ucResultSchema,
      status: 200,
      handler: async ({ body }) => universalCredit(body),
    }),
  ];
}
