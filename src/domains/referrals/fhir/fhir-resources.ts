import type { Person, Referral, ReferralStatus, Team } from '../referral.ts';
import { referralMessages } from '../referral-messages.ts';
import { reasonInWords } from '../referral-reason.ts';

/** Every Bridgework-defined CodeSystem, so senders and our own mappers use one spelling. */
const BASE = 'https://bridgework.org.uk/fhir/CodeSystem/';
export const BRIDGEWORK_CODE_SYSTEMS = {
  referringService: `${BASE}referring-service`,
  conditionCategory: `${BASE}condition-category`,
  fitNote: `${BASE}fit-note`,
  benefit: `${BASE}benefit`,
  consentScope: `${BASE}consent-scope`,
  consentMethod: `${BASE}consent-method`,
  milestone: `${BASE}milestone`,
  /** `neet`: 16–24 and not in education, employment or training. */
  circumstance: `${BASE}circumstance`,
  /** `short-term-unemployed`, `conditionality-requested`. */
  jobcentre: `${BASE}jobcentre`,
  /** phone, text, email, post: ways the person must not be contacted. */
  doNotContact: `${BASE}do-not-contact`,
  /** Why a team rejected or closed a referral, alongside statusReason.text. */
  rejectionReason: `${BASE}rejection-reason`,
} as const;

/** Systems defined by others that we read and write. */
export const FHIR_SYSTEMS = {
  taskCode: 'http://hl7.org/fhir/CodeSystem/task-code',
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  language: 'urn:ietf:bcp:47',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
} as const;

/** Task.identifier system for Tasks sent with no identifier of their own (the Idempotency-Key stands in). */
export const FHIR_TASK_SYSTEM = 'urn:bridgework:fhir-task';
/** The id of the Consent contained in each ServiceRequest. */
export const CONSENT_ID = 'consent';

export type Identifier = { use?: string; system?: string; value?: string };
export type Coding = { system?: string; code?: string; display?: string };
export type CodeableConcept = { coding?: Coding[]; text?: string };
export type Reference = { reference?: string; display?: string; type?: string; identifier?: Identifier };
export type Meta = { versionId?: string; lastUpdated?: string; source?: string };
export type FhirResource = { resourceType: string; id?: string; [field: string]: unknown };

export type TaskResource = {
  resourceType: 'Task';
  id: string;
  meta: Meta;
  identifier: Identifier[];
  status: ReferralStatus;
  statusReason?: CodeableConcept;
  businessStatus: CodeableConcept;
  intent: 'order';
  code: CodeableConcept;
  priority: Referral['urgency'];
  focus: Reference;
  for: Reference;
  requester: Reference;
  owner: Reference;
  authoredOn: string;
  lastModified: string;
  output?: ({ type: CodeableConcept; valueReference: Reference } | { type: CodeableConcept; valueString: string })[];
  /** Resources only this Task carries (an onward referral's request and the details shared about the person). */
  contained?: FhirResource[];
};

/** The case an accepted referral opens, as `referrals.caseOf` returns it. */
export type CaseRecord = { id: string; team_id: string; phase: string; opened_at: Date; closed_at?: Date | null };

// "first-contact-attempted" → "First contact attempted": codes are already plain English.
// FHIR text is for machines and their logs: English, from the same catalogue as the pages.
const english = (key: string) => referralMessages.en[key as keyof typeof referralMessages.en] ?? key;
const label = (code: string) => `${code.charAt(0).toUpperCase()}${code.slice(1).replaceAll('-', ' ')}`;
const coded = (system: string, code: string, display?: string): CodeableConcept => ({ coding: [{ system, code, ...(display ? { display } : {}) }] });
const meta = (r: Referral, extra: Meta = {}): Meta => ({ versionId: String(r.version), lastUpdated: r.updatedAt.toISOString(), ...extra });

export const TASK_FULFIL: CodeableConcept = coded(FHIR_SYSTEMS.taskCode, 'fulfill', 'Fulfill the focal request');

export function requesterReference(r: Referral): Reference {
  return r.referrer.organisationId ? { reference: `Organization/${r.referrer.organisationId}`, display: r.referrer.name } : { display: r.referrer.name };
}

export function milestoneConcept(milestone: Referral['milestone']): CodeableConcept {
  return { ...coded(BRIDGEWORK_CODE_SYSTEMS.milestone, milestone, label(milestone)), text: label(milestone) };
}

