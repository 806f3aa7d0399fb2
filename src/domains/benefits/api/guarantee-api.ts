import { z } from 'zod';
import { defineOperation } from '../../../platform/http/api-routes.ts';
import {
  AWARD_BENEFITS,
  type Award,
  ESA_GROUPS,
  EVIDENCE_KINDS,
  GUARANTEE_STATUSES,
  type Guarantee,
  RULE_CODES,
  type RuleParameter,
  WITHDRAW_REASONS,
} from '../guarantee.ts';
import { awardSchema, createForJobSchema, withdrawSchema } from '../guarantee-schemas.ts';
import type { GuaranteeService } from '../guarantee-service.ts';

/*
 * The bridge-back guarantee under `/api/v1/cases/{id}`: the same system clients that work cases
 * (`cases:read`, `cases:write`, of the organisation that runs the case's team) read the benefit
 * before work and the guarantees, record the benefit, make a guarantee for a job and withdraw one.
 * The guarantee service decides exactly as it does for the pages, through the case's own access
 * rules: a client of another organisation or tenant gets 404. Nothing here is health information
 * (the benefit before work is treated like the benefits on a referral), and each response is built
 * field by field, so nothing else can ride along.
 */

const TAG = 'Bridge-back guarantee';
const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

const caseIdParams = z.object({ id: z.uuid('The case id must be a UUID') });
const guaranteeParams = caseIdParams.extend({ guaranteeId: z.uuid('The guarantee id must be a UUID') });

const awardJsonSchema = z.object({
  id: z.uuid(),
  benefit: z.enum(AWARD_BENEFITS),
  esaGroup: z.enum(ESA_GROUPS).nullable(),
  decisionDate: z.iso.date(),
  evidence: z.array(z.enum(EVIDENCE_KINDS)),
  evidenceNote: z.string(),
  recordedAt: z.iso.datetime(),
});

const guaranteeJsonSchema = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  /** The award the guarantee protects a return to. */
  awardId: z.uuid(),
  /** As of today: an active guarantee past its last protected day reads expired, as the pages show it, before the sweep marks it. */
  status: z.enum(GUARANTEE_STATUSES),
  startsOn: z.iso.date(),
  /** The last day protected. */
  protectedUntil: z.iso.date(),
  protectingRule: z.enum(RULE_CODES),
  /** Every rule that protects, each to its last day; `statutory` is law, otherwise Bridgework's platform policy. */
  rules: z.array(
    z.object({
      rule: z.enum(RULE_CODES),
      until: z.iso.date(),
      statutory: z.boolean(),
      parameters: z.array(z.object({ name: z.string(), value: z.number(), unit: z.string(), source: z.string() })),
    }),
  ),
  remindedAt: z.iso.datetime().nullable(),
  jobEndedOn: z.iso.date().nullable(),
  withdrawnReason: z.enum(WITHDRAW_REASONS).nullable(),
  /** When it was re-stated because a rule it relied on is not law (the ESA 104-week term, revoked in 2012), and the last day it gave before. */
  restatedAt: z.iso.datetime().nullable(),
  restatedFrom: z.iso.date().nullable(),
  /**
   * The code the certificate carries. It is in the API because the organisation's own case system
   * prints the person's letters and certificate, and a certificate without its code cannot be
   * checked. It is no secret from those who may read the case (the benefits page shows it to
   * them too), it reveals only validity and dates at the public check, and the clients that get
   * it are those that work the case already.
   */
  verificationCode: z.string(),
  createdAt: z.iso.datetime(),
});

const benefitsSchema = z.object({ awards: z.array(awardJsonSchema), guarantees: z.array(guaranteeJsonSchema) });

const parameterJson = (p: RuleParameter) => ({ name: p.name, value: p.value, unit: p.unit, source: p.source });

const awardJson = (a: Award): z.input<typeof awardJsonSchema> => ({
  id: a.id,
  benefit: a.benefit,
  esaGroup: a.esaGroup,
  decisionDate: a.decisionDate,
  evidence: [...a.evidence],
  evidenceNote: a.evidenceNote,
  recordedAt: iso(a.recordedAt),
});

