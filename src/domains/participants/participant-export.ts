import { z } from 'zod';
import type { Translate } from '../../platform/i18n/index.ts';
import { formatIsoDate, formatMoment as formatUkMoment } from '../../platform/i18n/index.ts';
import type { PdfBlock, PdfDocument } from '../../platform/pdf/index.ts';
import { REGIMES } from '../participation/index.ts';
import { type CaseEvent, type CaseView, CLOSURE_REASONS, CONSENT_SCOPES, PHASES, PLAN_STATUSES } from './case.ts';
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
const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

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
    jobs: r.jobs.map((j) => ({
      id: j.id,
      employer: j.employer,
      role: j.role,
      hoursPerWeek: j.hoursPerWeek,
      hourlyPay: j.hourlyPay,
      contractType: j.contractType,
      startDate: j.startDate,
      endDate: j.endDate,
      endReason: j.endReason,
      sustainedOn: j.sustainedOn,
      weeks: j.weeks,
    })),
  };
}

type Language = 'en' | 'cy';

/** A calendar date (YYYY-MM-DD) as words, like 12 April 1988 or 12 Ebrill 1988. */
export function formatDay(isoDay: string, lang: Language): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDay) && !Number.isNaN(Date.parse(isoDay)) ? formatIsoDate(isoDay, lang) : isoDay;
}

/** A moment as a UK date and time in words. */
export const formatMoment = (at: Date | string, lang: Language): string => formatUkMoment(new Date(at), lang, 'dateTime');

/** A moment's UK calendar date in words. */
export const formatMomentDay = (at: Date | string, lang: Language): string => formatUkMoment(new Date(at), lang, 'day');

const capitalise = (s: string) => (s ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s);

const EVENT_KINDS = [
  'profile',
  'plan',
  'appointment',
  'note',
  'job-start',
  'job-week',
  'job-end',
  'phase',
  'closed',
  'reengaged',
  'reassigned',
  'regime',
  'consent',
  'health-team',
  'break-glass',
  'compliance-report',
] as const;

/** What one timeline entry was, in the reader's words. */
export function eventLabel(kind: string, t: Translate): string {
  return t(`participant.export.event.${(EVENT_KINDS as readonly string[]).includes(kind) ? kind : 'other'}`);
}

/** A timeline entry's detail in the reader's words: labels for codes, what it was about, and the words given with it. */
export function eventDetail(e: CaseEvent, r: ParticipantRecord, t: Translate, lang: Language): string {
  const label = (prefix: string, v: string | null) => (v === null ? '' : t(`${prefix}.${v}`));
  const fromTo = (prefix: string) => [label(prefix, e.from), label(prefix, e.to)].filter(Boolean).join(' → ');
  const consents = (v: unknown) => stringList(v).map((s) => t(`cases.consent.${s}`));
  const item = r.plan.find((i) => i.id === e.details.item);
  const job = r.jobs.find((j) => j.id === e.details.job);
  let detail = '';
  switch (e.kind) {
    case 'phase':
    case 'reengaged':
      detail = fromTo('cases.phase');
      break;
    case 'closed':
      detail = typeof e.details.closureReason === 'string' ? t(`cases.closure.${e.details.closureReason}`) : fromTo('cases.phase');
      break;
    case 'plan':
      detail = [item?.text ?? '', e.from && e.to ? fromTo('cases.planStatus') : ''].filter(Boolean).join(': ');
      break;
    case 'regime':
      detail = fromTo('cases.regime');
      break;
    case 'note':
      detail = typeof e.details.kind === 'string' ? t(`cases.note.${e.details.kind}`) : '';
      break;
    case 'job-start':
    case 'job-week':
    case 'job-end':
      detail = job ? `${job.role}, ${job.employer}` : '';
      break;
    case 'consent': {
      const withdrawn = consents(e.details.withdrawn);
      const given = consents(e.details.given);
      detail = [
        withdrawn.length ? t('participant.consent.withdrawn', { list: withdrawn.join('; ') }) : '',
        given.length ? t('participant.consent.given', { list: given.join('; ') }) : '',
      ]
        .filter(Boolean)
        .join(' ');
      break;
    }
    case 'appointment':
      detail = typeof e.details.startsAt === 'string' ? formatMoment(e.details.startsAt, lang) : '';
      break;
    default:
      detail = e.to ?? '';
  }
  // The words given with a change, unless they only repeat a code already shown as a label.
  const reason = e.reason && e.reason !== e.details.closureReason ? e.reason : '';
  return [detail, reason].filter(Boolean).join('. ');
}

/**
 * The readable copy of the record, in the reader's language, as blocks for the PDF renderer:
 * about the person, how they take part and what they agree to, their referral and health, their
 * support, profile, plan, appointments, notes, jobs, and what has happened.
 */
