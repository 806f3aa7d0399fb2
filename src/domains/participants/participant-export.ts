import { z } from 'zod';
import type { Language } from '../../platform/db/index.ts';
import type { Translate } from '../../platform/i18n/index.ts';
import type { PdfBlock } from '../../platform/pdf/index.ts';
import { REGIMES } from '../participation/index.ts';
import { type CaseView, CLOSURE_REASONS, CONSENT_SCOPES, PHASES, PLAN_STATUSES } from './case.ts';
import type { ReferralRecord } from './participant-service.ts';

/**
 * What the person's download is built from: their case as they see it, the referral that opened it,
 * and the sections other capabilities hold about them (see `ExportSections`).
 */
export type ParticipantRecord = CaseView & { referral: ReferralRecord; sections: ExportSections };

export const EXPORT_FORMAT = 'bridgework.participant-record';
export const EXPORT_VERSION = 1;

const instant = z.iso.datetime().describe('A moment, ISO 8601 in UTC, like 2026-11-23T09:00:00.000Z');
const day = z.iso.date().describe('A calendar date, ISO 8601, like 2026-11-23');
const text = z.string();
const optional = z.string().nullable();

const ruleParameter = z
  .object({ name: text, value: z.number(), unit: text, effectiveFrom: day, confidence: text, source: text })
  .describe('A policy figure a rule used, with the date it took effect and where it comes from');

/** One record of the benefit the person had before work, as the evidence showed it. */
const benefitBeforeWorkSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid().describe('The case it was recorded on'),
  benefit: z.enum(['uc-lcw', 'uc-lcwra', 'esa-new-style', 'esa-income-related']),
  esaGroup: z.enum(['wrag', 'support-group']).nullable().describe('For ESA only'),
  decisionDate: day.describe('The date of the decision on the award'),
  evidence: z.array(z.enum(['award-letter', 'uc-journal', 'esa-decision-letter', 'wca-decision', 'other'])).describe('What the specialist saw'),
  evidenceNote: text.describe('About the evidence, in words; empty if nothing was written'),
  recordedAt: instant,
  recordedBy: text,
});

/** `esa-work-or-training` was revoked from 1 May 2012 (SI 2012/919): it names a rule only on a guarantee stored before it was re-stated. */
const RULES = ['uc-reclaim', 'esa-linking', 'esa-work-or-training', 'platform-protected-period'] as const;
/** One bridge-back guarantee, with every rule looked at and what has happened to it. */
const bridgeBackGuaranteeSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid().describe('The case it was made on'),
  benefitBeforeWorkId: z.uuid().describe('The record in benefitsBeforeWork it protects a return to'),
  status: z.enum(['active', 'used', 'expired', 'withdrawn']).describe('As of generatedAt: a guarantee past its last protected day is expired'),
  job: z.object({ id: z.uuid(), employer: text, role: text, startDate: day }).describe('The job it was made for'),
  startsOn: day,
  protectedUntil: day.describe('The last day protected'),
  protectingRule: z.enum(RULES).describe('The rule that protects longest'),
  rules: z
    .object({
      applied: z.array(
        z.object({
          rule: z.enum(RULES),
          until: day,
          statutory: z.boolean().describe('True for a rule in law; false for Bridgework’s own promise'),
          parameters: z.array(ruleParameter),
        }),
      ),
      notApplied: z.array(z.object({ rule: z.enum(RULES), reason: text, parameters: z.array(ruleParameter) })),
    })
    .describe('Every rule that protects the return to benefit, to the day it ends, and any looked at that did not apply, with why'),
  verificationCode: text.describe('The code on the certificate that anyone can check'),
  remindedAt: instant.nullable().describe('When the reminder that it ends soon was sent'),
  usedAt: instant.nullable().describe('When it was used: the job ended within the protected period'),
  jobEndedOn: day.nullable(),
  withdrawnAt: instant.nullable(),
  withdrawnReason: z.enum(['recorded-in-error', 'person-asked']).nullable(),
  withdrawnNote: optional,
  restatedAt: instant.nullable().describe('When it was re-stated because a rule it relied on is not law'),
  restatedFrom: day.nullable().describe('The last protected day it gave before it was re-stated'),
  createdAt: instant,
});

