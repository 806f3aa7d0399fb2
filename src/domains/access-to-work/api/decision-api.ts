import { z } from 'zod';
import { NotFound } from '../../../platform/errors/index.ts';
import { defineOperation } from '../../../platform/http/api-routes.ts';
import { DECISION_STATUSES, type Decision, DWP_OUTCOMES, NEED_CATEGORIES } from '../access-to-work.ts';
import type { AccessToWorkService } from '../access-to-work-service.ts';
import { applicationSchema, convertSchema, decisionRequestSchema, withdrawSchema } from '../decision-schemas.ts';

/*
 * Decisions in principle under `/api/v1/cases/{id}/access-to-work`: the system clients that work
 * cases (`cases:read`, `cases:write`, of the organisation that runs the case's team) list and read a
 * case's decisions, draft one from an assessment, issue, withdraw and convert it, and record when
 * the real application went in and what DWP decided. The service decides exactly as it does for the
 * pages (a client of another organisation or tenant gets 404; only a team lead countersigns, so a
 * decision above the amount is issued from the pages after a team lead's countersignature).
 *
 * A decision is read as its status, dates, categories with ranges and figures: never the answers it
 * was assessed on (how long the condition is expected to last, the needs' details) nor the reasons
 * that quote them, which stay on the case page for the team working with the person. A person not
 * eligible gets no draft: the 422 names each rule not met, one issue per rule (`eligible.<code>`).
 */

const TAG = 'Access to Work';
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

const caseIdParams = z.object({ id: z.uuid('The case id must be a UUID') });
const decisionParams = caseIdParams.extend({ decisionId: z.uuid('The decision id must be a UUID') });

const decisionJsonSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  status: z.enum(DECISION_STATUSES),
  assessedOn: z.iso.date(),
  /** Each category with its indicative yearly range in pounds (platform policy: the estimate ± a margin, held to the cap). */
  categories: z.array(z.object({ category: z.enum(NEED_CATEGORIES), low: z.number(), high: z.number() })),
  /** Bridgework's yearly estimates in pounds; DWP sets the real amount. */
  estimate: z.object({ annualTotal: z.number(), employerContribution: z.number(), accessToWorkContribution: z.number(), capApplied: z.boolean() }),
  needsCountersign: z.boolean(),
  countersignedAt: z.iso.datetime().nullable(),
  issuedAt: z.iso.datetime().nullable(),
  validFrom: z.iso.date().nullable(),
  /** The last valid day. An issued decision past it reads `expired` here, as the public check shows it, before the sweep marks it. */
  validUntil: z.iso.date().nullable(),
  /** The code the letter carries, for the organisation's own case system to print; the public check shows only validity, dates, categories and ranges. */
  verificationCode: z.string().nullable(),
  convertedAt: z.iso.datetime().nullable(),
  job: z.object({ employer: z.string(), role: z.string(), startDate: z.iso.date(), hoursPerWeek: z.number() }).nullable(),
  applicationSubmittedOn: z.iso.date().nullable(),
  dwpDecidedOn: z.iso.date().nullable(),
  dwpOutcome: z.enum(DWP_OUTCOMES).nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawnReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});

/** Built field by field, so the assessment's answers and reasons cannot ride along. */
const decisionJson = (d: Decision, today: string): z.input<typeof decisionJsonSchema> => ({
  id: d.id,
  caseId: d.caseId,
  status: d.status === 'issued' && d.validUntil !== null && d.validUntil < today ? 'expired' : d.status,
  assessedOn: d.assessedOn,
  categories: d.categories.map((c) => ({ category: c.category, low: c.low, high: c.high })),
  estimate: {
    annualTotal: d.assessment.estimate.annualTotal,
    employerContribution: d.assessment.estimate.employerContribution,
    accessToWorkContribution: d.accessToWorkAnnual,
    capApplied: d.assessment.estimate.capApplied,
  },
  needsCountersign: d.needsCountersign,
  countersignedAt: isoOrNull(d.countersignedAt),
  issuedAt: isoOrNull(d.issuedAt),
  validFrom: d.validFrom,
  validUntil: d.validUntil,
  verificationCode: d.verificationCode,
  convertedAt: isoOrNull(d.convertedAt),
  job: d.job ? { employer: d.job.employer, role: d.job.role, startDate: d.job.startDate, hoursPerWeek: d.job.hoursPerWeek } : null,
  applicationSubmittedOn: d.applicationSubmittedOn,
  dwpDecidedOn: d.dwpDecidedOn,
  dwpOutcome: d.dwpOutcome,
  withdrawnAt: isoOrNull(d.withdrawnAt),
  withdrawnReason: d.withdrawnReason,
  createdAt: iso(d.createdAt),
  version: d.version,
});

const draftedSchema = z.object({ id: z.uuid(), caseId: z.uuid(), status: z.literal('draft') });
const movedSchema = (status: 'issued' | 'withdrawn' | 'converted') => z.object({ caseId: z.uuid(), decisionId: z.uuid(), status: z.literal(status) });
const issuedSchema = movedSchema('issued').extend({ validFrom: z.iso.date(), validUntil: z.iso.date(), verificationCode: z.string() });
const applicationRecordedSchema = z.object({
  caseId: z.uuid(),
  decisionId: z.uuid(),
  applicationSubmittedOn: z.iso.date(),
  dwpDecidedOn: z.iso.date().nullable(),
  dwpOutcome: z.enum(DWP_OUTCOMES).nullable(),
});