export function buildExportPdf(r: ParticipantRecord, t: Translate, lang: Language, generatedAt: Date): PdfDocument {
  const p = r.participant;
  const s = r.summary;
  const none = t('participant.export.none');
  const notGiven = t('participant.export.notGiven');
  const orNotGiven = (v: string | null | undefined) => (v && v.trim() !== '' ? v : notGiven);
  const section = (key: string): PdfBlock => ({ kind: 'heading', text: t(key), level: 2 });
  const nothing: PdfBlock = { kind: 'paragraph', text: t('participant.export.nothing') };
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: t('participant.export.title'), level: 1 },
    { kind: 'paragraph', text: t('participant.export.made', { date: formatMomentDay(generatedAt, lang), name: `${p.givenName} ${p.familyName}` }) },
    { kind: 'paragraph', text: t('participant.export.intro') },
  ];

  blocks.push(section('participant.export.about'), {
    kind: 'facts',
    rows: [
      { label: t('participant.export.name'), value: `${p.givenName} ${p.familyName}` },
      { label: t('participant.export.dateOfBirth'), value: formatDay(p.dateOfBirth, lang) },
      { label: t('participant.export.nhsNumber'), value: orNotGiven(p.nhsNumber) },
      { label: t('participant.export.address'), value: [p.addressLine1, p.addressLine2, p.town, p.postcode].filter(Boolean).join('\n') },
      { label: t('participant.export.phone'), value: orNotGiven(p.phone) },
      { label: t('participant.export.email'), value: orNotGiven(p.email) },
      { label: t('participant.export.language'), value: t(`referrals.language.${p.preferredLanguage}`) },
      { label: t('participant.export.contactMethod'), value: t(`referrals.contactMethod.${p.contactMethod}`) },
      {
        label: t('participant.export.doNotContact'),
        value: p.doNotContact.length ? p.doNotContact.map((c) => t(`referrals.contactMethod.${c}`)).join(', ') : none,
      },
      { label: t('participant.export.accessibility'), value: p.accessibilityNeeds.trim() || none },
    ],
  });

  blocks.push(section('participant.export.participation'), {
    kind: 'facts',
    rows: [
      { label: t('participant.export.regime'), value: t(`cases.regime.${p.regime}`) },
      ...(p.regimeReason ? [{ label: t('participant.export.regimeReason'), value: p.regimeReason }] : []),
    ],
  });
  blocks.push(section('participant.export.consents'));
  blocks.push(p.consentScopes.length ? { kind: 'list', items: p.consentScopes.map((c) => t(`cases.consent.${c}`)) } : nothing);

  const ref = r.referral;
  blocks.push(section('participant.export.referral'), {
    kind: 'facts',
    rows: [
      { label: t('participant.export.reference'), value: ref.reference },
      { label: t('participant.export.received'), value: formatMomentDay(ref.receivedAt, lang) },
      { label: t('participant.export.referredBy'), value: ref.referrerName },
      { label: t('participant.export.referringService'), value: t(`referrals.service.${ref.referringService}`) },
      { label: t('participant.export.benefits'), value: ref.benefits.length ? ref.benefits.map((b) => t(`referrals.benefit.${b}`)).join(', ') : none },
      { label: t('participant.export.helpWanted'), value: orNotGiven(ref.helpWanted) },
      { label: t('participant.export.urgency'), value: t(`referrals.urgency.${ref.urgency}`) },
      {
        label: t('participant.export.consentGiven'),
        value: t('participant.export.consentGivenValue', {
          method: t(`referrals.consentMethod.${ref.consent.method}`),
          date: formatDay(ref.consent.givenOn, lang),
          by: ref.consent.recordedBy,
        }),
      },
    ],
  });

  blocks.push(section('participant.export.health'));
  if (r.health) {
    blocks.push({
      kind: 'facts',
      rows: [
        { label: t('participant.export.conditions'), value: orNotGiven(r.health.conditionsText) },
        {
          label: t('participant.export.conditionCategories'),
          value: r.health.conditionCategories.length ? r.health.conditionCategories.map((c) => t(`referrals.category.${c}`)).join(', ') : none,
        },
        { label: t('participant.export.fitNote'), value: t(`referrals.fitNote.${r.health.fitNote}`) },
        ...(r.health.fitNoteAdvice ? [{ label: t('participant.export.fitNoteAdvice'), value: r.health.fitNoteAdvice }] : []),
        { label: t('participant.export.healthInOwnWords'), value: orNotGiven(r.health.healthInOwnWords) },
      ],
    });
  } else blocks.push(nothing);

  blocks.push(section('participant.export.case'), {
    kind: 'facts',
    rows: [
      { label: t('participant.export.team'), value: s.teamName },
      { label: t('participant.export.specialist'), value: orNotGiven(s.specialistName) },
      { label: t('participant.export.phase'), value: t(`cases.phase.${s.phase}`) },
      { label: t('participant.export.opened'), value: formatMomentDay(s.openedAt, lang) },
      ...(s.closedAt ? [{ label: t('participant.export.closed'), value: formatMomentDay(s.closedAt, lang) }] : []),
      ...(s.closureReason
        ? [{ label: t('participant.export.closureReason'), value: [t(`cases.closure.${s.closureReason}`), s.closureNote].filter(Boolean).join('. ') }]
        : []),
      ...(r.healthTeam.length ? [{ label: t('participant.export.healthTeam'), value: r.healthTeam.map((m) => m.name).join(', ') }] : []),
    ],
  });

  const pr = r.profile;
  blocks.push(section('participant.export.profile'), {
    kind: 'facts',
    rows: (
      [
        ['participant.export.workHistory', pr.workHistory],
        ['participant.export.skills', pr.skills],
        ['participant.export.qualifications', pr.qualifications],
        ['participant.export.interests', pr.interests],
        ['participant.export.wants', pr.wants],
        ['participant.export.doesNotWant', pr.doesNotWant],
        ['participant.export.helps', pr.helps],
        ['participant.export.getsInTheWay', pr.getsInTheWay],
      ] as const
    ).map(([key, value]) => ({ label: t(key), value: orNotGiven(value) })),
  });

  blocks.push(section('participant.export.plan'));
  const goals = r.plan.filter((i) => i.kind === 'goal');
  const actions = r.plan.filter((i) => i.kind === 'action');
  if (goals.length) blocks.push({ kind: 'list', items: goals.map((g) => `${g.text} (${t(`cases.planStatus.${g.status}`)})`) });
  if (actions.length) {
    blocks.push({
      kind: 'table',
      head: [t('participant.plan.action'), t('participant.plan.who'), t('participant.plan.due'), t('participant.plan.status')],
      rows: actions.map((a) => [
        a.text,
        t(`cases.owner.${a.owner}`),
        a.dueOn ? formatDay(a.dueOn, lang) : t('participant.plan.noDue'),
        t(`cases.planStatus.${a.status}`),
      ]),
    });
  }
  if (!goals.length && !actions.length) blocks.push(nothing);

  blocks.push(section('participant.export.appointments'));
  blocks.push(
    r.appointments.length
      ? {
          kind: 'table',
          head: [t('participant.plan.when'), t('participant.plan.how'), t('participant.plan.where'), t('participant.plan.outcome')],
          rows: r.appointments.map((a) => [
            formatMoment(a.startsAt, lang),
            capitalise(t(`cases.mode.${a.mode}`)),
            a.place || notGiven,
            a.outcome ? [t(`cases.outcome.${a.outcome}`), a.outcomeNote].filter(Boolean).join('. ') : '',
          ]),
        }
      : nothing,
  );

  blocks.push(section('participant.export.notes'));
  if (r.notes.length === 0) blocks.push(nothing);
  for (const n of r.notes) {
    blocks.push(
      { kind: 'heading', level: 3, text: `${formatMoment(n.at, lang)}: ${t(`cases.note.${n.kind}`)}` },
      { kind: 'paragraph', text: `${t('participant.export.author')}: ${n.authorName}` },
      { kind: 'paragraph', text: n.body },
    );
  }

  blocks.push(section('participant.export.jobs'));
  if (r.jobs.length === 0) blocks.push(nothing);
  for (const j of r.jobs) {
    const pay = j.hourlyPay.toLocaleString(lang === 'cy' ? 'cy-GB' : 'en-GB', { style: 'currency', currency: 'GBP' });
    blocks.push(
      { kind: 'heading', level: 3, text: `${j.role}, ${j.employer}` },
      {
        kind: 'facts',
        rows: [
          { label: t('participant.export.hours'), value: String(j.hoursPerWeek) },
          { label: t('participant.export.pay'), value: pay },
          { label: t('participant.export.contract'), value: t(`cases.contract.${j.contractType}`) },
          { label: t('participant.export.started'), value: formatDay(j.startDate, lang) },
          ...(j.endDate ? [{ label: t('participant.export.ended'), value: formatDay(j.endDate, lang) }] : []),
          ...(j.endReason ? [{ label: t('participant.export.endReason'), value: j.endReason }] : []),
          ...(j.sustainedOn ? [{ label: t('participant.export.sustained'), value: formatDay(j.sustainedOn, lang) }] : []),
        ],
      },
    );
    if (j.weeks.length)
      blocks.push({
        kind: 'table',
        head: [t('participant.export.week'), t('participant.export.weekHours')],
        rows: j.weeks.map((w) => [String(w.week), String(w.hours)]),
      });
  }

  blocks.push(section('participant.export.history'));
  blocks.push(
    r.events.length
      ? {
          kind: 'table',
          head: [t('participant.plan.when'), t('participant.export.what'), t('participant.export.by'), t('participant.export.details')],
          rows: r.events.map((e) => [formatMoment(e.at, lang), eventLabel(e.kind, t), e.actorName, eventDetail(e, r, t, lang)]),
        }
      : nothing,
  );

  return {
    title: t('participant.export.title'),
    language: lang,
    author: 'Bridgework',
    subject: `${p.givenName} ${p.familyName}`,
    footer: t('participant.export.footer'),
    createdAt: generatedAt,
    blocks,
  };
}
