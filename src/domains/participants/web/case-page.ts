import type { Language } from '../../../platform/db/index.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { allowedActions, isVoluntary } from '../../participation/index.ts';
import { spacedNhsNumber } from '../../referrals/index.ts';
import { type CaseEvent, type Job, MANAGED_CONSENTS, type PlanItem } from '../case.ts';
import { nextPhases, seesHealth, sustainedWork } from '../case-rules.ts';
import type { CaseService } from '../case-service.ts';
import { appointmentTime, dateTime, day, daysBetween, hours, link, money, type Row, row, textRow, withChange } from './case-format.ts';

export type FullCaseView = Awaited<ReturnType<CaseService['view']>>;

/** What the reader may do on this case, worked out once for the page and for every form. */
export function abilities(view: FullCaseView, reader: { roles: readonly string[] }) {
  const open = view.summary.phase !== 'closed';
  const work = view.canWork && open;
  const consent = view.participant.consentScopes;
  const regimeActions = allowedActions(view.participant.regime);
  return {
    open,
    work,
    /** A health-team member may add a liaison note without working the case. */
    writeNotes: open && (view.canWork || (view.relationship === 'health-team' && consent.includes('share-with-health-team'))),
    healthNote: seesHealth(view.relationship) && consent.includes('share-with-health-team'),
    employerNote: consent.includes('contact-employers'),
    mandatory: regimeActions.includes('mandatory-appointment'),
    obligationWording: regimeActions.includes('obligation-wording'),
    complianceReport: regimeActions.includes('compliance-doubt-report'),
    reassign: view.isTeamLead && open,
    reengage: view.canWork && !open,
    /** Emergency access to health information is for staff who work cases, when they have no working relationship. */
    breakGlass: view.relationship === 'none' && reader.roles.some((r) => r === 'specialist' || r === 'team-lead'),
  };
}

const lines = (text: string) => text.split(/\r?\n/);

function eventTitle(e: CaseEvent, t: Translate, lang: Language): string {
  const phase = (p: string | null) => (p ? t(`cases.phase.${p}`) : '');
  const d = e.details;
  switch (e.kind) {
    case 'phase':
      return t('caseload.event.phase', { from: phase(e.from), to: phase(e.to) });
    case 'closed':
      return t('caseload.event.closed', { reason: t(`cases.closure.${String(d.closureReason ?? 'other')}`) });
    case 'reengaged':
      return t('caseload.event.reengaged');
    case 'reassigned':
      return e.from ? t('caseload.event.reassigned', { from: e.from, to: e.to ?? '' }) : t('caseload.event.assigned', { to: e.to ?? '' });
    case 'regime':
      return t('caseload.event.regime', { from: t(`cases.regime.${e.from}`), to: t(`cases.regime.${e.to}`) });
    case 'compliance-report':
      return t('caseload.event.compliance-report');
    case 'consent':
      return t('caseload.event.consent');
    case 'health-team':
      return t('caseload.event.health-team', { name: e.to ?? '' });
    case 'break-glass':
      return t('caseload.event.break-glass');
    case 'profile':
      return t('caseload.event.profile');
    case 'details':
      return t('caseload.event.details');
    case 'plan':
      return e.to
        ? t('caseload.event.planStatus', { status: t(`cases.planStatus.${e.to}`) })
        : t(`caseload.event.plan.${d.kind === 'goal' ? 'goal' : 'action'}`);
    case 'appointment':
      return e.to
        ? t('caseload.event.outcome', { outcome: t(`cases.outcome.${e.to}`) })
        : t('caseload.event.booked', { when: typeof d.startsAt === 'string' ? appointmentTime(new Date(d.startsAt), lang) : '' });
    case 'note':
      return t('caseload.event.note', { kind: t(`cases.note.${String(d.kind)}`) });
    case 'job-start':
      return t('caseload.event.job-start', { role: String(d.role ?? ''), employer: String(d.employer ?? '') });
    case 'job-week':
      return t('caseload.event.job-week', { week: Number(d.week ?? 0), hours: hours(Number(d.hours ?? 0), lang) });
    case 'job-end':
      return t('caseload.event.job-end');
    // Written by the benefits capability through the case kernel or its hourly sweep.
    case 'benefit-award':
      return t('caseload.event.benefit-award');
    case 'bridge-back-guarantee':
      return t(`caseload.event.guarantee.${e.to ?? 'reminded'}`);
    // Written by the directory capability's onward referrals, and by the provider through its link.
    case 'onward-referral':
      return t(`caseload.event.onward-referral.${e.to ?? 'sent'}`, { service: String(d.service ?? '') });
    // Written by the youth capability: triage, offers, and the clock's reminder and breach.
    case 'youth':
      return t(`youth.event.${e.to ?? 'triaged'}`, { provider: String(d.provider ?? '') });
    default:
      return t('caseload.event.other');
  }
}