/** The decision operations. Refusals come back as problem details with the pages' messages in English. */
export function decisionOperations(atw: AccessToWorkService) {
  const base = '/api/v1/cases/{id}/access-to-work/decisions';
  return [
    defineOperation({
      method: 'GET',
      path: base,
      operationId: 'listAccessToWorkDecisions',
      summary: 'List the case’s Access to Work decisions in principle, newest first: status, validity, categories with ranges and the estimate',
      tag: TAG,
      scope: 'cases:read',
      params: caseIdParams,
      response: z.object({ items: z.array(decisionJsonSchema) }),
      handler: async ({ principal, params }) => {
        const data = await atw.forCase(principal, params.id);
        return { items: data.decisions.map((d) => decisionJson(d, data.today)) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: `${base}/{decisionId}`,
      operationId: 'getAccessToWorkDecision',
      summary: 'Get one Access to Work decision in principle of the case',
      tag: TAG,
      scope: 'cases:read',
      params: decisionParams,
      response: decisionJsonSchema,
      handler: async ({ principal, params }) => {
        const data = await atw.forCase(principal, params.id);
        const d = data.decisions.find((x) => x.id === params.decisionId);
        if (!d) throw new NotFound('decision in principle', params.decisionId);
        return decisionJson(d, data.today);
      },
    }),
    defineOperation({
      method: 'POST',
      path: base,
      operationId: 'draftAccessToWorkDecision',
      summary:
        'Assess the person (age from their date of birth, today’s date) and draft a decision in principle; not eligible is 422 with one issue per rule not met',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: decisionRequestSchema,
      response: draftedSchema,
      status: 201,
      handler: async ({ principal, params, body, afterWrite }) => {
        const drafted = (id: string) => ({ id, caseId: params.id, status: 'draft' as const });
        return drafted(await atw.assess(principal, params.id, body, { afterWrite: (tx, id) => afterWrite(tx, drafted(id)) }));
      },
    }),
    defineOperation({
      method: 'POST',
      path: `${base}/{decisionId}/issue`,
      operationId: 'issueAccessToWorkDecision',
      summary: 'Issue a draft: its validity (platform policy) and verification code. 409 if it needs a team lead’s countersignature first',
      tag: TAG,
      scope: 'cases:write',
      params: decisionParams,
      response: issuedSchema,
      handler: async ({ principal, params, afterWrite }) => {
        const issued = (r: { validFrom: string; validUntil: string; verificationCode: string }) => ({
          caseId: params.id,
          decisionId: params.decisionId,
          status: 'issued' as const,
          ...r,
        });
        return issued(await atw.issue(principal, params.id, params.decisionId, { afterWrite: (tx, r) => afterWrite(tx, issued(r)) }));
      },
    }),
    defineOperation({
      method: 'POST',
      path: `${base}/{decisionId}/withdraw`,
      operationId: 'withdrawAccessToWorkDecision',
      summary: 'Withdraw a draft or issued decision with a reason (also once the case has closed); converted, expired and withdrawn are final (409)',
      tag: TAG,
      scope: 'cases:write',
      params: decisionParams,
      body: withdrawSchema,
      response: movedSchema('withdrawn'),
      handler: async ({ principal, params, body, afterWrite }) => {
        const moved = { caseId: params.id, decisionId: params.decisionId, status: 'withdrawn' as const };
        await atw.withdraw(principal, params.id, params.decisionId, body, { afterWrite: (tx) => afterWrite(tx, moved) });
        return moved;
      },
    }),
    defineOperation({
      method: 'POST',
      path: `${base}/{decisionId}/convert`,
      operationId: 'convertAccessToWorkDecision',
      summary: 'The person has a job offer: the issued, still valid decision is converted, holding the job, and its application pack can be printed',
      tag: TAG,
      scope: 'cases:write',
      params: decisionParams,
      body: convertSchema,
      response: movedSchema('converted'),
      handler: async ({ principal, params, body, afterWrite }) => {
        const moved = { caseId: params.id, decisionId: params.decisionId, status: 'converted' as const };
        await atw.convert(principal, params.id, params.decisionId, body, { afterWrite: (tx) => afterWrite(tx, moved) });
        return moved;
      },
    }),
    defineOperation({
      method: 'PUT',
      path: `${base}/{decisionId}/application`,
      operationId: 'recordAccessToWorkApplication',
      summary:
        'Record when the real application went in and, once known, when DWP decided and what (for the time from offer to support in place); converted decisions only',
      tag: TAG,
      scope: 'cases:write',
      params: decisionParams,
      body: applicationSchema,
      response: applicationRecordedSchema,
      handler: async ({ principal, params, body, afterWrite }) => {
        const recorded = {
          caseId: params.id,
          decisionId: params.decisionId,
          applicationSubmittedOn: body.submittedOn,
          dwpDecidedOn: body.decidedOn,
          dwpOutcome: body.outcome,
        };
        await atw.recordApplication(principal, params.id, params.decisionId, body, { afterWrite: (tx) => afterWrite(tx, recorded) });
        return recorded;
      },
    }),
  ];
}
