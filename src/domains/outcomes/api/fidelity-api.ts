import { z } from 'zod';
import { actorOf } from '../../../platform/auth/index.ts';
import { defineOperation } from '../../../platform/http/api-routes.ts';
import { FIDELITY_BANDS } from '../fidelity-rules.ts';
import { FIDELITY_KEYS, type FidelityItemKey } from '../fidelity-scale.ts';
import type { FidelityReview, FidelityService } from '../fidelity-service.ts';
import { fidelityListSchema, fidelityReviewSchema } from '../outcome-schemas.ts';

const measuredSchema = z.object({
  figure: z.number().nullable(),
  people: z.number().int(),
  suggested: z.number().int().nullable(),
  fewerThan: z.number().int().optional(),
});
export const fidelityReviewResponse = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  team: z.string(),
  reviewedOn: z.iso.date(),
  reviewer: z.string(),
  total: z.number().int().min(25).max(125),
  band: z.enum(FIDELITY_BANDS),
  items: z.array(
    z.object({
      key: z.enum(FIDELITY_KEYS as [FidelityItemKey, ...FidelityItemKey[]]),
      score: z.number().int().min(1).max(5),
      evidence: z.string(),
      action: z.string(),
      measured: measuredSchema.optional(),
    }),
  ),
  createdAt: z.string(),
});

const toJson = (r: FidelityReview) => ({
  id: r.id,
  teamId: r.teamId,
  team: r.teamName,
  reviewedOn: r.reviewedOn,
  reviewer: r.reviewer,
  total: r.total,
  band: r.band,
  items: r.items,
  createdAt: r.createdAt.toISOString(),
});

/**
 * `/api/v1/fidelity-reviews`: a commissioner's or provider's system reads a tenant's IPS fidelity
 * reviews (`outcomes:read`) and records one (`outcomes:write`), with the same rules as the form.
 */
export function fidelityOperations(fidelity: FidelityService) {
  const scope = (tenantId: string) => ({ tenantId, teamIds: null });
  return [
    defineOperation({
      method: 'GET',
      path: '/api/v1/fidelity-reviews',
      operationId: 'listFidelityReviews',
      summary: 'List the IPS fidelity reviews of the caller’s local authority, by team, newest first',
      tag: 'Outcomes',
      scope: 'outcomes:read',
      query: fidelityListSchema,
      response: z.object({ items: z.array(fidelityReviewResponse) }),
      handler: async ({ principal, query }) => ({ items: (await fidelity.list(scope(principal.tenantId), query.team || null)).map(toJson) }),
    }),
    defineOperation({
      method: 'GET',
      path: '/api/v1/fidelity-reviews/{id}',
      operationId: 'getFidelityReview',
      summary: 'Get one IPS fidelity review',
      tag: 'Outcomes',
      scope: 'outcomes:read',
      params: z.object({ id: z.uuid() }),
      response: fidelityReviewResponse,
      handler: async ({ principal, params }) => toJson(await fidelity.get(scope(principal.tenantId), params.id)),
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/fidelity-reviews',
      operationId: 'createFidelityReview',
      summary: 'Record an IPS fidelity review: 25 items, each scored 1 to 5 with evidence, and an action plan for each low item',
      tag: 'Outcomes',
      scope: 'outcomes:write',
      body: fidelityReviewSchema,
      response: fidelityReviewResponse,
      status: 201,
      handler: async ({ principal, body }) => toJson(await fidelity.record(scope(principal.tenantId), actorOf(principal), body)),
    }),
  ];
}
