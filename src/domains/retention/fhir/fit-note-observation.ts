import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireScope } from '../../../platform/auth/index.ts';
import { InvalidInput, type Issue, issuesFromZod, NotFound } from '../../../platform/errors/index.ts';
import { IDEMPOTENCY_HEADER, type Idempotency } from '../../../platform/http/idempotency.ts';
import { FIT_NOTE_ADVICE, FITNESS, type FitNote, ISSUER_PROFESSIONS } from '../retention.ts';
import type { RetentionService } from '../retention-service.ts';

/**
 * The fit note over FHIR R4 (ADR 0043): an Observation whose `focus` is the referral's Task and
 * whose components carry the Statement of Fitness for Work's fields. Bridgework's own code systems
 * name the fields, as the referral's ServiceRequest already names "not fit" and "may be fit".
 */
const BASE = 'https://bridgework.org.uk/fhir/CodeSystem/';
export const FIT_NOTE_SYSTEMS = {
  /** The Observation's code (`fit-note`) and its components' codes. */
  field: `${BASE}fit-note-field`,
  /** `not-fit`, `may-be-fit`: the system the referral's ServiceRequest already uses. */
  fitness: `${BASE}fit-note`,
  /** `phased-return`, `altered-hours`, `amended-duties`, `workplace-adaptations`. */
  advice: `${BASE}fit-note-advice`,
  issuer: `${BASE}fit-note-issuer`,
} as const;
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const coding = (system: string) => z.looseObject({ system: z.literal(system), code: z.string().max(100) });
const concept = (system: string) =>
  z.looseObject({ coding: z.array(z.looseObject({ system: z.string().optional(), code: z.string().optional() })).min(1) }).transform((c, ctx) => {
    const found = c.coding.find((x) => x.system === system)?.code;
    if (!found) ctx.addIssue({ code: 'custom', message: `Needs a coding from ${system}` });
    return found ?? '';
  });
const component = z.looseObject({
  code: concept(FIT_NOTE_SYSTEMS.field),
  valueCodeableConcept: z.unknown().optional(),
  valueString: z.string().max(2000).optional(),
  valueBoolean: z.boolean().optional(),
  valueDateTime: z.string().max(40).optional(),
});

const observationSchema = z.looseObject({
  resourceType: z.literal('Observation'),
  status: z.enum(['final', 'amended', 'corrected', 'preliminary', 'registered']),
  code: z.looseObject({ coding: z.array(coding(FIT_NOTE_SYSTEMS.field).or(z.looseObject({}))).min(1) }),
  focus: z.array(z.looseObject({ reference: z.string().regex(/^Task\/[0-9a-fA-F-]{36}$/, 'focus must reference the referral Task as Task/<id>') })).length(1),
  effectivePeriod: z.looseObject({ start: z.iso.date(), end: z.iso.date().optional() }),
  component: z.array(component).min(1).max(20),
});

/** The fit note as the service takes it, and the referral it is about, from an Observation. */
export function parseFitNoteObservation(body: unknown): { referralId: string; input: Record<string, unknown> } {
  const parsed = observationSchema.safeParse(body);
  if (!parsed.success) throw new InvalidInput(issuesFromZod(parsed.error).map((i) => ({ ...i, path: `Observation.${i.path}` })));
  const o = parsed.data;
  const issues: Issue[] = [];
  if (!o.code.coding.some((c) => (c as { system?: string; code?: string }).system === FIT_NOTE_SYSTEMS.field && (c as { code?: string }).code === 'fit-note'))
    issues.push({ path: 'Observation.code', message: `Observation.code must be ${FIT_NOTE_SYSTEMS.field}|fit-note` });
  const byCode = (code: string) => o.component.filter((c) => c.code === code);
  const codeOf = (c: { valueCodeableConcept?: unknown }, system: string) =>
    ((c.valueCodeableConcept as { coding?: { system?: string; code?: string }[] } | undefined)?.coding ?? []).find((x) => x.system === system)?.code;
  const fitness = byCode('fitness')[0];
  const fitnessCode = fitness ? codeOf(fitness, FIT_NOTE_SYSTEMS.fitness) : undefined;
  if (!fitnessCode || !(FITNESS as readonly string[]).includes(fitnessCode))
    issues.push({
      path: 'Observation.component[fitness]',
      message: `A fitness component coded from ${FIT_NOTE_SYSTEMS.fitness} (not-fit or may-be-fit) is required`,
    });
  const advice = byCode('advice').map((c) => codeOf(c, FIT_NOTE_SYSTEMS.advice));
  if (advice.some((a) => !a || !(FIT_NOTE_ADVICE as readonly string[]).includes(a)))
    issues.push({ path: 'Observation.component[advice]', message: `Advice is coded from ${FIT_NOTE_SYSTEMS.advice}` });
  const statement = byCode('date-of-statement')[0]?.valueDateTime;
  const issuer = byCode('issuer-profession')[0];
  const issuerCode = issuer ? codeOf(issuer, FIT_NOTE_SYSTEMS.issuer) : undefined;
  if (issuer && !(ISSUER_PROFESSIONS as readonly string[]).includes(issuerCode ?? ''))
    issues.push({ path: 'Observation.component[issuer-profession]', message: `The issuer's profession is coded from ${FIT_NOTE_SYSTEMS.issuer}` });
  if (issues.length) throw new InvalidInput(issues);
  return {
    referralId: (o.focus[0]?.reference ?? '').slice('Task/'.length).toLowerCase(),
    input: {
      fitness: fitnessCode,
      advice,
      condition: byCode('condition')[0]?.valueString,
      comments: byCode('comments')[0]?.valueString ?? '',
      from: o.effectivePeriod.start,
      ...(o.effectivePeriod.end ? { to: o.effectivePeriod.end } : { indefinite: true }),
      followUpNeeded: byCode('follow-up-needed')[0]?.valueBoolean,
      issuedOn: statement?.slice(0, 10),
      ...(issuerCode ? { issuerProfession: issuerCode } : {}),
    },
  };
}

