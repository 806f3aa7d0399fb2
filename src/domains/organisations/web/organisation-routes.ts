import type { FastifyInstance } from 'fastify';
import { actorOf, requireRole } from '../../../platform/auth/index.ts';
import { DomainError } from '../../../platform/errors/index.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import { formatMoment } from '../../../platform/i18n/index.ts';
import { ORGANISATION_KINDS } from '../organisation.ts';
import type { OrganisationService } from '../organisation-service.ts';

const VIEWS = 'organisations/web/views';

/** The tenant admin's organisation pages: a list, and a one-question-per-field add form (PRG). */
export function registerOrganisationPages(app: FastifyInstance, deps: { organisations: OrganisationService }): void {
  app.get<{ Querystring: { added?: string } }>('/organisations', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin', 'team-lead']);
    const organisations = await deps.organisations.list(user.tenantId);
    const added = organisations.find((o) => o.id === request.query.added);
    return reply.page(`${VIEWS}/list.njk`, {
      title: request.t('organisations.title'),
      canAdd: user.roles.includes('tenant-admin'),
      added: added ? request.t('organisations.created', { name: added.name }) : null,
      rows: organisations.map((o) => [
        { text: o.name },
        { text: request.t(`organisations.kind.${o.kind}`) },
        {
          text: formatMoment(o.createdAt, request.lang, 'day'),
        },
      ]),
    });
  });

  const kindItems = (t: (k: string) => string, selected: unknown) =>
    ORGANISATION_KINDS.map((k) => ({ value: k, text: t(`organisations.kind.${k}`), checked: selected === k }));

  app.get('/organisations/new', async (request, reply) => {
    requireRole(request.principal, ['tenant-admin']);
    return reply.page(`${VIEWS}/new.njk`, { title: request.t('organisations.new.title'), values: {}, kinds: kindItems(request.t, null) });
  });

  app.post('/organisations/new', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const created = await deps.organisations.create(user.tenantId, actorOf(user), { name: body.name, kind: body.kind, email: body.email });
      return reply.redirect(`/organisations?added=${created.id}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
      return reply.page(
        `${VIEWS}/new.njk`,
        {
          title: request.t('organisations.new.title'),
          values: { name: body.name, email: body.email },
          kinds: kindItems(request.t, body.kind),
          errors: formErrors(error.issues, request.t),
        },
        error.code === 'conflict' ? 409 : 400,
      );
    }
  });
}
