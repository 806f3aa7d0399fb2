import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import type { Language } from '../../../platform/db/index.ts';
import { DomainError } from '../../../platform/errors/index.ts';
import { formBody, idParam } from '../../../platform/http/form-fields.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import { formatMoment, type Translate } from '../../../platform/i18n/index.ts';
import { type CaseService, type ParticipantService, signedInParticipant } from '../../participants/index.ts';
import type { DirectoryService } from '../directory-service.ts';
import { SHAREABLE_ITEMS } from '../onward-rules.ts';
import type { OnwardReferral, OnwardService } from '../onward-service.ts';
import { resultItem, serviceView } from './directory-routes.ts';

const VIEWS = 'directory/web/views';
const STAFF = ['specialist', 'team-lead'] as const;

const statusTag = (t: Translate, status: OnwardReferral['status']) => ({
  text: t(`onward.status.${status}`),
  classes: status === 'accepted' || status === 'completed' ? 'govuk-tag--green' : status === 'declined' ? 'govuk-tag--red' : 'govuk-tag--blue',
});

const rowsOf = (t: Translate, lang: string, list: OnwardReferral[]) =>
  list.map((o) => [
    { text: o.serviceName },
    { text: formatMoment(o.sentAt, lang as Language, 'day') },
    {
      html: `<strong class="govuk-tag ${statusTag(t, o.status).classes}">${statusTag(t, o.status).text}</strong>${o.declineReason || o.outcome ? ` <span class="govuk-body-s">${escapeHtml(o.declineReason ?? o.outcome ?? '')}</span>` : ''}`,
    },
  ]);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Onward referrals: the specialist's search and form from a case (`/cases/{id}/onward`), the
 * provider's page behind the emailed link (no account), and the person's own list.
 */
