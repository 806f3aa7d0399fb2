import { z } from 'zod';
import { InvalidInput, type Issue } from '../../../platform/errors/index.ts';
import { createReferralSchema } from '../referral-schemas.ts';
import { FHIR_SYSTEMS, FHIR_TASK_SYSTEM, BRIDGEWORK_CODE_SYSTEMS as S } from './fhir-resources.ts';

/*
 * How a FHIR referral becomes the internal create input (createReferralSchema):
 *
 *   Task.identifier[0] {system, value}      → identifier (none: system urn:bridgework:fhir-task with the
 *                                             caller-scoped Idempotency-Key as value; neither: 422)
 *   Task.priority routine | urgent/asap/stat → context.urgency (absent: routine)
 *   Task.owner HealthcareService/<id>        → teamId (absent: Bridgework routes the referral)
 *   Patient.name (official, else first)      → person.givenName (given joined), person.familyName
 *   Patient.birthDate                        → person.dateOfBirth
 *   Patient.identifier nhs-number            → person.nhsNumber
 *   Patient.address (home, else first)       → person.addressLine1 (line[0]), addressLine2 (the other lines),
 *                                              town (city), postcode (postalCode)
 *   Patient.telecom phone | sms, email       → person.phone, person.email (entries with use "old" are skipped)
 *   Patient.telecom with rank 1              → person.contactMethod: email → email, phone → phone, sms → text
 *                                              (no rank: email if given, else phone, else post)
 *   Patient.communication (preferred) en|cy  → person.preferredLanguage (anything else: en)
 *   SR.orderDetail do-not-contact codes      → person.doNotContact
 *   SR.category referring-service            → context.referringService
 *   SR.reasonCode[0].text                    → context.conditionsText
 *   SR.reasonCode[*] condition-category      → context.conditionCategories
 *   SR.orderDetail fit-note (+ its text)     → context.fitNote, context.fitNoteAdvice
 *   SR.orderDetail benefit codes             → context.benefits
 *   SR.orderDetail circumstance#neet         → context.notInEducationEmploymentOrTraining
 *   SR.orderDetail jobcentre codes           → jobcentre {shortTermUnemployed, conditionalityRequested}
 *   SR.patientInstruction                    → context.helpWanted
 *   Consent (via SR.supportingInfo), active  → consent.active (missing or not active: 422)
 *   Consent.provision.code consent-scope     → consent.scopes
 *   Consent.category consent-method          → consent.method
 *   Consent.dateTime (date part)             → consent.givenOn
 *   Consent.verification[0].verifiedWith.display, else Task.requester.display → consent.recordedBy
 */

const text = z.string().max(10_000);
const codingSchema = z.looseObject({ system: text.optional(), code: text.optional(), display: text.optional() });
const conceptSchema = z.looseObject({ coding: z.array(codingSchema).max(100).optional(), text: text.optional() });
const referenceSchema = z.looseObject({ reference: text.optional(), display: text.optional() });
const identifierSchema = z.looseObject({ use: text.optional(), system: text.optional(), value: text.optional() });
const anyResourceSchema = z.looseObject({ resourceType: z.string().max(100), id: text.optional() });

export const fhirConceptSchema = conceptSchema;

/** A Task as a client sends it, create or update; what each field must hold is checked where it is used. */
export const fhirTaskSchema = z.looseObject({
  resourceType: z.literal('Task'),
  id: text.optional(),
  contained: z.array(anyResourceSchema).max(20).optional(),
  identifier: z.array(identifierSchema).max(20).optional(),
  status: text.optional(),
  statusReason: conceptSchema.optional(),
  businessStatus: conceptSchema.optional(),
  intent: text.optional(),
  priority: text.optional(),
  code: conceptSchema.optional(),
  focus: referenceSchema.optional(),
  for: referenceSchema.optional(),
  requester: referenceSchema.optional(),
  owner: referenceSchema.optional(),
  authoredOn: text.optional(),
});
export type FhirTask = z.output<typeof fhirTaskSchema>;

const patientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  identifier: z.array(identifierSchema).max(20).optional(),
  name: z
    .array(z.looseObject({ use: text.optional(), family: text.optional(), given: z.array(text).max(10).optional() }))
    .max(10)
    .optional(),
  birthDate: text.optional(),
  address: z
    .array(z.looseObject({ use: text.optional(), line: z.array(text).max(10).optional(), city: text.optional(), postalCode: text.optional() }))
    .max(10)
    .optional(),
  telecom: z
    .array(z.looseObject({ system: text.optional(), value: text.optional(), use: text.optional(), rank: z.number().int().positive().optional() }))
    .max(20)
    .optional(),
  communication: z
    .array(z.looseObject({ language: conceptSchema, preferred: z.boolean().optional() }))
    .max(10)
    .optional(),
});

const serviceRequestSchema = z.looseObject({
  resourceType: z.literal('ServiceRequest'),
  contained: z.array(anyResourceSchema).max(20).optional(),
  category: z.array(conceptSchema).max(20).optional(),
  reasonCode: z.array(conceptSchema).max(20).optional(),
  orderDetail: z.array(conceptSchema).max(50).optional(),
  patientInstruction: text.optional(),
  supportingInfo: z.array(referenceSchema).max(20).optional(),
  subject: referenceSchema.optional(),
});

const consentSchema = z.looseObject({
  resourceType: z.literal('Consent'),
  status: text.optional(),
  category: z.array(conceptSchema).max(20).optional(),
  dateTime: text.optional(),
  verification: z
    .array(z.looseObject({ verified: z.boolean().optional(), verifiedWith: referenceSchema.optional() }))
    .max(10)
    .optional(),
  provision: z.looseObject({ type: text.optional(), code: z.array(conceptSchema).max(50).optional() }).optional(),
});

const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: text.optional(),
  entry: z
    .array(
      z.looseObject({
        fullUrl: text.optional(),
        resource: anyResourceSchema.optional(),
        request: z.looseObject({ method: text.optional(), url: text.optional() }).optional(),
      }),
    )
    .max(20)
    .optional(),
});

const submissionSchema = z.looseObject({ resourceType: z.string().max(100) });

export type SubmittedEntry = { fullUrl: string | null; resourceType: string };
export type ReferralSubmission = {
  form: 'bundle' | 'task';
  /** Raw create input: the service parses it with createReferralSchema again, as for every route. */
  input: Record<string, unknown>;
  /** The Bundle's entries in order (a contained Task: just the Task), for a transaction-response. */
  entries: SubmittedEntry[];
};

