import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import type { Language } from '../../../platform/db/index.ts';
import { idParam } from '../../../platform/http/form-fields.ts';
import { formatIsoDate, type Translate } from '../../../platform/i18n/index.ts';
import { type ParticipantService, signedInParticipant } from '../../participants/index.ts';
import type { RetentionService } from '../retention-service.ts';
import { planRows, weekTable } from './retention-presenter.ts';
import { escapeHtml, PAGE, weekParam } from './retention-routes.ts';

const MINE = '/my-support/retention';
const EMPLOYER = ['employer'] as const;

/**
 * The plan as the person sees it on their own pages (in their language unless they chose the
 * other), where they mark the weeks of their phased return done; and as the employer's named
 * contact sees it, signed in as an employer user: only the plans shared with them, and of each only
 * the job, the adjustments, who does what and the weeks. Nothing else about the person.
 */
export function registerRetentionOwnPages(
  app: FastifyInstance,
  deps: { retention: RetentionService; participants: ParticipantService; translator: (lang: Language) => Translate },
): void {
  const { retention, participants, translator } = deps;

  async function participantOf(request: FastifyRequest) {
    return signedInParticipant(request, participants, translator);
  }

  app.get<{ Querystring: { done?: string } }>(MINE, async (request, reply) => {
    const p = await participantOf(request);
    if (!p) return reply.redirect('/my-support', 303);
    const t = request.t;
    const lang = request.lang;
    const plan = await retention.mine(p);
    if (!plan) return reply.page(PAGE, { title: t('retention.mine.title'), backHref: '/my-support/plan', lead: [t('retention.mine.none')] });
    const rc = plan.retention;
    const open = rc.status === 'plan-agreed' || rc.status === 'phased-return';
    return reply.page(PAGE, {
      title: t('retention.mine.title'),
      backHref: '/my-support/plan',
      width: 'full',
      done: request.query.done === 'week' ? t('retention.done.week') : null,
      lead: [t('retention.mine.lead', { employer: rc.employerName, job: rc.jobTitle })],
      sections: [
        { heading: t('retention.section.plan'), rows: rc.planAgreedOn ? planRows(rc, t, lang, true) : [], empty: t('retention.mine.noPlan') },
        {
          heading: t('retention.section.weeks'),
          table: weekTable(plan.weeks, t, lang),
          empty: t('retention.noWeeks'),
          lead: plan.weeksDone
            ? [t('retention.mine.complete')]
            : rc.planSharedWithEmployer
              ? [t('retention.mine.shared', { name: rc.employerConsent?.contactName ?? '' })]
              : [],
          actions: open
            ? plan.weeks
                .filter((w) => w.state === 'current' || w.state === 'overdue')
                .map((w) => ({ text: t('retention.mine.weekDone', { week: w.week }), post: `${MINE}/weeks/${w.week}/done` }))
            : [],
        },
      ],
    });
  });

  app.post<{ Params: { week: string } }>(`${MINE}/weeks/:week/done`, async (request, reply) => {
    const p = await participantOf(request);
    if (!p) return reply.redirect('/my-support', 303);
    await retention.markMyWeekDone(p, weekParam(request.params.week));
    return reply.redirect(`${MINE}?done=week`, 303);
  });

  app.get('/retention-plans', async (request, reply) => {
    const user = requireRole(request.principal, EMPLOYER);
    const t = request.t;
    const plans = await retention.sharedPlans(user);
    return reply.page(PAGE, {
      title: t('retention.employer.title'),
      backHref: '/home',
      width: 'full',
      lead: [t('retention.employer.lead')],
      sections: [
        {
          empty: t('retention.employer.none'),
          table: {
            head: [{ text: t('retention.col.person') }, { text: t('retention.col.job') }, { text: t('retention.col.agreedOn') }],
            rows: plans.map((p) => [
              { html: `<a class="govuk-link" href="/retention-plans/${p.id}">${escapeHtml(p.personName)}</a>` },
              { text: p.jobTitle },
              { text: p.planAgreedOn ? formatIsoDate(p.planAgreedOn, request.lang) : '' },
            ]),
          },
        },
      ],
    });
  });

  app.get<{ Params: { id: string } }>('/retention-plans/:id', async (request, reply) => {
    const user = requireRole(request.principal, EMPLOYER);
    const t = request.t;
    const plan = await retention.sharedPlan(user, idParam(request.params.id, 'retention plan'));
    const rc = plan.retention;
    return reply.page(PAGE, {
      title: t('retention.employer.planTitle', { name: rc.personName }),
      caption: `${rc.employerName}, ${rc.jobTitle}`,
      backHref: '/retention-plans',
      width: 'full',
      lead: [t('retention.employer.planLead')],
      sections: [
        { heading: t('retention.section.plan'), rows: planRows(rc, t, request.lang, true) },
        { heading: t('retention.section.weeks'), table: weekTable(plan.weeks, t, request.lang), empty: t('retention.noWeeks') },
      ],
    });
  });
}