/**
 * Reasons the service itself writes on the timeline, in English, with their catalogue keys: the page
 * shows every reader their own language. A reason typed by a person is shown as typed.
 */
const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  'job found': 'caseload.reason.jobFound',
  'job started': 'caseload.reason.jobStarted',
  'job ended': 'caseload.reason.jobEnded',
  'profile started': 'caseload.reason.profileStarted',
  'referred the person on, with their consent': 'caseload.reason.referredOn',
};

/** A guarantee's timeline detail from its recorded facts, never from the English sentence kept beside them (it names rule codes). */
function guaranteeDetail(e: CaseEvent, t: Translate, lang: Language): string | null {
  const d = e.details;
  const on = (v: unknown) => (typeof v === 'string' ? day(v, lang) : null);
  if (e.to === 'used' && on(d.endDate)) return t('caseload.event.guaranteeUsedDetail', { date: on(d.endDate) ?? '' });
  if (e.to === 'withdrawn') {
    const why = typeof d.withdrawReason === 'string' ? t(`guarantee.withdrawReason.${d.withdrawReason}`) : null;
    return [why, why ? e.reason : null].filter(Boolean).join(': ') || null;
  }
  return on(d.protectedUntil) ? t('caseload.event.guaranteeUntil', { date: on(d.protectedUntil) ?? '' }) : null;
}