export function registerOnwardPages(
  app: FastifyInstance,
  deps: { onward: OnwardService; directory: DirectoryService; cases: CaseService; participants: ParticipantService; translator: (lang: Language) => Translate },
): void {
  const { onward, directory, cases } = deps;

  app.get<{ Params: { id: string }; Querystring: { q?: string; term?: string; postcode?: string; sent?: string } }>(
    '/cases/:id/onward',
    async (request, reply) => {
      const user = requireRole(request.principal, [...STAFF]);
      const caseId = idParam(request.params.id, 'case');
      const view = await cases.view(user, caseId, { healthFields: false });
      const list = await onward.ofCase(user, caseId);
      const council = (await directory.councils()).find((c) => c.id === user.tenantId);
      const postcode = request.query.postcode ?? view.participant.postcode;
      const terms = await directory.taxonomyTerms(user.tenantId);
      const sent = list.find((o) => o.id === request.query.sent);
      const context: Record<string, unknown> = {
        title: request.t('onward.title'),
        caseHref: `/cases/${caseId}`,
        lead: request.t('onward.lead', { name: `${view.participant.givenName} ${view.participant.familyName}` }),
        sent: sent ? request.t('onward.sent', { service: sent.serviceName }) : null,
        rows: rowsOf(request.t, request.lang, list),
        values: { q: request.query.q ?? '', postcode },
        terms: [
          { value: '', text: request.t('directory.find.anyTerm') },
          ...terms.map((x) => ({ value: x.id, text: x.name, selected: x.id === request.query.term })),
        ],
        near: request.t('onward.near', { postcode }),
      };
      try {
        const result = await directory.search(
          user.tenantId,
          { search: request.query.q || undefined, taxonomy_term_id: request.query.term || undefined, postcode: postcode || undefined, per_page: '10' },
          { referableOnly: true },
        );
        context.results = result.rows.map((r) => ({
          ...resultItem(request.t, `/find-a-service/${council?.gssCode ?? ''}/${r.id}`, r),
          choose: `/cases/${caseId}/onward/${r.id}`,
        }));
        return reply.page(`${VIEWS}/onward-search.njk`, context);
      } catch (error) {
        if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
        return reply.page(`${VIEWS}/onward-search.njk`, { ...context, results: [], errors: formErrors(error.issues, request.t) }, 400);
      }
    },
  );

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    serviceId: string,
    values: Record<string, unknown>,
    errors?: unknown,
    status = 200,
  ) => {
    const user = requireRole(request.principal, [...STAFF]);
    const { hsds, row, today } = await directory.service(user.tenantId, serviceId);
    const staleDays = await directory.staleDays(user.tenantId);
    const share = Array.isArray(values.share) ? values.share : typeof values.share === 'string' ? [values.share] : [];
    return reply.page(
      `${VIEWS}/onward-form.njk`,
      {
        title: request.t('onward.form.title', { service: row.name }),
        back: `/cases/${caseId}/onward`,
        action: `/cases/${caseId}/onward/${serviceId}`,
        service: serviceView(request, hsds, row, today, staleDays),
        values,
        shareItems: SHAREABLE_ITEMS.map((i) => ({ value: i, text: request.t(`onward.share.${i}`), checked: share.includes(i) })),
        methods: (['verbal', 'written'] as const).map((m) => ({ value: m, text: request.t(`onward.consent.${m}`), checked: values.consentMethod === m })),
        errors,
      },
      status,
    );
  };

  app.get<{ Params: { id: string; serviceId: string } }>('/cases/:id/onward/:serviceId', async (request, reply) =>
    showForm(request, reply, idParam(request.params.id, 'case'), idParam(request.params.serviceId, 'service'), { share: ['name', 'contact'] }),
  );

  app.post<{ Params: { id: string; serviceId: string } }>('/cases/:id/onward/:serviceId', async (request, reply) => {
    const user = requireRole(request.principal, [...STAFF]);
    const caseId = idParam(request.params.id, 'case');
    const serviceId = idParam(request.params.serviceId, 'service');
    const body = formBody(request.body) as Record<string, unknown>;
    try {
      const sent = await onward.send(user, caseId, { ...body, serviceId });
      return reply.redirect(`/cases/${caseId}/onward?sent=${sent.id}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
      return showForm(request, reply, caseId, serviceId, body, formErrors(error.issues, request.t), error.code === 'forbidden' ? 403 : 400);
    }
  });

  // The provider's page: the link is the only credential, so nothing here needs a sign-in.
  const providerPage = async (request: FastifyRequest, reply: FastifyReply, token: string, extra: Record<string, unknown> = {}, status = 200) => {
    const found = await onward.open(token);
    if (found.state !== 'valid') {
      return reply.page(
        `${VIEWS}/onward-provider.njk`,
        { title: request.t(`onward.link.${found.state}`), linkProblem: true },
        found.state === 'invalid' ? 404 : 410,
      );
    }
    const r = found.referral;
    const labels: Record<string, string> = {
      name: 'onward.provider.sharedName',
      email: 'onward.provider.sharedEmail',
      phone: 'onward.provider.sharedPhone',
      dateOfBirth: 'onward.provider.sharedDateOfBirth',
      address: 'onward.provider.sharedAddress',
    };
    return reply.page(
      `${VIEWS}/onward-provider.njk`,
      {
        title: request.t('onward.provider.title', { service: r.serviceName }),
        action: `/onward-referrals/respond?link=${encodeURIComponent(token)}`,
        purpose: found.purpose,
        rows: [
          { key: { text: request.t('onward.provider.need') }, value: { text: r.need } },
          ...Object.entries(r.shared).map(([k, v]) => ({ key: { text: request.t(labels[k] ?? k) }, value: { text: v } })),
        ],
        ...extra,
      },
      status,
    );
  };

  // The token rides in the query: two ids, an expiry, a nonce and a signature are longer than a path segment may be.
  app.get<{ Querystring: { link?: string } }>('/onward-referrals/respond', async (request, reply) => providerPage(request, reply, request.query.link ?? ''));

  app.post<{ Querystring: { link?: string } }>('/onward-referrals/respond', async (request, reply) => {
    const token = request.query.link ?? '';
    const body = formBody(request.body) as Record<string, unknown>;
    try {
      const done = await onward.respond(token, body);
      return reply.page(`${VIEWS}/onward-provider.njk`, { title: request.t(`onward.provider.done.${done.status}`), done: true });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.issues.length === 0) return providerPage(request, reply, token);
      return providerPage(request, reply, token, { errors: formErrors(error.issues, request.t), values: body }, 400);
    }
  });

  // The person's own list, in their language unless they chose the other.
  app.get('/my-support/referrals', async (request, reply) => {
    const p = await signedInParticipant(request, deps.participants, deps.translator);
    if (!p) return reply.redirect('/my-support', 303);
    const list = await onward.mine(p);
    return reply.page(`${VIEWS}/onward-mine.njk`, {
      title: request.t('onward.mine.title'),
      participantName: p.name,
      section: null,
      backHref: '/my-support/plan',
      rows: rowsOf(request.t, request.lang, list),
    });
  });
}
