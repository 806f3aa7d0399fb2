import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, type UserPrincipal } from '../../../platform/auth/index.ts';
import { type Issue, NotFound } from '../../../platform/errors/index.ts';
import { type Field, formBody, formIssues, idParam, input, radios, textarea, withErrors } from '../../../platform/http/form-fields.ts';
import type { CaseService } from '../case-service.ts';
import { CASE_FORM_REFUSALS, dateTime, escapeHtml, link, row, tag } from './case-format.ts';

const VIEWS = 'participants/web/views';

/**
 * The information-governance lead's break-glass reviews, and the tenant admin's case settings (the
 * IPS caseload limit and how long break-glass access lasts).
 */
export function registerCaseAdminPages(app: FastifyInstance, deps: { cases: CaseService }): void {
  const { cases } = deps;

  app.get<{ Querystring: { done?: string } }>('/cases/reviews', async (request, reply) => {
    const user = requireRole(request.principal, ['ig-lead']);
    const t = request.t;
    const lang = request.lang;
    const items = await cases.reviewItems(user);
    return reply.page(`${VIEWS}/caseload-reviews.njk`, {
      title: t('caseload.reviews.title'),
      done: request.query.done === 'reviewed' ? t('caseload.done.reviewed') : null,
      waiting: items.filter((i) => !i.reviewedAt).length,
      head: ['caseload.col.who', 'caseload.col.case', 'caseload.col.reason', 'caseload.col.granted', 'caseload.col.expires', 'caseload.col.review'].map(
        (k) => ({
          text: t(k),
        }),
      ),
      rows: items.map((i) => [
        { text: i.userName },
        { html: link(`/cases/${i.caseId}`, t('caseload.reviews.caseLink'), i.userName) },
        { text: i.reason },
        { text: dateTime(i.grantedAt, lang) },
        { text: dateTime(i.expiresAt, lang) },
        i.reviewedAt
          ? {
              html: `${tag(t(`caseload.reviews.outcome.${i.reviewOutcome ?? 'justified'}`), i.reviewOutcome === 'not-justified' ? 'red' : 'green')}${
                i.reviewNote ? `<p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">${escapeHtml(i.reviewNote)}</p>` : ''
              }`,
            }
          : { html: link(`/cases/reviews/${i.id}`, t('caseload.reviews.review'), t('caseload.reviews.reviewHidden', { name: i.userName })) },
      ]),
    });
  });

  async function reviewPage(
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserPrincipal,
    grantId: string,
    values: Record<string, unknown>,
    issues?: readonly Issue[],
  ) {
    const t = request.t;
    const item = (await cases.reviewItems(user)).find((i) => i.id === grantId && !i.reviewedAt);
    if (!item) throw new NotFound('unreviewed break-glass grant', grantId);
    const state = { values };
    const fields: Field[] = [
      radios(state, 'outcome', t('caseload.reviews.question'), [
        { value: 'justified', text: t('caseload.reviews.outcome.justified') },
        { value: 'not-justified', text: t('caseload.reviews.outcome.not-justified') },
      ]),
      textarea(state, 'note', t('caseload.reviews.note'), { rows: 3 }),
    ];
    const marked = issues ? withErrors(fields, issues, t) : { fields, errors: undefined };
    return reply.page(
      'pages/form.njk',
      {
        title: t('caseload.reviews.formTitle'),
        rows: [
          row(t('caseload.col.who'), item.userName, t),
          { key: { text: t('caseload.col.case') }, value: { html: link(`/cases/${item.caseId}`, t('caseload.reviews.caseLink')) } },
          row(t('caseload.col.reason'), item.reason, t),
          row(t('caseload.col.granted'), dateTime(item.grantedAt, request.lang), t),
          row(t('caseload.col.expires'), dateTime(item.expiresAt, request.lang), t),
        ],
        fields: marked.fields,
        errors: marked.errors,
        button: t('caseload.reviews.save'),
        action: `/cases/reviews/${grantId}`,
        backHref: '/cases/reviews',
      },
      issues ? 400 : 200,
    );
  }

  app.get<{ Params: { grantId: string } }>('/cases/reviews/:grantId', async (request, reply) => {
    const user = requireRole(request.principal, ['ig-lead']);
    return reviewPage(request, reply, user, idParam(request.params.grantId, 'review'), {});
  });
  app.post<{ Params: { grantId: string } }>('/cases/reviews/:grantId', async (request, reply) => {
    const user = requireRole(request.principal, ['ig-lead']);
    const grantId = idParam(request.params.grantId, 'review');
    const body = formBody(request.body);
    try {
      await cases.review(user, grantId, body);
      return reply.redirect('/cases/reviews?done=reviewed', 303);
    } catch (error) {
      const failure = formIssues(error, CASE_FORM_REFUSALS);
      if (!failure) throw error;
      return reviewPage(request, reply, user, grantId, body, failure.issues);
    }
  });

  async function settingsPage(request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, saved: boolean, issues?: readonly Issue[]) {
    const t = request.t;
    const state = { values };
    const fields = [
      input(state, 'ipsCaseloadLimit', t('caseload.settings.limit'), { hint: t('caseload.settings.limitHint'), width: 3, numeric: true }),
      input(state, 'breakGlassHours', t('caseload.settings.hours'), { hint: t('caseload.settings.hoursHint'), width: 3, numeric: true }),
    ];
    const marked = issues ? withErrors(fields, issues, t) : { fields, errors: undefined };
    return reply.page(
      'pages/form.njk',
      {
        title: t('caseload.settings.title'),
        done: saved ? t('caseload.done.settings') : null,
        lead: [t('caseload.settings.lead')],
        fields: marked.fields,
        errors: marked.errors,
        button: t('caseload.settings.save'),
        action: '/cases/settings',
        backHref: '/home',
      },
      issues ? 400 : 200,
    );
  }

  app.get<{ Querystring: { saved?: string } }>('/cases/settings', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const s = await cases.settings(user);
    return settingsPage(
      request,
      reply,
      { ipsCaseloadLimit: String(s.ipsCaseloadLimit), breakGlassHours: String(s.breakGlassHours) },
      request.query.saved === '1',
    );
  });
  app.post('/cases/settings', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const body = formBody(request.body);
    try {
      await cases.updateSettings(user, body);
      return reply.redirect('/cases/settings?saved=1', 303);
    } catch (error) {
      const failure = formIssues(error, CASE_FORM_REFUSALS);
      if (!failure) throw error;
      return settingsPage(request, reply, body, false, failure.issues);
    }
  });
}
