import { z } from 'zod';
import { defineOperation } from '../../../platform/http/api-routes.ts';
import { londonWallClock } from '../../../platform/i18n/index.ts';
import { REGIMES } from '../../participation/index.ts';
import {
  APPOINTMENT_MODES,
  APPOINTMENT_OUTCOMES,
  type CaseSummary,
  type CaseView,
  CLOSURE_REASONS,
  CONSENT_SCOPES,
  type NoteKind,
  PHASES,
  PLAN_OWNERS,
  PLAN_STATUSES,
} from '../case.ts';
import type { SustainedWork } from '../case-rules.ts';
import {
  appointmentSchema,
  closeSchema,
  complianceReportSchema,
  consentChangeSchema,
  jobEndSchema,
  jobStartSchema,
  jobWeekSchema,
  noteSchema,
  outcomeSchema,
  phaseSchema,
  regimeSchema,
} from '../case-schemas.ts';
import type { CaseService } from '../case-service.ts';

/*
 * `/api/v1/cases`: a system client of the organisation that runs the case's team reads and works its
 * cases with `cases:read` and `cases:write`. A client never has a working relationship with the
 * person, so it never gets health information: the response schemas below have no health field at
 * all (conditions, fit note, health in the person's own words, health-team notes and members,
 * break-glass), and parsing a response through them drops anything they do not name.
 */

const TAG = 'Cases';
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

const caseIdParams = z.object({ id: z.uuid('The case id must be a UUID') });
const appointmentParams = caseIdParams.extend({ appointmentId: z.uuid('The appointment id must be a UUID') });
const jobParams = caseIdParams.extend({ jobId: z.uuid('The job id must be a UUID') });
/** Every note kind but health-team liaison, which is health information. */
const API_NOTE_KINDS = ['contact', 'employer-contact', 'benefits-advice', 'in-work-support', 'participant'] as const satisfies readonly NoteKind[];

const caseSummarySchema = z.object({
  id: z.uuid(),
  referralId: z.uuid(),
  referralReference: z.string(),
  teamId: z.uuid(),
  teamName: z.string(),
  specialistName: z.string().nullable(),
  phase: z.enum(PHASES),
  regime: z.enum(REGIMES),
  personName: z.string(),
  youngPerson: z.boolean(),
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  closureNote: z.string().nullable(),
  lastContactAt: z.iso.datetime().nullable(),
  nextAppointmentAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});