const fieldCode = (code: string, display: string) => ({ coding: [{ system: FIT_NOTE_SYSTEMS.field, code, display }] });
const coded = (system: string, code: string) => ({ coding: [{ system, code }] });

/** A recorded fit note as the Observation a client reads back. */
export function fitNoteObservation(referralId: string, n: FitNote) {
  return {
    resourceType: 'Observation',
    id: n.id,
    meta: { lastUpdated: n.recordedAt.toISOString() },
    status: 'final',
    code: fieldCode('fit-note', 'Statement of Fitness for Work (fit note)'),
    focus: [{ reference: `Task/${referralId}` }],
    effectivePeriod: { start: n.from, ...(n.to ? { end: n.to } : {}) },
    component: [
      { code: fieldCode('fitness', 'Assessment'), valueCodeableConcept: coded(FIT_NOTE_SYSTEMS.fitness, n.fitness) },
      ...n.advice.map((a) => ({ code: fieldCode('advice', 'May be fit for work taking account of'), valueCodeableConcept: coded(FIT_NOTE_SYSTEMS.advice, a) })),
      { code: fieldCode('condition', 'Condition'), valueString: n.condition },
      ...(n.comments ? [{ code: fieldCode('comments', 'Comments, including functional effects'), valueString: n.comments }] : []),
      { code: fieldCode('follow-up-needed', 'Needs to assess fitness for work again'), valueBoolean: n.followUpNeeded },
      { code: fieldCode('date-of-statement', 'Date of statement'), valueDateTime: n.issuedOn },
      ...(n.issuerProfession
        ? [{ code: fieldCode('issuer-profession', 'Issuer’s profession'), valueCodeableConcept: coded(FIT_NOTE_SYSTEMS.issuer, n.issuerProfession) }]
        : []),
    ],
  };
}

/** This capability's part of the CapabilityStatement (`rest[0].resource`). */
export const retentionFhirCapabilities = [
  {
    type: 'Observation',
    documentation:
      'A fit note (Statement of Fitness for Work) as structured data, attached to an in-work retention referral: POST an Observation with code fit-note-field|fit-note, focus Task/<referral id>, effectivePeriod (no end: indefinite) and components fitness, advice (one per option), condition, comments, follow-up-needed, date-of-statement and issuer-profession (ADR 0043). Idempotency-Key is honoured.',
    interaction: [{ code: 'create' }, { code: 'read' }],
    referencePolicy: ['literal'],
  },
] as const;

/** POST and read fit note Observations; writes take `referrals:write`, reads `referrals:read`. */
export function registerFitNoteFhirRoutes(app: FastifyInstance, deps: { retention: RetentionService; idempotency: Idempotency }): void {
  const { retention, idempotency } = deps;
  const send = (reply: FastifyReply, status: number, text: string, extra: Record<string, string> = {}) =>
    reply.code(status).type(FHIR_JSON).headers(extra).send(text);

  app.post('/fhir/Observation', async (request, reply) => {
    const principal = requireScope(request.principal, 'referrals:write');
    const { referralId, input } = parseFitNoteObservation(request.body);
    const key = request.headers[IDEMPOTENCY_HEADER];
    const scope = typeof key === 'string' ? ([principal.tenantId, `client:${principal.id}`, key] as const) : null;
    if (scope) {
      const claim = await idempotency.claim(...scope, idempotency.requestHash(request.method, request.url, request.body));
      if (claim.kind === 'replay') return send(reply, claim.response.status, claim.response.body, { 'Idempotent-Replayed': 'true' });
    }
    try {
      const { id, note } = await retention.addFitNoteToReferral(principal, referralId, input);
      const body = JSON.stringify(fitNoteObservation(referralId, note));
      if (scope) await idempotency.complete(...scope, { status: 201, body, contentType: FHIR_JSON });
      return send(reply, 201, body, { Location: `Observation/${id}` });
    } catch (error) {
      if (scope) await idempotency.release(...scope);
      throw error;
    }
  });

  app.get<{ Params: { id: string } }>('/fhir/Observation/:id', async (request, reply) => {
    const principal = requireScope(request.principal, 'referrals:read');
    if (!UUID.test(request.params.id)) throw new NotFound('Observation');
    const { referralId, note } = await retention.fitNote(principal, request.params.id.toLowerCase());
    return send(reply, 200, JSON.stringify(fitNoteObservation(referralId, note)));
  });
}
