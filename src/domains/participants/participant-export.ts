import { z } from 'zod';
import { REGIMES } from '../participation/index.ts';
import { type CaseView, CLOSURE_REASONS, CONSENT_SCOPES, PHASES, PLAN_STATUSES } from './case.ts';
import type { ReferralRecord } from './participant-service.ts';

/** What the person's download is built from: their case as they see it, and the referral that opened it. */
export type ParticipantRecord = CaseView & { referral: ReferralRecord };

export const EXPORT_FORMAT = 'bridgework.participant-record';
export const EXPORT_VERSION = 1;

const instant = z.iso.datetime().describe('A moment, ISO 8601 in UTC, like 2026-11-23T09:00:00.000Z');
const day = z.iso.date().describe('A calendar date, ISO 8601, like 2026-11-23');
const text = z.string();
const optional = z.string().nullable();

/**
 * The machine-readable copy of everything Bridgework holds about a person (their right of access
 * and to data portability). Version 1. Codes, not labels: a reader maps them with the published
 * code lists (phases, closure reasons, consent scopes, regimes). A field that is unknown is null,
 * never left out; lists are empty, never null. A later version may add fields; it renames or
 * removes one only with a new `version`.
 */
export const participantExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT).describe('Always this value: what the file is'),
    version: z.literal(EXPORT_VERSION).describe('The shape of this file; changes only when a field is renamed or removed'),
    generatedAt: instant.describe('When this copy was made'),
    person: z
      .object({ givenName: text, familyName: text, dateOfBirth: day, nhsNumber: optional.describe('10 digits, no spaces') })
      .describe('Who the person is'),
    contact: z
      .object({ addressLine1: text, addressLine2: optional, town: optional, postcode: text, phone: optional, email: optional })
      .describe('How to reach the person'),
    preferences: z
      .object({
        language: z.enum(['en', 'cy']).describe('Language for letters and messages'),
        contactMethod: z.enum(['email', 'phone', 'text', 'post']),
        doNotContact: z.array(z.string()).describe('Ways the person asked not to be contacted'),
      })
      .describe('How the person wants to be contacted'),
    accessibilityNeeds: text.describe('Support or adjustments the person needs, in words'),
    participation: z
      .object({ regime: z.enum(REGIMES), reason: optional.describe('Why the regime was last changed, if it was') })
      .describe('The participation regime: voluntary unless the person was referred by a Jobcentre with no health condition'),
    consents: z
      .object({
        current: z.array(z.enum(CONSENT_SCOPES)).describe('What the person agrees to now'),
        changes: z
          .array(z.object({ at: instant, by: text, withdrawn: z.array(z.string()), given: z.array(z.string()) }))
          .describe('Every change of consent, newest first'),
      })
      .describe('Consent: granular and withdrawable'),
    referral: z
      .object({
        reference: text,
        receivedAt: instant,
        route: z.string().describe('clinician, self, jobcentre or fhir'),
        referrerName: text,
        referringService: text,
        benefits: z.array(z.string()),
        helpWanted: text,
        urgency: z.string(),
        youngPerson: z.boolean(),
        consent: z.object({ scopes: z.array(z.string()), method: z.string(), givenOn: day, recordedBy: text }).describe('Consent as the referral recorded it'),
        status: z.string().describe('The referral’s status (FHIR Task status)'),
        milestone: z.string().describe('The furthest milestone reached'),
        health: z
          .object({ conditionsText: text, conditionCategories: z.array(z.string()), fitNote: z.string(), fitNoteAdvice: optional })
          .nullable()
          .describe('What the referral said about the person’s health'),
      })
      .describe('The referral that opened the case'),
    case: z
      .object({
        id: z.uuid(),
        team: text,
        specialist: optional,
        phase: z.enum(PHASES),
        openedAt: instant,
        closedAt: instant.nullable(),
        closureReason: z.enum(CLOSURE_REASONS).nullable(),
        closureNote: optional,
        lastContactAt: instant.nullable(),
        healthTeam: z.array(z.string()).describe('Named members of the person’s health team'),
      })
      .describe('The case: who supports the person and where it has got to'),
    history: z
      .array(
        z.object({
          at: instant,
          kind: z.string(),
          by: text,
          from: optional,
          to: optional,
          reason: optional,
          details: z.record(z.string(), z.unknown()),
        }),
      )
      .describe('The case timeline, newest first: phases, plan, appointments, notes, jobs, consent'),
    profile: z
      .object({
        workHistory: text,
        skills: text,
        qualifications: text,
        interests: text,
        wants: text,
        doesNotWant: text,
        helps: text,
        getsInTheWay: text,
        healthInOwnWords: optional.describe('Health in the person’s own words'),
        updatedAt: instant.nullable(),
        updatedBy: optional,
      })
      .describe('The vocational profile'),
    plan: z
      .array(
        z.object({
          id: z.uuid(),
          kind: z.enum(['goal', 'action']),
          goalId: z.uuid().nullable(),
          text,
          owner: z.enum(['participant', 'specialist']),
          dueOn: day.nullable(),
          status: z.enum(PLAN_STATUSES),
          addedBy: z.enum(['participant', 'staff']),
          createdAt: instant,
        }),
      )
      .describe('Goals and actions'),
    appointments: z
      .array(
        z.object({
          id: z.uuid(),
          startsAt: instant,
          mode: z.enum(['in-person', 'phone', 'video']),
          place: text,
          attendanceRequired: z.boolean().describe('Only ever true in the conditional regime'),
          outcome: z.enum(['attended', 'rearranged', 'did-not-attend']).nullable(),
          outcomeNote: optional,
          followUpOf: z.uuid().nullable(),
        }),
      )
      .describe('Appointments, earliest first'),
    notes: z
      .array(z.object({ id: z.uuid(), kind: z.string(), body: text, author: text, authorKind: z.string(), at: instant }))
      .describe('Case notes, newest first, including the person’s own'),
    jobs: z
      .array(
        z.object({
          id: z.uuid(),
          employer: text,
          role: text,
          hoursPerWeek: z.number(),
          hourlyPay: z.number().describe('Pounds an hour'),
          contractType: z.string(),
          startDate: day,
          endDate: day.nullable(),
          endReason: optional,
          sustainedOn: day.nullable().describe('When 13 weeks of work were reached, if they were'),
          weeks: z.array(z.object({ week: z.number().int(), hours: z.number() })).describe('Hours worked, week by week from the start date'),
        }),
      )
      .describe('Jobs started, with the hours worked each week'),
  })
  .describe('A copy of everything Bridgework holds about one person');

