import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import type { Role } from '../../../platform/db/index.ts';
import type { Issue } from '../../../platform/errors/index.ts';
import { combineDates, dateInput, formBody, formIssues, idParam, input, radios, select, withErrors } from '../../../platform/http/form-fields.ts';
import { formatIsoDate, formatMoment } from '../../../platform/i18n/index.ts';
import { PROGRESS_COHORTS, PROGRESS_MEASURES } from '../../outcomes/index.ts';
import { PLAN_PROGRAMMES } from '../partnership.ts';
import { PLAN_EDITORS, type PlanService } from '../plan-service.ts';

const VIEWS = 'partnerships/web/views';
/** Everyone in the tenant reads the plan; employers' own users are not part of the partnership's staff. */
export const PLAN_READERS: readonly Role[] = ['referrer', 'specialist', 'team-lead', 'tenant-admin', 'ig-lead', 'commissioner'];

const TAGS = {
  met: 'govuk-tag--green',
  'on-track': 'govuk-tag--blue',
  behind: 'govuk-tag--orange',
  'not-started': 'govuk-tag--grey',
  'not-shown': 'govuk-tag--grey',
};
const isoParts = (iso: string | undefined, name: string) =>
  iso ? { [`${name}-day`]: String(Number(iso.slice(8, 10))), [`${name}-month`]: String(Number(iso.slice(5, 7))), [`${name}-year`]: iso.slice(0, 4) } : {};

