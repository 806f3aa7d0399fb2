import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import type { Issue } from '../../../platform/errors/index.ts';
import { type Field, formBody, formIssues, input, withErrors } from '../../../platform/http/form-fields.ts';
import type { TenantLinks } from '../tenant-links-schemas.ts';
import type { TenantLinksService } from '../tenant-links-service.ts';

const PATH = '/admin/privacy-and-accessibility';

const valuesOf = (links: TenantLinks) => ({ privacyNoticeUrl: links.privacyNoticeUrl ?? '', accessibilityStatementUrl: links.accessibilityStatementUrl ?? '' });

/**
 * The tenant admin's page for the two links in every page's footer (ADR 0039). Bad input shows
 * the GOV.UK error summary and changes nothing.
 */
export function registerTenantLinksPages(app: FastifyInstance, deps: { links: TenantLinksService }): void {
  function page(request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, saved: boolean, issues?: readonly Issue[]) {
    const t = request.t;
    const state = { values };
    // A web address box: no spelling check, and a phone's keyboard for addresses.
    const address = (name: string, label: string, hint: string): Field => {
      const field = input(state, name, label, { hint });
      return { ...field, params: { ...field.params, type: 'url', spellcheck: false, autocomplete: 'url' } };
    };
    const fields = [
      address('privacyNoticeUrl', t('links.privacy'), t('links.privacyHint')),
      address('accessibilityStatementUrl', t('links.accessibility'), t('links.accessibilityHint')),
    ];
    const marked = issues ? withErrors(fields, issues, t) : { fields, errors: undefined };
    return reply.page(
      'pages/form.njk',
      {
        title: t('links.title'),
        done: saved ? t('links.saved') : null,
        lead: [t('links.lead'), t('links.leadEmpty')],
        fields: marked.fields,
        errors: marked.errors,
        button: t('links.save'),
        action: PATH,
        backHref: '/home',
      },
      issues ? 400 : 200,
    );
  }

  app.get<{ Querystring: { saved?: string } }>(PATH, async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    return page(request, reply, valuesOf(await deps.links.get(user)), request.query.saved === '1');
  });

  app.post(PATH, async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const body = formBody(request.body);
    try {
      await deps.links.update(user, body);
      return reply.redirect(`${PATH}?saved=1`, 303);
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      return page(request, reply, body, false, failure.issues);
    }
  });
}