export type ParticipantExport = z.output<typeof participantExportSchema>;

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
export const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The JSON download: the record in the documented, versioned shape. */
export function buildExport(r: ParticipantRecord, generatedAt: Date): ParticipantExport {
  const p = r.participant;
  const s = r.summary;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    generatedAt: iso(generatedAt),
    person: { givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth, nhsNumber: p.nhsNumber },
    contact: { addressLine1: p.addressLine1, addressLine2: p.addressLine2, town: p.town, postcode: p.postcode, phone: p.phone, email: p.email },
    preferences: {
      language: p.preferredLanguage,
      contactMethod: p.contactMethod as ParticipantExport['preferences']['contactMethod'],
      doNotContact: p.doNotContact,
    },
    accessibilityNeeds: p.accessibilityNeeds,
    participation: { regime: p.regime, reason: p.regimeReason },
    consents: {
      current: p.consentScopes,
      changes: r.events
        .filter((e) => e.kind === 'consent')
        .map((e) => ({ at: iso(e.at), by: e.actorName, withdrawn: stringList(e.details.withdrawn), given: stringList(e.details.given) })),
    },
    referral: {
      ...r.referral,
      receivedAt: iso(r.referral.receivedAt),
      health: r.health
        ? {
            conditionsText: r.health.conditionsText,
            conditionCategories: r.health.conditionCategories,
            fitNote: r.health.fitNote,
            fitNoteAdvice: r.health.fitNoteAdvice,
          }
        : null,
    },
    case: {
      id: s.id,
      team: s.teamName,
      specialist: s.specialistName,
      phase: s.phase,
      openedAt: iso(s.openedAt),
      closedAt: isoOrNull(s.closedAt),
      closureReason: s.closureReason,
      closureNote: s.closureNote,
      lastContactAt: isoOrNull(s.lastContactAt),
      healthTeam: r.healthTeam.map((m) => m.name),
    },
    history: r.events.map((e) => ({ at: iso(e.at), kind: e.kind, by: e.actorName, from: e.from, to: e.to, reason: e.reason, details: e.details })),
    profile: {
      workHistory: r.profile.workHistory,
      skills: r.profile.skills,
      qualifications: r.profile.qualifications,
      interests: r.profile.interests,
      wants: r.profile.wants,
      doesNotWant: r.profile.doesNotWant,
      helps: r.profile.helps,
      getsInTheWay: r.profile.getsInTheWay,
      healthInOwnWords: r.health ? r.health.healthInOwnWords : null,
      updatedAt: isoOrNull(r.profile.updatedAt),
      updatedBy: r.profile.updatedBy,
    },
    plan: r.plan.map((i) => ({
      id: i.id,
      kind: i.kind,
      goalId: i.goalId,
      text: i.text,
      owner: i.owner,
      dueOn: i.dueOn,
      status: i.status,
      addedBy: i.addedBy,
      createdAt: iso(i.createdAt),
    })),
    appointments: r.appointments.map((a) => ({
      id: a.id,
      startsAt: iso(a.startsAt),
      mode: a.mode,
      place: a.place,
      attendanceRequired: a.mandatory,
      outcome: a.outcome,
      outcomeNote: a.outcomeNote,
      followUpOf: a.followUpOf,
    })),
    notes: r.notes.map((n) => ({ id: n.id, kind: n.kind, body: n.body, author: n.authorName, authorKind: n.authorKind, at: iso(n.at) })),
    // A job as recorded is already the published shape.
    jobs: r.jobs,
  };
}
