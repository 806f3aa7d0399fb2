import { defineOperation } from '../../../platform/http/api-routes.ts';
import type { AssessmentInput } from '../access-to-work.ts';
import { accessToWork } from '../access-to-work-rules.ts';
import { assessmentInputSchema, assessmentSchema } from '../access-to-work-schemas.ts';

/**
 * `POST /api/v1/access-to-work/assessments`: the Access to Work assessment over input the caller
 * sends, with `calculations:read`. Nothing is read or written; the same input gives the same answer.
 */
export function assessmentOperations() {
  return [
    defineOperation({
      method: 'POST',
      path: '/api/v1/access-to-work/assessments',
      operationId: 'assessAccessToWork',
      summary:
        'Assess Access to Work for one person on one date: eligibility with the reasons that decided it, the yearly estimate by need, the employer share and the cap, and the parameters used',
      tag: 'Access to Work',
      scope: 'calculations:read',
      body: assessmentInputSchema,
      response: assessmentSchema,
      status: 200,
      handler: async ({ body }) => accessToWork(body as AssessmentInput),
    }),
  ];
}
