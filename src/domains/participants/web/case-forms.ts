import type { UserPrincipal } from '../../../platform/auth/index.ts';
import type { Language } from '../../../platform/db/index.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { checkboxes, dateInput, type Field, type FieldState, input, radios, textarea } from '../../../platform/http/form-fields.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { isVoluntary, REGIMES } from '../../participation/index.ts';
import { APPOINTMENT_MODES, APPOINTMENT_OUTCOMES, CLOSURE_REASONS, CONTRACT_TYPES, MANAGED_CONSENTS, PLAN_OWNERS, STAFF_NOTE_KINDS } from '../case.ts';
import { nextPhases } from '../case-rules.ts';
import type { CaseService } from '../case-service.ts';
import { appointmentTime, money, normaliseAmount, normaliseTime, type Row, row, day as showDay } from './case-format.ts';
import type { abilities, FullCaseView } from './case-page.ts';

/** A form page about one case: what it shows, and what posting it does. */
export type FormPage = {
  title: string;
  /** The one question is the page heading (its label or legend), so there is no separate h1. */
  single?: boolean;
  lead?: string[];
  warning?: string;
  inset?: string;
  rows?: Row[];
  fields: Field[];
  /** No button when there is nothing to choose from. */
  button: string | null;
  buttonClasses?: string;
};

export type FormContext = {
  view: FullCaseView;
  can: ReturnType<typeof abilities>;
  t: Translate;
  lang: Language;
  state: FieldState;
  params: Readonly<Record<string, string>>;
  user: UserPrincipal;
  cases: CaseService;
};

type Submit = { cases: CaseService; user: UserPrincipal; caseId: string; body: Record<string, unknown>; params: Readonly<Record<string, string>> };

export type CaseForm = {
  /** Under /cases/:id/; `:name` segments are ids of things in the case. */
  path: string;
  /** Whether the reader may use this form on this case; otherwise the page is refused. */
  allowed: (can: ReturnType<typeof abilities>, view: FullCaseView) => boolean;
  /** What a fresh form holds. */
  initial?: (view: FullCaseView, params: Readonly<Record<string, string>>) => Record<string, unknown>;
  /** Date inputs, posted as three boxes each. */
  dates?: readonly string[];
  page: (c: FormContext) => FormPage | Promise<FormPage>;
  submit: (s: Submit) => Promise<unknown>;
  /** The success message's key under caseload.done. */
  done: string;
  /** Whether the form shows health fields; only then are they read (and the read audited). */
  needsHealth?: boolean;
};

const planItem = (view: FullCaseView, id: string | undefined) => {
  const item = view.plan.find((i) => i.id === id);
  if (item?.status !== 'open') throw new NotFound('open plan item', id);
  return item;
};
const appointment = (view: FullCaseView, id: string | undefined) => {
  const a = view.appointments.find((x) => x.id === id);
  if (!a || a.outcome) throw new NotFound('appointment without an outcome', id);
  return a;
};
const openJob = (view: FullCaseView, id: string | undefined) => {
  const j = view.jobs.find((x) => x.id === id);
  if (!j || j.endDate) throw new NotFound('current job', id);
  return j;
};
const ownerChoices = (view: FullCaseView, t: Translate) =>
  PLAN_OWNERS.map((o) => ({ value: o, text: o === 'participant' ? view.summary.personName : t('caseload.owner.specialist') }));
const jobRows = (job: { role: string; employer: string; startDate: string }, t: Translate, lang: Language) => [
  row(t('caseload.job.job'), t('caseload.job.title', { role: job.role, employer: job.employer }), t),
  row(t('caseload.job.startDate'), showDay(job.startDate, lang), t),
];

const work = (can: ReturnType<typeof abilities>) => can.work;