/** The local plan page (every staff role reads it) and its edit pages (commissioner, tenant admin). */
export function registerPlanPages(app: FastifyInstance, deps: { plans: PlanService }): void {
  const { plans } = deps;

  app.get<{ Querystring: { done?: string } }>('/local-plan', async (request, reply) => {
    const user = requireRole(request.principal, PLAN_READERS);
    const t = request.t;
    const page = await plans.page(user);
    const done = ['saved', 'target', 'targetRemoved', 'sector', 'sectorRemoved'].includes(request.query.done ?? '')
      ? t(`plan.done.${request.query.done}`)
      : null;
    return reply.page(`${VIEWS}/plan.njk`, {
      title: page.plan?.title ?? t('plan.title'),
      done,
      plan: page.plan,
      canEdit: page.canEdit,
      summary: page.plan
        ? [
            {
              key: { text: t('plan.period') },
              value: {
                text: t('plan.periodValue', { from: formatIsoDate(page.plan.startsOn, request.lang), to: formatIsoDate(page.plan.endsOn, request.lang) }),
              },
            },
            { key: { text: t('plan.updated') }, value: { text: formatMoment(page.plan.updatedAt, request.lang, 'day') } },
          ]
        : [],
      suppressed: page.threshold > 0 ? t('plan.suppressed', { n: String(page.threshold) }) : null,
      targets: page.targets.map((x) => {
        const what = `${t(`plan.measure.${x.measure}`)}, ${t(`plan.programme.${x.programme}`)}, ${t(`plan.cohort.${x.cohort}`)}`;
        return {
          id: x.id,
          what,
          cells: [
            { text: t(`plan.measure.${x.measure}`) },
            { text: t(`plan.programme.${x.programme}`) },
            { text: t(`plan.cohort.${x.cohort}`) },
            { text: x.baseline.toLocaleString('en-GB'), format: 'numeric' },
            { text: x.target.toLocaleString('en-GB'), format: 'numeric' },
            { text: x.figure.kind === 'count' ? x.figure.value.toLocaleString('en-GB') : t('plan.hidden'), format: 'numeric' },
            {
              html: `<strong class="govuk-tag ${TAGS[x.progress.status]}">${t(`plan.status.${x.progress.status}`)}</strong>${
                x.progress.percent === null ? '' : ` <span class="govuk-body-s">${t('plan.percent', { percent: String(x.progress.percent) })}</span>`
              }`,
            },
          ],
          removeLabel: t('plan.removeTarget', { what }),
        };
      }),
      sectors: page.sectors.map((s) => ({
        code: s.code,
        name: request.lang === 'cy' ? s.nameCy : s.name,
        removeLabel: t('plan.removeSector', { name: s.name }),
      })),
      partners: page.partners.map((p) => [{ text: p.name }, { text: t(`partners.kind.${p.kind}`) }, { text: p.role }]),
      canManagePartners: user.roles.includes('tenant-admin') || user.roles.includes('ig-lead'),
    });
  });

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { title: string; action: string; button: string; lead?: string[]; fields: ReturnType<typeof input>[]; issues?: readonly Issue[]; status?: number },
  ) => {
    const marked = o.issues ? withErrors(o.fields, o.issues, request.t) : { fields: o.fields, errors: undefined };
    return reply.page(
      'pages/form.njk',
      { title: o.title, lead: o.lead, fields: marked.fields, errors: marked.errors, button: o.button, action: o.action, backHref: '/local-plan' },
      o.status ?? (o.issues ? 400 : 200),
    );
  };

  // ---- The plan's title and period ----
  const planForm = (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, issues?: readonly Issue[], status?: number) => {
    const t = request.t;
    const s = { values };
    return formPage(request, reply, {
      title: t('plan.edit.title'),
      action: '/local-plan/edit',
      button: t('plan.edit.save'),
      fields: [
        input(s, 'title', t('plan.edit.name')),
        dateInput(s, 'startsOn', t('plan.edit.startsOn'), t, { hint: t('plan.edit.dateHint') }),
        dateInput(s, 'endsOn', t('plan.edit.endsOn'), t, { hint: t('plan.edit.dateHint') }),
      ],
      issues,
      status,
    });
  };
  app.get('/local-plan/edit', async (request, reply) => {
    const user = requireRole(request.principal, PLAN_EDITORS);
    const { plan } = await plans.page(user);
    return planForm(request, reply, plan ? { title: plan.title, ...isoParts(plan.startsOn, 'startsOn'), ...isoParts(plan.endsOn, 'endsOn') } : {});
  });
  app.post('/local-plan/edit', async (request, reply) => {
    const user = requireRole(request.principal, PLAN_EDITORS);
    const body = formBody(request.body);
    try {
      await plans.savePlan(user, combineDates(body, ['startsOn', 'endsOn']));
      return reply.redirect('/local-plan?done=saved', 303);
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      return planForm(request, reply, body, failure.issues, failure.status);
    }
  });

  // ---- Targets ----
  const targetForm = (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, issues?: readonly Issue[], status?: number) => {
    const t = request.t;
    const s = { values };
    return formPage(request, reply, {
      title: t('plan.target.title'),
      lead: [t('plan.target.lead')],
      action: '/local-plan/targets/new',
      button: t('plan.target.save'),
      fields: [
        radios(
          s,
          'measure',
          t('plan.target.measure'),
          PROGRESS_MEASURES.map((m) => ({ value: m, text: t(`plan.measure.${m}`) })),
        ),
        select(
          s,
          'programme',
          t('plan.target.programme'),
          PLAN_PROGRAMMES.map((p) => ({ value: p, text: t(`plan.programme.${p}`) })),
        ),
        select(
          s,
          'cohort',
          t('plan.target.cohort'),
          PROGRESS_COHORTS.map((c) => ({ value: c, text: t(`plan.cohort.${c}`) })),
        ),
        input(s, 'baseline', t('plan.target.baseline'), { hint: t('plan.target.baselineHint'), width: 5, numeric: true }),
        input(s, 'target', t('plan.target.target'), { width: 5, numeric: true }),
      ],
      issues,
      status,
    });
  };
  app.get('/local-plan/targets/new', async (request, reply) => {
    requireRole(request.principal, PLAN_EDITORS);
    return targetForm(request, reply, { programme: 'all', cohort: 'all' });
  });
  app.post('/local-plan/targets/new', async (request, reply) => {
    const user = requireRole(request.principal, PLAN_EDITORS);
    const body = formBody(request.body);
    try {
      await plans.saveTarget(user, body);
      return reply.redirect('/local-plan?done=target', 303);
    } catch (error) {
      const failure = formIssues(error) ?? conflictIssues(error);
      if (!failure) throw error;
      return targetForm(request, reply, body, failure.issues, failure.status);
    }
  });
  app.post<{ Params: { id: string } }>('/local-plan/targets/:id/remove', async (request, reply) => {
    const user = requireRole(request.principal, PLAN_EDITORS);
    await plans.removeTarget(user, idParam(request.params.id, 'target'));
    return reply.redirect('/local-plan?done=targetRemoved', 303);
  });

  // ---- Growth sectors ----
  const sectorForm = (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, issues?: readonly Issue[], status?: number) => {
    const t = request.t;
    const s = { values };
    return formPage(request, reply, {
      title: t('plan.sector.title'),
      lead: [t('plan.sectorsLead')],
      action: '/local-plan/sectors/new',
      button: t('plan.sector.save'),
      fields: [input(s, 'name', t('plan.sector.name')), input(s, 'nameCy', t('plan.sector.nameCy'))],
      issues,
      status,
    });
  };
  app.get('/local-plan/sectors/new', async (request, reply) => {
    requireRole(request.principal, PLAN_EDITORS);
    return sectorForm(request, reply, {});
  });
  app.post('/local-plan/sectors/new', async (request, reply) => {
    const user = requireRole(request.principal, PLAN_EDITORS);
    const body = formBody(request.body);
    try {
      await plans.addSector(user, body);
      return reply.redirect('/local-plan?done=sector', 303);
    } catch (error) {
      const failure = formIssues(error) ?? conflictIssues(error);
      if (!failure) throw error;
      return sectorForm(request, reply, body, failure.issues, failure.status);
    }
  });
  app.post<{ Params: { code: string } }>('/local-plan/sectors/:code/remove', async (request, reply) => {
    const user = requireRole(request.principal, PLAN_EDITORS);
    await plans.removeSector(user, request.params.code);
    return reply.redirect('/local-plan?done=sectorRemoved', 303);
  });
}

/** A conflict the form can show beside its field (a name already used): 409 on the form, not the error page. */
export function conflictIssues(error: unknown): { issues: readonly Issue[]; status: 409 } | null {
  if (
    error &&
    typeof error === 'object' &&
    'code' in error &&
    error.code === 'conflict' &&
    'issues' in error &&
    Array.isArray(error.issues) &&
    error.issues.length > 0
  ) {
    return { issues: error.issues as Issue[], status: 409 };
  }
  return null;
}