function eventDetail(e: CaseEvent, t: Translate, lang: Language): string | null {
  if (e.kind === 'consent') {
    const list = (v: unknown) => (Array.isArray(v) ? v.map((s) => t(`cases.consent.${String(s)}`)).join(', ') : '');
    return [
      list(e.details.given) ? t('caseload.event.consentGiven', { scopes: list(e.details.given) }) : null,
      list(e.details.withdrawn) ? t('caseload.event.consentWithdrawn', { scopes: list(e.details.withdrawn) }) : null,
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (e.kind === 'closed' && e.reason === e.details.closureReason) return null;
  // Written by the benefits capability: shown from the facts it recorded, in the reader's language.
  if (e.kind === 'benefit-award') return e.to ? t(`guarantee.benefit.${e.to}`) : null;
  if (e.kind === 'bridge-back-guarantee') return guaranteeDetail(e, t, lang);
  const system = e.reason ? SYSTEM_REASONS[e.reason] : undefined;
  return system ? t(system) : e.reason;
}

function jobCard(job: Job, dateOfBirth: string | null, base: string, canWork: boolean, t: Translate, lang: Language) {
  const sustained = sustainedWork(job, { dateOfBirth });
  const needed = sustained.parameters[1]?.value ?? 13;
  const weeksList = (weeks: readonly number[]) => weeks.join(', ');
  // Why weeks of enough hours did not count: pay not recorded, or below the minimum wage for the person's age.
  const payNotes = job.sustainedOn
    ? []
    : [
        ...(sustained.pay.notRecorded.length ? [t('caseload.job.payNotRecordedWeeks', { weeks: weeksList(sustained.pay.notRecorded) })] : []),
        ...(sustained.pay.belowMinimum.length
          ? [t('caseload.job.belowMinimumWeeks', { weeks: weeksList(sustained.pay.belowMinimum.map((b) => b.week)) })]
          : []),
      ];
  const status = [
    job.sustainedOn
      ? t('caseload.job.sustainedOn', { date: day(job.sustainedOn, lang) })
      : t('caseload.job.notYetSustained', { weeks: sustained.bestWindow.qualifyingWeeks, needed }),
    ...payNotes,
  ].join(' ');
  const weekText = (w: Job['weeks'][number]) =>
    w.hourlyPay === null
      ? t('caseload.job.week', { week: w.week, hours: hours(w.hours, lang) })
      : t('caseload.job.weekPaid', { week: w.week, hours: hours(w.hours, lang), pay: money(w.hourlyPay, lang) });
  const actions = canWork && !job.endDate;
  return {
    card: {
      title: { text: t('caseload.job.title', { role: job.role, employer: job.employer }) },
      actions: actions
        ? {
            items: [
              { href: `${base}/jobs/${job.id}/week`, text: t('caseload.job.recordWeek'), visuallyHiddenText: `${job.role}, ${job.employer}` },
              { href: `${base}/jobs/${job.id}/end`, text: t('caseload.job.end'), visuallyHiddenText: `${job.role}, ${job.employer}` },
            ],
          }
        : undefined,
    },
    rows: [
      row(t('caseload.job.hoursPerWeek'), hours(job.hoursPerWeek, lang), t),
      row(t('caseload.job.hourlyPay'), job.hourlyPay === null ? t('caseload.job.payNotRecorded') : money(job.hourlyPay, lang), t),
      row(t('caseload.job.contract'), t(`cases.contract.${job.contractType}`), t),
      row(t('caseload.job.startDate'), day(job.startDate, lang), t),
      ...(job.endDate ? [row(t('caseload.job.ended'), `${day(job.endDate, lang)}: ${job.endReason ?? ''}`, t)] : []),
      row(t('caseload.job.weeks'), job.weeks.length ? job.weeks.map(weekText).join(', ') : t('caseload.job.noWeeks'), t),
      row(t('caseload.job.sustained'), status, t),
    ],
  };
}

function planCards(view: FullCaseView, base: string, canWork: boolean, t: Translate, lang: Language) {
  const ownerOf = (i: PlanItem) => (i.owner === 'participant' ? view.summary.personName : t('caseload.owner.specialist'));
  const describe = (i: PlanItem) =>
    [ownerOf(i), i.dueOn ? t('caseload.plan.due', { date: day(i.dueOn, lang) }) : null, t(`cases.planStatus.${i.status}`)].filter(Boolean).join(' · ');
  const update = (i: PlanItem) =>
    canWork && i.status === 'open' ? { items: [{ href: `${base}/plan/${i.id}`, text: t('caseload.plan.update'), visuallyHiddenText: i.text }] } : undefined;
  const actionRows = (items: PlanItem[]): Row[] => items.map((i) => ({ key: { text: i.text }, value: { text: describe(i) }, actions: update(i) }));
  const goals = view.plan.filter((i) => i.kind === 'goal');
  const goalIds = new Set(goals.map((g) => g.id));
  const cards = goals.map((g) => ({
    card: { title: { text: t('caseload.plan.goal', { text: g.text }) }, actions: update(g) },
    rows: [row(t('caseload.plan.goalStatus'), describe(g), t), ...actionRows(view.plan.filter((i) => i.kind === 'action' && i.goalId === g.id))],
  }));
  const loose = view.plan.filter((i) => i.kind === 'action' && (!i.goalId || !goalIds.has(i.goalId)));
  if (loose.length) cards.push({ card: { title: { text: t('caseload.plan.otherActions') }, actions: undefined }, rows: actionRows(loose) });
  return cards;
}

/** The case page's view model: every section as summary lists, tables and links, in the reader's language. */
/**
 * Whether the latest job start made a bridge-back guarantee (the benefits capability writes its
 * timeline entry in the job start's own transaction), so the confirmation can say so and link to it.
 */
export function jobStartMadeGuarantee(events: readonly CaseEvent[]): boolean {
  const starts = events.filter((e) => e.kind === 'job-start').map((e) => e.at.getTime());
  if (starts.length === 0) return false;
  const latest = Math.max(...starts);
  return events.some((e) => e.kind === 'bridge-back-guarantee' && e.to === 'active' && e.at.getTime() >= latest);
}

export function presentCase(
  view: FullCaseView,
  c: { t: Translate; lang: Language; now: Date; done: string | null; doneKey?: string; reader: { roles: readonly string[] } },
) {
  const { t, lang, now } = c;
  const s = view.summary;
  const p = view.participant;
  const base = `/cases/${s.id}`;
  const can = abilities(view, c.reader);
  const change = (path: string) => (can.work ? `${base}/${path}` : null);
  const h = view.health;
  const lastContact = s.lastContactAt ? `${dateTime(s.lastContactAt, lang)} (${daysAgo(daysBetween(s.lastContactAt, now), t)})` : t('caseload.noContactYet');

  const caseRows = [
    row(t('caseload.case.phase'), t(`cases.phase.${s.phase}`), t),
    ...(s.closureReason ? [row(t('caseload.case.closure'), [t(`cases.closure.${s.closureReason}`), s.closureNote].filter(Boolean).join(': '), t)] : []),
    row(t('caseload.case.regime'), t(`cases.regime.${s.regime}`), t),
    row(t('caseload.case.specialist'), s.specialistName, t),
    row(t('caseload.case.team'), s.teamName, t),
    { key: { text: t('caseload.case.referral') }, value: { html: link(`/referrals/${s.referralId}`, s.referralReference) } },
    row(t('caseload.case.opened'), dateTime(s.openedAt, lang), t),
    row(t('caseload.case.lastContact'), lastContact, t),
    row(t('caseload.case.nextAppointment'), s.nextAppointmentAt ? appointmentTime(s.nextAppointmentAt, lang) : t('caseload.none'), t),
    ...(s.youngPerson ? [row(t('caseload.case.youngPerson'), t('caseload.yes'), t)] : []),
  ];

  const actions = [
    ...(can.work && nextPhases(s.phase).some((p) => p !== 'closed') ? [{ href: `${base}/phase`, text: t('caseload.action.phase') }] : []),
    // The better-off calculation is part of the work on a case, not two links deep under benefits.
    ...(can.work ? [{ href: `${base}/better-off`, text: t('caseload.action.betterOff') }] : []),
    ...(can.work ? [{ href: `${base}/close`, text: t('caseload.action.close') }] : []),
    ...(can.reengage ? [{ href: `${base}/reengage`, text: t('caseload.action.reengage') }] : []),
    ...(can.reassign ? [{ href: `${base}/reassign`, text: t('caseload.action.reassign') }] : []),
  ];

  const address = [p.addressLine1, p.addressLine2, p.town, p.postcode].filter(Boolean).join(', ');
  const participantRows = [
    row(t('caseload.person.name'), `${p.givenName} ${p.familyName}`, t),
    row(t('caseload.person.dateOfBirth'), day(p.dateOfBirth, lang), t),
    row(t('caseload.person.nhsNumber'), p.nhsNumber ? spacedNhsNumber(p.nhsNumber) : null, t),
    row(t('caseload.person.address'), address, t),
    row(t('caseload.person.phone'), p.phone, t),
    row(t('caseload.person.email'), p.email, t),
    withChange(row(t('caseload.person.language'), t(`referrals.language.${p.preferredLanguage}`), t), change('details'), t),
    withChange(row(t('caseload.person.contactMethod'), t(`referrals.contactMethod.${p.contactMethod}`), t), change('details'), t),
    row(t('caseload.person.doNotContact'), p.doNotContact.map((d) => t(`referrals.dnc.${d}`)).join(', '), t),
    withChange(textRow(t('caseload.person.accessibility'), p.accessibilityNeeds, t), change('details'), t),
  ];

  const health = h
    ? {
        rows: [
          textRow(t('caseload.health.conditions'), h.conditionsText, t),
          row(t('caseload.health.categories'), h.conditionCategories.map((x) => t(`referrals.category.${x}`)).join(', '), t),
          row(t('caseload.health.fitNote'), t(`referrals.fitNote.${h.fitNote}`), t),
          textRow(t('caseload.health.fitNoteAdvice'), h.fitNoteAdvice, t),
          withChange(textRow(t('caseload.health.ownWords'), h.healthInOwnWords, t), change('profile'), t),
        ],
        breakGlass: view.breakGlass ? t('caseload.health.breakGlassActive', { until: dateTime(view.breakGlass.expiresAt, lang) }) : null,
      }
    : null;

  const pr = view.profile;
  const profileRows = (
    [
      ['workHistory', pr.workHistory],
      ['skills', pr.skills],
      ['qualifications', pr.qualifications],
      ['interests', pr.interests],
      ['wants', pr.wants],
      ['doesNotWant', pr.doesNotWant],
      ['helps', pr.helps],
      ['getsInTheWay', pr.getsInTheWay],
    ] as const
  ).map(([k, v]) => withChange(textRow(t(`caseload.profile.${k}`), v, t), change('profile'), t));

  const appointments = view.appointments.map((a) => [
    { text: appointmentTime(a.startsAt, lang) },
    { text: [t(`cases.mode.${a.mode}`), a.place].filter(Boolean).join(', ') + (a.mandatory ? ` (${t('caseload.appointment.mandatory')})` : '') },
    a.outcome
      ? { text: [t(`cases.outcome.${a.outcome}`), a.outcomeNote].filter(Boolean).join(': ') }
      : can.work
        ? { html: link(`${base}/appointments/${a.id}/outcome`, t('caseload.appointment.recordOutcome'), appointmentTime(a.startsAt, lang)) }
        : { text: t('caseload.appointment.noOutcome') },
  ]);

  const notes = view.notes.map((n) => ({
    kind: t(`cases.note.${n.kind}`),
    meta: t('caseload.note.meta', { when: dateTime(n.at, lang), name: n.authorName }),
    lines: lines(n.body),
  }));

  const consentRows = MANAGED_CONSENTS.map((scope) => row(t(`cases.consent.${scope}`), t(p.consentScopes.includes(scope) ? 'caseload.yes' : 'caseload.no'), t));

  const participationRows = [
    withChange(row(t('caseload.case.regime'), t(`cases.regime.${p.regime}`), t), change('regime'), t),
    ...(p.regimeReason ? [row(t('caseload.participation.reason'), p.regimeReason, t)] : []),
  ];

  const timeline = [
    ...view.events
      // A health-team liaison note is health information: its entry is shown only with the notes it names.
      .filter((e) => h !== null || !(e.kind === 'note' && e.details.kind === 'health-liaison'))
      .map((e) => ({
        // A message the person could not be sent names them: the case page already does.
        title:
          e.kind === 'message-failed' ? t(`caseload.event.message-failed.${e.to === 'sms' ? 'sms' : 'email'}`, { name: s.personName }) : eventTitle(e, t, lang),
        meta: t('caseload.note.meta', { when: dateTime(e.at, lang), name: e.actorName }),
        detail: eventDetail(e, t, lang),
      })),
    { title: t('caseload.event.opened'), meta: dateTime(s.openedAt, lang), detail: null },
  ];

  return {
    title: s.personName,
    // The youth pathway's page (the youth capability), for a young person's case.
    youthHref: s.youngPerson ? `${base}/youth` : null,
    done: c.done,
    doneLink:
      c.doneKey === 'job' && jobStartMadeGuarantee(view.events)
        ? { text: t('caseload.done.jobGuarantee'), href: `${base}/benefits`, link: t('caseload.done.jobGuaranteeLink') }
        : null,
    readOnly: !view.canWork,
    closed: !can.open,
    caseRows,
    actions,
    participantRows,
    health,
    healthHidden: h ? null : { breakGlassHref: can.breakGlass ? `${base}/break-glass` : null },
    profileRows,
    profileUpdated: pr.updatedAt ? t('caseload.profile.updated', { when: dateTime(pr.updatedAt, lang), name: pr.updatedBy ?? '' }) : null,
    profileHref: change('profile'),
    plan: planCards(view, base, can.work, t, lang),
    goalHref: change('goals/new'),
    actionHref: change('actions/new'),
    appointments,
    bookHref: change('appointments/new'),
    notes,
    noteHref: can.writeNotes ? `${base}/notes/new` : null,
    jobs: view.jobs.map((j) => jobCard(j, view.participant.dateOfBirth, base, can.work, t, lang)),
    jobHref: change('jobs/new'),
    consentRows,
    consentHref: change('consent'),
    healthTeam: view.healthTeam.map((m) => m.name),
    healthTeamHref: change('health-team'),
    participationRows,
    voluntary: isVoluntary(p.regime),
    complianceHref: can.work && can.complianceReport ? `${base}/compliance-report` : null,
    timeline,
  };
}

export function daysAgo(days: number, t: Translate): string {
  if (days <= 0) return t('caseload.days.today');
  if (days === 1) return t('caseload.days.one');
  return t('caseload.days.many', { days });
}