const caseSchema = caseSummarySchema.extend({
  participant: z.object({
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.iso.date(),
    addressLine1: z.string(),
    addressLine2: z.string().nullable(),
    town: z.string().nullable(),
    postcode: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    preferredLanguage: z.enum(['en', 'cy']),
    contactMethod: z.string(),
    doNotContact: z.array(z.string()),
    accessibilityNeeds: z.string(),
    regime: z.enum(REGIMES),
    consentScopes: z.array(z.enum(CONSENT_SCOPES)),
  }),
  profile: z.object({
    workHistory: z.string(),
    skills: z.string(),
    qualifications: z.string(),
    interests: z.string(),
    wants: z.string(),
    doesNotWant: z.string(),
    helps: z.string(),
    getsInTheWay: z.string(),
    updatedAt: z.iso.datetime().nullable(),
  }),
  plan: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['goal', 'action']),
      goalId: z.uuid().nullable(),
      text: z.string(),
      owner: z.enum(PLAN_OWNERS),
      dueOn: z.iso.date().nullable(),
      status: z.enum(PLAN_STATUSES),
      addedBy: z.enum(['participant', 'staff']),
    }),
  ),
  appointments: z.array(
    z.object({
      id: z.uuid(),
      startsAt: z.iso.datetime(),
      mode: z.enum(APPOINTMENT_MODES),
      place: z.string(),
      mandatory: z.boolean(),
      outcome: z.enum(APPOINTMENT_OUTCOMES).nullable(),
      outcomeNote: z.string().nullable(),
    }),
  ),
  /** Health-team liaison notes are health information: never here. */
  notes: z.array(z.object({ id: z.uuid(), kind: z.enum(API_NOTE_KINDS), body: z.string(), authorName: z.string(), at: z.iso.datetime() })),
  jobs: z.array(
    z.object({
      id: z.uuid(),
      employer: z.string(),
      role: z.string(),
      hoursPerWeek: z.number(),
      /** Pounds an hour; null when not recorded (the job then cannot count as sustained work). */
      hourlyPay: z.number().nullable(),
      contractType: z.string(),
      startDate: z.iso.date(),
      endDate: z.iso.date().nullable(),
      endReason: z.string().nullable(),
      sustainedOn: z.iso.date().nullable(),
      /** `hourlyPay` is the pay that week when recorded; otherwise the job's pay applies. */
      weeks: z.array(z.object({ week: z.number().int(), hours: z.number(), hourlyPay: z.number().nullable() })),
    }),
  ),
  events: z.array(
    z.object({
      id: z.uuid(),
      at: z.iso.datetime(),
      actorName: z.string(),
      kind: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

/** Timeline entries about the person's health team or break-glass access stay with those who may see health. */
const HEALTH_EVENT_KINDS: readonly string[] = ['health-team', 'break-glass'];
const apiNoteKind = (kind: string): kind is (typeof API_NOTE_KINDS)[number] => (API_NOTE_KINDS as readonly string[]).includes(kind);

const summaryJson = (s: CaseSummary): z.input<typeof caseSummarySchema> => ({
  id: s.id,
  referralId: s.referralId,
  referralReference: s.referralReference,
  teamId: s.teamId,
  teamName: s.teamName,
  specialistName: s.specialistName,
  phase: s.phase,
  regime: s.regime,
  personName: s.personName,
  youngPerson: s.youngPerson,
  openedAt: iso(s.openedAt),
  closedAt: isoOrNull(s.closedAt),
  closureReason: s.closureReason,
  closureNote: s.closureNote,
  lastContactAt: isoOrNull(s.lastContactAt),
  nextAppointmentAt: isoOrNull(s.nextAppointmentAt),
  version: s.version,
});

/** Built field by field from the view, so nothing health-related can ride along by accident. */
function caseJson(v: CaseView): z.input<typeof caseSchema> {
  const p = v.participant;
  return {
    ...summaryJson(v.summary),
    participant: {
      givenName: p.givenName,
      familyName: p.familyName,
      dateOfBirth: p.dateOfBirth,
      addressLine1: p.addressLine1,
      addressLine2: p.addressLine2,
      town: p.town,
      postcode: p.postcode,
      phone: p.phone,
      email: p.email,
      preferredLanguage: p.preferredLanguage,
      contactMethod: p.contactMethod,
      doNotContact: p.doNotContact,
      accessibilityNeeds: p.accessibilityNeeds,
      regime: p.regime,
      consentScopes: p.consentScopes,
    },
    profile: {
      workHistory: v.profile.workHistory,
      skills: v.profile.skills,
      qualifications: v.profile.qualifications,
      interests: v.profile.interests,
      wants: v.profile.wants,
      doesNotWant: v.profile.doesNotWant,
      helps: v.profile.helps,
      getsInTheWay: v.profile.getsInTheWay,
      updatedAt: isoOrNull(v.profile.updatedAt),
    },
    plan: v.plan.map((i) => ({ id: i.id, kind: i.kind, goalId: i.goalId, text: i.text, owner: i.owner, dueOn: i.dueOn, status: i.status, addedBy: i.addedBy })),
    appointments: v.appointments.map((a) => ({
      id: a.id,
      startsAt: iso(a.startsAt),
      mode: a.mode,
      place: a.place,
      mandatory: a.mandatory,
      outcome: a.outcome,
      outcomeNote: a.outcomeNote,
    })),
    notes: v.notes.flatMap((n) => (apiNoteKind(n.kind) ? [{ id: n.id, kind: n.kind, body: n.body, authorName: n.authorName, at: iso(n.at) }] : [])),
    // A job as recorded is already the published shape.
    jobs: v.jobs,
    events: v.events
      .filter((e) => !HEALTH_EVENT_KINDS.includes(e.kind))
      .map((e) => ({ id: e.id, at: iso(e.at), actorName: e.actorName, kind: e.kind, from: e.from, to: e.to, reason: e.reason })),
  };
}

const createdSchema = z.object({ id: z.uuid(), caseId: z.uuid() });
const appointmentBookedSchema = createdSchema.extend({
  startsAt: z.iso.datetime(),
  mode: z.enum(APPOINTMENT_MODES),
  place: z.string(),
  mandatory: z.boolean(),
});
const outcomeRecordedSchema = z.object({
  caseId: z.uuid(),
  appointmentId: z.uuid(),
  outcome: z.enum(APPOINTMENT_OUTCOMES),
  /** The follow-up contact action a missed appointment leads to, and nothing else. */
  followUpActionId: z.uuid().nullable(),
});
const jobWeekRecordedSchema = z.object({
  caseId: z.uuid(),
  jobId: z.uuid(),
  week: z.number().int(),
  hours: z.number(),
  hourlyPay: z.number().nullable(),
  sustained: z.boolean(),
  sustainedOn: z.iso.date().nullable(),
  /** Weeks of enough hours that did not count because their pay is not recorded, or is below the minimum wage for the person's age. */
  pay: z.object({
    checked: z.boolean(),
    notRecorded: z.array(z.number().int()),
    belowMinimum: z.array(z.object({ week: z.number().int(), hourlyPay: z.number(), minimum: z.number(), band: z.string() })),
  }),
  reasons: z.array(z.string()),
});
const jobEndedSchema = z.object({ caseId: z.uuid(), jobId: z.uuid(), endDate: z.iso.date() });
const phaseMovedSchema = z.object({ caseId: z.uuid(), phase: z.enum(PHASES) });
const closedSchema = z.object({ caseId: z.uuid(), phase: z.literal('closed'), closureReason: z.enum(CLOSURE_REASONS) });
const regimeChangedSchema = z.object({ caseId: z.uuid(), regime: z.enum(REGIMES) });
const consentChangedSchema = z.object({
  caseId: z.uuid(),
  consentScopes: z.array(z.enum(CONSENT_SCOPES)),
  withdrawn: z.array(z.enum(CONSENT_SCOPES)),
  given: z.array(z.enum(CONSENT_SCOPES)),
});
const scopesOf = (values: readonly string[]) => values.filter((s): s is (typeof CONSENT_SCOPES)[number] => (CONSENT_SCOPES as readonly string[]).includes(s));

/** The case operations. Refusals come back as problem details; a participation-policy refusal is a 403 naming the policy's reason. */
export function caseOperations(cases: CaseService) {
  return [
    defineOperation({
      method: 'GET',
      path: '/api/v1/cases',
      operationId: 'listCases',
      summary: 'List the open cases of the teams the client’s organisation runs',
      tag: TAG,
      scope: 'cases:read',
      response: z.object({ items: z.array(caseSummarySchema) }),
      handler: async ({ principal }) => ({ items: (await cases.listForClient(principal)).map(summaryJson) }),
    }),
    defineOperation({
      method: 'GET',
      path: '/api/v1/cases/{id}',
      operationId: 'getCase',
      summary: 'Get one case, without health information',
      tag: TAG,
      scope: 'cases:read',
      params: caseIdParams,
      response: caseSchema,
      handler: async ({ principal, params }) => caseJson(await cases.view(principal, params.id)),
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/appointments',
      operationId: 'bookCaseAppointment',
      summary: 'Book an appointment and send the person its letter (mandatory appointments and obligation wording only where the participation policy allows)',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: appointmentSchema,
      response: appointmentBookedSchema,
      status: 201,
      handler: async ({ principal, params, body, afterWrite }) => {
        const booked = (id: string) => ({
          id,
          caseId: params.id,
          startsAt: iso(londonWallClock(body.date, body.time)),
          mode: body.mode,
          place: body.place,
          mandatory: body.mandatory,
        });
        return booked(await cases.bookAppointment(principal, params.id, body, { afterWrite: (tx, id) => afterWrite(tx, booked(id)) }));
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/appointments/{appointmentId}/outcome',
      operationId: 'recordCaseAppointmentOutcome',
      summary: 'Record whether the person attended; a missed appointment leads only to a follow-up contact',
      tag: TAG,
      scope: 'cases:write',
      params: appointmentParams,
      body: outcomeSchema,
      response: outcomeRecordedSchema,
      handler: async ({ principal, params, body, afterWrite }) => {
        const recorded = (r: { followUp: string | null }) => ({
          caseId: params.id,
          appointmentId: params.appointmentId,
          outcome: body.outcome,
          followUpActionId: r.followUp,
        });
        return recorded(await cases.recordOutcome(principal, params.id, params.appointmentId, body, { afterWrite: (tx, r) => afterWrite(tx, recorded(r)) }));
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/notes',
      operationId: 'addCaseNote',
      summary: 'Add a typed case note (health-team liaison notes need a working relationship, so a client cannot add one)',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: noteSchema,
      response: createdSchema,
      status: 201,
      handler: async ({ principal, params, body, afterWrite }) => {
        const created = (id: string) => ({ id, caseId: params.id });
        return created(await cases.addNote(principal, params.id, body, { afterWrite: (tx, id) => afterWrite(tx, created(id)) }));
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/jobs',
      operationId: 'startCaseJob',
      summary: 'Record a job start: the case moves to in-work support',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: jobStartSchema,
      response: createdSchema,
      status: 201,
      handler: async ({ principal, params, body, afterWrite }) => {
        const created = (id: string) => ({ id, caseId: params.id });
        return created(await cases.startJob(principal, params.id, body, { afterWrite: (tx, id) => afterWrite(tx, created(id)) }));
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/jobs/{jobId}/weeks',
      operationId: 'recordCaseJobWeek',
      summary: 'Record the hours worked in one week of a job, and learn whether the job now counts as sustained',
      tag: TAG,
      scope: 'cases:write',
      params: jobParams,
      body: jobWeekSchema,
      response: jobWeekRecordedSchema,
      handler: async ({ principal, params, body, afterWrite }) => {
        const recorded = (r: SustainedWork) => ({
          caseId: params.id,
          jobId: params.jobId,
          week: body.week,
          hours: body.hours,
          hourlyPay: body.hourlyPay,
          sustained: r.sustained,
          sustainedOn: r.sustainedOn,
          pay: r.pay,
          reasons: r.reasons,
        });
        return recorded(await cases.recordJobWeek(principal, params.id, params.jobId, body, { afterWrite: (tx, r) => afterWrite(tx, recorded(r)) }));
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/jobs/{jobId}/end',
      operationId: 'endCaseJob',
      summary: 'Record that a job ended: with no other job, the case returns to job search',
      tag: TAG,
      scope: 'cases:write',
      params: jobParams,
      body: jobEndSchema,
      response: jobEndedSchema,
      handler: async ({ principal, params, body, afterWrite }) => {
        const ended = { caseId: params.id, jobId: params.jobId, endDate: body.endDate };
        await cases.endJob(principal, params.id, params.jobId, body, { afterWrite: (tx) => afterWrite(tx, ended) });
        return ended;
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/phase',
      operationId: 'moveCasePhase',
      summary: 'Move the case to another phase (illegal moves are 409; closing has its own operation)',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: phaseSchema,
      response: phaseMovedSchema,
      handler: async ({ principal, params, body, afterWrite }) => {
        const moved = { caseId: params.id, phase: body.phase };
        await cases.movePhase(principal, params.id, body, { afterWrite: (tx) => afterWrite(tx, moved) });
        return moved;
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/close',
      operationId: 'closeCase',
      summary: 'Close the case with a structured reason; the referral completes',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: closeSchema,
      response: closedSchema,
      handler: async ({ principal, params, body, afterWrite }) => {
        const closed = { caseId: params.id, phase: 'closed' as const, closureReason: body.reason };
        await cases.close(principal, params.id, body, { afterWrite: (tx) => afterWrite(tx, closed) });
        return closed;
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/regime',
      operationId: 'changeCaseRegime',
      summary: 'Change the person’s participation regime, with a reason (never to conditional while a health condition is recorded)',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: regimeSchema,
      response: regimeChangedSchema,
      handler: async ({ principal, params, body, afterWrite }) => {
        const changed = { caseId: params.id, regime: body.regime };
        await cases.changeRegime(principal, params.id, body, { afterWrite: (tx) => afterWrite(tx, changed) });
        return changed;
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/cases/{id}/compliance-reports',
      operationId: 'reportCaseComplianceDoubt',
      summary: 'Report doubt about compliance to the Jobcentre: conditional regime only, with the person’s consent to share with the Jobcentre',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: complianceReportSchema,
      response: createdSchema,
      status: 201,
      handler: async ({ principal, params, body, afterWrite }) => {
        const created = (id: string) => ({ id, caseId: params.id });
        // The service parses what a form or JSON sends: no appointment is an empty answer.
        const input = { ...body, appointmentId: body.appointmentId ?? '' };
        return created(await cases.reportComplianceDoubt(principal, params.id, input, { afterWrite: (tx, id) => afterWrite(tx, created(id)) }));
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/api/v1/cases/{id}/consent',
      operationId: 'changeCaseConsent',
      summary: 'Set what the person consents to; withdrawing stops the matching sharing at once',
      tag: TAG,
      scope: 'cases:write',
      params: caseIdParams,
      body: consentChangeSchema,
      response: consentChangedSchema,
      handler: async ({ principal, params, body, afterWrite }) => {
        const changed = (r: { withdrawn: string[]; given: string[] }) => ({
          caseId: params.id,
          consentScopes: scopesOf(['share-with-employment-team', ...new Set(body.scopes)]),
          withdrawn: scopesOf(r.withdrawn),
          given: scopesOf(r.given),
        });
        return changed(await cases.changeConsent(principal, params.id, body, { afterWrite: (tx, r) => afterWrite(tx, changed(r)) }));
      },
    }),
  ];
}
