import { z } from 'zod';
import { defineOperation } from '../../../platform/http/api-routes.ts';
import { YOUTH_OFFER_TYPES } from '../../participation/index.ts';
import { AIMS, CARING, DECLINE_REASONS, HOUSING, MENTAL_HEALTH, OFFER_STATUSES, type Offer } from '../youth.ts';
import { declineSchema, offerSchema, takeUpSchema, triageSchema } from '../youth-schemas.ts';
import type { YouthService } from '../youth-service.ts';

/*
 * The youth pathway under `/api/v1/cases/{id}/youth`, for the system clients that work cases
 * (`cases:read`, `cases:write`, of the organisation that runs the case's team): read the triage,
 * the clock and the offers; record the triage, an offer, its take-up or its decline. The service
 * decides exactly as it does for the pages: on a voluntary regime, passing on a benefit condition or
 * reporting a decline is 403 with the participation policy's reason, and audited.
 */

const TAG = 'Youth pathway';
const caseIdParams = z.object({ id: z.uuid('The case id must be a UUID') });
const offerParams = caseIdParams.extend({ offerId: z.uuid('The offer id must be a UUID') });

const offerJsonSchema = z.object({
  id: z.uuid(),
  type: z.enum(YOUTH_OFFER_TYPES),
  provider: z.string(),
  details: z.string(),
  offeredOn: z.iso.date(),
  startsOn: z.iso.date().nullable(),
  status: z.enum(OFFER_STATUSES),
  /** True only on the conditional regime, where the participation policy allows passing on a Jobcentre condition. */
  conditionRelayed: z.boolean(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  declineReported: z.boolean(),
  takenUpOn: z.iso.date().nullable(),
  sustainedOn: z.iso.date().nullable(),
  onwardReferralId: z.uuid().nullable(),
});
const offerJson = (o: Offer): z.input<typeof offerJsonSchema> => ({
  id: o.id,
  type: o.type,
  provider: o.provider,
  details: o.details,
  offeredOn: o.offeredOn,
  startsOn: o.startsOn,
  status: o.status,
  conditionRelayed: o.conditionRelayed,
  declineReason: o.declineReason,
  declineReported: o.declineReported,
  takenUpOn: o.takenUpOn,
  sustainedOn: o.sustainedOn,
  onwardReferralId: o.onwardReferralId,
});

const pathwayJsonSchema = z.object({
  caseId: z.uuid(),
  triage: z
    .object({
      aims: z.array(z.enum(AIMS)),
      mentalHealth: z.enum(MENTAL_HEALTH),
      housing: z.enum(HOUSING),
      caring: z.enum(CARING),
    })
    .nullable(),
  clock: z
    .object({
      startsOn: z.iso.date(),
      workingDays: z.number().int(),
      /** `tenant`: the local authority's own setting; `platform policy`: policy/youth-days-to-offer.json. */
      daysSource: z.enum(['tenant', 'platform policy']),
      due: z.iso.date(),
      state: z.enum(['running', 'due-soon', 'breached', 'met', 'met-late']),
      workingDaysLeft: z.number().int().nullable(),
      workingDaysTaken: z.number().int().nullable(),
    })
    .nullable(),
  offers: z.array(offerJsonSchema),
});

/** The youth pathway's operations. */
export function youthOperations(youth: YouthService) {
  const base = '/api/v1/cases/{id}/youth';
  const read = async (principal: Parameters<YouthService['forCase']>[0], caseId: string): Promise<z.input<typeof pathwayJsonSchema>> => {
    const page = await youth.forCase(principal, caseId);
    const p = page.pathway;
    const c = page.clock;
    return {
      caseId,
      triage: p ? { aims: p.aims, mentalHealth: p.mentalHealth, housing: p.housing, caring: p.caring } : null,
      clock:
        p && c
          ? {
              startsOn: p.clockStartsOn,
              workingDays: p.workingDays,
              daysSource: p.daysSource,
              due: c.due,
              state: c.state,
              workingDaysLeft: c.workingDaysLeft,
              workingDaysTaken: c.workingDaysTaken,
            }
          : null,
      offers: page.offers.map(offerJson),
    };
  };
  return [
    defineOperation({
      method: 'GET',
      path: base,
      operationId: 'getYouthPathway',
      summary: 'The young person’s triage (without their own notes), days-to-offer clock and offers',
      tag: TAG,
      scope: 'cases:read',
      params: caseIdParams,
      response: pathwayJsonSchema,
      handler: async ({ principal, params }) => read(principal, params.id),
    }),
    defineOperation({
      method: 'PUT',
      path: `${base}/triage`,
      operationId: 'recordYouthTriage',
      summary: 'Record the triage at first contact; the first one starts the days-to-offer clock. 409 for a case that is not a young person’s',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: triageSchema,
      response: z.object({ caseId: z.uuid(), offerDue: z.iso.date() }),
      handler: async ({ principal, params, body, afterWrite }) => {
        const done = (due: string) => ({ caseId: params.id, offerDue: due });
        const p = await youth.triage(principal, params.id, body, { afterWrite: (tx, r) => afterWrite(tx, done(r.offerDue)) });
        return done(p.offerDue);
      },
    }),
    defineOperation({
      method: 'POST',
      path: `${base}/offers`,
      operationId: 'recordYouthOffer',
      summary:
        'Record an offer as an opportunity. `relayCondition` on a voluntary regime is 403 with the participation policy’s reason, audited; so is obligation wording in `details`',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: offerSchema,
      response: offerJsonSchema,
      status: 201,
      handler: async ({ principal, params, body, afterWrite }) =>
        offerJson(await youth.recordOffer(principal, params.id, body, { afterWrite: (tx, o) => afterWrite(tx, offerJson(o)) })),
    }),
    defineOperation({
      method: 'POST',
      path: `${base}/offers/{offerId}/take-up`,
      operationId: 'takeUpYouthOffer',
      summary: 'The young person took the offer up on a day (not before the offer, not in the future)',
      tag: TAG,
      scope: 'cases:write',
      params: offerParams,
      body: takeUpSchema,
      response: z.object({ offerId: z.uuid(), status: z.literal('taken-up') }),
      handler: async ({ principal, params, body }) => {
        await youth.takeUp(principal, params.id, params.offerId, body);
        return { offerId: params.offerId, status: 'taken-up' as const };
      },
    }),
    defineOperation({
      method: 'POST',
      path: `${base}/offers/{offerId}/decline`,
      operationId: 'declineYouthOffer',
      summary: 'The young person turned the offer down, with their reason. `reportToJobcentre` on a voluntary regime is 403 with the policy’s reason, audited',
      tag: TAG,
      scope: 'cases:write',
      params: offerParams,
      body: declineSchema,
      response: z.object({ offerId: z.uuid(), status: z.literal('declined') }),
      handler: async ({ principal, params, body }) => {
        await youth.decline(principal, params.id, params.offerId, body);
        return { offerId: params.offerId, status: 'declined' as const };
      },
    }),
  ];
}