/** The referral as a Gravity referral Task: status on the FHIR state machine, milestones in businessStatus. */
export function taskResource(r: Referral, team: Pick<Team, 'id' | 'name'>, baseUrl?: string): TaskResource {
  return {
    resourceType: 'Task',
    id: r.id,
    meta: meta(r, baseUrl ? { source: `${baseUrl}/fhir` } : {}),
    identifier: [
      { use: 'official', system: r.identifier.system, value: r.identifier.value },
      // The reference people quote on the phone and in letters.
      { use: 'secondary', system: 'https://bridgework.org.uk/fhir/Id/referral-reference', value: r.reference },
    ],
    status: r.status,
    ...(r.statusReason || r.reasonCode
      ? {
          statusReason: {
            ...(r.reasonCode ? coded(BRIDGEWORK_CODE_SYSTEMS.rejectionReason, r.reasonCode, label(r.reasonCode)) : {}),
            text: reasonInWords(r, english) ?? '',
          },
        }
      : {}),
    businessStatus: milestoneConcept(r.milestone),
    intent: 'order',
    code: TASK_FULFIL,
    priority: r.urgency,
    focus: { reference: `ServiceRequest/${r.id}` },
    for: { reference: `Patient/${r.personId}` },
    requester: requesterReference(r),
    owner: { reference: `HealthcareService/${team.id}`, display: team.name },
    authoredOn: r.createdAt.toISOString(),
    lastModified: r.updatedAt.toISOString(),
    ...(r.caseId ? { output: [{ type: { text: 'Employment support case opened' }, valueReference: { reference: `EpisodeOfCare/${r.caseId}` } }] } : {}),
  };
}

const SERVICE_REQUEST_STATUS: Record<ReferralStatus, string> = {
  requested: 'active',
  accepted: 'active',
  'in-progress': 'active',
  'on-hold': 'on-hold',
  completed: 'completed',
  rejected: 'revoked',
  cancelled: 'revoked',
  failed: 'revoked',
};

/** The consent the referrer recorded, as the SDOHCC Consent shape (kept inside the ServiceRequest). */
export function consentResource(r: Referral): FhirResource {
  return {
    resourceType: 'Consent',
    id: CONSENT_ID,
    status: 'active',
    scope: coded(FHIR_SYSTEMS.consentScope, 'patient-privacy', 'Privacy Consent'),
    category: [coded(FHIR_SYSTEMS.actCode, 'IDSCL', 'information disclosure'), coded(BRIDGEWORK_CODE_SYSTEMS.consentMethod, r.consent.method)],
    patient: { reference: `Patient/${r.personId}` },
    dateTime: r.consent.givenOn,
    policyRule: coded(FHIR_SYSTEMS.actCode, 'OPTIN', 'opt-in'),
    verification: [{ verified: true, verifiedWith: { display: r.consent.recordedBy }, verificationDate: r.consent.givenOn }],
    provision: { type: 'permit', code: r.consent.scopes.map((s) => coded(BRIDGEWORK_CODE_SYSTEMS.consentScope, s)) },
  };
}

/** What was asked for and why; the person's do-not-contact list needs the person. */
export function serviceRequestResource(r: Referral, person?: Pick<Person, 'doNotContact'>): FhirResource {
  const S = BRIDGEWORK_CODE_SYSTEMS;
  const orderDetail: CodeableConcept[] = [
    { ...coded(S.fitNote, r.fitNote), ...(r.fitNoteAdvice ? { text: r.fitNoteAdvice } : {}) },
    ...r.benefits.map((b) => coded(S.benefit, b)),
    // Only young people on the youth pathway are known to have said they are NEET.
    ...(r.youngPerson ? [coded(S.circumstance, 'neet', 'Not in education, employment or training')] : []),
    ...(r.shortTermUnemployed ? [coded(S.jobcentre, 'short-term-unemployed')] : []),
    ...(r.regime === 'conditional' ? [coded(S.jobcentre, 'conditionality-requested')] : []),
    ...(person?.doNotContact ?? []).map((c) => coded(S.doNotContact, c)),
  ];
  const hasReason = r.conditionsText.length > 0 || r.conditionCategories.length > 0;
  return {
    resourceType: 'ServiceRequest',
    id: r.id,
    meta: meta(r),
    contained: [consentResource(r)],
    identifier: [{ system: r.identifier.system, value: r.identifier.value }],
    status: SERVICE_REQUEST_STATUS[r.status],
    intent: 'order',
    category: [coded(S.referringService, r.referringService)],
    code: { text: 'Employment support' },
    orderDetail,
    priority: r.urgency,
    subject: { reference: `Patient/${r.personId}` },
    authoredOn: r.createdAt.toISOString(),
    requester: requesterReference(r),
    performer: [{ reference: `HealthcareService/${r.teamId}` }],
    ...(hasReason
      ? {
          reasonCode: [
            {
              ...(r.conditionCategories.length > 0 ? { coding: r.conditionCategories.map((c) => ({ system: S.conditionCategory, code: c })) } : {}),
              ...(r.conditionsText ? { text: r.conditionsText } : {}),
            },
          ],
        }
      : {}),
    supportingInfo: [{ reference: `#${CONSENT_ID}`, display: 'Consent to share' }],
    patientInstruction: r.helpWanted,
  };
}

