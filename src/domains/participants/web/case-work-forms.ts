import type { Language } from '../../../platform/db/index.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { checkboxes, dateInput, input, radios, textarea } from '../../../platform/http/form-fields.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { isVoluntary } from '../../participation/index.ts';
import { APPOINTMENT_MODES, APPOINTMENT_OUTCOMES, CONTRACT_TYPES, PLAN_OWNERS, STAFF_NOTE_KINDS } from '../case.ts';
import { type CaseForm, work } from './case-form.ts';
import { appointmentTime, money, normaliseAmount, normaliseTime, row, day as showDay } from './case-format.ts';
import type { FullCaseView } from './case-page.ts';

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

/** The forms for the work itself: the profile and details, the plan, appointments, notes and jobs. */
export const CASE_WORK_FORMS: readonly CaseForm[] = [
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
];
