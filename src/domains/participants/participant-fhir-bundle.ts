import { createHash } from 'node:crypto';
import type { ParticipantExport } from './participant-export.ts';

/**
 * A person's whole record as a FHIR R4 `document` Bundle (ADR 0048): the Composition first, then
 * the person (UK Core Patient), employment status and jobs (IHE ODH shapes), goals and plan,
 * the referral with its history, appointments, consents, guarantees, decisions in principle and
 * onward referrals, and a Provenance saying where it came from. Built from the versioned JSON
 * copy (participant-export.ts), so both downloads say the same. Every id and fullUrl is derived
 * from the sending tenant and the record's own ids, and the timestamp is the record's last change:
 * exporting an unchanged record again gives the same Bundle, byte for byte.
 */

type Json = Record<string, unknown>;
export type RecordSource = { baseUrl: string; tenantId: string; tenantName: string; gssCode: string };
/** Set when the record leaves for another team: the Bundle then carries the person's consent to it. */
export type RecordTransfer = { id: string; at: string; destination: string; consent: { givenOn: string; method: string; recordedBy: string } };

const B = 'https://bridgework.org.uk/fhir/CodeSystem/';
export const RECORD_SYSTEMS = {
  bundle: 'https://bridgework.org.uk/fhir/Id/record-bundle',
  gss: 'https://bridgework.org.uk/fhir/Id/gss-code',
  section: `${B}record-section`,
  observation: `${B}record-observation`,
  component: `${B}record-component`,
  consentScope: `${B}consent-scope`,
  benefit: `${B}benefit`,
  referringService: `${B}referring-service`,
  milestone: `${B}milestone`,
  activity: `${B}record-activity`,
  onwardCategory: `${B}onward-category`,
} as const;
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const UK_CORE_PATIENT = 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient';
const ODH_JOB = 'https://profiles.ihe.net/PCC/ODH/StructureDefinition/IHE.ODH.PastOrPresentJob';
const ODH_STATUS = 'https://profiles.ihe.net/PCC/ODH/StructureDefinition/IHE.ODH.EmploymentStatus';
/** UK GDPR Article 20, the right to data portability, as the policy the export follows. */
export const ARTICLE_20 = 'https://www.legislation.gov.uk/eur/2016/679/article/20';

export const RECORD_SECTIONS = [
  'person',
  'employment',
  'goals-and-plan',
  'referrals',
  'appointments',
  'consents',
  'guarantees',
  'access-to-work',
  'onward-referrals',
] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];
const SECTION_TITLES: Record<RecordSection, string> = {
  person: 'The person',
  employment: 'Employment status and jobs',
  'goals-and-plan': 'Goals and plan',
  referrals: 'Referrals and their history',
  appointments: 'Appointments',
  consents: 'Consents',
  guarantees: 'Bridge-back guarantees and benefit before work',
  'access-to-work': 'Access to Work decisions in principle',
  'onward-referrals': 'Onward referrals to local services',
};

