import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { idParam } from '../../../platform/http/form-fields.ts';
import { formRoute, type Params } from '../../../platform/http/form-route.ts';
import { formatIsoDate } from '../../../platform/i18n/index.ts';
import { CASE_READERS } from '../../participants/index.ts';
import type { RetentionService } from '../retention-service.ts';
import {
  FIT_NOTE_DATES,
  fitNoteFields,
  fitNoteInput,
  flatIssues,
  outcomeFields,
  PLAN_DATES,
  planFields,
  planInput,
  REFER_DATES,
  referFields,
  referInput,
  reviewFields,
} from './retention-fields.ts';
import { fitNoteTable, jobRows, planRows, weekTable } from './retention-presenter.ts';

export const PAGE = 'retention/web/views/retention-page.njk';
const WORKERS = ['specialist', 'team-lead'] as const;
const REFERRERS = ['referrer', 'employer'] as const;
const DONE = ['fit-note', 'plan', 'week', 'review', 'outcome'] as const;

/**
 * Staff's retention pages: the referral form (a GP or occupational health as referrers, an
 * employer user with the person's consent), the case's retention page with its fit notes, plan and
 * phased-return weeks, their forms, and the team lead's list of missed reviews.
 */
export function registerRetentionPages(app: FastifyInstance, deps: { retention: RetentionService }): void {
  const { retention } = deps;
  const base = (caseId: string) => `/cases/${caseId}/retention`;

  formRoute(app, {
    path: '/retention/refer',
    actor: async (request) => requireRole(request.principal, REFERRERS),
    dates: REFER_DATES,
    page: async (request, user, typed) => {
      const asEmployer = user.roles.includes('employer') && !user.roles.includes('referrer');
      return {
        title: request.t('retention.refer.title'),
        lead: [request.t(asEmployer ? 'retention.refer.leadEmployer' : 'retention.refer.lead')],
        fields: referFields(typed ?? { preferredLanguage: request.lang, referredBy: 'gp' }, request.t, asEmployer),
        button: request.t('retention.refer.button'),
        backHref: '/home',
      };
    },
    submit: async (_request, user, body) => {
      const sent = await flatIssues(() => retention.refer(user, 'clinician', referInput(body, user, retention.today())));
      return `/retention/referred/${sent.referralId}?reference=${encodeURIComponent(sent.reference)}`;
    },
  });

  app.get<{ Params: Params; Querystring: { reference?: string } }>('/retention/referred/:id', async (request, reply) => {
    requireRole(request.principal, REFERRERS);
    const t = request.t;
    const reference = /^[A-Z0-9-]{1,40}$/.test(request.query.reference ?? '') ? (request.query.reference as string) : '';
    return reply.page(PAGE, {
      title: t('retention.referred.title'),
      lead: [t('retention.referred.reference', { reference }), t('retention.referred.next')],
      actions: [{ text: t('retention.referred.home'), href: '/home' }],
    });
  });

  app.get<{ Params: Params; Querystring: { done?: string } }>('/cases/:id/retention', async (request, reply) => {
    const user = requireRole(request.principal, CASE_READERS);
    const caseId = idParam(request.params.id, 'case');
    const t = request.t;
    const lang = request.lang;
    const data = await retention.forCase(user, caseId);
    const rc = data.retention;
    const open = data.view.canWork && rc.status !== 'closed';
    const done = DONE.find((d) => d === request.query.done);
    const missed = data.weeks.filter((w) => w.review === 'missed');
    return reply.page(PAGE, {
      title: t('retention.title'),
      caption: data.view.summary.personName,
      backHref: `/cases/${caseId}`,
      width: 'full',
      done: done ? t(`retention.done.${done}`) : null,
      warnings: missed.map((w) => t('retention.reviewMissed', { week: w.week, date: formatIsoDate(w.reviewOn ?? data.today, lang) })),
      sections: [
        { heading: t('retention.section.job'), rows: jobRows(rc, t, lang) },
        {
          heading: t('retention.section.fitNotes'),
          table: fitNoteTable(data.notes, t, lang),
          empty: t(data.seesHealth ? 'retention.noFitNotes' : 'retention.fitNotesHidden'),
          actions: open ? [{ text: t('retention.action.fitNote'), href: `${base(caseId)}/fit-note`, button: true, classes: 'govuk-button--secondary' }] : [],
        },
        {
          heading: t('retention.section.plan'),
          rows: rc.planAgreedOn ? planRows(rc, t, lang) : [],
          empty: t('retention.noPlan'),
          actions:
            open && (rc.status === 'referred' || rc.status === 'plan-agreed')
              ? [{ text: t('retention.action.plan'), href: `${base(caseId)}/plan`, button: true }]
              : [],
        },
        {
          heading: t('retention.section.weeks'),
          table: weekTable(data.weeks, t, lang),
          empty: t('retention.noWeeks'),
          lead: data.complete ? [t('retention.complete')] : [],
          actions: open
            ? data.weeks.flatMap((w) => [
                ...(w.state === 'current' || w.state === 'overdue'
                  ? [
                      {
                        text: t('retention.action.weekDone', { week: w.week }),
                        post: `${base(caseId)}/weeks/${w.week}/done`,
                        classes: 'govuk-button--secondary',
                      },
                    ]
                  : []),
                ...(w.review === 'due' || w.review === 'missed'
                  ? [{ text: t('retention.action.review', { week: w.week }), href: `${base(caseId)}/weeks/${w.week}/review` }]
                  : []),
              ])
            : [],
        },
        {
          heading: t('retention.section.outcome'),
          rows: rc.outcome
            ? [
                { key: { text: t('retention.col.outcome') }, value: { text: t(`retention.outcome.${rc.outcome}`) } },
                ...(rc.leftReason ? [{ key: { text: t('retention.col.leftReason') }, value: { text: t(`retention.leftReason.${rc.leftReason}`) } }] : []),
                {
                  key: { text: t('retention.col.absenceBeforeAfter') },
                  value: { text: t('retention.beforeAfter', { before: rc.absenceDays, after: rc.absenceDaysAfter ?? 0 }) },
                },
              ]
            : [],
          empty: t('retention.noOutcome'),
          actions: open ? [{ text: t('retention.action.outcome'), href: `${base(caseId)}/outcome` }] : [],
        },
      ],
    });
  });

  const caseActor = async (request: { principal: Parameters<typeof requireRole>[0] }) => requireRole(request.principal, WORKERS);

  formRoute(app, {
    path: '/cases/:id/retention/fit-note',
    actor: caseActor,
    dates: FIT_NOTE_DATES,
    page: async (request, _user, typed) => ({
      title: request.t('retention.fitNote.title'),
      lead: [request.t('retention.fitNote.lead')],
      fields: fitNoteFields(typed ?? {}, request.t, false),
      button: request.t('retention.fitNote.button'),
      backHref: base(idParam(request.params.id, 'case')),
    }),
    submit: async (request, user, body) => {
      const caseId = idParam(request.params.id, 'case');
      await retention.addFitNote(user, caseId, fitNoteInput(body));
      return `${base(caseId)}?done=fit-note`;
    },
  });

  formRoute(app, {
    path: '/cases/:id/retention/plan',
    actor: caseActor,
    dates: PLAN_DATES,
    page: async (request, user, typed) => {
      const caseId = idParam(request.params.id, 'case');
      const t = request.t;
      const data = await retention.forCase(user, caseId);
      const rc = data.retention;
      const advice = data.noteInForce?.advice ?? [];
      return {
        title: t('retention.plan.title'),
        caption: data.view.summary.personName,
        lead: [t('retention.plan.lead', { hours: rc.hoursPerWeek })],
        inset: advice.length ? t('retention.plan.advice', { advice: advice.map((a) => t(`retention.advice.${a}`)).join(', ') }) : undefined,
        fields: planFields(typed ?? { reviewEvery: '2', shareWithEmployer: 'no' }, t, {
          decisions: data.decisions.map((d) => ({ id: d.id, label: t('retention.plan.decision', { date: formatIsoDate(d.assessedOn, request.lang) }) })),
          contacts: data.employerContacts,
          consent: rc.employerConsent !== null,
        }),
        button: t('retention.plan.button'),
        backHref: base(caseId),
      };
    },
    submit: async (request, user, body) => {
      const caseId = idParam(request.params.id, 'case');
      await retention.agreePlan(user, caseId, planInput(body));
      return `${base(caseId)}?done=plan`;
    },
  });

  app.post<{ Params: Params }>('/cases/:id/retention/weeks/:week/done', async (request, reply) => {
    const user = requireRole(request.principal, WORKERS);
    const caseId = idParam(request.params.id, 'case');
    await retention.markWeekDone(user, caseId, weekParam(request.params.week));
    return reply.redirect(`${base(caseId)}?done=week`, 303);
  });

  formRoute(app, {
    path: '/cases/:id/retention/weeks/:week/review',
    actor: caseActor,
    page: async (request, _user, typed) => ({
      title: request.t('retention.review.title', { week: weekParam(request.params.week) }),
      fields: reviewFields(typed ?? {}, request.t),
      button: request.t('retention.review.button'),
      backHref: base(idParam(request.params.id, 'case')),
    }),
    submit: async (request, user, body) => {
      const caseId = idParam(request.params.id, 'case');
      await retention.recordReview(user, caseId, weekParam(request.params.week), body);
      return `${base(caseId)}?done=review`;
    },
  });

  formRoute(app, {
    path: '/cases/:id/retention/outcome',
    actor: caseActor,
    page: async (request, _user, typed) => ({
      title: request.t('retention.outcome.title'),
      lead: [request.t('retention.outcome.lead')],
      fields: outcomeFields(typed ?? { sameEmployer: 'yes' }, request.t),
      button: request.t('retention.outcome.button'),
      backHref: base(idParam(request.params.id, 'case')),
    }),
    submit: async (request, user, body) => {
      const caseId = idParam(request.params.id, 'case');
      await retention.recordOutcome(user, caseId, body);
      return `${base(caseId)}?done=outcome`;
    },
  });

  app.get('/retention/missed-reviews', async (request, reply) => {
    const user = requireRole(request.principal, WORKERS);
    const t = request.t;
    const rows = await retention.missedReviews(user);
    return reply.page(PAGE, {
      title: t('retention.missed.title'),
      backHref: '/home',
      width: 'full',
      lead: [t('retention.missed.lead')],
      sections: [
        {
          empty: t('retention.missed.none'),
          table: {
            head: [
              { text: t('retention.col.person') },
              { text: t('retention.col.employer') },
              { text: t('retention.col.week') },
              { text: t('retention.col.reviewDue') },
            ],
            rows: rows.map((r) => [
              { html: `<a class="govuk-link" href="${base(r.case_id)}">${escapeHtml(`${r.given_name} ${r.family_name}`)}</a>` },
              { text: r.employer_name },
              { text: String(r.week) },
              { text: r.review_on ? formatIsoDate(r.review_on, request.lang) : '' },
            ]),
          },
        },
      ],
    });
  });
}

/** A week number from the address: anything else is a page that does not exist. */
export function weekParam(value: unknown): number {
  if (typeof value !== 'string' || !/^[1-9][0-9]?$/.test(value)) throw new NotFound('week');
  return Number(value);
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