/** One Access to Work decision in principle (from that capability), without the assessment's workings. */
const accessToWorkDecisionSchema = z.object({
  id: z.uuid(),
  status: z.enum(['draft', 'issued', 'converted', 'expired', 'withdrawn']),
  assessedOn: day,
  validFrom: day.nullable(),
  validUntil: day.nullable(),
  yearlyAmount: z.number().describe('Pounds a year Access to Work would pay, as estimated'),
  job: z.object({ employer: text, role: text }).nullable().describe('The job it was converted for, once there was one'),
  verificationCode: optional,
  updatedAt: instant.describe('When it was last issued, converted, expired or withdrawn, or else made'),
});

/** One onward referral to a local service (from the directory capability). */
const onwardReferralSchema = z.object({
  id: z.uuid(),
  service: text,
  status: z.string().describe('sent, accepted, declined or completed'),
  need: text,
  sentAt: instant,
  updatedAt: instant.describe('The last thing that happened to it'),
  outcome: optional,
});

/** A young person's pathway (from the youth capability): the triage at first contact, the clock and the offers. */
const youthPathwaySchema = z.object({
  aims: z.array(text).describe('education, training, apprenticeship or work'),
  mentalHealth: text.describe('in-place, needed, not-needed or not-said'),
  housing: text,
  caring: text,
  notes: text,
  clockStartsOn: day,
  workingDays: z.number().describe('Working days from first contact to an offer'),
  offerDue: day,
  offers: z.array(
    z.object({
      id: z.uuid(),
      type: text,
      provider: text,
      details: text,
      offeredOn: day,
      startsOn: day.nullable(),
      status: text.describe('made, taken-up, declined, withdrawn, sustained or ended'),
      declineReason: optional,
      takenUpOn: day.nullable(),
      sustainedOn: day.nullable(),
      endedOn: day.nullable(),
    }),
  ),
});

/** Support to stay in work (from the retention capability): the job, fit notes, plan and phased return. */
const inWorkRetentionSchema = z.object({
  id: z.uuid(),
  referredBy: text,
  employer: text,
  jobTitle: text,
  hoursPerWeek: z.number(),
  absenceSpells: z.number(),
  absenceDays: z.number(),
  status: text.describe('referred, plan-agreed, phased-return or closed'),
  adjustments: z.array(text),
  planSharedWithEmployer: z.boolean(),
  fitNotes: z.array(
    z.object({
      fitness: text,
      advice: z.array(text),
      condition: text,
      comments: text,
      from: day,
      to: day.nullable(),
      followUpNeeded: z.boolean(),
      issuedOn: day,
    }),
  ),
  phasedReturn: z.array(
    z.object({ week: z.number(), startsOn: day, endsOn: day, hours: z.number(), duties: text, reviewOn: day.nullable(), doneAt: instant.nullable() }),
  ),
  outcome: optional,
  absenceDaysAfter: z.number().nullable(),
});

/** What work the person is looking for (from the employers capability). */
const workProfileSchema = z.object({
  occupationsWanted: z.array(text),
  occupationsExcluded: z.array(text),
  minHours: z.number(),
  maxHours: z.number(),
  maxTravelKm: z.number(),
  payFloorHourly: z.number().describe('The least pay an hour the person will take, in pounds'),
  adjustmentsNeeded: z.array(text),
  updatedAt: instant,
});

/**
 * What other capabilities hold about the person, for their download, without this one depending on
 * them: the benefit before work and bridge-back guarantees (from benefits), in the published shape,
 * and the same in the reader's words for the readable copy. Each section's blocks are empty when
 * nothing is held; the readable copy then says so.
 */
export type ExportSections = {
  benefitsBeforeWork: z.output<typeof benefitBeforeWorkSchema>[];
  bridgeBackGuarantees: z.output<typeof bridgeBackGuaranteeSchema>[];
  accessToWork?: z.output<typeof accessToWorkDecisionSchema>[];
  onwardReferrals?: z.output<typeof onwardReferralSchema>[];
  workProfile?: z.output<typeof workProfileSchema> | null;
  youthPathway?: z.output<typeof youthPathwaySchema> | null;
  inWorkRetention?: z.output<typeof inWorkRetentionSchema>[];
  readable(t: Translate, lang: Language): { heading: string; blocks: PdfBlock[] }[];
};

/** What a download holds when no other capability adds anything. */
export const NO_EXPORT_SECTIONS: ExportSections = { benefitsBeforeWork: [], bridgeBackGuarantees: [], readable: () => [] };