/** A UUID from a name (SHA-256, RFC 9562 version 8 layout): the same name always gives the same UUID. */
export function derivedUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((Number.parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const coding = (system: string, code: string, display?: string) => ({ system, code, ...(display ? { display } : {}) });
const concept = (system: string, code: string, display?: string): Json => ({ coding: [coding(system, code, display)], ...(display ? { text: display } : {}) });
const text = (t: string): Json => ({ text: t });
const present = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';
const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const narrative = (s: string) => ({ status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${escapeXml(s)}</div>` });
/** A code in words ("hours-per-week" → "Hours per week"): Bridgework's codes are plain English already. */
export const words = (code: string) => `${code.charAt(0).toUpperCase()}${code.slice(1).replaceAll('-', ' ')}`;
/** A component only when there is a value: FHIR allows no empty ones. */
const component = (code: string, value: Json | null) => (value ? [{ code: concept(RECORD_SYSTEMS.component, code, words(code)), ...value }] : []);

/** The last moment the record changed: the Bundle's timestamp, so a re-export is identical. */
export function recordAsOf(r: ParticipantExport): string {
  const instants = [
    r.referral.receivedAt,
    r.case.openedAt,
    r.case.closedAt,
    r.profile.updatedAt,
    ...r.history.map((h) => h.at),
    ...r.plan.map((p) => p.createdAt),
    ...r.consents.changes.map((c) => c.at),
    ...(r.bridgeBackGuarantees ?? []).map((g) => g.createdAt),
    ...(r.accessToWork ?? []).map((d) => d.updatedAt),
    ...(r.onwardReferrals ?? []).map((o) => o.updatedAt),
  ].filter((v): v is string => typeof v === 'string');
  // ISO instants in UTC sort as text.
  return instants.sort().at(-1) ?? r.referral.receivedAt;
}

export function buildRecordBundle(r: ParticipantExport, who: { participantId: string }, source: RecordSource, transfer?: RecordTransfer): Json {
  const ns = `${source.baseUrl}|${source.tenantId}`;
  const idOf = (type: string, id: string) => derivedUuid(`${ns}|${type}|${id}`);
  const urlOf = (type: string, id: string) => `urn:uuid:${idOf(type, id)}`;
  const ref = (type: string, id: string, display?: string) => ({ reference: urlOf(type, id), ...(display ? { display } : {}) });
  const asOf = transfer?.at ?? recordAsOf(r);
  const entries: { fullUrl: string; resource: Json }[] = [];
  const sections: Record<RecordSection, string[]> = Object.fromEntries(RECORD_SECTIONS.map((s) => [s, []])) as unknown as Record<RecordSection, string[]>;
  const add = (section: RecordSection | null, type: string, key: string, body: Json) => {
    const fullUrl = urlOf(type, key);
    entries.push({ fullUrl, resource: { resourceType: type, id: idOf(type, key), ...body } });
    if (section) sections[section].push(fullUrl);
    return fullUrl;
  };
  const patient = ref('Patient', who.participantId, `${r.person.givenName} ${r.person.familyName}`);
  const custodian = ref('Organization', source.tenantId, source.tenantName);
  const team = ref('Organization', `team:${r.case.team}`, r.case.team);

  // The custodian (the sending local authority) and the team that supported the person.
  add(null, 'Organization', source.tenantId, { identifier: [{ system: RECORD_SYSTEMS.gss, value: source.gssCode }], name: source.tenantName });
  add(null, 'Organization', `team:${r.case.team}`, { name: r.case.team });

  // The person, on UK Core lines.
  const c = r.contact;
  const rank = (method: string) => (r.preferences.contactMethod === method ? { rank: 1 } : {});
  const telecom = [
    ...(c.phone ? [{ system: 'phone', value: c.phone, ...rank('phone') }] : []),
    ...(c.phone && r.preferences.contactMethod === 'text' ? [{ system: 'sms', value: c.phone, rank: 1 }] : []),
    ...(c.email ? [{ system: 'email', value: c.email, ...rank('email') }] : []),
  ];
  add('person', 'Patient', who.participantId, {
    meta: { profile: [UK_CORE_PATIENT] },
    ...(r.person.nhsNumber ? { identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: r.person.nhsNumber }] } : {}),
    name: [{ use: 'official', family: r.person.familyName, given: [r.person.givenName] }],
    ...(telecom.length ? { telecom } : {}),
    birthDate: r.person.dateOfBirth,
    address: [
      { use: 'home', line: [c.addressLine1, ...(c.addressLine2 ? [c.addressLine2] : [])], ...(c.town ? { city: c.town } : {}), postalCode: c.postcode },
    ],
    communication: [{ language: concept('urn:ietf:bcp:47', r.preferences.language, r.preferences.language === 'cy' ? 'Welsh' : 'English'), preferred: true }],
  });
  if (present(r.accessibilityNeeds)) {
    add('person', 'Observation', 'adjustments', {
      status: 'final',
      code: concept(RECORD_SYSTEMS.observation, 'adjustments', 'Support or adjustments the person needs'),
      subject: patient,
      valueString: r.accessibilityNeeds,
    });
  }

  // Employment: status now (Gravity/LOINC 67875-5 on the ODH EmploymentStatus shape), each job
  // (ODH PastOrPresentJob, LOINC 11341-5), and the vocational profile in the person's words.
  const inWork = r.jobs.some((j) => j.endDate === null);
  add('employment', 'Observation', 'employment-status', {
    meta: { profile: [ODH_STATUS] },
    status: 'final',
    category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'social-history', 'Social History')],
    code: concept(LOINC, '67875-5', 'Employment status current'),
    subject: patient,
    effectiveDateTime: asOf,
    valueCodeableConcept: concept(RECORD_SYSTEMS.observation, inWork ? 'in-paid-work' : 'not-in-paid-work', inWork ? 'In paid work' : 'Not in paid work'),
  });
  for (const j of r.jobs) {
    add('employment', 'Observation', `job:${j.id}`, {
      meta: { profile: [ODH_JOB] },
      status: 'final',
      category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'social-history', 'Social History')],
      code: concept(LOINC, '11341-5', 'History of Occupation'),
      subject: patient,
      effectivePeriod: { start: j.startDate, ...(j.endDate ? { end: j.endDate } : {}) },
      valueCodeableConcept: text(j.role),
      component: [
        ...component('employer', { valueString: j.employer }),
        ...component('hours-per-week', { valueQuantity: { value: j.hoursPerWeek, unit: 'hours a week', system: UCUM, code: 'h/wk' } }),
        ...component(
          'hourly-pay',
          j.hourlyPay === null ? null : { valueQuantity: { value: j.hourlyPay, unit: '£ an hour', system: 'urn:iso:std:iso:4217', code: 'GBP' } },
        ),
        ...component('contract-type', { valueString: words(j.contractType) }),
        ...component('end-reason', present(j.endReason) ? { valueString: j.endReason } : null),
        ...component('sustained-on', j.sustainedOn ? { valueDateTime: j.sustainedOn } : null),
        ...j.weeks.map((w) => ({
          code: concept(RECORD_SYSTEMS.component, 'week-hours', `Week ${w.week}`),
          valueQuantity: { value: w.hours, unit: 'hours', system: UCUM, code: 'h' },
        })),
      ],
    });
  }
  const profile = Object.entries({
    'work-history': r.profile.workHistory,
    skills: r.profile.skills,
    qualifications: r.profile.qualifications,
    interests: r.profile.interests,
    wants: r.profile.wants,
    'does-not-want': r.profile.doesNotWant,
    helps: r.profile.helps,
    'gets-in-the-way': r.profile.getsInTheWay,
    'health-in-own-words': r.profile.healthInOwnWords,
  }).filter((e): e is [string, string] => present(e[1]));
  if (profile.length) {
    add('employment', 'Observation', 'vocational-profile', {
      status: 'final',
      code: concept(RECORD_SYSTEMS.observation, 'vocational-profile', 'Vocational profile'),
      subject: patient,
      ...(r.profile.updatedAt ? { effectiveDateTime: r.profile.updatedAt } : {}),
      component: profile.flatMap(([k, v]) => component(k, { valueString: v })),
    });
  }
  if (r.workProfile) {
    const w = r.workProfile;
    const pounds = (value: number) => ({ valueQuantity: { value, unit: '£ an hour', system: 'urn:iso:std:iso:4217', code: 'GBP' } });
    add('employment', 'Observation', 'work-profile', {
      status: 'final',
      code: concept(RECORD_SYSTEMS.observation, 'work-profile', 'What work the person is looking for'),
      subject: patient,
      effectiveDateTime: w.updatedAt,
      component: [
        ...component('min-hours-per-week', { valueQuantity: { value: w.minHours, unit: 'hours a week', system: UCUM, code: 'h/wk' } }),
        ...component('max-hours-per-week', { valueQuantity: { value: w.maxHours, unit: 'hours a week', system: UCUM, code: 'h/wk' } }),
        ...component('max-travel', { valueQuantity: { value: w.maxTravelKm, unit: 'km', system: UCUM, code: 'km' } }),
        ...component('pay-floor', pounds(w.payFloorHourly)),
        ...w.occupationsWanted.flatMap((o) => component('occupation-wanted', { valueString: o })),
        ...w.occupationsExcluded.flatMap((o) => component('occupation-excluded', { valueString: o })),
        ...w.adjustmentsNeeded.flatMap((a) => component('adjustment', { valueString: words(a) })),
      ],
    });
  }

  // Goals, and the actions towards them as one CarePlan.
  const goalStatus = { open: 'active', done: 'completed', dropped: 'cancelled' } as const;
  const actionStatus = { open: 'not-started', done: 'completed', dropped: 'cancelled' } as const;
  const goals = r.plan.filter((p) => p.kind === 'goal');
  for (const g of goals) {
    add('goals-and-plan', 'Goal', g.id, {
      lifecycleStatus: goalStatus[g.status],
      description: text(g.text),
      subject: patient,
      startDate: g.createdAt.slice(0, 10),
      ...(g.dueOn ? { target: [{ dueDate: g.dueOn }] } : {}),
      expressedBy: g.addedBy === 'participant' ? patient : team,
    });
  }
  const actions = r.plan.filter((p) => p.kind === 'action');
  if (actions.length) {
    add('goals-and-plan', 'CarePlan', 'plan', {
      status: r.case.closedAt ? 'completed' : 'active',
      intent: 'plan',
      title: 'Action plan',
      subject: patient,
      ...(goals.length ? { goal: goals.map((g) => ref('Goal', g.id)) } : {}),
      activity: actions.map((a) => ({
        detail: {
          ...(a.goalId && goals.some((g) => g.id === a.goalId) ? { goal: [ref('Goal', a.goalId)] } : {}),
          status: actionStatus[a.status],
          ...(a.dueOn ? { scheduledPeriod: { end: a.dueOn } } : {}),
          performer: [a.owner === 'participant' ? patient : team],
          description: a.text,
        },
      })),
    });
  }

  // The referral (Gravity SDOHCC shapes), the case it opened, and the case's history on the Task.
  const rf = r.referral;
  const srStatus: Record<string, string> = { 'on-hold': 'on-hold', completed: 'completed', rejected: 'revoked', cancelled: 'revoked', failed: 'revoked' };
  const serviceRequest = add('referrals', 'ServiceRequest', `referral:${rf.reference}`, {
    identifier: [{ system: 'https://bridgework.org.uk/fhir/Id/referral-reference', value: rf.reference }],
    status: srStatus[rf.status] ?? 'active',
    intent: 'order',
    category: [concept(RECORD_SYSTEMS.referringService, rf.route === 'self' ? 'self' : 'other', rf.referringService)],
    priority: rf.urgency === 'urgent' ? 'urgent' : 'routine',
    code: text('Employment support'),
    ...(rf.benefits.length ? { orderDetail: rf.benefits.map((b) => concept(RECORD_SYSTEMS.benefit, b, words(b))) } : {}),
    subject: patient,
    authoredOn: rf.receivedAt,
    requester: { display: `${rf.referrerName}, ${rf.referringService}` },
    performer: [team],
    ...(rf.health && (present(rf.health.conditionsText) || rf.health.conditionCategories.length)
      ? {
          reasonCode: [
            {
              ...(rf.health.conditionCategories.length ? { coding: rf.health.conditionCategories.map((k) => coding(`${B}condition-category`, k)) } : {}),
              ...(present(rf.health.conditionsText) ? { text: rf.health.conditionsText } : {}),
            },
          ],
        }
      : {}),
    ...(present(rf.helpWanted) ? { patientInstruction: rf.helpWanted } : {}),
  });
  const episode = add('referrals', 'EpisodeOfCare', `case:${r.case.id}`, {
    status: r.case.closedAt ? 'finished' : 'active',
    type: [text('Employment support')],
    patient,
    managingOrganization: team,
    period: { start: r.case.openedAt, ...(r.case.closedAt ? { end: r.case.closedAt } : {}) },
    referralRequest: [{ reference: serviceRequest }],
  });
  const history = [...r.history].reverse();
  add('referrals', 'Task', `task:${rf.reference}`, {
    identifier: [{ system: 'https://bridgework.org.uk/fhir/Id/referral-reference', value: rf.reference }],
    status: rf.status,
    businessStatus: concept(RECORD_SYSTEMS.milestone, rf.milestone, words(rf.milestone)),
    intent: 'order',
    priority: rf.urgency === 'urgent' ? 'urgent' : 'routine',
    code: concept('http://hl7.org/fhir/CodeSystem/task-code', 'fulfill', 'Fulfill the focal request'),
    focus: { reference: serviceRequest },
    for: patient,
    authoredOn: rf.receivedAt,
    owner: team,
    output: [{ type: text('Employment support case opened'), valueReference: { reference: episode } }],
    // The case's timeline, oldest first, in words a reader of any system can follow.
    ...(history.length
      ? {
          note: history.map((h) => ({
            authorString: h.by,
            time: h.at,
            text: [words(h.kind), h.from && h.to ? `${words(h.from)} → ${words(h.to)}` : h.to ? words(h.to) : '', h.reason ?? ''].filter(present).join(': '),
          })),
        }
      : {}),
  });

  // Appointments. Bridgework records when they start, not how long they last: the end is the start
  // (R4 app-2 asks for both or neither; a booked appointment must have them, app-3).
  const appointmentStatus = { attended: 'fulfilled', 'did-not-attend': 'noshow', rearranged: 'cancelled' } as const;
  for (const a of r.appointments) {
    add('appointments', 'Appointment', a.id, {
      status: a.outcome ? appointmentStatus[a.outcome] : 'booked',
      appointmentType: concept(RECORD_SYSTEMS.observation, a.mode, words(a.mode)),
      ...(present(a.place) ? { description: a.place } : {}),
      start: a.startsAt,
      end: a.startsAt,
      ...(present(a.outcomeNote) ? { comment: a.outcomeNote } : {}),
      participant: [
        { actor: patient, required: a.attendanceRequired ? 'required' : 'optional', status: 'accepted' },
        { actor: team, status: 'accepted' },
      ],
    });
  }

  // Consents: what the person agrees to now, what the referral recorded, and (on a transfer) the move itself.
  const consent = (key: string, status: string, at: string, scopes: readonly string[], extra: Json = {}) =>
    add('consents', 'Consent', key, {
      status,
      scope: concept('http://terminology.hl7.org/CodeSystem/consentscope', 'patient-privacy', 'Privacy Consent'),
      category: [concept('http://terminology.hl7.org/CodeSystem/v3-ActCode', 'IDSCL', 'information disclosure')],
      patient,
      dateTime: at,
      policyRule: concept('http://terminology.hl7.org/CodeSystem/v3-ActCode', 'OPTIN', 'opt-in'),
      ...extra,
      provision: { type: 'permit', ...(scopes.length ? { code: scopes.map((s) => concept(RECORD_SYSTEMS.consentScope, s, words(s))) } : {}) },
    });
  const lastChange = r.consents.changes[0]?.at;
  consent('current', 'active', lastChange ?? rf.receivedAt, r.consents.current);
  consent('referral', lastChange ? 'inactive' : 'active', rf.consent.givenOn, rf.consent.scopes, {
    verification: [{ verified: true, verifiedWith: { display: rf.consent.recordedBy }, verificationDate: rf.consent.givenOn }],
  });
  if (transfer) {
    consent('transfer', 'active', transfer.consent.givenOn, ['transfer-record'], {
      verification: [
        {
          verified: true,
          verifiedWith: { display: `${transfer.consent.recordedBy} (${transfer.consent.method})` },
          verificationDate: transfer.consent.givenOn,
        },
      ],
    });
  }

  // Guarantees, and the benefit before work each protects a return to.
  for (const b of r.benefitsBeforeWork ?? []) {
    add('guarantees', 'Observation', `benefit:${b.id}`, {
      status: 'final',
      code: concept(RECORD_SYSTEMS.observation, 'benefit-before-work', 'Benefit before work'),
      subject: patient,
      effectiveDateTime: b.decisionDate,
      valueCodeableConcept: concept(RECORD_SYSTEMS.benefit, b.benefit, words(b.benefit)),
      component: [
        ...component('esa-group', b.esaGroup ? { valueString: words(b.esaGroup) } : null),
        ...b.evidence.flatMap((e) => component('evidence', { valueString: words(e) })),
      ],
      ...(present(b.evidenceNote) ? { note: [{ text: b.evidenceNote }] } : {}),
    });
  }
  const benefitIds = new Set((r.benefitsBeforeWork ?? []).map((b) => b.id));
  const jobIds = new Set(r.jobs.map((j) => j.id));
  for (const g of r.bridgeBackGuarantees ?? []) {
    add('guarantees', 'Observation', `guarantee:${g.id}`, {
      status: g.status === 'withdrawn' ? 'cancelled' : 'final',
      code: concept(RECORD_SYSTEMS.observation, 'bridge-back-guarantee', 'Bridge-back guarantee'),
      subject: patient,
      ...(jobIds.has(g.job.id) ? { focus: [ref('Observation', `job:${g.job.id}`)] } : {}),
      effectivePeriod: { start: g.startsOn, end: g.protectedUntil },
      issued: g.createdAt,
      valueCodeableConcept: concept(RECORD_SYSTEMS.observation, `guarantee-${g.status}`, words(g.status)),
      component: [
        ...component('protecting-rule', { valueString: words(g.protectingRule) }),
        ...component('verification-code', { valueString: g.verificationCode }),
        ...component('job', { valueString: `${g.job.role}, ${g.job.employer}` }),
      ],
      ...(benefitIds.has(g.benefitBeforeWorkId) ? { derivedFrom: [ref('Observation', `benefit:${g.benefitBeforeWorkId}`)] } : {}),
    });
  }

  // Access to Work decisions in principle.
  for (const d of r.accessToWork ?? []) {
    add('access-to-work', 'Observation', `atw:${d.id}`, {
      status: d.status === 'withdrawn' ? 'cancelled' : d.status === 'draft' ? 'preliminary' : 'final',
      code: concept(RECORD_SYSTEMS.observation, 'access-to-work-decision-in-principle', 'Access to Work decision in principle'),
      subject: patient,
      ...(d.validFrom ? { effectivePeriod: { start: d.validFrom, ...(d.validUntil ? { end: d.validUntil } : {}) } } : { effectiveDateTime: d.assessedOn }),
      issued: d.updatedAt,
      valueQuantity: { value: d.yearlyAmount, unit: '£ a year', system: 'urn:iso:std:iso:4217', code: 'GBP' },
      component: [
        ...component('decision-status', { valueString: words(d.status) }),
        ...component('verification-code', present(d.verificationCode) ? { valueString: d.verificationCode } : null),
        ...component('job', d.job ? { valueString: `${d.job.role}, ${d.job.employer}` } : null),
      ],
    });
  }

  // Onward referrals to local services (debt advice, housing…).
  for (const o of r.onwardReferrals ?? []) {
    add('onward-referrals', 'ServiceRequest', `onward:${o.id}`, {
      status: o.status === 'completed' ? 'completed' : o.status === 'declined' ? 'revoked' : 'active',
      intent: 'order',
      category: [concept(RECORD_SYSTEMS.onwardCategory, 'onward', 'Onward referral')],
      code: text(o.service),
      subject: patient,
      authoredOn: o.sentAt,
      ...(present(o.need) ? { reasonCode: [text(o.need)] } : {}),
      ...(present(o.outcome) ? { note: [{ time: o.updatedAt, text: o.outcome }] } : {}),
    });
  }

  const targets = entries.filter((e) => e.resource.resourceType !== 'Organization').map((e) => ({ reference: e.fullUrl }));
  const provenance = {
    fullUrl: urlOf('Provenance', transfer ? `transfer:${transfer.id}` : 'export'),
    resource: {
      resourceType: 'Provenance',
      id: idOf('Provenance', transfer ? `transfer:${transfer.id}` : 'export'),
      target: targets,
      recorded: asOf,
      policy: [ARTICLE_20],
      activity: transfer
        ? concept(RECORD_SYSTEMS.activity, 'transfer', `Sent to ${transfer.destination} when the person moved`)
        : concept(RECORD_SYSTEMS.activity, 'export', 'Copied for the person'),
      agent: [{ type: concept('http://terminology.hl7.org/CodeSystem/provenance-participant-type', 'custodian', 'Custodian'), who: custodian }],
    },
  };
  const composition = {
    fullUrl: urlOf('Composition', transfer ? `transfer:${transfer.id}` : 'record'),
    resource: {
      resourceType: 'Composition',
      id: idOf('Composition', transfer ? `transfer:${transfer.id}` : 'record'),
      status: 'final',
      type: concept(RECORD_SYSTEMS.section, 'employment-support-record', 'Employment support record'),
      subject: patient,
      date: asOf,
      author: [custodian],
      title: `Employment support record: ${r.person.givenName} ${r.person.familyName}`,
      custodian,
      section: RECORD_SECTIONS.map((s) => ({
        title: SECTION_TITLES[s],
        code: concept(RECORD_SYSTEMS.section, s),
        ...(sections[s].length
          ? { entry: sections[s].map((reference) => ({ reference })) }
          : {
              text: narrative('Nothing recorded'),
              emptyReason: concept('http://terminology.hl7.org/CodeSystem/list-empty-reason', 'nilknown', 'Nil Known'),
            }),
      })),
    },
  };
  const bundleId = transfer ? transfer.id : derivedUuid(`${ns}|Bundle|${who.participantId}|${asOf}`);
  return {
    resourceType: 'Bundle',
    id: bundleId,
    meta: { source: `${source.baseUrl}/fhir` },
    identifier: { system: RECORD_SYSTEMS.bundle, value: `urn:uuid:${bundleId}` },
    type: 'document',
    timestamp: asOf,
    entry: [composition, ...entries, provenance],
  };
}