const guaranteeJson = (g: Guarantee): z.input<typeof guaranteeJsonSchema> => ({
  id: g.id,
  jobId: g.jobId,
  awardId: g.awardId,
  status: g.status,
  startsOn: g.startsOn,
  protectedUntil: g.protectedUntil,
  protectingRule: g.protectingRule,
  rules: g.rules.applied.map((r) => ({ rule: r.rule, until: r.until, statutory: r.statutory, parameters: r.parameters.map(parameterJson) })),
  remindedAt: isoOrNull(g.remindedAt),
  jobEndedOn: g.jobEndedOn,
  withdrawnReason: g.withdrawnReason,
  restatedAt: isoOrNull(g.restatedAt),
  restatedFrom: g.restatedFrom,
  verificationCode: g.verificationCode,
  createdAt: iso(g.createdAt),
});

const awardRecordedSchema = z.object({ id: z.uuid(), caseId: z.uuid() });
const guaranteeCreatedSchema = z.object({ id: z.uuid(), caseId: z.uuid(), jobId: z.uuid() });
const withdrawnSchema = z.object({ caseId: z.uuid(), guaranteeId: z.uuid(), status: z.literal('withdrawn'), withdrawnReason: z.enum(WITHDRAW_REASONS) });

/** The guarantee operations. Refusals come back as problem details, with the pages' messages in English. */
export function guaranteeOperations(guarantees: GuaranteeService) {
  return [
    defineOperation({
      method: 'GET',
      path: '/api/v1/cases/{id}/benefits',
      operationId: 'getCaseBenefits',
      summary: 'Get the benefit before work as recorded (newest first; the first counts) and the case’s bridge-back guarantees',
      tag: TAG,
      scope: 'cases:read',
      params: caseIdParams,
      response: benefitsSchema,
      handler: async ({ principal, params }) => {
        const { awards, guarantees: held } = await guarantees.ofCase(principal, params.id);
        return { awards: awards.map(awardJson), guarantees: held.map(guaranteeJson) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/benefit-awards',
      operationId: 'recordCaseBenefitAward',
      summary:
        'Record the benefit the person had before work, as the evidence shows it: a correction is a new record and the latest counts; the same answers again write nothing and return the record that stands',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: awardSchema,
      response: awardRecordedSchema,
      status: 201,
      handler: async ({ principal, params, body, afterWrite }) => {
        const recorded = (id: string) => ({ id, caseId: params.id });
        // The service parses what a form or JSON sends: no ESA group is an empty answer.
        const input = { ...body, esaGroup: body.esaGroup ?? '' };
        return recorded(await guarantees.recordAward(principal, params.id, input, { afterWrite: (tx, id) => afterWrite(tx, recorded(id)) }));
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/guarantees',
      operationId: 'createCaseGuarantee',
      summary:
        'Create the guarantee for a current job when the benefit before work was recorded after the job started (a job start after it makes one by itself); 409 if the job has one',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: createForJobSchema,
      response: guaranteeCreatedSchema,
      status: 201,
      handler: async ({ principal, params, body, afterWrite }) => {
        const created = (id: string) => ({ id, caseId: params.id, jobId: body.jobId });
        return created(await guarantees.createForJob(principal, params.id, body, { afterWrite: (tx, id) => afterWrite(tx, created(id)) }));
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/guarantees/{guaranteeId}/withdraw',
      operationId: 'withdrawCaseGuarantee',
      summary: 'Withdraw an active guarantee with a reason (also once the case has closed); the person is told. Used, expired and withdrawn are final (409)',
      tag: TAG,
      scope: 'cases:write',
      params: guaranteeParams,
      body: withdrawSchema,
      response: withdrawnSchema,
      handler: async ({ principal, params, body, afterWrite }) => {
        const withdrawn = { caseId: params.id, guaranteeId: params.guaranteeId, status: 'withdrawn' as const, withdrawnReason: body.reason };
        await guarantees.withdraw(principal, params.id, params.guaranteeId, body, { afterWrite: (tx) => afterWrite(tx, withdrawn) });
        return withdrawn;
      },
    }),
  ];
}
