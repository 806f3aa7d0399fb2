import type { Translate } from '../../platform/i18n/index.ts';
import { capitalise, formatIsoDate, formatMoment as formatUkMoment } from '../../platform/i18n/index.ts';
import type { PdfBlock, PdfDocument } from '../../platform/pdf/index.ts';
import { spacedNhsNumber } from '../referrals/index.ts';
import type { CaseEvent } from './case.ts';
import { type ParticipantRecord, stringList } from './participant-export.ts';

/*
 * The readable PDF download, in the person's language, and the words for dates and timeline entries
 * that the person's pages share with it.
 */
type Language = 'en' | 'cy';

/** A calendar date (YYYY-MM-DD) as words, like 12 April 1988 or 12 Ebrill 1988. */
export function formatDay(isoDay: string, lang: Language): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDay) && !Number.isNaN(Date.parse(isoDay)) ? formatIsoDate(isoDay, lang) : isoDay;
}

/** A moment as a UK date and time in words. */
export const formatMoment = (at: Date | string, lang: Language): string => formatUkMoment(new Date(at), lang, 'dateTime');

/** A moment's UK calendar date in words. */
export const formatMomentDay = (at: Date | string, lang: Language): string => formatUkMoment(new Date(at), lang, 'day');

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
  // Written by the benefits capability through the case kernel or its hourly sweep.
  'benefit-award',
  'bridge-back-guarantee',
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
    case 'benefit-award':
    case 'bridge-back-guarantee':
      // Their words say it all; the codes they carry are not for reading.
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
 * support, profile, plan, appointments, notes, jobs, what other capabilities hold (their benefit
 * before work and bridge-back guarantees), and what has happened.
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
      { label: t('participant.export.nhsNumber'), value: orNotGiven(p.nhsNumber ? spacedNhsNumber(p.nhsNumber) : null) },
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
      { label: t('participant.export.phase'), value: capitalise(t(`participant.phase.${s.phase}`)) },
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
    const money = (n: number) => n.toLocaleString(lang === 'cy' ? 'cy-GB' : 'en-GB', { style: 'currency', currency: 'GBP' });
    const pay = j.hourlyPay === null ? t('participant.export.payNotRecorded') : money(j.hourlyPay);
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
        head: [t('participant.export.week'), t('participant.export.weekHours'), t('participant.export.weekPay')],
        rows: j.weeks.map((w) => [String(w.week), String(w.hours), w.hourlyPay === null ? '' : money(w.hourlyPay)]),
      });
  }

  // What other capabilities hold about the person, in their words: a heading each, and blocks if anything is held.
  for (const extra of r.sections.readable(t, lang)) {
    blocks.push({ kind: 'heading', text: extra.heading, level: 2 });
    blocks.push(...(extra.blocks.length ? extra.blocks : [nothing]));
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
