import { z } from 'zod';
import { defineOperation } from '../../../platform/http/api-routes.ts';
import { retentionReferralSchema } from '../retention-schemas.ts';
import type { RetentionService } from '../retention-service.ts';

/*
 * `POST /api/v1/retention-referrals`: a system client (`referrals:write`) sends an in-work
 * retention referral: the referral as every route sends it (see the referrals API), the retention
 * details (who refers: gp, employer, occupational-health or self; employer, job, hours, absence,
 * the employer consent) and, optionally, the fit note. An employer's referral without the person's
 * consent is 422, like every other bad answer. A referral marked `self` is routed as a self-referral.
 */
const createdSchema = z.object({ referralId: z.uuid(), reference: z.string(), teamName: z.string() });

export function retentionOperations(retention: RetentionService) {
  return [
    defineOperation({
      method: 'POST',
      path: '/api/v1/retention-referrals',
      operationId: 'createRetentionReferral',
      summary: 'Refer someone in work whose health puts their job at risk, with the retention details and the fit note',
      tag: 'In-work retention',
      scope: 'referrals:write',
      body: retentionReferralSchema,
      response: createdSchema,
      status: 201,
      handler: async ({ principal, body }) => retention.refer(principal, body.retention.referredBy === 'self' ? 'self' : 'clinician', body),
    }),
  ];
}