/** Every form about a case. Each posts to the case service, which decides; the page only offers what the reader may do. */
export const CASE_FORMS: readonly CaseForm[] = [
  {
    path: 'profile',
    allowed: work,
    needsHealth: true,
    initial: (view) => ({ ...view.profile, healthInOwnWords: view.health?.healthInOwnWords ?? '' }),
    page: ({ view, t, state }) => ({
      title: t('caseload.profile.title'),
      lead: [t('caseload.profile.lead')],
      fields: [
        ...(['workHistory', 'skills', 'qualifications', 'interests', 'wants', 'doesNotWant', 'helps', 'getsInTheWay'] as const).map((k) =>
          textarea(state, k, t(`caseload.profile.${k}`), { hint: t(`caseload.profile.${k}Hint`), rows: 3 }),
        ),
        // Health in the person's own words is a health field: only a reader who sees health writes it.
        ...(view.health ? [textarea(state, 'healthInOwnWords', t('caseload.health.ownWords'), { hint: t('caseload.profile.ownWordsHint'), rows: 3 })] : []),
      ],
      button: t('caseload.save'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.updateProfile(user, caseId, body),
    done: 'profile',
  },
  {
    path: 'details',
    allowed: work,
    initial: (view) => ({
      accessibilityNeeds: view.participant.accessibilityNeeds,
      preferredLanguage: view.participant.preferredLanguage,
      contactMethod: view.participant.contactMethod,
    }),
    page: ({ t, state }) => ({
      title: t('caseload.details.title'),
      lead: [t('caseload.details.lead')],
      fields: [
        textarea(state, 'accessibilityNeeds', t('caseload.person.accessibility'), { hint: t('caseload.details.accessibilityHint'), rows: 3 }),
        radios(state, 'preferredLanguage', t('caseload.person.language'), [
          { value: 'en', text: t('referrals.language.en') },
          { value: 'cy', text: t('referrals.language.cy') },
        ]),
        radios(
          state,
          'contactMethod',
          t('caseload.person.contactMethod'),
          (['email', 'phone', 'text', 'post'] as const).map((m) => ({ value: m, text: t(`referrals.contactMethod.${m}`) })),
        ),
      ],
      button: t('caseload.save'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.updateDetails(user, caseId, body),
    done: 'details',
  },
  {
    path: 'goals/new',
    allowed: work,
    dates: ['dueOn'],
    page: ({ view, t, state }) => ({
      title: t('caseload.plan.addGoal'),
      fields: [
        textarea(state, 'text', t('caseload.plan.goalText'), { hint: t('caseload.plan.goalHint'), rows: 2 }),
        radios(state, 'owner', t('caseload.plan.owner'), ownerChoices(view, t)),
        dateInput(state, 'dueOn', t('caseload.plan.dueOptional'), t, { hint: t('caseload.date.hint') }),
      ],
      button: t('caseload.plan.addGoal'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.addPlanItem(user, caseId, { ...body, kind: 'goal' }),
    done: 'goal',
  },
  {
    path: 'actions/new',
    allowed: work,
    dates: ['dueOn'],
    page: ({ view, t, state }) => {
      const goals = view.plan.filter((i) => i.kind === 'goal' && i.status === 'open');
      return {
        title: t('caseload.plan.addAction'),
        fields: [
          ...(goals.length
            ? [
                radios(state, 'goalId', t('caseload.plan.forGoal'), [
                  ...goals.map((g) => ({ value: g.id, text: g.text })),
                  { value: '', text: t('caseload.plan.noGoal') },
                ]),
              ]
            : []),
          textarea(state, 'text', t('caseload.plan.actionText'), { hint: t('caseload.plan.actionHint'), rows: 2 }),
          radios(state, 'owner', t('caseload.plan.owner'), ownerChoices(view, t)),
          dateInput(state, 'dueOn', t('caseload.plan.dueOptional'), t, { hint: t('caseload.date.hint') }),
        ],
        button: t('caseload.plan.addAction'),
      };
    },
    submit: ({ cases, user, caseId, body }) => cases.addPlanItem(user, caseId, { ...body, kind: 'action' }),
    done: 'action',
  },
  {
    path: 'plan/:itemId',
    allowed: work,
    page: ({ view, t, state, params }) => {
      const item = planItem(view, params.itemId);
      return {
        title: t('caseload.plan.statusTitle'),
        rows: [row(t(item.kind === 'goal' ? 'caseload.plan.goalLabel' : 'caseload.plan.actionLabel'), item.text, t)],
        fields: [
          radios(state, 'status', t('caseload.plan.statusQuestion'), [
            { value: 'done', text: t('cases.planStatus.done') },
            { value: 'dropped', text: t('cases.planStatus.dropped') },
          ]),
        ],
        button: t('caseload.save'),
      };
    },
    submit: ({ cases, user, caseId, body, params }) => cases.setPlanStatus(user, caseId, params.itemId ?? '', body),
    done: 'planStatus',
  },
  {
    path: 'appointments/new',
    allowed: work,
    dates: ['date'],
    page: ({ view, can, t, state }) => {
      // Mandatory appointments and obligation wording exist only where the participation policy allows them.
      const conditions = [
        ...(can.mandatory ? [{ name: 'mandatory', value: 'true', text: t('caseload.appointment.mandatoryChoice') }] : []),
        ...(can.obligationWording ? [{ name: 'obligationWording', value: 'true', text: t('caseload.appointment.obligationChoice') }] : []),
      ];
      return {
        title: t('caseload.appointment.book'),
        lead: isVoluntary(view.participant.regime) ? [t('caseload.appointment.voluntaryLead')] : undefined,
        fields: [
          dateInput(state, 'date', t('caseload.appointment.date'), t, { hint: t('caseload.date.hint') }),
          input(state, 'time', t('caseload.appointment.time'), { hint: t('caseload.appointment.timeHint'), width: 5 }),
          radios(
            state,
            'mode',
            t('caseload.appointment.mode'),
            APPOINTMENT_MODES.map((m) => ({ value: m, text: t(`caseload.mode.${m}`) })),
          ),
          input(state, 'place', t('caseload.appointment.place'), { hint: t('caseload.appointment.placeHint') }),
          ...(conditions.length ? [checkboxes(state, 'conditions', t('caseload.appointment.conditions'), conditions)] : []),
        ],
        button: t('caseload.appointment.book'),
      };
    },
    submit: ({ cases, user, caseId, body }) => cases.bookAppointment(user, caseId, { ...body, time: normaliseTime(body.time) }),
    done: 'appointment',
  },
  {
    path: 'appointments/:appointmentId/outcome',
    allowed: work,
    page: ({ view, t, lang, state, params }) => {
      const a = appointment(view, params.appointmentId);
      const voluntary = isVoluntary(view.participant.regime);
      return {
        title: t('caseload.appointment.outcomeTitle'),
        rows: [
          row(t('caseload.appointment.when'), appointmentTime(a.startsAt, lang), t),
          row(t('caseload.appointment.how'), [t(`cases.mode.${a.mode}`), a.place].filter(Boolean).join(', '), t),
        ],
        fields: [
          radios(
            state,
            'outcome',
            t('caseload.appointment.outcomeQuestion'),
            APPOINTMENT_OUTCOMES.map((o) => ({
              value: o,
              text: t(`cases.outcome.${o}`),
              hint: o === 'did-not-attend' ? t(voluntary ? 'caseload.appointment.missedVoluntary' : 'caseload.appointment.missed') : undefined,
            })),
          ),
          textarea(state, 'note', t('caseload.appointment.outcomeNote'), { rows: 3 }),
        ],
        button: t('caseload.save'),
      };
    },
    submit: ({ cases, user, caseId, body, params }) => cases.recordOutcome(user, caseId, params.appointmentId ?? '', body),
    done: 'outcome',
  },
  {
    path: 'notes/new',
    allowed: (can) => can.writeNotes,
    page: ({ view, can, t, state }) => {
      // Health-team liaison only for a reader who sees health; employer contact only with the person's consent.
      const kinds = view.canWork
        ? STAFF_NOTE_KINDS.filter((k) => (k !== 'health-liaison' || can.healthNote) && (k !== 'employer-contact' || can.employerNote))
        : STAFF_NOTE_KINDS.filter((k) => k === 'health-liaison');
      return {
        title: t('caseload.note.add'),
        fields: [
          radios(
            state,
            'kind',
            t('caseload.note.kind'),
            kinds.map((k) => ({ value: k, text: t(`cases.note.${k}`) })),
          ),
          textarea(state, 'body', t('caseload.note.body'), { rows: 6 }),
        ],
        button: t('caseload.note.add'),
      };
    },
    submit: ({ cases, user, caseId, body }) => cases.addNote(user, caseId, body),
    done: 'note',
  },
  {
    path: 'jobs/new',
    allowed: work,
    dates: ['startDate'],
    page: ({ t, state }) => ({
      title: t('caseload.job.add'),
      fields: [
        input(state, 'employer', t('caseload.job.employer')),
        input(state, 'role', t('caseload.job.role')),
        input(state, 'hoursPerWeek', t('caseload.job.hoursPerWeek'), { hint: t('caseload.job.hoursHint'), width: 4, numeric: true }),
        input(state, 'hourlyPay', t('caseload.job.hourlyPayOptional'), { hint: t('caseload.job.payHint'), width: 5, numeric: true, prefix: '£' }),
        radios(
          state,
          'contractType',
          t('caseload.job.contract'),
          CONTRACT_TYPES.map((c) => ({ value: c, text: t(`cases.contract.${c}`) })),
        ),
        dateInput(state, 'startDate', t('caseload.job.startDate'), t, { hint: t('caseload.date.hint') }),
      ],
      button: t('caseload.job.add'),
    }),
    submit: ({ cases, user, caseId, body }) =>
      cases.startJob(user, caseId, { ...body, hoursPerWeek: normaliseAmount(body.hoursPerWeek), hourlyPay: normaliseAmount(body.hourlyPay) }),
    done: 'job',
  },
  {
    path: 'jobs/:jobId/week',
    allowed: work,
    initial: (view, params) => {
      const job = view.jobs.find((j) => j.id === params.jobId);
      return { week: String(Math.max(0, ...(job?.weeks ?? []).map((w) => w.week)) + 1) };
    },
    page: ({ view, t, lang, state, params }) => {
      const job = openJob(view, params.jobId);
      return {
        title: t('caseload.job.recordWeek'),
        rows: jobRows(job, t, lang),
        fields: [
          input(state, 'week', t('caseload.job.weekNumber'), {
            hint: t('caseload.job.weekHint', { date: showDay(job.startDate, lang) }),
            width: 3,
            numeric: true,
          }),
          input(state, 'hours', t('caseload.job.weekHours'), { hint: t('caseload.job.weekHoursHint'), width: 4, numeric: true }),
          input(state, 'hourlyPay', t('caseload.job.weekPay'), {
            hint: job.hourlyPay === null ? t('caseload.job.weekPayHintNone') : t('caseload.job.weekPayHint', { pay: money(job.hourlyPay, lang) }),
            width: 5,
            numeric: true,
            prefix: '£',
          }),
        ],
        button: t('caseload.save'),
      };
    },
    submit: ({ cases, user, caseId, body, params }) =>
      cases.recordJobWeek(user, caseId, params.jobId ?? '', { ...body, hours: normaliseAmount(body.hours), hourlyPay: normaliseAmount(body.hourlyPay) }),
    done: 'week',
  },
  {
    path: 'jobs/:jobId/end',
    allowed: work,
    dates: ['endDate'],
    page: ({ view, t, lang, state, params }) => {
      const job = openJob(view, params.jobId);
      return {
        title: t('caseload.job.end'),
        lead: [t('caseload.job.endLead')],
        rows: jobRows(job, t, lang),
        fields: [
          dateInput(state, 'endDate', t('caseload.job.endDate'), t, { hint: t('caseload.date.hint') }),
          textarea(state, 'reason', t('caseload.job.endReason'), { rows: 3 }),
        ],
        button: t('caseload.job.end'),
      };
    },
    submit: ({ cases, user, caseId, body, params }) => cases.endJob(user, caseId, params.jobId ?? '', body),
    done: 'jobEnd',
  },
  {
    path: 'consent',
    allowed: work,
    initial: (view) => ({ scopes: view.participant.consentScopes }),
    page: ({ t, state }) => ({
      title: t('caseload.consent.title'),
      single: true,
      fields: [
        checkboxes(
          state,
          'scopes',
          t('caseload.consent.title'),
          MANAGED_CONSENTS.map((s) => ({ value: s, text: t(`cases.consent.${s}`) })),
          { heading: true, hint: t('caseload.consent.hint') },
        ),
      ],
      button: t('caseload.save'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.changeConsent(user, caseId, body),
    done: 'consent',
  },
  {
    path: 'health-team',
    allowed: work,
    page: async ({ view, t, state, cases, user }) => {
      const named = new Set(view.healthTeam.map((m) => m.userId));
      const candidates = (await cases.healthTeamCandidates(user)).filter((c) => !named.has(c.id));
      return {
        title: t('caseload.healthTeam.add'),
        single: candidates.length > 0,
        inset: candidates.length ? undefined : t('caseload.healthTeam.noneToAdd'),
        fields: candidates.length
          ? [
              radios(
                state,
                'userId',
                t('caseload.healthTeam.add'),
                candidates.map((c) => ({ value: c.id, text: c.name })),
                { heading: true, hint: t('caseload.healthTeam.hint') },
              ),
            ]
          : [],
        button: candidates.length ? t('caseload.healthTeam.addButton') : null,
      };
    },
    submit: ({ cases, user, caseId, body }) => cases.addHealthTeamMember(user, caseId, body),
    done: 'healthTeam',
  },
  {
    path: 'regime',
    allowed: work,
    page: ({ view, t, state }) => ({
      title: t('caseload.participation.changeTitle'),
      lead: [t('caseload.participation.changeLead')],
      rows: [row(t('caseload.participation.current'), t(`cases.regime.${view.participant.regime}`), t)],
      fields: [
        radios(
          state,
          'regime',
          t('caseload.participation.newRegime'),
          REGIMES.filter((r) => r !== view.participant.regime).map((r) => ({ value: r, text: t(`cases.regime.${r}`) })),
        ),
        textarea(state, 'reason', t('caseload.reason'), { rows: 3 }),
      ],
      button: t('caseload.participation.changeButton'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.changeRegime(user, caseId, body),
    done: 'regime',
  },
  {
    path: 'compliance-report',
    allowed: (can) => can.work && can.complianceReport,
    page: ({ view, t, lang, state }) => ({
      title: t('caseload.compliance.title'),
      warning: t('caseload.compliance.warning'),
      fields: [
        ...(view.appointments.length
          ? [
              radios(state, 'appointmentId', t('caseload.compliance.appointment'), [
                ...view.appointments.map((a) => ({
                  value: a.id,
                  text: `${appointmentTime(a.startsAt, lang)}${a.outcome ? ` (${t(`cases.outcome.${a.outcome}`)})` : ''}`,
                })),
                { value: '', text: t('caseload.compliance.noAppointment') },
              ]),
            ]
          : []),
        textarea(state, 'details', t('caseload.compliance.details'), { rows: 5 }),
      ],
      button: t('caseload.compliance.send'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.reportComplianceDoubt(user, caseId, body),
    done: 'complianceReport',
  },
  {
    path: 'phase',
    allowed: (can, view) => can.work && nextPhases(view.summary.phase).some((p) => p !== 'closed'),
    page: ({ view, t, state }) => ({
      title: t('caseload.action.phase'),
      rows: [row(t('caseload.case.phase'), t(`cases.phase.${view.summary.phase}`), t)],
      fields: [
        radios(
          state,
          'phase',
          t('caseload.phase.question'),
          nextPhases(view.summary.phase)
            .filter((p) => p !== 'closed')
            .map((p) => ({ value: p, text: t(`cases.phase.${p}`) })),
        ),
        textarea(state, 'reason', t('caseload.reasonOptional'), { rows: 3 }),
      ],
      button: t('caseload.phase.move'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.movePhase(user, caseId, body),
    done: 'phase',
  },
  {
    path: 'close',
    allowed: work,
    page: ({ t, state }) => ({
      title: t('caseload.action.close'),
      lead: [t('caseload.close.lead')],
      fields: [
        radios(
          state,
          'reason',
          t('caseload.close.reason'),
          CLOSURE_REASONS.map((r) => ({ value: r, text: t(`cases.closure.${r}`) })),
        ),
        textarea(state, 'note', t('caseload.close.note'), { hint: t('caseload.close.noteHint'), rows: 3 }),
      ],
      button: t('caseload.action.close'),
      buttonClasses: 'govuk-button--warning',
    }),
    submit: ({ cases, user, caseId, body }) => cases.close(user, caseId, body),
    done: 'closed',
  },
  {
    path: 'reengage',
    allowed: (can) => can.reengage,
    page: ({ t, state }) => ({
      title: t('caseload.action.reengage'),
      single: true,
      fields: [textarea(state, 'reason', t('caseload.reengage.question'), { heading: true, hint: t('caseload.reengage.hint'), rows: 3 })],
      button: t('caseload.action.reengage'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.reengage(user, caseId, body),
    done: 'reengaged',
  },
  {
    path: 'reassign',
    allowed: (can) => can.reassign,
    page: async ({ view, t, state, cases, user }) => {
      const team = await cases.teamCaseloads(user);
      const members = team.members.filter((m) => m.teamId === view.summary.teamId);
      return {
        title: t('caseload.reassign.title'),
        rows: [row(t('caseload.case.specialist'), view.summary.specialistName, t)],
        fields: [
          radios(
            state,
            'specialistUserId',
            t('caseload.reassign.to'),
            members.map((m) => ({
              value: m.userId,
              text: m.name,
              hint: t('caseload.reassign.load', { open: m.open, limit: team.limit }),
            })),
          ),
          textarea(state, 'reason', t('caseload.reason'), { rows: 3 }),
        ],
        button: t('caseload.reassign.button'),
      };
    },
    submit: ({ cases, user, caseId, body }) => cases.reassign(user, caseId, body),
    done: 'reassigned',
  },
  {
    path: 'break-glass',
    allowed: (can) => can.breakGlass,
    page: async ({ t, state, cases, user }) => {
      const { breakGlassHours } = await cases.settings(user);
      return {
        title: t('caseload.breakGlass.title'),
        lead: [t('caseload.breakGlass.lead', { hours: breakGlassHours })],
        warning: t('caseload.breakGlass.warning'),
        fields: [textarea(state, 'reason', t('caseload.breakGlass.reason'), { hint: t('caseload.breakGlass.reasonHint'), rows: 4 })],
        button: t('caseload.breakGlass.button'),
        buttonClasses: 'govuk-button--warning',
      };
    },
    submit: ({ cases, user, caseId, body }) => cases.breakGlass(user, caseId, body),
    done: 'breakGlass',
  },
];

export const DONE_KEYS: ReadonlySet<string> = new Set(CASE_FORMS.map((f) => f.done));