/** Several capabilities' sections as one: lists joined, the first work profile found, readable parts in order. */
export function mergeExportSections(parts: readonly ExportSections[]): ExportSections {
  return {
    benefitsBeforeWork: parts.flatMap((p) => p.benefitsBeforeWork),
    bridgeBackGuarantees: parts.flatMap((p) => p.bridgeBackGuarantees),
    accessToWork: parts.flatMap((p) => p.accessToWork ?? []),
    onwardReferrals: parts.flatMap((p) => p.onwardReferrals ?? []),
    workProfile: parts.find((p) => p.workProfile)?.workProfile ?? null,
    youthPathway: parts.find((p) => p.youthPathway)?.youthPathway ?? null,
    inWorkRetention: parts.flatMap((p) => p.inWorkRetention ?? []),
    readable: (t, lang) => parts.flatMap((p) => p.readable(t, lang)),
  };
}

/**
 * The machine-readable copy of everything Bridgework holds about a person (their right of access
 * and to data portability). Version 1. Codes, not labels: a reader maps them with the published
 * code lists (phases, closure reasons, consent scopes, regimes, benefits, rules). A field that is
 * unknown is null, never left out; lists are empty, never null. A later version may add fields; it
 * renames or removes one only with a new `version`.
 *
 * Added to version 1 later, so optional to a reader: `benefitsBeforeWork` and `bridgeBackGuarantees`;
 * later still `accessToWork`, `onwardReferrals` and `workProfile`; then `youthPathway` and `inWorkRetention`.
 * A copy made before they were added has neither; every copy made since has both, as empty lists
 * when nothing is held. Adding them renamed or removed nothing, so the version stays 1.
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
          hourlyPay: z.number().nullable().describe('Pounds an hour; null when not recorded'),
          contractType: z.string(),
          startDate: day,
          endDate: day.nullable(),
          endReason: optional,
          sustainedOn: day.nullable().describe('When 13 weeks of work were reached, if they were'),
          weeks: z
            .array(
              z.object({ week: z.number().int(), hours: z.number(), hourlyPay: z.number().nullable().describe('Pounds an hour that week, when recorded') }),
            )
            .describe('Hours worked, week by week from the start date'),
        }),
      )
      .describe('Jobs started, with the hours worked each week'),
    benefitsBeforeWork: z
      .array(benefitBeforeWorkSchema)
      .optional()
      .describe(
        'The benefit the person had before work, every record on any of their cases, newest first: on each case the newest counts. Added to version 1 later: absent from copies made before',
      ),
    bridgeBackGuarantees: z
      .array(bridgeBackGuaranteeSchema)
      .optional()
      .describe('The person’s bridge-back guarantees, on any of their cases, newest first. Added to version 1 later: absent from copies made before'),
    accessToWork: z
      .array(accessToWorkDecisionSchema)
      .optional()
      .describe('Access to Work decisions in principle, newest first. Added to version 1 later: absent from copies made before'),
    onwardReferrals: z
      .array(onwardReferralSchema)
      .optional()
      .describe('Referrals on to local services (debt advice, housing…), newest first. Added to version 1 later: absent from copies made before'),
    workProfile: workProfileSchema
      .nullable()
      .optional()
      .describe('What work the person is looking for; null when none was recorded. Added to version 1 later: absent from copies made before'),
    youthPathway: youthPathwaySchema
      .nullable()
      .optional()
      .describe('A young person’s pathway on this case; null when they are not on it. Added to version 1 later: absent from copies made before'),
    inWorkRetention: z
      .array(inWorkRetentionSchema)
      .optional()
      .describe('Support to stay in work, newest first. Added to version 1 later: absent from copies made before'),
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
    // A job as recorded is already the published shape, and so is what other capabilities add.
    jobs: r.jobs,
    benefitsBeforeWork: r.sections.benefitsBeforeWork,
    bridgeBackGuarantees: r.sections.bridgeBackGuarantees,
    accessToWork: r.sections.accessToWork ?? [],
    onwardReferrals: r.sections.onwardReferrals ?? [],
    workProfile: r.sections.workProfile ?? null,
    youthPathway: r.sections.youthPathway ?? null,
    inWorkRetention: r.sections.inWorkRetention ?? [],
  };
}