/** `Patient.name[0].given` from a zod path. */
export function fhirPath(root: string, path: readonly PropertyKey[]): string {
  return root + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

/** Parses one part of a FHIR payload; problems come back with FHIRPath-like paths. */
export function parseFhir<T extends z.ZodType>(schema: T, value: unknown, root: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInput(result.error.issues.map((i) => ({ path: fhirPath(root, i.path), message: i.message })));
  return result.data;
}

type Concept = z.output<typeof conceptSchema>;
const codesIn = (concepts: readonly Concept[] | undefined, system: string): string[] =>
  (concepts ?? []).flatMap((c) => (c.coding ?? []).filter((x) => x.system === system && x.code).map((x) => x.code as string));
const hasCode = (concepts: readonly Concept[] | undefined, system: string, code: string) => codesIn(concepts, system).includes(code);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const PRIORITY: Record<string, 'routine' | 'urgent'> = { routine: 'routine', urgent: 'urgent', asap: 'urgent', stat: 'urgent' };
const HEALTHCARE_SERVICE = /^HealthcareService\/([0-9a-f-]{36})$/i;

/** Where each internal field came from, so the schema's complaints point at the FHIR element. */
const SOURCE: Record<string, string> = {
  identifier: 'Task.identifier',
  teamId: 'Task.owner',
  'person.givenName': 'Patient.name.given',
  'person.familyName': 'Patient.name.family',
  'person.dateOfBirth': 'Patient.birthDate',
  'person.nhsNumber': 'Patient.identifier',
  'person.addressLine1': 'Patient.address.line',
  'person.addressLine2': 'Patient.address.line',
  'person.town': 'Patient.address.city',
  'person.postcode': 'Patient.address.postalCode',
  'person.phone': 'Patient.telecom',
  'person.email': 'Patient.telecom',
  'person.preferredLanguage': 'Patient.communication',
  'person.contactMethod': 'Patient.telecom.rank',
  'person.doNotContact': 'ServiceRequest.orderDetail',
  'context.referringService': 'ServiceRequest.category',
  'context.conditionsText': 'ServiceRequest.reasonCode.text',
  'context.conditionCategories': 'ServiceRequest.reasonCode.coding',
  'context.fitNote': 'ServiceRequest.orderDetail',
  'context.fitNoteAdvice': 'ServiceRequest.orderDetail.text',
  'context.benefits': 'ServiceRequest.orderDetail',
  'context.helpWanted': 'ServiceRequest.patientInstruction',
  'context.urgency': 'Task.priority',
  'context.notInEducationEmploymentOrTraining': 'ServiceRequest.orderDetail',
  'consent.scopes': 'Consent.provision.code',
  'consent.method': 'Consent.category',
  'consent.givenOn': 'Consent.dateTime',
  'consent.recordedBy': 'Consent.verification.verifiedWith.display',
  'consent.active': 'Consent.status',
  jobcentre: 'ServiceRequest.orderDetail',
};

function sourceOf(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  return SOURCE[parts.slice(0, 2).join('.')] ?? SOURCE[parts[0] ?? ''] ?? parts.join('.');
}

type Resolve = (reference: string | undefined) => Record<string, unknown> | undefined;
type Container = { form: 'bundle' | 'task'; task: unknown; resolve: Resolve; entries: SubmittedEntry[]; issues: Issue[] };

const ALLOWED_ENTRIES = new Set(['Task', 'Patient', 'ServiceRequest', 'Consent']);

function fromBundle(body: unknown): Container {
  const bundle = parseFhir(bundleSchema, body, 'Bundle');
  const issues: Issue[] = [];
  if (bundle.type !== 'transaction') issues.push({ path: 'Bundle.type', message: 'A referral Bundle must have type transaction' });
  const entries = bundle.entry ?? [];
  entries.forEach((e, i) => {
    const at = `Bundle.entry[${i}]`;
    if (!e.resource) issues.push({ path: `${at}.resource`, message: 'Each entry must carry a resource' });
    else if (!ALLOWED_ENTRIES.has(e.resource.resourceType))
      issues.push({ path: `${at}.resource.resourceType`, message: 'A referral Bundle may carry only Task, Patient, ServiceRequest and Consent' });
    if (e.request?.method && e.request.method !== 'POST')
      issues.push({ path: `${at}.request.method`, message: 'Entries in a referral Bundle are created with POST' });
    if (e.fullUrl && entries.findIndex((other) => other.fullUrl === e.fullUrl) !== i)
      issues.push({ path: `${at}.fullUrl`, message: 'Each entry needs its own fullUrl' });
  });
  const tasks = entries.filter((e) => e.resource?.resourceType === 'Task');
  if (tasks.length !== 1) issues.push({ path: 'Bundle.entry', message: 'A referral Bundle must carry exactly one Task' });
  const resolve: Resolve = (reference) =>
    reference
      ? entries.find((e) => e.resource && (e.fullUrl === reference || `${e.resource.resourceType}/${e.resource.id}` === reference))?.resource
      : undefined;
  return {
    form: 'bundle',
    task: tasks[0]?.resource,
    resolve,
    entries: entries.map((e) => ({ fullUrl: e.fullUrl ?? null, resourceType: e.resource?.resourceType ?? 'unknown' })),
    issues,
  };
}

function fromTask(body: unknown): Container {
  const task = parseFhir(fhirTaskSchema, body, 'Task');
  const contained = task.contained ?? [];
  const resolve: Resolve = (reference) => (reference?.startsWith('#') ? contained.find((c) => c.id === reference.slice(1)) : undefined);
  return { form: 'task', task, resolve, entries: [{ fullUrl: null, resourceType: 'Task' }], issues: [] };
}

/**
 * A FHIR referral, as a transaction Bundle (Task + Patient + ServiceRequest + Consent, linked by
 * fullUrl) or as one Task with the others contained, checked and turned into the create input.
 * Throws InvalidInput (422) with FHIRPath-like paths on anything wrong.
 *
 * @param options.idempotencyKey stands in for Task.identifier when the Task has none: pass it
 *   scoped to the caller, so two systems' keys never name the same referral.
 */
export function parseReferralSubmission(body: unknown, options: { idempotencyKey?: string } = {}): ReferralSubmission {
  const kind = parseFhir(submissionSchema, body, 'resource').resourceType;
  if (kind !== 'Bundle' && kind !== 'Task') {
    throw new InvalidInput([{ path: 'resourceType', message: 'Send a Task (with its Patient, ServiceRequest and Consent contained) or a transaction Bundle' }]);
  }
  const container = kind === 'Bundle' ? fromBundle(body) : fromTask(body);
  const issues = container.issues;
  if (issues.length > 0) throw new InvalidInput(issues);
  const where = container.form === 'bundle' ? 'in this Bundle' : 'contained in the Task';

  const task = parseFhir(fhirTaskSchema, container.task, 'Task');
  if (task.status !== 'requested') issues.push({ path: 'Task.status', message: 'A new referral Task must have status requested' });
  if (task.intent !== 'order') issues.push({ path: 'Task.intent', message: 'Task.intent must be order' });
  if (!hasCode(task.code ? [task.code] : [], FHIR_SYSTEMS.taskCode, 'fulfill'))
    issues.push({ path: 'Task.code', message: `Task.code must be ${FHIR_SYSTEMS.taskCode}#fulfill` });
  if (!task.requester?.reference && !task.requester?.display)
    issues.push({ path: 'Task.requester', message: 'Task.requester must say who is making the referral' });
  if (!task.authoredOn) issues.push({ path: 'Task.authoredOn', message: 'Task.authoredOn must say when the referral was made' });
  else if (!DATE_TIME.test(task.authoredOn)) issues.push({ path: 'Task.authoredOn', message: 'Task.authoredOn must be a FHIR dateTime' });
  const urgency = PRIORITY[task.priority ?? 'routine'];
  if (!urgency) issues.push({ path: 'Task.priority', message: 'Task.priority must be routine, urgent, asap or stat' });
  const owner = task.owner?.reference;
  const teamId = owner ? HEALTHCARE_SERVICE.exec(owner)?.[1] : undefined;
  if (owner && !teamId)
    issues.push({
      path: 'Task.owner',
      message: 'Task.owner must be a Bridgework team (HealthcareService/<id>), or left out for Bridgework to route the referral',
    });

  const identifier = task.identifier?.[0];
  if (identifier && (!identifier.system || !identifier.value))
    issues.push({ path: 'Task.identifier[0]', message: 'Task.identifier needs both a system and a value' });
  if (!identifier && !options.idempotencyKey) {
    issues.push({
      path: 'Task.identifier',
      message: 'Give the Task a business identifier (Task.identifier) or send an Idempotency-Key header, so a resubmission is recognised',
    });
  }

  const rawServiceRequest = container.resolve(task.focus?.reference);
  if (rawServiceRequest?.resourceType !== 'ServiceRequest')
    issues.push({ path: 'Task.focus', message: `Task.focus must reference the ServiceRequest ${where}` });
  const rawPatient = container.resolve(task.for?.reference);
  if (rawPatient?.resourceType !== 'Patient') issues.push({ path: 'Task.for', message: `Task.for must reference the Patient ${where}` });
  if (issues.length > 0) throw new InvalidInput(issues);

  const serviceRequest = parseFhir(serviceRequestSchema, rawServiceRequest, 'ServiceRequest');
  const patient = parseFhir(patientSchema, rawPatient, 'Patient');
  if (serviceRequest.subject?.reference && container.resolve(serviceRequest.subject.reference) !== rawPatient) {
    issues.push({ path: 'ServiceRequest.subject', message: 'ServiceRequest.subject must be the same Patient as Task.for' });
  }
  // A ServiceRequest may keep its Consent inside itself ("#consent") or next to it.
  const resolveFromServiceRequest = (reference: string | undefined) =>
    (reference?.startsWith('#') ? serviceRequest.contained?.find((c) => c.id === reference.slice(1)) : undefined) ?? container.resolve(reference);
  const rawConsent = (serviceRequest.supportingInfo ?? []).map((ref) => resolveFromServiceRequest(ref.reference)).find((r) => r?.resourceType === 'Consent');
  if (!rawConsent) {
    issues.push({
      path: 'ServiceRequest.supportingInfo',
      message: "ServiceRequest.supportingInfo must reference the person's Consent: Bridgework does not accept a referral without consent",
    });
    throw new InvalidInput(issues, 'Consent is missing');
  }
  const consent = parseFhir(consentSchema, rawConsent, 'Consent');
  if (consent.status !== 'active') {
    issues.push({
      path: 'Consent.status',
      message: "Consent.status must be active: Bridgework does not accept a referral without the person's current consent",
    });
    throw new InvalidInput(issues, 'Consent is not active');
  }
  if (issues.length > 0) throw new InvalidInput(issues);

  const input = {
    identifier: identifier ? { system: identifier.system, value: identifier.value } : { system: FHIR_TASK_SYSTEM, value: options.idempotencyKey as string },
    person: personFrom(patient, codesIn(serviceRequest.orderDetail, S.doNotContact)),
    context: contextFrom(serviceRequest, urgency as 'routine' | 'urgent'),
    consent: {
      scopes: codesIn(consent.provision?.code, S.consentScope),
      method: codesIn(consent.category, S.consentMethod)[0],
      givenOn: consent.dateTime?.slice(0, 10),
      recordedBy: consent.verification?.[0]?.verifiedWith?.display ?? task.requester?.display,
      active: true,
    },
    ...jobcentreFrom(serviceRequest.orderDetail),
    ...(teamId ? { teamId: teamId.toLowerCase() } : {}),
  };
  // Checked here as well as in the service so that problems name FHIR elements, not our fields.
  const checked = createReferralSchema.safeParse(input);
  if (!checked.success) throw new InvalidInput(checked.error.issues.map((i) => ({ path: sourceOf(i.path), message: i.message })));
  return { form: container.form, input, entries: container.entries };
}

function personFrom(patient: z.output<typeof patientSchema>, doNotContact: string[]) {
  const name = patient.name?.find((n) => n.use === 'official') ?? patient.name?.[0];
  const address = patient.address?.find((a) => a.use === 'home') ?? patient.address?.[0];
  const telecom = (patient.telecom ?? []).filter((t) => t.use !== 'old' && t.value);
  const phone = telecom.find((t) => t.system === 'phone') ?? telecom.find((t) => t.system === 'sms');
  const email = telecom.find((t) => t.system === 'email');
  const ranked = telecom.filter((t) => t.rank !== undefined).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))[0];
  const byRank = { email: 'email', phone: 'phone', sms: 'text' } as const;
  const rankedMethod = ranked?.system && ranked.system in byRank ? byRank[ranked.system as keyof typeof byRank] : undefined;
  const communication = patient.communication?.find((c) => c.preferred) ?? patient.communication?.[0];
  const language = communication?.language.coding?.find((c) => c.system === FHIR_SYSTEMS.language || !c.system)?.code?.toLowerCase() ?? 'en';
  const lines = address?.line ?? [];
  return {
    givenName: name?.given?.join(' '),
    familyName: name?.family,
    dateOfBirth: patient.birthDate,
    nhsNumber: patient.identifier?.find((i) => i.system === FHIR_SYSTEMS.nhsNumber)?.value,
    addressLine1: lines[0],
    addressLine2: lines.slice(1).join(', ') || undefined,
    town: address?.city,
    postcode: address?.postalCode,
    phone: phone?.value,
    email: email?.value,
    preferredLanguage: language.startsWith('cy') ? 'cy' : 'en',
    contactMethod: rankedMethod ?? (email ? 'email' : phone ? 'phone' : 'post'),
    doNotContact,
  };
}

function contextFrom(sr: z.output<typeof serviceRequestSchema>, urgency: 'routine' | 'urgent') {
  const fitNote = sr.orderDetail?.find((d) => codesIn([d], S.fitNote).length > 0);
  return {
    referringService: codesIn(sr.category, S.referringService)[0],
    conditionsText: sr.reasonCode?.[0]?.text ?? '',
    conditionCategories: codesIn(sr.reasonCode, S.conditionCategory),
    fitNote: fitNote ? codesIn([fitNote], S.fitNote)[0] : undefined,
    fitNoteAdvice: fitNote?.text,
    benefits: codesIn(sr.orderDetail, S.benefit),
    helpWanted: sr.patientInstruction,
    urgency,
    notInEducationEmploymentOrTraining: hasCode(sr.orderDetail, S.circumstance, 'neet'),
  };
}

function jobcentreFrom(orderDetail: readonly Concept[] | undefined) {
  const flags = codesIn(orderDetail, S.jobcentre);
  if (flags.length === 0) return {};
  return { jobcentre: { shortTermUnemployed: flags.includes('short-term-unemployed'), conditionalityRequested: flags.includes('conditionality-requested') } };
}