/** The person on UK Core lines: NHS number when known, and the contact method ranked first. */
export function patientResource(p: Person): FhirResource {
  const rank = (method: Person['contactMethod']) => (p.contactMethod === method ? { rank: 1 } : {});
  const telecom = [
    ...(p.phone ? [{ system: 'phone', value: p.phone, ...rank('phone') }] : []),
    ...(p.phone && p.contactMethod === 'text' ? [{ system: 'sms', value: p.phone, rank: 1 }] : []),
    ...(p.email ? [{ system: 'email', value: p.email, ...rank('email') }] : []),
  ];
  return {
    resourceType: 'Patient',
    id: p.id,
    ...(p.nhsNumber ? { identifier: [{ system: FHIR_SYSTEMS.nhsNumber, value: p.nhsNumber }] } : {}),
    name: [{ use: 'official', family: p.familyName, given: [p.givenName] }],
    birthDate: p.dateOfBirth,
    address: [
      {
        use: 'home',
        line: [p.addressLine1, ...(p.addressLine2 ? [p.addressLine2] : [])],
        ...(p.town ? { city: p.town } : {}),
        postalCode: p.postcode,
      },
    ],
    ...(telecom.length > 0 ? { telecom } : {}),
    communication: [
      {
        language: coded(FHIR_SYSTEMS.language, p.preferredLanguage, p.preferredLanguage === 'cy' ? 'Welsh' : 'English'),
        preferred: true,
      },
    ],
  };
}

/** The case an accepted referral opened: Task.output points here. */
export function episodeOfCareResource(c: CaseRecord, r: Pick<Referral, 'id' | 'personId'>, team?: Pick<Team, 'organisationId' | 'name'>): FhirResource {
  return {
    resourceType: 'EpisodeOfCare',
    id: c.id,
    status: c.phase === 'closed' ? 'finished' : 'active',
    type: [{ text: 'Employment support' }],
    patient: { reference: `Patient/${r.personId}` },
    ...(team ? { managingOrganization: { reference: `Organization/${team.organisationId}`, display: team.name } } : {}),
    period: { start: c.opened_at.toISOString(), ...(c.closed_at ? { end: c.closed_at.toISOString() } : {}) },
    referralRequest: [{ reference: `ServiceRequest/${r.id}` }],
  };
}

export type SearchEntry = { resource: FhirResource; mode: 'match' | 'include' };

/** A searchset Bundle; `fullUrl`s are absolute, as FHIR asks of search results. */
/** `total` null: more matches than were counted, so the bundle leaves it out (FHIR allows that) and links onward. */
export function searchBundle(input: { baseUrl: string; selfUrl: string; nextUrl?: string | null; total: number | null; entries: readonly SearchEntry[] }) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(input.total === null ? {} : { total: input.total }),
    link: [{ relation: 'self', url: input.selfUrl }, ...(input.nextUrl ? [{ relation: 'next', url: input.nextUrl }] : [])],
    entry: input.entries.map((e) => ({
      fullUrl: `${input.baseUrl}/fhir/${e.resource.resourceType}/${e.resource.id}`,
      resource: e.resource,
      search: { mode: e.mode },
    })),
  };
}

export type TransactionEntryResponse = { status: string; location?: string; etag?: string; lastModified?: string; outcome?: FhirResource };

/** The answer to a transaction: one response per request entry, in the same order. */
export function transactionResponseBundle(responses: readonly TransactionEntryResponse[]) {
  return { resourceType: 'Bundle', type: 'transaction-response', entry: responses.map((response) => ({ response })) };
}
